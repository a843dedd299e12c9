/** The title and main menu. Once it is ready, the play scenes load in the background. */
import type { AppContext } from '../app/app-context.ts';
import { button, el } from '../ui/dom.ts';
import { UiScene } from './ui-scene.ts';

export class TitleScene extends UiScene {
  constructor(app: AppContext) {
    super('title', app);
  }

  create(): void {
    const play = async () => {
      this.click();
      playButton.disabled = true;
      playButton.textContent = 'Loading…';
      await this.app.loadPlay();
      this.scene.start('picker');
    };
    const openPlayScreen = async (key: string) => {
      this.click();
      await this.app.loadPlay();
      this.scene.start(key);
    };
    const openLibrary = () => openPlayScreen('library');
    const openClass = () => openPlayScreen('class-view');
    const openGlossary = async () => {
      this.click();
      await this.app.loadPlay();
      this.scene.start('glossary', { back: 'title' });
    };
    const playButton = button('Play', () => void play(), { key: 'P', class: 'primary' });
    const menu = el(
      'nav',
      { class: 'menu', attrs: { 'aria-label': 'Main menu' } },
      playButton,
      button('Saved games', () => void openLibrary(), { key: 'G' }),
      button('Class view (instructors)', () => void openClass(), { key: 'C' }),
      button('How to play', () => this.open('how-to-play'), { key: 'H' }),
      button('Glossary', () => void openGlossary(), { key: 'L' }),
      button('Settings', () => this.open('settings'), { key: 'S' }),
    );
    this.mount(
      el(
        'section',
        { class: 'panel title-screen' },
        el('p', { class: 'eyebrow', text: 'A game of crisis diplomacy' }),
        el('h1', { class: 'game-title', text: 'Red Lines' }),
        el('p', {
          class: 'tagline',
          text: 'Negotiate round by round. Every concession, threat and statement moves the risk of war — and you will see exactly why.',
        }),
        menu,
      ),
      'Red Lines. Main menu: Play, Saved games, Class view, How to play, Glossary, Settings.',
    );
    this.focusControl(playButton);
    this.keys({
      p: () => void play(),
      g: () => void openLibrary(),
      c: () => void openClass(),
      h: () => this.open('how-to-play'),
      l: () => void openGlossary(),
      s: () => this.open('settings'),
    });
    this.app.ui.dataset.ready = 'menu';
    // A link that names a scenario goes straight to the picker, which loads it.
    if (this.app.scenarioLink !== null) void play();
    // The moment the menu takes input, for `npm run perf`.
    if (performance.getEntriesByName('red-lines:menu-ready').length === 0) performance.mark('red-lines:menu-ready');
    // Fetch the play module while the player reads the menu.
    requestIdleCallback(() => void this.app.loadPlay(), { timeout: 3000 });
  }

  private open(key: string): void {
    this.click();
    this.scene.start(key, { back: 'title' });
  }
}
