// Unit tests of the role gates against the server's role table.
import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql';
import { ROLE_LABELS, canAssignDataOwners, canControlWorkflows, canManageCycles, canMonitor } from './roles';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

describe('role gates', () => {
  it('lets data executives and admins assign data owners', () => {
    expect(ROLES.filter(canAssignDataOwners).sort()).toEqual(['ADMIN', 'DATA_EXECUTIVE']);
  });

  it('lets only test managers and admins start workflows', () => {
    expect(ROLES.filter(canControlWorkflows).sort()).toEqual(['ADMIN', 'TEST_MANAGER']);
    expect(ROLES.filter(canManageCycles).sort()).toEqual(['ADMIN', 'TEST_MANAGER']);
  });

  it('shows monitoring to managers, executives and admins, not to testers or owners', () => {
    expect(ROLES.filter(canMonitor).sort()).toEqual([
      'ADMIN',
      'DATA_EXECUTIVE',
      'REPORT_OWNER_EXECUTIVE',
      'TEST_MANAGER',
    ]);
    for (const role of ['TESTER', 'REPORT_OWNER', 'DATA_OWNER'] as const) expect(canMonitor(role)).toBe(false);
  });
});
