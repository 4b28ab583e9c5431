// A test cycle: its reports and testers, the live WorkflowVisualization of its run, its workflow settings, observations and test reports.
import { useParams } from 'react-router';
import { CycleDetailQuery } from '../api/operations/cycles';
import { useQuery } from '../api/useQuery';
import { useSession } from '../auth/AuthContext';
import { canManageCycles } from '../auth/roles';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { CycleReports } from '../cycles/CycleReports';
import { cycleIsOver } from '../cycles/cycleStatus';
import { ObservationList } from '../cycles/ObservationList';
import { TestReportViewer } from '../cycles/TestReportViewer';
import { WorkflowSettingsSection } from '../cycles/WorkflowSettingsSection';
import { WorkflowVisualization } from '../workflow/WorkflowVisualization';

export function CycleDetailPage() {
  const { cycleId = '' } = useParams();
  const { user } = useSession();
  const manages = canManageCycles(user.role);
  const { data, error, loading, refetch } = useQuery(CycleDetailQuery, { id: cycleId });
  const cycle = data?.cycle;

  if (loading && !data) return <Loading what="Loading the cycle" />;
  if (error && !cycle) return <ErrorNotice error={error} title="Could not load the cycle" />;
  if (!cycle) {
    return (
      <section>
        <h1>Cycle not found</h1>
        <p>There is no cycle {cycleId}, or your role and assignments do not let you see it.</p>
      </section>
    );
  }

  return (
    <article aria-labelledby="cycle-title" className="stack">
      <header className="page-head">
        <div>
          <h1 id="cycle-title">{cycle.name}</h1>
          <p className="muted">
            {cycle.startDate} – {cycle.endDate} · Test manager: {cycle.testManager?.displayName ?? '—'}
            {cycle.description ? ` · ${cycle.description}` : ''}
          </p>
        </div>
        <StatusBadge status={cycle.status} />
      </header>
      <ErrorNotice error={error} title="Could not refresh the cycle" />
      <CycleReports cycle={cycle} mayAssign={manages} onChanged={refetch} />
      <WorkflowVisualization cycle={cycle} onChanged={refetch} />
      <WorkflowSettingsSection
        key={cycle.id}
        cycleId={cycle.id}
        mayEdit={manages && !cycleIsOver(cycle.status)}
        readOnlyNote={manages && cycleIsOver(cycle.status) ? 'The cycle is over: its settings can no longer change.' : undefined}
      />
      <ObservationList observations={cycle.observations} />
      <TestReportViewer reports={cycle.testReports} />
    </article>
  );
}
