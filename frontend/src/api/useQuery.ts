// React hook running a typed GraphQL query with the session's token; refetch on demand, no polling.
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, toErrorDetails } from './errors';
import { execute } from './graphqlClient';

export interface QueryResult<TResult> {
  data: TResult | undefined;
  error: ApiError | undefined;
  /** True until the first answer for the current variables (and while a refetch runs). */
  loading: boolean;
  refetch: () => void;
}

export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): QueryResult<TResult> {
  const { session } = useAuth();
  const token = session?.token ?? null;
  const variablesKey = JSON.stringify(variables);
  const [version, setVersion] = useState(0);
  const requestKey = `${variablesKey}#${version}`;
  const [state, setState] = useState<{ key: string; data?: TResult; error?: ApiError }>({ key: '' });

  useEffect(() => {
    const controller = new AbortController();
    const vars = JSON.parse(requestKey.slice(0, requestKey.lastIndexOf('#'))) as TVariables;
    execute(document, vars, { token, signal: controller.signal }).then(
      (data) => setState({ key: requestKey, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(toErrorDetails(error));
        setState((prev) => ({ key: requestKey, data: prev.data, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [document, requestKey, token]);

  const refetch = useCallback(() => setVersion((v) => v + 1), []);
  const sameVariables = state.key.slice(0, state.key.lastIndexOf('#')) === variablesKey;
  return {
    data: sameVariables ? state.data : undefined,
    error: sameVariables ? state.error : undefined,
    loading: state.key !== requestKey,
    refetch,
  };
}
