/**
 * Where the risk gauge's needle starts on a screen, read off the game state: the risk before the
 * change that screen is the first to show, so that the needle sweeps over it to the risk now. The
 * round's opening events (its briefing change) are first seen at the table, on the players' first
 * turn of the round; the round's own change on its result; an incident on the incident screen.
 * Where there is no such change the needle starts where it ends. Pure, so it is tested without a
 * browser.
 */
import type { GameState, RiskStage, RoundRecord } from '../../engine/rules/state.ts';

/** The risk before the current round's first change of a stage, or the risk now when it has none. */
function riskBefore(game: GameState, stage: RiskStage): number {
  const change = game.rounds[game.round]?.riskChanges.find((item) => item.stage === stage);
  return change ? change.from : game.risk;
}

/** Whether a player at this screen has already moved this round (then they saw the table, and its gauge, before). */
function playerMoved(game: GameState, record: RoundRecord): boolean {
  const players = game.setup.opponent.kind === 'hotseat' ? null : game.setup.playerSide;
  return [record.proposal, record.response, record.reply].some((move) => move && (players === null || move.side === players));
}

/** At the table: from before the round's opening events on the players' first turn of the round, else no sweep. */
export function tableGaugeStart(game: GameState): number {
  const record = game.rounds[game.round];
  return record && !playerMoved(game, record) ? riskBefore(game, 'briefing') : game.risk;
}

/** On the round's result: from before the round's change; on the incident screen, from before the incident. */
export function resultGaugeStart(game: GameState, incident: boolean): number {
  return riskBefore(game, incident ? 'incident' : 'resolution');
}
