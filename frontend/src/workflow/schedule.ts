// Scheduled workflow starts: the "Start at" datetime-local value as UTC for startAt, the start button's label, and whether
// the cycle's current run is waiting for its scheduled time (and so which status and board the workflow section shows).
import type { ExecutionStatus } from '../gql/graphql';
import { EMPTY_BOARD, type RunBoard } from './runBoard';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A `<input type="datetime-local">` value ("2026-11-27T14:30", read as the reader's local time) as a UTC RFC 3339 time for
 * `startAt`; null when empty (start now) or not a real local time.
 */
export function localInputToIso(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part: string | undefined) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(year, month - 1, day, hour, minute, second, millis);
  // 31 February rolls over into March: not what the reader typed. (A local time that a daylight-saving change skips still
  // names an instant, an hour on, as the browser itself reads it.)
  if (Number.isNaN(date.getTime()) || date.getDate() !== day) return null;
  return date.toISOString();
}

/** The start form's submit button: "Schedule workflow" once a start time is set, "Start Workflow" otherwise. */
export function startButtonLabel(startAt: string, running: boolean): string {
  const scheduled = startAt.trim() !== '';
  if (running) return scheduled ? 'Scheduling…' : 'Starting…';
  return scheduled ? 'Schedule workflow' : 'Start Workflow';
}

interface ExecutionLike {
  id: string;
  status: ExecutionStatus;
  scheduledFor?: string | null;
}

export interface CurrentRun {
  /** The status the workflow section shows; null before any run. */
  status: ExecutionStatus | null;
  /** When the run's phases are to begin, while it waits PENDING for a scheduled start; null otherwise. */
  scheduledFor: string | null;
  /** The board to draw: empty while a scheduled run waits (its events have not begun; earlier runs' are not its). */
  board: RunBoard;
}

/**
 * The cycle's current run as the workflow section shows it, from the live board and the fetched execution. A scheduled run
 * has no events until its time comes, so while the fetched execution is PENDING and the board follows another run (or none),
 * the execution speaks; once its WORKFLOW_STARTED arrives the board does, as for a run started at once.
 */
export function currentRun(board: RunBoard, execution: ExecutionLike | null | undefined): CurrentRun {
  if (execution && execution.status === 'PENDING' && board.executionId !== execution.id) {
    return { status: 'PENDING', scheduledFor: execution.scheduledFor ?? null, board: EMPTY_BOARD };
  }
  const status = board.status ?? execution?.status ?? null;
  const scheduledFor = status === 'PENDING' && execution?.status === 'PENDING' ? (execution.scheduledFor ?? null) : null;
  return { status, scheduledFor, board };
}
