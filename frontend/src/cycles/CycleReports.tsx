// The reports of a cycle with their testers, phases and statuses: test managers and admins assign each report's tester
// (assignTester) and, while no workflow runs the cycle, advance its reports by hand; others read where they stand.
import { useId, useState, type ReactNode } from 'react';
import { AssignTesterMutation, TestersQuery } from '../api/operations/cycles';
import { useMutation } from '../api/useMutation';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { StatusBadge } from '../components/StatusBadge';
import { PHASE_LABELS } from '../workflow/phases';
import { AdvanceByHand } from './AdvanceByHand';
import { advancedByHand, mayAdvanceByHand } from './byHand';
import { cycleIsOver } from './cycleStatus';
import { shownTesterId, testerOptions, type PendingAssignment, type TesterLike } from './testerAssignment';
import type { CycleDetail, CycleReportRow } from './types';

interface Props {
  cycle: CycleDetail;
  /** Whether the viewer assigns testers and advances reports by hand (test managers and admins). */
  mayAssign: boolean;
  /** Refetches the cycle after a tester was assigned or a report moved. */
  onChanged: () => void;
}

export function CycleReports({ cycle, mayAssign, onChanged }: Props) {
  const fixed = cycleIsOver(cycle.status);
  const editable = mayAssign && !fixed;
  const byHand = advancedByHand(cycle);
  return (
    <section className="card stack" aria-labelledby="cycle-reports-title" data-testid="cycle-reports">
      <h2 id="cycle-reports-title">Reports and testers</h2>
      {cycle.cycleReports.length === 0 ? <p className="muted">No reports in this cycle yet.</p> : null}
      {cycle.cycleReports.length > 0 && editable ? (
        <TesterTable cycleId={cycle.id} rows={cycle.cycleReports} onChanged={onChanged} />
      ) : null}
      {cycle.cycleReports.length > 0 && !editable ? <ReportTable rows={cycle.cycleReports} tester={(row) => <TesterName row={row} />} /> : null}
      {mayAssign && fixed ? <p className="muted small">The cycle is over: its testers stay as they were.</p> : null}
      {byHand && !(mayAssign && mayAdvanceByHand(cycle)) ? (
        <p className="muted small" data-testid="by-hand-note">
          This cycle is advanced by hand, without a workflow: its test manager moves each report from phase to phase.
        </p>
      ) : null}
      {mayAssign && cycle.cycleReports.length > 0 && mayAdvanceByHand(cycle) ? (
        <AdvanceByHand cycleId={cycle.id} rows={cycle.cycleReports} open={byHand} onChanged={onChanged} />
      ) : null}
    </section>
  );
}

function TesterName({ row }: { row: CycleReportRow }) {
  return row.tester ? <>{row.tester.displayName}</> : <span className="muted">Unassigned</span>;
}

function ReportTable({ rows, tester }: { rows: readonly CycleReportRow[]; tester: (row: CycleReportRow) => ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="visually-hidden">The reports of this cycle and their testers</caption>
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Status</th>
            <th scope="col">Phase</th>
            <th scope="col">Tester</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="cycle-report"
              data-report={row.report?.reportNumber ?? row.id}
              data-current-phase={row.currentPhase ?? ''}
            >
              <th scope="row">
                {row.report ? (
                  <>
                    {row.report.reportNumber} <span className="muted">{row.report.name}</span>
                  </>
                ) : (
                  `Report ${row.id}`
                )}
              </th>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td>{row.currentPhase ? PHASE_LABELS[row.currentPhase] : '—'}</td>
              <td>{tester(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TesterTable({ cycleId, rows, onChanged }: { cycleId: string; rows: readonly CycleReportRow[]; onChanged: () => void }) {
  const testers = useQuery(TestersQuery, {});
  const [assign, { running, error }] = useMutation(AssignTesterMutation);
  // Changes made against these rows: once the cycle is read again, its rows say who the testers are.
  const [changes, setChanges] = useState<{ rows: readonly CycleReportRow[]; list: PendingAssignment[] }>({ rows, list: [] });
  const pending = changes.rows === rows ? changes.list : [];
  const [saved, setSaved] = useState<string | null>(null);
  const active: readonly TesterLike[] = testers.data?.users.nodes ?? [];

  const choose = async (row: CycleReportRow, testerId: string | null) => {
    if (!row.report) return;
    setSaved(null);
    const before = row.tester?.id ?? null;
    const result = await assign({ cycleId, reportId: row.report.id, testerId });
    if (!result) return;
    const now = result.assignTester.tester;
    const change = { reportId: row.report.id, testerId: now?.id ?? null, before };
    setChanges((prev) => ({ rows, list: prev.rows === rows ? [...prev.list, change] : [change] }));
    setSaved(`${row.report.reportNumber}: ${now ? `assigned to ${now.displayName}` : 'unassigned'}.`);
    onChanged();
  };

  return (
    <>
      <ReportTable
        rows={rows}
        tester={(row) => (
          <TesterSelect row={row} options={testerOptions(active, row.tester)} pending={pending} disabled={running || !row.report} onChoose={choose} />
        )}
      />
      <p className="muted small">A report&apos;s open tester steps move to the tester chosen at once, and its later ones go to them.</p>
      <ErrorNotice error={testers.error} title="Could not load the testers" />
      <ErrorNotice error={error} title="The tester was not assigned" />
      <p role="status" className="small">
        {saved}
      </p>
    </>
  );
}

interface SelectProps {
  row: CycleReportRow;
  options: ReturnType<typeof testerOptions>;
  pending: readonly PendingAssignment[];
  disabled: boolean;
  onChoose: (row: CycleReportRow, testerId: string | null) => Promise<void>;
}

function TesterSelect({ row, options, pending, disabled, onChoose }: SelectProps) {
  const id = useId();
  const value = shownTesterId(row.report?.id ?? row.id, row.tester?.id ?? null, pending) ?? '';
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Tester of {row.report?.reportNumber ?? `report ${row.id}`}
      </label>
      <select id={id} className="tester-select" value={value} disabled={disabled} onChange={(e) => void onChoose(row, e.target.value || null)}>
        <option value="">Unassigned</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
