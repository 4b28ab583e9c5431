// Folds a cycle's event log into the state of its latest run: per report, each phase's status and timing.
import type { ExecutionStatus, Phase, StepStatus } from '../gql/graphql';
import type { WorkflowEventLike } from './eventLog';
import { PHASES, isPhase } from './phases';

/** A phase's status as drawn: a step status, WAITING while a person is asked, or CANCELLED with its run. */
export type PhaseDisplayStatus = StepStatus;

export interface PhaseProgress {
  status: StepStatus;
  /** Review round (1 on the first pass; more after REJECT or REQUEST_CHANGES). */
  round: number;
  startedAt?: string;
  completedAt?: string;
  /** Tasks opened in this phase and not yet decided. */
  openTaskIds: number[];
  error?: string;
}

export interface ReportRun {
  executionId: string;
  reportId: string | null;
  status: ExecutionStatus;
  startedAt: string;
  completedAt?: string;
  phases: Record<Phase, PhaseProgress>;
}

export interface RunBoard {
  /** The cycle's (parent) execution of the latest run; null before any run. */
  executionId: string | null;
  status: ExecutionStatus | null;
  startedAt?: string;
  completedAt?: string;
  /** Per-report runs, in the order they started. */
  reports: ReportRun[];
  retries: number;
  alerts: number;
  compensations: number;
  /** The last seq folded in. */
  lastSeq?: number;
}

const STEP_STATUSES: readonly StepStatus[] = [
  'PENDING',
  'RUNNING',
  'WAITING',
  'COMPLETED',
  'FAILED',
  'SKIPPED',
  'COMPENSATED',
  'CANCELLED',
];
const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'PENDING',
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TERMINATED',
  'TIMED_OUT',
];

export const EMPTY_BOARD: RunBoard = { executionId: null, status: null, reports: [], retries: 0, alerts: 0, compensations: 0 };

function pendingPhases(): Record<Phase, PhaseProgress> {
  const entries = PHASES.map((p): [Phase, PhaseProgress] => [p, { status: 'PENDING', round: 1, openTaskIds: [] }]);
  return Object.fromEntries(entries) as Record<Phase, PhaseProgress>;
}

function detailField(detail: unknown, key: string): unknown {
  return detail !== null && typeof detail === 'object' ? (detail as Record<string, unknown>)[key] : undefined;
}

/** The phase status a phase event leads to: its `status` when it is a step status, else by kind. */
function phaseStatusOf(event: WorkflowEventLike): StepStatus {
  if ((STEP_STATUSES as readonly string[]).includes(event.status)) return event.status as StepStatus;
  switch (event.kind) {
    case 'PHASE_STARTED':
      return 'RUNNING';
    case 'PHASE_COMPLETED':
      return 'COMPLETED';
    case 'PHASE_SKIPPED':
      return 'SKIPPED';
    case 'COMPENSATED':
      return 'COMPENSATED';
    default:
      return 'FAILED';
  }
}

/** The execution status a WORKFLOW_COMPLETED / _FAILED / _CANCELLED event leads to. */
function endStatusOf(event: WorkflowEventLike): ExecutionStatus {
  if (event.kind === 'WORKFLOW_COMPLETED') return 'COMPLETED';
  if ((EXECUTION_STATUSES as readonly string[]).includes(event.status)) return event.status as ExecutionStatus;
  return event.kind === 'WORKFLOW_CANCELLED' ? 'CANCELLED' : 'FAILED';
}

function updatePhase(run: ReportRun, phase: Phase, change: (p: PhaseProgress) => PhaseProgress): ReportRun {
  return { ...run, phases: { ...run.phases, [phase]: change(run.phases[phase]) } };
}

/** Applies one event to the board (pure: returns a new board when anything changed). */
export function applyEvent(board: RunBoard, event: WorkflowEventLike): RunBoard {
  if (board.lastSeq !== undefined && event.seq <= board.lastSeq) return board;
  const next: RunBoard = { ...board, lastSeq: event.seq };
  const executionId = event.executionId ?? null;

  if (event.kind === 'WORKFLOW_STARTED' && !event.reportId) {
    // A new run of the cycle: what came before belongs to an earlier run.
    return { ...EMPTY_BOARD, executionId, status: 'RUNNING', startedAt: event.at, lastSeq: event.seq };
  }
  if (event.kind === 'WORKFLOW_STARTED') {
    if (next.executionId === null || executionId === null) return next;
    if (next.reports.some((r) => r.executionId === executionId)) return next;
    const run: ReportRun = {
      executionId,
      reportId: event.reportId ?? null,
      status: 'RUNNING',
      startedAt: event.at,
      phases: pendingPhases(),
    };
    return { ...next, reports: [...next.reports, run] };
  }
  if (event.kind === 'WORKFLOW_COMPLETED' || event.kind === 'WORKFLOW_FAILED' || event.kind === 'WORKFLOW_CANCELLED') {
    const status = endStatusOf(event);
    if (executionId !== null && executionId === next.executionId) {
      return { ...next, status, completedAt: event.at };
    }
    return mapRun(next, executionId, (run) => ({ ...run, status, completedAt: event.at }));
  }
  if (event.kind === 'RETRIED') return { ...next, retries: next.retries + 1 };
  if (event.kind === 'ALERT_RAISED') return { ...next, alerts: next.alerts + 1 };

  const phase = event.phase;
  if (!isPhase(phase)) return next;
  const counted = event.kind === 'COMPENSATED' ? { ...next, compensations: next.compensations + 1 } : next;

  switch (event.kind) {
    case 'PHASE_STARTED':
    case 'PHASE_COMPLETED':
    case 'PHASE_SKIPPED':
    case 'PHASE_FAILED':
    case 'COMPENSATED': {
      const status = phaseStatusOf(event);
      const round = Number(detailField(event.detail, 'round') ?? 1) || 1;
      const error = detailField(event.detail, 'error');
      return mapRun(counted, executionId, (run) =>
        updatePhase(run, phase, (p) => {
          const starting = status === 'RUNNING';
          const updated: PhaseProgress = {
            ...p,
            status,
            round,
            startedAt: starting || p.startedAt === undefined ? event.at : p.startedAt,
          };
          if (starting) delete updated.completedAt;
          else updated.completedAt = event.at;
          if (typeof error === 'string') updated.error = error;
          return updated;
        }),
      );
    }
    case 'TASK_OPENED':
    case 'TASK_COMPLETED':
    case 'TASK_CANCELLED': {
      const taskId = Number(detailField(event.detail, 'taskId'));
      if (!Number.isFinite(taskId)) return next;
      return mapRun(next, executionId, (run) =>
        updatePhase(run, phase, (p) => {
          const others = p.openTaskIds.filter((id) => id !== taskId);
          return { ...p, openTaskIds: event.kind === 'TASK_OPENED' ? [...others, taskId] : others };
        }),
      );
    }
    default:
      return next;
  }
}

function mapRun(board: RunBoard, executionId: string | null, change: (run: ReportRun) => ReportRun): RunBoard {
  if (executionId === null) return board;
  const index = board.reports.findIndex((r) => r.executionId === executionId);
  if (index < 0) return board;
  const reports = board.reports.slice();
  reports[index] = change(reports[index] as ReportRun);
  return { ...board, reports };
}

/** Folds a whole log (sorted by seq) into the board of its latest run. */
export function buildRunBoard(events: readonly WorkflowEventLike[]): RunBoard {
  return events.reduce(applyEvent, EMPTY_BOARD);
}

/** How a report's phase is drawn: WAITING while a task is open, CANCELLED/FAILED when its run ended mid-phase. */
export function displayStatus(run: ReportRun, phase: Phase): PhaseDisplayStatus {
  const progress = run.phases[phase];
  if (progress.status === 'RUNNING' || progress.status === 'WAITING') {
    if (run.status === 'CANCELLED' || run.status === 'TERMINATED') return 'CANCELLED';
    if (run.status === 'FAILED' || run.status === 'TIMED_OUT') return 'FAILED';
    return progress.openTaskIds.length > 0 ? 'WAITING' : 'RUNNING';
  }
  return progress.status;
}

/** One status for a phase over all reports: trouble first, then activity, then done. */
export function aggregateStatus(statuses: readonly PhaseDisplayStatus[]): PhaseDisplayStatus {
  if (statuses.length === 0) return 'PENDING';
  const has = (s: PhaseDisplayStatus) => statuses.includes(s);
  if (has('FAILED')) return 'FAILED';
  if (has('WAITING')) return 'WAITING';
  if (has('RUNNING')) return 'RUNNING';
  if (has('COMPENSATED')) return 'COMPENSATED';
  if (has('CANCELLED')) return 'CANCELLED';
  if (statuses.every((s) => s === 'SKIPPED')) return 'SKIPPED';
  if (statuses.every((s) => s === 'COMPLETED' || s === 'SKIPPED')) return 'COMPLETED';
  if (statuses.every((s) => s === 'PENDING')) return 'PENDING';
  return 'RUNNING';
}

/** Share of a report's phases that are done (completed or skipped), 0 to 1. */
export function reportProgress(run: ReportRun): number {
  const done = PHASES.filter((p) => ['COMPLETED', 'SKIPPED'].includes(run.phases[p].status)).length;
  return done / PHASES.length;
}
