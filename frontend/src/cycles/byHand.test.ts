// Unit tests of advancing by hand: the next phase and its button label, and when a cycle runs by hand rather than as a workflow.
import { describe, expect, it } from 'vitest';
import { PHASES } from '../workflow/phases';
import { advancedByHand, hasWorkflow, mayAdvanceByHand, nextMove, nextPhase } from './byHand';

describe('nextPhase', () => {
  it('starts with planning and follows the eight phases in order', () => {
    expect(nextPhase(null)).toBe('PLANNING');
    expect(nextPhase(undefined)).toBe('PLANNING');
    expect(nextPhase('PLANNING')).toBe('SCOPING');
    expect(nextPhase('SCOPING')).toBe('SAMPLE_SELECTION');
    expect(nextPhase('SAMPLE_SELECTION')).toBe('DATA_OWNER_IDENTIFICATION');
    expect(nextPhase('OBSERVATION_MANAGEMENT')).toBe('FINALIZE_TEST_REPORT');
  });

  it('ends after the last phase', () => {
    expect(nextPhase('FINALIZE_TEST_REPORT')).toBeNull();
    let phase = nextPhase(null);
    const seen = [];
    while (phase) {
      seen.push(phase);
      phase = nextPhase(phase);
    }
    expect(seen).toEqual(PHASES);
  });
});

describe('nextMove', () => {
  it('words the button after the next phase', () => {
    expect(nextMove({ status: 'NOT_STARTED', currentPhase: null })).toEqual({
      kind: 'phase',
      phase: 'PLANNING',
      label: 'Advance to Planning',
    });
    expect(nextMove({ status: 'IN_PROGRESS', currentPhase: 'PLANNING' })?.label).toBe('Advance to Scoping');
    expect(nextMove({ status: 'IN_PROGRESS', currentPhase: 'REQUEST_FOR_INFORMATION' })?.label).toBe('Advance to Test Execution');
  });

  it('marks the report complete after the last phase, and offers nothing once complete', () => {
    expect(nextMove({ status: 'IN_PROGRESS', currentPhase: 'FINALIZE_TEST_REPORT' })).toEqual({ kind: 'complete', label: 'Mark complete' });
    expect(nextMove({ status: 'COMPLETE', currentPhase: 'FINALIZE_TEST_REPORT' })).toBeNull();
  });
});

describe('a cycle driven by hand or as a workflow', () => {
  const fresh = { status: 'PLANNED', currentExecution: null, cycleReports: [{ status: 'NOT_STARTED' as const, currentPhase: null, workflowId: null }] };
  const moved = {
    status: 'ACTIVE',
    currentExecution: null,
    cycleReports: [
      { status: 'IN_PROGRESS' as const, currentPhase: 'SCOPING' as const, workflowId: null },
      { status: 'NOT_STARTED' as const, currentPhase: null, workflowId: null },
    ],
  };
  const running = {
    status: 'ACTIVE',
    currentExecution: { id: '4' },
    cycleReports: [{ status: 'IN_PROGRESS' as const, currentPhase: 'SCOPING' as const, workflowId: 'wf-1' }],
  };

  it('a fresh cycle may go either way', () => {
    expect(hasWorkflow(fresh)).toBe(false);
    expect(advancedByHand(fresh)).toBe(false);
    expect(mayAdvanceByHand(fresh)).toBe(true);
  });

  it('a cycle with a report moved by hand runs by hand', () => {
    expect(advancedByHand(moved)).toBe(true);
    expect(mayAdvanceByHand(moved)).toBe(true);
  });

  it('a cycle whose workflow started is not moved by hand', () => {
    expect(hasWorkflow(running)).toBe(true);
    expect(advancedByHand(running)).toBe(false);
    expect(mayAdvanceByHand(running)).toBe(false);
    expect(hasWorkflow({ ...running, currentExecution: null })).toBe(true);
  });

  it('a cycle that is over is not moved any more, though it still counts as moved by hand', () => {
    const over = { ...moved, status: 'COMPLETED' };
    expect(mayAdvanceByHand(over)).toBe(false);
    expect(advancedByHand(over)).toBe(true);
    expect(mayAdvanceByHand({ ...fresh, status: 'CANCELLED' })).toBe(false);
  });
});
