// The newest workflow events of every cycle, as they arrive over the subscription.
import { Link } from 'react-router';
import { StatusBadge } from '../components/StatusBadge';
import { formatTime, humanize } from '../format/format';
import { PHASE_LABELS } from '../workflow/phases';
import type { WorkflowEvent } from '../workflow/useWorkflowEvents';

export function LiveEventFeed({ events }: { events: readonly WorkflowEvent[] }) {
  const newestFirst = [...events].reverse();
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">Live events</h2>
      {newestFirst.length === 0 ? <p className="muted">Waiting for the next event…</p> : null}
      <ol className="feed" aria-live="off">
        {newestFirst.map((event) => (
          <li key={event.seq} className="feed__item">
            <span className="muted small">#{event.seq} {formatTime(event.at)}</span> {humanize(event.kind)}{' '}
            <StatusBadge status={event.status} />
            {event.phase ? ` ${PHASE_LABELS[event.phase]}` : ''} ·{' '}
            <Link to={`/cycles/${event.cycleId}`}>cycle {event.cycleId}</Link>
            {event.reportId ? ` · report ${event.reportId}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
