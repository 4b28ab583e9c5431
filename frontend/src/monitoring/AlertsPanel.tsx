// Alerts: overdue tasks and failed runs from the API, plus SLA and retry alerts raised while the page is open.
import { Link } from 'react-router';
import { formatDateTime, formatTime, humanize } from '../format/format';
import type { WorkflowEvent } from '../workflow/useWorkflowEvents';
import { PHASE_LABELS } from '../workflow/phases';
import type { OpenTask, RecentRun } from './types';

interface Props {
  overdueTasks: readonly OpenTask[];
  failedRuns: readonly RecentRun[];
  liveAlerts: readonly WorkflowEvent[];
}

export function AlertsPanel({ overdueTasks, failedRuns, liveAlerts }: Props) {
  const none = overdueTasks.length === 0 && failedRuns.length === 0 && liveAlerts.length === 0;
  return (
    <section className="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alerts</h2>
      {none ? <p className="muted">No alerts.</p> : null}
      <ul className="alert-list">
        {liveAlerts.map((event) => (
          <li key={`event-${event.seq}`} className="alert alert--live">
            <strong>{humanize(event.status)}</strong> · cycle {event.cycleId}
            {event.phase ? ` · ${PHASE_LABELS[event.phase]}` : ''} · {formatTime(event.at)}
          </li>
        ))}
        {overdueTasks.map((task) => (
          <li key={`task-${task.id}`} className="alert alert--overdue">
            <strong>Overdue</strong> · {task.title} ({humanize(task.assigneeRole)}) · due {formatDateTime(task.dueAt)}
            {task.cycle ? (
              <>
                {' '}
                · <Link to={`/cycles/${task.cycle.id}`}>{task.cycle.name}</Link>
              </>
            ) : null}
          </li>
        ))}
        {failedRuns.map((run) => (
          <li key={`run-${run.id}`} className="alert alert--failed">
            <strong>{humanize(run.status)}</strong> · {run.cycle?.name ?? 'cycle'}
            {run.report ? ` · ${run.report.reportNumber}` : ''}
            {run.error ? ` · ${run.error}` : ''} · {formatDateTime(run.completedAt ?? run.startedAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
