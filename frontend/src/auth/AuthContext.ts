// The React context carrying the session, sign-in/out, and the session's subscription client.
import { createContext, useContext } from 'react';
import type { LiveConnection } from '../api/subscriptionClient';
import type { Session } from './session';

export interface AuthState {
  session: Session | null;
  login: (username: string, password: string) => Promise<void>;
  logout: () => void;
  /** The session's websocket for subscriptions; null when signed out. */
  live: LiveConnection | null;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The auth state; throws when used outside <AuthProvider>. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs <AuthProvider>');
  return state;
}

/** The signed-in session; for pages behind <RequireAuth>. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession needs a signed-in user');
  return session;
}
