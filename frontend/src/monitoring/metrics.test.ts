// Unit tests of the dashboard helpers: status lookups, task totals, the gap-free daily trend, overdue tasks.
import { describe, expect, it } from 'vitest';
import { countOf, fillTrend, isOverdue, taskTotals } from './metrics';

describe('countOf', () => {
  it('adds the counts of the statuses asked for', () => {
    const totals = [
      { status: 'COMPLETED', count: 3 },
      { status: 'FAILED', count: 1 },
      { status: 'TIMED_OUT', count: 2 },
    ] as const;
    expect(countOf(totals, 'FAILED', 'TIMED_OUT')).toBe(3);
    expect(countOf(totals, 'COMPLETED')).toBe(3);
    expect(countOf(totals, 'RUNNING')).toBe(0);
  });
});

describe('taskTotals', () => {
  it('sums open and overdue tasks over the phases', () => {
    expect(
      taskTotals([
        { openTaskCount: 2, overdueTaskCount: 1 },
        { openTaskCount: 3, overdueTaskCount: 0 },
      ]),
    ).toEqual({ open: 5, overdue: 1 });
    expect(taskTotals([])).toEqual({ open: 0, overdue: 0 });
  });
});

describe('fillTrend', () => {
  it('lists every day of the window, zero where no run started, with the runs still open', () => {
    const trend = fillTrend(
      [
        { date: '2026-11-23', started: 4, completed: 2, failed: 1, cancelled: 0 },
        { date: '2026-11-25', started: 1, completed: 0, failed: 0, cancelled: 1 },
      ],
      '2026-11-22T18:30:00Z',
      '2026-11-25T09:00:00Z',
    );
    expect(trend.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
    expect(trend[0]).toEqual({ date: '2026-11-22', started: 0, completed: 0, failed: 0, cancelled: 0, open: 0 });
    expect(trend[1]?.open).toBe(1);
    expect(trend[3]).toMatchObject({ started: 1, cancelled: 1, open: 0 });
  });

  it('is one day for a window within a day', () => {
    expect(fillTrend([], '2026-11-25T01:00:00Z', '2026-11-25T02:00:00Z')).toHaveLength(1);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('calls a task overdue only past its due time', () => {
    expect(isOverdue({ dueAt: '2026-11-25T11:59:59Z' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-11-25T12:00:01Z' }, now)).toBe(false);
    expect(isOverdue({ dueAt: null }, now)).toBe(false);
  });
});
