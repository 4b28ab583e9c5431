// Per-phase durations over recent report runs: average, p50, p95, and waiting-on-people vs working time.
import { formatDuration } from '../format/format';
import { PHASE_LABELS, phaseNumber } from '../workflow/phases';
import type { PhaseDurationStats } from './metrics';

export function PhaseDurationTable({ stats, runCount }: { stats: readonly PhaseDurationStats[]; runCount: number }) {
  return (
    <section className="card" aria-labelledby="durations-title">
      <h2 id="durations-title">Phase durations</h2>
      <p className="muted small">Finished phases of the {runCount} most recent report runs.</p>
      <div className="table-scroll">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Measured</th>
              <th scope="col">Average</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">Waiting on people</th>
              <th scope="col">Working</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.phase} data-testid={`duration-${s.phase}`}>
                <th scope="row">
                  {phaseNumber(s.phase)}. {PHASE_LABELS[s.phase]}
                </th>
                <td>{s.count}</td>
                <td>{formatDuration(s.avgSeconds)}</td>
                <td>{formatDuration(s.p50Seconds)}</td>
                <td>{formatDuration(s.p95Seconds)}</td>
                <td>{formatDuration(s.avgWaitingSeconds)}</td>
                <td>{formatDuration(s.avgWorkingSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
