/**
 * The class view, for instructors: many students' session files loaded at once and seen side by
 * side — a table, the spread of outcomes, every game's risk curve on one chart — with the table
 * exported as CSV and any session opened in the replay viewer. Every file is verified by replay;
 * a bad one is listed with its problem and changes nothing.
 */
import type { LoadedSession } from '../../engine/session/load.ts';
import { loadSessionText, replaySession } from '../../engine/session/load.ts';
import { formatProblem } from '../../engine/scenario/problems.ts';
import { button, el } from '../ui/dom.ts';
import { watchDrops } from '../ui/drop.ts';
import { classRow, outcomeDistribution, toCsv, type ClassRow } from '../view/class-view.ts';
import { OUTCOME_TITLES } from '../view/debrief-view.ts';
import { bands } from '../view/risk-view.ts';
import { RiskChart } from '../widgets/risk-chart.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';
import { fileInput as hiddenFileInput, SESSION_FILES } from '../ui/file-input.ts';

/** Session files embed a whole scenario; this is ample for any of them. */
const MAX_SESSION_BYTES = 8 * 1024 * 1024;

interface Loaded {
  row: ClassRow;
  loaded: LoadedSession;
}

export class ClassViewScene extends PlayScene {
  /** Kept while the scene is away (a replay opened from here comes back to the same class). */
  private sessions: Loaded[] = [];
  private refused: string[] = [];
  private body!: HTMLElement;
  private summary!: HTMLElement;
  private chartSlot!: HTMLElement;
  private chart: RiskChart | null = null;

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
    this.chartSlot = el('div', {
      class: 'chart-slot class-chart',
      attrs: { role: 'img', 'aria-label': 'Every session’s risk curve; the figures are in the table.' },
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
      // The chart keeps its place (it is drawn on the canvas); the table below it scrolls, across the whole width.
      el(
        'div',
        { class: 'class-grid' },
        this.summary,
        el('section', { class: 'chart' }, el('h2', { text: 'Risk, round by round' }), this.chartSlot),
        el('div', { class: 'class-side scroll' }, this.body),
      ),
    );
    this.mount(panel, 'Class view. Load session files to compare them.');
    this.onTeardown(watchDrops(this.app.ui, panel, (file) => void this.addFiles([file])));
    this.keys({ Escape: back, l: () => fileInput.click(), e: () => this.exportCsv() });
    this.followLayout([this.chartSlot], () => this.chart?.layout(this.rectOf(this.chartSlot)));
    this.onTeardown(() => this.chart?.destroy());
    this.render();
  }

  /** Reads, verifies and adds files; each bad one is listed with its first problem. */
  private async addFiles(files: File[]): Promise<void> {
    for (const file of files) {
      if (file.size > MAX_SESSION_BYTES) {
        this.refused.push(`${file.name}: larger than 8 MiB`);
        continue;
      }
      const loaded = loadSessionText(await file.text());
      const replay = loaded.ok ? replaySession(loaded.value) : null;
      const problems = !loaded.ok ? loaded.problems : replay!.problems;
      if (!loaded.ok || problems.length > 0) {
        this.refused.push(`${file.name}: ${formatProblem(problems[0]!)}`);
        continue;
      }
      const game = replay!.snapshots.at(-1)!.context.game!;
      this.sessions.push({ row: classRow(file.name, loaded.value.scenario, game, loaded.value.session.players), loaded: loaded.value });
    }
    if (!this.scene.isActive()) return;
    this.render();
    this.app.announcer.say(
      `${this.sessions.length} session${this.sessions.length === 1 ? '' : 's'} loaded${this.refused.length ? `, ${this.refused.length} refused` : ''}.`,
    );
  }

  private clear(): void {
    this.sessions = [];
    this.refused = [];
    this.render();
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
    this.chart?.destroy();
    const longest = Math.max(1, ...rows.map((row) => row.curve.length));
    this.chart = rows.length
      ? new RiskChart(
          this,
          bands(this.sessions[0]!.loaded.scenario),
          Array.from({ length: longest }, (_, i) => (i === 0 ? 'Start' : `R${i}`)),
          rows.map((row) => row.curve),
        )
      : null;
    this.chart?.layout(this.rectOf(this.chartSlot));
    this.app.ui.dataset.sessions = String(rows.length);
  }

  private table(): HTMLElement {
    // One scenario for the whole class (the usual case) is named once, above the table, not on every row.
    const scenarios = new Set(this.sessions.map(({ row }) => row.scenario));
    const oneScenario = scenarios.size === 1 ? [...scenarios][0]! : null;
    const columns = ['File', 'Players', ...(oneScenario ? [] : ['Scenario']), 'Side', 'Opponent', 'Outcome', 'Scores'];
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
      el(
        'tbody',
        {},
        ...this.sessions.map(({ row, loaded }) =>
          el(
            'tr',
            {},
            el('th', { text: row.file, attrs: { scope: 'row' } }),
            row.players ? el('td', { text: row.players }) : el('td', { class: 'quiet', text: 'not given' }),
            oneScenario ? null : el('td', { text: row.scenario }),
            el('td', { text: row.side }),
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
            el(
              'td',
              {},
              button('Replay', () => this.scene.start('replay', { loaded, name: row.file, back: 'class-view' }), {
                attrs: { 'aria-label': `Replay ${row.file}` },
              }),
            ),
          ),
        ),
      ),
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
