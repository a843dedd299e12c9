/**
 * The class view, for instructors: many students' session files loaded at once and seen side by
 * side — a table, the spread of outcomes, every game's risk curve on one chart (each in its own
 * style, numbered, and linked to its row) — with the table exported as CSV and any session opened
 * in the replay viewer. Every file is verified (seal and replay); a bad one is listed with its
 * problem and changes nothing, and the same game loaded twice counts once. Each game's embedded
 * scenario is compared with a reference the instructor chooses — by default the bundled scenario
 * of the same id — and a game whose scenario differs is marked, the differing paths given.
 */
import type { Scenario } from '../../engine/scenario/schema.ts';
import { formatProblem } from '../../engine/scenario/problems.ts';
import type { LoadedSession } from '../../engine/session/load.ts';
import { formatDifference, scenarioDifferences } from '../../engine/session/scenario-diff.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { watchDrops } from '../ui/drop.ts';
import { fileInput as hiddenFileInput, SCENARIO_FILES, SESSION_FILES } from '../ui/file-input.ts';
import { classRow, curveStyle, outcomeDistribution, toCsv, type ClassRow } from '../view/class-view.ts';
import { OUTCOME_TITLES } from '../view/debrief-view.ts';
import { bands } from '../view/risk-view.ts';
import { classChart, curveSwatch, type ClassChart } from './class-chart.ts';
import { PlayContextScene } from './play-context-scene.ts';
import type { PlayContext } from './play-context.ts';
import { readScenarioFile } from './scenario-sources.ts';
import { readSessionFile } from './session-file.ts';

/** How many differing paths a row names before it counts the rest. */
const SHOWN_DIFFERENCES = 3;
/** The reference chosen by default: for each game, the bundled scenario with its id. */
const SAME_ID = 'same-id';

interface Loaded {
  row: ClassRow;
  loaded: LoadedSession;
}

interface Reference {
  /** How the reference is named in the list of choices ("the bundled “Geneva 2022 — …”", "geneva-2022.yaml"). */
  name: string;
  /** How the rows name it, briefly ("bundled geneva-2022", "geneva-2022.yaml"). */
  short: string;
  scenario: Scenario;
}

/** A game's scenario against the reference: matches, differs (with the paths), or no reference to compare with. */
type Comparison =
  { kind: 'matches'; reference: string } | { kind: 'differs'; reference: string; lines: string[] } | { kind: 'none'; why: string };

export class ClassViewScene extends PlayContextScene {
  /** Kept while the scene is away (a replay opened from here comes back to the same class). */
  private sessions: Loaded[] = [];
  private refused: string[] = [];
  /** A scenario file the instructor loaded as the reference, kept with the class. */
  private loadedReference: Reference | null = null;
  /** SAME_ID, "bundled:<index>" or "file". */
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
    const referenceInput = hiddenFileInput('Reference scenario file', SCENARIO_FILES, false, (files) => void this.loadReference(files[0]!));
    this.body = el('div', { class: 'class-body' });
    this.summary = el('div', { class: 'class-summary' });
    this.chartSlot = el('div', { class: 'class-chart' });
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
        el(
          'div',
          { class: 'class-side scroll' },
          el(
            'div',
            { class: 'reference-bar' },
            el('label', { text: 'Compare each game’s scenario with', attrs: { for: selectId } }),
            this.referenceSelect,
            button('Load a reference scenario…', () => referenceInput.click()),
            referenceInput,
          ),
          this.body,
        ),
      ),
    );
    this.mount(panel, 'Class view. Load session files to compare them.');
    this.onTeardown(watchDrops(this.app.ui, panel, (file) => void this.addFiles([file])));
    this.keys({ Escape: back, l: () => fileInput.click(), e: () => this.exportCsv() });
    this.render();
  }

  /** Reads, verifies and adds files; each bad one is listed with its first problem, a game already here is named. */
  private async addFiles(files: File[]): Promise<void> {
    for (const file of files) {
      const verified = await readSessionFile(file);
      if (!verified.ok) {
        this.refused.push(`${file.name}: ${formatProblem(verified.problems[0]!)}`);
        continue;
      }
      const { session, scenario, snapshots } = verified.value;
      const row = classRow(file.name, scenario, snapshots.at(-1)!.context.game!, session);
      const twin = this.sessions.find((item) => item.row.id === row.id);
      if (twin) {
        this.refused.push(`${file.name}: already loaded, the same game as ${twin.row.file}`);
        continue;
      }
      this.sessions.push({ row, loaded: { session, scenario } });
    }
    if (!this.scene.isActive()) return;
    this.render();
    this.app.announcer.say(
      `${this.sessions.length} session${this.sessions.length === 1 ? '' : 's'} loaded${this.refused.length ? `, ${this.refused.length} not loaded` : ''}.`,
    );
  }

  private async loadReference(file: File): Promise<void> {
    const read = await readScenarioFile(file);
    if (!this.scene.isActive()) return;
    if (!read.ok) {
      this.app.notify(`${file.name} cannot be the reference: ${formatProblem(read.problems[0]!)}`);
      return;
    }
    this.loadedReference = { name: file.name, short: file.name, scenario: read.value.scenario };
    this.referenceChoice = 'file';
    this.render();
    this.app.announcer.say(`Each game’s scenario is now compared with ${file.name}.`);
  }

  private clear(): void {
    this.sessions = [];
    this.refused = [];
    this.render();
  }

  /** The bundled scenarios, in the picker's order. */
  private bundled(): Reference[] {
    return this.play.entries
      .filter((entry) => entry.origin === null)
      .map(({ scenario }) => ({ name: `the bundled “${scenario.meta.title}”`, short: `bundled ${scenario.meta.id}`, scenario }));
  }

  private compare(scenario: Scenario): Comparison {
    let reference: Reference | undefined;
    if (this.referenceChoice === SAME_ID) {
      reference = this.bundled().find((item) => item.scenario.meta.id === scenario.meta.id);
      if (!reference) return { kind: 'none', why: `no bundled scenario has the id “${scenario.meta.id}”: choose a reference` };
    } else if (this.referenceChoice === 'file') reference = this.loadedReference ?? undefined;
    else reference = this.bundled()[Number(this.referenceChoice.slice('bundled:'.length))];
    if (!reference) return { kind: 'none', why: 'no reference chosen' };
    const differences = scenarioDifferences(scenario, reference.scenario, SHOWN_DIFFERENCES + 1);
    if (differences.length === 0) return { kind: 'matches', reference: reference.short };
    const lines = differences.slice(0, SHOWN_DIFFERENCES).map((difference) => formatDifference(difference, 'the reference'));
    if (differences.length > SHOWN_DIFFERENCES) lines.push('… and more');
    return { kind: 'differs', reference: reference.short, lines };
  }

  private renderReferenceChoices(): void {
    const options = [
      el('option', { text: 'the bundled scenario with the same id', attrs: { value: SAME_ID } }),
      ...this.bundled().map((item, i) => el('option', { text: item.name, attrs: { value: `bundled:${i}` } })),
      ...(this.loadedReference ? [el('option', { text: this.loadedReference.name, attrs: { value: 'file' } })] : []),
    ];
    this.referenceSelect.replaceChildren(...options);
    this.referenceSelect.value = this.referenceChoice;
  }

  private render(): void {
    const rows = this.sessions.map((item) => item.row);
    const distribution = outcomeDistribution(rows).filter((item) => item.count > 0);
    const refused = this.refused.length
      ? el(
          'section',
          { class: 'problems-panel', attrs: { role: 'alert' } },
          el('h2', { text: 'Not loaded' }),
          el('ul', { class: 'problem-list' }, ...this.refused.map((text) => el('li', { text }))),
        )
      : null;
    this.renderReferenceChoices();
    this.summary.replaceChildren(
      el('h2', { text: `${rows.length} session${rows.length === 1 ? '' : 's'}` }),
      el(
        'ul',
        { class: 'distribution', attrs: { 'aria-label': 'Outcomes' } },
        ...distribution.map((item) =>
          el(
            'li',
            { attrs: { style: `--share: ${(item.share * 100).toFixed(1)}%` } },
            el('span', {
              class: 'distribution-label',
              text: item.outcome === 'unfinished' ? 'Unfinished' : OUTCOME_TITLES[item.outcome]!,
            }),
            el('span', { class: 'distribution-value', text: `${item.count} (${(item.share * 100).toFixed(0)}%)` }),
          ),
        ),
      ),
    );
    this.body.replaceChildren(
      ...(refused ? [refused] : []),
      rows.length === 0
        ? el('p', {
            class: 'quiet',
            text: 'No sessions yet. Load the session files your students downloaded from their debriefs, or drop them here.',
          })
        : this.table(),
    );
    const longest = Math.max(1, ...rows.map((row) => row.curve.length));
    this.chart = rows.length
      ? classChart(
          bands(this.sessions[0]!.loaded.scenario),
          Array.from({ length: longest }, (_, i) => (i === 0 ? 'Start' : `R${i}`)),
          rows.map((row, i) => ({
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
    this.app.ui.dataset.sessions = String(rows.length);
  }

  /** One game's curve and row stand out, the others step back; null for none. */
  private highlight(index: number | null): void {
    this.chart?.highlight(index);
    this.rows.forEach((row, i) => row.classList.toggle('highlighted', i === index));
  }

  private table(): HTMLElement {
    // One scenario for the whole class (the usual case) is named once, above the table, not on every row.
    const scenarios = new Set(this.sessions.map(({ row }) => row.scenario));
    const oneScenario = scenarios.size === 1 ? [...scenarios][0]! : null;
    // The game's name holds its side and players (and its scenario when the class has several), so they need no columns of their own.
    const columns = ['Game', 'Opponent', 'Outcome', 'Scores', 'Scenario check'];
    const comparisons = this.sessions.map(({ loaded }) => this.compare(loaded.scenario));
    // One reference for every row is named once (by the list of choices); several are named on each row.
    const references = new Set(comparisons.flatMap((comparison) => (comparison.kind === 'none' ? [] : [comparison.reference])));
    this.rows = this.sessions.map(({ row, loaded }, index) => {
      const comparison = comparisons[index]!;
      const tr = el(
        'tr',
        {
          class: comparison.kind === 'differs' ? 'differs' : '',
          on: {
            mouseenter: () => this.highlight(index),
            mouseleave: () => this.highlight(null),
            focusin: () => this.highlight(index),
            focusout: () => this.highlight(null),
          },
        },
        el(
          'th',
          { attrs: { scope: 'row' } },
          el('span', { class: 'game-key' }, curveSwatch(curveStyle(index)), el('span', { class: 'curve-number', text: String(index + 1) })),
          el('span', { class: 'line', text: oneScenario ? row.who : row.name }),
          el('span', { class: 'line quiet', text: row.file }),
        ),
        el('td', { text: row.opponent }),
        // Related figures share a cell, a line each, so that the table fits a narrow window at large text (the CSV keeps them apart).
        el(
          'td',
          {},
          el('span', { class: 'line', text: row.outcome ? OUTCOME_TITLES[row.outcome]! : 'unfinished' }),
          el('span', { class: 'line figure', text: `final risk ${row.finalRisk.toFixed(1)}` }),
          el('span', { class: 'line figure', text: `${row.rounds} round${row.rounds === 1 ? '' : 's'}` }),
        ),
        el(
          'td',
          {},
          el('span', { class: 'line figure', text: `player ${row.playerScore.toFixed(1)}` }),
          el('span', { class: 'line figure', text: `other ${row.otherScore.toFixed(1)}` }),
        ),
        this.comparisonCell(comparison, row, references.size > 1),
        el(
          'td',
          {},
          button('Replay', () => this.scene.start('replay', { loaded, name: row.name, back: 'class-view' }), {
            attrs: { 'aria-label': `Replay game ${index + 1}, ${row.name}` },
          }),
        ),
      );
      return tr;
    });
    return el(
      'table',
      { class: 'class-table' },
      el('caption', {
        class: oneScenario ? 'table-caption' : 'visually-hidden',
        text: oneScenario ? `Scenario: ${oneScenario}` : 'Sessions',
      }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...columns.map((text) => el('th', { text, attrs: { scope: 'col' } })),
          // Every header has words, for a screen reader, even where the buttons speak for themselves.
          el('th', { attrs: { scope: 'col' } }, el('span', { class: 'visually-hidden', text: 'Replay' })),
        ),
      ),
      el('tbody', {}, ...this.rows),
    );
  }

  /** The scenario check of a row, in words (never by colour alone), with what format 3 files leave unchecked. */
  private comparisonCell(comparison: Comparison, row: ClassRow, nameReference: boolean): HTMLElement {
    const old =
      row.formatVersion < 4
        ? el('span', { class: 'line quiet', text: `format ${row.formatVersion}: only the moves and states are checked` })
        : null;
    if (comparison.kind === 'matches')
      return el(
        'td',
        { class: 'scenario-check' },
        el('span', { class: 'line', text: nameReference ? `✓ matches ${comparison.reference}` : '✓ matches' }),
        old,
      );
    if (comparison.kind === 'none')
      return el('td', { class: 'scenario-check quiet' }, el('span', { class: 'line', text: comparison.why }), old);
    return el(
      'td',
      { class: 'scenario-check' },
      el('strong', { class: 'line differs-label', text: nameReference ? `⚠ differs from ${comparison.reference}` : '⚠ differs' }),
      el('ul', { class: 'differences' }, ...comparison.lines.map((text) => el('li', { text }))),
      old,
    );
  }

  private exportCsv(): void {
    if (this.sessions.length === 0) return;
    this.click();
    const blob = new Blob([toCsv(this.sessions.map((item) => item.row))], { type: 'text/csv' });
    const link = el('a', {
      attrs: { href: URL.createObjectURL(blob), download: `red-lines-class-${new Date().toISOString().slice(0, 10)}.csv` },
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}
