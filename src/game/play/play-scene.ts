/** The base of the play screens: they render the machine's snapshot and send it the players' events. */
import type { GameEvent } from '../../engine/machine/game-machine.ts';
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { GameState } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { UiScene } from '../scenes/ui-scene.ts';
import type { PlayContext } from './play-context.ts';
import { SideCanvas } from './panels/side-canvas.ts';

export abstract class PlayScene extends UiScene {
  constructor(
    key: string,
    protected readonly play: PlayContext,
  ) {
    super(key, play.app);
  }

  /** Also tags the DOM layer with the machine's state and round, which browser tests wait on. */
  protected override mount(panel: HTMLElement, announcement?: string): void {
    super.mount(panel, announcement);
    const snapshot = this.play.controller?.snapshot;
    this.app.ui.dataset.state = snapshot ? `${String(snapshot.value)}@${snapshot.context.game?.round ?? 0}` : '';
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
