/**
 * The game in progress in the browser: a recording run of the engine (which decides, logs and
 * checksums), plus what only the shell has — the clock that times the players' events, the
 * players' names, and the writer that turns the game into its session document.
 */
import type { GameRun, GameSnapshot, PlayerEvent, Step } from '../../engine/machine/game-run.ts';
import type { Setup } from '../../engine/rules/state.ts';
import type { Scenario, ScenarioInput } from '../../engine/scenario/schema.ts';
import type { Players, Session, TimedEvent } from '../../engine/session/format.ts';
import { recordingRun, SessionWriter } from '../../engine/session/record.ts';

export class GameController {
  private readonly writer: SessionWriter;
  private startedAt: number;

  private constructor(
    readonly run: GameRun,
    source: ScenarioInput,
    /** The players' names for the session file (never sent to the machine). */
    readonly players: Players,
    private readonly now: () => number,
  ) {
    this.writer = new SessionWriter(source);
    this.startedAt = now();
  }

  /**
   * A game from its setup and the events already played (none for a new game), which keep their
   * times; new events carry on from the last one's time. Null when the machine refuses any of it.
   */
  static begin(
    scenario: Scenario,
    source: ScenarioInput,
    setup: Setup,
    played: { events?: readonly TimedEvent[]; players?: Players; now?: () => number } = {},
  ): GameController | null {
    const run = recordingRun(scenario);
    if (!run.restore(setup, played.events ?? [])) {
      run.stop();
      return null;
    }
    const now = played.now ?? (() => Date.now());
    const controller = new GameController(run, source, played.players ?? {}, now);
    controller.startedAt -= played.events?.at(-1)?.at ?? 0;
    return controller;
  }

  get scenario(): Scenario {
    return this.run.scenario;
  }

  get snapshot(): GameSnapshot {
    return this.run.snapshot;
  }

  /** Sends a player's event, timed by the shell's clock; returns whether the machine took it. */
  send(event: PlayerEvent): boolean {
    return this.run.send(event, Math.max(0, this.now() - this.startedAt));
  }

  /** Calls `listener` after every event taken (logged and checksummed by then). */
  subscribe(listener: (step: Step) => void): () => void {
    return this.run.subscribe(listener);
  }

  /** The game so far as a self-contained session document. */
  session(savedAt: string, name = this.scenario.meta.title): Session {
    return this.writer.write(this.run, { name, players: this.players, savedAt });
  }

  stop(): void {
    this.run.stop();
  }
}
