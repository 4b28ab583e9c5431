// Deciding a task: APPROVE, REJECT or REQUEST_CHANGES with a comment (required unless approving) and, for tasks that
// take one, the payload built under "What you are deciding"; the server's refusal (BAD_USER_INPUT) is shown as sent.
import { useState, type SubmitEvent } from 'react';
import { CompleteTaskMutation } from '../api/operations/tasks';
import { useMutation } from '../api/useMutation';
import { ErrorNotice } from '../components/ErrorNotice';
import type { Decision } from '../gql/graphql';
import { payloadProblem, payloadSummary, type DecisionPayload } from './decisionPayload';
import { DECISION_LABELS, decisionProblem, decisionsFor } from './taskPermissions';
import type { InboxTask } from './types';

interface Props {
  task: InboxTask;
  /** Structured changes sent with the decision, if any. */
  payload?: DecisionPayload | null;
  onDecided: () => void;
}

export function DecisionForm({ task, payload = null, onDecided }: Props) {
  const options = decisionsFor(task);
  const [decision, setDecision] = useState<Decision>('APPROVE');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [complete, { running, error }] = useMutation(CompleteTaskMutation);
  const problem = decisionProblem(decision, comment) ?? payloadProblem(decision, payload);
  const sends = payloadSummary(payload);
  const commentId = `task-${task.id}-comment`;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const trimmed = comment.trim();
    const input = { decision, ...(trimmed ? { comment: trimmed } : {}), ...(payload ? { payload } : {}) };
    if (await complete({ taskId: task.id, input })) onDecided();
  };

  const submitLabel = task.kind === 'EVIDENCE' ? 'Submit the request' : DECISION_LABELS[decision];
  return (
    <form className="decision" onSubmit={(e) => void submit(e)} aria-label={`Decide: ${task.title}`}>
      {options.length > 1 ? (
        <fieldset className="decision__choices">
          <legend>Decision</legend>
          {options.map((option) => (
            <label key={option} className="check">
              <input
                type="radio"
                name={`decision-${task.id}`}
                value={option}
                checked={decision === option}
                onChange={() => setDecision(option)}
              />
              {DECISION_LABELS[option]}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor={commentId}>
        Comment{decision === 'APPROVE' ? ' (optional)' : ' (required)'}
      </label>
      <textarea
        id={commentId}
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={touched && problem !== null}
        aria-describedby={touched && problem ? `${commentId}-problem` : undefined}
      />
      {touched && problem ? (
        <p id={`${commentId}-problem`} className="error-text">
          {problem}
        </p>
      ) : null}
      {sends ? (
        <p className="muted small" data-testid="decision-payload">
          {sends}
        </p>
      ) : null}
      <ErrorNotice error={error} title="The decision was not accepted" />
      <button type="submit" className={`button ${decision === 'APPROVE' ? 'button--primary' : 'button--danger'}`} disabled={running}>
        {running ? 'Sending…' : submitLabel}
      </button>
    </form>
  );
}
