// The list of test cycles the user may see, with each one's latest run; managers can create a cycle.
import { Link } from 'react-router';
import { CyclesQuery } from '../api/operations/cycles';
import { useQuery } from '../api/useQuery';
import { useSession } from '../auth/AuthContext';
import { canManageCycles } from '../auth/roles';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { CreateCycleForm } from '../cycles/CreateCycleForm';
import { formatDateTime } from '../format/format';

export function CyclesPage() {
  const { user } = useSession();
  const { data, error, loading, refetch } = useQuery(CyclesQuery, { first: 100 });
  const cycles = data?.cycles.nodes ?? [];
  return (
    <section aria-labelledby="cycles-title">
      <div className="page-head">
        <h1 id="cycles-title">Test cycles</h1>
        {data ? <span className="muted">{data.cycles.totalCount} in all</span> : null}
      </div>
      {canManageCycles(user.role) ? <CreateCycleForm onCreated={refetch} namesManager={user.role === 'ADMIN'} /> : null}
      <ErrorNotice error={error} title="Could not load the cycles" />
      {loading && !data ? <Loading what="Loading cycles" /> : null}
      {data && cycles.length === 0 ? <p>No cycles to show yet.</p> : null}
      {cycles.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Status</th>
              <th scope="col">Dates</th>
              <th scope="col">Reports</th>
              <th scope="col">Test manager</th>
              <th scope="col">Latest workflow</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((cycle) => (
              <tr key={cycle.id}>
                <td>
                  <Link to={`/cycles/${cycle.id}`}>{cycle.name}</Link>
                </td>
                <td>
                  <StatusBadge status={cycle.status} />
                </td>
                <td>
                  {cycle.startDate} – {cycle.endDate}
                </td>
                <td>{cycle.reports.length}</td>
                <td>{cycle.testManager?.displayName ?? '—'}</td>
                <td>
                  {cycle.currentExecution ? (
                    <>
                      <StatusBadge status={cycle.currentExecution.status} />{' '}
                      <span className="muted">
                        {cycle.currentExecution.approvalMode} · {formatDateTime(cycle.currentExecution.startedAt)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">not started</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
