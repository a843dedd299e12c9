/**
 * The class view, for instructors: many students' session files loaded at once and seen side by
 * side — a table, the spread of outcomes, every game's risk curve on one chart (each in its own
 * style, numbered, and linked to its row) — with the table exported as CSV and any session opened
 * in the replay viewer. Every file is verified (seal and replay); a bad one is listed with its
 * problem and changes nothing, and the same game loaded twice counts once. Each game's embedded
 * scenario is compared with a reference the instructor chooses — by default the bundled scenario
 * of the same id — and a game whose scenario differs is marked, the differing paths given.
 */
import { formatProblem } from '../../engine/scenario/problems.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { watchDrops } from '../ui/drop.ts';
import { fileInput as hiddenFileInput, SCENARIO_FILES, SESSION_FILES } from '../ui/file-input.ts';
import { curveStyle } from '../view/class-view.ts';
import {
  bundledReference,
  compareScenario,
  LOADED_FILE,
  loadedReference,
  referenceChoices,
  SAME_ID,
  type Reference,
  type References,
} from '../view/class-reference.ts';
import { bands } from '../view/risk-view.ts';
import { classChart, type ClassChart } from './class-chart.ts';
import { addSessionFiles, downloadClassCsv, loadedSummary, type ClassFiles } from './class-files.ts';
import { classTable } from './panels/class-table.ts';
import { outcomeSummary, refusedFiles } from './panels/class-summary.ts';
import { PlayContextScene } from './play-context-scene.ts';
import type { PlayContext } from './play-context.ts';
import { readScenarioFile } from './scenario-sources.ts';

export class ClassViewScene extends PlayContextScene {
  /** Kept while the scene is away (a replay opened from here comes back to the same class). */
  private readonly files: ClassFiles = { sessions: [], refused: [] };
  /** A scenario file the instructor loaded as the reference, kept with the class. */
  private loadedReference: Reference | null = null;
  /** SAME_ID, "bundled:<index>" or LOADED_FILE. */
  private referenceChoice = SAME_ID;
  private body!: HTMLElement;
  private summary!: HTMLElement;
  private chartSlot!: HTMLElement;
  private referenceSelect!: HTMLSelectElement;
  private chart: ClassChart | null = null;
  private rows: HTMLTableRowElement[] = [];

  constructor(play: PlayContext) {
    super('class-view', play);
  }

  create(): void {
    const back = () => {
      this.click();
      this.scene.start('title');
    };
    const fileInput = hiddenFileInput('Session files', SESSION_FILES, true, (files) => void this.addFiles(files));
    this.body = el('div', { class: 'class-body' });
    this.summary = el('div', { class: 'class-summary' });
    this.chartSlot = el('div', { class: 'class-chart' });
    const panel = el(
      'div',
      { class: 'screen class-screen' },
      el(
        'header',
        { class: 'game-header' },
        el(
          'div',
          { class: 'heading' },
          el('h1', { text: 'Class view' }),
          el('p', { class: 'meta', text: 'Students’ session files side by side' }),
        ),
        el(
          'nav',
          { class: 'header-actions', attrs: { 'aria-label': 'Class view' } },
          button('Load session files…', () => fileInput.click(), { key: 'L' }),
          button('Export the table as CSV', () => this.exportCsv(), { key: 'E' }),
          button('Clear', () => this.clear()),
          button('Back to menu', back, { key: 'Esc' }),
          fileInput,
        ),
      ),
      // The outcomes and the chart share the top; the table below scrolls, across the whole width.
      el(
        'div',
        { class: 'class-grid' },
        this.summary,
        el('section', { class: 'chart' }, el('h2', { text: 'Risk, round by round' }), this.chartSlot),
        el('div', { class: 'class-side scroll' }, this.referenceBar(), this.body),
      ),
    );
    this.mount(panel, 'Class view. Load session files to compare them.');
    this.onTeardown(watchDrops(this.app.ui, panel, (file) => void this.addFiles([file])));
    this.keys({ Escape: back, l: () => fileInput.click(), e: () => this.exportCsv() });
    this.render();
  }

  /** The choice of the reference each game's scenario is compared with, and a scenario file to load as one. */
  private referenceBar(): HTMLElement {
    const referenceInput = hiddenFileInput('Reference scenario file', SCENARIO_FILES, false, (files) => void this.loadReference(files[0]!));
    const selectId = uniqueId('reference');
    this.referenceSelect = el('select', {
      id: selectId,
      on: {
        change: () => {
          this.referenceChoice = this.referenceSelect.value;
          this.render();
        },
      },
    });
    return el(
      'div',
      { class: 'reference-bar' },
      el('label', { text: 'Compare each game’s scenario with', attrs: { for: selectId } }),
      this.referenceSelect,
      button('Load a reference scenario…', () => referenceInput.click()),
      referenceInput,
    );
  }

  /** Reads, verifies and adds files (class-files.ts), then shows the class and says how many loaded. */
  private async addFiles(files: File[]): Promise<void> {
    await addSessionFiles(files, this.files);
    if (!this.scene.isActive()) return;
    this.render();
    this.app.announcer.say(loadedSummary(this.files));
  }

  private async loadReference(file: File): Promise<void> {
    const read = await readScenarioFile(file);
    if (!this.scene.isActive()) return;
    if (!read.ok) {
      this.app.notify(`${file.name} cannot be the reference: ${formatProblem(read.problems[0]!)}`);
      return;
    }
    this.loadedReference = loadedReference(file.name, read.value.scenario);
    this.referenceChoice = LOADED_FILE;
    this.render();
    this.app.announcer.say(`Each game’s scenario is now compared with ${file.name}.`);
  }

  private clear(): void {
    this.files.sessions = [];
    this.files.refused = [];
    this.render();
  }

  /** The bundled scenarios, in the picker's order, and the file loaded. */
  private references(): References {
    const bundled = this.play.entries.filter((entry) => entry.origin === null).map(({ scenario }) => bundledReference(scenario));
    return { bundled, loaded: this.loadedReference };
  }

  private render(): void {
    const { sessions, refused } = this.files;
    const rows = sessions.map((item) => item.row);
    const references = this.references();
    this.referenceSelect.replaceChildren(
      ...referenceChoices(references).map(({ value, text }) => el('option', { text, attrs: { value } })),
    );
    this.referenceSelect.value = this.referenceChoice;
    this.summary.replaceChildren(...outcomeSummary(rows));
    const comparisons = sessions.map(({ loaded }) => compareScenario(loaded.scenario, this.referenceChoice, references));
    const table = rows.length
      ? classTable(sessions, comparisons, {
          highlight: (index) => this.highlight(index),
          replay: ({ loaded, row }) => this.scene.start('replay', { loaded, name: row.name, back: 'class-view' }),
        })
      : null;
    this.rows = table?.rows ?? [];
    this.body.replaceChildren(
      ...[refusedFiles(refused)].filter((item) => item !== null),
      table?.table ??
        el('p', {
          class: 'quiet',
          text: 'No sessions yet. Load the session files your students downloaded from their debriefs, or drop them here.',
        }),
    );
    this.renderChart();
    this.app.ui.dataset.sessions = String(rows.length);
  }

  /** Every game's curve, numbered and styled as its row; picking one takes focus to its row's Replay. */
  private renderChart(): void {
    const { sessions } = this.files;
    const longest = Math.max(1, ...sessions.map(({ row }) => row.curve.length));
    this.chart = sessions.length
      ? classChart(
          bands(sessions[0]!.loaded.scenario),
          Array.from({ length: longest }, (_, i) => (i === 0 ? 'Start' : `R${i}`)),
          sessions.map(({ row }, i) => ({
            label: `${i + 1}: ${row.name}, final risk ${row.finalRisk.toFixed(1)}`,
            style: curveStyle(i),
            risks: row.curve,
          })),
          {
            enter: (index) => this.highlight(index),
            leave: () => this.highlight(null),
            pick: (index) => {
              const replay = this.rows[index]?.querySelector('button');
              if (replay) this.focusControl(replay);
            },
          },
        )
      : null;
    this.chartSlot.replaceChildren(this.chart?.element ?? el('p', { class: 'quiet', text: 'Each game’s curve will be drawn here.' }));
  }

  /** One game's curve and row stand out, the others step back; null for none. */
  private highlight(index: number | null): void {
    this.chart?.highlight(index);
    this.rows.forEach((row, i) => row.classList.toggle('highlighted', i === index));
  }

  private exportCsv(): void {
    if (this.files.sessions.length === 0) return;
    this.click();
    downloadClassCsv(
      this.files.sessions.map((item) => item.row),
      new Date(),
    );
  }
}
