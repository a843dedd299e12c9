import { describe, expect, it } from 'vitest';
import { roundResultView } from '../src/game/view/round-result-view.ts';
import { geneva, hotseat, playKeepingStates, quietStoppedActorWarnings } from './helpers.ts';

describe('roundResultView', () => {
  quietStoppedActorWarnings();
  // Hawks on both sides: an incident follows a round (seed 2), and the game goes on to more rounds.
  const played = playKeepingStates(geneva, hotseat(2), { us: 'hawk', ru: 'hawk' });
  const at = (phase: string) => played.phases.flatMap((item, i) => (item === phase ? [played.games[i]!] : []));

  it('tells the round: the exchange at the table, the agreements, why the risk moved, the standing', () => {
    const game = at('resolution')[0]!;
    const view = roundResultView(geneva, game, false);
    expect(view.heading).toBe('Round 1 result');
    expect(view.incident).toBeNull();
    expect(view.exchange[0]).toMatch(/^(Russia|US\/NATO) proposed /);
    expect(view.agreed.length).toBe(Object.keys(game.rounds[0]!.agreed).length);
    expect(view.changes.map((change) => change.heading.split(':')[0])).toEqual(
      game.rounds[0]!.riskChanges.filter((change) => change.stage !== 'incident').map((change) =>
        change.stage === 'briefing' ? 'Events as the round opened' : 'The round',
      ),
    );
    expect(view.meters.length).toBeGreaterThan(0);
    for (const change of view.changes)
      for (const factor of change.factors) {
        expect(factor.size).toBeGreaterThanOrEqual(0);
        expect(factor.size).toBeLessThanOrEqual(100);
      }
  });

  it('shows the incident alone on its screen, and says beforehand that something has happened', () => {
    const index = played.phases.indexOf('incident');
    expect(index).toBeGreaterThan(0);
    const before = roundResultView(geneva, played.games[index - 1]!, false);
    expect(before.next).toBe('Continue — something has happened');
    const view = roundResultView(geneva, played.games[index]!, true);
    expect(view.heading).toMatch(/^Round \d+: an incident$/);
    expect(view.incident).toMatch(/^An incident had a \d+% chance at this level of risk, and it happened\./);
    expect(view.changes.map((change) => change.heading)).toEqual([expect.stringMatching(/^The incident: /)]);
    expect({ exchange: view.exchange, agreed: view.agreed, meters: view.meters }).toEqual({ exchange: [], agreed: [], meters: [] });
  });

  it('leads on to the next round, or to the outcome once the game is over', () => {
    const results = at('resolution');
    expect(results.some((game) => roundResultView(geneva, game, false).next === 'Next round')).toBe(true);
    const last = played.games.filter((game) => game.outcome !== null);
    for (const game of last) expect(roundResultView(geneva, game, false).next).toBe('See the outcome');
  });
});
