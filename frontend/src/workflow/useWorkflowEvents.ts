// React hook following the workflowEvents subscription, resuming after reconnects with afterSeq.
import { useEffect, useState } from 'react';
import type { ApiErrorDetail } from '../api/errors';
import { openLiveSubscription } from '../api/liveSubscription';
import { WorkflowEventsSubscription } from '../api/operations/workflow';
import { startResumableSubscription, type LiveStatus } from '../api/resumableSubscription';
import { useAuth } from '../auth/AuthContext';
import type { WorkflowEventsSubscription as WorkflowEventsResult } from '../gql/graphql';
import { keepNewest, mergeEvents } from './eventLog';

export type WorkflowEvent = WorkflowEventsResult['workflowEvents'];

export interface EventFilter {
  cycleId?: string;
  executionId?: string;
  /** true: replay the whole log first (afterSeq 0); false: live events only. */
  fromStart: boolean;
  /** Keep at most this many events (newest). */
  maxEvents?: number;
}

export interface LiveEvents {
  events: readonly WorkflowEvent[];
  status: LiveStatus;
  errors: ApiErrorDetail[] | undefined;
}

export function useWorkflowEvents({ cycleId, executionId, fromStart, maxEvents }: EventFilter): LiveEvents {
  const { live } = useAuth();
  const key = JSON.stringify([cycleId, executionId, fromStart, maxEvents]);
  const [state, setState] = useState<{ key: string; events: readonly WorkflowEvent[]; status: LiveStatus; errors?: ApiErrorDetail[] }>(
    { key: '', events: [], status: 'connecting' },
  );

  useEffect(() => {
    if (!live) return;
    const update = (change: (prev: typeof state) => Partial<typeof state>) =>
      setState((prev) => {
        const base = prev.key === key ? prev : { key, events: [], status: 'connecting' as LiveStatus };
        return { ...base, ...change(base) };
      });
    return startResumableSubscription<WorkflowEvent>({
      afterSeq: fromStart ? 0 : undefined,
      seqOf: (event) => event.seq,
      open: (afterSeq, sink) =>
        openLiveSubscription(
          live,
          WorkflowEventsSubscription,
          { cycleId: cycleId ?? null, executionId: executionId ?? null, afterSeq: afterSeq ?? null },
          (data) => data.workflowEvents,
          sink,
        ),
      onEvent: (event) =>
        update((prev) => {
          const merged = mergeEvents(prev.events, [event]);
          return { events: maxEvents ? keepNewest(merged, maxEvents) : merged };
        }),
      onStatus: (status, errors) => update(() => ({ status, errors })),
    });
  }, [live, key, cycleId, executionId, fromStart, maxEvents]);

  if (state.key !== key) return { events: [], status: live ? 'connecting' : 'stopped', errors: undefined };
  return { events: state.events, status: state.status, errors: state.errors };
}
