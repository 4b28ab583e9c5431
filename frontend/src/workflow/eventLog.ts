// The client's copy of the ordered event log: merges live and replayed events, dropping duplicates by seq.
import type { Phase } from '../gql/graphql';

/** The fields of a WorkflowEvent the UI reads (the generated subscription type has them all). */
export interface WorkflowEventLike {
  seq: number;
  at: string;
  cycleId: string;
  reportId?: string | null;
  executionId?: string | null;
  phase?: Phase | null;
  kind: string;
  status: string;
  detail: unknown;
}

/**
 * Adds `incoming` to `log` (sorted by seq), keeping one event per seq. Returns `log` itself when
 * nothing is new, so React sees no change.
 */
export function mergeEvents<E extends { seq: number }>(log: readonly E[], incoming: readonly E[]): readonly E[] {
  const seen = new Set(log.map((e) => e.seq));
  const fresh: E[] = [];
  for (const event of incoming) {
    if (seen.has(event.seq)) continue;
    seen.add(event.seq);
    fresh.push(event);
  }
  if (fresh.length === 0) return log;
  const last = log.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
  const inOrder = fresh.every((e, i) => e.seq > (i === 0 ? last : (fresh[i - 1]?.seq ?? last)));
  if (inOrder) return [...log, ...fresh];
  return [...log, ...fresh].sort((a, b) => a.seq - b.seq);
}

/** The highest seq seen, to resume a subscription with `afterSeq`. */
export function lastSeq(log: readonly { seq: number }[]): number | undefined {
  return log.at(-1)?.seq;
}

/** Keeps only the newest `max` events (for feeds that must not grow without bound). */
export function keepNewest<E>(log: readonly E[], max: number): readonly E[] {
  return log.length <= max ? log : log.slice(log.length - max);
}
