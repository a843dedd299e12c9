/** The scenario picker: the bundled scenarios with their summaries and sources. */
import { button, el } from '../ui/dom.ts';
import type { CatalogueEntry } from './scenario-catalogue.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';

function sourceLink(label: string, url: string | undefined): HTMLElement {
  // Only http(s) addresses become links; the schema already refuses anything else.
  return url && /^https?:\/\//.test(url)
    ? el('a', { text: label, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } })
    : el('span', { text: label });
}

export class PickerScene extends PlayScene {
  constructor(play: PlayContext) {
    super('picker', play);
  }

  create(): void {
    const choose = (entry: CatalogueEntry) => {
      this.click();
      this.play.chosen = entry;
      this.scene.start('setup');
    };
    const cards = this.play.entries.map((entry, index) => {
      const { meta, sides, tracks, rounds } = entry.scenario;
      return el(
        'li',
        { class: 'card scenario-card' },
        el('h2', { text: meta.title }),
        el('p', { class: 'meta', text: `${meta.date} · ${sides.map((side) => side.name).join(' vs ')} · ${rounds.length} rounds` }),
        el('p', { text: meta.summary }),
        el('p', { class: 'meta', text: `Tracks: ${tracks.map((track) => track.name).join(', ')}` }),
        el(
          'details',
          {},
          el('summary', { text: `Sources (${meta.sources.length})` }),
          el('ul', { class: 'sources' }, ...meta.sources.map((source) => el('li', {}, sourceLink(source.label, source.url)))),
        ),
        el(
          'div',
          { class: 'actions' },
          button(`Play “${meta.title}”`, () => choose(entry), { key: String(index + 1), class: 'primary' }),
        ),
      );
    });
    const back = () => {
      this.click();
      this.scene.start('title');
    };
    this.mount(
      el(
        'section',
        { class: 'panel picker scroll' },
        el('h1', { text: 'Choose a scenario' }),
        this.play.catalogueProblems.length > 0
          ? el('div', { class: 'problems', attrs: { role: 'alert' } }, ...this.play.catalogueProblems.map((text) => el('p', { text })))
          : null,
        el('ul', { class: 'scenario-list' }, ...cards),
        el('div', { class: 'actions' }, button('Back to menu', back, { key: 'Esc' })),
      ),
      `Choose a scenario: ${this.play.entries.map((entry) => entry.scenario.meta.title).join('; ')}.`,
    );
    const keys: Record<string, () => void> = { Escape: back };
    this.play.entries.forEach((entry, index) => (keys[String(index + 1)] = () => choose(entry)));
    this.keys(keys);
  }
}
