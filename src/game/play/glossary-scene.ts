/**
 * The glossary: every term of art the game and the scenario use, explained for a first-year
 * student, in alphabetical order. Each entry is an anchor a link can open the screen at (the
 * debrief's term links do); the scenario's own entries are marked, with their sources. A filter
 * narrows the list; Back (Esc) returns to the screen the player came from, as it was.
 */
import { filterGlossary, glossaryOf, type GlossaryTerm } from '../../engine/glossary.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { termText, type OpenTerm } from '../ui/term-text.ts';
import { glossaryAnchor } from '../view/term-links.ts';
import { PlayContextScene } from './play-context-scene.ts';
import type { PlayContext } from './play-context.ts';

export interface GlossaryRequest {
  /** The id of the entry to open the glossary at. */
  term?: string;
  /** The screen to go back to (the menu by default), and the data to start it with. */
  back?: string;
  backData?: object;
}

function sourceLink(label: string, url: string | undefined): HTMLElement {
  // Only http(s) addresses become links; anything else is shown as text.
  return url && /^https?:\/\//.test(url)
    ? el('a', { text: label, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } })
    : el('span', { text: label });
}

const NO_SCENARIO = '';

export class GlossaryScene extends PlayContextScene {
  private request: GlossaryRequest = {};
  /** The scenario whose entries are shown when no game is in progress (kept between visits). */
  private picked: string | null = null;
  /** Set when the screen is rebuilt for another scenario, so that focus returns to the picker. */
  private refocusPicker = false;

  constructor(play: PlayContext) {
    super('glossary', play);
  }

  init(request: GlossaryRequest | undefined): void {
    this.request = request ?? {};
  }

  /** The game's scenario while a game is in progress; otherwise the one picked here (or last chosen). */
  private scenarioShown(): { scenario: Scenario | null; fixed: boolean } {
    if (this.play.controller && this.play.chosen) return { scenario: this.play.chosen.scenario, fixed: true };
    const id = this.picked ?? this.play.chosen?.scenario.meta.id ?? this.play.entries[0]?.scenario.meta.id ?? NO_SCENARIO;
    return { scenario: this.play.entries.find((entry) => entry.scenario.meta.id === id)?.scenario ?? null, fixed: false };
  }

  create(): void {
    const { scenario, fixed } = this.scenarioShown();
    const glossary = glossaryOf(scenario);
    const back = () => {
      this.click();
      this.scene.start(this.request.back ?? 'title', this.request.backData ?? {});
    };

    const filterId = uniqueId('glossary-filter');
    const filter = el('input', {
      id: filterId,
      class: 'glossary-filter',
      attrs: { type: 'search', autocomplete: 'off', spellcheck: false, 'aria-controls': 'glossary-list', 'aria-keyshortcuts': 'F' },
    });
    const count = el('p', { class: 'glossary-count', attrs: { 'aria-live': 'polite', role: 'status' } });
    const title = scenario?.meta.title;
    const scenarioNote = el('p', {
      class: 'note',
      text: !scenario
        ? 'The game’s own terms, in alphabetical order.'
        : scenario.glossary.length > 0
          ? `The game’s terms and those of “${title}” (marked “From the scenario”, with their sources), in alphabetical order.`
          : `The game’s terms, in alphabetical order; “${title}” brings none of its own.`,
    });
    const entries = new Map<string, HTMLElement>();
    // An entry's definition links the other entries it names; following one shows it, the filter cleared if it hid it.
    const goTo = (id: string) => {
      const target = entries.get(id);
      if (!target) return;
      if (target.hidden) {
        filter.value = '';
        apply();
      }
      for (const element of entries.values()) element.classList.remove('target');
      target.classList.add('target');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
      this.app.announcer.say(`Glossary, at ${glossary.find((entry) => entry.id === id)!.term}.`);
    };
    for (const entry of glossary) entries.set(entry.id, this.entryElement(entry, glossary, goTo));
    const empty = el('p', { class: 'glossary-empty', attrs: { hidden: true } });
    // The note scrolls away with the list, leaving the filter and the entries the room.
    const list = el('div', { class: 'glossary-list scroll', id: 'glossary-list' }, scenarioNote, ...entries.values(), empty);
    const apply = () => {
      const kept = new Set(filterGlossary(glossary, filter.value).map((entry) => entry.id));
      for (const [id, element] of entries) element.hidden = !kept.has(id);
      const query = filter.value.trim();
      count.textContent = query === '' ? `${glossary.length} terms` : `${kept.size} of ${glossary.length} terms match “${query}”`;
      empty.hidden = kept.size > 0;
      empty.textContent = kept.size > 0 ? '' : `No term matches “${query}”. Try fewer or shorter words.`;
    };
    filter.addEventListener('input', apply);
    filter.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      if (filter.value === '') back();
      else {
        filter.value = '';
        apply();
      }
    });

    const tools = el(
      'div',
      { class: 'glossary-tools' },
      el(
        'div',
        { class: 'field' },
        el(
          'label',
          { attrs: { for: filterId } },
          'Filter terms ',
          el('kbd', { class: 'key-hint', text: 'F', attrs: { 'aria-hidden': 'true' } }),
        ),
        filter,
      ),
      fixed ? null : this.scenarioPicker(scenario, back),
      count,
    );

    this.mount(
      el(
        'section',
        { class: 'panel glossary-screen' },
        el('div', { class: 'glossary-head' }, el('h1', { text: 'Glossary' }), tools),
        list,
        el('div', { class: 'actions' }, button('Back', back, { key: 'Esc', class: 'primary' })),
      ),
      'Glossary.',
    );
    apply();
    this.keys({
      Escape: back,
      f: () => {
        filter.focus();
        filter.select();
      },
    });

    if (this.refocusPicker) {
      this.refocusPicker = false;
      this.app.ui.querySelector<HTMLSelectElement>('.glossary-tools select')?.focus();
    }
    if (this.request.term) goTo(this.request.term);
  }

  private entryElement(entry: GlossaryTerm, glossary: readonly GlossaryTerm[], goTo: OpenTerm): HTMLElement {
    const headingId = `${glossaryAnchor(entry.id)}-term`;
    return el(
      'article',
      {
        class: `glossary-entry${entry.fromScenario ? ' from-scenario' : ''}`,
        id: glossaryAnchor(entry.id),
        attrs: { tabindex: -1, 'aria-labelledby': headingId },
      },
      el('h2', { id: headingId, text: entry.term }),
      entry.fromScenario ? el('p', { class: 'glossary-origin', text: 'From the scenario' }) : null,
      entry.aliases.length > 0 ? el('p', { class: 'meta glossary-aliases', text: `Also written: ${entry.aliases.join('; ')}` }) : null,
      el('p', { class: 'glossary-definition' }, ...termText(entry.definition, glossary, goTo, new Set([entry.id]))),
      entry.sources.length > 0
        ? el(
            'div',
            { class: 'glossary-sources' },
            el('p', { class: 'meta', text: entry.sources.length === 1 ? 'Source:' : 'Sources:' }),
            el('ul', {}, ...entry.sources.map((source) => el('li', {}, sourceLink(source.label, source.url)))),
          )
        : null,
      entry.reading ? el('p', { class: 'meta glossary-reading', text: `Further reading: ${entry.reading}` }) : null,
    );
  }

  /** With no game in progress, the player picks which scenario's own terms to include. */
  private scenarioPicker(shown: Scenario | null, back: () => void): HTMLElement | null {
    if (this.play.entries.length === 0) return null;
    const id = uniqueId('glossary-scenario');
    const select = el(
      'select',
      { id },
      el('option', { text: 'None: the game’s terms only', attrs: { value: NO_SCENARIO, selected: shown === null } }),
      ...this.play.entries.map(({ scenario }) =>
        el('option', { text: scenario.meta.title, attrs: { value: scenario.meta.id, selected: scenario === shown } }),
      ),
    );
    // Shortcuts leave a list box alone, but Esc has nothing else to do on a closed one.
    select.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      back();
    });
    select.addEventListener('change', () => {
      this.picked = select.value;
      this.refocusPicker = true;
      this.scene.restart({ ...this.request, term: undefined });
    });
    return el('div', { class: 'field' }, el('label', { text: 'Scenario', attrs: { for: id } }), select);
  }
}
