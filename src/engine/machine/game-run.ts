/**
 * A running game: the machine's actor plus what replays and sessions need from it — whether an
 * event was taken, and (optionally) the checksum of every state it passed through.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { stateChecksum } from '../session/checksum.ts';
import { gameMachine, type GameEvent } from './game-machine.ts';

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

export class GameRun {
  private readonly actor;
  readonly trail: string[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly keepTrail = false,
  ) {
    this.actor = createActor(gameMachine, { input: { scenario } });
    this.actor.start();
  }

  get snapshot(): GameSnapshot {
    return this.actor.getSnapshot();
  }

  /** Sends an event; returns false when the machine did not take it (the state is unchanged). */
  send(event: GameEvent): boolean {
    const before = this.actor.getSnapshot();
    if (before.status === 'done') {
      // A finished game takes no more events (and XState would warn about them).
      if (this.keepTrail) this.trail.push(stateChecksum(before.value, before.context.game));
      return false;
    }
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    // The machine's states are flat, so its value is a string and compares directly.
    const taken = after.context.game !== before.context.game || after.value !== before.value;
    if (this.keepTrail) this.trail.push(stateChecksum(after.value, after.context.game));
    return taken;
  }

  get isOver(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  stop(): void {
    this.actor.stop();
  }
}
