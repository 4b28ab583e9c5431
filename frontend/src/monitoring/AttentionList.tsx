// What the figures show needs attention beside the stored alerts: overdue open tasks, and failed runs no alert speaks of.
import { Link } from 'react-router';
import { formatDateTime, humanize } from '../format/format';
import type { OpenTask, RecentRun } from './types';

interface Props {
  overdueTasks: readonly OpenTask[];
  failedRuns: readonly RecentRun[];
}

export function AttentionList({ overdueTasks, failedRuns }: Props) {
  if (overdueTasks.length === 0 && failedRuns.length === 0) return null;
  return (
    <section aria-labelledby="attention-title" data-testid="attention">
      <h3 id="attention-title">Also needing attention</h3>
      <ul className="alert-list">
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
            <strong>{humanize(run.status)}</strong> ·{' '}
            {run.cycle ? <Link to={`/cycles/${run.cycle.id}`}>{run.cycle.name}</Link> : 'cycle'}
            {run.report ? ` · ${run.report.reportNumber}` : ''}
            {run.error ? ` · ${run.error}` : ''} · {formatDateTime(run.completedAt ?? run.startedAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
