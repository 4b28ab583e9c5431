// Cancelling a running workflow (test managers and admins), with the reason the server audits.
import { useState, type SubmitEvent } from 'react';
import { CancelWorkflowMutation } from '../api/operations/workflow';
import { useMutation } from '../api/useMutation';
import { ErrorNotice } from '../components/ErrorNotice';

export function CancelWorkflowForm({ executionId, onCancelled }: { executionId: string; onCancelled: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [cancel, { running, error }] = useMutation(CancelWorkflowMutation);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (await cancel({ executionId, reason: reason.trim() })) {
      setOpen(false);
      onCancelled();
    }
  };

  if (!open) {
    return (
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        Cancel workflow…
      </button>
    );
  }
  return (
    <form className="cancel-form" onSubmit={(e) => void submit(e)}>
      <label>
        Why cancel? (recorded)
        <input required value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </label>
      <button type="submit" className="button button--danger" disabled={running || reason.trim() === ''}>
        {running ? 'Cancelling…' : 'Cancel workflow'}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
        Keep it running
      </button>
      <ErrorNotice error={error} title="The workflow was not cancelled" />
    </form>
  );
}
