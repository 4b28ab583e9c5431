// Unit tests of the workflow settings form: its draft, the change sent (only what differs), and the choices of compensation.
import { describe, expect, it } from 'vitest';
import { compensationChoices, draftOf, settingsChanges, wholeNumber, type PhaseSettingLike, type SettingsLike } from './workflowSettings';

const phase = (name: PhaseSettingLike['phase'], more: Partial<PhaseSettingLike> = {}): PhaseSettingLike => ({
  phase: name,
  compensation: 'NOTIFY',
  allowedCompensations: ['NOTIFY', 'SKIP', 'MANUAL_INTERVENTION'],
  slaHours: 48,
  slaWarningPercent: 75,
  maxReviewRounds: 3,
  overridden: false,
  ...more,
});

const SETTINGS: SettingsLike = {
  sampleSize: 25,
  rfiDueDays: 5,
  phases: [phase('PLANNING'), phase('SCOPING', { compensation: 'ROLLBACK', allowedCompensations: ['ROLLBACK', 'NOTIFY'] })],
};

describe('draftOf', () => {
  it('holds every field as typed text, per phase', () => {
    const draft = draftOf(SETTINGS);
    expect(draft.sampleSize).toBe('25');
    expect(draft.rfiDueDays).toBe('5');
    expect(draft.phases.SCOPING).toEqual({ compensation: 'ROLLBACK', slaHours: '48', slaWarningPercent: '75', maxReviewRounds: '3' });
  });
});

describe('settingsChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsChanges(SETTINGS, draftOf(SETTINGS))).toEqual({ input: {}, changed: false, problems: [] });
  });

  it('sends only the fields that differ, and only the phases with a change', () => {
    const draft = draftOf(SETTINGS);
    draft.sampleSize = '10';
    draft.phases.SCOPING = { ...draft.phases.SCOPING!, slaHours: '24', compensation: 'NOTIFY' };
    expect(settingsChanges(SETTINGS, draft)).toEqual({
      input: { sampleSize: 10, phases: [{ phase: 'SCOPING', compensation: 'NOTIFY', slaHours: 24 }] },
      changed: true,
      problems: [],
    });
  });

  it('treats a value typed back to what it was as no change', () => {
    const draft = draftOf(SETTINGS);
    draft.rfiDueDays = ' 5 ';
    draft.phases.PLANNING = { ...draft.phases.PLANNING!, maxReviewRounds: '3' };
    expect(settingsChanges(SETTINGS, draft).changed).toBe(false);
  });

  it('leaves range checks to the server: 0 is sent as typed', () => {
    const draft = draftOf(SETTINGS);
    draft.sampleSize = '0';
    expect(settingsChanges(SETTINGS, draft)).toMatchObject({ input: { sampleSize: 0 }, changed: true, problems: [] });
  });

  it('holds back what is not a whole number, naming the field', () => {
    const draft = draftOf(SETTINGS);
    draft.sampleSize = '';
    draft.phases.PLANNING = { ...draft.phases.PLANNING!, slaWarningPercent: '7.5' };
    const change = settingsChanges(SETTINGS, draft);
    expect(change.problems).toEqual(['Sample size must be a whole number.', 'Reminder % of Planning must be a whole number.']);
    expect(change.input).toEqual({});
  });
});

describe('wholeNumber', () => {
  it('reads whole numbers only', () => {
    expect(wholeNumber('12')).toBe(12);
    expect(wholeNumber(' 7 ')).toBe(7);
    expect(wholeNumber('-3')).toBe(-3);
    expect(wholeNumber('')).toBeNull();
    expect(wholeNumber('1.5')).toBeNull();
    expect(wholeNumber('1e3')).toBeNull();
  });
});

describe('compensationChoices', () => {
  it("offers the phase's allowed strategies", () => {
    expect(compensationChoices(SETTINGS.phases[1]!)).toEqual(['ROLLBACK', 'NOTIFY']);
  });

  it('keeps the current strategy first when it is no longer allowed', () => {
    expect(compensationChoices(phase('PLANNING', { compensation: 'ROLLBACK' }))).toEqual(['ROLLBACK', 'NOTIFY', 'SKIP', 'MANUAL_INTERVENTION']);
  });
});
