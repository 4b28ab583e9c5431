// Sends typed GraphQL operations over POST /graphql with the bearer token and unwraps the answer.
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, parseGraphQLErrors } from './errors';

export interface RequestOptions {
  /** Bearer token; omitted for `login`. */
  token?: string | null;
  /** Endpoint; defaults to the same origin's /graphql. */
  endpoint?: string;
  signal?: AbortSignal;
}

/** Runs one operation and returns its data; throws ApiError on any GraphQL or network error. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError([{ message: 'the server could not be reached', code: 'NETWORK_ERROR' }]);
  }
  let body: { data?: TResult | null; errors?: unknown };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError([{ message: `the server answered HTTP ${response.status} without JSON`, code: 'NETWORK_ERROR' }]);
  }
  const errors = parseGraphQLErrors(body.errors);
  if (errors.length > 0) throw new ApiError(errors);
  if (body.data === undefined || body.data === null) {
    throw new ApiError([{ message: `the server answered HTTP ${response.status} without data`, code: 'NETWORK_ERROR' }]);
  }
  return body.data;
}
