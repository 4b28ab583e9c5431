// Unit tests of the decision payloads: which task takes which, their shape (as the server reads it), and refusals.
import { describe, expect, it } from 'vitest';
import {
  assignmentPayload,
  excludePayload,
  overridesPayload,
  payloadKindFor,
  payloadProblem,
  payloadSummary,
  unmappedPairs,
} from './decisionPayload';

const mapped = {
  attribute: { id: '11', name: 'Total assets' },
  lob: { id: '2', code: 'RETAIL' },
  dataOwner: { id: '7' },
  method: 'MAPPING',
};
const unmapped = { attribute: { id: '12', name: 'Net income' }, lob: { id: '3', code: 'CARDS' }, dataOwner: null, method: 'UNMAPPED' };

describe('payloadKindFor', () => {
  it('names the payload of planning approvals, scoping reviews and owner assignments only', () => {
    expect(payloadKindFor({ phase: 'PLANNING', kind: 'APPROVAL' })).toBe('exclude');
    expect(payloadKindFor({ phase: 'SCOPING', kind: 'REVIEW' })).toBe('overrides');
    expect(payloadKindFor({ phase: 'SCOPING', kind: 'APPROVAL' })).toBeNull();
    expect(payloadKindFor({ phase: 'DATA_OWNER_IDENTIFICATION', kind: 'ASSIGNMENT' })).toBe('assignments');
    expect(payloadKindFor({ phase: 'SAMPLE_SELECTION', kind: 'APPROVAL' })).toBeNull();
  });
});

describe('owner assignments', () => {
  it('lists only the pairs without an owner', () => {
    expect(unmappedPairs([mapped, unmapped])).toEqual([
      { key: '12:3', attributeId: '12', attributeName: 'Net income', lobId: '3', lobLabel: 'CARDS' },
    ]);
    expect(unmappedPairs([{ ...mapped, dataOwner: null }])).toHaveLength(1);
    expect(unmappedPairs([{ ...unmapped, attribute: null }])).toEqual([]);
  });

  it('sends the chosen owners with numeric ids, and nothing when none is chosen', () => {
    const pairs = unmappedPairs([unmapped, { ...unmapped, lob: { id: '4', code: 'WHOLESALE' } }]);
    expect(assignmentPayload(pairs, { '12:3': '9' })).toEqual({ assignments: [{ attributeId: 12, lobId: 3, dataOwnerId: 9 }] });
    expect(assignmentPayload(pairs, { '12:3': '' })).toBeNull();
    expect(assignmentPayload(pairs, {})).toBeNull();
  });
});

describe('exclusions and overrides', () => {
  it('builds the exclude list, or nothing', () => {
    expect(excludePayload(['Caption'])).toEqual({ exclude: ['Caption'] });
    expect(excludePayload([])).toBeNull();
  });

  it('excluding goes with REJECT or REQUEST_CHANGES only', () => {
    const payload = excludePayload(['Caption']);
    expect(payloadProblem('APPROVE', payload)).toMatch(/Reject or Request changes/);
    expect(payloadProblem('REJECT', payload)).toBeNull();
    expect(payloadProblem('REQUEST_CHANGES', payload)).toBeNull();
  });

  it('trims override reasons and wants one for each', () => {
    expect(overridesPayload([{ attribute: 'Caption', inScope: true, reason: ' risky ' }])).toEqual({
      overrides: [{ attribute: 'Caption', inScope: true, reason: 'risky' }],
    });
    expect(overridesPayload([])).toBeNull();
    const blank = overridesPayload([{ attribute: 'Caption', inScope: false, reason: '  ' }]);
    expect(payloadProblem('APPROVE', blank)).toBe('Every scoping override needs a reason.');
  });

  it('says what is sent', () => {
    expect(payloadSummary(null)).toBeNull();
    expect(payloadSummary({ exclude: ['A', 'B'] })).toBe('Sends back without: A, B');
    expect(payloadSummary({ overrides: [{ attribute: 'A', inScope: true, reason: 'r' }] })).toBe(
      'Overrides the scope of 1 attribute',
    );
    expect(payloadSummary({ assignments: [] })).toBe('Assigns owners to 0 pairs');
  });
});
