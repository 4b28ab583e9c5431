// The notifications bell's words and grouping: its accessible label and badge, safe in-app links, and the list by day.

/** The fields of a Notification this module reads. */
export interface NotificationLike {
  id: string;
  link?: string | null;
  createdAt: string;
  readAt?: string | null;
}

/** The bell's accessible name: "Notifications, 3 unread" (just "Notifications" while the count is unknown). */
export function unreadLabel(count: number | null | undefined): string {
  if (count === null || count === undefined) return 'Notifications';
  if (count <= 0) return 'Notifications, none unread';
  return `Notifications, ${count} unread`;
}

/** The number on the bell: nothing at zero, "99+" beyond 99. */
export function badgeText(count: number | null | undefined): string | null {
  if (count === null || count === undefined || count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/**
 * The link as a path of this app ("/inbox", "/cycles/12?tab=x"), or null when it is missing or
 * points elsewhere (another origin, "//host", a scheme): a notification only ever links inside.
 */
export function inAppPath(link: string | null | undefined): string | null {
  if (!link) return null;
  const path = link.trim();
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null;
  return path;
}

/** A day heading: "Today", "Yesterday", or the date in the reader's locale. */
export function dayLabel(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'Earlier';
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(now) - startOf(date)) / 86_400_000);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export interface NotificationGroup<N extends NotificationLike> {
  label: string;
  items: N[];
}

/** The notifications by day, in the order their days first appear (the server's: newest first), each day's in list order. */
export function groupByDay<N extends NotificationLike>(notifications: readonly N[], now: Date = new Date()): NotificationGroup<N>[] {
  const groups = new Map<string, N[]>();
  for (const notification of notifications) {
    const label = dayLabel(notification.createdAt, now);
    const items = groups.get(label);
    if (items) items.push(notification);
    else groups.set(label, [notification]);
  }
  return [...groups].map(([label, items]) => ({ label, items }));
}

const KIND_LABELS: Record<string, string> = {
  TASK: 'Task',
  RFI: 'Request for information',
  SLA: 'SLA',
  COMPENSATION: 'Compensation',
};

/** A notification's kind in words (TASK, RFI, SLA, COMPENSATION; others as they come). */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Whether a notification is still unread. */
export function isUnread(notification: NotificationLike): boolean {
  return !notification.readAt;
}
