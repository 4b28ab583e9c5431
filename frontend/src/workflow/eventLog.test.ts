// Unit tests of the event log merge: order by seq, dedupe, resume point.
import { describe, expect, it } from 'vitest';
import { keepNewest, lastSeq, mergeEvents } from './eventLog';

const ev = (seq: number, kind = 'PHASE_STARTED') => ({ seq, kind });

describe('mergeEvents', () => {
  it('appends new events in order', () => {
    const log = mergeEvents([ev(1), ev(2)], [ev(3), ev(4)]);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('drops events already seen, e.g. a backlog replayed after a reconnect', () => {
    const log = [ev(1), ev(2), ev(3)];
    const merged = mergeEvents(log, [ev(2), ev(3), ev(4)]);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('drops duplicates within one batch', () => {
    expect(mergeEvents([], [ev(5), ev(5), ev(6)]).map((e) => e.seq)).toEqual([5, 6]);
  });

  it('sorts events that arrive out of order', () => {
    expect(mergeEvents([ev(1), ev(4)], [ev(3), ev(2)]).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('returns the same array when nothing is new', () => {
    const log = [ev(1), ev(2)];
    expect(mergeEvents(log, [ev(2)])).toBe(log);
    expect(mergeEvents(log, [])).toBe(log);
  });

  it('keeps the first copy of a seq', () => {
    const merged = mergeEvents([ev(1, 'A')], [ev(1, 'B')]);
    expect(merged[0]?.kind).toBe('A');
  });
});

describe('resume point and trimming', () => {
  it('reports the last seq, or nothing for an empty log', () => {
    expect(lastSeq([])).toBeUndefined();
    expect(lastSeq([ev(3), ev(9)])).toBe(9);
  });

  it('keeps the newest events', () => {
    expect(keepNewest([ev(1), ev(2), ev(3)], 2).map((e) => e.seq)).toEqual([2, 3]);
    const short = [ev(1)];
    expect(keepNewest(short, 2)).toBe(short);
  });
});
