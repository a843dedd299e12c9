/**
 * The scenario picker: the bundled scenarios and any the player has loaded, with summaries and
 * sources. Instructors' scenarios come in by the file picker, by drag and drop, or by a
 * `?scenario=` link; a bad one opens a panel listing every problem, and nothing else changes.
 */
import type { Checked, Problem } from '../../engine/scenario/problems.ts';
import type { LoadedScenario } from '../../engine/scenario/load.ts';
import { button, el } from '../ui/dom.ts';
import { watchDrops } from '../ui/drop.ts';
import { problemsPanelElement, showProblems } from './panels/problems-panel.ts';
import type { CatalogueEntry } from './scenario-catalogue.ts';
import { fetchScenarioLink, readScenarioFile } from './scenario-sources.ts';
import { PlayContextScene } from './play-context-scene.ts';
import type { PlayContext } from './play-context.ts';
import { fileInput as hiddenFileInput, SCENARIO_FILES } from '../ui/file-input.ts';

function sourceLink(label: string, url: string | undefined): HTMLElement {
  // Only http(s) addresses become links; the schema already refuses anything else.
  return url && /^https?:\/\//.test(url)
    ? el('a', { text: label, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } })
    : el('span', { text: label });
}

export class PickerScene extends PlayContextScene {
  private list!: HTMLElement;
  private problems!: HTMLElement;

  constructor(play: PlayContext) {
    super('picker', play);
  }

  create(): void {
    const back = () => {
      this.click();
      this.scene.start('title');
    };
    const fileInput = hiddenFileInput(
      'Scenario file',
      SCENARIO_FILES,
      false,
      ([file]) => void this.takeScenario(file!.name, readScenarioFile(file!)),
    );
    this.list = el('ul', { class: 'scenario-list' });
    this.problems = problemsPanelElement();
    const panel = el(
      'section',
      { class: 'panel picker scroll' },
      el('h1', { text: 'Choose a scenario' }),
      this.play.catalogueProblems.length > 0
        ? el('div', { class: 'problems', attrs: { role: 'alert' } }, ...this.play.catalogueProblems.map((text) => el('p', { text })))
        : null,
      el(
        'div',
        { class: 'loader' },
        button('Load a scenario…', () => fileInput.click(), { key: 'L' }),
        el('p', { class: 'note', text: 'Or drop a .json or .yaml scenario file anywhere on this screen. Files of up to 1 MiB.' }),
        fileInput,
      ),
      this.problems,
      this.list,
      el('div', { class: 'actions' }, button('Back to menu', back, { key: 'Esc' })),
    );
    this.renderList();
    this.mount(
      panel,
      `Choose a scenario: ${this.play.entries.map((entry) => entry.scenario.meta.title).join('; ')}. Press L to load your own.`,
    );
    this.onTeardown(watchDrops(this.app.ui, panel, (file) => void this.takeScenario(file.name, readScenarioFile(file))));
    const keys: Record<string, () => void> = { Escape: back, l: () => fileInput.click() };
    for (let index = 0; index < 9; index++) keys[String(index + 1)] = () => this.choose(index);
    this.keys(keys);

    const link = this.app.scenarioLink;
    if (link !== null) {
      this.app.scenarioLink = null;
      void this.takeScenario(link, fetchScenarioLink(link, new URL(window.location.href)));
    }
  }

  private choose(index: number): void {
    const entry = this.play.entries[index];
    if (!entry) return;
    this.click();
    this.play.chosen = entry;
    this.scene.start('setup');
  }

  private renderList(focus: CatalogueEntry | null = null): void {
    const cards = this.play.entries.map((entry, index) => {
      const { meta, sides, tracks, rounds } = entry.scenario;
      const play = button(`Play “${meta.title}”`, () => this.choose(index), {
        class: 'primary',
        ...(index < 9 ? { key: String(index + 1) } : {}),
      });
      if (entry === focus) queueMicrotask(() => this.focusControl(play));
      return el(
        'li',
        { class: `card scenario-card${entry.origin ? ' loaded' : ''}` },
        el('h2', { text: meta.title }),
        entry.origin ? el('p', { class: 'origin', text: `Loaded from ${entry.origin}` }) : null,
        el('p', {
          class: 'meta',
          text: `${meta.date} · ${sides.map((side) => side.name).join(' vs ')} · ${rounds.length} rounds · by ${meta.authors.join(', ')}`,
        }),
        el('p', { text: meta.summary }),
        el('p', { class: 'meta', text: `Tracks: ${tracks.map((track) => track.name).join(', ')}` }),
        el(
          'details',
          {},
          el('summary', { text: `Sources (${meta.sources.length})` }),
          el('ul', { class: 'sources' }, ...meta.sources.map((source) => el('li', {}, sourceLink(source.label, source.url)))),
        ),
        el('div', { class: 'actions' }, play),
      );
    });
    this.list.replaceChildren(...cards);
  }

  /** Takes a scenario from outside: added to the list when valid, or every problem shown. The rest stays as it was. */
  private async takeScenario(origin: string, reading: Promise<Checked<LoadedScenario>>): Promise<void> {
    const result = await reading;
    if (!this.scene.isActive()) return;
    if (!result.ok) {
      this.showProblems(origin, result.problems);
      return;
    }
    this.problems.hidden = true;
    const entry: CatalogueEntry = { ...result.value, origin };
    this.play.entries.push(entry);
    this.renderList(entry);
    this.app.sound.play('card');
    this.app.announcer.say(`Loaded “${entry.scenario.meta.title}” from ${origin}. It is now in the list.`);
  }

  private showProblems(origin: string, problems: Problem[]): void {
    showProblems(
      this.problems,
      origin,
      problems,
      'Fix the file and load it again; `npx red-lines scenario check FILE` lists the same problems.',
      () => this.list.querySelector<HTMLElement>('button')?.focus(),
    );
  }
}
