// The samples drawn by sample selection: record key, LOB, stratum (category) and status.
import { StatusBadge } from '../components/StatusBadge';
import type { ReviewSample } from './reviewContent';

export function SamplesTable({ samples }: { samples: readonly ReviewSample[] }) {
  if (samples.length === 0) return <p className="muted">No samples drawn yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid="review-samples">
        <caption className="review__caption">
          {samples.length} sample{samples.length === 1 ? '' : 's'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Record key</th>
            <th scope="col">LOB</th>
            <th scope="col">Category</th>
            <th scope="col">Selection</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.recordKey ?? <span className="muted">—</span>}</th>
              <td>{s.lob ? <abbr title={s.lob.name}>{s.lob.code}</abbr> : '—'}</td>
              <td>{s.category}</td>
              <td>{s.selectionMethod}</td>
              <td>
                <StatusBadge status={s.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
