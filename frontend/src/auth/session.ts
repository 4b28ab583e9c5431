// The signed-in session kept in localStorage: the JWT and who it belongs to.
import type { Role } from '../gql/graphql';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'synapse.session';

/** The stored session, or null when there is none or it is unreadable. */
export function loadSession(storage: Storage = localStorage): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== 'string' || !parsed.user || typeof parsed.user.role !== 'string') return null;
    return parsed as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
