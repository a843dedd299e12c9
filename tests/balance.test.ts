/**
 * Balance runs: the plan covers every policy against every persona for both seats, games are
 * split by side with the right counts, and the warnings fire on hand-made tallies that are
 * degenerate (and stay quiet on a mixed one).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES, type PolicyName } from '../src/engine/bots/policies.ts';
import type { OutcomeKind, Scenario } from '../src/engine/scenario/schema.ts';
import {
  balanceBySide,
  balancePlan,
  balanceWarnings,
  NEARLY_ALWAYS,
  NEARLY_NEVER,
  SCORE_MARGIN,
  severalRounds,
} from '../src/engine/simulation/balance.ts';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { runBatch, summarise, tally, type GameSummary, type Matchup } from '../src/engine/simulation/batch.ts';
import { geneva, genevaWith, hotseat, mustLoad, type JsonObject } from './helpers.ts';

const US_NAME = 'United States / NATO';
const RU_NAME = 'Russia';
const plan = balancePlan(geneva);
const personasOf = (scenario: Scenario, side: string) =>
  scenario.personas.filter((persona) => persona.side === side).map((persona) => persona.id);

/** A hand-made game; scores default to 50 each. */
function game(matchup: number, outcome: OutcomeKind, scores: Record<string, number> = { us: 50, ru: 50 }, finalRisk = 40): GameSummary {
  // A walk-out in a hand-made game is the bots' side's.
  return { index: 0, matchup, outcome, ...(outcome === 'walkout' ? { walkedOut: plan[matchup]!.side } : {}), finalRisk, rounds: 5, scores };
}

/** Games for every matchup of the plan, made by `make` (given the matchup and its index). */
function gamesFor(make: (matchup: Matchup, i: number) => GameSummary[]): GameSummary[] {
  const all = plan.flatMap((matchup, i) => make(matchup, i));
  return all.map((item, index) => ({ ...item, index }));
}

/** The outcomes of `count` games, cycling through all five kinds (a fifth of them war). */
function mixedOutcomes(count: number, offset = 0): OutcomeKind[] {
  const kinds: OutcomeKind[] = ['agreement', 'partial-deal', 'stalemate', 'walkout', 'war'];
  return Array.from({ length: count }, (_, k) => kinds[(k + offset) % kinds.length]!);
}

/** The position of matchup i's persona among its side's personas. */
function personaIndex(i: number): number {
  const matchup = plan[i]!;
  return personasOf(geneva, matchup.side === 'us' ? 'ru' : 'us').indexOf(matchup.persona);
}

/**
 * Ten games per matchup, outcomes mixed; the best policy against each persona differs (the
 * persona's position in its list picks the winner, never the random policy), and each persona's
 * games end in a band of their own, so no warning applies.
 */
function mixedGames(): GameSummary[] {
  return gamesFor((_, i) => mixedOutcomes(10, i).map((outcome) => game(i, outcome, mixedScores(i), 10 + 25 * personaIndex(i))));
}

/** Scores for matchup i under which a different policy, never random, is best against each persona. */
function mixedScores(i: number): Record<string, number> {
  const matchup = plan[i]!;
  const winner = POLICY_NAMES[1 + (personaIndex(i) % (POLICY_NAMES.length - 1))];
  const score = matchup.policy === winner ? 80 : 40;
  return { us: score, ru: score };
}

/** `outcomes.length` games spread over one side's matchups, with mixed scores. */
function sideGames(side: 'us' | 'ru', outcomes: OutcomeKind[]): GameSummary[] {
  const indices = plan.map((matchup, i) => (matchup.side === side ? i : -1)).filter((i) => i >= 0);
  return outcomes.map((outcome, k) => {
    const i = indices[k % indices.length]!;
    return game(i, outcome, mixedScores(i), 10 + 25 * personaIndex(i));
  });
}

const warningsFor = (games: GameSummary[]) => balanceWarnings(geneva, balanceBySide(geneva, plan, games));

describe('balancePlan', () => {
  it('every policy against every persona of the other side, for the first side and then the second', () => {
    const usPersonas = personasOf(geneva, 'ru');
    const ruPersonas = personasOf(geneva, 'us');
    expect(usPersonas.length).toBeGreaterThan(1);
    expect(plan).toHaveLength(POLICY_NAMES.length * (usPersonas.length + ruPersonas.length));
    const expected = [
      ...POLICY_NAMES.flatMap((policy) => usPersonas.map((persona) => ({ side: 'us', policy, persona }))),
      ...POLICY_NAMES.flatMap((policy) => ruPersonas.map((persona) => ({ side: 'ru', policy, persona }))),
    ];
    expect(plan).toEqual(expected);
    expect(new Set(plan.map((item) => `${item.side}/${item.policy}/${item.persona}`)).size).toBe(plan.length);
  });

  it('follows the personas the scenario has, side by side', () => {
    const scenario = genevaWith((doc) => {
      doc.personas = (doc.personas as JsonObject[]).filter((persona) => persona.id !== 'ru-bluffer');
    });
    const smaller = balancePlan(scenario);
    expect(smaller.filter((item) => item.side === 'us')).toHaveLength(POLICY_NAMES.length * 2);
    expect(smaller.filter((item) => item.side === 'ru')).toHaveLength(POLICY_NAMES.length * 3);
    expect(smaller.some((item) => item.persona === 'ru-bluffer')).toBe(false);
  });
});

describe('who walked out', () => {
  it('a game summary names the side whose answer was the walk-out', () => {
    const run = new GameRun(geneva);
    run.send({ type: 'START', setup: hotseat() });
    run.send({ type: 'CONTINUE' });
    const step = geneva.debrief.line[0]!;
    expect(run.send({ type: 'PROPOSE', proposal: { side: 'ru', ...step.proposal } })).toBe(true);
    expect(run.send({ type: 'RESPOND', response: { side: 'us', kind: 'walkout', posture: null, tone: 'firm' } })).toBe(true);
    for (let i = 0; i < 3 && !run.isOver; i++) run.send({ type: 'CONTINUE' });
    const final = run.snapshot.context.game!;
    run.stop();
    expect(final.outcome?.kind).toBe('walkout');
    const summary = summarise(0, 0, {
      seed: 1,
      outcome: final.outcome!,
      finalRisk: final.risk,
      roundsPlayed: 1,
      scores: [],
      events: [],
      final,
    });
    expect(summary.walkedOut).toBe('us');
    expect(tally(geneva, [summary]).walkouts).toEqual({ us: 1, ru: 0 });
    expect(
      summarise(0, 0, {
        seed: 1,
        outcome: { ...final.outcome!, kind: 'stalemate' },
        finalRisk: 0,
        roundsPlayed: 1,
        scores: [],
        events: [],
        final,
      }).walkedOut,
    ).toBeUndefined();
  });
});

describe('balanceBySide', () => {
  it('splits hand-made games by side, with the right counts, outcomes and means', () => {
    // Matchup i gets i + 1 games; the first side's games are walk-outs, the second's agreements.
    const games = gamesFor((matchup, i) =>
      Array.from({ length: i + 1 }, (_, k) => game(i, matchup.side === 'us' ? 'walkout' : 'agreement', { us: k, ru: 2 * k }, 10 * k)),
    );
    const sides = balanceBySide(geneva, plan, games);
    expect(sides.map((side) => side.side)).toEqual(['us', 'ru']);
    const half = plan.length / 2;
    const [us, ru] = sides;
    expect(us!.rows.map((row) => row.matchup)).toEqual(plan.slice(0, half));
    expect(ru!.rows.map((row) => row.matchup)).toEqual(plan.slice(half));
    expect(us!.rows.map((row) => row.tally.games)).toEqual(Array.from({ length: half }, (_, i) => i + 1));
    expect(ru!.rows.map((row) => row.tally.games)).toEqual(Array.from({ length: half }, (_, i) => half + i + 1));
    const sum = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i + 1).reduce((a, b) => a + b, 0);
    expect(us!.total.games).toBe(sum(0, half));
    expect(ru!.total.games).toBe(sum(half, plan.length));
    expect(us!.total.games + ru!.total.games).toBe(games.length);
    expect(us!.total.outcomes).toEqual({ agreement: 0, 'partial-deal': 0, stalemate: 0, walkout: us!.total.games, war: 0 });
    expect(ru!.total.outcomes).toEqual({ agreement: ru!.total.games, 'partial-deal': 0, stalemate: 0, walkout: 0, war: 0 });
    // Every walk-out is counted for the side that walked out (here, in the hand-made games, the bots' side).
    expect(us!.total.walkouts).toEqual({ us: us!.total.games, ru: 0 });
    expect(ru!.total.walkouts).toEqual({ us: 0, ru: 0 });
    // Matchup 3 has 4 games with scores k = 0..3: mean 1.5 for us, 3 for ru, risk 15.
    const row = us!.rows[3]!.tally;
    expect(row.meanScores).toEqual({ us: 1.5, ru: 3 });
    expect(row.meanRisk).toBe(15);
    expect(row.meanRounds).toBe(5);
  });

  it('a matchup without games has a tally of zero games', () => {
    const games = [game(0, 'war'), game(plan.length - 1, 'agreement')];
    const [us, ru] = balanceBySide(geneva, plan, games);
    expect(us!.rows.map((row) => row.tally.games)).toEqual([1, ...Array.from({ length: plan.length / 2 - 1 }, () => 0)]);
    expect(ru!.rows.at(-1)!.tally.games).toBe(1);
    expect(us!.total.outcomes.war).toBe(1);
    expect(ru!.total.outcomes.agreement).toBe(1);
  });

  it('real games from a batch: each row holds its games, each side half of them', () => {
    const perMatchup = 2;
    const games = runBatch(geneva, { seed: 1, matchups: plan, from: 0, to: plan.length * perMatchup });
    const sides = balanceBySide(geneva, plan, games);
    for (const side of sides) {
      expect(side.rows.every((row) => row.tally.games === perMatchup)).toBe(true);
      expect(side.total.games).toBe((plan.length / 2) * perMatchup);
      const outcomes = Object.values(side.total.outcomes).reduce((a, b) => a + b, 0);
      expect(outcomes).toBe(side.total.games);
    }
  });
});

describe('balanceWarnings', () => {
  it('the thresholds are 95% and 1%', () => {
    expect(NEARLY_ALWAYS).toBe(0.95);
    expect(NEARLY_NEVER).toBe(0.01);
  });

  it('stays quiet for a mixed run', () => {
    expect(warningsFor(mixedGames())).toEqual([]);
  });

  it('war in every game for one side', () => {
    const games = mixedGames().map((item) => (plan[item.matchup]!.side === 'us' ? { ...item, outcome: 'war' as const } : item));
    expect(warningsFor(games)).toEqual([`war in nearly every game (100%) when bots play ${US_NAME}`]);
  });

  it('no war at all for one side', () => {
    const games = mixedGames().map((item) =>
      plan[item.matchup]!.side === 'ru' && item.outcome === 'war' ? { ...item, outcome: 'stalemate' as const } : item,
    );
    expect(warningsFor(games)).toEqual([`war in almost no game (0%) when bots play ${RU_NAME}: the risk may not bite`]);
  });

  it('war at the edges: 95% and 1% warn, 94% and 2% do not', () => {
    const others = mixedGames().filter((item) => plan[item.matchup]!.side === 'ru');
    const spread: OutcomeKind[] = ['agreement', 'partial-deal', 'stalemate', 'walkout'];
    const withWar = (war: number) =>
      warningsFor([
        ...sideGames(
          'us',
          Array.from({ length: 100 }, (_, k) => (k < war ? 'war' : spread[k % spread.length]!)),
        ),
        ...others,
      ]);
    expect(withWar(95)).toEqual([`war in nearly every game (95%) when bots play ${US_NAME}`]);
    expect(withWar(94)).toEqual([]);
    expect(withWar(1)).toEqual([`war in almost no game (1%) when bots play ${US_NAME}: the risk may not bite`]);
    expect(withWar(2)).toEqual([]);
  });

  it('one outcome in 96% of a side’s games', () => {
    const others = mixedGames().filter((item) => plan[item.matchup]!.side === 'us');
    const ru = (walkouts: number) =>
      sideGames(
        'ru',
        Array.from({ length: 100 }, (_, k) => (k < walkouts ? 'walkout' : 'war')),
      );
    expect(warningsFor([...others, ...ru(96)])).toEqual([`the same outcome, walkout, in 96% of games when bots play ${RU_NAME}`]);
    expect(warningsFor([...others, ...ru(95)])).toEqual([`the same outcome, walkout, in 95% of games when bots play ${RU_NAME}`]);
    expect(warningsFor([...others, ...ru(94)])).toEqual([]);
  });

  it('one policy scoring best against every persona', () => {
    const games = mixedGames().map((item) => {
      const matchup = plan[item.matchup]!;
      if (matchup.side !== 'ru') return item;
      return { ...item, scores: { us: 50, ru: matchup.policy === 'dove' ? 90 : 20 } };
    });
    expect(warningsFor(games)).toEqual([`the dove policy scores best against every persona when bots play ${RU_NAME}`]);
  });

  it('a policy best against all personas but one does not count as dominating', () => {
    const games = mixedGames().map((item) => {
      const matchup = plan[item.matchup]!;
      if (matchup.side !== 'ru') return item;
      const best: PolicyName = matchup.persona === 'us-hawk' ? 'hawk' : 'dove';
      return { ...item, scores: { us: 50, ru: matchup.policy === best ? 90 : 20 } };
    });
    expect(warningsFor(games)).toEqual([]);
  });

  it('it is the side’s own score that counts, not the other side’s', () => {
    const games = mixedGames().map((item) => {
      const matchup = plan[item.matchup]!;
      if (matchup.side !== 'us') return item;
      // greedy maximises Russia's score everywhere, but the United States' score is mixed.
      return { ...item, scores: { us: item.scores.us!, ru: matchup.policy === 'greedy' ? 99 : 1 } };
    });
    expect(warningsFor(games)).toEqual([]);
  });

  it('several warnings at once, for both sides, in side order', () => {
    const games = gamesFor((matchup, i) =>
      Array.from({ length: 5 }, () =>
        game(i, matchup.side === 'us' ? 'war' : 'agreement', {
          us: matchup.policy === 'greedy' ? 15 : 10,
          ru: matchup.policy === 'hawk' ? 70 : 30,
        }),
      ),
    );
    const alike = (name: string, [a, b, c]: string[]) => [
      `${a} and ${b} end games alike when bots play ${name}`,
      `${a} and ${c} end games alike when bots play ${name}`,
      `${b} and ${c} end games alike when bots play ${name}`,
    ];
    expect(warningsFor(games)).toEqual([
      `war in nearly every game (100%) when bots play ${US_NAME}`,
      `the greedy policy scores best against every persona when bots play ${US_NAME}`,
      ...alike(US_NAME, personasOf(geneva, 'ru')),
      `war in almost no game (0%) when bots play ${RU_NAME}: the risk may not bite`,
      `the same outcome, agreement, in 100% of games when bots play ${RU_NAME}`,
      `the hawk policy scores best against every persona when bots play ${RU_NAME}`,
      ...alike(RU_NAME, personasOf(geneva, 'us')),
    ]);
  });

  it('the random policy best against any one persona', () => {
    const games = mixedGames().map((item) => {
      const matchup = plan[item.matchup]!;
      if (matchup.side !== 'us' || matchup.persona !== 'ru-bluffer') return item;
      return { ...item, scores: { us: matchup.policy === 'random' ? 95 : 30, ru: 50 } };
    });
    expect(warningsFor(games)).toEqual([`the random policy scores best against ru-bluffer when bots play ${US_NAME}`]);
  });

  it('personas whose games end alike: the same outcomes in the same bands', () => {
    const games = mixedGames().map((item) => {
      const matchup = plan[item.matchup]!;
      // The bluffer's games end like the pragmatist's: same outcomes, same final band.
      if (matchup.side !== 'us' || matchup.persona !== 'ru-bluffer') return item;
      const twin = plan.findIndex((other) => other.side === 'us' && other.policy === matchup.policy && other.persona === 'ru-pragmatist');
      return { ...item, finalRisk: 10 + 25 * personaIndex(twin), outcome: mixedOutcomes(10, twin)[item.index % 10]! };
    });
    expect(warningsFor(games)).toContain(`ru-pragmatist and ru-bluffer end games alike when bots play ${US_NAME}`);
    // The same outcomes ending in other bands are not alike.
    expect(warningsFor(mixedGames())).toEqual([]);
  });

  it('games that end before several rounds', () => {
    const short = mixedGames().map((item) => (plan[item.matchup]!.side === 'ru' ? { ...item, rounds: 2 } : item));
    expect(warningsFor(short)).toEqual([
      `a typical game lasts 2 rounds when bots play ${RU_NAME}, fewer than ${severalRounds(geneva)}: the talks end before they teach`,
    ]);
    const enough = mixedGames().map((item) => (plan[item.matchup]!.side === 'ru' ? { ...item, rounds: severalRounds(geneva) } : item));
    expect(warningsFor(enough)).toEqual([]);
  });

  it(`a lead within ${SCORE_MARGIN} point is noise: no domination; a clear lead is`, () => {
    const leading = (lead: number) =>
      warningsFor(
        mixedGames().map((item) => {
          const matchup = plan[item.matchup]!;
          if (matchup.side !== 'ru') return item;
          return { ...item, scores: { us: 50, ru: matchup.policy === 'dove' ? 40 + lead : 40 } };
        }),
      );
    expect(leading(SCORE_MARGIN * 0.9)).toEqual([]);
    expect(leading(SCORE_MARGIN)).toEqual([`the dove policy scores best against every persona when bots play ${RU_NAME}`]);
  });

  it('equal scores everywhere: no policy is said to score best against every persona', () => {
    // Every policy scores exactly the same against every persona, so none of them is the best. The
    // reduce in balanceWarnings keeps the first row on a tie, so "random" is reported as dominating.
    const games = mixedGames().map((item) => ({ ...item, scores: { us: 50, ru: 50 } }));
    expect(warningsFor(games)).toEqual([]);
  });
});

describe('the bundled scenarios score the brink below agreement', () => {
  // Issue 8: matchups that end mostly at the brink or in war score below matchups that end mostly in
  // agreement, for the bots' side.
  for (const name of ['geneva-2022', 'counterfactual-2022', 'inf-1987', 'cuba-1962']) {
    it(`${name}: every mostly-brink-or-war matchup scores below every mostly-agreement one`, () => {
      const scenario = mustLoad(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), 'utf8'));
      const bundled = balancePlan(scenario);
      const games = runBatch(scenario, { seed: 1, matchups: bundled, from: 0, to: bundled.length * 60 });
      const top = scenario.escalation.bands.at(-1)!.id;
      for (const side of balanceBySide(scenario, bundled, games)) {
        const share = (row: (typeof side.rows)[number], ending: (key: string) => boolean) =>
          Object.entries(row.tally.endings)
            .filter(([key]) => ending(key))
            .reduce((total, [, count]) => total + count, 0) / row.tally.games;
        const score = (row: (typeof side.rows)[number]) => row.tally.meanScores[side.side]!;
        const brink = side.rows.filter((row) => share(row, (key) => key.startsWith('war@') || key.endsWith(`@${top}`)) > 0.5);
        const deals = side.rows.filter((row) => share(row, (key) => key.startsWith('agreement@')) > 0.5);
        expect(brink.length, `${side.side}: some matchup ends mostly at the brink or in war`).toBeGreaterThan(0);
        expect(deals.length, `${side.side}: some matchup ends mostly in agreement`).toBeGreaterThan(0);
        expect(Math.max(...brink.map(score))).toBeLessThan(Math.min(...deals.map(score)));
      }
    }, 60_000);
  }
});
