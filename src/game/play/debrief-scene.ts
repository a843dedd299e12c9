/**
 * The outcome and debrief: how the game ended, the risk round by round with the factors of each
 * change, every decision, the AI's persona and reasons revealed in plain sentences with links to
 * the glossary (the raw numbers folded away), the scores beside the historical outcome with their
 * arithmetic in words, the discussion questions, and the session file to hand in. A visit to the
 * glossary (or help, or settings) comes back to the debrief as it was left.
 */
import Phaser from 'phaser';
import { glossaryOf, type GlossaryTerm } from '../../engine/glossary.ts';
import type { GameState } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { append, button, el } from '../ui/dom.ts';
import { openDetailsWhilePrinting } from '../ui/print-details.ts';
import { termText } from '../ui/term-text.ts';
import { aiPersona, OUTCOME_TITLES } from '../view/debrief-view.ts';
import { bands, riskSeries } from '../view/risk-view.ts';
import { RiskChart } from '../widgets/risk-chart.ts';
import type { GameController } from './game-controller.ts';
import { outcomeChart, riskChartLabel, riskTable, type RiskSeries } from './panels/debrief-risk.ts';
import { personaSection, roundsSection } from './panels/debrief-reasons.ts';
import { againstHistory } from './panels/debrief-scores.ts';
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

/** What the debrief's buttons and their keys do. */
interface Actions {
  download: () => void;
  print: () => void;
  again: () => void;
  menu: () => void;
}

/**
 * On paper the links cannot be followed: the page ends with every entry the debrief's text
 * (`article`, built but for this section) links to.
 */
function printedGlossary(article: HTMLElement, glossary: readonly GlossaryTerm[]): HTMLElement {
  const linked = new Set([...article.querySelectorAll<HTMLElement>('a.term-link')].map((link) => link.dataset.term));
  return el(
    'section',
    { class: 'print-only debrief-glossary' },
    el('h2', { text: 'Terms used in this debrief' }),
    el(
      'dl',
      {},
      ...glossary
        .filter((entry) => linked.has(entry.id))
        .flatMap((entry) => [el('dt', { text: entry.term }), el('dd', { text: entry.definition })]),
    ),
  );
}

function actionsBar(actions: Actions): HTMLElement {
  return el(
    'div',
    { class: 'actions' },
    button('Download the session file', actions.download, { key: 'D', class: 'primary' }),
    button('Print the debrief', actions.print, { key: 'P' }),
    button('Play again', actions.again, { key: 'N' }),
    button('Main menu', actions.menu, { key: 'M' }),
  );
}

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

  create(): void {
    const scenario = this.scenario;
    const game = this.gameState;
    const series = riskSeries(scenario, game);
    const chartSlot = el('div', { class: 'chart-slot', attrs: { role: 'img', 'aria-label': riskChartLabel(series) } });
    const actions = this.actions(scenario);
    this.mount(
      el(
        'div',
        { class: 'screen debrief-screen' },
        gameHeader(this, scenario, game, `Outcome: ${OUTCOME_TITLES[game.outcome!.kind]}`),
        el(
          'div',
          { class: 'debrief-grid' },
          outcomeChart(scenario, game, series, chartSlot),
          this.debriefText(scenario, game, series, actions),
        ),
      ),
    );
    this.drawChart(scenario, series, chartSlot);
    this.keys({ d: actions.download, n: actions.again, m: actions.menu, p: actions.print });
    this.onTeardown(openDetailsWhilePrinting(this.app.ui));
    this.restoreLeftAs();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.rememberLeftAs());
  }

  /** The text beside the chart: the risk, the persona, the rounds, the scores, the questions, the printed glossary and the actions. */
  private debriefText(scenario: Scenario, game: GameState, series: RiskSeries, actions: Actions): HTMLElement {
    const glossary = glossaryOf(scenario);
    const persona = aiPersona(scenario, game);
    const article = el(
      'article',
      { class: 'debrief scroll' },
      riskTable(scenario, series),
      persona ? personaSection(persona, glossary, this.openTerm) : null,
      roundsSection(scenario, game, glossary, this.openTerm),
      againstHistory(scenario, game, glossary, this.openTerm),
      el(
        'section',
        { class: 'questions' },
        el('h2', { text: 'For discussion' }),
        el('ol', {}, ...scenario.debrief.questions.map((question) => el('li', {}, ...termText(question, glossary, this.openTerm)))),
      ),
    );
    append(article, printedGlossary(article, glossary), actionsBar(actions));
    return article;
  }

  private actions(scenario: Scenario): Actions {
    const click = (action: () => void) => () => {
      this.click();
      action();
    };
    return {
      download: click(() => {
        downloadSession(this.play.controller!.session(new Date().toISOString()), scenario.meta.id);
        this.app.announcer.say('The session file has been downloaded.');
      }),
      print: click(() => window.print()),
      again: click(() => {
        this.play.endGame();
        this.scene.start('setup');
      }),
      menu: click(() => this.quit()),
    };
  }

  /** The risk chart on the canvas, under its slot in the page. */
  private drawChart(scenario: Scenario, series: RiskSeries, slot: HTMLElement): void {
    const chart = new RiskChart(
      this,
      bands(scenario),
      series.map((point) => point.label),
      series.map((point) => point.risk),
    );
    this.followLayout([slot], () => chart.layout(this.rectOf(slot)));
    this.onTeardown(() => chart.destroy());
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
