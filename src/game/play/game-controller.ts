/**
 * The game in progress, as the shell sees it: the machine's actor, the timed log of the events
 * the players made (the session's truth), and subscriptions for the scenes. Time comes from the
 * shell's clock here, never from inside the engine.
 */
import { createActor, type Actor } from 'xstate';
import { gameMachine, type GameEvent } from '../../engine/machine/game-machine.ts';
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { Setup } from '../../engine/rules/state.ts';
import type { Scenario, ScenarioInput } from '../../engine/scenario/schema.ts';
import type { Players, Session, TimedEvent } from '../../engine/session/format.ts';
import { recordSession } from '../../engine/session/record.ts';

export class GameController {
  private readonly actor: Actor<typeof gameMachine>;
  private readonly log: TimedEvent[] = [];
  private setup: Setup | null = null;
  private startedAt = 0;
  /** The players' names for the session file (never sent to the machine). */
  players: Players = {};

  constructor(
    readonly scenario: Scenario,
    readonly source: ScenarioInput,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.actor = createActor(gameMachine, { input: { scenario } });
    this.actor.start();
  }

  get snapshot(): GameSnapshot {
    return this.actor.getSnapshot();
  }

  get events(): readonly TimedEvent[] {
    return this.log;
  }

  start(setup: Setup): boolean {
    const before = this.snapshot;
    this.actor.send({ type: 'START', setup });
    if (this.snapshot === before || this.snapshot.context.game === null) return false;
    this.setup = setup;
    this.startedAt = this.now();
    return true;
  }

  /** Sends a player's event; returns whether the machine took it (then it joins the log). */
  send(event: Exclude<GameEvent, { type: 'START' }>): boolean {
    const taken = this.take(event);
    if (taken) this.log.push({ at: Math.max(0, this.now() - this.startedAt), event });
    return taken;
  }

  private take(event: GameEvent): boolean {
    const before = this.snapshot;
    this.actor.send(event);
    const after = this.snapshot;
    return after.value !== before.value || after.context.game !== before.context.game;
  }

  /** Replays a saved game's events, keeping their times; false if any of them is refused. */
  restore(setup: Setup, events: readonly TimedEvent[]): boolean {
    if (!this.start(setup)) return false;
    for (const timed of events) {
      if (timed.event.type === 'START' || !this.take(timed.event)) return false;
      this.log.push(timed);
    }
    // New events carry on from the saved game's clock.
    this.startedAt = this.now() - (events.at(-1)?.at ?? 0);
    return true;
  }

  subscribe(listener: (snapshot: GameSnapshot) => void): () => void {
    const subscription = this.actor.subscribe(listener);
    return () => subscription.unsubscribe();
  }

  /** The game so far as a self-contained session document. */
  session(savedAt: string, name?: string): Session {
    if (!this.setup) throw new Error('the game has not started');
    return recordSession(this.scenario, this.source, this.setup, this.log, name, this.players, savedAt);
  }

  stop(): void {
    this.actor.stop();
  }
}
