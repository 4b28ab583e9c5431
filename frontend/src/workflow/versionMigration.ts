// Which newer workflow versions a running cycle run may move to, the features each adds, and its migrations: pending, applied or rejected.
import type { Phase } from '../gql/graphql';
import { humanize } from '../format/format';
import type { WorkflowEventLike } from './eventLog';
import { isPhase } from './phases';

/** The fields of a WorkflowVersionInfo this module reads. */
export interface VersionInfoLike {
  version: string;
  features: readonly string[];
  canMigrateTo: readonly string[];
}

/** A run with its per-report runs, as the cycle query gives them. */
export interface RunVersionsLike {
  children: readonly { id: string; status: string; version: string }[];
}

/** One migration as the page shows it. */
export interface MigrationRow {
  /** The migration history id (`MigrationRecord.id`, `historyId` of a VERSION_MIGRATED event). */
  id: string;
  /** The report run it moves. */
  executionId: string;
  fromVersion: string;
  toVersion: string;
  /** REQUESTED, APPLIED, REJECTED or FAILED. */
  status: string;
  atPhase: Phase | null;
  /** Why it was refused (REJECTED, FAILED). */
  reason: string | null;
  requestedAt: string | null;
  appliedAt: string | null;
}

/** The fields of a MigrationRecord this module reads. */
export interface MigrationRecordLike {
  id: string;
  fromVersion: string;
  toVersion: string;
  status: string;
  atPhase?: Phase | null | undefined;
  reason?: string | null | undefined;
  requestedAt: string;
  appliedAt?: string | null | undefined;
}

/** A report run with the migrations the server recorded for it (`WorkflowExecution.migrations`). */
export interface RunMigrationsLike {
  id: string;
  migrations: readonly MigrationRecordLike[];
}

export const MIGRATION_REQUESTED = 'REQUESTED';
export const MIGRATION_APPLIED = 'APPLIED';

/** What the features of the versions mean, in words (unknown ones are humanized). */
const FEATURE_LABELS: Record<string, string> = {
  EIGHT_PHASES: 'The eight phases, one run per report',
  PARALLEL_SAMPLE_AND_OWNER_PHASES: 'Phases 3 and 4 run in parallel and join before phase 5',
  SKIP_PHASES: 'Phases can be skipped at start',
  HUMAN_APPROVALS: 'Human steps decided in the inbox, checked before they are accepted',
  AUTO_APPROVAL_MODE: 'AUTO mode: the workflow decides every human step itself',
  RETRY_POLICY_PER_KIND: 'A retry policy per kind of activity',
  PHASE_COMPENSATION: 'Compensation per phase, including waiting for an operator',
  SLA_ESCALATION: 'SLA timers on human steps, with reminders and escalation',
};

export function featureLabel(feature: string): string {
  return FEATURE_LABELS[feature] ?? humanize(feature);
}

/** The versions the running report runs execute now, without repeats (none when no report run is running). */
export function runVersions(execution: RunVersionsLike): string[] {
  const versions = execution.children.filter((c) => c.status === 'RUNNING').map((c) => c.version);
  return [...new Set(versions)];
}

/**
 * The versions every one of `from` may move to, in the order `versions` lists them. The server
 * refuses the whole request when one running report run cannot move, so only common targets count.
 */
export function migrationTargets(from: readonly string[], versions: readonly VersionInfoLike[]): string[] {
  const infos = from.map((v) => versions.find((info) => info.version === v));
  if (infos.length === 0) return [];
  return versions
    .map((v) => v.version)
    .filter((target) => infos.every((info) => info?.canMigrateTo.includes(target) ?? false));
}

/** The features `to` declares that at least one of `from` lacks, in `to`'s order. */
export function addedFeatures(from: readonly string[], to: string, versions: readonly VersionInfoLike[]): string[] {
  const target = versions.find((v) => v.version === to);
  if (!target) return [];
  const had = from.map((v) => versions.find((info) => info.version === v)?.features ?? []);
  return target.features.filter((feature) => had.some((features) => !features.includes(feature)));
}

function detailText(detail: unknown, key: string): string | null {
  if (detail === null || typeof detail !== 'object') return null;
  const value = (detail as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** A recorded migration of report run `executionId` as a row. */
export function migrationRow(executionId: string, record: MigrationRecordLike): MigrationRow {
  return {
    id: record.id,
    executionId,
    fromVersion: record.fromVersion,
    toVersion: record.toVersion,
    status: record.status,
    atPhase: record.atPhase ?? null,
    reason: record.reason ?? null,
    requestedAt: record.requestedAt,
    appliedAt: record.appliedAt ?? null,
  };
}

/**
 * The migrations of the run's report runs, oldest first. The server's records say what each is
 * (so a reload still shows a pending move, and a rejected one with its reason); a move asked for on
 * this page shows until the records include it; and a VERSION_MIGRATED event marks a pending move
 * applied before the records are read again (or shows one the records do not have yet).
 */
export function collectMigrations(
  runs: readonly RunMigrationsLike[],
  requested: readonly MigrationRow[],
  events: readonly WorkflowEventLike[],
): MigrationRow[] {
  const runIds = new Set(runs.map((r) => r.id));
  const rows = new Map<string, MigrationRow>();
  for (const row of requested) if (runIds.has(row.executionId)) rows.set(row.id, row);
  for (const run of runs) for (const record of run.migrations) rows.set(record.id, migrationRow(run.id, record));
  for (const event of events) {
    if (event.kind !== 'VERSION_MIGRATED' || !event.executionId || !runIds.has(event.executionId)) continue;
    const id = detailText(event.detail, 'historyId');
    if (id === null) continue;
    const known = rows.get(id);
    if (known && known.status !== MIGRATION_REQUESTED) continue;
    rows.set(id, {
      id,
      executionId: event.executionId,
      fromVersion: known?.fromVersion ?? detailText(event.detail, 'from') ?? '?',
      toVersion: known?.toVersion ?? detailText(event.detail, 'to') ?? event.status,
      status: MIGRATION_APPLIED,
      atPhase: isPhase(event.phase) ? event.phase : null,
      reason: null,
      requestedAt: known?.requestedAt ?? null,
      appliedAt: event.at,
    });
  }
  return [...rows.values()].sort((a, b) => Number(a.id) - Number(b.id));
}
