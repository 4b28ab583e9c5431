// A cycle's workflow settings as a form: the draft of its fields, and the change to send (only what differs from the settings read).
import type { CompensationAction, Phase, PhaseSettingInput, WorkflowSettingsInput } from '../gql/graphql';
import { PHASE_LABELS } from '../workflow/phases';

/** The fields of a PhaseSetting this module reads. */
export interface PhaseSettingLike {
  phase: Phase;
  compensation: CompensationAction;
  allowedCompensations: readonly CompensationAction[];
  slaHours: number;
  slaWarningPercent: number;
  maxReviewRounds: number;
  overridden: boolean;
}

/** The fields of WorkflowSettings this module reads. */
export interface SettingsLike {
  sampleSize: number;
  rfiDueDays: number;
  phases: readonly PhaseSettingLike[];
}

/** A phase's fields as the form holds them (numbers as typed). */
export interface PhaseDraft {
  compensation: CompensationAction;
  slaHours: string;
  slaWarningPercent: string;
  maxReviewRounds: string;
}

export interface SettingsDraft {
  sampleSize: string;
  rfiDueDays: string;
  phases: Partial<Record<Phase, PhaseDraft>>;
}

type NumberField = 'slaHours' | 'slaWarningPercent' | 'maxReviewRounds';

/** The numeric fields of a phase, with their names in words. */
export const PHASE_NUMBER_FIELDS: readonly { key: NumberField; label: string }[] = [
  { key: 'slaHours', label: 'SLA hours' },
  { key: 'slaWarningPercent', label: 'Reminder %' },
  { key: 'maxReviewRounds', label: 'Max review rounds' },
];

/** The form's starting values: the settings as read. */
export function draftOf(settings: SettingsLike): SettingsDraft {
  const phases: Partial<Record<Phase, PhaseDraft>> = {};
  for (const p of settings.phases) {
    phases[p.phase] = {
      compensation: p.compensation,
      slaHours: String(p.slaHours),
      slaWarningPercent: String(p.slaWarningPercent),
      maxReviewRounds: String(p.maxReviewRounds),
    };
  }
  return { sampleSize: String(settings.sampleSize), rfiDueDays: String(settings.rfiDueDays), phases };
}

/** A typed whole number ("12", " 12 ", "-3"), or null for anything else ("", "1.5", "abc"). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export interface SettingsChange {
  /** What to send: only the fields that differ; `phases` names only phases with a change. */
  input: WorkflowSettingsInput;
  /** Whether anything differs. */
  changed: boolean;
  /** Fields that are not whole numbers (nothing is sent while there are any); ranges are the server's to check. */
  problems: string[];
}

/**
 * The change from `settings` to `draft`: each field only when it differs. The server is all or
 * nothing and checks the ranges itself (its BAD_USER_INPUT message says which field and why);
 * here only a field that is not a whole number is held back, as a problem.
 */
export function settingsChanges(settings: SettingsLike, draft: SettingsDraft): SettingsChange {
  const problems: string[] = [];
  const input: WorkflowSettingsInput = {};
  const number = (text: string, current: number, label: string): number | undefined => {
    const value = wholeNumber(text);
    if (value === null) {
      problems.push(`${label} must be a whole number.`);
      return undefined;
    }
    return value === current ? undefined : value;
  };

  const sampleSize = number(draft.sampleSize, settings.sampleSize, 'Sample size');
  if (sampleSize !== undefined) input.sampleSize = sampleSize;
  const rfiDueDays = number(draft.rfiDueDays, settings.rfiDueDays, 'RFI due days');
  if (rfiDueDays !== undefined) input.rfiDueDays = rfiDueDays;

  const phases: PhaseSettingInput[] = [];
  for (const current of settings.phases) {
    const edited = draft.phases[current.phase];
    if (!edited) continue;
    const change: PhaseSettingInput = { phase: current.phase };
    if (edited.compensation !== current.compensation) change.compensation = edited.compensation;
    for (const { key, label } of PHASE_NUMBER_FIELDS) {
      const value = number(edited[key], current[key], `${label} of ${PHASE_LABELS[current.phase]}`);
      if (value !== undefined) change[key] = value;
    }
    if (Object.keys(change).length > 1) phases.push(change);
  }
  if (phases.length > 0) input.phases = phases;

  return { input, changed: Object.keys(input).length > 0, problems };
}

/** The strategies the phase's select offers: its allowed ones, and the current one even if it is no longer allowed. */
export function compensationChoices(setting: PhaseSettingLike): CompensationAction[] {
  const allowed = [...setting.allowedCompensations];
  return allowed.includes(setting.compensation) ? allowed : [setting.compensation, ...allowed];
}
