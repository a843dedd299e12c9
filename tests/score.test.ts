import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyProposal, applyResponse, resolveRound } from '../src/engine/rules/round.ts';
import { historicalScores, meanRisk, scoreGame, scoreSentences, scoreSettlement, type Score } from '../src/engine/rules/score.ts';
import type { Positions } from '../src/engine/rules/state.ts';
import { isRedLine, stancePositions, utilityOf, worldWith } from '../src/engine/rules/world.ts';
import { geneva, genevaWith, hotseat, opened, RU, US, type JsonObject } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

/**
 * Geneva with the scoring numbers set here, so the arithmetic does not hang on the bundled file:
 * the default chance of war (risk / 100), a running cost and a standing weight, and each side's
 * estimate of war.
 */
const scored = genevaWith((doc) => {
  (doc.escalation as JsonObject).warChance = [
    { risk: 0, chance: 0 },
    { risk: 100, chance: 1 },
  ];
  doc.scoring = { riskCost: 20, standingWeight: 0.5 };
  const sides = doc.sides as JsonObject[];
  const us = sides.find((side) => side.id === US)!;
  const ru = sides.find((side) => side.id === RU)!;
  us.warUtility = 30;
  us.warCost = 50;
  ru.warUtility = 40;
  ru.warCost = 25;
});

/** The world with these tracks agreed and the status quo elsewhere, as a side values it. */
const settledValue = (side: string, agreed: Positions) =>
  utilityOf(scored, side, Object.fromEntries(scored.tracks.map((item) => [item.id, agreed[item.id] ?? item.statusQuo])));

const middle: Positions = { enlargement: 'moratorium', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' };

describe('scoreSettlement', () => {
  it('is the expected value at the final risk, less the running cost, plus standing', () => {
    const score = scoreSettlement(scored, US, { kind: 'agreement', agreed: middle, finalRisk: 30, meanRisk: 40, standing: 60 });
    const settled = settledValue(US, middle);
    expect(score).toMatchObject({ side: US, war: -20, riskCost: 8, standing: 5 });
    expect(score.settled).toBeCloseTo(settled, 12);
    expect(score.chanceOfWar).toBeCloseTo(0.3, 12);
    expect(score.expected).toBeCloseTo(0.7 * settled + 0.3 * -20, 12);
    expect(score.total).toBeCloseTo(0.7 * settled - 6 - 8 + 5, 12);

    const ru = scoreSettlement(scored, RU, { kind: 'agreement', agreed: middle, finalRisk: 30, meanRisk: 40, standing: 35 });
    expect(ru).toMatchObject({ side: RU, war: 15, riskCost: 8, standing: -7.5 });
    expect(ru.expected).toBeCloseTo(0.7 * settledValue(RU, middle) + 0.3 * 15, 12);
    expect(ru.total).toBeCloseTo(ru.expected - 8 - 7.5, 12);
  });

  it('leaves tracks not agreed at the status quo, takes the final risk for the mean and neutral standing by default', () => {
    const agreed = { exercises: 'vienna-document' };
    const score = scoreSettlement(scored, RU, { kind: 'partial-deal', agreed, finalRisk: 50 });
    const statusQuo = Object.fromEntries(scored.tracks.map((item) => [item.id, item.statusQuo]));
    expect(score.settled).toBeCloseTo(utilityOf(scored, RU, { ...statusQuo, exercises: 'vienna-document' }), 12);
    expect(score.riskCost).toBeCloseTo(10, 12);
    expect(score.standing).toBe(0);
    expect(score.chanceOfWar).toBeCloseTo(0.5, 12);
    expect(score.total).toBeCloseTo(0.5 * score.settled + 0.5 * 15 - 10, 12);
  });

  it('scores a war as war: what it brings less what it costs, less the running cost, whatever was agreed', () => {
    for (const [side, value] of [
      [US, -20],
      [RU, 15],
    ] as const) {
      for (const agreed of [{}, middle]) {
        const score = scoreSettlement(scored, side, { kind: 'war', agreed, finalRisk: 100, meanRisk: 65, standing: 50 });
        expect(score.chanceOfWar).toBe(1);
        expect(score.war).toBe(value);
        expect(score.expected).toBe(value);
        expect(score.riskCost).toBeCloseTo(13, 12);
        expect(score.total).toBeCloseTo(value - 13, 12);
      }
    }
  });

  it('the same settlement is worth less the higher the final risk, when war is worth less than what was settled (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(US, RU), (a, b, side) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        const at = (finalRisk: number) => scoreSettlement(scored, side, { kind: 'agreement', agreed: middle, finalRisk, meanRisk: 40 });
        expect(at(low).settled).toBeGreaterThan(at(low).war);
        expect(at(high).expected).toBeLessThan(at(low).expected);
        expect(at(high).total).toBeLessThan(at(low).total);
        // The running cost comes from the mean risk, not the final one.
        expect(at(high).riskCost).toBe(at(low).riskCost);
      }),
      fuzzRuns(200),
    );
  });
});

describe('scoreGame', () => {
  it('a war game scores each side warUtility - warCost, less the running cost of the mean risk, with standing', () => {
    let state = opened(scored, hotseat(1));
    state = applyProposal(scored, state, { side: RU, positions: stancePositions(scored, state, RU), posture: null, tone: 'belligerent' });
    state = applyResponse(scored, state, { side: US, kind: 'reject', posture: null, tone: 'belligerent' });
    state = resolveRound(scored, { ...state, risk: 99 });
    expect(state.outcome?.kind).toBe('war');
    const mean = meanRisk(scored, state);
    expect(mean).toBeGreaterThan(0);
    for (const score of scoreGame(scored, state)) {
      const side = scored.sides.find((item) => item.id === score.side)!;
      const standing = 0.5 * (state.sides[side.id]!.standing - 50);
      expect(score.chanceOfWar).toBe(1);
      expect(score.expected).toBe(side.warUtility - side.warCost);
      expect(score.riskCost).toBeCloseTo((20 * mean) / 100, 12);
      expect(score.standing).toBeCloseTo(standing, 12);
      expect(score.total).toBeCloseTo(side.warUtility - side.warCost - (20 * mean) / 100 + standing, 12);
    }
  });

  it('a game still running scores what is agreed so far, at the current risk', () => {
    let state = opened(scored, hotseat(2));
    state = applyProposal(scored, state, { side: RU, positions: middle, posture: null, tone: 'firm' });
    state = resolveRound(
      scored,
      applyResponse(scored, state, { side: US, kind: 'accept-some', tracks: ['exercises'], posture: null, tone: 'firm' }),
    );
    expect(state.outcome).toBeNull();
    expect(Object.keys(state.agreed)).toEqual(['exercises']);
    for (const score of scoreGame(scored, state)) {
      expect(score.settled).toBeCloseTo(utilityOf(scored, score.side, worldWith(scored, state, {})), 12);
      expect(score.chanceOfWar).toBeCloseTo(state.risk / 100, 12);
    }
  });

  it('the historical outcome is a settlement scored at the historical risk and neutral standing', () => {
    const { kind, agreed, finalRisk } = geneva.debrief.outcome;
    const scores = historicalScores(geneva);
    expect(scores.map((score) => score.side)).toEqual(geneva.sides.map((side) => side.id));
    for (const score of scores) expect(score).toEqual(scoreSettlement(geneva, score.side, { kind, agreed, finalRisk }));
  });
});

describe('Geneva 2022: a walk-out at the brink against a deal in the middle', () => {
  /** The positions within one step of the middle of a ladder that neither side has ruled out. */
  const nearMiddle = geneva.tracks.map((item) => {
    const centre = (item.positions.length - 1) / 2;
    return item.positions.filter(
      (position, i) => Math.abs(i - centre) <= 1 && !geneva.sides.some((side) => isRedLine(item, side.id, position.id)),
    );
  });

  it('every ladder has such positions', () => {
    for (const positions of nearMiddle) expect(positions.length).toBeGreaterThan(0);
  });

  it('a walk-out at risk 90 scores below any agreement near the middle of every ladder at risk 30, for both sides (property)', () => {
    fc.assert(
      fc.property(fc.tuple(...nearMiddle.map((positions) => fc.constantFrom(...positions.map((position) => position.id)))), (ids) => {
        const agreed = Object.fromEntries(geneva.tracks.map((item, i) => [item.id, ids[i]!]));
        for (const side of geneva.sides) {
          const walkout = scoreSettlement(geneva, side.id, { kind: 'walkout', agreed: {}, finalRisk: 90 });
          const deal = scoreSettlement(geneva, side.id, { kind: 'agreement', agreed, finalRisk: 30 });
          expect(walkout.total, `${side.id}: walk-out ${walkout.total} against the deal ${deal.total}`).toBeLessThan(deal.total);
        }
      }),
      fuzzRuns(100),
    );
  });
});

describe('scoreSentences', () => {
  // One decimal with a true minus sign, as the debrief prints it.
  const one = (value: number) => `${value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;
  const percent = (chance: number) => `${Math.round(chance * 100)}%`;

  function mentionsTheNumbers(score: Score) {
    const text = scoreSentences(score).join(' ');
    expect(text).not.toMatch(/undefined|NaN|null|\[object/);
    for (const sentence of scoreSentences(score)) expect(sentence).toMatch(/^\S.*\.$/);
    expect(text).toContain(one(score.war));
    // A running cost of 0 goes unsaid.
    if (score.riskCost > 0) expect(text).toContain(one(score.riskCost));
    else expect(text).not.toContain('running cost');
    expect(text).toContain(one(Math.abs(score.standing)));
    expect(text).toContain(one(score.total));
    return text;
  }

  it('tells the arithmetic of a settlement: what was settled, the chance of war, the expected value, the costs and the total', () => {
    const score = scoreSettlement(scored, US, { kind: 'agreement', agreed: middle, finalRisk: 30, meanRisk: 40, standing: 60 });
    const text = mentionsTheNumbers(score);
    expect(text).toContain(one(score.settled));
    expect(text).toContain(percent(score.chanceOfWar));
    expect(text).toContain(percent(1 - score.chanceOfWar));
    expect(text).toContain(one(score.expected));
    expect(text).toContain(`+${one(score.standing)}`);
  });

  it('says a war broke out, with what war is worth to the side, and gives lost standing its sign', () => {
    const score = scoreSettlement(scored, US, { kind: 'war', agreed: {}, finalRisk: 100, meanRisk: 70, standing: 40 });
    const text = mentionsTheNumbers(score);
    expect(text).toMatch(/^War broke out/);
    expect(text).toContain(`−${one(Math.abs(score.standing))}`);
    expect(text).not.toContain('Expected value');
  });

  it('mentions the numbers for any settlement (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('agreement', 'partial-deal', 'stalemate', 'walkout', 'war' as const),
        // Below 100: with the default curve, war is certain only at the top of the scale (see the known bug below).
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(US, RU),
        (kind, finalRisk, mean, standing, side) => {
          const score = scoreSettlement(scored, side, {
            kind,
            agreed: kind === 'stalemate' ? {} : middle,
            finalRisk,
            meanRisk: mean,
            standing,
          });
          const text = mentionsTheNumbers(score);
          if (kind !== 'war') {
            expect(text).toContain(one(score.settled));
            expect(text).toContain(one(score.expected));
            expect(text).toContain(percent(score.chanceOfWar));
          }
        },
      ),
      fuzzRuns(100),
    );
  });

  // scoreSentences once told "War broke out" whenever the chance of war was 1; it follows the outcome.
  it('tells a deal as a deal even where the chance of war has reached 1', () => {
    const saturating = genevaWith((doc) => {
      (doc.escalation as JsonObject).warChance = [
        { risk: 0, chance: 0 },
        { risk: 80, chance: 1 },
      ];
    });
    const score = scoreSettlement(saturating, US, { kind: 'agreement', agreed: middle, finalRisk: 85 });
    expect(score.chanceOfWar).toBe(1);
    expect(scoreSentences(score).join(' ')).not.toMatch(/^War broke out/);
  });
});
