// Unit tests of the stored alerts' presentation: severities and types in words, order, counts, refetching events, failed runs left over.
import { describe, expect, it } from 'vitest';
import {
  alertRefreshKey,
  alertTypeLabel,
  countBySeverity,
  newestFirst,
  runsWithoutAlert,
  severityOf,
  severitySummary,
  splitByAcknowledgement,
  type AlertLike,
} from './alerts';

const alert = (id: string, createdAt: string, more: Partial<AlertLike> = {}): AlertLike => ({
  id,
  alertType: 'COMPENSATION',
  severity: 'WARNING',
  createdAt,
  acknowledgedAt: null,
  execution: null,
  ...more,
});

describe('severityOf and alertTypeLabel', () => {
  it('reads the three severities, anything else as info', () => {
    expect(severityOf('CRITICAL')).toBe('critical');
    expect(severityOf('WARNING')).toBe('warning');
    expect(severityOf('INFO')).toBe('info');
    expect(severityOf('SOMETHING_NEW')).toBe('info');
  });

  it('words the six types, and others as they come', () => {
    expect(alertTypeLabel('SLA_BREACH')).toBe('SLA breach');
    expect(alertTypeLabel('MANUAL_INTERVENTION')).toBe('Manual intervention');
    expect(alertTypeLabel('SLOW_STEP')).toBe('Slow step');
    expect(alertTypeLabel('DISK_FULL')).toBe('Disk full');
  });
});

describe('newestFirst and splitByAcknowledgement', () => {
  it('orders by when the alert was raised, then by id', () => {
    const list = [
      alert('2', '2026-11-27T10:00:00Z'),
      alert('9', '2026-11-27T09:00:00Z'),
      alert('10', '2026-11-27T10:00:00Z'),
      alert('1', '2026-11-27T11:00:00Z'),
    ];
    expect(newestFirst(list).map((a) => a.id)).toEqual(['1', '10', '2', '9']);
    expect(list.map((a) => a.id)).toEqual(['2', '9', '10', '1']);
  });

  it('keeps the open ones apart from the acknowledged ones', () => {
    const list = [
      alert('1', '2026-11-27T09:00:00Z', { acknowledgedAt: '2026-11-27T12:00:00Z' }),
      alert('2', '2026-11-27T10:00:00Z'),
      alert('3', '2026-11-27T11:00:00Z', { acknowledgedAt: '2026-11-27T11:30:00Z' }),
      alert('4', '2026-11-27T08:00:00Z'),
    ];
    const { open, acknowledged } = splitByAcknowledgement(list);
    expect(open.map((a) => a.id)).toEqual(['2', '4']);
    expect(acknowledged.map((a) => a.id)).toEqual(['3', '1']);
  });
});

describe('countBySeverity and severitySummary', () => {
  const list = [
    alert('1', '2026-11-27T09:00:00Z', { severity: 'WARNING' }),
    alert('2', '2026-11-27T09:00:00Z', { severity: 'CRITICAL' }),
    alert('3', '2026-11-27T09:00:00Z', { severity: 'WARNING' }),
  ];

  it('counts the most pressing first, leaving out absent severities', () => {
    expect(countBySeverity(list)).toEqual([
      { severity: 'critical', count: 1 },
      { severity: 'warning', count: 2 },
    ]);
  });

  it('says it in words', () => {
    expect(severitySummary(list)).toBe('1 critical, 2 warnings');
    expect(severitySummary(list.slice(0, 1))).toBe('1 warning');
    expect(severitySummary([])).toBe('none');
  });
});

describe('alertRefreshKey', () => {
  it('follows the newest alert or compensation event only', () => {
    expect(alertRefreshKey([])).toBeUndefined();
    expect(alertRefreshKey([{ seq: 4, kind: 'PHASE_STARTED' }])).toBeUndefined();
    const events = [
      { seq: 4, kind: 'ALERT_RAISED' },
      { seq: 5, kind: 'PHASE_FAILED' },
      { seq: 7, kind: 'COMPENSATED' },
      { seq: 8, kind: 'PHASE_SKIPPED' },
    ];
    expect(alertRefreshKey(events)).toBe(7);
    expect(alertRefreshKey([...events, { seq: 9, kind: 'RETRIED' }])).toBe(7);
  });
});

describe('runsWithoutAlert', () => {
  it('leaves out the failed runs an alert is about', () => {
    const runs = [{ id: '1' }, { id: '2' }, { id: '3' }];
    const alerts = [alert('a', '2026-11-27T09:00:00Z', { execution: { id: '2' } }), alert('b', '2026-11-27T09:00:00Z')];
    expect(runsWithoutAlert(runs, alerts)).toEqual([{ id: '1' }, { id: '3' }]);
  });
});
