/**
 * What every scene shares: settings, the live-region announcer, the sound board, the DOM layer
 * over the canvas, and the lazily loaded play module (the engine, its schema validation and the
 * play scenes stay out of the start-up bundle until a player chooses to play).
 */
import type { KeyValueStore } from '../../storage/key-value.ts';
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
  loadPlay(): Promise<PlayApi>;
  /** Where games are kept between visits (opened as the page starts). */
  storage: Promise<KeyValueStore>;
  /** Shows a short message over every screen (and says it in the live region). */
  notify(message: string): void;
  /** A scenario address from the page's `?scenario=` link, until the picker has taken it. */
  scenarioLink: string | null;
}

/** What the menu scenes may ask of the play module once it is loaded. */
export interface PlayApi {
  /** Restores the game in progress when the page was last left; the key of the screen that shows it, or null. */
  resume(saved: unknown): Promise<string | null>;
  /** Opens the session a share link holds in the replay viewer; the scene and its data, or null (with a message). */
  openShared(fragment: string): Promise<{ screen: string; data: object } | null>;
}

/** The storage key that names the game in progress (its id in the saved-games library). */
export const CURRENT_GAME_KEY = 'current-game';
