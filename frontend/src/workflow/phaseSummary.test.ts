// Unit tests of the per-phase summary drawn on the pipeline.
import { describe, expect, it } from 'vitest';
import type { WorkflowEventLike } from './eventLog';
import { summarizePhases } from './phaseSummary';
import { buildRunBoard } from './runBoard';

const at = (s: number) => `2026-11-25T21:20:${String(s).padStart(2, '0')}Z`;
const events: WorkflowEventLike[] = [
  { seq: 1, at: at(0), cycleId: '2', executionId: '1', kind: 'WORKFLOW_STARTED', status: 'RUNNING', detail: {} },
  { seq: 2, at: at(1), cycleId: '2', executionId: '3', reportId: '3', kind: 'WORKFLOW_STARTED', status: 'RUNNING', detail: {} },
  { seq: 3, at: at(1), cycleId: '2', executionId: '4', reportId: '1', kind: 'WORKFLOW_STARTED', status: 'RUNNING', detail: {} },
  { seq: 4, at: at(2), cycleId: '2', executionId: '3', reportId: '3', phase: 'PLANNING', kind: 'PHASE_STARTED', status: 'RUNNING', detail: { round: 1 } },
  { seq: 5, at: at(3), cycleId: '2', executionId: '4', reportId: '1', phase: 'PLANNING', kind: 'PHASE_STARTED', status: 'RUNNING', detail: { round: 1 } },
  { seq: 6, at: at(5), cycleId: '2', executionId: '3', reportId: '3', phase: 'PLANNING', kind: 'PHASE_COMPLETED', status: 'COMPLETED', detail: { round: 1 } },
  { seq: 7, at: at(6), cycleId: '2', executionId: '4', phase: 'PLANNING', kind: 'TASK_OPENED', status: 'OPEN', detail: { taskId: 2 } },
];

describe('summarizePhases', () => {
  it('counts done reports and open tasks, and waits for every report before calling a phase done', () => {
    const planning = summarizePhases(buildRunBoard(events))[0]!;
    expect(planning).toMatchObject({ phase: 'PLANNING', status: 'WAITING', done: 1, total: 2, openTasks: 1, durationSeconds: null });
    expect(planning.startedAt).toBe(at(2));
  });

  it('gives a finished phase its span from first start to last end', () => {
    const more: WorkflowEventLike[] = [
      ...events,
      { seq: 8, at: at(9), cycleId: '2', executionId: '4', reportId: '1', phase: 'PLANNING', kind: 'PHASE_COMPLETED', status: 'COMPLETED', detail: { round: 1 } },
    ];
    const [planning, scoping] = summarizePhases(buildRunBoard(more));
    expect(planning).toMatchObject({ status: 'COMPLETED', done: 2, durationSeconds: 7 });
    expect(scoping).toMatchObject({ status: 'PENDING', done: 0, total: 2 });
  });

  it('is all pending before any run', () => {
    const summary = summarizePhases(buildRunBoard([]));
    expect(summary.every((s) => s.status === 'PENDING' && s.total === 0)).toBe(true);
  });
});
