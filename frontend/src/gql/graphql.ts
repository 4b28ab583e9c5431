/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether people decide the human steps, or the workflow does. */
export type ApprovalMode =
  | 'AUTO'
  | 'MANUAL';

/** How a failed phase is compensated. */
export type CompensationAction =
  | 'MANUAL_INTERVENTION'
  | 'NOTIFY'
  | 'PARTIAL_ROLLBACK'
  | 'ROLLBACK'
  | 'SKIP';

/** A new test cycle. */
export type CreateCycleInput = {
  /** What the cycle is for. */
  description?: string;
  /** Last day of testing; not before `startDate`. */
  endDate: string;
  /** Name, 1 to 200 characters. */
  name: string;
  /** First day of testing. */
  startDate: string;
  /** The owning test manager; defaults to the caller, and an admin must name one. */
  testManagerId?: string | number | null | undefined;
};

/** Where one report of a cycle stands. */
export type CycleReportStatus =
  | 'CANCELLED'
  | 'COMPLETE'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'NOT_STARTED';

/** Where a test cycle stands. */
export type CycleStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'ON_HOLD'
  | 'PLANNED';

/** A decision on a human step. */
export type Decision =
  | 'APPROVE'
  | 'REJECT'
  | 'REQUEST_CHANGES';

/** Where a workflow execution stands. */
export type ExecutionStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'TERMINATED'
  | 'TIMED_OUT';

/** A failure to inject into a phase's work (testing only). */
export type FaultInput = {
  /** Make the first attempt take this many milliseconds first. */
  delayMs?: number;
  /** How many attempts fail before one succeeds (a large number: all of them). */
  failingAttempts: number;
  /** Fail as a business error, not retried. */
  nonRetryable?: boolean;
  /** The phase whose work fails. */
  phase: Phase;
  /** Only in this review round. */
  round?: number | null | undefined;
};

/** What an operator does with a phase paused for manual intervention. */
export type OperatorAction =
  /** Fail the report's run. */
  | 'ABORT'
  /** Carry on as if the phase had succeeded (its work was finished by hand). */
  | 'RESUME'
  /** Run the phase again. */
  | 'RETRY'
  /** Mark the phase skipped and continue. */
  | 'SKIP';

/** One of the eight testing phases. */
export type Phase =
  | 'DATA_OWNER_IDENTIFICATION'
  | 'FINALIZE_TEST_REPORT'
  | 'OBSERVATION_MANAGEMENT'
  | 'PLANNING'
  | 'REQUEST_FOR_INFORMATION'
  | 'SAMPLE_SELECTION'
  | 'SCOPING'
  | 'TEST_EXECUTION';

/** A change to one phase's settings; what is left out stays as it is. */
export type PhaseSettingInput = {
  /** One of the phase's `allowedCompensations`. */
  compensation?: CompensationAction | null | undefined;
  /** 1 to 10 rounds. */
  maxReviewRounds?: number | null | undefined;
  /** The phase. */
  phase: Phase;
  /** 1 to 8760 hours. */
  slaHours?: number | null | undefined;
  /** 1 to 99 per cent of the SLA. */
  slaWarningPercent?: number | null | undefined;
};

/** A user's role. */
export type Role =
  | 'ADMIN'
  | 'DATA_EXECUTIVE'
  | 'DATA_OWNER'
  | 'REPORT_OWNER'
  | 'REPORT_OWNER_EXECUTIVE'
  | 'TESTER'
  | 'TEST_MANAGER';

/** How to start a cycle's workflow. */
export type StartWorkflowInput = {
  /**
   * MANUAL (people decide each human step) or AUTO (the workflow decides, recorded as automatic).
   * Nullable as API.md declares it: null, like leaving it out, means MANUAL.
   */
  approvalMode?: ApprovalMode | null | undefined;
  /** Failures to inject; only on a server started with SYNAPSE_TESTING_FAULTS=true. */
  faults?: Array<FaultInput> | null | undefined;
  /** Only these reports of the cycle (default, or an empty list: every report). */
  reportIds?: Array<string | number> | null | undefined;
  /** Phases to skip (default: none); they are recorded as SKIPPED. */
  skipPhases?: Array<Phase> | null | undefined;
  /** Every human step's SLA in seconds; only on a server started with SYNAPSE_TESTING_FAULTS=true. */
  slaSeconds?: number | null | undefined;
  /**
   * Schedule the run: its phases begin at this time (in the future, within the workflow
   * timeout) instead of at once; until then the execution is PENDING and can be cancelled.
   */
  startAt?: string | null | undefined;
  /** Pin the run to this workflow version (default: the current one). */
  version?: string | null | undefined;
};

/** Where a workflow step stands. */
export type StepStatus =
  | 'CANCELLED'
  | 'COMPENSATED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SKIPPED'
  | 'WAITING';

/** A decision on a human task. */
export type TaskDecisionInput = {
  /** Why; required for REJECT and REQUEST_CHANGES (it goes back to the phase). */
  comment?: string | null | undefined;
  /** APPROVE, REJECT or REQUEST_CHANGES. */
  decision: Decision;
  /**
   * Structured changes, by task: planning APPROVAL sent back `{"exclude": [attribute name]}`;
   * scoping REVIEW `{"overrides": [{"attribute", "inScope", "reason"}]}`; ASSIGNMENT
   * `{"assignments": [{"attributeId", "lobId", "dataOwnerId"}]}`; observation APPROVAL
   * `{"severityOverrides": [{"observationId", "severity", "reason"}]}`; other tasks none.
   * What does not fit the task, or names what is not the report's, is BAD_USER_INPUT.
   */
  payload?: unknown;
};

/** What a human task asks for. */
export type TaskKind =
  | 'APPROVAL'
  | 'ASSIGNMENT'
  | 'EVIDENCE'
  | 'REVIEW'
  | 'SIGN_OFF';

/** Where a human task stands. */
export type TaskStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'OPEN';

/** A change to the settings; what is left out stays as it is. */
export type WorkflowSettingsInput = {
  /** Phases to change, each named once. */
  phases?: Array<PhaseSettingInput>;
  /** Days to answer a request for information, 1 to 90 (per cycle only). */
  rfiDueDays?: number | null | undefined;
  /** Samples per report, 1 to 500 (per cycle only). */
  sampleSize?: number | null | undefined;
};

export type WorkflowAlertsQueryVariables = Exact<{
  first?: number | null | undefined;
  open?: boolean | null | undefined;
}>;


export type WorkflowAlertsQuery = { workflowAlerts: { totalCount: number, nodes: Array<{ id: string, alertType: string, severity: string, message: string, createdAt: string, acknowledgedAt: string | null, acknowledgedBy: { username: string, displayName: string } | null, execution: { id: string, status: ExecutionStatus, cycle: { id: string, name: string } | null, report: { reportNumber: string, name: string } | null } | null }> } };

export type AcknowledgeAlertMutationVariables = Exact<{
  alertId: string | number;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { id: string, acknowledgedAt: string | null, acknowledgedBy: { username: string, displayName: string } | null } };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, user: { id: string, username: string, displayName: string, role: Role } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, displayName: string, role: Role } };

export type CyclesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CyclesQuery = { cycles: { totalCount: number, nodes: Array<{ id: string, name: string, status: CycleStatus, startDate: string, endDate: string, testManager: { displayName: string } | null, reports: Array<{ id: string }>, currentExecution: { id: string, status: ExecutionStatus, approvalMode: ApprovalMode, startedAt: string } | null }> } };

export type CycleDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CycleDetailQuery = { cycle: { id: string, name: string, description: string, status: CycleStatus, startDate: string, endDate: string, testManager: { displayName: string } | null, cycleReports: Array<{ id: string, status: CycleReportStatus, currentPhase: Phase | null, workflowId: string | null, tester: { id: string, username: string, displayName: string } | null, report: { id: string, name: string, reportNumber: string } | null }>, currentExecution: { id: string, workflowId: string, status: ExecutionStatus, version: string, approvalMode: ApprovalMode, currentPhase: Phase | null, startedAt: string, scheduledFor: string | null, completedAt: string | null, durationSeconds: number, error: string | null, temporalUiUrl: string, children: Array<{ id: string, status: ExecutionStatus, version: string, currentPhase: Phase | null, startedAt: string, completedAt: string | null, durationSeconds: number, error: string | null, report: { id: string, name: string, reportNumber: string } | null, steps: Array<{ id: string, phase: Phase | null, name: string, stepType: string, status: StepStatus, attempt: number, startedAt: string | null, completedAt: string | null, durationSeconds: number | null, waitingSeconds: number, error: string | null }>, retryLogs: Array<{ id: string, activityType: string, activityKind: string, attempt: number, error: string, failedAt: string }>, compensationLogs: Array<{ id: string, phase: Phase, strategy: CompensationAction, status: string, failure: string | null, undone: unknown, kept: unknown, notified: unknown, operatorAction: string | null, startedAt: string, completedAt: string | null }>, migrations: Array<{ id: string, fromVersion: string, toVersion: string, status: string, atPhase: Phase | null, reason: string | null, requestedAt: string, appliedAt: string | null }> }> } | null, observations: Array<{ id: string, title: string, severity: string, status: string, attributeName: string, lobCode: string, failureCount: number, testedCount: number, report: { reportNumber: string } | null }>, testReports: Array<{ id: string, version: number, status: string, html: string, report: { id: string, name: string, reportNumber: string } | null }> } | null };

export type ReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportsQuery = { reports: { nodes: Array<{ id: string, name: string, reportNumber: string }> } };

export type TestManagersQueryVariables = Exact<{ [key: string]: never; }>;


export type TestManagersQuery = { users: { nodes: Array<{ id: string, displayName: string, username: string }> } };

export type TestersQueryVariables = Exact<{ [key: string]: never; }>;


export type TestersQuery = { users: { nodes: Array<{ id: string, displayName: string, username: string }> } };

export type AssignTesterMutationVariables = Exact<{
  cycleId: string | number;
  reportId: string | number;
  testerId?: string | number | null | undefined;
}>;


export type AssignTesterMutation = { assignTester: { id: string, tester: { id: string, username: string, displayName: string } | null } };

export type AdvanceReportByHandMutationVariables = Exact<{
  cycleId: string | number;
  reportId: string | number;
  note?: string | null | undefined;
}>;


export type AdvanceReportByHandMutation = { advanceReportByHand: { id: string, status: CycleReportStatus, currentPhase: Phase | null } };

export type CreateCycleMutationVariables = Exact<{
  input: CreateCycleInput;
}>;


export type CreateCycleMutation = { createCycle: { id: string, name: string } };

export type AddReportsToCycleMutationVariables = Exact<{
  cycleId: string | number;
  reportIds: Array<string | number> | string | number;
}>;


export type AddReportsToCycleMutation = { addReportsToCycle: { id: string } };

export type MonitoringQueryVariables = Exact<{ [key: string]: never; }>;


export type MonitoringQuery = { metrics: { from: string, to: string, computedAt: string, totalRuns: number, successRate: number | null, totalCycleRuns: number, totalsByStatus: Array<{ status: ExecutionStatus, count: number }>, cycleTotalsByStatus: Array<{ status: ExecutionStatus, count: number }>, phaseDurations: Array<{ phase: Phase, completedCount: number, skippedCount: number, failedCount: number, avgSeconds: number | null, p50Seconds: number | null, p95Seconds: number | null, avgWorkingSeconds: number | null, avgWaitingSeconds: number | null, retryCount: number }>, bottlenecks: Array<{ phase: Phase, waitingSeconds: number, workingSeconds: number, waitingShare: number | null, activeRunCount: number, openTaskCount: number, overdueTaskCount: number, oldestOpenTaskAgeSeconds: number | null }>, dailyTrend: Array<{ date: string, started: number, completed: number, failed: number, cancelled: number, successRate: number | null, avgDurationSeconds: number | null, cycleRunsStarted: number }> }, recent: { nodes: Array<{ id: string, status: ExecutionStatus, approvalMode: ApprovalMode, version: string, startedAt: string, completedAt: string | null, durationSeconds: number, error: string | null, currentPhase: Phase | null, cycle: { id: string, name: string } | null, report: { reportNumber: string } | null, retryLogs: Array<{ id: string, activityType: string, activityKind: string, attempt: number, error: string, failedAt: string, nextRetryDelayMs: number | null }> }> }, openTasks: { totalCount: number, nodes: Array<{ id: string, title: string, phase: Phase, kind: TaskKind, assigneeRole: Role, dueAt: string | null, createdAt: string, cycle: { id: string, name: string } | null }> }, compensationLogs: { totalCount: number, nodes: Array<{ id: string, phase: Phase, strategy: CompensationAction, status: string, failure: string | null, operatorAction: string | null, startedAt: string, completedAt: string | null, execution: { id: string, cycle: { id: string, name: string } | null, report: { reportNumber: string } | null } | null }> }, workflowVersions: Array<{ version: string, current: boolean, features: Array<string>, canMigrateTo: Array<string>, executionCount: number, runningCount: number }> };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  unread?: boolean | null | undefined;
}>;


export type NotificationsQuery = { notifications: { totalCount: number, nodes: Array<{ id: string, kind: string, subject: string, body: string, link: string | null, createdAt: string, readAt: string | null }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type WorkflowSettingsFieldsFragment = { cycleId: string | null, sampleSize: number, rfiDueDays: number, phases: Array<{ phase: Phase, compensation: CompensationAction, allowedCompensations: Array<CompensationAction>, slaHours: number, slaWarningPercent: number, maxReviewRounds: number, overridden: boolean }> };

export type WorkflowSettingsQueryVariables = Exact<{
  cycleId?: string | number | null | undefined;
}>;


export type WorkflowSettingsQuery = { workflowSettings: { cycleId: string | null, sampleSize: number, rfiDueDays: number, phases: Array<{ phase: Phase, compensation: CompensationAction, allowedCompensations: Array<CompensationAction>, slaHours: number, slaWarningPercent: number, maxReviewRounds: number, overridden: boolean }> } };

export type UpdateWorkflowSettingsMutationVariables = Exact<{
  cycleId?: string | number | null | undefined;
  input: WorkflowSettingsInput;
}>;


export type UpdateWorkflowSettingsMutation = { updateWorkflowSettings: { cycleId: string | null, sampleSize: number, rfiDueDays: number, phases: Array<{ phase: Phase, compensation: CompensationAction, allowedCompensations: Array<CompensationAction>, slaHours: number, slaWarningPercent: number, maxReviewRounds: number, overridden: boolean }> } };

export type InboxTasksQueryVariables = Exact<{
  open?: boolean | null | undefined;
  mine?: boolean | null | undefined;
  cycleId?: string | number | null | undefined;
}>;


export type InboxTasksQuery = { tasks: { totalCount: number, nodes: Array<{ id: string, title: string, phase: Phase, kind: TaskKind, assigneeRole: Role, round: number, status: TaskStatus, dueAt: string | null, decision: Decision | null, comment: string | null, decidedAutomatically: boolean, decidedAt: string | null, createdAt: string, assignee: { id: string, username: string, displayName: string } | null, decidedBy: { displayName: string } | null, cycle: { id: string, name: string } | null, report: { reportNumber: string } | null, request: { status: string, dueAt: string } | null, testCases: Array<{ id: string, attributeName: string, sampleKey: string, reportedValue: string | null, evidence: string | null, evidenceVersion: number | null, documentRef: string | null, result: string | null }> }> } };

export type CompleteTaskMutationVariables = Exact<{
  taskId: string | number;
  input: TaskDecisionInput;
}>;


export type CompleteTaskMutation = { completeTask: { id: string, status: TaskStatus, decision: Decision | null } };

export type SubmitEvidenceMutationVariables = Exact<{
  testCaseId: string | number;
  value: string;
  documentRef?: string | null | undefined;
}>;


export type SubmitEvidenceMutation = { submitEvidence: { id: string, evidence: string | null, evidenceVersion: number | null, documentRef: string | null } };

export type TaskEventsSubscriptionVariables = Exact<{
  afterSeq?: number | null | undefined;
}>;


export type TaskEventsSubscription = { taskEvents: { seq: number, kind: string, status: string, detail: unknown } };

export type TaskReviewContentQueryVariables = Exact<{
  cycleId: string | number;
  withObservations?: boolean | null | undefined;
}>;


export type TaskReviewContentQuery = { tasks: { nodes: Array<{ id: string, report: { id: string } | null, cycle?: { id: string, observations: Array<{ id: string, title: string, description: string, observationType: string, severity: string, status: string, attributeName: string, lobCode: string, failureCount: number, testedCount: number, report: { id: string } | null }> } | null, cycleReport: { id: string, attributes: Array<{ id: string, name: string, description: string, dataType: string, isCde: boolean, hasHistoricalIssue: boolean, isPrimaryKey: boolean, lineItem: string | null, version: number, scoping: { recommendation: string, riskScore: number, rationale: string, inScope: boolean, overrideReason: string | null } | null }>, samples: Array<{ id: string, recordKey: string | null, category: string, selectionMethod: string, status: string, lob: { code: string, name: string } | null }>, ownerAssignments: Array<{ method: string, attribute: { id: string, name: string } | null, lob: { id: string, code: string, name: string } | null, dataOwner: { id: string, username: string, displayName: string, lob: { id: string } | null } | null }> } | null }> } };

export type DataOwnersQueryVariables = Exact<{ [key: string]: never; }>;


export type DataOwnersQuery = { users: { nodes: Array<{ id: string, username: string, displayName: string, lob: { id: string } | null }> } };

export type StartWorkflowMutationVariables = Exact<{
  cycleId: string | number;
  input?: StartWorkflowInput | null | undefined;
}>;


export type StartWorkflowMutation = { startWorkflow: { id: string, status: ExecutionStatus, scheduledFor: string | null } };

export type CancelWorkflowMutationVariables = Exact<{
  executionId: string | number;
  reason: string;
}>;


export type CancelWorkflowMutation = { cancelWorkflow: { id: string, status: ExecutionStatus } };

export type WorkflowEventsSubscriptionVariables = Exact<{
  cycleId?: string | number | null | undefined;
  executionId?: string | number | null | undefined;
  afterSeq?: number | null | undefined;
}>;


export type WorkflowEventsSubscription = { workflowEvents: { seq: number, at: string, cycleId: string, reportId: string | null, executionId: string | null, phase: Phase | null, kind: string, status: string, detail: unknown } };

export type ResolveInterventionMutationVariables = Exact<{
  compensationLogId: string | number;
  action: OperatorAction;
}>;


export type ResolveInterventionMutation = { resolveIntervention: { id: string, status: string, operatorAction: string | null } };

export type WorkflowVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowVersionsQuery = { workflowVersions: Array<{ version: string, features: Array<string>, current: boolean, canMigrateTo: Array<string> }> };

export type MigrateWorkflowMutationVariables = Exact<{
  executionId: string | number;
  toVersion: string;
}>;


export type MigrateWorkflowMutation = { migrateWorkflow: Array<{ id: string, fromVersion: string, toVersion: string, status: string, atPhase: Phase | null, reason: string | null, requestedAt: string, appliedAt: string | null, execution: { id: string, report: { reportNumber: string } | null } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const WorkflowSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment WorkflowSettingsFields on WorkflowSettings {
  cycleId
  sampleSize
  rfiDueDays
  phases {
    phase
    compensation
    allowedCompensations
    slaHours
    slaWarningPercent
    maxReviewRounds
    overridden
  }
}
    `, {"fragmentName":"WorkflowSettingsFields"}) as unknown as TypedDocumentString<WorkflowSettingsFieldsFragment, unknown>;
export const WorkflowAlertsDocument = new TypedDocumentString(`
    query WorkflowAlerts($first: Int, $open: Boolean) {
  workflowAlerts(first: $first, open: $open) {
    totalCount
    nodes {
      id
      alertType
      severity
      message
      createdAt
      acknowledgedAt
      acknowledgedBy {
        username
        displayName
      }
      execution {
        id
        status
        cycle {
          id
          name
        }
        report {
          reportNumber
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkflowAlertsQuery, WorkflowAlertsQueryVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($alertId: ID!) {
  acknowledgeAlert(alertId: $alertId) {
    id
    acknowledgedAt
    acknowledgedBy {
      username
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    user {
      id
      username
      displayName
      role
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    displayName
    role
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const CyclesDocument = new TypedDocumentString(`
    query Cycles($first: Int) {
  cycles(first: $first) {
    totalCount
    nodes {
      id
      name
      status
      startDate
      endDate
      testManager {
        displayName
      }
      reports {
        id
      }
      currentExecution {
        id
        status
        approvalMode
        startedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CyclesQuery, CyclesQueryVariables>;
export const CycleDetailDocument = new TypedDocumentString(`
    query CycleDetail($id: ID!) {
  cycle(id: $id) {
    id
    name
    description
    status
    startDate
    endDate
    testManager {
      displayName
    }
    cycleReports {
      id
      status
      currentPhase
      workflowId
      tester {
        id
        username
        displayName
      }
      report {
        id
        name
        reportNumber
      }
    }
    currentExecution {
      id
      workflowId
      status
      version
      approvalMode
      currentPhase
      startedAt
      scheduledFor
      completedAt
      durationSeconds
      error
      temporalUiUrl
      children {
        id
        status
        version
        currentPhase
        startedAt
        completedAt
        durationSeconds
        error
        report {
          id
          name
          reportNumber
        }
        steps {
          id
          phase
          name
          stepType
          status
          attempt
          startedAt
          completedAt
          durationSeconds
          waitingSeconds
          error
        }
        retryLogs {
          id
          activityType
          activityKind
          attempt
          error
          failedAt
        }
        compensationLogs {
          id
          phase
          strategy
          status
          failure
          undone
          kept
          notified
          operatorAction
          startedAt
          completedAt
        }
        migrations {
          id
          fromVersion
          toVersion
          status
          atPhase
          reason
          requestedAt
          appliedAt
        }
      }
    }
    observations {
      id
      title
      severity
      status
      attributeName
      lobCode
      failureCount
      testedCount
      report {
        reportNumber
      }
    }
    testReports {
      id
      version
      status
      html
      report {
        id
        name
        reportNumber
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CycleDetailQuery, CycleDetailQueryVariables>;
export const ReportsDocument = new TypedDocumentString(`
    query Reports {
  reports(first: 100) {
    nodes {
      id
      name
      reportNumber
    }
  }
}
    `) as unknown as TypedDocumentString<ReportsQuery, ReportsQueryVariables>;
export const TestManagersDocument = new TypedDocumentString(`
    query TestManagers {
  users(role: TEST_MANAGER, first: 100) {
    nodes {
      id
      displayName
      username
    }
  }
}
    `) as unknown as TypedDocumentString<TestManagersQuery, TestManagersQueryVariables>;
export const TestersDocument = new TypedDocumentString(`
    query Testers {
  users(role: TESTER, first: 100) {
    nodes {
      id
      displayName
      username
    }
  }
}
    `) as unknown as TypedDocumentString<TestersQuery, TestersQueryVariables>;
export const AssignTesterDocument = new TypedDocumentString(`
    mutation AssignTester($cycleId: ID!, $reportId: ID!, $testerId: ID) {
  assignTester(cycleId: $cycleId, reportId: $reportId, testerId: $testerId) {
    id
    tester {
      id
      username
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<AssignTesterMutation, AssignTesterMutationVariables>;
export const AdvanceReportByHandDocument = new TypedDocumentString(`
    mutation AdvanceReportByHand($cycleId: ID!, $reportId: ID!, $note: String) {
  advanceReportByHand(cycleId: $cycleId, reportId: $reportId, note: $note) {
    id
    status
    currentPhase
  }
}
    `) as unknown as TypedDocumentString<AdvanceReportByHandMutation, AdvanceReportByHandMutationVariables>;
export const CreateCycleDocument = new TypedDocumentString(`
    mutation CreateCycle($input: CreateCycleInput!) {
  createCycle(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateCycleMutation, CreateCycleMutationVariables>;
export const AddReportsToCycleDocument = new TypedDocumentString(`
    mutation AddReportsToCycle($cycleId: ID!, $reportIds: [ID!]!) {
  addReportsToCycle(cycleId: $cycleId, reportIds: $reportIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddReportsToCycleMutation, AddReportsToCycleMutationVariables>;
export const MonitoringDocument = new TypedDocumentString(`
    query Monitoring {
  metrics: workflowMetrics {
    from
    to
    computedAt
    totalRuns
    successRate
    totalCycleRuns
    totalsByStatus {
      status
      count
    }
    cycleTotalsByStatus {
      status
      count
    }
    phaseDurations {
      phase
      completedCount
      skippedCount
      failedCount
      avgSeconds
      p50Seconds
      p95Seconds
      avgWorkingSeconds
      avgWaitingSeconds
      retryCount
    }
    bottlenecks {
      phase
      waitingSeconds
      workingSeconds
      waitingShare
      activeRunCount
      openTaskCount
      overdueTaskCount
      oldestOpenTaskAgeSeconds
    }
    dailyTrend {
      date
      started
      completed
      failed
      cancelled
      successRate
      avgDurationSeconds
      cycleRunsStarted
    }
  }
  recent: workflowExecutions(first: 100) {
    nodes {
      id
      status
      approvalMode
      version
      startedAt
      completedAt
      durationSeconds
      error
      currentPhase
      cycle {
        id
        name
      }
      report {
        reportNumber
      }
      retryLogs {
        id
        activityType
        activityKind
        attempt
        error
        failedAt
        nextRetryDelayMs
      }
    }
  }
  openTasks: tasks(first: 100, open: true) {
    totalCount
    nodes {
      id
      title
      phase
      kind
      assigneeRole
      dueAt
      createdAt
      cycle {
        id
        name
      }
    }
  }
  compensationLogs(first: 20) {
    totalCount
    nodes {
      id
      phase
      strategy
      status
      failure
      operatorAction
      startedAt
      completedAt
      execution {
        id
        cycle {
          id
          name
        }
        report {
          reportNumber
        }
      }
    }
  }
  workflowVersions {
    version
    current
    features
    canMigrateTo
    executionCount
    runningCount
  }
}
    `) as unknown as TypedDocumentString<MonitoringQuery, MonitoringQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int, $unread: Boolean) {
  notifications(first: $first, unread: $unread) {
    totalCount
    nodes {
      id
      kind
      subject
      body
      link
      createdAt
      readAt
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const WorkflowSettingsDocument = new TypedDocumentString(`
    query WorkflowSettings($cycleId: ID) {
  workflowSettings(cycleId: $cycleId) {
    ...WorkflowSettingsFields
  }
}
    fragment WorkflowSettingsFields on WorkflowSettings {
  cycleId
  sampleSize
  rfiDueDays
  phases {
    phase
    compensation
    allowedCompensations
    slaHours
    slaWarningPercent
    maxReviewRounds
    overridden
  }
}`) as unknown as TypedDocumentString<WorkflowSettingsQuery, WorkflowSettingsQueryVariables>;
export const UpdateWorkflowSettingsDocument = new TypedDocumentString(`
    mutation UpdateWorkflowSettings($cycleId: ID, $input: WorkflowSettingsInput!) {
  updateWorkflowSettings(cycleId: $cycleId, input: $input) {
    ...WorkflowSettingsFields
  }
}
    fragment WorkflowSettingsFields on WorkflowSettings {
  cycleId
  sampleSize
  rfiDueDays
  phases {
    phase
    compensation
    allowedCompensations
    slaHours
    slaWarningPercent
    maxReviewRounds
    overridden
  }
}`) as unknown as TypedDocumentString<UpdateWorkflowSettingsMutation, UpdateWorkflowSettingsMutationVariables>;
export const InboxTasksDocument = new TypedDocumentString(`
    query InboxTasks($open: Boolean, $mine: Boolean, $cycleId: ID) {
  tasks(first: 50, open: $open, mine: $mine, cycleId: $cycleId) {
    totalCount
    nodes {
      id
      title
      phase
      kind
      assigneeRole
      assignee {
        id
        username
        displayName
      }
      round
      status
      dueAt
      decision
      comment
      decidedAutomatically
      decidedAt
      decidedBy {
        displayName
      }
      createdAt
      cycle {
        id
        name
      }
      report {
        reportNumber
      }
      request {
        status
        dueAt
      }
      testCases {
        id
        attributeName
        sampleKey
        reportedValue
        evidence
        evidenceVersion
        documentRef
        result
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InboxTasksQuery, InboxTasksQueryVariables>;
export const CompleteTaskDocument = new TypedDocumentString(`
    mutation CompleteTask($taskId: ID!, $input: TaskDecisionInput!) {
  completeTask(taskId: $taskId, input: $input) {
    id
    status
    decision
  }
}
    `) as unknown as TypedDocumentString<CompleteTaskMutation, CompleteTaskMutationVariables>;
export const SubmitEvidenceDocument = new TypedDocumentString(`
    mutation SubmitEvidence($testCaseId: ID!, $value: String!, $documentRef: String) {
  submitEvidence(
    testCaseId: $testCaseId
    value: $value
    documentRef: $documentRef
  ) {
    id
    evidence
    evidenceVersion
    documentRef
  }
}
    `) as unknown as TypedDocumentString<SubmitEvidenceMutation, SubmitEvidenceMutationVariables>;
export const TaskEventsDocument = new TypedDocumentString(`
    subscription TaskEvents($afterSeq: Int) {
  taskEvents(afterSeq: $afterSeq) {
    seq
    kind
    status
    detail
  }
}
    `) as unknown as TypedDocumentString<TaskEventsSubscription, TaskEventsSubscriptionVariables>;
export const TaskReviewContentDocument = new TypedDocumentString(`
    query TaskReviewContent($cycleId: ID!, $withObservations: Boolean = false) {
  tasks(first: 100, open: true, mine: true, cycleId: $cycleId) {
    nodes {
      id
      report {
        id
      }
      cycle @include(if: $withObservations) {
        id
        observations {
          id
          title
          description
          observationType
          severity
          status
          attributeName
          lobCode
          failureCount
          testedCount
          report {
            id
          }
        }
      }
      cycleReport {
        id
        attributes {
          id
          name
          description
          dataType
          isCde
          hasHistoricalIssue
          isPrimaryKey
          lineItem
          version
          scoping {
            recommendation
            riskScore
            rationale
            inScope
            overrideReason
          }
        }
        samples {
          id
          recordKey
          lob {
            code
            name
          }
          category
          selectionMethod
          status
        }
        ownerAssignments {
          attribute {
            id
            name
          }
          lob {
            id
            code
            name
          }
          dataOwner {
            id
            username
            displayName
            lob {
              id
            }
          }
          method
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TaskReviewContentQuery, TaskReviewContentQueryVariables>;
export const DataOwnersDocument = new TypedDocumentString(`
    query DataOwners {
  users(role: DATA_OWNER, first: 100) {
    nodes {
      id
      username
      displayName
      lob {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DataOwnersQuery, DataOwnersQueryVariables>;
export const StartWorkflowDocument = new TypedDocumentString(`
    mutation StartWorkflow($cycleId: ID!, $input: StartWorkflowInput) {
  startWorkflow(cycleId: $cycleId, input: $input) {
    id
    status
    scheduledFor
  }
}
    `) as unknown as TypedDocumentString<StartWorkflowMutation, StartWorkflowMutationVariables>;
export const CancelWorkflowDocument = new TypedDocumentString(`
    mutation CancelWorkflow($executionId: ID!, $reason: String!) {
  cancelWorkflow(executionId: $executionId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelWorkflowMutation, CancelWorkflowMutationVariables>;
export const WorkflowEventsDocument = new TypedDocumentString(`
    subscription WorkflowEvents($cycleId: ID, $executionId: ID, $afterSeq: Int) {
  workflowEvents(
    cycleId: $cycleId
    executionId: $executionId
    afterSeq: $afterSeq
  ) {
    seq
    at
    cycleId
    reportId
    executionId
    phase
    kind
    status
    detail
  }
}
    `) as unknown as TypedDocumentString<WorkflowEventsSubscription, WorkflowEventsSubscriptionVariables>;
export const ResolveInterventionDocument = new TypedDocumentString(`
    mutation ResolveIntervention($compensationLogId: ID!, $action: OperatorAction!) {
  resolveIntervention(compensationLogId: $compensationLogId, action: $action) {
    id
    status
    operatorAction
  }
}
    `) as unknown as TypedDocumentString<ResolveInterventionMutation, ResolveInterventionMutationVariables>;
export const WorkflowVersionsDocument = new TypedDocumentString(`
    query WorkflowVersions {
  workflowVersions {
    version
    features
    current
    canMigrateTo
  }
}
    `) as unknown as TypedDocumentString<WorkflowVersionsQuery, WorkflowVersionsQueryVariables>;
export const MigrateWorkflowDocument = new TypedDocumentString(`
    mutation MigrateWorkflow($executionId: ID!, $toVersion: String!) {
  migrateWorkflow(executionId: $executionId, toVersion: $toVersion) {
    id
    fromVersion
    toVersion
    status
    atPhase
    reason
    requestedAt
    appliedAt
    execution {
      id
      report {
        reportNumber
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MigrateWorkflowMutation, MigrateWorkflowMutationVariables>;