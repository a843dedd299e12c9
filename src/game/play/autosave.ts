/**
 * Saving the game in progress to the library after every event, so that a reload resumes it
 * exactly where it was, and remembering which game that is. The writes go through one queue, so a
 * slow write never lands after a later one, even across games.
 */
import { CURRENT_GAME_KEY, type AppContext } from '../app/app-context.ts';
import type { GameController } from './game-controller.ts';
import { libraryEntry, putEntry } from './session-library.ts';

/** The browser's storage writes, one after another. */
export class SaveQueue {
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly app: AppContext) {}

  /** Runs `write` after every write queued before it. */
  then(write: (store: Awaited<AppContext['storage']>) => Promise<unknown>): void {
    this.last = this.last.then(async () => write(await this.app.storage));
  }

  /** Forgets which game a reload should bring back (the game itself stays in the library). */
  forgetCurrent(): void {
    this.then((store) => store.delete(CURRENT_GAME_KEY));
  }
}

export class Autosave {
  private failed = false;
  private readonly unsubscribe: () => void;

  /** Makes the game the one a reload brings back, saves it now and after every event it takes. */
  constructor(
    private readonly app: AppContext,
    private readonly queue: SaveQueue,
    private readonly controller: GameController,
    readonly id: string,
    private name: string,
  ) {
    queue.then((store) => store.set(CURRENT_GAME_KEY, id));
    // The run tells its listeners once the event is logged, so the save holds it.
    this.unsubscribe = controller.subscribe(() => this.save());
    this.save();
  }

  /** The game's next save keeps this name. */
  rename(name: string): void {
    this.name = name;
  }

  /** Stops saving; the game stays in the library but is no longer the one a reload brings back. */
  stop(): void {
    this.unsubscribe();
    this.queue.forgetCurrent();
  }

  private save(): void {
    const game = this.controller.snapshot.context.game;
    if (!game) return;
    const session = this.controller.session(new Date().toISOString(), this.name);
    const entry = libraryEntry(this.id, this.name, session, this.controller.scenario, game);
    this.queue.then(async (store) => {
      const saved = await putEntry(store, entry);
      if (!saved.ok && !this.failed) {
        this.failed = true;
        this.app.notify(saved.message);
      }
    });
  }
}
