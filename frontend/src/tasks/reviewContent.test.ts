// Unit tests of picking a task's review view and its content.
import { describe, expect, it } from 'vitest';
import { contentOfTask, inScopeCount, reviewViewFor, type ReviewAttribute } from './reviewContent';

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
