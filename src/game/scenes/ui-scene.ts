/**
 * The base of every screen: the scene draws on the canvas, and its controls and text live in a
 * DOM panel over it. The panel is laid out by CSS; the scene reads the rectangles of the panel's
 * "slots" to know where to draw, and redraws when they move.
 */
import Phaser from 'phaser';
import type { AppContext } from '../app/app-context.ts';
import { focusInView } from '../ui/focus.ts';
import { bindKeys, type KeyMap } from '../ui/keys.ts';
import { watchStickyBars } from '../ui/sticky-bars.ts';

export abstract class UiScene extends Phaser.Scene {
  private cleanups: (() => void)[] = [];

  constructor(
    key: string,
    protected readonly app: AppContext,
  ) {
    super({ key });
  }

  /** Shows this screen's panel in place of the last one and moves focus to its heading. */
  protected mount(panel: HTMLElement, announcement?: string): void {
    this.app.ui.replaceChildren(panel);
    this.app.ui.dataset.screen = this.scene.key;
    // The game's phase, for browser tests: set again by the screens that show a game (PlayScene, the replay).
    delete this.app.ui.dataset.state;
    const heading = panel.querySelector<HTMLElement>('h1, h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    if (announcement) this.app.announcer.say(announcement);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.onTeardown(watchStickyBars(panel));
  }

  /** Puts focus on a control, scrolled into view clear of the sticky bars. */
  protected focusControl(control: HTMLElement): void {
    focusInView(control);
  }

  protected keys(map: KeyMap): void {
    this.onTeardown(bindKeys(map));
  }

  protected onTeardown(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  private teardown(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** Where a DOM slot sits, in game coordinates (the canvas fills the window at 1:1). */
  protected rectOf(element: HTMLElement): Phaser.Geom.Rectangle {
    const box = element.getBoundingClientRect();
    const canvas = this.game.canvas.getBoundingClientRect();
    return new Phaser.Geom.Rectangle(box.left - canvas.left, box.top - canvas.top, box.width, box.height);
  }

  /** Calls `redraw` now and whenever the slots change size or the window is resized. */
  protected followLayout(slots: HTMLElement[], redraw: () => void): void {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (this.scene.isActive()) redraw();
      });
    };
    const observer = new ResizeObserver(schedule);
    for (const slot of slots) observer.observe(slot);
    this.scale.on(Phaser.Scale.Events.RESIZE, schedule);
    this.onTeardown(() => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      this.scale.off(Phaser.Scale.Events.RESIZE, schedule);
    });
    schedule();
  }

  protected click(): void {
    this.app.sound.play('click');
  }
}
