/**
 * What a player hears of the game in progress: the live region narrates each new phase and what
 * was said at the table (a player who cannot see the statements panel hears them), and the sound
 * follows the risk and plays the cue of what the machine signalled.
 */
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import { phaseOf } from '../../engine/machine/phase.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import type { AppContext } from '../app/app-context.ts';
import { cueOf } from '../audio/sound-cues.ts';
import { narrate, newStatements, spokenStatement } from '../view/narration.ts';
import type { GameController } from './game-controller.ts';

/** Voices the game from now on: its current state at once, then each step. Returns the stop. */
export function voiceGame(app: AppContext, controller: GameController): () => void {
  const { scenario } = controller;
  announce(app, scenario, null, controller.snapshot);
  app.sound.setRisk(controller.snapshot.context.game?.risk ?? 0);
  return controller.subscribe((step) => {
    if (phaseOf(step.before) !== phaseOf(step.after)) announce(app, scenario, step.before, step.after);
    app.sound.setRisk(step.after.context.game?.risk ?? 0);
    const cue = cueOf(step.signals);
    if (cue) app.sound.play(cue);
  });
}

function announce(app: AppContext, scenario: Scenario, before: GameSnapshot | null, after: GameSnapshot): void {
  const game = after.context.game;
  if (!game) return;
  const said = newStatements(before?.context.game, game).map((statement) => spokenStatement(scenario, statement));
  app.announcer.say([narrate(scenario, after), ...said].join(' '));
}
