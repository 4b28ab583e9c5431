// Unit tests of resuming an event subscription after a reconnect with afterSeq, with no duplicates.
import { describe, expect, it } from 'vitest';
import type { EventSink, LiveStatus } from './resumableSubscription';
import { startResumableSubscription } from './resumableSubscription';
import { classifySubscriptionError, reconnectDelayMs } from './subscriptionErrors';

interface Ev {
  seq: number;
}

/** A fake server: records each subscribe with its afterSeq and lets the test drive the sinks. */
function harness(afterSeq?: number) {
  const opens: { afterSeq: number | undefined; sink: EventSink<Ev>; closed: boolean }[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const received: number[] = [];
  const statuses: LiveStatus[] = [];
  const stop = startResumableSubscription<Ev>({
    afterSeq,
    open(from, sink) {
      const entry = { afterSeq: from, sink, closed: false };
      opens.push(entry);
      return () => {
        entry.closed = true;
      };
    },
    seqOf: (e) => e.seq,
    onEvent: (e) => received.push(e.seq),
    onStatus: (s) => statuses.push(s),
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
  });
  const last = () => opens.at(-1)!;
  return { opens, timers, received, statuses, stop, last };
}

describe('startResumableSubscription', () => {
  it('subscribes from the given seq and passes events on', () => {
    const h = harness(0);
    expect(h.opens[0]!.afterSeq).toBe(0);
    h.last().sink.connected();
    h.last().sink.next({ seq: 1 });
    h.last().sink.next({ seq: 2 });
    expect(h.received).toEqual([1, 2]);
    expect(h.statuses).toEqual(['connecting', 'live']);
  });

  it('resumes after a dropped connection from the last seq seen', () => {
    const h = harness(0);
    h.last().sink.next({ seq: 1 });
    h.last().sink.next({ seq: 2 });
    h.last().sink.error({ code: 1006, reason: '' });
    expect(h.opens[0]!.closed).toBe(true);
    expect(h.statuses.at(-1)).toBe('reconnecting');
    expect(h.timers).toHaveLength(1);
    h.timers[0]!.run();
    expect(h.opens).toHaveLength(2);
    expect(h.last().afterSeq).toBe(2);
    h.last().sink.connected();
    h.last().sink.next({ seq: 2 });
    h.last().sink.next({ seq: 3 });
    expect(h.received).toEqual([1, 2, 3]);
    expect(h.statuses.at(-1)).toBe('live');
  });

  it('resumes when the server ends the stream, and backs off on repeated failures', () => {
    const h = harness(5);
    h.last().sink.complete();
    h.timers[0]!.run();
    expect(h.last().afterSeq).toBe(5);
    h.last().sink.error(new Error('socket hang up'));
    h.timers[1]!.run();
    expect(h.timers.map((t) => t.ms)).toEqual([500, 1000]);
  });

  it('ignores events from a subscription it has replaced', () => {
    const h = harness(0);
    const first = h.last();
    first.sink.error({ code: 1006 });
    h.timers[0]!.run();
    first.sink.next({ seq: 9 });
    expect(h.received).toEqual([]);
  });

  it('gives up on errors a retry cannot fix', () => {
    const h = harness(0);
    h.last().sink.error([{ message: 'cycle 99', extensions: { code: 'NOT_FOUND' } }]);
    expect(h.statuses.at(-1)).toBe('failed');
    expect(h.timers).toHaveLength(0);
  });

  it('stops for good', () => {
    const h = harness();
    h.stop();
    expect(h.last().closed).toBe(true);
    expect(h.statuses.at(-1)).toBe('stopped');
    h.last().sink.error({ code: 1006 });
    expect(h.timers).toHaveLength(0);
  });
});

describe('classifySubscriptionError', () => {
  it('retries dropped sockets and an event feed the server lost', () => {
    expect(classifySubscriptionError({ code: 1006, reason: '' }).permanent).toBe(false);
    expect(classifySubscriptionError([{ message: 'listener lost', extensions: { code: 'UNAVAILABLE' } }]).permanent).toBe(
      false,
    );
  });

  it('gives up on a refused token and on GraphQL errors, keeping their codes', () => {
    expect(classifySubscriptionError({ code: 4403, reason: 'Forbidden' })).toEqual({
      permanent: true,
      details: [{ message: 'Forbidden (close code 4403)', code: 'UNAUTHENTICATED' }],
    });
    const forbidden = classifySubscriptionError([{ message: 'no', extensions: { code: 'FORBIDDEN' } }]);
    expect(forbidden.permanent).toBe(true);
    expect(forbidden.details[0]?.code).toBe('FORBIDDEN');
  });

  it('doubles the delay up to a ceiling', () => {
    expect([0, 1, 2, 10].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 10_000]);
  });
});
