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
import type { Scenario } from '../../engine/scenario/schema.ts';
import { narrateRound } from '../../engine/session/narrate.ts';
import { button, el } from '../ui/dom.ts';
import {
  aiPersona,
  debriefTerms,
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
import { glossaryAnchor } from './glossary-scene.ts';
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

  /** A link to a glossary entry: a real link to the entry's anchor, which opens the glossary there. */
  private termLink(link: TermLink): HTMLElement {
    return el(
      'a',
      {
        class: 'term-link',
        attrs: { href: `#${glossaryAnchor(link.id)}` },
        on: {
          click: (event) => {
            event.preventDefault();
            this.click();
            this.scene.start('glossary', { term: link.id, back: 'debrief' });
          },
        },
      },
      link.term,
      el('span', { class: 'visually-hidden', text: ' (glossary)' }),
    );
  }

  /** "In the glossary: A, B." — nothing when there are no entries to link to. */
  private termLinks(links: TermLink[], lead = 'In the glossary: '): HTMLElement | null {
    if (links.length === 0) return null;
    return el('p', { class: 'term-links' }, lead, ...links.flatMap((link, i) => [i > 0 ? ', ' : null, this.termLink(link)]), '.');
  }

  private decisionElement(scenario: Scenario, decision: Decision, glossary: GlossaryTerm[]): HTMLElement {
    const view = decisionView(scenario, decision, glossary);
    return el(
      'div',
      { class: 'ai-reasons' },
      el('h4', { text: view.heading }),
      el('ul', {}, ...view.reasons.map((reason) => el('li', { text: reason }))),
      this.termLinks(view.terms),
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
    const belief = persona ? warBeliefLines(persona) : null;
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
      el('p', {
        text: 'Each score is an expected value: what was settled counts only as far as peace holds, and what war is worth to the side counts as far as war is likely.',
      }),
      this.termLinks(termLinks(glossary, ['expected-value'])),
      ...scoreWords(scores).map((side) =>
        el(
          'div',
          { class: 'score-side' },
          el('h4', { text: side.name }),
          el('p', {}, el('strong', { text: 'Your game: ' }), side.game.join(' ')),
          el('p', {}, el('strong', { text: 'History: ' }), side.history.join(' ')),
        ),
      ),
    );
    const printedTerms = debriefTerms(scenario, game, glossary);
    const printedGlossary = el(
      'section',
      { class: 'print-only debrief-glossary' },
      el('h2', { text: 'Terms used in this debrief' }),
      el('dl', {}, ...printedTerms.flatMap((entry) => [el('dt', { text: entry.term }), el('dd', { text: entry.definition })])),
    );

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
            persona
              ? el(
                  'section',
                  { class: 'persona' },
                  el('h2', { text: `Your counterpart was: ${persona.name}` }),
                  el('p', { text: persona.description }),
                  belief
                    ? el(
                        'div',
                        { class: 'war-belief' },
                        el('h3', { text: 'What it believed war would bring' }),
                        el('p', { text: belief.text }),
                        el('p', { class: 'meta', text: belief.numbers }),
                      )
                    : null,
                  el('p', {
                    class: 'meta',
                    text: `Resolve ${persona.resolve}, risk tolerance ${persona.riskTolerance}, patience ${persona.patience}, bluffing ${persona.bluff}.`,
                  }),
                  this.termLinks(termLinks(glossary, belief ? ['persona', 'outside-option'] : ['persona'])),
                )
              : null,
            rounds,
            el(
              'section',
              {},
              el('h2', { text: 'Against history' }),
              scoreTable,
              scoreExplained,
              el('p', { text: scenario.debrief.outcome.text }),
              el('p', { text: scenario.debrief.summary }),
            ),
            el(
              'section',
              { class: 'questions' },
              el('h2', { text: 'For discussion' }),
              el('ol', {}, ...scenario.debrief.questions.map((question) => el('li', { text: question }))),
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
    const chart = new RiskChart(
      this,
      bands(scenario),
      series.map((point) => point.label),
      [series.map((point) => point.risk)],
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
