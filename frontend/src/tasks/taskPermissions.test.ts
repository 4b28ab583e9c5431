// Unit tests of who may decide a task or submit evidence, against the server's rules.
import { describe, expect, it } from 'vitest';
import type { TaskLike, Viewer } from './taskPermissions';
import { canDecideTask, canSubmitEvidence, decisionProblem, decisionsFor } from './taskPermissions';

const owner: Viewer = { id: '4', role: 'REPORT_OWNER' };
const otherOwner: Viewer = { id: '9', role: 'REPORT_OWNER' };
const admin: Viewer = { id: '1', role: 'ADMIN' };
const tester: Viewer = { id: '3', role: 'TESTER' };
const executive: Viewer = { id: '5', role: 'REPORT_OWNER_EXECUTIVE' };
const dataOwner: Viewer = { id: '7', role: 'DATA_OWNER' };

const approval: TaskLike = {
  status: 'OPEN',
  phase: 'PLANNING',
  kind: 'APPROVAL',
  assigneeRole: 'REPORT_OWNER',
  assignee: { id: '4' },
};

describe('canDecideTask', () => {
  it('lets the named assignee and admins decide', () => {
    expect(canDecideTask(owner, approval)).toBe(true);
    expect(canDecideTask(admin, approval)).toBe(true);
    expect(canDecideTask(otherOwner, approval)).toBe(false);
    expect(canDecideTask(tester, approval)).toBe(false);
  });

  it('lets anyone of the role decide when no one is named', () => {
    const review: TaskLike = { ...approval, phase: 'SCOPING', kind: 'REVIEW', assigneeRole: 'TESTER', assignee: null };
    expect(canDecideTask(tester, review)).toBe(true);
    expect(canDecideTask(owner, review)).toBe(false);
  });

  it('lets the report owner executive decide observation approvals only', () => {
    const observations: TaskLike = { ...approval, phase: 'OBSERVATION_MANAGEMENT' };
    expect(canDecideTask(executive, observations)).toBe(true);
    expect(canDecideTask(executive, approval)).toBe(false);
  });

  it('offers nothing on a closed task', () => {
    expect(canDecideTask(admin, { ...approval, status: 'COMPLETED' })).toBe(false);
  });
});

describe('evidence', () => {
  const evidence: TaskLike = {
    status: 'OPEN',
    phase: 'REQUEST_FOR_INFORMATION',
    kind: 'EVIDENCE',
    assigneeRole: 'DATA_OWNER',
    assignee: { id: '7' },
  };

  it('lets the routed data owner and admins submit evidence', () => {
    expect(canSubmitEvidence(dataOwner, evidence)).toBe(true);
    expect(canSubmitEvidence(admin, evidence)).toBe(true);
    expect(canSubmitEvidence({ id: '8', role: 'DATA_OWNER' }, evidence)).toBe(false);
    expect(canSubmitEvidence(owner, evidence)).toBe(false);
    expect(canSubmitEvidence(dataOwner, { ...evidence, kind: 'APPROVAL' })).toBe(false);
  });

  it('only submits an evidence task, never rejects it', () => {
    expect(decisionsFor(evidence)).toEqual(['APPROVE']);
    expect(decisionsFor(approval)).toEqual(['APPROVE', 'REJECT', 'REQUEST_CHANGES']);
  });
});

describe('decisionProblem', () => {
  it('requires a comment to reject or request changes', () => {
    expect(decisionProblem('APPROVE', '')).toBeNull();
    expect(decisionProblem('REJECT', '  ')).toMatch(/comment/);
    expect(decisionProblem('REQUEST_CHANGES', 'fix the LOB mapping')).toBeNull();
    expect(decisionProblem('APPROVE', 'x'.repeat(4001))).toMatch(/4000/);
  });
});
