// Failed activity attempts that were retried, newest first, from the recent runs' retry logs.
import { formatDateTime } from '../format/format';
import type { RecentRun } from './types';

export function RetryTable({ runs, limit = 20 }: { runs: readonly RecentRun[]; limit?: number }) {
  const retries = runs
    .flatMap((run) => run.retryLogs.map((log) => ({ run, log })))
    .sort((a, b) => Date.parse(b.log.failedAt) - Date.parse(a.log.failedAt));
  return (
    <section className="card" aria-labelledby="retries-title">
      <h2 id="retries-title">Retries ({retries.length})</h2>
      {retries.length === 0 ? (
        <p className="muted">No retried attempts in the recent runs.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Run</th>
              <th scope="col">Activity</th>
              <th scope="col">Attempt</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {retries.slice(0, limit).map(({ run, log }) => (
              <tr key={log.id}>
                <td>{formatDateTime(log.failedAt)}</td>
                <td>
                  {run.cycle?.name ?? '—'}
                  {run.report ? ` · ${run.report.reportNumber}` : ''}
                </td>
                <td>
                  {log.activityType} <span className="muted">({log.activityKind})</span>
                </td>
                <td>{log.attempt}</td>
                <td>{log.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
