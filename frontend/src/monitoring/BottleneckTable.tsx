// Where work waits: open human tasks per phase, the oldest one's age, and how many are past due.
import { formatDuration } from '../format/format';
import { PHASE_LABELS, phaseNumber } from '../workflow/phases';
import type { Bottleneck } from './metrics';

export function BottleneckTable({ rows }: { rows: readonly Bottleneck[] }) {
  return (
    <section className="card" aria-labelledby="bottlenecks-title">
      <h2 id="bottlenecks-title">Bottlenecks</h2>
      {rows.length === 0 ? (
        <p className="muted">No human task is waiting.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Open tasks</th>
              <th scope="col">Oldest waiting</th>
              <th scope="col">Overdue</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.phase}>
                <th scope="row">
                  {phaseNumber(row.phase)}. {PHASE_LABELS[row.phase]}
                </th>
                <td>{row.openCount}</td>
                <td>{formatDuration(row.oldestAgeSeconds)}</td>
                <td className={row.overdueCount > 0 ? 'error-text' : undefined}>{row.overdueCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
