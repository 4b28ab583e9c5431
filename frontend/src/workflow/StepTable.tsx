// The steps of one report's run with status, attempt and timing, plus its retries and compensations.
import { StatusBadge } from '../components/StatusBadge';
import type { ReportExecution } from '../cycles/types';
import { formatDuration, formatTime, humanize } from '../format/format';
import { PHASE_LABELS } from './phases';

export function StepTable({ execution }: { execution: ReportExecution }) {
  const title = execution.report ? `${execution.report.reportNumber}: steps` : 'Steps';
  return (
    <section className="stack" aria-label={title}>
      <h3>{title}</h3>
      {execution.error ? <p className="notice notice--error">{execution.error}</p> : null}
      <div className="table-scroll">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Step</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Attempt</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Waiting on people</th>
            </tr>
          </thead>
          <tbody>
            {execution.steps.map((step) => (
              <tr key={step.id} className={step.stepType === 'PHASE' ? 'row--phase' : undefined}>
                <td>{step.phase ? PHASE_LABELS[step.phase] : '—'}</td>
                <td>
                  {step.name}
                  {step.error ? <div className="error-text small">{step.error}</div> : null}
                </td>
                <td>{humanize(step.stepType)}</td>
                <td>
                  <StatusBadge status={step.status} />
                </td>
                <td>{step.attempt}</td>
                <td>{formatTime(step.startedAt)}</td>
                <td>{formatDuration(step.durationSeconds)}</td>
                <td>{step.waitingSeconds > 0 ? formatDuration(step.waitingSeconds) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {execution.retryLogs.length > 0 ? (
        <>
          <h4>Retried attempts</h4>
          <ul className="log-list">
            {execution.retryLogs.map((r) => (
              <li key={r.id}>
                {formatTime(r.failedAt)} · {r.activityType} ({r.activityKind}) attempt {r.attempt}: {r.error}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {execution.compensationLogs.length > 0 ? (
        <>
          <h4>Compensations</h4>
          <ul className="log-list">
            {execution.compensationLogs.map((c) => (
              <li key={c.id}>
                {formatTime(c.startedAt)} · {PHASE_LABELS[c.phase]}: {humanize(c.strategy)} <StatusBadge status={c.status} />
                {c.failure ? <span className="muted"> — {c.failure}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
