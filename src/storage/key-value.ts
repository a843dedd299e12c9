/**
 * Where the game keeps things between visits: IndexedDB (through idb-keyval) where the browser
 * offers it, local storage where it does not, memory as the last resort. Every failure, a full
 * quota included, comes back as a message; nothing here throws at its callers.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

export type Saved = { ok: true } | { ok: false; message: string };

export interface KeyValueStore {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<Saved>;
  delete(key: string): Promise<void>;
  /** Every key that starts with `prefix`, with its value. */
  entries(prefix: string): Promise<[string, unknown][]>;
}

const PREFIX = 'red-lines:';

function quotaMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError'
    ? 'The browser’s storage is full: this game is no longer being saved. Download the session file from the debrief to keep it.'
    : 'The browser would not save this game. Download the session file from the debrief to keep it.';
}

function indexedDbStore(store: UseStore): KeyValueStore {
  return {
    kind: 'indexeddb',
    get: (key) => get(key, store).catch(() => undefined),
    set: (key, value) =>
      set(key, value, store).then(
        (): Saved => ({ ok: true }),
        (error: unknown): Saved => ({ ok: false, message: quotaMessage(error) }),
      ),
    delete: (key) => del(key, store).catch(() => undefined),
    entries: async (prefix) => {
      try {
        return (await entries<IDBValidKey, unknown>(store)).filter(
          (entry): entry is [string, unknown] => typeof entry[0] === 'string' && entry[0].startsWith(prefix),
        );
      } catch {
        return [];
      }
    },
  };
}

function localStore(storage: Storage): KeyValueStore {
  return {
    kind: 'localstorage',
    get: async (key) => {
      try {
        const text = storage.getItem(PREFIX + key);
        return text === null ? undefined : (JSON.parse(text) as unknown);
      } catch {
        return undefined;
      }
    },
    set: async (key, value) => {
      try {
        storage.setItem(PREFIX + key, JSON.stringify(value));
        return { ok: true };
      } catch (error) {
        return { ok: false, message: quotaMessage(error) };
      }
    },
    delete: async (key) => {
      try {
        storage.removeItem(PREFIX + key);
      } catch {
        // Nothing to remove, or storage refuses: either way the key is gone for this visit.
      }
    },
    entries: async (prefix) => {
      const found: [string, unknown][] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(PREFIX + prefix))
            found.push([key.slice(PREFIX.length), JSON.parse(storage.getItem(key) ?? 'null') as unknown]);
        }
      } catch {
        // Unreadable storage lists nothing.
      }
      return found;
    },
  };
}

function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    kind: 'memory',
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => {
      values.set(key, structuredClone(value));
      return { ok: true };
    },
    delete: async (key) => {
      values.delete(key);
    },
    entries: async (prefix) => [...values].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key, structuredClone(value)]),
  };
}

/** The best store this browser allows. IndexedDB is probed with a real write, since private modes may refuse it. */
export async function openKeyValueStore(): Promise<KeyValueStore> {
  try {
    if (typeof indexedDB !== 'undefined') {
      const store = createStore('red-lines', 'keyval');
      await set('probe', 1, store);
      return indexedDbStore(store);
    }
  } catch {
    // Fall through to local storage.
  }
  try {
    window.localStorage.setItem(`${PREFIX}probe`, '1');
    return localStore(window.localStorage);
  } catch {
    return memoryStore();
  }
}
