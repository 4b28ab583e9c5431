// Unit tests of the tester select's options, the value it shows while a change is on its way, and when a cycle is over.
import { describe, expect, it } from 'vitest';
import { cycleIsOver } from './cycleStatus';
import { shownTesterId, testerOptions, type PendingAssignment } from './testerAssignment';

const zoe = { id: '7', displayName: 'Zoe Tester', username: 'tester-2' };
const ann = { id: '5', displayName: 'Ann Tester', username: 'tester' };

describe('testerOptions', () => {
  it('lists the active testers by name', () => {
    expect(testerOptions([zoe, ann], null)).toEqual([
      { id: '5', label: 'Ann Tester (tester)', inactive: false },
      { id: '7', label: 'Zoe Tester (tester-2)', inactive: false },
    ]);
  });

  it('keeps an assigned tester who is no longer active, saying so', () => {
    const gone = { id: '9', displayName: 'Old Tester', username: 'old' };
    const options = testerOptions([ann], gone);
    expect(options.map((o) => o.id)).toEqual(['5', '9']);
    expect(options[1]).toMatchObject({ inactive: true, label: expect.stringContaining('not an active tester') as unknown });
    expect(testerOptions([ann], ann)).toHaveLength(1);
  });
});

describe('shownTesterId', () => {
  const pending: PendingAssignment[] = [{ reportId: 'r1', testerId: '7', before: '5' }];

  it('shows the chosen tester until the page reads the change back', () => {
    expect(shownTesterId('r1', '5', pending)).toBe('7');
    expect(shownTesterId('r1', '7', pending)).toBe('7');
  });

  it("follows the server once it shows something else, and leaves other reports alone", () => {
    expect(shownTesterId('r1', null, pending)).toBeNull();
    expect(shownTesterId('r2', '5', pending)).toBe('5');
  });

  it('takes the latest change of a report, including unassigning', () => {
    const twice: PendingAssignment[] = [...pending, { reportId: 'r1', testerId: null, before: '5' }];
    expect(shownTesterId('r1', '5', twice)).toBeNull();
  });
});

describe('cycleIsOver', () => {
  it('holds for COMPLETED and CANCELLED cycles only', () => {
    expect(cycleIsOver('COMPLETED')).toBe(true);
    expect(cycleIsOver('CANCELLED')).toBe(true);
    expect(cycleIsOver('PLANNED')).toBe(false);
    expect(cycleIsOver('ACTIVE')).toBe(false);
    expect(cycleIsOver('ON_HOLD')).toBe(false);
  });
});
