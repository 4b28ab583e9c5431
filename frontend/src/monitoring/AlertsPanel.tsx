// Alerts: the stored workflow alerts (workflowAlerts), open ones newest first with "Acknowledge", acknowledged ones on request;
// refetched when a live event may have raised one; then overdue tasks and failed runs that no alert covers.
import { useId, useState } from 'react';
import { AcknowledgeAlertMutation, WorkflowAlertsQuery } from '../api/operations/alerts';
import { useMutation } from '../api/useMutation';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useThrottledRefetch } from '../hooks/useThrottledRefetch';
import { AlertItem } from './AlertItem';
import { alertTypeLabel, runsWithoutAlert, severitySummary, splitByAcknowledgement } from './alerts';
import { AttentionList } from './AttentionList';
import type { OpenTask, RecentRun, StoredAlert } from './types';

/** How many open alerts the panel lists, and how many recent ones (open or not) it reads for the acknowledged list. */
const OPEN_PAGE = 50;
const RECENT_PAGE = 100;

interface Props {
  overdueTasks: readonly OpenTask[];
  failedRuns: readonly RecentRun[];
  /** A new value (a live ALERT_RAISED or COMPENSATED event) refetches the alerts. */
  refreshOn: unknown;
}

export function AlertsPanel({ overdueTasks, failedRuns, refreshOn }: Props) {
  const toggleId = useId();
  const [showAcknowledged, setShowAcknowledged] = useState(false);
  const open = useQuery(WorkflowAlertsQuery, { first: OPEN_PAGE, open: true });
  const recent = useQuery(WorkflowAlertsQuery, { first: RECENT_PAGE, open: null });
  useThrottledRefetch(refreshOn, open.refetch);
  useThrottledRefetch(refreshOn, recent.refetch);
  const [acknowledgeAlert, acknowledgement] = useMutation(AcknowledgeAlertMutation);
  const [acknowledging, setAcknowledging] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const acknowledge = async (alert: StoredAlert) => {
    setAcknowledging(alert.id);
    setDone(null);
    const result = await acknowledgeAlert({ alertId: alert.id });
    setAcknowledging(null);
    if (result) setDone(`${alertTypeLabel(alert.alertType)} alert acknowledged: it moves to the acknowledged ones.`);
    // Read again either way: after a CONFLICT, someone else acknowledged it meanwhile.
    open.refetch();
    recent.refetch();
  };

  const openAlerts = splitByAcknowledgement(open.data?.workflowAlerts.nodes ?? []).open;
  const acknowledged = splitByAcknowledgement(recent.data?.workflowAlerts.nodes ?? []).acknowledged;
  const openTotal = open.data?.workflowAlerts.totalCount ?? 0;
  const known = [...openAlerts, ...(recent.data?.workflowAlerts.nodes ?? [])];
  const item = (alert: StoredAlert) => (
    <AlertItem key={alert.id} alert={alert} acknowledging={acknowledging} onAcknowledge={(a) => void acknowledge(a)} />
  );

  return (
    <section className="card stack alerts" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <header className="alerts__head">
        <h2 id="alerts-title">Alerts</h2>
        {open.data ? (
          <span className="muted" data-testid="alerts-summary">
            {openTotal} open{openAlerts.length > 0 ? ` (${severitySummary(openAlerts)})` : ''}
          </span>
        ) : null}
        <label className="check alerts__toggle" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={showAcknowledged} onChange={(e) => setShowAcknowledged(e.target.checked)} />
          Show acknowledged alerts
        </label>
      </header>
      <ErrorNotice error={open.error} title="Could not load the alerts" />
      <ErrorNotice error={acknowledgement.error} title="The alert was not acknowledged" />
      <p role="status" className="small">
        {done}
      </p>
      {open.loading && !open.data ? <Loading what="Loading the alerts" /> : null}
      {open.data && openAlerts.length === 0 ? <p className="muted">No open alerts.</p> : null}
      {openAlerts.length > 0 ? (
        <ul className="alert-list" aria-label="Open alerts" data-testid="open-alerts">
          {openAlerts.map(item)}
        </ul>
      ) : null}
      {openTotal > openAlerts.length ? (
        <p className="muted small">
          The newest {openAlerts.length} of {openTotal} open alerts.
        </p>
      ) : null}
      {showAcknowledged ? (
        <section aria-labelledby="acknowledged-title" data-testid="acknowledged-alerts">
          <h3 id="acknowledged-title">Acknowledged</h3>
          <ErrorNotice error={recent.error} title="Could not load the acknowledged alerts" />
          {recent.loading && !recent.data ? <Loading what="Loading the acknowledged alerts" /> : null}
          {recent.data && acknowledged.length === 0 ? <p className="muted">None among the latest {RECENT_PAGE} alerts.</p> : null}
          {acknowledged.length > 0 ? (
            <ul className="alert-list" aria-label="Acknowledged alerts">
              {acknowledged.map(item)}
            </ul>
          ) : null}
        </section>
      ) : null}
      <AttentionList overdueTasks={overdueTasks} failedRuns={runsWithoutAlert(failedRuns, known)} />
    </section>
  );
}
