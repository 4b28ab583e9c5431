// Unit tests of scheduled starts: the datetime-local value as UTC, the start button's label, and the current run's status.
import { describe, expect, it } from 'vitest';
import { EMPTY_BOARD, type RunBoard } from './runBoard';
import { currentRun, localInputToIso, startButtonLabel } from './schedule';

describe('localInputToIso', () => {
  it('reads the value as local time and answers UTC', () => {
    const iso = localInputToIso('2026-11-27T14:30');
    expect(iso).toBe(new Date(2026, 10, 27, 14, 30).toISOString());
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
  });

  it('keeps seconds and milliseconds when the input has them', () => {
    expect(localInputToIso('2026-11-27T14:30:15')).toBe(new Date(2026, 10, 27, 14, 30, 15).toISOString());
    expect(localInputToIso('2026-11-27T14:30:15.5')).toBe(new Date(2026, 10, 27, 14, 30, 15, 500).toISOString());
  });

  it('answers null for empty (start now) and for what is not a local time', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('   ')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
    expect(localInputToIso('2026-11-27')).toBeNull();
    expect(localInputToIso('2026-11-27T14:30Z')).toBeNull();
    expect(localInputToIso('2026-02-31T10:00')).toBeNull();
    expect(localInputToIso('2026-13-01T10:00')).toBeNull();
    expect(localInputToIso('2026-11-27T24:00')).toBeNull();
    expect(localInputToIso('2026-11-27T10:60')).toBeNull();
  });

  it('reads single-digit months, days, hours and minutes as the local time they name', () => {
    const date = new Date(2027, 0, 5, 9, 7);
    expect(localInputToIso('2027-01-05T09:07')).toBe(date.toISOString());
  });
});

describe('startButtonLabel', () => {
  it('says Schedule workflow once a start time is set', () => {
    expect(startButtonLabel('', false)).toBe('Start Workflow');
    expect(startButtonLabel('2026-11-27T14:30', false)).toBe('Schedule workflow');
    expect(startButtonLabel('', true)).toBe('Starting…');
    expect(startButtonLabel('2026-11-27T14:30', true)).toBe('Scheduling…');
  });
});

describe('currentRun', () => {
  const at = '2026-11-27T15:00:00Z';
  const earlierRun: RunBoard = { ...EMPTY_BOARD, executionId: '7', status: 'CANCELLED', startedAt: at, lastSeq: 40 };

  it('shows a waiting scheduled run as PENDING with its time, and no phases begun', () => {
    const run = currentRun(EMPTY_BOARD, { id: '9', status: 'PENDING', scheduledFor: at });
    expect(run).toEqual({ status: 'PENDING', scheduledFor: at, board: EMPTY_BOARD });
  });

  it('does not let an earlier run on the board hide the waiting one', () => {
    const run = currentRun(earlierRun, { id: '9', status: 'PENDING', scheduledFor: at });
    expect(run.status).toBe('PENDING');
    expect(run.scheduledFor).toBe(at);
    expect(run.board.reports).toEqual([]);
    expect(run.board.executionId).toBeNull();
  });

  it('follows the board once the scheduled run has begun', () => {
    const begun: RunBoard = { ...EMPTY_BOARD, executionId: '9', status: 'RUNNING', startedAt: at, lastSeq: 41 };
    // The fetched execution may still say PENDING until the page refetches it.
    expect(currentRun(begun, { id: '9', status: 'PENDING', scheduledFor: at })).toEqual({
      status: 'RUNNING',
      scheduledFor: null,
      board: begun,
    });
  });

  it('has no scheduled time for a run started at once, nor after a scheduled one ended', () => {
    expect(currentRun(EMPTY_BOARD, { id: '9', status: 'RUNNING', scheduledFor: null }).scheduledFor).toBeNull();
    expect(currentRun(earlierRun, { id: '7', status: 'CANCELLED', scheduledFor: at })).toEqual({
      status: 'CANCELLED',
      scheduledFor: null,
      board: earlierRun,
    });
    expect(currentRun(EMPTY_BOARD, { id: '9', status: 'CANCELLED', scheduledFor: at }).status).toBe('CANCELLED');
    expect(currentRun(EMPTY_BOARD, null)).toEqual({ status: null, scheduledFor: null, board: EMPTY_BOARD });
  });
});
