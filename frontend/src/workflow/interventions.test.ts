// Unit tests of picking the phases paused for an operator out of a cycle's run, and of describing what a compensation did.
import { describe, expect, it } from 'vitest';
import { OPERATOR_CHOICES, describeEffects, pausedCompensations } from './interventions';

const log = (id: string, status: string, startedAt: string) => ({ id, status, startedAt });
const run = (id: string, status: string, logs: ReturnType<typeof log>[]) => ({ id, status, compensationLogs: logs });

describe('pausedCompensations', () => {
  it('picks the compensations awaiting an operator in running report runs, oldest first', () => {
    const execution = {
      status: 'RUNNING',
      children: [
        run('1', 'RUNNING', [log('10', 'RESOLVED', '2026-11-25T10:00:00Z'), log('12', 'AWAITING_OPERATOR', '2026-11-25T10:05:00Z')]),
        run('2', 'RUNNING', [log('11', 'AWAITING_OPERATOR', '2026-11-25T10:01:00Z')]),
        run('3', 'RUNNING', [log('13', 'COMPLETED', '2026-11-25T10:02:00Z')]),
      ],
    };
    const paused = pausedCompensations(execution);
    expect(paused.map((p) => [p.run.id, p.compensation.id])).toEqual([
      ['2', '11'],
      ['1', '12'],
    ]);
  });

  it('ignores logs left behind by report runs that ended, and runs that are not going on', () => {
    const children = [
      run('1', 'CANCELLED', [log('10', 'AWAITING_OPERATOR', '2026-11-25T10:00:00Z')]),
      run('2', 'RUNNING', [log('11', 'AWAITING_OPERATOR', '2026-11-25T10:01:00Z')]),
    ];
    expect(pausedCompensations({ status: 'RUNNING', children }).map((p) => p.compensation.id)).toEqual(['11']);
    expect(pausedCompensations({ status: 'CANCELLED', children })).toEqual([]);
    expect(pausedCompensations(null)).toEqual([]);
    expect(pausedCompensations(undefined)).toEqual([]);
  });

  it('finds nothing once the answer is recorded', () => {
    const execution = { status: 'RUNNING', children: [run('1', 'RUNNING', [log('10', 'RESOLVED', '2026-11-25T10:00:00Z')])] };
    expect(pausedCompensations(execution)).toEqual([]);
  });
});

describe('describeEffects', () => {
  it('reads counts, flags and lists', () => {
    expect(describeEffects({ scopingDecisions: 3 })).toEqual(['scoping decisions: 3']);
    expect(describeEffects({ everything: true })).toEqual(['everything']);
    expect(describeEffects({ planningApproval: 'reopened', skipped: false })).toEqual(['planning approval: reopened']);
    expect(describeEffects(['test-manager', 'admin'])).toEqual(['test-manager', 'admin']);
  });

  it('says nothing for empty values', () => {
    expect(describeEffects({})).toEqual([]);
    expect(describeEffects([])).toEqual([]);
    expect(describeEffects(null)).toEqual([]);
  });
});

describe('OPERATOR_CHOICES', () => {
  it('offers the four answers of the schema, each explained, asking to confirm only ABORT', () => {
    expect(OPERATOR_CHOICES.map((c) => c.action)).toEqual(['RESUME', 'RETRY', 'SKIP', 'ABORT']);
    expect(OPERATOR_CHOICES.every((c) => c.explanation.length > 0)).toBe(true);
    expect(OPERATOR_CHOICES.filter((c) => c.confirm).map((c) => c.action)).toEqual(['ABORT']);
  });
});
