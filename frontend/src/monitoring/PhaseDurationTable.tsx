// Per-phase durations from the server: average, p50, p95, and waiting-on-people vs working time, over finished report runs.
import { formatDuration } from '../format/format';
import { PHASE_LABELS, phaseNumber } from '../workflow/phases';
import type { PhaseDuration } from './types';

export function PhaseDurationTable({ stats }: { stats: readonly PhaseDuration[] }) {
  return (
    <section className="card" aria-labelledby="durations-title">
      <h2 id="durations-title">Phase durations</h2>
      <p className="muted small">
        Phases that completed in the finished report runs of the period; p50 and p95 are interpolated percentiles.
      </p>
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
              <th scope="col">Skipped</th>
              <th scope="col">Failed</th>
              <th scope="col">Retries</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.phase} data-testid={`duration-${s.phase}`}>
                <th scope="row">
                  {phaseNumber(s.phase)}. {PHASE_LABELS[s.phase]}
                </th>
                <td>{s.completedCount}</td>
                <td>{formatDuration(s.avgSeconds)}</td>
                <td>{formatDuration(s.p50Seconds)}</td>
                <td>{formatDuration(s.p95Seconds)}</td>
                <td>{formatDuration(s.avgWaitingSeconds)}</td>
                <td>{formatDuration(s.avgWorkingSeconds)}</td>
                <td>{s.skippedCount}</td>
                <td className={s.failedCount > 0 ? 'error-text' : undefined}>{s.failedCount}</td>
                <td>{s.retryCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
