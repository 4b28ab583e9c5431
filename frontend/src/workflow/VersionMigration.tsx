// Moving a running cycle run to a newer workflow version at the next phase boundary (test managers, admins), and its migrations as
// recorded (pending, applied, rejected), so a reload still shows a move on its way.
import { useState } from 'react';
import { MigrateWorkflowMutation, WorkflowVersionsQuery } from '../api/operations/workflow';
import { useMutation } from '../api/useMutation';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { StatusBadge } from '../components/StatusBadge';
import type { CycleExecution } from '../cycles/types';
import { formatTime } from '../format/format';
import type { WorkflowEventLike } from './eventLog';
import { PHASE_LABELS } from './phases';
import {
  MIGRATION_APPLIED,
  MIGRATION_REQUESTED,
  addedFeatures,
  collectMigrations,
  featureLabel,
  migrationRow,
  migrationTargets,
  runVersions,
  type MigrationRow,
} from './versionMigration';

interface Props {
  execution: CycleExecution;
  /** Whether the run is going on (only a running run can move). */
  running: boolean;
  /** The cycle's event log, for the VERSION_MIGRATED events. */
  events: readonly WorkflowEventLike[];
  /** Refetches the cycle (with its runs' migration records) after a request, accepted or refused. */
  onChanged: () => void;
}

/** Where the move stands: pending, where it was applied, or why it was refused. */
function whereText(row: MigrationRow): string {
  switch (row.status) {
    case MIGRATION_REQUESTED:
      return `pending: applies when the next phase starts (asked at ${formatTime(row.requestedAt)})`;
    case MIGRATION_APPLIED:
      return row.atPhase ? `before ${PHASE_LABELS[row.atPhase]}, at ${formatTime(row.appliedAt)}` : `at ${formatTime(row.appliedAt)}`;
    case 'REJECTED':
      return `refused${row.reason ? `: ${row.reason}` : ''} (asked at ${formatTime(row.requestedAt)})`;
    default:
      return row.reason ?? '—';
  }
}

export function VersionMigration({ execution, running, events, onChanged }: Props) {
  const versionsQuery = useQuery(WorkflowVersionsQuery, {});
  const [migrate, { running: sending, error }] = useMutation(MigrateWorkflowMutation);
  const [requested, setRequested] = useState<MigrationRow[]>([]);
  const [movedNone, setMovedNone] = useState(false);

  const versions = versionsQuery.data?.workflowVersions ?? [];
  const from = runVersions(execution);
  const rows = collectMigrations(execution.children, requested, events);
  const pending = rows.some((r) => r.status === MIGRATION_REQUESTED);
  const targets = running && !pending ? migrationTargets(from, versions) : [];
  const reportOf = (executionId: string) =>
    execution.children.find((c) => c.id === executionId)?.report?.reportNumber ?? `run ${executionId}`;

  const upgrade = async (toVersion: string) => {
    const result = await migrate({ executionId: execution.id, toVersion });
    // A refused request is recorded too (REJECTED, with its reason): read the records either way.
    onChanged();
    if (!result) return;
    setMovedNone(result.migrateWorkflow.length === 0);
    setRequested((before) => [...before, ...result.migrateWorkflow.map((r) => migrationRow(r.execution?.id ?? '', r))]);
  };

  if (targets.length === 0 && rows.length === 0 && !error && !versionsQuery.error && !movedNone) return null;
  return (
    <section className="migration stack" aria-labelledby="migration-title" data-testid="version-migration">
      <h3 id="migration-title">Workflow version</h3>
      {from.length > 0 ? (
        <p>
          The report runs execute version <strong>{from.join(', ')}</strong>.
        </p>
      ) : null}
      {targets.map((target) => {
        const added = addedFeatures(from, target, versions);
        return (
          <div key={target} className="migration__target">
            <button type="button" className="button button--primary" disabled={sending} onClick={() => void upgrade(target)}>
              {sending ? 'Asking the run…' : `Upgrade to ${target} at the next phase boundary`}
            </button>
            <p className="muted small">
              The running phase finishes on {from.join(', ')}; version {target} applies from the next phase on.
            </p>
            {added.length > 0 ? (
              <>
                <h4 id={`adds-${target}`}>What {target} adds</h4>
                <ul aria-labelledby={`adds-${target}`}>
                  {added.map((feature) => (
                    <li key={feature}>{featureLabel(feature)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted small">{target} adds no feature the run lacks.</p>
            )}
          </div>
        );
      })}
      <ErrorNotice error={versionsQuery.error} title="Could not load the workflow versions" />
      <ErrorNotice error={error} title="The run was not moved to the new version" />
      {movedNone ? <p className="muted">No report run was running, so nothing was moved.</p> : null}
      {rows.length > 0 ? (
        <table className="table table--compact">
          <caption className="visually-hidden">Version migrations of this run</caption>
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="migration-row">
                <td>{reportOf(row.executionId)}</td>
                <td>{row.fromVersion}</td>
                <td>{row.toVersion}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>{whereText(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
