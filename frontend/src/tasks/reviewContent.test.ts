// Unit tests of picking a task's review view and its content (report outputs, observations).
import { describe, expect, it } from 'vitest';
import {
  contentOfTask,
  inScopeCount,
  isSeverity,
  observationsOfTask,
  reviewViewFor,
  severityCounts,
  type ReviewAttribute,
  type ReviewObservation,
} from './reviewContent';

describe('reviewViewFor', () => {
  it('shows each reviewed phase its output', () => {
    expect(reviewViewFor('PLANNING')).toBe('attributes');
    expect(reviewViewFor('SCOPING')).toBe('scoping');
    expect(reviewViewFor('SAMPLE_SELECTION')).toBe('samples');
    expect(reviewViewFor('DATA_OWNER_IDENTIFICATION')).toBe('owners');
    expect(reviewViewFor('TEST_EXECUTION')).toBeNull();
  });
});

describe('contentOfTask', () => {
  const report = { id: 'r1', attributes: [], samples: [], ownerAssignments: [] };
  it('picks the task by id; undefined once it is no longer open', () => {
    const nodes = [
      { id: '1', cycleReport: null },
      { id: '2', cycleReport: report },
    ];
    expect(contentOfTask(nodes, '2')).toBe(report);
    expect(contentOfTask(nodes, '1')).toBeNull();
    expect(contentOfTask(nodes, '3')).toBeUndefined();
  });
});

describe('inScopeCount', () => {
  it('counts the attributes in scope, not the unscoped ones', () => {
    const scoped = (inScope: boolean | null) =>
      ({ scoping: inScope === null ? null : { inScope } }) as unknown as ReviewAttribute;
    expect(inScopeCount([scoped(true), scoped(false), scoped(null), scoped(true)])).toBe(2);
  });
});

describe('observations', () => {
  const observation = (id: string, reportId: string | null, severity = 'HIGH') =>
    ({ id, severity, report: reportId === null ? null : { id: reportId } }) as unknown as ReviewObservation;
  const cycle = { id: 'c1', observations: [observation('1', 'r1'), observation('2', 'r2'), observation('3', null)] };

  it('shows observation approvals the observations', () => {
    expect(reviewViewFor('OBSERVATION_MANAGEMENT')).toBe('observations');
  });

  it("keeps the task's own report's observations of its cycle", () => {
    const nodes = [
      { id: '1', report: { id: 'r1' }, cycle },
      { id: '2', report: null, cycle },
      { id: '3', report: { id: 'r1' } },
    ];
    expect(observationsOfTask(nodes, '1')?.map((o) => o.id)).toEqual(['1']);
    expect(observationsOfTask(nodes, '2')).toEqual([]);
    expect(observationsOfTask(nodes, '3')).toBeUndefined();
    expect(observationsOfTask(nodes, '4')).toBeUndefined();
  });

  it('counts by severity, most serious first, leaving out the severities with none', () => {
    const list = ['LOW', 'CRITICAL', 'LOW', 'ODD', 'MEDIUM'].map((s, i) => observation(String(i), 'r1', s));
    expect(severityCounts(list)).toEqual([
      { severity: 'CRITICAL', count: 1 },
      { severity: 'MEDIUM', count: 1 },
      { severity: 'LOW', count: 2 },
      { severity: 'ODD', count: 1 },
    ]);
    expect(isSeverity('INFORMATIONAL')).toBe(true);
    expect(isSeverity('high')).toBe(false);
  });
});
