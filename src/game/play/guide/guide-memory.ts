/**
 * Whether this browser has seen the guided first game: one small record in local storage beside
 * the settings (read as untrusted input; anything else than a stored "seen" shows the guide), kept
 * in memory when the browser refuses storage. "Show the guide again" clears it.
 */
import { browserStorage } from '../../app/settings.ts';

export const GUIDE_KEY = 'red-lines:guide';

/** The stored value says the guide was seen: `{"seen":true}` and nothing less. */
export function readSeen(text: string | null): boolean {
  if (!text) return false;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && (value as Record<string, unknown>).seen === true;
  } catch {
    return false;
  }
}

export class GuideMemory {
  /** Stands in for storage that cannot be read or written. */
  private fallback = false;

  constructor(private readonly storage: Storage | null) {}

  get seen(): boolean {
    try {
      return this.storage ? readSeen(this.storage.getItem(GUIDE_KEY)) || this.fallback : this.fallback;
    } catch {
      return this.fallback;
    }
  }

  set seen(seen: boolean) {
    this.fallback = seen;
    try {
      if (seen) this.storage?.setItem(GUIDE_KEY, JSON.stringify({ seen: true }));
      else this.storage?.removeItem(GUIDE_KEY);
    } catch {
      // Storage full or blocked: the guide is remembered for this visit only.
    }
  }
}

let shared: GuideMemory | null = null;

/** The browser's guide memory (opened on first use). */
export function guideMemory(): GuideMemory {
  shared ??= new GuideMemory(browserStorage());
  return shared;
}
