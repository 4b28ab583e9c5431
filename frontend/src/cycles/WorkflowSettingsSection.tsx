// "Workflow settings" of a cycle, collapsible: what its next run starts under (sample size, RFI due days, each phase's
// compensation, SLA, reminder and review rounds); test managers and admins change them, others read them.
import { useState } from 'react';
import { WorkflowSettingsQuery } from '../api/operations/settings';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { humanize } from '../format/format';
import type { WorkflowSettingsFieldsFragment } from '../gql/graphql';
import { PHASE_LABELS, phaseNumber } from '../workflow/phases';
import { OverriddenMarker } from './OverriddenMarker';
import { WorkflowSettingsForm } from './WorkflowSettingsForm';

interface Props {
  cycleId: string;
  /** Whether the viewer may change them (test managers and admins, while the cycle is not over). */
  mayEdit: boolean;
  /** Why the viewer may not, when that is worth saying (say, the cycle is over). */
  readOnlyNote?: string | undefined;
}

export function WorkflowSettingsSection({ cycleId, mayEdit, readOnlyNote }: Props) {
  // Read once first opened, and kept (with any edits) while folded away.
  const [opened, setOpened] = useState(false);
  return (
    <details className="card panel settings" data-testid="workflow-settings" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="settings__summary">Workflow settings</summary>
      {opened ? <SettingsBody cycleId={cycleId} mayEdit={mayEdit} readOnlyNote={readOnlyNote} /> : null}
    </details>
  );
}

function SettingsBody({ cycleId, mayEdit, readOnlyNote }: Props) {
  const { data, error, loading } = useQuery(WorkflowSettingsQuery, { cycleId });
  const settings = data?.workflowSettings;
  return (
    <div className="stack settings__body">
      <p className="muted small" id="settings-hint">
        These settings apply to the cycle&apos;s next run: a run under way keeps the settings it started with.
      </p>
      {loading && !data ? <Loading what="Loading the workflow settings" /> : null}
      <ErrorNotice error={error} title="Could not load the workflow settings" />
      {settings && mayEdit ? <WorkflowSettingsForm cycleId={cycleId} initial={settings} /> : null}
      {settings && !mayEdit ? <SettingsView settings={settings} note={readOnlyNote} /> : null}
    </div>
  );
}

function SettingsView({ settings, note }: { settings: WorkflowSettingsFieldsFragment; note?: string | undefined }) {
  return (
    <>
      <p className="muted small">{note ?? 'Only a test manager or an admin changes these settings.'}</p>
      <dl className="task__facts">
        <div>
          <dt>Sample size</dt>
          <dd data-testid="settings-sample-size">{settings.sampleSize} per report</dd>
        </div>
        <div>
          <dt>RFI due days</dt>
          <dd data-testid="settings-rfi-days">{settings.rfiDueDays} days</dd>
        </div>
      </dl>
      <div className="table-scroll">
        <table className="table table--compact">
          <caption className="visually-hidden">Settings of each phase</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Compensation</th>
              <th scope="col">SLA hours</th>
              <th scope="col">Reminder %</th>
              <th scope="col">Max review rounds</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {settings.phases.map((p) => (
              <tr key={p.phase} data-testid="phase-setting" data-setting-phase={p.phase}>
                <th scope="row">
                  {phaseNumber(p.phase)}. {PHASE_LABELS[p.phase]}
                </th>
                <td>{humanize(p.compensation)}</td>
                <td>{p.slaHours}</td>
                <td>{p.slaWarningPercent}</td>
                <td>{p.maxReviewRounds}</td>
                <td>
                  <OverriddenMarker overridden={p.overridden} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
