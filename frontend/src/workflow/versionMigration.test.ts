// Unit tests of the migration targets of a running run, the features a version adds, and following migrations through the event log.
import { describe, expect, it } from 'vitest';
import type { WorkflowEventLike } from './eventLog';
import { addedFeatures, featureLabel, migrationTargets, runVersions, trackMigrations, type MigrationRow } from './versionMigration';

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

describe('trackMigrations', () => {
  const asked: MigrationRow = {
    id: '7',
    executionId: '21',
    fromVersion: '1.0.0',
    toVersion: '1.1.0',
    status: 'REQUESTED',
    atPhase: null,
    requestedAt: '2026-11-25T10:00:00Z',
    appliedAt: null,
  };
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

  it('keeps a request pending until its VERSION_MIGRATED event', () => {
    expect(trackMigrations([asked], [], ['21'])).toEqual([asked]);
    const [row] = trackMigrations([asked], [migrated(7, '21', 40)], ['21']);
    expect(row).toMatchObject({ id: '7', status: 'APPLIED', atPhase: 'SCOPING', appliedAt: '2026-11-25T10:01:00Z' });
    expect(row?.requestedAt).toBe(asked.requestedAt);
  });

  it('shows migrations applied before the page opened, of this run only', () => {
    const rows = trackMigrations([], [migrated(5, '21', 30), migrated(2, '99', 10)], ['21']);
    expect(rows).toEqual([
      expect.objectContaining({ id: '5', executionId: '21', fromVersion: '1.0.0', toVersion: '1.1.0', status: 'APPLIED' }),
    ]);
  });
});
