// The editable workflow settings of a cycle (test managers, admins): sends only what changed; the server takes all or nothing.
import { useState, type SubmitEvent } from 'react';
import { UpdateWorkflowSettingsMutation } from '../api/operations/settings';
import { useMutation } from '../api/useMutation';
import { ErrorNotice } from '../components/ErrorNotice';
import { humanize } from '../format/format';
import type { CompensationAction, Phase, WorkflowSettingsFieldsFragment } from '../gql/graphql';
import { PHASE_LABELS, phaseNumber } from '../workflow/phases';
import { OverriddenMarker } from './OverriddenMarker';
import { PHASE_NUMBER_FIELDS, compensationChoices, draftOf, settingsChanges, type PhaseDraft, type SettingsDraft } from './workflowSettings';

interface Props {
  cycleId: string;
  initial: WorkflowSettingsFieldsFragment;
}

/** Limits shown to the browser (spin buttons); the server checks them and says what is wrong. */
const LIMITS = {
  sampleSize: 500,
  rfiDueDays: 90,
  slaHours: 8760,
  slaWarningPercent: 99,
  maxReviewRounds: 10,
} as const;

export function WorkflowSettingsForm({ cycleId, initial }: Props) {
  const [settings, setSettings] = useState(initial);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [update, { running, error }] = useMutation(UpdateWorkflowSettingsMutation);
  const change = settingsChanges(settings, draft);
  const edited = change.changed || change.problems.length > 0;

  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setSaved(false);
    setProblems([]);
  };
  const editPhase = (phase: Phase, patch: Partial<PhaseDraft>) => {
    const current = draft.phases[phase];
    if (current) edit({ ...draft, phases: { ...draft.phases, [phase]: { ...current, ...patch } } });
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (change.problems.length > 0) {
      setProblems(change.problems);
      return;
    }
    if (!change.changed) return;
    const result = await update({ cycleId, input: change.input });
    if (!result) return;
    setSettings(result.updateWorkflowSettings);
    setDraft(draftOf(result.updateWorkflowSettings));
    setSaved(true);
  };

  return (
    <form className="stack" noValidate aria-describedby="settings-hint" onSubmit={(e) => void submit(e)}>
      <div className="settings__cycle">
        <label>
          Sample size (per report)
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.sampleSize}
            value={draft.sampleSize}
            onChange={(e) => edit({ ...draft, sampleSize: e.target.value })}
          />
        </label>
        <label>
          RFI due days
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.rfiDueDays}
            value={draft.rfiDueDays}
            onChange={(e) => edit({ ...draft, rfiDueDays: e.target.value })}
          />
        </label>
      </div>
      <div className="table-scroll">
        <table className="table table--compact settings__phases">
          <caption className="visually-hidden">Settings of each phase</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Compensation</th>
              {PHASE_NUMBER_FIELDS.map((f) => (
                <th key={f.key} scope="col">
                  {f.label}
                </th>
              ))}
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {settings.phases.map((p) => {
              const row = draft.phases[p.phase];
              const name = PHASE_LABELS[p.phase];
              if (!row) return null;
              return (
                <tr key={p.phase} data-testid="phase-setting" data-setting-phase={p.phase}>
                  <th scope="row">
                    {phaseNumber(p.phase)}. {name}
                  </th>
                  <td>
                    <select
                      aria-label={`Compensation of ${name}`}
                      value={row.compensation}
                      onChange={(e) => editPhase(p.phase, { compensation: e.target.value as CompensationAction })}
                    >
                      {compensationChoices(p).map((c) => (
                        <option key={c} value={c}>
                          {humanize(c)}
                        </option>
                      ))}
                    </select>
                  </td>
                  {PHASE_NUMBER_FIELDS.map((f) => (
                    <td key={f.key}>
                      <input
                        type="number"
                        inputMode="numeric"
                        className="settings__number"
                        aria-label={`${f.label} of ${name}`}
                        min={1}
                        max={LIMITS[f.key]}
                        value={row[f.key]}
                        onChange={(e) => editPhase(p.phase, { [f.key]: e.target.value })}
                      />
                    </td>
                  ))}
                  <td>
                    <OverriddenMarker overridden={p.overridden} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problems.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <strong>Not sent: fix these first</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorNotice error={error} title="The settings were not saved (nothing was changed)" />
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={running || !edited}>
          {running ? 'Saving…' : 'Save settings'}
        </button>
        <button type="button" className="button button--quiet" disabled={running || !edited} onClick={() => edit(draftOf(settings))}>
          Undo changes
        </button>
        <span role="status" className="muted small">
          {saved ? "Saved: the cycle's next run starts with these settings." : ''}
        </span>
      </div>
    </form>
  );
}
