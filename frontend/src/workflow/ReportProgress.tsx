// Per-report progress of the run: a strip of the eight phases per report, share done, and run status.
import { StatusBadge } from '../components/StatusBadge';
import { formatDuration, formatPercent, humanize, secondsBetween } from '../format/format';
import type { CycleReportRow } from '../cycles/types';
import { PHASES, PHASE_LABELS, phaseNumber } from './phases';
import { displayStatus, reportProgress, type ReportRun } from './runBoard';

interface Props {
  runs: readonly ReportRun[];
  reports: readonly CycleReportRow[];
  selected: string | null;
  onSelect: (executionId: string) => void;
}

export function ReportProgress({ runs, reports, selected, onSelect }: Props) {
  const nameOf = (reportId: string | null) => {
    const row = reports.find((r) => r.report?.id === reportId);
    return row?.report ? row.report.reportNumber : `Report ${reportId ?? '?'}`;
  };
  return (
    <div className="table-scroll">
      <table className="table report-progress" aria-label="Progress per report">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Run</th>
            <th scope="col">Phases</th>
            <th scope="col">Done</th>
            <th scope="col">Duration</th>
            <th scope="col">
              <span className="visually-hidden">Steps</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const share = reportProgress(run);
            return (
              <tr key={run.executionId} data-testid={`report-run-${run.reportId ?? run.executionId}`} aria-selected={selected === run.executionId}>
                <th scope="row">{nameOf(run.reportId)}</th>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>
                  <ol className="phase-strip" aria-label={`Phases of ${nameOf(run.reportId)}`}>
                    {PHASES.map((phase) => {
                      const status = displayStatus(run, phase);
                      const text = `${phaseNumber(phase)} ${PHASE_LABELS[phase]}: ${humanize(status)}`;
                      return (
                        <li key={phase} className={`phase-strip__cell phase--${status.toLowerCase()}`} title={text}>
                          <span className="visually-hidden">{text}</span>
                        </li>
                      );
                    })}
                  </ol>
                </td>
                <td>
                  <progress max={1} value={share} aria-label={`${nameOf(run.reportId)} done`} /> {formatPercent(share)}
                </td>
                <td>{run.completedAt ? formatDuration(secondsBetween(run.startedAt, run.completedAt)) : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-expanded={selected === run.executionId}
                    onClick={() => onSelect(run.executionId)}
                  >
                    {selected === run.executionId ? 'Hide steps' : 'Show steps'}
                    <span className="visually-hidden"> of {nameOf(run.reportId)}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
