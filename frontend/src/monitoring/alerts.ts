// The stored workflow alerts as the dashboard shows them: severity and type in words, newest first, counts by severity,
// which live events refetch them, and which failed runs no alert speaks of yet.

/** The fields of a WorkflowAlert this module reads. */
export interface AlertLike {
  id: string;
  alertType: string;
  severity: string;
  createdAt: string;
  acknowledgedAt?: string | null;
  execution?: { id: string } | null;
}

/** The three severities the server writes, most pressing first. */
export type Severity = 'critical' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

/** CRITICAL, WARNING or INFO as a Severity (anything else reads as info). */
export function severityOf(severity: string): Severity {
  const value = severity.toLowerCase();
  return value === 'critical' || value === 'warning' ? value : 'info';
}

const TYPE_LABELS: Record<string, string> = {
  SLOW_STEP: 'Slow step',
  FAILURE: 'Failure',
  COMPENSATION: 'Compensation',
  MANUAL_INTERVENTION: 'Manual intervention',
  SLA_WARNING: 'SLA warning',
  SLA_BREACH: 'SLA breach',
};

/** An alert's type in words (the six the server writes; others as they come). */
export function alertTypeLabel(alertType: string): string {
  return TYPE_LABELS[alertType] ?? alertType.charAt(0) + alertType.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Whether the alert is still waiting for someone to acknowledge it. */
export function isOpen(alert: AlertLike): boolean {
  return !alert.acknowledgedAt;
}

/** Newest raised first; alerts raised at the same instant by id, the later one first. */
export function newestFirst<A extends AlertLike>(alerts: readonly A[]): A[] {
  const idOf = (a: A) => Number(a.id) || 0;
  return [...alerts].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || idOf(b) - idOf(a));
}

/** The open alerts and the acknowledged ones, each newest first. */
export function splitByAcknowledgement<A extends AlertLike>(alerts: readonly A[]): { open: A[]; acknowledged: A[] } {
  const sorted = newestFirst(alerts);
  return { open: sorted.filter(isOpen), acknowledged: sorted.filter((a) => !isOpen(a)) };
}

/** How many alerts of each severity, most pressing first, leaving out the severities none has. */
export function countBySeverity(alerts: readonly AlertLike[]): { severity: Severity; count: number }[] {
  return SEVERITIES.map((severity) => ({ severity, count: alerts.filter((a) => severityOf(a.severity) === severity).length })).filter(
    (c) => c.count > 0,
  );
}

/** "2 critical, 1 warning" ("none" when there is nothing). */
export function severitySummary(alerts: readonly AlertLike[]): string {
  const counts = countBySeverity(alerts);
  if (counts.length === 0) return 'none';
  return counts.map(({ severity, count }) => `${count} ${severity}${severity === 'warning' && count > 1 ? 's' : ''}`).join(', ');
}

/** The live events after which the stored alerts may have changed: raised alerts and compensations (which raise one). */
export const ALERT_EVENT_KINDS: ReadonlySet<string> = new Set(['ALERT_RAISED', 'COMPENSATED']);

/** The seq of the newest live event that may have stored an alert (undefined before any): a new value refetches them. */
export function alertRefreshKey(events: readonly { seq: number; kind: string }[]): number | undefined {
  let latest: number | undefined;
  for (const event of events) {
    if (ALERT_EVENT_KINDS.has(event.kind) && (latest === undefined || event.seq > latest)) latest = event.seq;
  }
  return latest;
}

/** The failed runs no listed alert is about (the alerts already speak for the others). */
export function runsWithoutAlert<R extends { id: string }>(runs: readonly R[], alerts: readonly AlertLike[]): R[] {
  const alerted = new Set(alerts.flatMap((a) => (a.execution ? [a.execution.id] : [])));
  return runs.filter((run) => !alerted.has(run.id));
}
