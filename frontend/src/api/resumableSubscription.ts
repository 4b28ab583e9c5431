// Keeps an event subscription alive across reconnects, resuming with afterSeq = the last seq seen.
import type { ApiErrorDetail } from './errors';
import { classifySubscriptionError, reconnectDelayMs } from './subscriptionErrors';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'failed' | 'stopped';

/** What `open` reports back: events, a failure, the end of the stream, or that the socket is up. */
export interface EventSink<E> {
  next(event: E): void;
  error(error: unknown): void;
  complete(): void;
  connected(): void;
}

export interface ResumableOptions<E> {
  /** Subscribes once, from `afterSeq` (undefined: live only); returns the unsubscribe function. */
  open(afterSeq: number | undefined, sink: EventSink<E>): () => void;
  seqOf(event: E): number;
  /** Where to start: 0 for the whole log, undefined for live events only. */
  afterSeq?: number;
  onEvent(event: E): void;
  onStatus(status: LiveStatus, errors?: ApiErrorDetail[]): void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Starts the subscription; returns a function that stops it for good. */
export function startResumableSubscription<E>(options: ResumableOptions<E>): () => void {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let lastSeq = options.afterSeq;
  let attempt = 0;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let timer: unknown = null;
  let generation = 0;

  const connect = () => {
    timer = null;
    const mine = ++generation;
    const current = () => !stopped && mine === generation;
    if (mine === 1) options.onStatus('connecting');
    unsubscribe = options.open(lastSeq, {
      next(event) {
        if (!current()) return;
        const seq = options.seqOf(event);
        if (lastSeq !== undefined && seq <= lastSeq) return;
        lastSeq = seq;
        attempt = 0;
        options.onEvent(event);
      },
      connected() {
        if (!current()) return;
        attempt = 0;
        options.onStatus('live');
      },
      error(error) {
        if (!current()) return;
        const { permanent, details } = classifySubscriptionError(error);
        if (permanent) {
          stopped = true;
          options.onStatus('failed', details);
          return;
        }
        retry(details);
      },
      complete() {
        if (!current()) return;
        // The server ended the stream (e.g. it is shutting down): resume where we were.
        retry();
      },
    });
  };

  const retry = (details?: ApiErrorDetail[]) => {
    generation++;
    unsubscribe?.();
    unsubscribe = null;
    options.onStatus('reconnecting', details);
    timer = setTimer(connect, reconnectDelayMs(attempt));
    attempt++;
  };

  connect();
  return () => {
    const failed = stopped;
    stopped = true;
    generation++;
    if (timer !== null) clearTimer(timer);
    timer = null;
    unsubscribe?.();
    unsubscribe = null;
    if (!failed) options.onStatus('stopped');
  };
}
