// Phases paused for an operator (MANUAL_INTERVENTION compensations awaiting an answer), the four answers, and their effects as words.
import type { OperatorAction } from '../gql/graphql';

/** The fields of a compensation log this module reads. */
export interface CompensationLike {
  id: string;
  status: string;
  startedAt: string;
}

/** A report run with its compensation logs. */
export interface ReportRunLike {
  id: string;
  status: string;
  compensationLogs: readonly CompensationLike[];
}

/** One paused phase: the report run waiting and the compensation an operator must answer. */
export interface PausedPhase<R extends ReportRunLike> {
  run: R;
  compensation: R['compensationLogs'][number];
}

export const AWAITING_OPERATOR = 'AWAITING_OPERATOR';

/**
 * The compensations of the cycle's run still waiting for an operator, oldest first. Only a run that
 * is going on can be answered: a cancelled or finished report run leaves its log behind unanswered.
 */
export function pausedCompensations<R extends ReportRunLike>(
  execution: { status: string; children: readonly R[] } | null | undefined,
): PausedPhase<R>[] {
  if (!execution || execution.status !== 'RUNNING') return [];
  return execution.children
    .filter((run) => run.status === 'RUNNING')
    .flatMap((run) =>
      run.compensationLogs
        .filter((c) => c.status === AWAITING_OPERATOR)
        .map((compensation): PausedPhase<R> => ({ run, compensation })),
    )
    .sort((a, b) => Date.parse(a.compensation.startedAt) - Date.parse(b.compensation.startedAt));
}

/** An operator's possible answer, as the panel offers it. */
export interface OperatorChoice {
  action: OperatorAction;
  label: string;
  /** One line saying what the answer does. */
  explanation: string;
  /** Asks for a confirmation first (it cannot be undone and fails the report's run). */
  confirm: boolean;
}

export const OPERATOR_CHOICES: readonly OperatorChoice[] = [
  {
    action: 'RESUME',
    label: 'Resume',
    explanation: "Carry on as if the phase had succeeded: use it when the phase's work was finished by hand.",
    confirm: false,
  },
  {
    action: 'RETRY',
    label: 'Retry',
    explanation: 'Run the phase again, in a new round, once the cause of the failure is fixed.',
    confirm: false,
  },
  {
    action: 'SKIP',
    label: 'Skip',
    explanation: 'Mark the phase skipped and continue with the next one; its work is not done.',
    confirm: false,
  },
  {
    action: 'ABORT',
    label: 'Abort',
    explanation: "Fail this report's run: its remaining phases do not run and the cycle's run ends as failed.",
    confirm: true,
  },
];

/** "scopingDecisions" → "scoping decisions". */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function valueText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * What a compensation undid, kept or told, as short phrases: an object's entries ("samples: 4",
 * a flag as its name alone: "everything"), a list's items ("admin"), nothing for an empty value.
 */
export function describeEffects(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(valueText);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
      if (v === false || v === null || v === undefined) return [];
      return v === true ? [words(key)] : [`${words(key)}: ${valueText(v)}`];
    });
  }
  return [valueText(value)];
}
