// Where work waits, from the server: open tasks per phase, the oldest one's age, overdue ones, runs in the phase, waiting vs working time.
import { formatDuration, formatPercent } from '../format/format';
import { PHASE_LABELS, phaseNumber } from '../workflow/phases';
import type { Bottleneck } from './types';

export function BottleneckTable({ rows }: { rows: readonly Bottleneck[] }) {
  return (
    <section className="card" aria-labelledby="bottlenecks-title">
      <h2 id="bottlenecks-title">Bottlenecks</h2>
      {rows.length === 0 ? (
        <p className="muted">No report run of the period has spent time in a phase yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col">Open tasks</th>
                <th scope="col">Oldest waiting</th>
                <th scope="col">Overdue</th>
                <th scope="col">Runs in phase</th>
                <th scope="col">Waiting vs working</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.phase} data-testid={`bottleneck-${row.phase}`}>
                  <th scope="row">
                    {phaseNumber(row.phase)}. {PHASE_LABELS[row.phase]}
                  </th>
                  <td>{row.openTaskCount}</td>
                  <td>{formatDuration(row.oldestOpenTaskAgeSeconds)}</td>
                  <td className={row.overdueTaskCount > 0 ? 'error-text' : undefined}>{row.overdueTaskCount}</td>
                  <td>{row.activeRunCount}</td>
                  <td>
                    <WaitingBar share={row.waitingShare} />
                    <span className="small">
                      {formatDuration(row.waitingSeconds)} waiting · {formatDuration(row.workingSeconds)} working
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The waiting share as a bar, with the percentage spelled out for readers who do not see the bar. */
function WaitingBar({ share }: { share: number | null | undefined }) {
  if (share === null || share === undefined) return null;
  return (
    <span className="split-bar" role="img" aria-label={`${formatPercent(share)} of the time waiting on people`}>
      <span className="split-bar__waiting" style={{ width: `${Math.round(share * 100)}%` }} />
    </span>
  );
}
