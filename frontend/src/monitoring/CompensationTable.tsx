// The latest compensation logs: which phase failed, the strategy applied, and where it stands.
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, humanize } from '../format/format';
import { PHASE_LABELS } from '../workflow/phases';
import type { CompensationEntry } from './types';

export function CompensationTable({ entries, total }: { entries: readonly CompensationEntry[]; total: number }) {
  return (
    <section className="card" aria-labelledby="compensations-title">
      <h2 id="compensations-title">Compensations ({total})</h2>
      {entries.length === 0 ? (
        <p className="muted">No phase has needed compensating.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Run</th>
              <th scope="col">Phase</th>
              <th scope="col">Strategy</th>
              <th scope="col">Status</th>
              <th scope="col">Failure</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((c) => (
              <tr key={c.id}>
                <td>{formatDateTime(c.startedAt)}</td>
                <td>
                  {c.execution?.cycle?.name ?? '—'}
                  {c.execution?.report ? ` · ${c.execution.report.reportNumber}` : ''}
                </td>
                <td>{PHASE_LABELS[c.phase]}</td>
                <td>{humanize(c.strategy)}</td>
                <td>
                  <StatusBadge status={c.status} />
                  {c.operatorAction ? <span className="muted small"> {humanize(c.operatorAction)}</span> : null}
                </td>
                <td>{c.failure ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
