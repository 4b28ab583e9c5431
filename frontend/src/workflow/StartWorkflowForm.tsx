// The "Start Workflow" form (test managers and admins): which reports, which phases to skip, approval mode, and an optional
// start time that schedules the run instead of starting it at once.
import { useState, type SubmitEvent } from 'react';
import { StartWorkflowMutation } from '../api/operations/workflow';
import { useMutation } from '../api/useMutation';
import { ErrorNotice } from '../components/ErrorNotice';
import type { CycleReportRow } from '../cycles/types';
import type { ApprovalMode, Phase } from '../gql/graphql';
import { PHASES, PHASE_LABELS, phaseNumber } from './phases';
import { localInputToIso, startButtonLabel } from './schedule';

interface Props {
  cycleId: string;
  reports: readonly CycleReportRow[];
  onStarted: () => void;
  onClose: () => void;
}

export function StartWorkflowForm({ cycleId, reports, onStarted, onClose }: Props) {
  const reportIds = reports.flatMap((r) => (r.report ? [r.report.id] : []));
  const [chosen, setChosen] = useState<string[]>(reportIds);
  const [skip, setSkip] = useState<Phase[]>([]);
  const [mode, setMode] = useState<ApprovalMode>('MANUAL');
  // A datetime-local value in the reader's local time; empty starts the run at once.
  const [startAt, setStartAt] = useState('');
  const [start, { running, error }] = useMutation(StartWorkflowMutation);

  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const allChosen = chosen.length === reportIds.length;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const scheduledFor = localInputToIso(startAt);
    const input = {
      approvalMode: mode,
      skipPhases: skip,
      // Omitted means every report of the cycle.
      ...(allChosen ? {} : { reportIds: chosen }),
      // Omitted means start now; the server refuses a time past or beyond the workflow timeout (BAD_USER_INPUT).
      ...(scheduledFor ? { startAt: scheduledFor } : {}),
    };
    if (await start({ cycleId, input })) onStarted();
  };

  return (
    <form className="card start-form" onSubmit={(e) => void submit(e)} aria-labelledby="start-title">
      <h3 id="start-title">Start the workflow</h3>
      {reportIds.length === 0 ? <p className="muted">Add reports to the cycle before starting its workflow.</p> : null}
      <div className="start-form__grid">
        <fieldset>
          <legend>Reports</legend>
          {reports.flatMap(({ id, report }) =>
            report
              ? [
                  <label key={id} className="check">
                    <input
                      type="checkbox"
                      name="report"
                      value={report.id}
                      checked={chosen.includes(report.id)}
                      onChange={() => setChosen((c) => toggle(c, report.id))}
                    />
                    {report.reportNumber}
                  </label>,
                ]
              : [],
          )}
        </fieldset>
        <fieldset>
          <legend>Skip phases</legend>
          {PHASES.map((phase) => (
            <label key={phase} className="check">
              <input
                type="checkbox"
                name="skip"
                value={phase}
                checked={skip.includes(phase)}
                onChange={() => setSkip((s) => toggle(s, phase))}
              />
              {phaseNumber(phase)}. {PHASE_LABELS[phase]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Approval mode</legend>
          <label className="check">
            <input type="radio" name="approvalMode" value="MANUAL" checked={mode === 'MANUAL'} onChange={() => setMode('MANUAL')} />
            Manual: people decide each human step
          </label>
          <label className="check">
            <input type="radio" name="approvalMode" value="AUTO" checked={mode === 'AUTO'} onChange={() => setMode('AUTO')} />
            Auto: the workflow decides with the recommended choice (recorded as automatic)
          </label>
        </fieldset>
        <fieldset>
          <legend>When</legend>
          <label>
            Start at (optional)
            <input
              type="datetime-local"
              name="startAt"
              value={startAt}
              onChange={(e) => setStartAt(e.target.value)}
              aria-describedby="start-at-help"
            />
          </label>
          <p id="start-at-help" className="muted">
            Your local time. Leave empty to start now; a time schedules the run, which waits (and can be cancelled) until then.
          </p>
        </fieldset>
      </div>
      <ErrorNotice error={error} title="The workflow did not start" />
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={running || chosen.length === 0}>
          {startButtonLabel(startAt, running)}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
