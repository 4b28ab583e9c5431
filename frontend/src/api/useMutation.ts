// React hook running a typed GraphQL mutation with the session's token, tracking its progress and error.
import { useCallback, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, toErrorDetails } from './errors';
import { execute } from './graphqlClient';

export interface MutationState {
  running: boolean;
  error: ApiError | undefined;
}

/** Returns `run(variables)`, resolving to the data or to undefined after an error (kept in state). */
export function useMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
): [(variables: TVariables) => Promise<TResult | undefined>, MutationState] {
  const { session } = useAuth();
  const token = session?.token ?? null;
  const [state, setState] = useState<MutationState>({ running: false, error: undefined });
  const run = useCallback(
    async (variables: TVariables) => {
      setState({ running: true, error: undefined });
      try {
        const data = await execute(document, variables, { token });
        setState({ running: false, error: undefined });
        return data;
      } catch (error) {
        setState({ running: false, error: error instanceof ApiError ? error : new ApiError(toErrorDetails(error)) });
        return undefined;
      }
    },
    [document, token],
  );
  return [run, state];
}
