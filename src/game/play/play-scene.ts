/**
 * The base of the screens of the game in progress (setup, briefing, hand-over, table, round
 * result, debrief): they render the machine's snapshot and send it the players' events. The play
 * module's other screens, which run no game, extend PlayContextScene.
 */
import type { GameEvent } from '../../engine/machine/game-machine.ts';
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { GameState } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { PlayContextScene } from './play-context-scene.ts';
import { SideCanvas } from './panels/side-canvas.ts';
import { stateAttribute } from './state-attribute.ts';

export abstract class PlayScene extends PlayContextScene {
  /** Also tags the DOM layer with the game's phase and round (see stateAttribute), which browser tests wait on. */
  protected override mount(panel: HTMLElement, announcement?: string): void {
    super.mount(panel, announcement);
    const snapshot = this.play.controller?.snapshot;
    if (snapshot) this.app.ui.dataset.state = stateAttribute(snapshot);
  }

  protected get snapshot(): GameSnapshot {
    const controller = this.play.controller;
    if (!controller) throw new Error('no game in progress');
    return controller.snapshot;
  }

  protected get gameState(): GameState {
    const game = this.snapshot.context.game;
    if (!game) throw new Error('the game has not started');
    return game;
  }

  protected get scenario(): Scenario {
    return this.play.chosen!.scenario;
  }

  /** Sends a player's event, then shows the screen for the state it leads to. */
  protected send(event: Exclude<GameEvent, { type: 'START' }>): boolean {
    const taken = this.play.controller?.send(event) ?? false;
    if (taken) this.follow();
    return taken;
  }

  /**
   * Draws on the canvas under a column that may scroll (the table's side columns, the round's
   * result): `draw` places the drawings by the canvas's rectangles whenever the slots move, and the
   * camera follows the column's scroll.
   */
  protected drawBeside(column: HTMLElement, slots: HTMLElement[], draw: (canvas: SideCanvas) => void): SideCanvas {
    const canvas = new SideCanvas(this, column);
    this.followLayout(slots, () => {
      canvas.fit();
      draw(canvas);
    });
    const scrolled = () => canvas.follow();
    column.addEventListener('scroll', scrolled, { passive: true });
    this.onTeardown(() => {
      column.removeEventListener('scroll', scrolled);
      canvas.destroy();
    });
    return canvas;
  }

  protected follow(): void {
    const target = this.play.screen();
    if (target === this.scene.key) this.scene.restart();
    else this.scene.start(target);
  }

  /** Leaves the game for the main menu. */
  quit(): void {
    this.play.endGame();
    this.scene.start('title');
  }

  /** Opens help or settings; they come back to the screen for the current state. */
  openAside(key: 'settings' | 'how-to-play'): void {
    this.click();
    this.scene.start(key, { back: this.scene.key });
  }
}
