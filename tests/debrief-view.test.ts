import { describe, expect, it } from 'vitest';
import { historicalScores, scoreGame } from '../src/engine/rules/score.ts';
import type { Decision, GameState } from '../src/engine/rules/state.ts';

import { OUTCOME_KINDS } from '../src/engine/scenario/schema.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { aiPersona, decisionsByRound, OUTCOME_TITLES, scoreRows } from '../src/game/view/debrief-view.ts';
import { againstAi, geneva, hotseat } from './helpers.ts';

const scenario = geneva;

describe('OUTCOME_TITLES', () => {
  it('has a title for every outcome kind and for nothing else', () => {
    expect(Object.keys(OUTCOME_TITLES).sort()).toEqual([...OUTCOME_KINDS].sort());
  });

  it('gives each outcome a distinct, non-empty title', () => {
    const titles = OUTCOME_KINDS.map((kind) => OUTCOME_TITLES[kind]);
    for (const title of titles) expect(title?.trim().length ?? 0).toBeGreaterThan(2);
    expect(new Set(titles).size).toBe(OUTCOME_KINDS.length);
    expect(OUTCOME_TITLES.war).toBe('War');
    expect(OUTCOME_TITLES['partial-deal']).toBe('A partial deal');
  });
});

describe('scoreRows', () => {
  const finished = playGame(scenario, hotseat(2), { us: 'greedy', ru: 'greedy' }).final;

  it('has one row per side, in scenario order, with names', () => {
    const rows = scoreRows(scenario, finished);
    expect(rows.map((row) => [row.side, row.name])).toEqual([
      ['us', 'United States / NATO'],
      ['ru', 'Russia'],
    ]);
  });

  it("pairs each side's game score with its historical score", () => {
    const rows = scoreRows(scenario, finished);
    const played = scoreGame(scenario, finished);
    const history = historicalScores(scenario);
    rows.forEach((row, i) => {
      expect(row.game).toEqual(played[i]);
      expect(row.history).toEqual(history[i]);
      expect(row.game.side).toBe(row.side);
      expect(row.history.side).toBe(row.side);
      expect(row.game.total).toBeCloseTo(row.game.expected - row.game.riskCost + row.game.standing, 9);
      expect(row.history.total).toBeCloseTo(row.history.expected - row.history.riskCost + row.history.standing, 9);
    });
  });

  it('scores history the same whatever was played, and war at what war is worth to each side', () => {
    let war: GameState | null = null;
    for (const [us, ru] of [
      ['greedy', 'greedy'],
      ['random', 'hawk'],
    ] as const) {
      for (let seed = 1; seed <= 12 && !war; seed++) {
        const final = playGame(scenario, hotseat(seed), { us, ru }).final;
        if (final.outcome?.kind === 'war') war = final;
      }
    }
    expect(war).not.toBeNull();
    const warRows = scoreRows(scenario, war!);
    const otherRows = scoreRows(scenario, finished);
    for (const [i, row] of warRows.entries()) {
      expect(row.game.total).toBeCloseTo(scenario.sides[i]!.warUtility - scenario.sides[i]!.warCost - row.game.riskCost + row.game.standing, 9);
      expect(row.history).toEqual(otherRows[i]!.history);
    }
  });
});

describe('aiPersona', () => {
  it('is the persona the AI played', () => {
    const game = playGame(scenario, againstAi(scenario, 'ru-hardliner', 1), { us: 'random' }).final;
    const persona = aiPersona(scenario, game)!;
    expect(persona.id).toBe('ru-hardliner');
    expect(persona.side).toBe('ru');
    expect(aiPersona(scenario, playGame(scenario, againstAi(scenario, 'us-hawk', 1), { ru: 'random' }).final)!.id).toBe('us-hawk');
  });

  it('is null in a hot-seat game', () => {
    expect(aiPersona(scenario, playGame(scenario, hotseat(1), { us: 'random', ru: 'random' }).final)).toBeNull();
  });

  it('is null when the persona is not in the scenario', () => {
    const game = playGame(scenario, againstAi(scenario, 'ru-pragmatist', 1), { us: 'random' }).final;
    const stray: GameState = { ...game, setup: { ...game.setup, opponent: { kind: 'ai', persona: 'ru-ghost' } } };
    expect(aiPersona(scenario, stray)).toBeNull();
  });
});

describe('decisionsByRound', () => {
  const decision = (round: number, stage: Decision['stage'], kind: string): Decision => ({
    round,
    side: 'ru',
    persona: 'ru-hardliner',
    stage,
    kind,
    utility: 40,
    reservation: 50,
    reservationTerms: [{ id: 'base', label: 'Base', value: 50 }],
    zeuthen: null,
    redLines: [],
    reasons: [],
    terms: [],
  });

  it('groups decisions by round, keeping their order within a round', () => {
    const a = decision(0, 'proposal', 'propose');
    const b = decision(1, 'response', 'reject');
    const c = decision(0, 'reply', 'accept');
    const d = decision(2, 'response', 'counter');
    const game = { decisions: [a, b, c, d] } as unknown as GameState;
    const grouped = decisionsByRound(game);
    expect([...grouped.keys()]).toEqual([0, 1, 2]);
    expect(grouped.get(0)).toEqual([a, c]);
    expect(grouped.get(1)).toEqual([b]);
    expect(grouped.get(2)).toEqual([d]);
    expect(grouped.has(3)).toBe(false);
  });

  it('is empty in a hot-seat game', () => {
    const game = playGame(scenario, hotseat(4), { us: 'random', ru: 'random' }).final;
    expect(game.decisions).toEqual([]);
    expect(decisionsByRound(game).size).toBe(0);
  });

  it("holds every decision of an AI game once, under its round, in the game's order", () => {
    for (const persona of ['ru-hardliner', 'ru-bluffer', 'us-alliance-manager']) {
      for (const seed of [1, 2, 3]) {
        const setup = againstAi(scenario, persona, seed);
        const game = playGame(scenario, setup, { [setup.playerSide]: 'greedy' }).final;
        expect(game.decisions.length).toBeGreaterThan(0);
        const grouped = decisionsByRound(game);
        const flattened = [...grouped.entries()].flatMap(([round, list]) => {
          for (const item of list) expect(item.round).toBe(round);
          return list;
        });
        expect(flattened).toHaveLength(game.decisions.length);
        expect(new Set(flattened)).toEqual(new Set(game.decisions));
        for (const list of grouped.values()) {
          const positions = list.map((item) => game.decisions.indexOf(item));
          expect(positions).toEqual([...positions].sort((x, y) => x - y));
        }
        expect([...grouped.keys()].every((round) => round >= 0 && round <= game.round)).toBe(true);
      }
    }
  });
});
