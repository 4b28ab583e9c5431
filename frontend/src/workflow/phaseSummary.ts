// One summary per phase over all report runs of the board: aggregate status, how many reports are done, timing.
import type { Phase } from '../gql/graphql';
import { secondsBetween } from '../format/format';
import { PHASES } from './phases';
import { aggregateStatus, displayStatus, type PhaseDisplayStatus, type RunBoard } from './runBoard';

export interface PhaseSummary {
  phase: Phase;
  status: PhaseDisplayStatus;
  /** Reports whose phase is completed or skipped. */
  done: number;
  total: number;
  /** Open human tasks in this phase over all reports. */
  openTasks: number;
  /** Highest review round seen. */
  round: number;
  /** From the first start to the last end, once every report has finished the phase. */
  durationSeconds: number | null;
  startedAt: string | null;
}

export function summarizePhases(board: RunBoard): PhaseSummary[] {
  return PHASES.map((phase) => {
    const progress = board.reports.map((run) => run.phases[phase]);
    const statuses = board.reports.map((run) => displayStatus(run, phase));
    const done = statuses.filter((s) => s === 'COMPLETED' || s === 'SKIPPED').length;
    const starts = progress.map((p) => p.startedAt).filter((t): t is string => !!t).sort();
    const ends = progress.map((p) => p.completedAt).filter((t): t is string => !!t).sort();
    const finished = board.reports.length > 0 && done === board.reports.length;
    const first = starts[0] ?? null;
    const last = ends.at(-1);
    return {
      phase,
      status: aggregateStatus(statuses),
      done,
      total: board.reports.length,
      openTasks: progress.reduce((n, p) => n + p.openTaskIds.length, 0),
      round: Math.max(1, ...progress.map((p) => p.round)),
      durationSeconds: finished && first && last ? secondsBetween(first, last) : null,
      startedAt: first,
    };
  });
}
