/**
 * Player settings (volume, mute, reduced motion, text size, contrast, the player's name): read from storage as
 * untrusted input (anything malformed falls back to the default, field by field), saved on every
 * change, and applied to the page as classes and a root font size.
 */
import { cleanPlayerName } from '../../engine/session/player-name.ts';

export const TEXT_SIZES = [100, 125, 150] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface Settings {
  volume: number;
  muted: boolean;
  reducedMotion: boolean;
  textSize: TextSize;
  highContrast: boolean;
  /** The student's name for their session files: null until setup has asked once, "" when they chose to give none. */
  playerName: string | null;
}

const STORAGE_KEY = 'red-lines:settings';

export function defaultSettings(prefersReducedMotion: boolean): Settings {
  return { volume: 0.7, muted: false, reducedMotion: prefersReducedMotion, textSize: 100, highContrast: false, playerName: null };
}

/** Keeps each valid field of a stored value and the default for the rest. */
export function readSettings(raw: unknown, defaults: Settings): Settings {
  if (typeof raw !== 'object' || raw === null) return defaults;
  const value = raw as Record<string, unknown>;
  const volume = typeof value.volume === 'number' && value.volume >= 0 && value.volume <= 1 ? value.volume : defaults.volume;
  const flag = (key: 'muted' | 'reducedMotion' | 'highContrast') =>
    typeof value[key] === 'boolean' ? (value[key] as boolean) : defaults[key];
  const textSize = TEXT_SIZES.find((size) => size === value.textSize) ?? defaults.textSize;
  const playerName = typeof value.playerName === 'string' ? cleanPlayerName(value.playerName) : defaults.playerName;
  return { volume, muted: flag('muted'), reducedMotion: flag('reducedMotion'), textSize, highContrast: flag('highContrast'), playerName };
}

/** The stored value, or null when there is none, it is not JSON, or storage refuses to be read. */
function readStored(storage: Storage | null): unknown {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

export class SettingsStore {
  private value: Settings;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly storage: Storage | null,
    defaults: Settings,
  ) {
    this.value = readSettings(readStored(storage), defaults);
  }

  get current(): Settings {
    return this.value;
  }

  update(change: Partial<Settings>): void {
    this.value = readSettings({ ...this.value, ...change }, this.value);
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.value));
    } catch {
      // Storage full or blocked: the settings still apply for this visit.
    }
    for (const listener of this.listeners) listener(this.value);
  }

  subscribe(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function applySettingsToPage(settings: Settings, root: HTMLElement = document.documentElement): void {
  root.style.fontSize = `${settings.textSize}%`;
  root.classList.toggle('high-contrast', settings.highContrast);
  root.classList.toggle('reduced-motion', settings.reducedMotion);
}

/** Local storage when the browser allows it; null (settings kept in memory) when it does not. */
export function browserStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem(STORAGE_KEY);
    return storage;
  } catch {
    return null;
  }
}
