// React hook following taskEvents: the tasks addressed to the signed-in user opening, closing and being withdrawn, live.
import { useEffect, useState } from 'react';
import type { ApiErrorDetail } from '../api/errors';
import { openLiveSubscription } from '../api/liveSubscription';
import { TaskEventsSubscription } from '../api/operations/tasks';
import { startResumableSubscription, type LiveStatus } from '../api/resumableSubscription';
import { useAuth } from '../auth/AuthContext';
import type { TaskEventsSubscription as TaskEventsResult } from '../gql/graphql';

type TaskEvent = TaskEventsResult['taskEvents'];

export interface InboxChanges {
  /** The seq of the latest change seen: a new value means the inbox changed. */
  lastSeq: number | undefined;
  status: LiveStatus;
  errors: ApiErrorDetail[] | undefined;
}

export function useTaskEvents(): InboxChanges {
  const { live } = useAuth();
  const [state, setState] = useState<InboxChanges>({ lastSeq: undefined, status: 'connecting', errors: undefined });

  useEffect(() => {
    if (!live) return;
    return startResumableSubscription<TaskEvent>({
      seqOf: (event) => event.seq,
      open: (afterSeq, sink) =>
        openLiveSubscription(live, TaskEventsSubscription, { afterSeq: afterSeq ?? null }, (data) => data.taskEvents, sink),
      onEvent: (event) => setState((prev) => ({ ...prev, lastSeq: event.seq })),
      onStatus: (status, errors) => setState((prev) => ({ ...prev, status, errors })),
    });
  }, [live]);

  return live ? state : { lastSeq: undefined, status: 'stopped', errors: undefined };
}
