// Provides the session: signs in with the login mutation, checks a stored token with `me`, signs out.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/errors';
import { execute } from '../api/graphqlClient';
import { LoginMutation, MeQuery } from '../api/operations/auth';
import { createLiveConnection } from '../api/subscriptionClient';
import { AuthContext, type AuthState } from './AuthContext';
import { clearSession, loadSession, saveSession, type Session } from './session';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const token = session?.token ?? null;

  const logout = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const { login: payload } = await execute(LoginMutation, { username, password });
    const next: Session = { token: payload.token, user: payload.user };
    saveSession(next);
    setSession(next);
  }, []);

  // A stored token may have expired or its user changed: check it once per token.
  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    execute(MeQuery, {}, { token, signal: controller.signal }).then(
      ({ me }) => {
        setSession((current) => {
          if (!current || current.token !== token) return current;
          const next = { token, user: me };
          saveSession(next);
          return next;
        });
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.hasCode('UNAUTHENTICATED')) logout();
      },
    );
    return () => controller.abort();
  }, [token, logout]);

  const live = useMemo(() => (token ? createLiveConnection(token) : null), [token]);
  useEffect(() => () => void live?.client.dispose(), [live]);

  const value = useMemo<AuthState>(() => ({ session, login, logout, live }), [session, login, logout, live]);
  return <AuthContext value={value}>{children}</AuthContext>;
}
