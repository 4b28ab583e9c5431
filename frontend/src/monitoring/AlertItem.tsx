// One stored workflow alert: severity, type, message, its run's cycle and report, and who acknowledged it (or the button to).
import { Link } from 'react-router';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../format/format';
import { SEVERITY_LABELS, alertTypeLabel, isOpen, severityOf } from './alerts';
import type { StoredAlert } from './types';

interface Props {
  alert: StoredAlert;
  /** Acknowledges the alert (every monitoring role may). */
  onAcknowledge: (alert: StoredAlert) => void;
  /** The alert being acknowledged right now (its button says so); all buttons wait meanwhile. */
  acknowledging: string | null;
}

export function AlertItem({ alert, onAcknowledge, acknowledging }: Props) {
  const severity = severityOf(alert.severity);
  const open = isOpen(alert);
  const type = alertTypeLabel(alert.alertType);
  const run = alert.execution;
  return (
    <li
      className={`alert alert--${open ? severity : 'acknowledged'}`}
      data-testid="workflow-alert"
      data-alert-id={alert.id}
      data-alert-type={alert.alertType}
      data-severity={alert.severity}
    >
      <div className="alert__head">
        <span className={`badge badge--severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>
        <strong>{type}</strong>
        <time className="muted small" dateTime={alert.createdAt}>
          {formatDateTime(alert.createdAt)}
        </time>
      </div>
      <p className="alert__message">{alert.message}</p>
      {run ? (
        <p className="alert__meta small">
          {run.cycle ? <Link to={`/cycles/${run.cycle.id}`}>{run.cycle.name}</Link> : <span className="muted">A cycle you may not see</span>}
          {run.report ? (
            <>
              {' '}
              · {run.report.reportNumber} <span className="muted">{run.report.name}</span>
            </>
          ) : (
            <span className="muted"> · the cycle&apos;s run</span>
          )}{' '}
          · run <StatusBadge status={run.status} />
        </p>
      ) : null}
      {open ? (
        <button
          type="button"
          className="button alert__ack"
          disabled={acknowledging !== null}
          onClick={() => onAcknowledge(alert)}
        >
          {acknowledging === alert.id ? 'Acknowledging…' : 'Acknowledge'}
          <span className="visually-hidden">: {type}, {alert.message}</span>
        </button>
      ) : (
        <p className="small muted" data-testid="alert-acknowledged">
          Acknowledged by {alert.acknowledgedBy?.displayName ?? 'someone no longer listed'} on {formatDateTime(alert.acknowledgedAt)}
        </p>
      )}
    </li>
  );
}
