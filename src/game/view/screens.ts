/**
 * The screen that shows each state of the machine, and whose turn it is at the table. At one
 * shared screen (hot-seat), each side's turn at the table opens behind a hand-over screen, so that
 * neither player sees the other's choices being made.
 */
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import { phaseOf, type Phase } from '../../engine/machine/phase.ts';
import type { RoundRecord } from '../../engine/rules/state.ts';
import { tableStage, type TableStage } from './table-view.ts';

/** The screen that shows each phase of the game. */
const SCENE_OF_PHASE: Record<Phase, string> = {
  setup: 'setup',
  briefing: 'briefing',
  proposal: 'table',
  response: 'table',
  counter: 'table',
  resolution: 'round-result',
  incident: 'round-result',
  over: 'debrief',
};

export function sceneFor(snapshot: GameSnapshot): string {
  return SCENE_OF_PHASE[phaseOf(snapshot)];
}

export interface TableTurn {
  /** The side that acts. */
  side: string;
  /** Names this turn (round and stage), so a hand-over is asked for once per turn. */
  key: string;
}

/** The side that acts at each stage: the proposer tables and replies to a counter; the responder answers. */
export function actingSide(record: RoundRecord, stage: TableStage): string {
  return stage === 'response' ? record.responder : record.proposer;
}

export function tableTurn(snapshot: GameSnapshot): TableTurn | null {
  const stage = tableStage(snapshot);
  const game = snapshot.context.game;
  const record = game?.rounds[game.round];
  if (!stage || !game || !record) return null;
  return { side: actingSide(record, stage), key: `${game.round}:${stage}` };
}

/** The screen for a snapshot: the hand-over before a hot-seat turn at the table not yet handed over. */
export function screenFor(snapshot: GameSnapshot, handedOver: string | null): string {
  const turn = tableTurn(snapshot);
  const hotseat = snapshot.context.game?.setup.opponent.kind === 'hotseat';
  return hotseat && turn && turn.key !== handedOver ? 'hand-over' : sceneFor(snapshot);
}
