// Small helpers over the server's workflowMetrics figures: status lookups, task totals, a gap-free daily trend, overdue tasks.
import type { ExecutionStatus } from '../gql/graphql';

export interface StatusCountLike {
  status: ExecutionStatus;
  count: number;
}

/** Runs in any of `statuses` (the server lists every status, so a missing one counts zero). */
export function countOf(totals: readonly StatusCountLike[], ...statuses: ExecutionStatus[]): number {
  return totals.filter((t) => statuses.includes(t.status)).reduce((sum, t) => sum + t.count, 0);
}

export interface BottleneckLike {
  openTaskCount: number;
  overdueTaskCount: number;
}

/** Open and overdue tasks over every phase. */
export function taskTotals(rows: readonly BottleneckLike[]): { open: number; overdue: number } {
  return rows.reduce((acc, r) => ({ open: acc.open + r.openTaskCount, overdue: acc.overdue + r.overdueTaskCount }), {
    open: 0,
    overdue: 0,
  });
}

export interface TrendDayLike {
  date: string;
  started: number;
  completed: number;
  failed: number;
  cancelled: number;
}

export interface TrendDay extends TrendDayLike {
  /** Started runs that are still going (or pending). */
  open: number;
}

const DAY_MS = 86_400_000;

/** The UTC date (YYYY-MM-DD) of an RFC 3339 instant. */
function utcDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/**
 * Every UTC day from `from` to `to` (the window the server answered for), oldest first: the
 * server leaves days without a run out, a chart wants them as zeros.
 */
export function fillTrend(days: readonly TrendDayLike[], from: string, to: string): TrendDay[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const out: TrendDay[] = [];
  const last = Date.parse(`${utcDate(to)}T00:00:00Z`);
  for (let t = Date.parse(`${utcDate(from)}T00:00:00Z`); t <= last; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const day = byDate.get(date) ?? { date, started: 0, completed: 0, failed: 0, cancelled: 0 };
    out.push({ ...day, date, open: Math.max(0, day.started - day.completed - day.failed - day.cancelled) });
  }
  return out;
}

/** An open task past its SLA. */
export function isOverdue(task: { dueAt?: string | null }, now: Date): boolean {
  return !!task.dueAt && Date.parse(task.dueAt) < now.getTime();
}
