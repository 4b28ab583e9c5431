// Unit tests of keeping the session in storage, including unreadable leftovers.
import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession, type Session } from './session';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const session: Session = {
  token: 'jwt',
  user: { id: '2', username: 'test-manager', displayName: 'Tom Manager', role: 'TEST_MANAGER' },
};

describe('session storage', () => {
  it('saves, loads and clears the session', () => {
    const storage = memoryStorage();
    expect(loadSession(storage)).toBeNull();
    saveSession(session, storage);
    expect(loadSession(storage)).toEqual(session);
    clearSession(storage);
    expect(loadSession(storage)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('synapse.session', '{not json');
    expect(loadSession(storage)).toBeNull();
    storage.setItem('synapse.session', JSON.stringify({ token: 'jwt' }));
    expect(loadSession(storage)).toBeNull();
  });
});
