/**
 * A running game: the one wrapper around the machine's actor, used by the browser, the command
 * line, simulations and replays. It knows whether an event was taken, keeps the timed log of the
 * players' events (a session's truth) and, when asked, the checksum of every state as the game
 * goes, and tells listeners about each step once the event is logged. Times are given to it by
 * the shell; the engine reads no clock.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import type { Setup } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { StateChecksum } from '../session/checksum.ts';
import type { TimedEvent } from '../session/format.ts';
import { gameMachine, type GameEvent } from './game-machine.ts';
import { phaseOf } from './phase.ts';
import type { GameSignal } from './signals.ts';

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

/** An event the players send once the game has started. */
export type PlayerEvent = Exclude<GameEvent, { type: 'START' }>;

/** One event taken: the states before and after it, and what the machine signalled on the way. */
export interface Step {
  event: GameEvent;
  before: GameSnapshot;
  after: GameSnapshot;
  signals: GameSignal[];
}

export interface RunOptions {
  /** Keeps the checksum of every state by this scheme (sessions and replays need it; simulations do not). */
  checksum?: StateChecksum;
}

export class GameRun {
  private readonly actor;
  private readonly log: TimedEvent[] = [];
  private readonly listeners = new Set<(step: Step) => void>();
  private signals: GameSignal[] = [];
  private started: Setup | null = null;
  /** The checksum of the state after the start and after each event sent since (taken or not). */
  readonly trail: string[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly options: RunOptions = {},
  ) {
    this.actor = createActor(gameMachine, { input: { scenario } });
    this.actor.on('*', (signal) => this.signals.push(signal));
    this.actor.start();
  }

  get snapshot(): GameSnapshot {
    return this.actor.getSnapshot();
  }

  /** The setup the game started with, or null before it starts. */
  get setup(): Setup | null {
    return this.started;
  }

  /** The players' events taken so far, with the times the shell gave them. */
  get events(): readonly TimedEvent[] {
    return this.log;
  }

  get isOver(): boolean {
    return this.snapshot.status === 'done';
  }

  /** Starts the game; false when the machine refuses the setup (or the game has started). */
  start(setup: Setup): boolean {
    return this.send({ type: 'START', setup });
  }

  /**
   * Sends an event, a player's made `at` milliseconds into the game; returns false when the
   * machine did not take it (the state is unchanged and nothing is logged). The start is not
   * logged: a session keeps the setup apart from the players' events.
   */
  send(event: GameEvent, at = 0): boolean {
    const before = this.snapshot;
    // A finished game takes no more events (and XState would warn about them); `can` runs the guards.
    const taken = before.status !== 'done' && before.can(event);
    this.signals = [];
    if (taken) this.actor.send(event);
    const after = this.snapshot;
    if (this.options.checksum) this.trail.push(this.options.checksum(phaseOf(after), after.context.game));
    if (!taken) return false;
    if (event.type === 'START') this.started = event.setup;
    else this.log.push({ at, event });
    const step = { event, before, after, signals: this.signals };
    for (const listener of this.listeners) listener(step);
    return true;
  }

  /** Plays a saved game's events again, keeping their times; false as soon as one is refused. */
  restore(setup: Setup, events: readonly TimedEvent[]): boolean {
    if (!this.start(setup)) return false;
    return events.every(({ event, at }) => event.type !== 'START' && this.send(event, at));
  }

  /** Calls `listener` after every event taken, once it is logged. Returns the unsubscribe. */
  subscribe(listener: (step: Step) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.listeners.clear();
    this.actor.stop();
  }
}
