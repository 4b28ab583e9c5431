// "Paused: waiting for an operator": a report's phase stopped by MANUAL_INTERVENTION, what its compensation did, and (test managers, admins) the answers.
import { useState } from 'react';
import { ResolveInterventionMutation } from '../api/operations/workflow';
import { useMutation } from '../api/useMutation';
import { ErrorNotice } from '../components/ErrorNotice';
import { StatusBadge } from '../components/StatusBadge';
import type { ReportExecution } from '../cycles/types';
import { formatDateTime } from '../format/format';
import type { OperatorAction } from '../gql/graphql';
import { OPERATOR_CHOICES, describeEffects, type OperatorChoice } from './interventions';
import { PHASE_LABELS, phaseNumber } from './phases';

type Compensation = ReportExecution['compensationLogs'][number];

interface Props {
  run: ReportExecution;
  compensation: Compensation;
  /** Whether the viewer may answer (test managers and admins); others only see the pause. */
  mayAnswer: boolean;
  /** Refetches the cycle after an answer was accepted. */
  onAnswered: () => void;
}

function Effects({ value, none }: { value: unknown; none: string }) {
  const items = describeEffects(value);
  if (items.length === 0) return <span className="muted">{none}</span>;
  return <>{items.join(', ')}</>;
}

export function InterventionPanel({ run, compensation, mayAnswer, onAnswered }: Props) {
  const [resolve, { running, error }] = useMutation(ResolveInterventionMutation);
  const [confirming, setConfirming] = useState<OperatorChoice | null>(null);
  const [sent, setSent] = useState<OperatorAction | null>(null);
  const id = `paused-${compensation.id}`;
  const report = run.report ? `${run.report.reportNumber} (${run.report.name})` : `Report run ${run.id}`;
  const phase = `${phaseNumber(compensation.phase)}. ${PHASE_LABELS[compensation.phase]}`;

  const answer = async (choice: OperatorChoice) => {
    setConfirming(null);
    if (await resolve({ compensationLogId: compensation.id, action: choice.action })) {
      setSent(choice.action);
      onAnswered();
    }
  };
  const choose = (choice: OperatorChoice) => {
    if (choice.confirm) setConfirming(choice);
    else void answer(choice);
  };
  const sentLabel = OPERATOR_CHOICES.find((c) => c.action === sent)?.label;

  return (
    <section className="paused" aria-labelledby={`${id}-title`} data-testid="paused-panel" data-compensation-id={compensation.id}>
      <header className="paused__head">
        <h3 id={`${id}-title`}>Paused: waiting for an operator</h3>
        <StatusBadge status={compensation.status} label="Awaiting operator" />
      </header>
      <p>
        <strong>{report}</strong> stopped in phase <strong>{phase}</strong>: the phase failed after its retries, and its
        compensation is manual intervention. Paused since {formatDateTime(compensation.startedAt)}.
      </p>
      <dl className="task__facts">
        <div>
          <dt>Failure</dt>
          <dd className="error-text">{compensation.failure ?? '—'}</dd>
        </div>
        <div>
          <dt>Undone</dt>
          <dd>
            <Effects value={compensation.undone} none="nothing" />
          </dd>
        </div>
        <div>
          <dt>Kept</dt>
          <dd>
            <Effects value={compensation.kept} none="nothing" />
          </dd>
        </div>
        <div>
          <dt>Notified</dt>
          <dd>
            <Effects value={compensation.notified} none="no one" />
          </dd>
        </div>
      </dl>

      {!mayAnswer ? <p className="muted">A test manager or an admin decides how this run goes on.</p> : null}
      {mayAnswer && sent ? (
        <p role="status">{sentLabel} sent; the run carries on with it and this panel closes once it has.</p>
      ) : null}
      {mayAnswer && !sent && !confirming ? (
        <ul className="paused__choices" aria-label={`Answers for ${report}`}>
          {OPERATOR_CHOICES.map((choice) => (
            <li key={choice.action}>
              <button
                type="button"
                className={choice.confirm ? 'button button--danger' : 'button'}
                aria-describedby={`${id}-${choice.action}`}
                disabled={running}
                onClick={() => choose(choice)}
              >
                {choice.confirm ? `${choice.label}…` : choice.label}
              </button>
              <span id={`${id}-${choice.action}`} className="muted small">
                {choice.explanation}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {mayAnswer && confirming ? (
        <div className="paused__confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            <strong>Abort the run of {report}?</strong> {confirming.explanation} This cannot be undone.
          </p>
          <div className="toolbar">
            <button type="button" className="button button--danger" disabled={running} onClick={() => void answer(confirming)}>
              Abort the run
            </button>
            <button type="button" className="button button--quiet" autoFocus onClick={() => setConfirming(null)}>
              Keep it paused
            </button>
          </div>
        </div>
      ) : null}
      <ErrorNotice error={error} title="The answer was not accepted" />
    </section>
  );
}
