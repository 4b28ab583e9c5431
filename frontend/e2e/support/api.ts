// Direct GraphQL calls for test setup (sign in, create a cycle, assign a tester, start a run, wait for a task), using the app's typed operations.
import { execute } from '../../src/api/graphqlClient';
import { LoginMutation } from '../../src/api/operations/auth';
import {
  AddReportsToCycleMutation,
  AssignTesterMutation,
  CreateCycleMutation,
  CyclesQuery,
  ReportsQuery,
  TestersQuery,
} from '../../src/api/operations/cycles';
import { CompleteTaskMutation, InboxTasksQuery } from '../../src/api/operations/tasks';
import { CancelWorkflowMutation, StartWorkflowMutation } from '../../src/api/operations/workflow';
import type { ApprovalMode, Decision, StartWorkflowInput } from '../../src/gql/graphql';
import { BASE_URL, DEMO_PASSWORD } from './env';

const endpoint = `${BASE_URL}/graphql`;

export async function tokenFor(username: string): Promise<string> {
  const { login } = await execute(LoginMutation, { username, password: DEMO_PASSWORD }, { endpoint });
  return login.token;
}

/** A fresh PLANNED cycle owned by test-manager, with the first `reportCount` reports, so tests never collide. */
export async function createCycle(
  name: string,
  reportCount = 1,
): Promise<{ id: string; name: string; token: string; reportIds: string[] }> {
  const token = await tokenFor('test-manager');
  const today = new Date().toISOString().slice(0, 10);
  const { createCycle: cycle } = await execute(
    CreateCycleMutation,
    { input: { name, description: 'created by the browser tests', startDate: today, endDate: today } },
    { endpoint, token },
  );
  const { reports } = await execute(ReportsQuery, {}, { endpoint, token });
  const reportIds = reports.nodes.slice(0, reportCount).map((r) => r.id);
  await execute(AddReportsToCycleMutation, { cycleId: cycle.id, reportIds }, { endpoint, token });
  return { id: cycle.id, name: cycle.name, token, reportIds };
}

/** Assigns the active tester `username` to a report of the cycle, as test-manager (a tester sees only cycles they test). */
export async function assignTester(cycleId: string, reportId: string, username = 'tester'): Promise<void> {
  const token = await tokenFor('test-manager');
  const { users } = await execute(TestersQuery, {}, { endpoint, token });
  const tester = users.nodes.find((u) => u.username === username);
  if (!tester) throw new Error(`no active tester ${username}`);
  await execute(AssignTesterMutation, { cycleId, reportId, testerId: tester.id }, { endpoint, token });
}

/** Starts the cycle's run; `more` adds to the input (faults, a pinned version: see StartWorkflowInput). */
export async function startWorkflow(
  token: string,
  cycleId: string,
  approvalMode: ApprovalMode,
  more: Omit<StartWorkflowInput, 'approvalMode'> = {},
): Promise<string> {
  const { startWorkflow: execution } = await execute(
    StartWorkflowMutation,
    { cycleId, input: { ...more, approvalMode } },
    { endpoint, token },
  );
  return execution.id;
}

export async function cancelWorkflow(token: string, executionId: string): Promise<void> {
  await execute(CancelWorkflowMutation, { executionId, reason: 'browser test cleanup' }, { endpoint, token });
}

/** Waits until `username` has an open task in the cycle; returns it. */
export async function waitForOpenTask(username: string, cycleId: string, timeoutMs = 30_000) {
  const token = await tokenFor(username);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { tasks } = await execute(InboxTasksQuery, { open: true, mine: true }, { endpoint, token });
    const task = tasks.nodes.find((t) => t.cycle?.id === cycleId);
    if (task) return task;
    if (Date.now() > deadline) throw new Error(`no open task for ${username} in cycle ${cycleId}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Decides every open task of the cycle as admin (APPROVE) until an EVIDENCE task opens; returns it. */
export async function approveUntilEvidence(cycleId: string, timeoutMs = 60_000) {
  const token = await tokenFor('admin');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { tasks } = await execute(InboxTasksQuery, { open: true, mine: false, cycleId }, { endpoint, token });
    const evidence = tasks.nodes.find((t) => t.kind === 'EVIDENCE' && t.assignee);
    if (evidence) return evidence;
    for (const task of tasks.nodes.filter((t) => t.kind !== 'EVIDENCE')) {
      await execute(CompleteTaskMutation, { taskId: task.id, input: { decision: 'APPROVE' } }, { endpoint, token }).catch(
        () => undefined, // already decided, or not awaited yet: the next round retries.
      );
    }
    if (Date.now() > deadline) throw new Error(`no evidence task opened in cycle ${cycleId}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Decides a task as admin (admins may decide any task). */
export async function completeTaskAsAdmin(taskId: string, decision: Decision = 'APPROVE'): Promise<void> {
  const token = await tokenFor('admin');
  await execute(CompleteTaskMutation, { taskId, input: { decision } }, { endpoint, token });
}

/** The task's current state, read as `username`. */
export async function findTask(username: string, taskId: string) {
  const token = await tokenFor(username);
  const { tasks } = await execute(InboxTasksQuery, { open: null, mine: true }, { endpoint, token });
  return tasks.nodes.find((t) => t.id === taskId);
}

/** The first cycle `username` may see. */
export async function firstVisibleCycle(username: string): Promise<{ id: string; name: string }> {
  const token = await tokenFor(username);
  const { cycles } = await execute(CyclesQuery, { first: 1 }, { endpoint, token });
  const cycle = cycles.nodes[0];
  if (!cycle) throw new Error(`${username} sees no cycle`);
  return cycle;
}
