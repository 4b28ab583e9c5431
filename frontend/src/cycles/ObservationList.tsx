// The findings of phase 7: one row per observation with severity and failure counts.
import { StatusBadge } from '../components/StatusBadge';
import type { ObservationRow } from './types';

export function ObservationList({ observations }: { observations: readonly ObservationRow[] }) {
  if (observations.length === 0) return null;
  return (
    <section aria-labelledby="observations-title" className="card">
      <h2 id="observations-title">Observations ({observations.length})</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Finding</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Failures</th>
          </tr>
        </thead>
        <tbody>
          {observations.map((o) => (
            <tr key={o.id}>
              <td>{o.report?.reportNumber ?? '—'}</td>
              <td>
                {o.title}
                <div className="muted small">
                  {o.attributeName} · {o.lobCode}
                </div>
              </td>
              <td>
                <StatusBadge status={`severity-${o.severity}`} label={o.severity} />
              </td>
              <td>
                <StatusBadge status={o.status} />
              </td>
              <td>
                {o.failureCount} of {o.testedCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
