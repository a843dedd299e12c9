/** Shows a progress bar while the game starts, then opens the title screen (the map data is fetched when a map is first shown). */
import Phaser from 'phaser';
import { el } from '../ui/dom.ts';
import { glossaryOfHash } from '../view/term-links.ts';
import { UiScene } from './ui-scene.ts';
import { CURRENT_GAME_KEY, type AppContext } from '../app/app-context.ts';

export class BootScene extends UiScene {
  constructor(app: AppContext) {
    super('boot', app);
  }

  preload(): void {
    const bar = el('div', { class: 'progress-fill' });
    const label = el('p', { class: 'progress-label', text: 'Loading… 0%' });
    const progress = el(
      'div',
      {
        class: 'progress',
        attrs: { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, 'aria-label': 'Loading Red Lines' },
      },
      bar,
    );
    this.mount(el('section', { class: 'panel boot' }, el('h1', { class: 'visually-hidden', text: 'Loading Red Lines' }), progress, label));
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => {
      const percent = Math.round(value * 100);
      bar.style.width = `${percent}%`;
      progress.setAttribute('aria-valuenow', String(percent));
      label.textContent = `Loading… ${percent}%`;
    });
  }

  create(): void {
    void this.resumeOrOpenMenu();
  }

  /** A shared game opens in the replay viewer, a glossary link at its entry; a game left in progress (the page was reloaded or closed) comes back exactly where it was. */
  private async resumeOrOpenMenu(): Promise<void> {
    // A share link opens straight into its replay.
    if (window.location.hash.startsWith('#session=')) {
      const shared = await (await this.app.loadPlay()).openShared(window.location.hash);
      if (shared) {
        this.scene.start(shared.screen, shared.data);
        return;
      }
    }
    // A glossary link opened in a tab of its own opens the glossary (at its entry).
    const glossary = glossaryOfHash(window.location.hash);
    if (glossary !== null) {
      await this.app.loadPlay();
      this.scene.start('glossary', { ...glossary, back: 'title' });
      return;
    }
    const saved = await (await this.app.storage).get(CURRENT_GAME_KEY);
    if (saved !== undefined) {
      const screen = await (await this.app.loadPlay()).resume(saved);
      if (screen) {
        this.scene.start(screen);
        return;
      }
    }
    this.scene.start('title');
  }
}
