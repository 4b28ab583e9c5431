// Unit tests of reading GraphQL errors with their extensions.code, and of the websocket address.
import { describe, expect, it } from 'vitest';
import { ApiError, parseGraphQLErrors, toErrorDetails } from './errors';
import { defaultSubscriptionUrl } from './subscriptionClient';

describe('parseGraphQLErrors', () => {
  it('keeps message, code and path', () => {
    const details = parseGraphQLErrors([
      { message: 'your role may not start or cancel workflows', path: ['startWorkflow'], extensions: { code: 'FORBIDDEN' } },
      { message: 'odd' },
    ]);
    expect(details).toEqual([
      { message: 'your role may not start or cancel workflows', code: 'FORBIDDEN', path: 'startWorkflow' },
      { message: 'odd', code: 'UNKNOWN' },
    ]);
    expect(parseGraphQLErrors(undefined)).toEqual([]);
  });

  it('turns any failure into details with a code', () => {
    const error = new ApiError([{ message: 'cycle 9', code: 'NOT_FOUND' }]);
    expect(error.hasCode('NOT_FOUND')).toBe(true);
    expect(error.message).toBe('NOT_FOUND: cycle 9');
    expect(toErrorDetails(error)).toBe(error.details);
    expect(toErrorDetails(new Error('boom'))).toEqual([{ message: 'boom', code: 'CLIENT_ERROR' }]);
  });
});

describe('defaultSubscriptionUrl', () => {
  it('follows the page: ws on http, wss on https', () => {
    expect(defaultSubscriptionUrl({ protocol: 'http:', host: '127.0.0.1:5173' })).toBe('ws://127.0.0.1:5173/graphql/ws');
    expect(defaultSubscriptionUrl({ protocol: 'https:', host: 'synapse.example' })).toBe('wss://synapse.example/graphql/ws');
  });
});
