// The task inbox (/inbox): the human tasks addressed to the signed-in user, open or closed, with their actions; live.
import { useState } from 'react';
import { InboxTasksQuery } from '../api/operations/tasks';
import { useQuery } from '../api/useQuery';
import { useSession } from '../auth/AuthContext';
import { ROLE_LABELS } from '../auth/roles';
import { ErrorNotice } from '../components/ErrorNotice';
import { LiveIndicator } from '../components/LiveIndicator';
import { Loading } from '../components/Loading';
import { useThrottledRefetch } from '../hooks/useThrottledRefetch';
import { TaskCard } from './TaskCard';
import { useTaskEvents } from './useTaskEvents';

export function InboxPage() {
  const { user } = useSession();
  const [open, setOpen] = useState(true);
  const { data, error, loading, refetch } = useQuery(InboxTasksQuery, { open, mine: true });
  const tasks = data?.tasks.nodes ?? [];
  // A task addressed to the user opening, closing or being withdrawn refetches the list.
  const changes = useTaskEvents();
  useThrottledRefetch(changes.lastSeq, refetch);
  return (
    <section aria-labelledby="inbox-title" className="stack">
      <div className="page-head">
        <div>
          <h1 id="inbox-title">Inbox</h1>
          <p className="muted">
            Tasks for {user.displayName} ({ROLE_LABELS[user.role]})
          </p>
        </div>
        <LiveIndicator status={changes.status} errors={changes.errors} />
      </div>
      <div className="toolbar" role="group" aria-label="Which tasks">
        <button type="button" className="button" aria-pressed={open} onClick={() => setOpen(true)}>
          Open
        </button>
        <button type="button" className="button" aria-pressed={!open} onClick={() => setOpen(false)}>
          Closed
        </button>
        <button type="button" className="button button--quiet" onClick={refetch} disabled={loading}>
          Refresh
        </button>
        {data ? <span className="muted">{data.tasks.totalCount} {open ? 'open' : 'closed'}</span> : null}
      </div>
      <ErrorNotice error={error} title="Could not load your tasks" />
      {loading && !data ? <Loading what="Loading your tasks" /> : null}
      {data && tasks.length === 0 ? <p>{open ? 'Nothing is waiting for you.' : 'No closed tasks yet.'}</p> : null}
      <ul className="task-list">
        {tasks.map((task) => (
          <TaskCard key={task.id} task={task} onChanged={refetch} />
        ))}
      </ul>
    </section>
  );
}
