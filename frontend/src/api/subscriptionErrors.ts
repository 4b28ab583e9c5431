// Sorts a subscription failure into "retry with afterSeq" or "give up and show it", with error codes.
import type { ApiErrorDetail } from './errors';
import { parseGraphQLErrors } from './errors';

/** Close codes of graphql-transport-ws (and the server) that a retry cannot fix. */
const PERMANENT_CLOSE_CODES: Readonly<Record<number, string>> = {
  4400: 'BAD_REQUEST',
  4401: 'UNAUTHENTICATED',
  4403: 'UNAUTHENTICATED',
  4406: 'BAD_REQUEST',
  4409: 'CONFLICT',
  4429: 'BAD_REQUEST',
};

export interface ClassifiedError {
  /** True when retrying cannot help (bad token, forbidden, bad input, not found). */
  permanent: boolean;
  details: ApiErrorDetail[];
}

/** What graphql-ws hands a sink's `error`: GraphQL errors, a CloseEvent-like object, or an Error. */
export function classifySubscriptionError(error: unknown): ClassifiedError {
  if (Array.isArray(error)) {
    const details = parseGraphQLErrors(error);
    // UNAVAILABLE: the server lost its event feed and ended the stream; resuming is the cure.
    const permanent = details.some((d) => d.code !== 'UNAVAILABLE' && d.code !== 'INTERNAL_SERVER_ERROR');
    return { permanent, details };
  }
  if (error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'number') {
    const code = error.code;
    const reason = 'reason' in error && typeof error.reason === 'string' && error.reason ? error.reason : 'connection closed';
    const mapped = PERMANENT_CLOSE_CODES[code];
    if (mapped) return { permanent: true, details: [{ message: `${reason} (close code ${code})`, code: mapped }] };
    return { permanent: false, details: [{ message: `${reason} (close code ${code})`, code: 'NETWORK_ERROR' }] };
  }
  const message = error instanceof Error ? error.message : 'the live connection failed';
  return { permanent: false, details: [{ message, code: 'NETWORK_ERROR' }] };
}

/** Delay before reconnect attempt `attempt` (0-based): 0.5 s doubling up to 10 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
}
