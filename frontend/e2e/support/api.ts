// Direct GraphQL calls for test setup (sign in, create a cycle, assign a tester, start a run, wait for a task, decide the tasks
// before the one a test is about) and for reading back what a decision stored or where a run stands, using the app's typed
// operations.
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
import { UpdateWorkflowSettingsMutation } from '../../src/api/operations/settings';
import { CompleteTaskMutation, InboxTasksQuery, SubmitEvidenceMutation } from '../../src/api/operations/tasks';
import { CancelWorkflowMutation, StartWorkflowMutation } from '../../src/api/operations/workflow';
import {
  TypedDocumentString,
  type ApprovalMode,
  type Decision,
  type ExecutionStatus,
  type InboxTasksQuery as InboxTasks,
  type Phase,
  type StartWorkflowInput,
  type TaskKind,
} from '../../src/gql/graphql';
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

/** Sets the cycle's sample size (as test-manager) before its run starts: a small sample keeps a run short. */
export async function setSampleSize(cycleId: string, sampleSize: number): Promise<void> {
  const token = await tokenFor('test-manager');
  await execute(UpdateWorkflowSettingsMutation, { cycleId, input: { sampleSize } }, { endpoint, token });
}

type Task = InboxTasks['tasks']['nodes'][number];

/** Evidence that fails against any reported value (unreadable as a number, date or flag; unequal as text or code). */
export const FAILING_EVIDENCE = 'E2E-MISMATCH';

/**
 * Decides the cycle's open tasks until one of `phase` and `kind` opens, and returns that one undecided. Each is approved by
 * the person it waits on (admin for a task addressed to a role); an EVIDENCE task's data owner first submits, for its first
 * test case, evidence that fails (so testing raises an observation).
 */
export async function advanceUntil(cycleId: string, phase: Phase, kind: TaskKind, timeoutMs = 60_000): Promise<Task> {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (username: string) => {
    let token = tokens.get(username);
    if (!token) tokens.set(username, (token = tokenFor(username)));
    return token;
  };
  const admin = await tokenOf('admin');
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const { tasks } = await execute(InboxTasksQuery, { open: true, mine: false, cycleId }, { endpoint, token: admin });
    const wanted = tasks.nodes.find((t) => t.phase === phase && t.kind === kind);
    if (wanted) return wanted;
    for (const task of tasks.nodes) {
      try {
        const token = await tokenOf(task.assignee?.username ?? 'admin');
        const first = task.testCases[0];
        if (task.kind === 'EVIDENCE' && first && first.evidence !== FAILING_EVIDENCE) {
          await execute(SubmitEvidenceMutation, { testCaseId: first.id, value: FAILING_EVIDENCE }, { endpoint, token });
        }
        await execute(CompleteTaskMutation, { taskId: task.id, input: { decision: 'APPROVE' } }, { endpoint, token });
      } catch (error) {
        lastError = error; // Not awaited yet (the run is opening it): the next round retries.
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no ${phase} ${kind} task opened in cycle ${cycleId}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** What a cycle's phases produced, per report, and its observations: what decisions change, read back after them. */
interface CycleOutputs {
  cycle: {
    cycleReports: {
      report: { id: string } | null;
      attributes: {
        id: string;
        name: string;
        isPrimaryKey: boolean;
        scoping: { inScope: boolean; overrideReason: string | null } | null;
      }[];
      ownerAssignments: {
        attribute: { id: string; name: string } | null;
        lob: { id: string; code: string } | null;
        dataOwner: { id: string; username: string } | null;
        method: string;
      }[];
    }[];
    observations: { id: string; title: string; severity: string; status: string; report: { id: string } | null }[];
  } | null;
}

// Typed by hand, not by codegen (which types the app's operations in src/): only the tests read these together.
const CycleOutputsQuery = new TypedDocumentString<CycleOutputs, { id: string }>(`
  query CycleOutputs($id: ID!) {
    cycle(id: $id) {
      cycleReports {
        report { id }
        attributes { id name isPrimaryKey scoping { inScope overrideReason } }
        ownerAssignments { attribute { id name } lob { id code } dataOwner { id username } method }
      }
      observations { id title severity status report { id } }
    }
  }
`);

/** The cycle's outputs, read as test-manager (who sees every cycle). */
export async function cycleOutputs(cycleId: string): Promise<NonNullable<CycleOutputs['cycle']>> {
  const token = await tokenFor('test-manager');
  const { cycle } = await execute(CycleOutputsQuery, { id: cycleId }, { endpoint, token });
  if (!cycle) throw new Error(`test-manager does not see cycle ${cycleId}`);
  return cycle;
}

/** A cycle's current run as the server keeps it: its status, scheduled start, and the per-report runs it began. */
interface CycleRun {
  cycle: {
    status: string;
    currentExecution: {
      id: string;
      status: ExecutionStatus;
      scheduledFor: string | null;
      completedAt: string | null;
      children: { id: string }[];
    } | null;
  } | null;
}

// Typed by hand, like CycleOutputsQuery: only the tests read these together.
const CycleRunQuery = new TypedDocumentString<CycleRun, { id: string }>(`
  query CycleRun($id: ID!) {
    cycle(id: $id) {
      status
      currentExecution { id status scheduledFor completedAt children { id } }
    }
  }
`);

/** The cycle's current run (null before any), read as test-manager. */
export async function currentRun(cycleId: string): Promise<NonNullable<CycleRun['cycle']>['currentExecution']> {
  const token = await tokenFor('test-manager');
  const { cycle } = await execute(CycleRunQuery, { id: cycleId }, { endpoint, token });
  if (!cycle) throw new Error(`test-manager does not see cycle ${cycleId}`);
  return cycle.currentExecution;
}

/** Waits until the cycle's current run has `status`; returns it. */
export async function waitForRunStatus(cycleId: string, status: ExecutionStatus, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await currentRun(cycleId);
    if (run?.status === status) return run;
    if (Date.now() > deadline) throw new Error(`cycle ${cycleId}'s run is ${run?.status ?? 'absent'}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
