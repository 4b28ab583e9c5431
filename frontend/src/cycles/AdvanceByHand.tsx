// "Advance by hand" (test managers and admins): moves each report of a cycle that runs without a workflow to its next phase,
// with an optional note. Folded away until used: starting the workflow is the usual way.
import { useId, useState, type SubmitEvent } from 'react';
import { AdvanceReportByHandMutation } from '../api/operations/cycles';
import { useMutation } from '../api/useMutation';
import { ErrorNotice } from '../components/ErrorNotice';
import { PHASE_LABELS } from '../workflow/phases';
import { nextMove } from './byHand';
import type { CycleReportRow } from './types';

/** Longest note the server accepts with a move. */
const MAX_NOTE = 2000;

interface Props {
  cycleId: string;
  rows: readonly CycleReportRow[];
  /** Shown open: the cycle already moves by hand. Otherwise folded away, the workflow being the usual way. */
  open: boolean;
  /** Refetches the cycle after a report moved. */
  onChanged: () => void;
}

export function AdvanceByHand({ cycleId, rows, open, onChanged }: Props) {
  const movable = rows.filter((row) => row.report && nextMove(row));
  // Kept here, not in the row's form: a report marked complete leaves the list.
  const [done, setDone] = useState<string | null>(null);
  return (
    <details className="by-hand" open={open} data-testid="advance-by-hand">
      <summary>
        <h3 className="by-hand__title">Advance by hand</h3>
      </summary>
      <p className="muted small">
        No workflow runs for this cycle: move each report to its next phase yourself. Once a report has moved by hand, the
        cycle&apos;s workflow can no longer be started.
      </p>
      {movable.length === 0 ? <p className="muted">Every report is complete.</p> : null}
      <ul className="by-hand__list">
        {movable.map((row) => (
          <li key={row.id}>
            <AdvanceForm
              cycleId={cycleId}
              row={row}
              onStart={() => setDone(null)}
              onMoved={(message) => {
                setDone(message);
                onChanged();
              }}
            />
          </li>
        ))}
      </ul>
      <p role="status" className="small">
        {done}
      </p>
    </details>
  );
}

interface FormProps {
  cycleId: string;
  row: CycleReportRow;
  onStart: () => void;
  /** Called with what happened once the report moved. */
  onMoved: (message: string) => void;
}

function AdvanceForm({ cycleId, row, onStart, onMoved }: FormProps) {
  const id = useId();
  const [advance, { running, error }] = useMutation(AdvanceReportByHandMutation);
  const [note, setNote] = useState('');
  const move = nextMove(row);
  const name = row.report?.reportNumber ?? `Report ${row.id}`;
  if (!move || !row.report) return null;
  const reportId = row.report.id;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    onStart();
    const trimmed = note.trim();
    const result = await advance({ cycleId, reportId, note: trimmed === '' ? null : trimmed });
    if (!result) return;
    const moved = result.advanceReportByHand;
    setNote('');
    onMoved(moved.status === 'COMPLETE' || !moved.currentPhase ? `${name}: complete.` : `${name}: now in ${PHASE_LABELS[moved.currentPhase]}.`);
  };

  return (
    <form className="by-hand__form" onSubmit={(e) => void submit(e)} aria-label={`Advance ${name} by hand`} data-report={name}>
      <span className="by-hand__report">
        <strong>{name}</strong>{' '}
        <span className="muted">{row.currentPhase ? `in ${PHASE_LABELS[row.currentPhase]}` : 'not started'}</span>
      </span>
      <label htmlFor={`${id}-note`} className="visually-hidden">
        Note for {name} (optional)
      </label>
      <input
        id={`${id}-note`}
        className="by-hand__note"
        type="text"
        value={note}
        maxLength={MAX_NOTE}
        placeholder="Note (optional)"
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={running}>
        {running ? 'Moving…' : move.label}
        <span className="visually-hidden"> ({name})</span>
      </button>
      <ErrorNotice error={error} title={`${name} did not move`} />
    </form>
  );
}
