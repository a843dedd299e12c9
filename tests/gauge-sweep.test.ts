import { describe, expect, it } from 'vitest';
import { isTablePhase, type Phase } from '../src/engine/machine/phase.ts';
import type { Setup } from '../src/engine/rules/state.ts';
import { resultGaugeStart, tableGaugeStart } from '../src/game/view/gauge-sweep.ts';
import { againstAi, geneva, hotseat, inf1987, playKeepingStates, quietStoppedActorWarnings, RU, US } from './helpers.ts';

/**
 * A player who sees every screen with a gauge (each turn at the table, each round's result, each
 * incident) sees its needle start where the last gauge left it: the needle never jumps, and it
 * sweeps over every change (the table's first turn of a round over the round's opening events).
 */
function needleStarts(scenario: typeof geneva, setup: Setup, policies: Record<string, 'random' | 'greedy' | 'hawk'>) {
  const played = playKeepingStates(scenario, setup, policies);
  let shown = scenario.escalation.initialRisk;
  const starts: { phase: Phase; start: number; shown: number; risk: number }[] = [];
  played.phases.forEach((phase, i) => {
    const game = played.games[i]!;
    const start = isTablePhase(phase)
      ? tableGaugeStart(game)
      : phase === 'resolution' || phase === 'incident'
        ? resultGaugeStart(game, phase === 'incident')
        : null;
    if (start === null) return;
    starts.push({ phase, start, shown, risk: game.risk });
    shown = game.risk;
  });
  return starts;
}

describe('where the gauge’s needle starts', () => {
  quietStoppedActorWarnings();
  const games: [string, typeof geneva, Setup, Record<string, 'random' | 'greedy' | 'hawk'>][] = [
    ['a hot-seat game', geneva, hotseat(1), { us: 'random', ru: 'random' }],
    ['a hot-seat game of hawks', geneva, hotseat(2), { us: 'hawk', ru: 'hawk' }],
    ['a game against the AI, which proposes first in some rounds', geneva, againstAi(geneva, 'ru-hardliner', 3), { [US]: 'greedy' }],
    [
      'a game against the AI from the other side',
      inf1987,
      againstAi(inf1987, inf1987.personas[0]!.id, 4),
      { [US]: 'random', [RU]: 'random' },
    ],
  ];

  it.each(games)('is where the last gauge left it, on every screen of %s', (_, scenario, setup, policies) => {
    const starts = needleStarts(scenario, setup, policies);
    expect(starts.length).toBeGreaterThan(3);
    for (const item of starts) expect(item, item.phase).toMatchObject({ start: item.shown });
  });

  it('sweeps over the round’s opening events at the table, the round on its result and an incident on its screen', () => {
    const swept = games
      .flatMap(([, scenario, setup, policies]) => needleStarts(scenario, setup, policies))
      .filter((item) => item.start !== item.risk);
    expect(swept.some((item) => item.phase === 'resolution')).toBe(true);
    expect(swept.some((item) => isTablePhase(item.phase))).toBe(true);
    expect(swept.some((item) => item.phase === 'incident')).toBe(true);
  });
});
