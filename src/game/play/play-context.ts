/**
 * What the play scenes share: the scenario catalogue, the game in progress, and the one place
 * that reacts to each new state of the machine — narrating it, sounding its cues, and choosing
 * the screen that shows it.
 */
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { GameState, Setup } from '../../engine/rules/state.ts';
import type { Players } from '../../engine/session/format.ts';
import { verifySession, type LoadedSession } from '../../engine/session/load.ts';
import { sameScenario } from '../../engine/session/scenario-diff.ts';
import { formatProblem } from '../../engine/scenario/problems.ts';
import { CURRENT_GAME_KEY, type AppContext, type PlayApi } from '../app/app-context.ts';
import { bandRose } from '../audio/sound-cues.ts';
import { narrate, newStatements, spokenStatement } from '../view/narration.ts';
import { screenFor, tableTurn } from '../view/screens.ts';
import { GameController } from './game-controller.ts';
import type { CatalogueEntry } from './scenario-catalogue.ts';
import { libraryEntry, newEntryId, newGameName, putEntry, readEntry, type LibraryEntry } from './session-library.ts';
import { decodeShareFragment } from './share-link.ts';

export class PlayContext implements PlayApi {
  chosen: CatalogueEntry | null = null;
  controller: GameController | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Saves are chained, so that a slow one never lands after a later one. */
  private saving: Promise<unknown> = Promise.resolve();
  private saveFailed = false;
  /** The game in progress as a library entry: its id and the name the player sees. */
  private entryId: string | null = null;
  private entryName = '';
  /** The hot-seat turn at the table the screen was last handed over for (none after a reload: it is asked again). */
  private handedOver: string | null = null;

  constructor(
    readonly app: AppContext,
    readonly entries: CatalogueEntry[],
    readonly catalogueProblems: string[],
  ) {}

  /** Starts a new game on the chosen scenario; false if the machine refuses the setup. */
  startGame(setup: Setup, players: Players = {}): boolean {
    if (!this.chosen) return false;
    this.endGame();
    const controller = new GameController(this.chosen.scenario, this.chosen.source);
    controller.players = players;
    if (!controller.start(setup)) {
      controller.stop();
      return false;
    }
    const side = this.chosen.scenario.sides.find((item) => item.id === setup.playerSide)?.shortName ?? setup.playerSide;
    this.follow(controller, newEntryId(), newGameName(this.chosen.scenario.meta.title, side, new Date().toLocaleString()));
    return true;
  }

  /** Restores the game in progress when the page was last left (its library id was kept). */
  async resume(saved: unknown): Promise<string | null> {
    const entry = typeof saved === 'string' ? await readEntry(await this.app.storage, saved) : null;
    if (!entry) {
      void this.app.storage.then((store) => store.delete(CURRENT_GAME_KEY));
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
      void this.app.storage.then((store) => store.delete(CURRENT_GAME_KEY));
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
    const controller = new GameController(scenario, session.scenario);
    controller.players = session.players ?? {};
    if (!controller.restore({ seed: session.seed, ...session.setup }, session.events.slice(0, events))) {
      controller.stop();
      return null;
    }
    this.follow(controller, id, name);
    return this.screen();
  }

  async openShared(fragment: string): Promise<{ screen: string; data: object } | null> {
    const decoded = await decodeShareFragment(fragment, this.entries);
    const verified = decoded.ok ? verifySession(decoded.value) : decoded;
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
    if (this.entryId === id) this.entryName = name;
  }

  private follow(controller: GameController, id: string, name: string): void {
    this.controller = controller;
    this.handedOver = null;
    this.entryId = id;
    this.entryName = name;
    this.saveFailed = false;
    this.saving = this.saving.then(async () => (await this.app.storage).set(CURRENT_GAME_KEY, id));
    let previous: GameSnapshot = controller.snapshot;
    this.unsubscribe = controller.subscribe((snapshot) => {
      this.react(previous, snapshot);
      previous = snapshot;
      // The snapshot arrives before the controller has logged the event that made it.
      queueMicrotask(() => this.autosave());
    });
    this.react(null, controller.snapshot);
    this.autosave();
  }

  /** Saves the game to the library after every event, so that a reload resumes it exactly where it was. */
  private autosave(): void {
    const controller = this.controller;
    const game = controller?.snapshot.context.game;
    if (!controller || !game || !this.entryId) return;
    const entry = libraryEntry(
      this.entryId,
      this.entryName,
      controller.session(new Date().toISOString(), this.entryName),
      controller.scenario,
      game,
    );
    this.saving = this.saving.then(async () => {
      const saved = await putEntry(await this.app.storage, entry);
      if (!saved.ok && !this.saveFailed) {
        this.saveFailed = true;
        this.app.notify(saved.message);
      }
    });
  }

  endGame(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    // The game stays in the library; it is just no longer the one a reload brings back.
    if (this.controller) this.saving = this.saving.then(async () => (await this.app.storage).delete(CURRENT_GAME_KEY));
    this.entryId = null;
    this.controller?.stop();
    this.controller = null;
    this.app.sound.stopAmbient();
  }

  get game(): GameState | null {
    return this.controller?.snapshot.context.game ?? null;
  }

  private react(previous: GameSnapshot | null, snapshot: GameSnapshot): void {
    const scenario = this.chosen?.scenario;
    const game = snapshot.context.game;
    if (!scenario || !game) return;
    const before = previous?.context.game;
    if (previous?.value !== snapshot.value) {
      // What was said at the table is part of what happened: a player who cannot see the statements panel hears them.
      const said = newStatements(before, game).map((statement) => spokenStatement(scenario, statement));
      this.app.announcer.say([narrate(scenario, snapshot), ...said].join(' '));
    }
    const sound = this.app.sound;
    sound.setRisk(game.risk);
    if (before && bandRose(scenario, before.risk, game.risk)) sound.play('alarm');
    else if (before && Object.keys(game.agreed).length > Object.keys(before.agreed).length) sound.play('stamp');
    else if (before && game.rounds[game.round]?.proposal && !before.rounds[game.round]?.proposal) sound.play('card');
  }
}
