// Unit tests of folding a cycle's event log into per-report phase progress.
import { describe, expect, it } from 'vitest';
import type { Phase } from '../gql/graphql';
import type { WorkflowEventLike } from './eventLog';
import { mergeEvents } from './eventLog';
import { aggregateStatus, applyEvent, buildRunBoard, displayStatus, EMPTY_BOARD, reportProgress } from './runBoard';

let seq = 0;
function event(kind: string, fields: Partial<WorkflowEventLike> = {}): WorkflowEventLike {
  seq += 1;
  return { seq, at: `2026-11-25T21:20:${String(seq).padStart(2, '0')}Z`, cycleId: '2', kind, status: '', detail: {}, ...fields };
}
const parentStarted = () => event('WORKFLOW_STARTED', { executionId: '1', status: 'RUNNING' });
const reportStarted = (executionId: string, reportId: string) =>
  event('WORKFLOW_STARTED', { executionId, reportId, status: 'RUNNING' });
const phase = (executionId: string, p: Phase, kind: string, status: string, round = 1) =>
  event(kind, { executionId, reportId: '3', phase: p, status, detail: { round } });

describe('buildRunBoard', () => {
  it('starts empty', () => {
    expect(buildRunBoard([])).toEqual(EMPTY_BOARD);
  });

  it('tracks each report run and its phases', () => {
    seq = 0;
    const board = buildRunBoard([
      parentStarted(),
      reportStarted('3', '3'),
      reportStarted('4', '1'),
      phase('3', 'PLANNING', 'PHASE_STARTED', 'RUNNING'),
      phase('3', 'PLANNING', 'PHASE_COMPLETED', 'COMPLETED'),
      phase('3', 'SCOPING', 'PHASE_STARTED', 'RUNNING'),
    ]);
    expect(board.executionId).toBe('1');
    expect(board.status).toBe('RUNNING');
    expect(board.reports.map((r) => r.reportId)).toEqual(['3', '1']);
    const run = board.reports[0]!;
    expect(run.phases.PLANNING.status).toBe('COMPLETED');
    expect(run.phases.PLANNING.startedAt).toBeDefined();
    expect(run.phases.PLANNING.completedAt).toBeDefined();
    expect(run.phases.SCOPING.status).toBe('RUNNING');
    expect(run.phases.SCOPING.completedAt).toBeUndefined();
    expect(board.reports[1]!.phases.PLANNING.status).toBe('PENDING');
    expect(reportProgress(run)).toBe(1 / 8);
  });

  it('shows a phase as waiting while a task is open, matching task events by execution', () => {
    seq = 0;
    const events = [
      parentStarted(),
      reportStarted('3', '3'),
      phase('3', 'PLANNING', 'PHASE_STARTED', 'RUNNING'),
      // TASK_COMPLETED events carry no reportId, only the execution.
      event('TASK_OPENED', { executionId: '3', reportId: '3', phase: 'PLANNING', status: 'OPEN', detail: { taskId: 7 } }),
    ];
    const waiting = buildRunBoard(events);
    expect(displayStatus(waiting.reports[0]!, 'PLANNING')).toBe('WAITING');
    const decided = applyEvent(
      waiting,
      event('TASK_COMPLETED', { executionId: '3', phase: 'PLANNING', status: 'APPROVE', detail: { taskId: 7 } }),
    );
    expect(displayStatus(decided.reports[0]!, 'PLANNING')).toBe('RUNNING');
    const withdrawn = applyEvent(
      waiting,
      event('TASK_CANCELLED', { executionId: '3', phase: 'PLANNING', status: 'CANCELLED', detail: { taskId: 7 } }),
    );
    expect(withdrawn.reports[0]!.phases.PLANNING.openTaskIds).toEqual([]);
  });

  it('loops a phase back to running in a new round and records skips and failures', () => {
    seq = 0;
    const board = buildRunBoard([
      parentStarted(),
      reportStarted('3', '3'),
      phase('3', 'PLANNING', 'PHASE_SKIPPED', 'SKIPPED'),
      phase('3', 'SCOPING', 'PHASE_STARTED', 'RUNNING', 1),
      phase('3', 'SCOPING', 'PHASE_STARTED', 'RUNNING', 2),
      phase('3', 'SAMPLE_SELECTION', 'PHASE_FAILED', 'FAILED'),
      phase('3', 'SAMPLE_SELECTION', 'COMPENSATED', 'COMPENSATED'),
      event('RETRIED', { executionId: '3' }),
    ]);
    const run = board.reports[0]!;
    expect(run.phases.PLANNING.status).toBe('SKIPPED');
    expect(run.phases.SCOPING).toMatchObject({ status: 'RUNNING', round: 2 });
    expect(run.phases.SAMPLE_SELECTION.status).toBe('COMPENSATED');
    expect(board.compensations).toBe(1);
    expect(board.retries).toBe(1);
  });

  it('ends report runs and the cycle run, and draws a cancelled run mid-phase as cancelled', () => {
    seq = 0;
    const board = buildRunBoard([
      parentStarted(),
      reportStarted('3', '3'),
      phase('3', 'PLANNING', 'PHASE_STARTED', 'RUNNING'),
      event('WORKFLOW_CANCELLED', { executionId: '3', reportId: '3', status: 'CANCELLED' }),
      event('WORKFLOW_CANCELLED', { executionId: '1', status: 'CANCELLED' }),
    ]);
    expect(board.status).toBe('CANCELLED');
    expect(board.completedAt).toBeDefined();
    expect(board.reports[0]!.status).toBe('CANCELLED');
    expect(displayStatus(board.reports[0]!, 'PLANNING')).toBe('CANCELLED');
  });

  it('forgets an earlier run when a new one starts', () => {
    seq = 0;
    const board = buildRunBoard([
      parentStarted(),
      reportStarted('3', '3'),
      event('WORKFLOW_COMPLETED', { executionId: '1', status: 'COMPLETED' }),
      event('WORKFLOW_STARTED', { executionId: '9', status: 'RUNNING' }),
      phase('3', 'PLANNING', 'PHASE_STARTED', 'RUNNING'),
    ]);
    expect(board.executionId).toBe('9');
    expect(board.status).toBe('RUNNING');
    expect(board.reports).toEqual([]);
  });

  it('ignores an event it has already folded in', () => {
    seq = 0;
    const events = [parentStarted(), reportStarted('3', '3'), phase('3', 'PLANNING', 'PHASE_STARTED', 'RUNNING')];
    const board = buildRunBoard(events);
    expect(applyEvent(board, events[1]!)).toBe(board);
  });

  it('gives the same board for a log replayed with duplicates after a reconnect', () => {
    seq = 0;
    const events = [parentStarted(), reportStarted('3', '3'), phase('3', 'PLANNING', 'PHASE_STARTED', 'RUNNING')];
    const more = [phase('3', 'PLANNING', 'PHASE_COMPLETED', 'COMPLETED')];
    const once = buildRunBoard([...events, ...more]);
    const replayed = buildRunBoard(mergeEvents(mergeEvents(events, events.slice(1)), [...events.slice(2), ...more]));
    expect(replayed).toEqual(once);
  });
});

describe('aggregateStatus', () => {
  it('puts trouble and people first', () => {
    expect(aggregateStatus(['COMPLETED', 'FAILED', 'RUNNING'])).toBe('FAILED');
    expect(aggregateStatus(['RUNNING', 'WAITING'])).toBe('WAITING');
    expect(aggregateStatus(['COMPLETED', 'RUNNING'])).toBe('RUNNING');
  });

  it('is done only when every report is done', () => {
    expect(aggregateStatus(['COMPLETED', 'SKIPPED'])).toBe('COMPLETED');
    expect(aggregateStatus(['SKIPPED', 'SKIPPED'])).toBe('SKIPPED');
    expect(aggregateStatus(['COMPLETED', 'PENDING'])).toBe('RUNNING');
    expect(aggregateStatus(['PENDING'])).toBe('PENDING');
    expect(aggregateStatus([])).toBe('PENDING');
  });
});
