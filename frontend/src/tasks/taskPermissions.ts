// Who may act on a human task, mirroring the server's rules (src/services/decisions.rs); the server still enforces them.
import type { Decision, Phase, Role, TaskKind, TaskStatus } from '../gql/graphql';

export interface Viewer {
  id: string;
  role: Role;
}

export interface TaskLike {
  status: TaskStatus;
  phase: Phase;
  kind: TaskKind;
  assigneeRole: Role;
  assignee?: { id: string } | null;
}

/** The task is addressed to the viewer: by name, or by role when no one is named. */
export function isAddressedTo(viewer: Viewer, task: TaskLike): boolean {
  return task.assignee ? task.assignee.id === viewer.id : task.assigneeRole === viewer.role;
}

/** May decide (APPROVE / REJECT / REQUEST_CHANGES) an open task: its addressee, an admin, or the report
 * owner executive on observation approvals (to override severity). */
export function canDecideTask(viewer: Viewer, task: TaskLike): boolean {
  if (task.status !== 'OPEN') return false;
  const overridesSeverity =
    viewer.role === 'REPORT_OWNER_EXECUTIVE' && task.phase === 'OBSERVATION_MANAGEMENT' && task.kind === 'APPROVAL';
  return viewer.role === 'ADMIN' || isAddressedTo(viewer, task) || overridesSeverity;
}

/** May submit evidence on an open EVIDENCE task's test cases: its data owner, or an admin. */
export function canSubmitEvidence(viewer: Viewer, task: TaskLike): boolean {
  if (task.status !== 'OPEN' || task.kind !== 'EVIDENCE') return false;
  return viewer.role === 'ADMIN' || (viewer.role === 'DATA_OWNER' && isAddressedTo(viewer, task));
}

/** The decisions offered; an EVIDENCE task is only ever submitted (APPROVE). */
export function decisionsFor(task: TaskLike): Decision[] {
  return task.kind === 'EVIDENCE' ? ['APPROVE'] : ['APPROVE', 'REJECT', 'REQUEST_CHANGES'];
}

export const DECISION_LABELS: Record<Decision, string> = {
  APPROVE: 'Approve',
  REJECT: 'Reject',
  REQUEST_CHANGES: 'Request changes',
};

/** Why a decision cannot be sent yet (the server's rule: REJECT and REQUEST_CHANGES need a comment), or null. */
export function decisionProblem(decision: Decision, comment: string): string | null {
  if (decision !== 'APPROVE' && comment.trim() === '') return 'Say what should change: a comment is required.';
  if (comment.length > 4000) return 'A comment may be at most 4000 characters.';
  return null;
}
