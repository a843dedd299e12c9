import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, readSettings, SettingsStore, TEXT_SIZES, type Settings } from '../src/game/app/settings.ts';
import { fuzzRuns } from './fuzz-values.ts';

/** The key the game stores its settings under; changing it would drop every player's saved settings. */
const KEY = 'red-lines:settings';

/** An in-memory Storage, with switches to make reading or writing throw as a blocked or full store does. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  failGet = false;
  failSet = false;
  setCalls = 0;

  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    if (this.failGet) throw new DOMExceptionLike('SecurityError');
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.setCalls++;
    if (this.failSet) throw new DOMExceptionLike('QuotaExceededError');
    this.items.set(key, String(value));
  }
}

class DOMExceptionLike extends Error {
  constructor(name: string) {
    super(`${name}: storage refused`);
    this.name = name;
  }
}

const defaults = defaultSettings(false);
const VALID: Settings = { volume: 0.25, muted: true, reducedMotion: true, textSize: 150, highContrast: true, playerName: 'Zoë Okafor' };

function storageWith(text: string | null): MemoryStorage {
  const storage = new MemoryStorage();
  if (text !== null) storage.items.set(KEY, text);
  return storage;
}

describe('defaultSettings', () => {
  it('is audible, unmuted, normal size, normal contrast, no name asked yet, and follows the reduced-motion preference', () => {
    const rest = { volume: 0.7, muted: false, textSize: 100, highContrast: false, playerName: null };
    expect(defaultSettings(false)).toEqual({ ...rest, reducedMotion: false });
    expect(defaultSettings(true)).toEqual({ ...rest, reducedMotion: true });
  });

  it('returns a fresh object each time', () => {
    const first = defaultSettings(false);
    first.volume = 0;
    expect(defaultSettings(false).volume).toBe(0.7);
  });

  it('offers the three text sizes', () => {
    expect([...TEXT_SIZES]).toEqual([100, 125, 150]);
  });
});

describe('readSettings', () => {
  it('keeps a fully valid value', () => {
    expect(readSettings({ ...VALID }, defaults)).toEqual(VALID);
  });

  it('falls back to the defaults for anything that is not an object', () => {
    for (const raw of [null, undefined, 0, 1, 'settings', true, Symbol('x'), () => VALID]) {
      expect(readSettings(raw, defaults)).toEqual(defaults);
    }
  });

  it('falls back field by field for arrays', () => {
    expect(readSettings([], defaults)).toEqual(defaults);
    expect(readSettings([0.2, true, true, 125, true, 'Alice'], defaults)).toEqual(defaults);
  });

  it('keeps the volume only from 0 to 1 inclusive', () => {
    const volume = (value: unknown) => readSettings({ ...VALID, volume: value }, defaults).volume;
    expect(volume(0)).toBe(0);
    expect(volume(1)).toBe(1);
    expect(volume(0.5)).toBe(0.5);
    for (const bad of [-0.01, 1.01, 7, -Infinity, Infinity, NaN, '0.5', null, true, [0.5], { value: 0.5 }]) expect(volume(bad)).toBe(0.7);
  });

  it('keeps the flags only when they are booleans', () => {
    const read = readSettings({ ...VALID, muted: 'true', reducedMotion: 1, highContrast: null }, defaults);
    expect(read).toEqual({ ...VALID, muted: false, reducedMotion: false, highContrast: false });
    const withMotionDefault = readSettings({ reducedMotion: 'yes' }, defaultSettings(true));
    expect(withMotionDefault.reducedMotion).toBe(true);
    expect(readSettings({ muted: false, highContrast: false }, { ...defaults, muted: true, highContrast: true })).toMatchObject({
      muted: false,
      highContrast: false,
    });
  });

  it('keeps only the known text sizes, as numbers', () => {
    const size = (value: unknown) => readSettings({ ...VALID, textSize: value }, defaults).textSize;
    expect(size(100)).toBe(100);
    expect(size(125)).toBe(125);
    expect(size(150)).toBe(150);
    for (const bad of [120, 200, 0, '125', '150%', null, NaN, [125]]) expect(size(bad)).toBe(100);
  });

  it('keeps the player’s name as one tidy line of at most 60 characters; "" once declined, null never asked', () => {
    const name = (value: unknown) => readSettings({ ...VALID, playerName: value }, defaults).playerName;
    expect(name('Alice')).toBe('Alice');
    expect(name('')).toBe('');
    expect(name('  Ada \n\t Lovelace\u0000 ')).toBe('Ada Lovelace');
    expect(name('<b>Bob</b>')).toBe('<b>Bob</b>');
    expect(name('x'.repeat(200))).toBe('x'.repeat(60));
    // A cut never splits a character made of two UTF-16 units.
    expect(name(`${'a'.repeat(59)}😀`)).toBe('a'.repeat(59));
    for (const bad of [null, 42, true, ['Alice'], { first: 'Alice' }]) expect(name(bad)).toBeNull();
    expect(readSettings({ ...VALID, playerName: 7 }, { ...defaults, playerName: 'Kept' }).playerName).toBe('Kept');
  });

  it('falls back field by field, keeping each valid one', () => {
    expect(
      readSettings({ volume: 2, muted: true, reducedMotion: 'no', textSize: 125, highContrast: 'on', playerName: 3 }, defaults),
    ).toEqual({
      volume: 0.7,
      muted: true,
      reducedMotion: false,
      textSize: 125,
      highContrast: false,
      playerName: null,
    });
    expect(readSettings({ volume: 0.1 }, defaults)).toEqual({ ...defaults, volume: 0.1 });
    expect(readSettings({}, defaults)).toEqual(defaults);
  });

  it('ignores unknown fields and returns exactly the six settings', () => {
    const read = readSettings({ ...VALID, admin: true, theme: 'dark' }, defaults);
    expect(Object.keys(read).sort()).toEqual(['highContrast', 'muted', 'playerName', 'reducedMotion', 'textSize', 'volume']);
    expect(read).toEqual(VALID);
  });

  it('is not fooled or polluted by a __proto__ payload', () => {
    const raw: unknown = JSON.parse('{"__proto__": {"volume": 0.1, "muted": true, "textSize": 150}, "highContrast": true}');
    const read = readSettings(raw, defaults);
    expect(read).toEqual({ ...defaults, highContrast: true });
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).muted).toBeUndefined();
    expect(({} as Record<string, unknown>).volume).toBeUndefined();
  });

  it('does not hand back the stored object itself', () => {
    const raw = { ...VALID };
    const read = readSettings(raw, defaults);
    raw.volume = 0.9;
    expect(read.volume).toBe(0.25);
  });

  it('always returns valid settings, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (raw) => {
        const read = readSettings(raw, defaults);
        expect(read.volume).toBeGreaterThanOrEqual(0);
        expect(read.volume).toBeLessThanOrEqual(1);
        expect(typeof read.muted).toBe('boolean');
        expect(typeof read.reducedMotion).toBe('boolean');
        expect(typeof read.highContrast).toBe('boolean');
        expect(TEXT_SIZES).toContain(read.textSize);
        expect(read.playerName === null || (typeof read.playerName === 'string' && read.playerName.length <= 60)).toBe(true);
        expect(readSettings(read, defaults)).toEqual(read);
      }),
      fuzzRuns(500),
    );
  });

  it('keeps every valid setting unchanged', () => {
    const settings = fc.record({
      volume: fc.double({ min: 0, max: 1, noNaN: true }),
      muted: fc.boolean(),
      reducedMotion: fc.boolean(),
      textSize: fc.constantFrom(...TEXT_SIZES),
      highContrast: fc.boolean(),
      playerName: fc.constantFrom(null, '', 'Alice', 'Zoë Okafor', 'Карина', '李雷'),
    });
    fc.assert(
      fc.property(settings, (value) => {
        expect(readSettings(JSON.parse(JSON.stringify(value)), defaults)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      fuzzRuns(300),
    );
  });
});

describe('SettingsStore', () => {
  it('starts from the defaults with empty storage or none at all', () => {
    expect(new SettingsStore(new MemoryStorage(), defaults).current).toEqual(defaults);
    expect(new SettingsStore(null, defaultSettings(true)).current).toEqual(defaultSettings(true));
  });

  it('reads the stored JSON', () => {
    expect(new SettingsStore(storageWith(JSON.stringify(VALID)), defaults).current).toEqual(VALID);
  });

  it('keeps the valid fields of a partly broken stored value', () => {
    const store = new SettingsStore(storageWith('{"volume": 3, "muted": true, "textSize": 125, "highContrast": "yes"}'), defaults);
    expect(store.current).toEqual({ ...defaults, muted: true, textSize: 125 });
  });

  it('ignores malformed or non-object JSON', () => {
    for (const text of ['{"volume": 0.2', 'not json', '', 'null', '42', '"text"', '[0.2, true]', 'undefined', '{"volume": 0.2}}']) {
      expect(new SettingsStore(storageWith(text), defaults).current, text).toEqual(defaults);
    }
  });

  it('survives a storage whose getItem throws', () => {
    const storage = storageWith(JSON.stringify(VALID));
    storage.failGet = true;
    const store = new SettingsStore(storage, defaults);
    expect(store.current).toEqual(defaults);
    store.update({ volume: 0.4 });
    expect(store.current.volume).toBe(0.4);
  });

  it('saves every update under its key, as JSON that a new store reads back', () => {
    const storage = new MemoryStorage();
    const store = new SettingsStore(storage, defaults);
    store.update({ volume: 0.3, textSize: 150 });
    expect(storage.setCalls).toBe(1);
    expect([...storage.items.keys()]).toEqual([KEY]);
    expect(JSON.parse(storage.items.get(KEY)!)).toEqual({ ...defaults, volume: 0.3, textSize: 150 });
    store.update({ highContrast: true });
    expect(storage.setCalls).toBe(2);
    expect(new SettingsStore(storage, defaultSettings(true)).current).toEqual({
      ...defaults,
      volume: 0.3,
      textSize: 150,
      highContrast: true,
    });
  });

  it('merges an update with the current settings and refuses invalid values, keeping the current ones', () => {
    const store = new SettingsStore(storageWith(JSON.stringify(VALID)), defaults);
    store.update({ muted: false });
    expect(store.current).toEqual({ ...VALID, muted: false });
    store.update({ volume: 1.5, textSize: 130 as Settings['textSize'] });
    expect(store.current).toEqual({ ...VALID, muted: false });
    store.update({ volume: 0 });
    expect(store.current.volume).toBe(0);
  });

  it('notifies subscribers with the new settings until they unsubscribe', () => {
    const store = new SettingsStore(new MemoryStorage(), defaults);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = store.subscribe(first);
    store.subscribe(second);
    store.update({ muted: true });
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenLastCalledWith({ ...defaults, muted: true });
    expect(second).toHaveBeenCalledTimes(1);
    stopFirst();
    store.update({ textSize: 125 });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenLastCalledWith({ ...defaults, muted: true, textSize: 125 });
  });

  it('notifies after saving, so a subscriber sees the stored value', () => {
    const storage = new MemoryStorage();
    const store = new SettingsStore(storage, defaults);
    let seen: unknown = null;
    store.subscribe(() => {
      seen = JSON.parse(storage.items.get(KEY)!);
    });
    store.update({ highContrast: true });
    expect(seen).toEqual({ ...defaults, highContrast: true });
  });

  it('survives a full storage: the update applies for this visit and subscribers hear of it', () => {
    const storage = new MemoryStorage();
    storage.failSet = true;
    const store = new SettingsStore(storage, defaults);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(() => store.update({ volume: 0.1, reducedMotion: true })).not.toThrow();
    expect(storage.setCalls).toBe(1);
    expect(storage.items.size).toBe(0);
    expect(store.current).toEqual({ ...defaults, volume: 0.1, reducedMotion: true });
    expect(listener).toHaveBeenCalledWith({ ...defaults, volume: 0.1, reducedMotion: true });
  });

  it('works without any storage', () => {
    const store = new SettingsStore(null, defaults);
    const listener = vi.fn();
    store.subscribe(listener);
    store.update({ textSize: 125 });
    expect(store.current.textSize).toBe(125);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
