/**
 * The outcome and debrief: how the game ended, the risk round by round with the factors of each
 * change, every decision, the AI's persona and reasons revealed, the scores beside the historical
 * outcome, the discussion questions, and the session file to hand in.
 */
import { narrateRound } from '../../engine/session/narrate.ts';
import { button, el } from '../ui/dom.ts';
import { aiPersona, decisionsByRound, OUTCOME_TITLES, scoreRows } from '../view/debrief-view.ts';
import { sideShort } from '../view/narration.ts';
import { bandName, bands, factorLine, riskSeries } from '../view/risk-view.ts';
import { RiskChart } from '../widgets/risk-chart.ts';
import { riskChartSvg } from '../widgets/risk-chart-svg.ts';
import { gameHeader } from './panels/game-header.ts';
import { PlayScene } from './play-scene.ts';
import { downloadSession } from './session-file.ts';
import type { PlayContext } from './play-context.ts';

export class DebriefScene extends PlayScene {
  constructor(play: PlayContext) {
    super('debrief', play);
  }

  create(): void {
    const scenario = this.scenario;
    const game = this.gameState;
    const outcome = game.outcome!;
    const series = riskSeries(scenario, game);
    const persona = aiPersona(scenario, game);
    const decisions = decisionsByRound(game);
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
          ...reasons.map((decision) =>
            el(
              'div',
              { class: 'ai-reasons' },
              el('h4', {
                text: `Why ${sideShort(scenario, decision.side)} chose to ${decision.kind.replace('-', ' ')} (${decision.stage})`,
              }),
              el('ul', {}, ...decision.reasons.map((reason) => el('li', { text: reason }))),
            ),
          ),
        );
      }),
    );

    const scores = scoreRows(scenario, game);
    const scoreTable = el(
      'table',
      { class: 'scores' },
      el('caption', { text: 'Scores: utility of the final positions, minus the cost of the risk run, with standing' }),
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
            el('td', {
              text: `${row.game.total.toFixed(1)} (expected ${row.game.expected.toFixed(1)}, running cost −${row.game.riskCost.toFixed(1)}, standing ${row.game.standing >= 0 ? '+' : ''}${row.game.standing.toFixed(1)})`,
            }),
            el('td', { text: row.history.total.toFixed(1) }),
          ),
        ),
      ),
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
                  el('p', {
                    class: 'meta',
                    text: `Resolve ${persona.resolve}, risk tolerance ${persona.riskTolerance}, patience ${persona.patience}, bluffing ${persona.bluff}.`,
                  }),
                )
              : null,
            rounds,
            el(
              'section',
              {},
              el('h2', { text: 'Against history' }),
              scoreTable,
              el('p', { text: scenario.debrief.outcome.text }),
              el('p', { text: scenario.debrief.summary }),
            ),
            el(
              'section',
              { class: 'questions' },
              el('h2', { text: 'For discussion' }),
              el('ol', {}, ...scenario.debrief.questions.map((question) => el('li', { text: question }))),
            ),
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
  }
}
