// Unit tests of the migration targets of a running run, the features a version adds, and its migrations from the records, requests and events.
import { describe, expect, it } from 'vitest';
import type { WorkflowEventLike } from './eventLog';
import {
  addedFeatures,
  collectMigrations,
  featureLabel,
  migrationRow,
  migrationTargets,
  runVersions,
  type MigrationRecordLike,
} from './versionMigration';

const BASE = ['EIGHT_PHASES', 'HUMAN_APPROVALS', 'PHASE_COMPENSATION'];
const VERSIONS = [
  { version: '1.0.0', features: BASE, canMigrateTo: ['1.1.0'] },
  { version: '1.1.0', features: [...BASE, 'SLA_ESCALATION'], canMigrateTo: [] },
];

describe('runVersions', () => {
  it('lists the versions of the running report runs once each', () => {
    const children = [
      { id: '1', status: 'RUNNING', version: '1.0.0' },
      { id: '2', status: 'RUNNING', version: '1.0.0' },
      { id: '3', status: 'COMPLETED', version: '1.1.0' },
    ];
    expect(runVersions({ children })).toEqual(['1.0.0']);
    expect(runVersions({ children: [] })).toEqual([]);
  });
});

describe('migrationTargets', () => {
  it('offers the newer versions every running report run may move to', () => {
    expect(migrationTargets(['1.0.0'], VERSIONS)).toEqual(['1.1.0']);
    expect(migrationTargets(['1.1.0'], VERSIONS)).toEqual([]);
  });

  it('offers nothing when one report run cannot move, none runs, or the version is unknown', () => {
    expect(migrationTargets(['1.0.0', '1.1.0'], VERSIONS)).toEqual([]);
    expect(migrationTargets([], VERSIONS)).toEqual([]);
    expect(migrationTargets(['0.9.0'], VERSIONS)).toEqual([]);
  });
});

describe('addedFeatures', () => {
  it('lists what the target declares that the run lacks', () => {
    expect(addedFeatures(['1.0.0'], '1.1.0', VERSIONS)).toEqual(['SLA_ESCALATION']);
    expect(addedFeatures(['1.1.0'], '1.1.0', VERSIONS)).toEqual([]);
    expect(addedFeatures(['1.0.0'], '2.0.0', VERSIONS)).toEqual([]);
  });

  it('names features in words', () => {
    expect(featureLabel('SLA_ESCALATION')).toMatch(/SLA timers/);
    expect(featureLabel('SOMETHING_NEW')).toBe('Something new');
  });
});

describe('collectMigrations', () => {
  const record = (id: string, status: string, more: Partial<MigrationRecordLike> = {}): MigrationRecordLike => ({
    id,
    fromVersion: '1.0.0',
    toVersion: '1.1.0',
    status,
    atPhase: null,
    reason: null,
    requestedAt: '2026-11-25T10:00:00Z',
    appliedAt: null,
    ...more,
  });
  const migrated = (historyId: number, executionId: string, seq: number): WorkflowEventLike => ({
    seq,
    at: '2026-11-25T10:01:00Z',
    cycleId: '3',
    executionId,
    phase: 'SCOPING',
    kind: 'VERSION_MIGRATED',
    status: '1.1.0',
    detail: { from: '1.0.0', to: '1.1.0', historyId },
  });

  it('shows a pending move from the records alone, as after a reload', () => {
    const rows = collectMigrations([{ id: '21', migrations: [record('7', 'REQUESTED')] }], [], []);
    expect(rows).toEqual([
      {
        id: '7',
        executionId: '21',
        fromVersion: '1.0.0',
        toVersion: '1.1.0',
        status: 'REQUESTED',
        atPhase: null,
        reason: null,
        requestedAt: '2026-11-25T10:00:00Z',
        appliedAt: null,
      },
    ]);
  });

  it('shows applied and rejected moves with where and why, oldest first across report runs', () => {
    const runs = [
      { id: '22', migrations: [record('12', 'REJECTED', { reason: 'the run has finished' })] },
      {
        id: '21',
        migrations: [record('9', 'APPLIED', { atPhase: 'SCOPING', appliedAt: '2026-11-25T10:02:00Z' })],
      },
    ];
    const rows = collectMigrations(runs, [], []);
    expect(rows.map((r) => [r.id, r.executionId, r.status, r.atPhase, r.reason])).toEqual([
      ['9', '21', 'APPLIED', 'SCOPING', null],
      ['12', '22', 'REJECTED', null, 'the run has finished'],
    ]);
  });

  it('keeps a move asked for on this page until the records have it, then follows them', () => {
    const asked = migrationRow('21', record('7', 'REQUESTED'));
    expect(collectMigrations([{ id: '21', migrations: [] }], [asked], [])).toEqual([asked]);
    const [row] = collectMigrations([{ id: '21', migrations: [record('7', 'REJECTED', { reason: 'no' })] }], [asked], []);
    expect(row).toMatchObject({ id: '7', status: 'REJECTED', reason: 'no' });
  });

  it('marks a pending move applied on its VERSION_MIGRATED event, before the records are read again', () => {
    const [row] = collectMigrations([{ id: '21', migrations: [record('7', 'REQUESTED')] }], [], [migrated(7, '21', 40)]);
    expect(row).toMatchObject({ id: '7', status: 'APPLIED', atPhase: 'SCOPING', appliedAt: '2026-11-25T10:01:00Z' });
    expect(row?.requestedAt).toBe('2026-11-25T10:00:00Z');
  });

  it('lets the records win over an event for a move they already settled', () => {
    const applied = record('7', 'APPLIED', { atPhase: 'SAMPLE_SELECTION', appliedAt: '2026-11-25T10:05:00Z' });
    const [row] = collectMigrations([{ id: '21', migrations: [applied] }], [], [migrated(7, '21', 40)]);
    expect(row).toMatchObject({ status: 'APPLIED', atPhase: 'SAMPLE_SELECTION', appliedAt: '2026-11-25T10:05:00Z' });
  });

  it('shows an applied move the records lack yet, of this run only', () => {
    const rows = collectMigrations([{ id: '21', migrations: [] }], [], [migrated(5, '21', 30), migrated(2, '99', 10)]);
    expect(rows).toEqual([
      expect.objectContaining({ id: '5', executionId: '21', fromVersion: '1.0.0', toVersion: '1.1.0', status: 'APPLIED' }),
    ]);
  });

  it('ignores requests for report runs that are not this run\'s', () => {
    const elsewhere = migrationRow('99', record('3', 'REQUESTED'));
    expect(collectMigrations([{ id: '21', migrations: [] }], [elsewhere], [])).toEqual([]);
  });
});
