// The notifications panel under the bell: the latest ~20 by day (unread emphasised), each linking to where to act on it,
// marked read on the way; and "Mark all read".
import { Link } from 'react-router';
import { MarkNotificationsReadMutation, NotificationsQuery } from '../api/operations/notifications';
import { useMutation } from '../api/useMutation';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { formatDateTime, formatTime } from '../format/format';
import type { NotificationsQuery as NotificationsResult } from '../gql/graphql';
import { useThrottledRefetch } from '../hooks/useThrottledRefetch';
import { groupByDay, inAppPath, isUnread, kindLabel } from './notifications';

type Notification = NotificationsResult['notifications']['nodes'][number];

/** How many notifications the panel lists. */
export const LATEST = 20;

interface Props {
  id: string;
  /** A new value (a live task event) refetches the list. */
  refreshOn: unknown;
  /** Called once notifications were marked read, so the bell's count follows. */
  onChanged: () => void;
  /** Closes the panel (following a notification's link). */
  onClose: () => void;
}

export function NotificationPanel({ id, refreshOn, onChanged, onClose }: Props) {
  const list = useQuery(NotificationsQuery, { first: LATEST });
  useThrottledRefetch(refreshOn, list.refetch);
  const [markRead, marking] = useMutation(MarkNotificationsReadMutation);
  const notifications = list.data?.notifications.nodes ?? [];
  const anyUnread = notifications.some(isUnread);

  const mark = async (ids?: string[]) => {
    if (await markRead(ids ? { ids } : {})) {
      list.refetch();
      onChanged();
    }
  };
  // The link navigates at once; marking read goes on meanwhile and the count follows when it is done.
  const follow = (notification: Notification) => {
    if (isUnread(notification)) void mark([notification.id]);
    onClose();
  };

  return (
    <section id={id} className="bell__panel" aria-labelledby={`${id}-title`} data-testid="notifications-panel">
      <header className="bell__head">
        <h2 id={`${id}-title`}>Notifications</h2>
        <button type="button" className="button button--quiet" disabled={!anyUnread || marking.running} onClick={() => void mark()}>
          Mark all read
        </button>
      </header>
      <ErrorNotice error={list.error} title="Could not load your notifications" />
      <ErrorNotice error={marking.error} title="Could not mark them read" />
      {list.loading && !list.data ? <Loading what="Loading notifications" /> : null}
      {list.data && notifications.length === 0 ? <p className="muted">No notifications yet.</p> : null}
      {groupByDay(notifications).map((group) => (
        <section key={group.label} aria-label={group.label} className="bell__day">
          <h3 className="bell__day-title">{group.label}</h3>
          <ul className="bell__list">
            {group.items.map((n) => (
              <NotificationItem key={n.id} notification={n} onFollow={follow} onMarkRead={(nid) => void mark([nid])} />
            ))}
          </ul>
        </section>
      ))}
      {list.data && list.data.notifications.totalCount > notifications.length ? (
        <p className="muted small">
          The latest {notifications.length} of {list.data.notifications.totalCount}.
        </p>
      ) : null}
    </section>
  );
}

interface ItemProps {
  notification: Notification;
  onFollow: (notification: Notification) => void;
  onMarkRead: (id: string) => void;
}

function NotificationItem({ notification: n, onFollow, onMarkRead }: ItemProps) {
  const unread = isUnread(n);
  const path = inAppPath(n.link);
  const subject = (
    <>
      {unread ? <span className="visually-hidden">Unread: </span> : null}
      {n.subject}
    </>
  );
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'} data-testid="notification" data-unread={unread}>
      {path ? (
        <Link to={path} className="notification__subject" onClick={() => onFollow(n)}>
          {subject}
        </Link>
      ) : (
        <span className="notification__subject">{subject}</span>
      )}
      <p className="notification__body">{n.body}</p>
      <p className="notification__meta muted small">
        <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
          {formatTime(n.createdAt)}
        </time>{' '}
        · {kindLabel(n.kind)}
        {!path && unread ? (
          <>
            {' '}
            ·{' '}
            <button type="button" className="link-button" onClick={() => onMarkRead(n.id)}>
              Mark read<span className="visually-hidden">: {n.subject}</span>
            </button>
          </>
        ) : null}
      </p>
    </li>
  );
}
