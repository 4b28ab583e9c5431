// Cycles advanced by hand (advanceReportByHand): a report's next move, and whether a cycle runs by hand rather than as a workflow.
import type { CycleReportStatus, Phase } from '../gql/graphql';
import { PHASES, PHASE_LABELS } from '../workflow/phases';
import { cycleIsOver } from './cycleStatus';

/** The fields of a cycle report this module reads. */
export interface ReportLike {
  status: CycleReportStatus;
  currentPhase?: Phase | null;
  workflowId?: string | null;
}

/** The fields of a cycle this module reads. */
export interface CycleLike {
  status: string;
  currentExecution?: unknown;
  cycleReports: readonly ReportLike[];
}

/** A report's next move by hand: into a phase, or complete after the last one. */
export type HandMove = { kind: 'phase'; phase: Phase; label: string } | { kind: 'complete'; label: string };

/** The phase after `current` (the first when the report has not started), or null after the last (as the server's `next_phase`). */
export function nextPhase(current: Phase | null | undefined): Phase | null {
  if (!current) return PHASES[0] ?? null;
  const index = PHASES.indexOf(current);
  return index < 0 ? null : (PHASES[index + 1] ?? null);
}

/** What advancing the report does next, worded for its button; null once it is complete (the server answers CONFLICT). */
export function nextMove(report: ReportLike): HandMove | null {
  if (report.status === 'COMPLETE') return null;
  const phase = nextPhase(report.currentPhase);
  if (phase) return { kind: 'phase', phase, label: `Advance to ${PHASE_LABELS[phase]}` };
  return { kind: 'complete', label: 'Mark complete' };
}

/** Whether the cycle has ever had a workflow run (its newest run is its current execution). */
export function hasWorkflow(cycle: CycleLike): boolean {
  return Boolean(cycle.currentExecution) || cycle.cycleReports.some((r) => Boolean(r.workflowId));
}

/**
 * Whether a report of the cycle was moved by hand: it has a phase, and neither it nor the cycle a
 * workflow run (the server's test). Such a cycle is not started as a workflow (CONFLICT).
 */
export function advancedByHand(cycle: CycleLike): boolean {
  return !hasWorkflow(cycle) && cycle.cycleReports.some((r) => Boolean(r.currentPhase) && !r.workflowId);
}

/** Whether the cycle's reports may move by hand: it is not over and no workflow was started for it. */
export function mayAdvanceByHand(cycle: CycleLike): boolean {
  return !cycleIsOver(cycle.status) && !hasWorkflow(cycle);
}
