// Creates the graphql-ws connection for /graphql/ws, authenticated by the connection_init payload.
import { createClient, type Client } from 'graphql-ws';

/** The session's websocket client and whether its socket is open right now. */
export interface LiveConnection {
  client: Client;
  isConnected(): boolean;
}

/** ws(s)://<this host>/graphql/ws, so the dev proxy and the Rust server both work. */
export function defaultSubscriptionUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql/ws`;
}

/**
 * One socket per signed-in session, opened while something subscribes (and kept a few seconds
 * after, so moving between pages reuses it). graphql-ws does not retry here: resumableSubscription
 * reconnects by itself so that it can resume with the last seq it saw.
 */
export function createLiveConnection(token: string, url: string = defaultSubscriptionUrl()): LiveConnection {
  let connected = false;
  const client = createClient({
    url,
    connectionParams: { Authorization: `Bearer ${token}` },
    lazy: true,
    lazyCloseTimeout: 3000,
    retryAttempts: 0,
    keepAlive: 20_000,
    on: {
      connected: () => {
        connected = true;
      },
      closed: () => {
        connected = false;
      },
    },
  });
  return { client, isConnected: () => connected };
}
