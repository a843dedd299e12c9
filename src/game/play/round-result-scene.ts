/**
 * The round's result: what was agreed, what each side said to the press, how the risk moved and
 * why, how the sides' standing moved, and an incident if one happened.
 */
import { phaseOf } from '../../engine/machine/phase.ts';
import { el } from '../ui/dom.ts';
import { resultGaugeStart } from '../view/gauge-sweep.ts';
import { bands } from '../view/risk-view.ts';
import { roundResultView } from '../view/round-result-view.ts';
import { RiskGauge } from '../widgets/risk-gauge.ts';
import { gameHeader } from './panels/game-header.ts';
import { metersPanel } from './panels/meters-panel.ts';
import { riskPanel } from './panels/risk-panel.ts';
import { roundResultText } from './panels/round-result-text.ts';
import { timeline } from './panels/timeline.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';

export class RoundResultScene extends PlayScene {
  constructor(play: PlayContext) {
    super('round-result', play);
  }

  create(): void {
    const scenario = this.scenario;
    const game = this.gameState;
    const incident = phaseOf(this.snapshot) === 'incident';
    const view = roundResultView(scenario, game, incident);
    const risk = riskPanel(scenario, game);
    // The gauge and the meters scroll together where they do not fit (large text, a small window); the gauge's drawing follows.
    const side = el(
      'aside',
      { class: 'result-side', attrs: { 'aria-label': 'Risk and standing' } },
      risk.element,
      metersPanel(scenario, game),
    );
    const next = () => {
      this.click();
      this.send({ type: 'CONTINUE' });
    };
    this.mount(
      el(
        'div',
        { class: 'screen result-screen' },
        gameHeader(this, scenario, game, view.heading),
        el('div', { class: 'result-grid' }, roundResultText(scenario, game, view, next), side),
        el('footer', { class: 'screen-footer' }, timeline(scenario, game)),
      ),
    );
    // The needle sweeps over the change this screen is the first to show.
    const gauge = new RiskGauge(this, bands(scenario), resultGaugeStart(game, incident), this.app.settings.current.reducedMotion);
    gauge.setRisk(game.risk);
    this.drawBeside(side, [risk.slot, risk.element], (canvas) => gauge.layout(canvas.rectOf(risk.slot)));
    this.onTeardown(() => gauge.destroy());
    this.keys({
      Enter: next,
      g: () => {
        risk.hotspot.focus();
        risk.hotspot.click();
      },
    });
  }
}
