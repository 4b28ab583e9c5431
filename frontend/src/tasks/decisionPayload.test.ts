// Unit tests of the decision payloads: which task takes which, their shape (as the server reads it), and refusals.
import { describe, expect, it } from 'vitest';
import {
  assignmentPayload,
  excludePayload,
  overridesPayload,
  payloadKindFor,
  payloadProblem,
  payloadSummary,
  severityPayload,
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

  it('gives observation approvals severity overrides only for report owner executives and admins', () => {
    const approval = { phase: 'OBSERVATION_MANAGEMENT', kind: 'APPROVAL' } as const;
    expect(payloadKindFor(approval, 'REPORT_OWNER_EXECUTIVE')).toBe('severityOverrides');
    expect(payloadKindFor(approval, 'ADMIN')).toBe('severityOverrides');
    expect(payloadKindFor(approval, 'REPORT_OWNER')).toBeNull();
    expect(payloadKindFor(approval)).toBeNull();
    expect(payloadKindFor({ phase: 'OBSERVATION_MANAGEMENT', kind: 'REVIEW' }, 'ADMIN')).toBeNull();
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

describe('severity overrides', () => {
  const observations = [
    { id: '41', severity: 'HIGH' },
    { id: '42', severity: 'LOW' },
  ];

  it('sends the changed severities with numeric ids and trimmed reasons, in table order', () => {
    const payload = severityPayload(observations, {
      '42': { severity: 'CRITICAL', reason: ' systemic ' },
      '41': { severity: 'MEDIUM', reason: 'one-off' },
    });
    expect(payload).toEqual({
      severityOverrides: [
        { observationId: 41, severity: 'MEDIUM', reason: 'one-off' },
        { observationId: 42, severity: 'CRITICAL', reason: 'systemic' },
      ],
    });
    expect(payloadSummary(payload)).toBe('Changes the severity of 2 observations');
  });

  it('sends nothing for severities put back, or none chosen', () => {
    expect(severityPayload(observations, { '41': { severity: 'HIGH', reason: 'x' } })).toBeNull();
    expect(severityPayload(observations, {})).toBeNull();
    expect(severityPayload(observations, { '99': { severity: 'LOW', reason: 'x' } })).toBeNull();
  });

  it('goes with APPROVE only, and wants a reason for each', () => {
    const payload = severityPayload(observations, { '41': { severity: 'LOW', reason: 'minor' } });
    expect(payloadProblem('APPROVE', payload)).toBeNull();
    expect(payloadProblem('REJECT', payload)).toMatch(/choose Approve/);
    const blank = severityPayload(observations, { '41': { severity: 'LOW', reason: ' ' } });
    expect(payloadProblem('APPROVE', blank)).toBe('Every severity change needs a reason.');
    expect(payloadSummary(blank)).toBe('Changes the severity of 1 observation');
  });
});
