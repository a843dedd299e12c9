/**
 * The round's result: what was agreed, what each side said to the press, how the risk moved and
 * why, how the sides' standing moved, and an incident if one happened.
 */
import type { Change, Meter } from '../../engine/rules/state.ts';
import { button, el } from '../ui/dom.ts';
import { METER_NAMES, moveName, positionsText, sideShort } from '../view/narration.ts';
import { bands, factorLine, signed } from '../view/risk-view.ts';
import { RiskGauge } from '../widgets/risk-gauge.ts';
import { gameHeader } from './panels/game-header.ts';
import { metersPanel } from './panels/meters-panel.ts';
import { riskPanel } from './panels/risk-panel.ts';
import { statementsPanel } from './panels/statements.ts';
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
    const record = game.rounds[game.round]!;
    const incident = String(this.snapshot.value) === 'incident';
    const { proposal, response, reply } = record;
    const exchange: string[] = [];
    if (proposal)
      exchange.push(
        `${sideShort(scenario, proposal.side)} proposed ${positionsText(scenario, proposal.positions)} (${moveName(scenario, proposal.posture)}, ${proposal.tone}).`,
      );
    if (response) {
      const tracks = response.tracks
        ? ` on ${response.tracks.map((id) => scenario.tracks.find((track) => track.id === id)?.name ?? id).join(', ')}`
        : '';
      exchange.push(
        `${sideShort(scenario, response.side)} answered: ${response.kind.replace('-', ' ')}${tracks} (${moveName(scenario, response.posture)}, ${response.tone}).`,
      );
      if (response.counter) exchange.push(`Counter-proposal: ${positionsText(scenario, response.counter)}.`);
    }
    if (reply) exchange.push(`${sideShort(scenario, reply.side)} replied to the counter-proposal: ${reply.kind.replace('-', ' ')}.`);
    const agreed = Object.keys(record.agreed);
    const changes = incident
      ? record.riskChanges.filter((change) => change.stage === 'incident')
      : record.riskChanges.filter((change) => change.stage !== 'incident');
    // The standing changes are the round's: the incident screen that follows does not repeat them.
    const meterRows = incident
      ? []
      : Object.entries(record.meters).flatMap(([side, meters]) =>
          (Object.entries(meters) as [Meter, Change][]).map(([meter, change]) =>
            el(
              'li',
              {},
              el('strong', {
                text: `${sideShort(scenario, side)} ${METER_NAMES[meter]} ${change.from.toFixed(0)} → ${change.to.toFixed(0)}: `,
              }),
              change.factors.map(factorLine).join('; '),
            ),
          ),
        );
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
    const incidentPending = !incident && record.incident?.happened === true && game.outcome === null;
    const heading = incident ? `Round ${game.round + 1}: an incident` : `Round ${game.round + 1} result`;
    this.mount(
      el(
        'div',
        { class: 'screen result-screen' },
        gameHeader(this, scenario, game, heading),
        el(
          'div',
          { class: 'result-grid' },
          el(
            'article',
            { class: 'result-text scroll' },
            incident
              ? el(
                  'section',
                  { class: 'incident', attrs: { role: 'alert' } },
                  el('h2', { text: scenario.escalation.incident.name }),
                  el('p', {
                    text: `An incident had a ${((record.incident?.chance ?? 0) * 100).toFixed(0)}% chance at this level of risk, and it happened. Such an incident could escalate to war (a ${((record.incident?.escalationChance ?? 0) * 100).toFixed(0)}% chance).`,
                  }),
                )
              : el('section', {}, el('h2', { text: 'At the table' }), ...exchange.map((text) => el('p', { text }))),
            !incident
              ? el(
                  'section',
                  { class: agreed.length ? 'agreements stamped' : 'agreements' },
                  el('h2', { text: 'Agreements' }),
                  agreed.length
                    ? el('ul', {}, ...agreed.map((id) => el('li', { text: `✓ ${positionsText(scenario, { [id]: record.agreed[id]! })}` })))
                    : el('p', { text: 'No track was agreed this round.' }),
                )
              : null,
            // Like the standing, the statements were the round's, shown on its result.
            incident ? null : statementsPanel(scenario, game),
            el(
              'section',
              { class: 'risk-changes' },
              el('h2', { text: 'Why the risk moved' }),
              ...changes.map((change) =>
                el(
                  'div',
                  { class: 'risk-change' },
                  el('h3', {
                    text: `${change.stage === 'briefing' ? 'Events as the round opened' : change.stage === 'incident' ? 'The incident' : 'The round'}: ${change.from.toFixed(1)} → ${change.to.toFixed(1)} (${signed(change.to - change.from)})`,
                  }),
                  el(
                    'ul',
                    { class: 'factor-bars' },
                    ...change.factors.map((factor) =>
                      el(
                        'li',
                        {
                          class: factor.value > 0 ? 'up' : 'down',
                          attrs: { style: `--size: ${Math.min(100, Math.abs(factor.value) * 8)}%` },
                        },
                        el('span', { class: 'factor-value', text: signed(factor.value) }),
                        el('span', { class: 'factor-label', text: factor.label }),
                      ),
                    ),
                  ),
                ),
              ),
            ),
            meterRows.length
              ? el('section', {}, el('h2', { text: 'Standing and leverage' }), el('ul', { class: 'meter-changes' }, ...meterRows))
              : null,
            game.outcome ? el('p', { class: 'alert', attrs: { role: 'alert' }, text: game.outcome.reason }) : null,
            el(
              'div',
              { class: 'actions' },
              button(incidentPending ? 'Continue — something has happened' : game.outcome ? 'See the outcome' : 'Next round', next, {
                key: 'Enter',
                class: 'primary',
              }),
            ),
          ),
          side,
        ),
        el('footer', { class: 'screen-footer' }, timeline(scenario, game)),
      ),
    );
    const gauge = new RiskGauge(
      this,
      bands(scenario),
      (this.registry.get('gauge-risk') as number | undefined) ?? game.risk,
      this.app.settings.current.reducedMotion,
    );
    gauge.setRisk(game.risk);
    this.registry.set('gauge-risk', game.risk);
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
