// The header's notifications bell: the unread count (refreshed on the user's live task events and on navigation, never on a
// timer) and a button opening the panel of the latest notifications.
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { UnreadNotificationCountQuery } from '../api/operations/notifications';
import { useQuery } from '../api/useQuery';
import { useThrottledRefetch } from '../hooks/useThrottledRefetch';
import { useTaskEvents } from '../tasks/useTaskEvents';
import { NotificationPanel } from './NotificationPanel';
import { badgeText, unreadLabel } from './notifications';

function BellIcon() {
  return (
    <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export function NotificationBell() {
  const location = useLocation();
  const count = useQuery(UnreadNotificationCountQuery, {});
  // A new task always comes with a notification: the user's task events, and each navigation, refresh the count.
  const changes = useTaskEvents();
  useThrottledRefetch(`${changes.lastSeq ?? ''}#${location.key}`, count.refetch);
  // Open for the page it was opened on: navigating anywhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === location.key;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpenOn(null);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpenOn(null);
    if (refocus) button.current?.focus();
  };
  const unread = count.data?.unreadNotificationCount;
  const badge = badgeText(unread);

  return (
    <div
      className="bell"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) close(true);
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--quiet bell__button"
        aria-label={unreadLabel(unread)}
        aria-expanded={open}
        aria-controls="notifications-panel"
        data-testid="notifications-bell"
        data-unread={unread ?? ''}
        onClick={() => setOpenOn(open ? null : location.key)}
      >
        <BellIcon />
        {badge ? (
          <span className="bell__badge" aria-hidden="true">
            {badge}
          </span>
        ) : null}
      </button>
      {open ? (
        <NotificationPanel
          id="notifications-panel"
          refreshOn={changes.lastSeq}
          onChanged={count.refetch}
          onClose={() => close(false)}
        />
      ) : null}
    </div>
  );
}
