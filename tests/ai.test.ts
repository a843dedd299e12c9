import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreBelowFloor } from '../src/engine/ai/core-demand.ts';
import { cheapestConcession } from '../src/engine/ai/concession.ts';
import { aiPropose, aiReply, aiRespond } from '../src/engine/ai/counterpart.ts';
import { outsideOption, reservation, willingnessToRisk, zeuthen } from '../src/engine/ai/valuation.ts';
import { POLICY_NAMES, type PolicyName } from '../src/engine/bots/policies.ts';
import { dayRange } from '../src/engine/scenario/dates.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { GLOSSARY_IDS } from '../src/engine/glossary.ts';
import { isLegalProposal, isLegalReply, isLegalResponse } from '../src/engine/rules/legal.ts';
import { applyProposal, applyReply, applyResponse, advanceRound, resolveRound } from '../src/engine/rules/round.ts';
import type { Decision, GameState, Positions } from '../src/engine/rules/state.ts';
import { warBelief, warOutcome } from '../src/engine/rules/war.ts';
import { isRedLine, otherSide, stancePositions, track, trackUtility, utilityOf, worldWith } from '../src/engine/rules/world.ts';
import type { Persona, Scenario, Tone } from '../src/engine/scenario/schema.ts';
import { fuzzRuns } from './fuzz-values.ts';
import { againstAi, geneva, genevaWith, invariantViolations, opened, playKeepingStates, RU, rung, testPersona, US } from './helpers.ts';

const g = geneva;
const persona = (id: string): Persona => g.personas.find((item) => item.id === id)!;
const ruPersonas = g.personas.filter((item) => item.side === RU);
const usPersonas = g.personas.filter((item) => item.side === US);

/** Geneva with the default chance of war (linear from 0 at risk 0 to 1 at risk 100), whatever the bundled file says. */
const linear: Scenario = genevaWith((doc) => {
  (doc.escalation as { warChance?: unknown }).warChance = [
    { risk: 0, chance: 0 },
    { risk: 100, chance: 1 },
  ];
});

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** Russia's ideal on every track: the top of each ladder. */
const ruIdeal = (): Positions => Object.fromEntries(g.tracks.map((item) => [item.id, item.positions.at(-1)!.id]));

/** Round 2 against the Russian AI, before the US tables its package. */
function usToPropose(personaId: string, seed = 3): GameState {
  let state = opened(g, againstAi(g, personaId, seed));
  state = applyProposal(g, state, { side: RU, positions: stancePositions(g, state, RU), posture: null, tone: 'firm' });
  state = resolveRound(g, applyResponse(g, state, { side: US, kind: 'reject', posture: null, tone: 'firm' }));
  state = advanceRound(g, { ...state, rng: 42 });
  expect(state.rounds[state.round]!.proposer).toBe(US);
  return state;
}

/** Round 2 (the US proposes) against the Russian AI, with the given package on the table. */
function usOffers(personaId: string, positions: Positions, seed = 3): GameState {
  return applyProposal(g, usToPropose(personaId, seed), { side: US, positions, posture: null, tone: 'firm' });
}

/** The terms every reservation value has, in this order; the outside option (peace and war) comes first. */
const TERM_IDS = ['peace', 'war', 'resolve', 'time', 'leverage', 'fear'];

/** The named terms: peace and war first, then the persona's temper, each once (a persona trait may add its own). */
function hasItsTerms(ids: readonly string[]) {
  expect(ids.slice(0, 2)).toEqual(['peace', 'war']);
  expect(ids.filter((id) => TERM_IDS.includes(id))).toEqual(TERM_IDS);
  expect(new Set(ids).size).toBe(ids.length);
}

function termsAddUp(decision: Decision) {
  const sum = decision.reservationTerms.reduce((total, term) => total + term.value, 0);
  expect(sum).toBeCloseTo(decision.reservation, 9);
  hasItsTerms(decision.reservationTerms.map((term) => term.id));
}

/** Plain sentences for a student: the terms of art go to the glossary ids, never into the words. */
function explainsPlainly(decision: Decision) {
  expect(decision.reasons.length).toBeGreaterThanOrEqual(2);
  for (const reason of decision.reasons) {
    expect(reason).not.toMatch(/zeuthen/i);
    expect(reason).not.toMatch(/reservation value/i);
    expect(reason).not.toMatch(/undefined|NaN|\[object/);
    expect(reason).toMatch(/^\S.*[.!?]$/);
  }
  expect(decision.terms.length).toBeGreaterThan(0);
  expect(new Set(decision.terms).size).toBe(decision.terms.length);
  for (const term of decision.terms) expect(GLOSSARY_IDS).toContain(term);
}

const moveKind = (scenario: Scenario, id: string | null) => scenario.postureMoves.find((move) => move.id === id)?.kind ?? null;

/** Posture and tone fit what the AI decided. */
function stanceFits(scenario: Scenario, kind: string, posture: string | null, tone: Tone) {
  const postureKind = moveKind(scenario, posture);
  if (posture !== null) expect(postureKind, `unknown posture move ${posture}`).not.toBeNull();
  if (kind === 'accept' || kind === 'accept-some') {
    expect(['threat', 'build-up']).not.toContain(postureKind);
    expect(tone).not.toBe('belligerent');
  }
  if (kind === 'walkout') {
    expect(['reassurance', 'de-escalation']).not.toContain(postureKind);
    expect(tone).not.toBe('conciliatory');
  }
}

const samePackage = (a: Positions, b: Positions) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((id) => a[id] === b[id]);

describe('the reservation value', () => {
  const base = () => opened(g, againstAi(g, 'ru-pragmatist'));

  it('is the sum of its named terms: peace, war, resolve, time, leverage, fear', () => {
    const uneven = (state: GameState, us: number, ru: number): GameState => ({
      ...state,
      sides: { ...state.sides, [US]: { ...state.sides[US]!, leverage: us }, [RU]: { ...state.sides[RU]!, leverage: ru } },
    });
    const states = [
      base(),
      uneven({ ...base(), risk: 75, round: 2 }, 80, 30),
      uneven({ ...base(), risk: 5, round: g.rounds.length - 1 }, 10, 95),
    ];
    for (const state of states) {
      for (const item of [...g.personas, testPersona(RU, { warBelief: { utility: 70, cost: 15, text: 'Force would work.' } })]) {
        const value = reservation(g, state, item.side, item);
        hasItsTerms(value.terms.map((term) => term.id));
        expect(value.terms.reduce((total, term) => total + term.value, 0)).toBeCloseTo(value.value, 12);
        const terms = Object.fromEntries(value.terms.map((term) => [term.id, term.value]));

        // Peace and war make the outside option, which lies between the status quo and the persona's belief about war.
        const { outside } = value;
        expect(outside).toEqual(outsideOption(g, state, item.side, item));
        expect(outside.statusQuo).toBe(utilityOf(g, item.side, worldWith(g, state, {})));
        expect(outside.war).toBe(warBelief(g, item).value);
        expect(terms.peace! + terms.war!).toBeCloseTo(outside.value, 12);
        expect(outside.value).toBeGreaterThanOrEqual(Math.min(outside.statusQuo, outside.war) - 1e-12);
        expect(outside.value).toBeLessThanOrEqual(Math.max(outside.statusQuo, outside.war) + 1e-12);

        // Temper asks for more, never less; hope of better terms is gone in the last round.
        expect(terms.resolve).toBeGreaterThanOrEqual(0);
        expect(terms.time).toBeGreaterThanOrEqual(0);
        if (state.round === g.rounds.length - 1) expect(terms.time).toBe(0);
        // The stronger hand asks more, the weaker less; fear of war only lowers the bar.
        const lead = state.sides[item.side]!.leverage - state.sides[otherSide(g, item.side)]!.leverage;
        expect(Math.sign(terms.leverage!)).toBe(Math.sign(lead));
        expect(terms.fear).toBeLessThanOrEqual(0);
      }
    }
  });

  it("takes the persona's belief about war, or the side's own estimate when it states none", () => {
    const state = { ...base(), risk: 60 };
    const plain = testPersona(RU);
    const believer = testPersona(RU, { warBelief: { utility: 90, cost: 5, text: 'A short campaign would force Kyiv to terms.' } });
    const side = g.sides.find((item) => item.id === RU)!;
    expect(reservation(g, state, RU, plain).outside.war).toBe(side.warUtility - side.warCost);
    expect(reservation(g, state, RU, believer).outside.war).toBe(85);
    // Believing war pays raises the value of no deal, and with it the bar.
    if (side.warUtility - side.warCost < 85) {
      expect(reservation(g, state, RU, believer).value).toBeGreaterThan(reservation(g, state, RU, plain).value);
    }
    // Bots have no persona: the side's own estimate.
    expect(outsideOption(g, state, RU, null).war).toBe(warOutcome(g, RU).value);
  });

  const risks = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const valuesByRisk = (state: GameState, side: string, item: Persona) =>
    risks.map((risk) => reservation(linear, { ...state, risk }, side, item).value);

  it('falls as the risk rises for a persona that believes war is worth less than the status quo (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(US, RU),
        unit,
        unit,
        unit,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: linear.rounds.length - 1 }),
        fc.integer({ min: 0, max: 100 }),
        (side, resolve, riskTolerance, patience, utility, cost, round, leverage) => {
          const start = opened(linear, againstAi(linear, 'ru-pragmatist'));
          const state = { ...start, round, sides: { ...start.sides, [side]: { ...start.sides[side]!, leverage } } };
          const item = testPersona(side, { resolve, riskTolerance, patience, warBelief: { utility, cost, text: 'A belief.' } });
          const statusQuo = outsideOption(linear, state, side, item).statusQuo;
          fc.pre(utility - cost < statusQuo);
          const values = valuesByRisk(state, side, item);
          for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
        },
      ),
      fuzzRuns(300),
    );
  });

  it('RISES as the risk rises for a persona that believes war is worth more than the status quo, unafraid of it (property)', () => {
    // Fearon: a side that expects to gain from war asks for more as war comes closer.
    fc.assert(
      fc.property(
        unit,
        unit,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: linear.rounds.length - 1 }),
        (resolve, patience, utility, cost, round) => {
          const state = { ...opened(linear, againstAi(linear, 'ru-pragmatist')), round };
          const item = testPersona(RU, { resolve, riskTolerance: 1, patience, warBelief: { utility, cost, text: 'A belief.' } });
          const statusQuo = outsideOption(linear, state, RU, item).statusQuo;
          fc.pre(utility - cost > statusQuo);
          const values = valuesByRisk(state, RU, item);
          for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
        },
      ),
      fuzzRuns(300),
    );
  });

  it('rises with the risk for a hardliner who expects force to work, and falls for a pragmatist who fears it', () => {
    const state = opened(linear, againstAi(linear, 'ru-pragmatist'));
    const hardliner = testPersona(RU, {
      resolve: 0.85,
      riskTolerance: 0.8,
      patience: 0.3,
      warBelief: { utility: 80, cost: 10, text: 'A short campaign would force Kyiv to terms.' },
    });
    const pragmatist = testPersona(RU, {
      resolve: 0.5,
      riskTolerance: 0.4,
      patience: 0.7,
      warBelief: { utility: 20, cost: 40, text: 'A war would be long and ruinous.' },
    });
    expect(outsideOption(linear, state, RU, hardliner).statusQuo).toBeLessThan(70);
    const hard = valuesByRisk(state, RU, hardliner);
    const soft = valuesByRisk(state, RU, pragmatist);
    for (let i = 1; i < risks.length; i++) {
      expect(hard[i]).toBeGreaterThan(hard[i - 1]!);
      expect(soft[i]).toBeLessThan(soft[i - 1]!);
    }
  });

  it('falls as the risk rises for every bundled persona whose belief about war is below its status quo', () => {
    const state = opened(linear, againstAi(linear, 'ru-pragmatist'));
    let checked = 0;
    for (const item of linear.personas) {
      const outside = outsideOption(linear, state, item.side, item);
      if (outside.war >= outside.statusQuo) continue;
      const values = valuesByRisk(state, item.side, item);
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
      checked++;
    }
    // The US status quo is its ideal: war is worth less to every US persona.
    expect(checked).toBeGreaterThanOrEqual(usPersonas.length);
  });

  it("falls as its leverage falls, and as the other side's rises", () => {
    for (const item of g.personas) {
      const other = otherSide(g, item.side);
      const at = (leverage: number) => {
        const state = base();
        return reservation(g, { ...state, sides: { ...state.sides, [other]: { ...state.sides[other]!, leverage } } }, item.side, item)
          .value;
      };
      const values = [0, 25, 50, 75, 100].map(at);
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
    }
  });

  it('falls as leverage falls', () => {
    for (const item of g.personas) {
      const at = (leverage: number) => {
        const state = base();
        return reservation(
          g,
          { ...state, sides: { ...state.sides, [item.side]: { ...state.sides[item.side]!, leverage } } },
          item.side,
          item,
        ).value;
      };
      const values = [100, 75, 50, 25, 0].map(at);
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
    }
  });

  it('falls round by round as the hope of better terms runs out (property over patience)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(US, RU),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        unit,
        unit,
        (side, patience, resolve, riskTolerance) => {
          const item = testPersona(side, { patience, resolve, riskTolerance });
          const values = g.rounds.map((_, round) => reservation(g, { ...base(), round }, side, item));
          for (let i = 1; i < values.length; i++) expect(values[i]!.value).toBeLessThan(values[i - 1]!.value);
          // The hope is all spent in the last round.
          expect(values.at(-1)!.terms.find((term) => term.id === 'time')!.value).toBe(0);
        },
      ),
      fuzzRuns(100),
    );
  });

  it('stays put round by round for a persona with no patience', () => {
    const item = testPersona(RU, { patience: 0 });
    const values = g.rounds.map((_, round) => reservation(g, { ...base(), round }, RU, item).value);
    for (const value of values) expect(value).toBeCloseTo(values[0]!, 12);
  });

  it('rises with resolve', () => {
    const state = base();
    for (const side of [US, RU]) {
      const values = [0, 0.25, 0.5, 0.75, 1].map((resolve) => reservation(g, state, side, testPersona(side, { resolve })).value);
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
    }
  });
});

describe('Zeuthen: who concedes', () => {
  /** Russia's offers from Washington, from the rung nearest Moscow's ideal to the farthest. */
  const offersByValue = (state: GameState) =>
    [0, 1, 2, 3, 4, 5]
      .map((index) => rung(g, state, index))
      .sort((a, b) => utilityOf(g, RU, worldWith(g, state, b)) - utilityOf(g, RU, worldWith(g, state, a)));

  it('willingness to risk breakdown lies between 0 and 1, grows as the offer worsens, and is 0 with nothing to lose', () => {
    const state = opened(g, againstAi(g, 'ru-pragmatist'));
    const own = ruIdeal();
    const willingness = offersByValue(state).map((offer) => willingnessToRisk(g, state, RU, own, offer));
    for (const value of willingness) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    // The worse the offer for Russia, the more it would risk breakdown rather than take it.
    for (let i = 1; i < willingness.length; i++) expect(willingness[i]).toBeGreaterThanOrEqual(willingness[i - 1]!);
    expect(willingness.at(-1)).toBeGreaterThan(willingness[0]!);
    // Its own demand on the table: nothing to gain by holding out.
    expect(willingnessToRisk(g, state, RU, own, own)).toBe(0);
    // A demand worth no more than breakdown: no willingness to risk it at all.
    const usDemand = stancePositions(g, state, US);
    expect(willingnessToRisk(g, { ...state, risk: 0 }, RU, worldWith(g, state, {}), usDemand)).toBe(0);
  });

  it("with a persona, breakdown is valued at the persona's belief about war", () => {
    const state = { ...opened(g, againstAi(g, 'ru-pragmatist')), risk: 50 };
    const own = ruIdeal();
    const offer = rung(g, state, 3);
    const doubter = testPersona(RU, { warBelief: { utility: 10, cost: 0, text: 'Force would fail.' } });
    const believer = testPersona(RU, { warBelief: { utility: 60, cost: 0, text: 'Force would work.' } });
    expect(outsideOption(g, state, RU, believer).war).toBe(60);
    expect(outsideOption(g, state, RU, believer).value).toBeGreaterThan(outsideOption(g, state, RU, doubter).value);
    // One who thinks better of war loses less by breakdown, so it risks it more readily.
    expect(willingnessToRisk(g, state, RU, own, offer, believer)).toBeGreaterThan(willingnessToRisk(g, state, RU, own, offer, doubter));
    // One who thinks war worth more than its own demand has nothing to lose by breakdown.
    const zealot = testPersona(RU, { warBelief: { utility: 100, cost: 0, text: 'Victory is certain.' } });
    expect(willingnessToRisk(g, { ...state, risk: 100 }, RU, offer, rung(g, state, 0), zealot)).toBe(0);
  });

  it('the side with the lower willingness to risk concedes; the other holds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        unit,
        fc.option(fc.record({ utility: fc.integer({ min: 0, max: 100 }), cost: fc.integer({ min: 0, max: 100 }) }), { nil: undefined }),
        (risk, a, b, resolve, belief) => {
          const state = { ...opened(g, againstAi(g, 'ru-pragmatist')), risk: risk / 10 };
          const own = rung(g, state, Math.max(a, b));
          const theirs = rung(g, state, Math.min(a, b));
          const item = testPersona(RU, { resolve, ...(belief ? { warBelief: { ...belief, text: 'A belief.' } } : {}) });
          const reading = zeuthen(g, state, RU, item, own, theirs);
          expect(reading.self).toBeGreaterThanOrEqual(0);
          expect(reading.other).toBeGreaterThanOrEqual(0);
          // Resolve makes a side bear more risk before it concedes: never less than with none.
          const meek = zeuthen(g, state, RU, { ...item, resolve: 0 }, own, theirs);
          expect(reading.self).toBeGreaterThanOrEqual(meek.self);
          if (willingnessToRisk(g, state, RU, own, theirs, item) === 0) expect(reading.self).toBe(0);
          expect(reading.other).toBeCloseTo(willingnessToRisk(g, state, US, theirs, own), 12);
          expect(reading.concede).toBe(reading.self <= reading.other);
        },
      ),
      fuzzRuns(200),
    );
  });

  it('where Zeuthen splits two personas, the less resolved one gives one step and the resolved one holds', () => {
    // The same belief about war, so that only resolve tells them apart.
    const warBelief = { utility: 20, cost: 0, text: 'War would win little.' };
    const soft = testPersona(RU, { id: 'ru-soft', resolve: 0.1, riskTolerance: 0.5, patience: 0.5, warBelief });
    const hard = testPersona(RU, { id: 'ru-hard', resolve: 0.95, riskTolerance: 0.5, patience: 0.5, warBelief });
    // Find a US stance (off its red lines) at which Zeuthen tells the soft persona to give and the hard one to hold.
    const base = opened(g, againstAi(g, 'ru-pragmatist'));
    let state: GameState | null = null;
    search: for (const enlargement of [0, 1, 2, 3])
      for (const missiles of [0, 1, 2, 3])
        for (const exercises of [0, 1, 2, 3])
          for (const risk of [10, 30, 44, 60, 80, 95]) {
            // Round 2 (index 1): past the opening, where the first package only states demands.
            const candidate: GameState = {
              ...base,
              round: 1,
              risk,
              sides: { ...base.sides, [US]: { ...base.sides[US]!, stance: { enlargement, missiles, exercises } } },
            };
            const own = stancePositions(g, candidate, RU);
            const theirs = stancePositions(g, candidate, US);
            const a = zeuthen(g, candidate, RU, soft, own, theirs);
            const b = zeuthen(g, candidate, RU, hard, own, theirs);
            if (a.self < a.other && b.self > b.other) {
              state = candidate;
              break search;
            }
          }
    expect(state, 'no US stance splits the soft persona from the hard one').not.toBeNull();
    const own = stancePositions(g, state!, RU);

    const softChoice = aiPropose(g, state!, RU, soft);
    expect(softChoice.decision.kind).toBe('concede');
    expect(softChoice.decision.zeuthen!.self).toBeLessThan(softChoice.decision.zeuthen!.other);
    const expected = cheapestConcession(g, state!, RU, own, stancePositions(g, state!, US))!;
    expect(softChoice.move.positions).toEqual(expected.positions);
    const changed = Object.keys(own).filter((id) => own[id] !== softChoice.move.positions[id]);
    expect(changed).toEqual([expected.track]);
    const item = track(g, expected.track);
    expect(item.positions.findIndex((p) => p.id === softChoice.move.positions[expected.track])).toBe(
      state!.sides[RU]!.stance[expected.track]! - 1,
    );
    const label = (id: string) => item.positions.find((position) => position.id === id)!.label;
    expect(softChoice.decision.reasons[0]).toMatch(/^Russia is less ready than US\/NATO to risk a breakdown .* so it gives ground\.$/);
    expect(softChoice.decision.reasons[1]).toBe(
      `It gives one step on ${item.name} (${label(expected.from)} → ${label(expected.to)}), where a step costs it least for what it offers US/NATO.`,
    );
    expect(softChoice.decision.terms).toEqual(expect.arrayContaining(['zeuthen', 'logrolling', 'outside-option']));

    const hardChoice = aiPropose(g, state!, RU, hard);
    expect(hardChoice.decision.kind).toBe('hold');
    expect(hardChoice.decision.zeuthen!.self).toBeGreaterThan(hardChoice.decision.zeuthen!.other);
    expect(hardChoice.move.positions).toEqual(own);
    expect(hardChoice.decision.reasons[0]).toMatch(
      /^Russia is readier than US\/NATO .* so it holds its demands and waits for US\/NATO to move\.$/,
    );
    expect(hardChoice.decision.terms).toContain('zeuthen');
    expect(hardChoice.decision.terms).not.toContain('logrolling');
  });
});

describe('the cheapest concession (logrolling)', () => {
  /** Every step `side` could give toward `theirs`, with its price: weighted cost to it per weighted point it gives the other. */
  function steps(state: GameState, side: string, own: Positions, theirs: Positions) {
    const other = otherSide(g, side);
    const direction = side === g.sides[0]!.id ? 1 : -1;
    return g.tracks
      .filter((item) => item.id in own)
      .flatMap((item) => {
        const from = item.positions.findIndex((position) => position.id === own[item.id]);
        const target = item.positions.findIndex((position) => position.id === (theirs[item.id] ?? own[item.id]));
        const next = item.positions[from + direction];
        if ((target - from) * direction <= 0 || !next || isRedLine(item, side, next.id)) return [];
        const cost = item.weight[side]! * (trackUtility(item, side, own[item.id]!) - trackUtility(item, side, next.id));
        const given = item.weight[other]! * (trackUtility(item, other, next.id) - trackUtility(item, other, own[item.id]!));
        return [{ track: item.id, from: own[item.id]!, to: next.id, cost, price: cost / Math.max(0.01, given) }];
      });
  }

  it('gives the step with the lowest cost to the conceder for what it gives the other side, not merely the cheapest', () => {
    const state = opened(g, againstAi(g, 'ru-pragmatist'));
    const own = stancePositions(g, state, RU);
    const theirs = stancePositions(g, state, US);
    const options = steps(state, RU, own, theirs);
    const byPrice = [...options].sort((a, b) => a.price - b.price);
    const byCost = [...options].sort((a, b) => a.cost - b.cost);
    const concession = cheapestConcession(g, state, RU, own, theirs)!;
    expect(concession).toEqual({
      positions: { ...own, [byPrice[0]!.track]: byPrice[0]!.to },
      track: byPrice[0]!.track,
      from: byPrice[0]!.from,
      to: byPrice[0]!.to,
    });
    // In Geneva the two rules part: the step that costs Russia least is not the one that buys most from the US for it.
    expect(byCost[0]!.track).not.toBe(byPrice[0]!.track);
    // No step toward an offer that is already met.
    expect(cheapestConcession(g, state, RU, own, own)).toBeNull();
  });

  it('is one legal step toward the other side at the lowest price, or null when none is left (property)', () => {
    const legalIndex = (side: string) =>
      fc.tuple(
        ...g.tracks.map((item) =>
          fc.constantFrom(...item.positions.map((position, i) => ({ i, id: position.id })).filter((p) => !isRedLine(item, side, p.id))),
        ),
      );
    fc.assert(
      fc.property(fc.constantFrom(US, RU), legalIndex(US), legalIndex(RU), (side, us, ru) => {
        const state = opened(g, againstAi(g, 'ru-pragmatist'));
        const toPositions = (picks: { id: string }[]) => Object.fromEntries(g.tracks.map((item, i) => [item.id, picks[i]!.id]));
        const own = toPositions(side === US ? us : ru);
        const theirs = toPositions(side === US ? ru : us);
        const options = steps(state, side, own, theirs);
        const concession = cheapestConcession(g, state, side, own, theirs);
        if (options.length === 0) {
          expect(concession).toBeNull();
          return;
        }
        expect(concession).not.toBeNull();
        const changed = Object.keys(own).filter((id) => own[id] !== concession!.positions[id]);
        expect(changed).toEqual([concession!.track]);
        const chosen = options.find((option) => option.track === concession!.track)!;
        expect(chosen).toBeDefined();
        expect(concession!.from).toBe(own[concession!.track]);
        expect(concession!.to).toBe(chosen.to);
        expect(concession!.positions[concession!.track]).toBe(chosen.to);
        expect(isRedLine(track(g, chosen.track), side, chosen.to)).toBe(false);
        for (const option of options) expect(chosen.price).toBeLessThanOrEqual(option.price);
      }),
      fuzzRuns(300),
    );
  });
});

/** The states of a bot game against the AI persona at which the given seat must move (by the machine's state value). */
function statesOf(personaId: string, seed: number, policy: PolicyName, stage: 'player-proposes' | 'ai-proposes'): GameState[] {
  const setup = againstAi(g, personaId, seed);
  const played = playKeepingStates(g, setup, { [setup.playerSide]: policy });
  return played.games.filter((state, i) => {
    const record = state.rounds[state.round];
    if (!record || state.outcome) return false;
    // The AI tables its package when the player leaves the briefing; the player tables it in the proposal state.
    return stage === 'player-proposes'
      ? played.phases[i] === 'proposal' && record.proposer === setup.playerSide
      : played.phases[i] === 'briefing' && record.proposer !== setup.playerSide && record.proposal === null;
  });
}

/** A package the side may table (none of its own red lines), one index per track, taken modulo what is allowed. */
function packageFor(state: GameState, side: string, picks: number[]): Positions {
  const positions: Positions = {};
  g.tracks.forEach((item, i) => {
    if (item.id in state.agreed) return;
    const allowed = item.positions.filter((position) => !isRedLine(item, side, position.id));
    positions[item.id] = allowed[picks[i]! % allowed.length]!.id;
  });
  return positions;
}

const tableArbitrary = fc.record({
  personaId: fc.constantFrom(...g.personas.map((item) => item.id)),
  seed: fc.integer({ min: 0, max: 10_000 }),
  policy: fc.constantFrom(...POLICY_NAMES),
  pick: fc.nat(),
  picks: fc.array(fc.nat({ max: 5 }), { minLength: g.tracks.length, maxLength: g.tracks.length }),
  risk: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  leverage: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  tone: fc.constantFrom<Tone>('conciliatory', 'firm', 'belligerent'),
});

describe('the AI response', () => {
  it('accepts a package that beats its reservation value (Russia offered its own ideal)', () => {
    for (const item of [...ruPersonas, testPersona(RU, { resolve: 1, patience: 1, riskTolerance: 1 })]) {
      const state = usOffers(ruPersonas[0]!.id, ruIdeal());
      const choice = aiRespond(g, state, RU, item);
      expect(choice.decision.utility).toBe(100);
      expect(choice.decision.utility).toBeGreaterThanOrEqual(choice.decision.reservation);
      expect(choice.move.kind).toBe('accept');
      expect(choice.decision.kind).toBe('accept');
      expect(choice.decision.reasons).toContain('That is enough: Russia accepts the package.');
      expect(choice.decision.terms).toContain('reservation-value');
      expect(choice.statement?.mood).toBe('accept');
    }
  });

  it('accepts a legal middle package that beats its reservation value', () => {
    const item = testPersona(RU, { resolve: 0.5, riskTolerance: 0.4, patience: 0.7 });
    const offer = { enlargement: 'moratorium', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' };
    const state = usOffers('ru-pragmatist', offer);
    const choice = aiRespond(g, state, RU, item);
    expect(choice.decision.utility).toBeCloseTo(utilityOf(g, RU, worldWith(g, state, offer)), 12);
    expect(choice.decision.utility).toBeGreaterThan(choice.decision.reservation);
    expect(choice.move.kind).toBe('accept');
    expect(isLegalResponse(g, state, choice.move)).toBe(true);
  });

  it('turns down the same middle package when it believes war would bring it more', () => {
    const item = testPersona(RU, {
      resolve: 0.9,
      riskTolerance: 1,
      patience: 0.7,
      warBelief: { utility: 100, cost: 0, text: 'Force would win everything.' },
    });
    const offer = { enlargement: 'moratorium', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' };
    const state = { ...usOffers('ru-pragmatist', offer), risk: 90 };
    const choice = aiRespond(g, state, RU, item);
    expect(choice.decision.reservation).toBeGreaterThan(choice.decision.utility);
    expect(choice.move.kind).not.toBe('accept');
    expect(isLegalResponse(g, state, choice.move)).toBe(true);
  });

  it('never accepts its red lines, however good the rest of the package', () => {
    for (const item of ruPersonas) {
      const offer = { ...ruIdeal(), enlargement: 'open-door' };
      const state = usOffers(item.id, offer);
      const choice = aiRespond(g, state, RU, item);
      expect(choice.move.kind).not.toBe('accept');
      expect(choice.decision.redLines).toEqual(['enlargement']);
      if (choice.move.kind === 'accept-some') expect(choice.move.tracks).not.toContain('enlargement');
      const enlargement = track(g, 'enlargement');
      const label = enlargement.positions.find((position) => position.id === 'open-door')!.label;
      expect(choice.decision.reasons).toContain(`It will never accept ${label} on ${enlargement.name}: that is a red line.`);
      expect(choice.decision.terms).toContain('red-line');
      expect(isLegalResponse(g, state, choice.move)).toBe(true);
    }
  });

  it('never accepts a red line, answers legally, never counters with the package offered, and fits its stance to its answer (property)', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(tableArbitrary, ({ personaId, seed, policy, pick, picks, risk, leverage, tone }) => {
        const tables = statesOf(personaId, seed, policy, 'player-proposes');
        fc.pre(tables.length > 0);
        const item = persona(personaId);
        const player = otherSide(g, item.side);
        let state = tables[pick % tables.length]!;
        const offer = packageFor(state, player, picks);
        expect(isLegalProposal(g, state, { side: player, positions: offer, posture: null, tone })).toBe(true);
        state = applyProposal(g, state, { side: player, positions: offer, posture: null, tone });
        if (risk !== undefined) state = { ...state, risk };
        if (leverage !== undefined) state = { ...state, sides: { ...state.sides, [item.side]: { ...state.sides[item.side]!, leverage } } };

        const choice = aiRespond(g, state, item.side, item);
        const { move, decision } = choice;
        kinds.add(move.kind);
        expect(isLegalResponse(g, state, move)).toBe(true);
        const accepted = move.kind === 'accept' ? Object.keys(offer) : move.kind === 'accept-some' ? move.tracks! : [];
        for (const trackId of accepted) expect(isRedLine(track(g, trackId), item.side, offer[trackId]!)).toBe(false);
        // Never the package it was offered as a counter: it would accept that instead.
        if (move.kind === 'counter') expect(samePackage(move.counter!, offer)).toBe(false);
        // It accepts what beats its bar, or what its own next step would have offered anyway.
        if (move.kind === 'accept' && decision.utility < decision.reservation) {
          const own = stancePositions(g, state, item.side);
          expect(cheapestConcession(g, state, item.side, own, offer)?.positions).toEqual(offer);
          expect(decision.zeuthen).not.toBeNull();
          expect(decision.zeuthen!.self).toBeLessThanOrEqual(decision.zeuthen!.other);
        }
        stanceFits(g, move.kind, move.posture, move.tone);
        // It walks out only to what it believes is better: war over today's terms.
        if (move.kind === 'walkout') {
          const { outside } = reservation(g, state, item.side, item);
          expect(outside.war).toBeGreaterThan(outside.statusQuo);
          expect(decision.terms).toContain('red-line');
        }
        expect(decision.kind).toBe(move.kind);
        expect(decision.stage).toBe('response');
        explainsPlainly(decision);
        termsAddUp(decision);
      }),
      fuzzRuns(150),
    );
    // The runs see the AI answer in several ways.
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });

  it('offered exactly its own next step, it accepts rather than counter with the same package (property)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 })),
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        unit,
        unit,
        fc.integer({ min: 0, max: 100 }),
        ([enlargement, missiles, exercises], which, risk, resolve, patience, belief) => {
          const start = usToPropose('ru-pragmatist');
          const base: GameState = {
            ...start,
            risk,
            sides: { ...start.sides, [RU]: { ...start.sides[RU]!, stance: { enlargement, missiles, exercises } } },
          };
          const own = stancePositions(g, base, RU);
          // One step toward the US on one track, off Russia's red lines and a package the US may table,
          // and not below half on Russia's core issue (a step it would neither offer nor sign before the last round).
          const options = g.tracks.flatMap((item) => {
            const next = item.positions[base.sides[RU]!.stance[item.id]! - 1];
            const offer = next ? { ...own, [item.id]: next.id } : null;
            return offer &&
              !isRedLine(item, RU, next!.id) &&
              coreBelowFloor(g, base, RU, offer) === null &&
              isLegalProposal(g, base, { side: US, positions: offer, posture: null, tone: 'firm' })
              ? [offer]
              : [];
          });
          fc.pre(options.length > 0);
          const offer = options[which % options.length]!;
          const state = applyProposal(g, base, { side: US, positions: offer, posture: null, tone: 'firm' });
          const item = testPersona(RU, { resolve, patience, riskTolerance: 1, warBelief: { utility: belief, cost: 0, text: 'A belief.' } });
          const choice = aiRespond(g, state, RU, item);
          expect(isLegalResponse(g, state, choice.move)).toBe(true);
          expect(choice.move.kind).not.toBe('counter');
          const reading = zeuthen(g, state, RU, item, own, offer);
          if (reading.concede) expect(choice.move.kind).toBe('accept');
          if (choice.move.kind === 'accept' && choice.decision.utility < choice.decision.reservation) {
            accepted++;
            expect(choice.decision.reasons).toContain('Its next step would meet the offer exactly, so Russia accepts it as it stands.');
            expect(choice.decision.terms).toContain('zeuthen');
          }
        },
      ),
      fuzzRuns(200),
    );
    // Some runs needed the rule: the package was below the bar, yet its own next step.
    expect(accepted).toBeGreaterThan(0);
  });

  it('walks out over a red line the other side will not move from only when it believes war serves it better than today', () => {
    // Round 1: the US counters with its own demands; round 2: it tables them again, unmoved.
    const offer = stancePositions(g, opened(g), US);
    let state = opened(g, againstAi(g, 'ru-pragmatist', 3));
    state = applyProposal(g, state, { side: RU, positions: stancePositions(g, state, RU), posture: null, tone: 'firm' });
    state = applyResponse(g, state, { side: US, kind: 'counter', counter: offer, posture: null, tone: 'firm' });
    state = resolveRound(g, applyReply(g, state, { side: RU, kind: 'reject' }));
    state = advanceRound(g, { ...state, rng: 42 });
    expect(state.outcome).toBeNull();
    state = applyProposal(g, state, { side: US, positions: offer, posture: null, tone: 'firm' });
    expect(isRedLine(track(g, 'enlargement'), RU, offer.enlargement!)).toBe(true);

    const traits = { resolve: 0.9, patience: 0.1, riskTolerance: 0.9 };
    const believer = testPersona(RU, { ...traits, warBelief: { utility: 90, cost: 10, text: 'Force would settle it.' } });
    const fearful = testPersona(RU, { ...traits, warBelief: { utility: 10, cost: 40, text: 'War would ruin it.' } });
    expect(reservation(g, state, RU, believer).outside.war).toBeGreaterThan(reservation(g, state, RU, believer).outside.statusQuo);
    expect(reservation(g, state, RU, fearful).outside.war).toBeLessThan(reservation(g, state, RU, fearful).outside.statusQuo);

    const leaves = aiRespond(g, state, RU, believer);
    expect(leaves.move.kind).toBe('walkout');
    expect(isLegalResponse(g, state, leaves.move)).toBe(true);
    expect(leaves.decision.reasons.join(' ')).toContain(`has not moved on ${track(g, 'enlargement').name}`);
    expect(leaves.decision.terms).toContain('red-line');
    stanceFits(g, 'walkout', leaves.move.posture, leaves.move.tone);
    explainsPlainly(leaves.decision);

    const stays = aiRespond(g, state, RU, fearful);
    expect(stays.move.kind).not.toBe('walkout');
    expect(isLegalResponse(g, state, stays.move)).toBe(true);
  });

  it('is deterministic: the same state gives the same choice, reasons and dice', () => {
    const state = usOffers('ru-bluffer', rung(g, opened(g), 2));
    const first = aiRespond(g, state, RU, persona('ru-bluffer'));
    const second = aiRespond(g, structuredClone(state), RU, persona('ru-bluffer'));
    expect(second).toEqual(first);
    const proposalA = aiPropose(g, opened(g, againstAi(g, 'ru-bluffer', 9)), RU, persona('ru-bluffer'));
    const proposalB = aiPropose(g, opened(g, againstAi(g, 'ru-bluffer', 9)), RU, persona('ru-bluffer'));
    expect(proposalB).toEqual(proposalA);
  });

  it('replies to a counter-proposal legally, never accepting its red lines', () => {
    // The US AI proposes in round 2; a Russian player counters.
    for (const item of usPersonas) {
      let state = opened(g, againstAi(g, item.id, 4));
      state = applyProposal(g, state, { side: RU, positions: stancePositions(g, state, RU), posture: null, tone: 'firm' });
      state = resolveRound(g, applyResponse(g, state, { side: US, kind: 'reject', posture: null, tone: 'firm' }));
      state = advanceRound(g, { ...state, rng: 42 });
      state = applyProposal(g, state, { side: US, positions: stancePositions(g, state, US), posture: null, tone: 'firm' });
      const counter = { enlargement: 'moratorium', missiles: 'no-us-missiles-nukes', exercises: 'notification' };
      state = applyResponse(g, state, { side: RU, kind: 'counter', counter, posture: null, tone: 'firm' });
      const choice = aiReply(g, state, US, item);
      expect(isLegalReply(g, state, choice.move)).toBe(true);
      expect(choice.move.kind).not.toBe('accept');
      if (choice.move.kind === 'accept-some') expect(choice.move.tracks).not.toContain('missiles');
      expect(choice.decision.stage).toBe('reply');
      expect(choice.decision.zeuthen).toBeNull();
      expect(choice.decision.terms).toEqual(expect.arrayContaining(['outside-option', 'red-line', 'reservation-value']));
      explainsPlainly(choice.decision);
      termsAddUp(choice.decision);
    }
  });

  it('proposes and replies legally, in plain words, whatever the counter-proposal (property)', () => {
    fc.assert(
      fc.property(tableArbitrary, ({ personaId, seed, policy, pick, picks, risk, tone }) => {
        const tables = statesOf(personaId, seed, policy, 'ai-proposes');
        fc.pre(tables.length > 0);
        const item = persona(personaId);
        const player = otherSide(g, item.side);
        let state = tables[pick % tables.length]!;
        if (risk !== undefined) state = { ...state, risk };

        const proposed = aiPropose(g, state, item.side, item);
        expect(isLegalProposal(g, state, proposed.move)).toBe(true);
        expect(proposed.decision.stage).toBe('proposal');
        expect(['hold', 'concede']).toContain(proposed.decision.kind);
        expect(proposed.decision.terms).toEqual(expect.arrayContaining(['zeuthen', 'outside-option']));
        explainsPlainly(proposed.decision);
        termsAddUp(proposed.decision);

        state = applyProposal(g, { ...state, rng: proposed.rng }, proposed.move);
        const counter = packageFor(state, player, picks);
        state = applyResponse(g, state, { side: player, kind: 'counter', counter, posture: null, tone });
        const replied = aiReply(g, state, item.side, item);
        expect(isLegalReply(g, state, replied.move)).toBe(true);
        const accepted =
          replied.move.kind === 'accept' ? Object.keys(counter) : replied.move.kind === 'accept-some' ? replied.move.tracks! : [];
        for (const trackId of accepted) expect(isRedLine(track(g, trackId), item.side, counter[trackId]!)).toBe(false);
        if (replied.move.kind === 'accept') expect(replied.decision.utility).toBeGreaterThanOrEqual(replied.decision.reservation);
        if (replied.move.kind === 'accept-some') expect(replied.move.tracks!.length).toBeLessThan(Object.keys(counter).length);
        expect(replied.decision.kind).toBe(replied.move.kind);
        explainsPlainly(replied.decision);
        termsAddUp(replied.decision);
      }),
      fuzzRuns(100),
    );
  });
});

describe('decisions in whole games', () => {
  const short = (side: string) => g.sides.find((item) => item.id === side)!.shortName;
  let played: { persona: Persona; game: ReturnType<typeof playKeepingStates> }[] | null = null;
  const games = () => {
    if (played) return played;
    played = [];
    for (const item of g.personas) {
      for (let seed = 0; seed < 2 * POLICY_NAMES.length; seed++) {
        const policy = POLICY_NAMES[seed % POLICY_NAMES.length]!;
        const setup = againstAi(g, item.id, seed);
        played.push({ persona: item, game: playKeepingStates(g, setup, { [setup.playerSide]: policy }) });
      }
    }
    return played;
  };

  it('every decision records plain reasons, glossary terms, its utility and reservation terms that add up', () => {
    let decisions = 0;
    for (const { persona: item, game } of games()) {
      const final = game.final;
      expect(final.decisions.length).toBeGreaterThan(0);
      for (const decision of final.decisions) {
        decisions++;
        expect(decision.side).toBe(item.side);
        expect(decision.persona).toBe(item.id);
        explainsPlainly(decision);
        termsAddUp(decision);
        expect(decision.terms).toContain('outside-option');
        const self = short(decision.side);
        const other = short(otherSide(g, decision.side));
        // Where the bar comes from: no deal, in the persona's eyes.
        const noDeal = decision.reservationTerms[0]!.value + decision.reservationTerms[1]!.value;
        expect(decision.reasons.some((reason) => reason.startsWith(`Without a deal ${self} expects ${noDeal.toFixed(0)}: `))).toBe(true);
        if (decision.stage === 'proposal') {
          const figures = `(${decision.zeuthen!.self.toFixed(2)} against ${decision.zeuthen!.other.toFixed(2)})`;
          const opening = decision.round === 0 && decision.reasons[0] === `${self} opens the talks with its demands.`;
          if (opening) expect(decision.kind).toBe('hold');
          else
            expect(decision.reasons[0]).toBe(
              decision.kind === 'concede'
                ? `${self} is less ready than ${other} to risk a breakdown over the gap between them ${figures}, so it gives ground.`
                : `${self} is readier than ${other} to risk a breakdown over the gap between them ${figures}, so it holds its demands and waits for ${other} to move.`,
            );
          expect(decision.terms).toContain('zeuthen');
          if (decision.kind === 'concede') expect(decision.terms).toContain('logrolling');
        } else {
          expect(decision.reasons[0]).toBe(
            `The package is worth ${decision.utility.toFixed(0)} out of 100 to ${self}; the least it will settle for now is ${decision.reservation.toFixed(0)}.`,
          );
          if (decision.redLines.length > 0) expect(decision.terms).toContain('red-line');
        }
        if (decision.stage === 'reply') expect(decision.zeuthen).toBeNull();
        if (decision.stage === 'response' && (decision.kind === 'counter' || decision.kind === 'reject')) {
          expect(decision.zeuthen).not.toBeNull();
          expect(decision.terms).toContain('zeuthen');
        }
        if (decision.kind === 'counter') expect(decision.terms).toContain('logrolling');
        expect(decision.utility).toBeGreaterThanOrEqual(0);
        expect(decision.utility).toBeLessThanOrEqual(100);
      }
      expect(invariantViolations(g, final)).toEqual([]);
    }
    expect(decisions).toBeGreaterThan(100);
  });

  it("the AI's proposals follow Zeuthen, its counters are never the package offered, and its stance fits its answer", () => {
    let responses = 0;
    for (const { persona: item, game } of games()) {
      for (let i = 0; i < game.games.length; i++) {
        const state = game.games[i]!;
        const record = state.rounds[state.round];
        if (!record) continue;
        for (const decision of state.decisions.slice(game.games[i - 1]?.decisions.length ?? 0)) {
          if (decision.stage === 'response') {
            const response = record.response!;
            expect(response.side).toBe(item.side);
            expect(response.kind).toBe(decision.kind);
            if (response.kind === 'counter') expect(samePackage(response.counter!, record.proposal!.positions)).toBe(false);
            stanceFits(g, response.kind, response.posture, response.tone);
            responses++;
          }
          if (decision.stage !== 'proposal') continue;
          if (decision.kind === 'concede') expect(decision.zeuthen!.self).toBeLessThanOrEqual(decision.zeuthen!.other);
          if (decision.kind === 'hold' && decision.zeuthen!.self <= decision.zeuthen!.other) {
            // Holding although Zeuthen says concede: only when no step is left to give.
            const before = game.games[i - 1] ?? state;
            const own = stancePositions(g, before, decision.side);
            expect(record.proposal!.positions).toEqual(own);
          }
        }
      }
    }
    expect(responses).toBeGreaterThan(50);
  });

  it('the same setup and events give the same decisions (determinism through the machine)', () => {
    const setup = againstAi(g, 'ru-bluffer', 77);
    const a = playKeepingStates(g, setup, { us: 'random' });
    const b = playKeepingStates(g, setup, { us: 'random' });
    expect(b.games).toEqual(a.games);
    expect(a.final.decisions.length).toBeGreaterThan(0);
  });

  it('every move the AI made was legal in the state it was made in', () => {
    let checked = 0;
    for (const { persona: item, game } of games()) {
      for (let i = 1; i < game.games.length; i++) {
        const prev = game.games[i - 1]!;
        const next = game.games[i]!;
        const before = prev.rounds[next.round];
        const after = next.rounds[next.round]!;
        if (!before) continue;
        let mid = prev;
        if (after.proposal && !before.proposal) {
          if (after.proposal.side === item.side) {
            expect(isLegalProposal(g, mid, after.proposal)).toBe(true);
            checked++;
          }
          mid = applyProposal(g, mid, after.proposal);
        }
        if (after.response && !before.response) {
          if (after.response.side === item.side) {
            expect(isLegalResponse(g, mid, after.response)).toBe(true);
            checked++;
          }
          mid = applyResponse(g, mid, after.response);
        }
        if (after.reply && !before.reply && after.reply.side === item.side) {
          expect(isLegalReply(g, mid, after.reply)).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('the AI quotes only what had been said by then', () => {
  it('every quote it uses in whole games is dated on or before the round it speaks in', () => {
    let quoted = 0;
    for (const persona of g.personas) {
      const side = persona.side === US ? RU : US;
      for (let seed = 1; seed <= 12; seed++) {
        const policy = POLICY_NAMES[seed % POLICY_NAMES.length]!;
        const final = playGame(g, { seed, playerSide: side, opponent: { kind: 'ai', persona: persona.id } }, { [side]: policy }).final;
        for (const record of final.rounds) {
          for (const statement of record.statements) {
            if (statement.quote === null) continue;
            const quote = g.quotes.find((item) => item.id === statement.quote)!;
            quoted++;
            expect(dayRange(quote.date)!.first, `${quote.id} (${quote.date}) in round ${record.round + 1}`).toBeLessThanOrEqual(
              dayRange(g.rounds[record.round]!.date)!.last,
            );
          }
        }
      }
    }
    expect(quoted).toBeGreaterThan(0);
  });
});

describe('the AI opens the talks with its demands', () => {
  it('its first package, before the other side has tabled anything, is its opening stance, whatever the persona', () => {
    for (const persona of g.personas.filter((item) => item.side === RU)) {
      const state = opened(g, againstAi(g, persona.id, 7));
      const choice = aiPropose(g, state, RU, persona);
      expect(choice.move.positions).toEqual(stancePositions(g, state, RU));
      expect(choice.decision.kind).toBe('hold');
      expect(choice.decision.reasons[0]).toBe('Russia opens the talks with its demands.');
    }
  });
});
