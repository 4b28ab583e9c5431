// Opens one GraphQL subscription on the session's websocket for startResumableSubscription: one place for the plumbing every live view shares.
import type { TypedDocumentString } from '../gql/graphql';
import type { EventSink } from './resumableSubscription';
import type { LiveConnection } from './subscriptionClient';

/** Subscribes `document` with `variables`, handing each result's event (`pick`) to `sink`; returns the unsubscribe function. */
export function openLiveSubscription<R, V extends Record<string, unknown>, E>(
  live: LiveConnection,
  document: TypedDocumentString<R, V>,
  variables: V,
  pick: (data: R) => E,
  sink: EventSink<E>,
): () => void {
  const offConnected = live.client.on('connected', () => sink.connected());
  if (live.isConnected()) queueMicrotask(() => sink.connected());
  const unsubscribe = live.client.subscribe<R>(
    { query: document.toString(), variables },
    {
      next: (result) => {
        if (result.errors?.length) sink.error(result.errors);
        else if (result.data) sink.next(pick(result.data));
      },
      error: (error) => sink.error(error),
      complete: () => sink.complete(),
    },
  );
  return () => {
    offConnected();
    unsubscribe();
  };
}
