/**
 * The risk column's DOM half: a slot where the canvas gauge is drawn, a focusable control over it
 * that names the value and band and opens the breakdown of the last change (on hover or focus),
 * and the band legend beside or under it. Everything the gauge shows is also here as text.
 */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { el, keyHint, uniqueId } from '../../ui/dom.ts';
import { signed } from '../../../engine/rules/words.ts';
import { bandName, bands, factorLine, lastRiskChange } from '../../view/risk-view.ts';

export interface RiskPanel {
  element: HTMLElement;
  slot: HTMLElement;
  hotspot: HTMLButtonElement;
}

export function riskPanel(scenario: Scenario, game: GameState): RiskPanel {
  const change = lastRiskChange(game);
  const band = bandName(scenario, game.risk);
  const breakdownId = uniqueId('risk-breakdown');
  const breakdown = el(
    'div',
    // Focusable, so that the keyboard can scroll it where it is cut short (large text).
    { id: breakdownId, class: 'breakdown', attrs: { role: 'region', 'aria-label': 'Why the risk moved', tabindex: 0 } },
    el('h3', {
      text: change
        ? `Last change: ${change.from.toFixed(1)} → ${change.to.toFixed(1)} (${signed(change.to - change.from)})`
        : 'No change yet',
    }),
    change
      ? el('ul', {}, ...change.factors.map((factor) => el('li', { class: factor.value > 0 ? 'up' : 'down', text: factorLine(factor) })))
      : el('p', { text: `The talks open at ${scenario.escalation.initialRisk}.` }),
  );
  const hotspot = el('button', {
    class: 'gauge-hotspot',
    attrs: {
      type: 'button',
      'aria-label': `Risk of war ${game.risk.toFixed(1)} of 100, ${band}. Show why it moved.`,
      'aria-describedby': breakdownId,
      'aria-expanded': 'false',
      'aria-keyshortcuts': 'G',
    },
  });
  const slot = el('div', { class: 'gauge-slot' }, hotspot);
  const toggle = () => {
    const open = !element.classList.contains('open');
    element.classList.toggle('open', open);
    hotspot.setAttribute('aria-expanded', String(open));
  };
  hotspot.addEventListener('click', toggle);
  const legend = el(
    'ol',
    { class: 'bands', attrs: { 'aria-label': 'Risk bands' } },
    ...bands(scenario)
      .slice()
      .reverse()
      .map((item) =>
        el(
          'li',
          { class: item.name === band ? 'current' : '', attrs: { title: item.description } },
          el('span', { class: 'band-name', text: item.name }),
          el('span', { class: 'band-range', text: `${item.from}–${item.to}` }),
          item.name === band ? el('span', { class: 'now', text: '◀ now' }) : null,
        ),
      ),
  );
  const element = el(
    'section',
    { class: 'risk-panel', attrs: { 'aria-label': 'Risk of war' } },
    el('h2', { class: 'panel-title' }, 'Risk of war ', keyHint('G')),
    el('p', { class: 'risk-value' }, el('strong', { text: game.risk.toFixed(1) }), ` — ${band}`),
    el('div', { class: 'risk-dial' }, slot, legend),
    breakdown,
  );
  return { element, slot, hotspot };
}
