/**
 * The outcome and debrief: how the game ended, the risk round by round with the factors of each
 * change, every decision, the AI's persona and reasons revealed in plain sentences with links to
 * the glossary (the raw numbers folded away), the scores beside the historical outcome with their
 * arithmetic in words, the discussion questions, and the session file to hand in. A visit to the
 * glossary (or help, or settings) comes back to the debrief as it was left.
 */
import Phaser from 'phaser';
import { glossaryOf, type GlossaryTerm } from '../../engine/glossary.ts';
import type { Decision } from '../../engine/rules/state.ts';
import type { Persona, Scenario } from '../../engine/scenario/schema.ts';
import { narrateRound } from '../../engine/session/narrate.ts';
import { append, button, el } from '../ui/dom.ts';
import { termLink, termText } from '../ui/term-text.ts';
import {
  aiPersona,
  decisionsByRound,
  decisionView,
  OUTCOME_TITLES,
  scoreRows,
  scoreWords,
  termLinks,
  warBeliefLines,
  type TermLink,
} from '../view/debrief-view.ts';
import { bandName, bands, factorLine, riskSeries } from '../view/risk-view.ts';
import { RiskChart } from '../widgets/risk-chart.ts';
import { riskChartSvg } from '../widgets/risk-chart-svg.ts';
import type { GameController } from './game-controller.ts';
import { gameHeader } from './panels/game-header.ts';
import { PlayScene } from './play-scene.ts';
import { downloadSession } from './session-file.ts';
import type { PlayContext } from './play-context.ts';

/** How the debrief was left: kept while another screen is open, for the same game. */
interface LeftAs {
  controller: GameController;
  scroll: number;
  open: boolean[];
  /** The index of the focused control among the debrief's focusable elements, or -1. */
  focus: number;
}

const FOCUSABLE = 'a[href], button, summary, input, select';

/** A score with a true minus sign. */
const points = (value: number) => value.toFixed(1).replace('-', '−');

export class DebriefScene extends PlayScene {
  private leftAs: LeftAs | null = null;

  constructor(play: PlayContext) {
    super('debrief', play);
  }

  /** Opens the glossary at an entry; Back comes to this debrief as it was left. */
  private readonly openTerm = (id: string) => {
    this.click();
    this.scene.start('glossary', { term: id, back: 'debrief' });
  };

  /** A paragraph of `text` with its glossary terms linked. */
  private linkedParagraph(text: string, glossary: readonly GlossaryTerm[]): HTMLElement {
    return el('p', {}, ...termText(text, glossary, this.openTerm));
  }

  /**
   * "In the glossary: A, B." for the entries behind a block that its text has not linked already
   * (`linked`); nothing when none is left.
   */
  private termLinks(links: TermLink[], linked: ReadonlySet<string> = new Set()): HTMLElement | null {
    const left = links.filter((link) => !linked.has(link.id));
    if (left.length === 0) return null;
    return el(
      'p',
      { class: 'term-links' },
      'In the glossary: ',
      ...left.flatMap((link, i) => [i > 0 ? ', ' : null, termLink(link.id, link.term, this.openTerm)]),
      '.',
    );
  }

  /** The AI's persona revealed, with its belief about war; one block for the glossary's links. */
  private personaSection(persona: Persona, glossary: readonly GlossaryTerm[]): HTMLElement {
    const belief = warBeliefLines(persona);
    const linked = new Set<string>();
    const linkedText = (text: string) => termText(text, glossary, this.openTerm, linked);
    return el(
      'section',
      { class: 'persona' },
      el('h2', { text: `Your counterpart was: ${persona.name}` }),
      el('p', {}, ...linkedText(persona.description)),
      belief
        ? el(
            'div',
            { class: 'war-belief' },
            el('h3', { text: 'What it believed war would bring' }),
            el('p', {}, ...linkedText(belief.text)),
            el('p', { class: 'meta', text: belief.numbers }),
          )
        : null,
      el('p', {
        class: 'meta',
        text: `Resolve ${persona.resolve}, risk tolerance ${persona.riskTolerance}, patience ${persona.patience}, bluffing ${persona.bluff}.`,
      }),
      this.termLinks(termLinks(glossary, belief ? ['persona', 'outside-option'] : ['persona']), linked),
    );
  }

  private decisionElement(scenario: Scenario, decision: Decision, glossary: GlossaryTerm[]): HTMLElement {
    const view = decisionView(scenario, decision, glossary);
    // The reasons are one block: each term is linked where it first appears in them.
    const linked = new Set<string>();
    return el(
      'div',
      { class: 'ai-reasons' },
      el('h3', { text: view.heading }),
      el('ul', {}, ...view.reasons.map((reason) => el('li', {}, ...termText(reason, glossary, this.openTerm, linked)))),
      this.termLinks(view.terms, linked),
      el(
        'details',
        { class: 'numbers' },
        el('summary', { text: 'The numbers' }),
        el('dl', {}, ...view.numbers.flatMap((row) => [el('dt', { text: row.label }), el('dd', { text: row.value })])),
      ),
    );
  }

  create(): void {
    const scenario = this.scenario;
    const game = this.gameState;
    const outcome = game.outcome!;
    const series = riskSeries(scenario, game);
    const persona = aiPersona(scenario, game);
    const decisions = decisionsByRound(game);
    const glossary = glossaryOf(scenario);
    const chartSlot = el('div', {
      class: 'chart-slot',
      attrs: { role: 'img', 'aria-label': `Risk by round: ${series.map((point) => `${point.label} ${point.risk.toFixed(1)}`).join(', ')}` },
    });

    const riskTable = el(
      'table',
      { class: 'risk-table' },
      el('caption', { text: 'The risk round by round, and why it moved' }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { text: 'Round', attrs: { scope: 'col' } }),
          el('th', { text: 'Risk', attrs: { scope: 'col' } }),
          el('th', { text: 'Factors', attrs: { scope: 'col' } }),
        ),
      ),
      el(
        'tbody',
        {},
        ...series.map((point) =>
          el(
            'tr',
            {},
            el('th', { text: point.label, attrs: { scope: 'row' } }),
            el('td', { text: `${point.risk.toFixed(1)} (${bandName(scenario, point.risk)})` }),
            el(
              'td',
              {},
              ...point.changes.map((change) => el('p', { text: `${change.stage}: ${change.factors.map(factorLine).join('; ')}` })),
            ),
          ),
        ),
      ),
    );

    const rounds = el(
      'section',
      { class: 'decisions' },
      el('h2', { text: 'Round by round' }),
      ...game.rounds.map((record) => {
        const lines = narrateRound(scenario, record);
        const reasons = decisions.get(record.round) ?? [];
        return el(
          'details',
          { attrs: { open: record.round === game.round } },
          el('summary', { text: lines[0]! }),
          el('pre', { class: 'narration', text: lines.slice(1).join('\n') }),
          ...reasons.map((decision) => this.decisionElement(scenario, decision, glossary)),
        );
      }),
    );

    const scores = scoreRows(scenario, game);
    const scoreTable = el(
      'table',
      { class: 'scores' },
      el('caption', { text: 'Scores: the expected value of the outcome, with standing at home' }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { text: 'Side', attrs: { scope: 'col' } }),
          el('th', { text: 'Your game', attrs: { scope: 'col' } }),
          el('th', { text: 'History', attrs: { scope: 'col' } }),
        ),
      ),
      el(
        'tbody',
        {},
        ...scores.map((row) =>
          el(
            'tr',
            {},
            el('th', { text: row.name, attrs: { scope: 'row' } }),
            el('td', { class: 'score', text: points(row.game.total) }),
            el('td', { class: 'score', text: points(row.history.total) }),
          ),
        ),
      ),
    );
    const scoreExplained = el(
      'section',
      { class: 'score-words' },
      el('h3', { text: 'How the scores add up' }),
      el(
        'p',
        {},
        'Each score is an ',
        termLink('expected-value', 'expected value', this.openTerm),
        ': what was settled counts only as far as peace holds, and what war is worth to the side counts as far as war is likely.',
      ),
      ...scoreWords(scores).map((side) => {
        const linked = new Set(['expected-value']);
        return el(
          'div',
          { class: 'score-side' },
          el('h4', { text: side.name }),
          el('p', {}, el('strong', { text: 'Your game: ' }), ...termText(side.game.join(' '), glossary, this.openTerm, linked)),
          el('p', {}, el('strong', { text: 'History: ' }), ...termText(side.history.join(' '), glossary, this.openTerm, linked)),
        );
      }),
    );
    // On paper the links cannot be followed: the page ends with every entry the debrief links to.
    const printedGlossary = el('section', { class: 'print-only debrief-glossary' }, el('h2', { text: 'Terms used in this debrief' }));

    const download = () => {
      this.click();
      downloadSession(this.play.controller!.session(new Date().toISOString()), scenario.meta.id);
      this.app.announcer.say('The session file has been downloaded.');
    };
    const again = () => {
      this.click();
      this.play.endGame();
      this.scene.start('setup');
    };
    // Printing (or saving as PDF) shows everything: closed sections open for the page, then close again.
    const print = () => {
      this.click();
      window.print();
    };
    const menu = () => {
      this.click();
      this.quit();
    };

    this.mount(
      el(
        'div',
        { class: 'screen debrief-screen' },
        gameHeader(this, scenario, game, `Outcome: ${OUTCOME_TITLES[outcome.kind]}`),
        el(
          'div',
          { class: 'debrief-grid' },
          el(
            'section',
            { class: 'chart' },
            el('p', {
              class: `outcome ${outcome.kind}`,
              text: `${outcome.reason} Final risk ${game.risk.toFixed(1)} (${bandName(scenario, game.risk)}), in round ${outcome.round + 1} of ${scenario.rounds.length}.`,
            }),
            el('h2', { text: 'The risk of war' }),
            chartSlot,
            el(
              'div',
              { class: 'print-only' },
              riskChartSvg(
                bands(scenario),
                series.map((point) => point.label),
                series.map((point) => point.risk),
                `Risk by round: ${series.map((point) => `${point.label} ${point.risk.toFixed(1)}`).join(', ')}`,
              ),
            ),
          ),
          el(
            'article',
            { class: 'debrief scroll' },
            riskTable,
            persona ? this.personaSection(persona, glossary) : null,
            rounds,
            el(
              'section',
              {},
              el('h2', { text: 'Against history' }),
              scoreTable,
              scoreExplained,
              this.linkedParagraph(scenario.debrief.outcome.text, glossary),
              this.linkedParagraph(scenario.debrief.summary, glossary),
            ),
            el(
              'section',
              { class: 'questions' },
              el('h2', { text: 'For discussion' }),
              el('ol', {}, ...scenario.debrief.questions.map((question) => el('li', {}, ...termText(question, glossary, this.openTerm)))),
            ),
            printedGlossary,
            el(
              'div',
              { class: 'actions' },
              button('Download the session file', download, { key: 'D', class: 'primary' }),
              button('Print the debrief', print, { key: 'P' }),
              button('Play again', again, { key: 'N' }),
              button('Main menu', menu, { key: 'M' }),
            ),
          ),
        ),
      ),
    );
    const linked = new Set(
      [...printedGlossary.closest('article')!.querySelectorAll<HTMLElement>('a.term-link')].map((link) => link.dataset.term),
    );
    append(
      printedGlossary,
      el(
        'dl',
        {},
        ...glossary
          .filter((entry) => linked.has(entry.id))
          .flatMap((entry) => [el('dt', { text: entry.term }), el('dd', { text: entry.definition })]),
      ),
    );
    const chart = new RiskChart(
      this,
      bands(scenario),
      series.map((point) => point.label),
      series.map((point) => point.risk),
    );
    this.followLayout([chartSlot], () => chart.layout(this.rectOf(chartSlot)));
    this.onTeardown(() => chart.destroy());
    this.keys({ d: download, n: again, m: menu, p: print });
    const details = () => [...this.app.ui.querySelectorAll('details')];
    const opened = new Set<HTMLDetailsElement>();
    const before = () => {
      for (const item of details()) {
        if (item.open) continue;
        opened.add(item);
        item.open = true;
      }
    };
    const after = () => {
      opened.forEach((item) => (item.open = false));
      opened.clear();
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    this.onTeardown(() => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    });
    this.restoreLeftAs();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.rememberLeftAs());
  }

  private get article(): HTMLElement | null {
    return this.app.ui.querySelector<HTMLElement>('.debrief-screen article.debrief');
  }

  /** Notes how the debrief is left (scroll, open sections, focus), before another screen replaces it. */
  private rememberLeftAs(): void {
    const article = this.article;
    const controller = this.play.controller;
    if (!article || !controller) {
      this.leftAs = null;
      return;
    }
    const focusable = [...this.app.ui.querySelectorAll<HTMLElement>(FOCUSABLE)];
    this.leftAs = {
      controller,
      scroll: article.scrollTop,
      open: [...this.app.ui.querySelectorAll('details')].map((item) => item.open),
      focus: document.activeElement instanceof HTMLElement ? focusable.indexOf(document.activeElement) : -1,
    };
  }

  /** Back from the glossary or another aside: the same game's debrief as it was left. */
  private restoreLeftAs(): void {
    const left = this.leftAs;
    this.leftAs = null;
    const article = this.article;
    if (!left || !article || left.controller !== this.play.controller) return;
    const details = [...this.app.ui.querySelectorAll('details')];
    if (details.length === left.open.length) details.forEach((item, i) => (item.open = left.open[i]!));
    article.scrollTop = left.scroll;
    const focus = [...this.app.ui.querySelectorAll<HTMLElement>(FOCUSABLE)][left.focus];
    focus?.focus({ preventScroll: true });
  }
}
