/**
 * What the play scenes share: the scenario catalogue and the game in progress — starting one,
 * opening or forking a saved one, ending it — and the screen that shows it. What follows each
 * event is done by listeners on the run: the autosave (autosave.ts) and the narration and sound
 * (game-voice.ts).
 */
import type { GameState, Setup } from '../../engine/rules/state.ts';
import { setupOf, type Players } from '../../engine/session/format.ts';
import { verifySession, type LoadedSession } from '../../engine/session/load.ts';
import { sameScenario } from '../../engine/session/scenario-diff.ts';
import { formatProblem } from '../../engine/scenario/problems.ts';
import type { AppContext, PlayApi } from '../app/app-context.ts';
import { screenFor, tableTurn } from '../view/screens.ts';
import { Autosave, SaveQueue } from './autosave.ts';
import { GameController } from './game-controller.ts';
import { voiceGame } from './game-voice.ts';
import type { CatalogueEntry } from './scenario-catalogue.ts';
import { newEntryId, newGameName, readEntry, type LibraryEntry } from './session-library.ts';
import { openShareFragment } from './share-link.ts';

export class PlayContext implements PlayApi {
  chosen: CatalogueEntry | null = null;
  controller: GameController | null = null;
  private readonly saves: SaveQueue;
  private autosave: Autosave | null = null;
  private silence: (() => void) | null = null;
  /** The hot-seat turn at the table the screen was last handed over for (none after a reload: it is asked again). */
  private handedOver: string | null = null;

  constructor(
    readonly app: AppContext,
    readonly entries: CatalogueEntry[],
    readonly catalogueProblems: string[],
  ) {
    this.saves = new SaveQueue(app);
  }

  /** Starts a new game on the chosen scenario; false if the machine refuses the setup. */
  startGame(setup: Setup, players: Players = {}): boolean {
    if (!this.chosen) return false;
    this.endGame();
    const { scenario, source } = this.chosen;
    const controller = GameController.begin(scenario, source, setup, { players });
    if (!controller) return false;
    const side = scenario.sides.find((item) => item.id === setup.playerSide)?.shortName ?? setup.playerSide;
    this.follow(controller, newEntryId(), newGameName(scenario.meta.title, side, new Date().toLocaleString()));
    return true;
  }

  /** Restores the game in progress when the page was last left (its library id was kept). */
  async resume(saved: unknown): Promise<string | null> {
    const entry = typeof saved === 'string' ? await readEntry(await this.app.storage, saved) : null;
    if (!entry) {
      this.saves.forgetCurrent();
      this.app.notify('The game saved in this browser could not be restored (it is missing or damaged). It has been set aside.');
      return null;
    }
    return this.open(entry);
  }

  /**
   * Opens a saved game: checked like any session file and replayed event by event, it becomes the
   * game in progress. Returns the screen that shows its state, or null (with a message) when it
   * cannot be used.
   */
  open(entry: LibraryEntry): string | null {
    const verified = verifySession(entry.session);
    if (!verified.ok) {
      this.saves.forgetCurrent();
      this.app.notify(`“${entry.name}” could not be opened (${formatProblem(verified.problems[0]!)}).`);
      return null;
    }
    return this.startFrom(verified.value, verified.value.session.events.length, entry.id, entry.name);
  }

  /**
   * A new game from a point of a saved one: its events up to `events`, replayed into a game with
   * an id and a name of its own. The saved game itself is not touched.
   */
  fork(loaded: LoadedSession, events: number, name: string): string | null {
    return this.startFrom(loaded, events, newEntryId(), name);
  }

  /** Makes a checked session's first `events` events the game in progress; the screen for its state. */
  private startFrom({ session, scenario }: LoadedSession, events: number, id: string, name: string): string | null {
    this.endGame();
    this.chosen = this.entries.find((item) => sameScenario(item.source, session.scenario)) ?? {
      scenario,
      source: session.scenario,
      origin: 'a saved game',
    };
    const controller = GameController.begin(scenario, session.scenario, setupOf(session), {
      events: session.events.slice(0, events),
      players: session.players ?? {},
    });
    if (!controller) return null;
    this.follow(controller, id, name);
    return this.screen();
  }

  async openShared(fragment: string): Promise<{ screen: string; data: object } | null> {
    const verified = await openShareFragment(fragment, this.entries);
    if (!verified.ok) {
      this.app.notify(`The shared game could not be opened (${formatProblem(verified.problems[0]!)}).`);
      return null;
    }
    const { session, scenario } = verified.value;
    return { screen: 'replay', data: { loaded: { session, scenario }, name: 'A shared game' } };
  }

  /** The screen that shows the game in progress now, counting the hot-seat hand-over. */
  screen(): string {
    return this.controller ? screenFor(this.controller.snapshot, this.handedOver) : 'title';
  }

  /** The players have swapped seats for the turn at the table now shown. */
  handOver(): void {
    this.handedOver = this.controller ? (tableTurn(this.controller.snapshot)?.key ?? null) : null;
  }

  /** Renames the game in progress if it is the one named (its next save keeps the new name). */
  renamed(id: string, name: string): void {
    if (this.autosave?.id === id) this.autosave.rename(name);
  }

  private follow(controller: GameController, id: string, name: string): void {
    this.controller = controller;
    this.handedOver = null;
    this.autosave = new Autosave(this.app, this.saves, controller, id, name);
    this.silence = voiceGame(this.app, controller);
  }

  endGame(): void {
    this.autosave?.stop();
    this.autosave = null;
    this.silence?.();
    this.silence = null;
    this.controller?.stop();
    this.controller = null;
    this.app.sound.stopAmbient();
  }

  get game(): GameState | null {
    return this.controller?.snapshot.context.game ?? null;
  }
}
