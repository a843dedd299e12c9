/**
 * What the play scenes share: the scenario catalogue, the game in progress, and the one place
 * that reacts to each new state of the machine — narrating it, sounding its cues, and choosing
 * the screen that shows it.
 */
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { GameState, Setup } from '../../engine/rules/state.ts';
import type { AppContext } from '../app/app-context.ts';
import { bandRose } from '../audio/sound-cues.ts';
import { narrate } from '../view/narration.ts';
import { GameController } from './game-controller.ts';
import type { CatalogueEntry } from './scenario-catalogue.ts';

/** The screen that shows each state of the machine. */
export function sceneFor(snapshot: GameSnapshot): string {
  switch (String(snapshot.value)) {
    case 'setup':
      return 'setup';
    case 'briefing':
      return 'briefing';
    case 'proposal':
    case 'response':
    case 'counter':
      return 'table';
    case 'resolution':
    case 'incident':
      return 'round-result';
    default:
      return 'debrief';
  }
}

export class PlayContext {
  chosen: CatalogueEntry | null = null;
  controller: GameController | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly app: AppContext,
    readonly entries: CatalogueEntry[],
    readonly catalogueProblems: string[],
  ) {}

  /** Starts a new game on the chosen scenario; false if the machine refuses the setup. */
  startGame(setup: Setup): boolean {
    if (!this.chosen) return false;
    this.endGame();
    const controller = new GameController(this.chosen.scenario, this.chosen.source);
    if (!controller.start(setup)) {
      controller.stop();
      return false;
    }
    this.controller = controller;
    let previous: GameSnapshot = controller.snapshot;
    this.unsubscribe = controller.subscribe((snapshot) => {
      this.react(previous, snapshot);
      previous = snapshot;
    });
    this.react(null, controller.snapshot);
    return true;
  }

  endGame(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
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
    if (previous?.value !== snapshot.value) this.app.announcer.say(narrate(scenario, snapshot));
    const before = previous?.context.game;
    const sound = this.app.sound;
    sound.setRisk(game.risk);
    if (before && bandRose(scenario.escalation.bands, before.risk, game.risk)) sound.play('alarm');
    else if (before && Object.keys(game.agreed).length > Object.keys(before.agreed).length) sound.play('stamp');
    else if (before && game.rounds[game.round]?.proposal && !before.rounds[game.round]?.proposal) sound.play('card');
  }
}
