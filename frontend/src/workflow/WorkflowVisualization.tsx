// Live progress of a cycle's workflow: paused phases, the phase pipeline, per-report progress and steps, run controls
// (none for a cycle advanced by hand, which is not started as a workflow), and when a scheduled run is to start.
import { useMemo, useState } from 'react';
import { useSession } from '../auth/AuthContext';
import { canControlWorkflows } from '../auth/roles';
import { ErrorNotice } from '../components/ErrorNotice';
import { LiveIndicator } from '../components/LiveIndicator';
import { StatusBadge } from '../components/StatusBadge';
import { advancedByHand } from '../cycles/byHand';
import { cycleIsOver } from '../cycles/cycleStatus';
import type { CycleDetail } from '../cycles/types';
import { formatDateTime, formatDuration, secondsBetween } from '../format/format';
import { useNow } from '../hooks/useNow';
import { useThrottledRefetch } from '../hooks/useThrottledRefetch';
import { CancelWorkflowForm } from './CancelWorkflowForm';
import { InterventionPanel } from './InterventionPanel';
import { pausedCompensations } from './interventions';
import { PhasePipeline } from './PhasePipeline';
import { summarizePhases } from './phaseSummary';
import { ReportProgress } from './ReportProgress';
import { buildRunBoard } from './runBoard';
import { currentRun } from './schedule';
import { StartWorkflowForm } from './StartWorkflowForm';
import { StepTable } from './StepTable';
import { useWorkflowEvents } from './useWorkflowEvents';
import { VersionMigration } from './VersionMigration';

interface Props {
  cycle: CycleDetail;
  /** Refetches the cycle (steps, timings, reports) after live events. */
  onChanged: () => void;
}

export function WorkflowVisualization({ cycle, onChanged }: Props) {
  const { user } = useSession();
  const live = useWorkflowEvents({ cycleId: cycle.id, fromStart: true });
  const liveBoard = useMemo(() => buildRunBoard(live.events), [live.events]);
  useThrottledRefetch(liveBoard.lastSeq, onChanged);

  const execution = cycle.currentExecution;
  // A scheduled run waits PENDING with no events of its own: until it begins, the fetched execution says what it is.
  const { status, scheduledFor, board } = useMemo(() => currentRun(liveBoard, execution), [liveBoard, execution]);
  const summaries = useMemo(() => summarizePhases(board), [board]);
  const running = status === 'RUNNING' || status === 'PENDING';
  const startedAt = scheduledFor ? undefined : (board.startedAt ?? execution?.startedAt);
  const completedAt = board.completedAt ?? execution?.completedAt;
  const now = useNow(running);
  const [selected, setSelected] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const shownExecution = selected ? execution?.children.find((c) => c.id === selected) : undefined;
  const mayControl = canControlWorkflows(user.role);
  const paused = useMemo(() => pausedCompensations(execution), [execution]);
  // A cycle moved by hand is not started as a workflow (the server answers CONFLICT).
  const byHand = advancedByHand(cycle);
  // A completed or cancelled cycle takes no new run (the server would answer CONFLICT).
  const over = cycleIsOver(cycle.status);
  const started = () => {
    setStarting(false);
    onChanged();
  };

  return (
    <section className="card stack workflow" aria-labelledby="workflow-title" data-testid="workflow-visualization">
      <header className="workflow__head">
        <h2 id="workflow-title">Workflow</h2>
        <LiveIndicator status={live.status} errors={live.errors} />
        {status ? (
          <StatusBadge status={status} label={scheduledFor ? 'Scheduled' : undefined} />
        ) : (
          <span className="muted">{byHand ? 'not used: advanced by hand' : 'not started'}</span>
        )}
        {execution ? (
          <span className="muted">
            {execution.approvalMode} approvals · version {execution.version}
          </span>
        ) : null}
        {scheduledFor ? (
          <span className="workflow__scheduled" data-testid="workflow-scheduled" data-scheduled-for={scheduledFor}>
            Scheduled to start at {formatDateTime(scheduledFor)}
          </span>
        ) : null}
        {startedAt ? (
          <span className="muted">
            started {formatDateTime(startedAt)} ·{' '}
            {completedAt ? 'took ' : 'running for '}
            {formatDuration(secondsBetween(startedAt, completedAt, now))}
          </span>
        ) : null}
        {execution ? (
          <a href={execution.temporalUiUrl} target="_blank" rel="noreferrer">
            Open in Temporal UI<span className="visually-hidden"> (new tab)</span>
          </a>
        ) : null}
      </header>
      {live.status === 'failed' ? <ErrorNotice error={live.errors} title="Live updates stopped" /> : null}
      {execution?.error ? <p className="notice notice--error">{execution.error}</p> : null}

      {paused.map(({ run, compensation }) => (
        <InterventionPanel key={compensation.id} run={run} compensation={compensation} mayAnswer={mayControl} onAnswered={onChanged} />
      ))}
      {mayControl && running && execution ? <CancelWorkflowForm executionId={execution.id} onCancelled={onChanged} /> : null}
      {mayControl && execution ? <VersionMigration execution={execution} running={running} events={live.events} onChanged={onChanged} /> : null}
      {byHand ? (
        <p className="notice notice--info" data-testid="workflow-by-hand">
          This cycle is advanced by hand (see Reports and testers), so its workflow cannot be started: a cycle runs one way or the
          other.
        </p>
      ) : null}
      {mayControl && !running && !starting && !byHand && !over ? (
        <div>
          <button type="button" className="button button--primary" onClick={() => setStarting(true)}>
            Start Workflow
          </button>
        </div>
      ) : null}
      {mayControl && !running && starting && !byHand && !over ? (
        <StartWorkflowForm cycleId={cycle.id} reports={cycle.cycleReports} onStarted={started} onClose={() => setStarting(false)} />
      ) : null}

      {/* The pipeline draws the workflow's runs; a cycle moved by hand has none (its phases are in the reports' table). */}
      {byHand ? null : <PhasePipeline summaries={summaries} />}

      {board.reports.length > 0 ? (
        <>
          <h3>Reports</h3>
          <ReportProgress
            runs={board.reports}
            reports={cycle.cycleReports}
            selected={selected}
            onSelect={(id) => setSelected((current) => (current === id ? null : id))}
          />
        </>
      ) : byHand ? null : (
        <p className="muted">
          {cycle.cycleReports.length} report{cycle.cycleReports.length === 1 ? '' : 's'} in this cycle; progress appears here once the
          workflow runs.
        </p>
      )}
      {shownExecution ? <StepTable execution={shownExecution} /> : null}
    </section>
  );
}
