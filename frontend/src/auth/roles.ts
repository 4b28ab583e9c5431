// Role gates mirroring the server's policy (src/auth/policy.rs); the server still enforces them.
import type { Role } from '../gql/graphql';

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  TEST_MANAGER: 'Test manager',
  TESTER: 'Tester',
  REPORT_OWNER: 'Report owner',
  REPORT_OWNER_EXECUTIVE: 'Report owner executive',
  DATA_EXECUTIVE: 'Data executive',
  DATA_OWNER: 'Data owner',
};

/** Start, cancel or schedule workflows. */
export function canControlWorkflows(role: Role): boolean {
  return role === 'ADMIN' || role === 'TEST_MANAGER';
}

/** Create cycles and add reports to them. */
export function canManageCycles(role: Role): boolean {
  return role === 'ADMIN' || role === 'TEST_MANAGER';
}

/** See the monitoring dashboard, every cycle, compensation logs and alerts. */
export function canMonitor(role: Role): boolean {
  return role === 'ADMIN' || role === 'TEST_MANAGER' || role === 'REPORT_OWNER_EXECUTIVE' || role === 'DATA_EXECUTIVE';
}

/** List the data owners and name one for an attribute/LOB pair nobody is mapped to. */
export function canAssignDataOwners(role: Role): boolean {
  return role === 'ADMIN' || role === 'DATA_EXECUTIVE';
}
