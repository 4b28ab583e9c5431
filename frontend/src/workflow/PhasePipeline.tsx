// The eight phases drawn as a pipeline: one box per phase, phases 3 and 4 stacked in parallel, joining before 5.
import { StatusBadge } from '../components/StatusBadge';
import { formatDuration } from '../format/format';
import type { Phase } from '../gql/graphql';
import { PHASE_LABELS, PIPELINE_COLUMNS, phaseNumber } from './phases';
import type { PhaseSummary } from './phaseSummary';

export function PhasePipeline({ summaries }: { summaries: readonly PhaseSummary[] }) {
  const byPhase = new Map<Phase, PhaseSummary>(summaries.map((s) => [s.phase, s]));
  return (
    <ol className="pipeline" aria-label="Workflow phases">
      {PIPELINE_COLUMNS.map((column, index) => (
        <li
          key={column.join('+')}
          className={`pipeline__column${column.length > 1 ? ' pipeline__column--parallel' : ''}${index > 0 ? ' pipeline__column--after' : ''}`}
        >
          {column.length > 1 ? <span className="visually-hidden">In parallel:</span> : null}
          <ul className="pipeline__stack">
            {column.map((phase) => {
              const summary = byPhase.get(phase);
              return summary ? <PhaseNode key={phase} summary={summary} /> : null;
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function PhaseNode({ summary }: { summary: PhaseSummary }) {
  const { phase, status, done, total, openTasks, round, durationSeconds } = summary;
  const label = PHASE_LABELS[phase];
  return (
    <li className={`phase phase--${status.toLowerCase()}`} data-testid={`phase-${phase}`} data-phase={phase} data-status={status}>
      <span className="phase__number" aria-hidden="true">
        {phaseNumber(phase)}
      </span>
      <span className="phase__name">
        <span className="visually-hidden">Phase {phaseNumber(phase)}: </span>
        {label}
      </span>
      <StatusBadge status={status} />
      <span className="phase__meta">
        {total > 0 ? `${done}/${total} reports` : 'not started'}
        {round > 1 ? ` · round ${round}` : ''}
        {openTasks > 0 ? ` · ${openTasks} task${openTasks > 1 ? 's' : ''} open` : ''}
        {durationSeconds !== null ? ` · ${formatDuration(durationSeconds)}` : ''}
      </span>
    </li>
  );
}
