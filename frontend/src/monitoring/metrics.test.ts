// Unit tests of the dashboard figures: percentiles, per-phase durations, success rate, bottlenecks.
import { describe, expect, it } from 'vitest';
import type { RunLike } from './metrics';
import { bottlenecks, isOverdue, percentile, phaseDurations, successRate } from './metrics';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('phaseDurations', () => {
  const run = (planning: number, waiting: number): RunLike => ({
    status: 'COMPLETED',
    steps: [
      { phase: 'PLANNING', stepType: 'PHASE', status: 'COMPLETED', durationSeconds: planning, waitingSeconds: 0 },
      { phase: 'PLANNING', stepType: 'ACTIVITY', status: 'COMPLETED', durationSeconds: 0.1, waitingSeconds: 0 },
      { phase: 'PLANNING', stepType: 'HUMAN_TASK', status: 'COMPLETED', durationSeconds: waiting, waitingSeconds: waiting },
      { phase: 'SCOPING', stepType: 'PHASE', status: 'RUNNING', durationSeconds: 3, waitingSeconds: 0 },
    ],
  });

  it('measures finished phase steps, split into waiting and working time', () => {
    const stats = phaseDurations([run(10, 6), run(20, 10), run(30, 0)]);
    const planning = stats.find((s) => s.phase === 'PLANNING')!;
    expect(planning.count).toBe(3);
    expect(planning.avgSeconds).toBe(20);
    expect(planning.p50Seconds).toBe(20);
    expect(planning.p95Seconds).toBe(30);
    expect(planning.avgWaitingSeconds).toBeCloseTo(16 / 3);
    expect(planning.avgWorkingSeconds).toBeCloseTo(44 / 3);
  });

  it('leaves unfinished and unseen phases empty', () => {
    const stats = phaseDurations([run(10, 0)]);
    expect(stats).toHaveLength(8);
    expect(stats.find((s) => s.phase === 'SCOPING')).toMatchObject({ count: 0, avgSeconds: null, p95Seconds: null });
  });
});

describe('successRate', () => {
  it('is completed over finished runs', () => {
    expect(successRate({ COMPLETED: 3, FAILED: 1, RUNNING: 5 })).toBe(0.75);
    expect(successRate({ RUNNING: 2 })).toBeNull();
  });
});

describe('bottlenecks', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('groups open tasks by phase, most open first, with the oldest age and overdue count', () => {
    const result = bottlenecks(
      [
        { id: '1', phase: 'PLANNING', createdAt: '2026-11-25T11:00:00Z', dueAt: '2026-11-26T00:00:00Z' },
        { id: '2', phase: 'REQUEST_FOR_INFORMATION', createdAt: '2026-11-25T10:00:00Z', dueAt: '2026-11-25T11:00:00Z' },
        { id: '3', phase: 'REQUEST_FOR_INFORMATION', createdAt: '2026-11-25T11:30:00Z', dueAt: null },
      ],
      now,
    );
    expect(result).toEqual([
      { phase: 'REQUEST_FOR_INFORMATION', openCount: 2, oldestAgeSeconds: 7200, overdueCount: 1 },
      { phase: 'PLANNING', openCount: 1, oldestAgeSeconds: 3600, overdueCount: 0 },
    ]);
  });

  it('calls a task overdue only past its due time', () => {
    expect(isOverdue({ dueAt: '2026-11-25T11:59:59Z' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-11-25T12:00:01Z' }, now)).toBe(false);
    expect(isOverdue({ dueAt: null }, now)).toBe(false);
  });
});
