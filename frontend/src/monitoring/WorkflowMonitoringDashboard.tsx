// /workflow-monitoring: the server's figures (run counts, success rate, phase durations, bottlenecks, daily trend), stored alerts,
// retries, compensations, versions, live.
import { MonitoringQuery } from '../api/operations/monitoring';
import { useQuery } from '../api/useQuery';
import { useSession } from '../auth/AuthContext';
import { ROLE_LABELS, canMonitor } from '../auth/roles';
import { ErrorNotice } from '../components/ErrorNotice';
import { LiveIndicator } from '../components/LiveIndicator';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/format';
import { useNow } from '../hooks/useNow';
import { useThrottledRefetch } from '../hooks/useThrottledRefetch';
import { useWorkflowEvents } from '../workflow/useWorkflowEvents';
import { alertRefreshKey } from './alerts';
import { AlertsPanel } from './AlertsPanel';
import { BottleneckTable } from './BottleneckTable';
import { CompensationTable } from './CompensationTable';
import { DailyTrendChart } from './DailyTrendChart';
import { LiveEventFeed } from './LiveEventFeed';
import { MetricTiles } from './MetricTiles';
import { isOverdue } from './metrics';
import { PhaseDurationTable } from './PhaseDurationTable';
import { RetryTable } from './RetryTable';
import { VersionsTable } from './VersionsTable';

export function WorkflowMonitoringDashboard() {
  const { user } = useSession();
  if (!canMonitor(user.role)) {
    return (
      <section>
        <h1>Workflow monitoring</h1>
        <p className="notice notice--error" role="alert">
          <code className="error-code">FORBIDDEN</code> The {ROLE_LABELS[user.role].toLowerCase()} role may not see workflow
          monitoring.
        </p>
      </section>
    );
  }
  return <Dashboard />;
}

function Dashboard() {
  const { data, error, loading, refetch } = useQuery(MonitoringQuery, {});
  const live = useWorkflowEvents({ fromStart: false, maxEvents: 50 });
  const latestSeq = live.events.at(-1)?.seq;
  useThrottledRefetch(latestSeq, refetch, 1500);
  const now = useNow(true, 30_000);

  // Every figure is the server's (workflowMetrics, last 30 days to now); a live event refetches them.
  const overdueTasks = (data?.openTasks.nodes ?? []).filter((task) => isOverdue(task, now));
  const failedRuns = (data?.recent.nodes ?? []).filter((run) => run.status === 'FAILED' || run.status === 'TIMED_OUT').slice(0, 10);
  // The stored alerts are read again when a live event may have raised one.
  const alertSeq = alertRefreshKey(live.events);

  return (
    <section aria-labelledby="monitoring-title" className="stack">
      <div className="page-head">
        <h1 id="monitoring-title">Workflow monitoring</h1>
        <LiveIndicator status={live.status} errors={live.errors} />
      </div>
      <ErrorNotice error={error} title="Could not load the figures" />
      {live.status === 'failed' ? <ErrorNotice error={live.errors} title="Live updates stopped" /> : null}
      {loading && !data ? <Loading what="Loading the figures" /> : null}
      {data ? (
        <>
          <p className="muted small" data-testid="metrics-period">
            Runs started from {formatDateTime(data.metrics.from)} to {formatDateTime(data.metrics.to)}; the figures count each
            report's run, and cycle runs apart.
          </p>
          <MetricTiles metrics={data.metrics} compensations={data.compensationLogs.totalCount} />
          <AlertsPanel overdueTasks={overdueTasks} failedRuns={failedRuns} refreshOn={alertSeq} />
          <BottleneckTable rows={data.metrics.bottlenecks} />
          <PhaseDurationTable stats={data.metrics.phaseDurations} />
          <DailyTrendChart metrics={data.metrics} />
          <div className="grid-2">
            <RetryTable runs={data.recent.nodes} />
            <CompensationTable entries={data.compensationLogs.nodes} total={data.compensationLogs.totalCount} />
          </div>
          <div className="grid-2">
            <VersionsTable versions={data.workflowVersions} />
            <LiveEventFeed events={live.events} />
          </div>
        </>
      ) : null}
    </section>
  );
}
