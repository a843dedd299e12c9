/**
 * What the DOM layer's `data-state` attribute says about the game a screen shows: its phase and
 * round ("proposal@0", "briefing@3"), and for a game that is over, how it ended ("over:war@4").
 * Browser tests wait on it; it names phases, never the machine's states, so renaming a state of
 * the machine changes nothing here.
 */
import { phaseOf } from '../../engine/machine/phase.ts';
import type { GameSnapshot } from '../../engine/machine/game-run.ts';

export function stateAttribute(snapshot: GameSnapshot): string {
  const phase = phaseOf(snapshot);
  const game = snapshot.context.game;
  const outcome = phase === 'over' && game?.outcome ? `:${game.outcome.kind}` : '';
  return `${phase}${outcome}@${game?.round ?? 0}`;
}
