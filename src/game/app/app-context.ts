/**
 * What every scene shares: settings, the live-region announcer, the sound board, the DOM layer
 * over the canvas, and the lazily loaded play module (the engine, its schema validation and the
 * play scenes stay out of the start-up bundle until a player chooses to play).
 */
import type { SoundBoard } from '../audio/sound-board.ts';
import type { Announcer } from '../ui/announcer.ts';
import type { SettingsStore } from './settings.ts';

export interface AppContext {
  settings: SettingsStore;
  announcer: Announcer;
  sound: SoundBoard;
  /** The DOM layer above the canvas that holds every control and text. */
  ui: HTMLElement;
  /** Loads (once) and installs the play scenes; resolves when they can be started. */
  loadPlay(): Promise<void>;
  /** A scenario address from the page's `?scenario=` link, until the picker has taken it. */
  scenarioLink: string | null;
}
