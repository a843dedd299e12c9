/** The header of the play screens: where the game stands, and the way out to help, the glossary, settings or the menu. */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { button, el } from '../../ui/dom.ts';
import type { PlayScene } from '../play-scene.ts';

export interface HeaderHost {
  openAside(key: 'settings' | 'how-to-play'): void;
  quit(): void;
}

export function gameHeader(host: HeaderHost & PlayScene, scenario: Scenario, game: GameState, heading: string): HTMLElement {
  const player = scenario.sides.find((side) => side.id === game.setup.playerSide)!;
  const mode = game.setup.opponent.kind === 'hotseat' ? 'hot-seat, two players' : `you play ${player.name}`;
  const confirm = el('span', { class: 'confirm-quit', attrs: { hidden: true } });
  const quit = button('Quit…', () => {
    quit.hidden = true;
    confirm.hidden = false;
    confirm.replaceChildren(
      el('span', { text: 'Leave this game? ' }),
      button('Leave', () => host.quit(), { class: 'danger' }),
      button('Keep playing', () => {
        confirm.hidden = true;
        quit.hidden = false;
        quit.focus();
      }),
    );
    confirm.querySelector('button')?.focus();
  });
  return el(
    'header',
    { class: 'game-header' },
    el('div', { class: 'heading' }, el('h1', { text: heading }), el('p', { class: 'meta', text: `${scenario.meta.title} · ${mode}` })),
    el(
      'nav',
      { class: 'header-actions', attrs: { 'aria-label': 'Game menu' } },
      button('How to play', () => host.openAside('how-to-play')),
      // The glossary comes back to this screen, which is rebuilt from the game as it stands.
      button('Glossary', () => host.scene.start('glossary', { back: host.scene.key })),
      button('Settings', () => host.openAside('settings')),
      quit,
      confirm,
    ),
  );
}
