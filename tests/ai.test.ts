import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cheapestConcession } from '../src/engine/ai/concession.ts';
import { aiPropose, aiReply, aiRespond } from '../src/engine/ai/counterpart.ts';
import { conflictValue, reservation, willingnessToRisk, zeuthen } from '../src/engine/ai/valuation.ts';
import { isLegalProposal, isLegalReply, isLegalResponse } from '../src/engine/rules/legal.ts';
import { applyProposal, applyResponse, advanceRound, resolveRound } from '../src/engine/rules/round.ts';
import type { Decision, GameState, Positions } from '../src/engine/rules/state.ts';
import { isRedLine, stancePositions, track, trackUtility, utilityOf, worldWith } from '../src/engine/rules/world.ts';
import type { Persona } from '../src/engine/scenario/schema.ts';
import { againstAi, geneva, invariantViolations, opened, playKeepingStates, RU, rung, US } from './helpers.ts';

const g = geneva;
const persona = (id: string): Persona => g.personas.find((item) => item.id === id)!;
const ruPersonas = g.personas.filter((item) => item.side === RU);
const usPersonas = g.personas.filter((item) => item.side === US);

/** Russia's ideal on every track: the top of each ladder. */
const ruIdeal = (): Positions => Object.fromEntries(g.tracks.map((item) => [item.id, item.positions.at(-1)!.id]));

/** Round 2 (the US proposes) against the Russian AI, with the given package on the table. */
function usOffers(personaId: string, positions: Positions, seed = 3): GameState {
  let state = opened(g, againstAi(g, personaId, seed));
  state = applyProposal(g, state, { side: RU, positions: stancePositions(g, state, RU), posture: null, tone: 'firm' });
  state = resolveRound(g, applyResponse(g, state, { side: US, kind: 'reject', posture: null, tone: 'firm' }));
  state = advanceRound(g, { ...state, rng: 42 });
  expect(state.rounds[state.round]!.proposer).toBe(US);
  return applyProposal(g, state, { side: US, positions, posture: null, tone: 'firm' });
}

function termsAddUp(decision: Decision) {
  const sum = decision.reservationTerms.reduce((total, term) => total + term.value, 0);
  expect(sum).toBeCloseTo(decision.reservation, 9);
  expect(decision.reservationTerms.map((term) => term.id)).toEqual(['status-quo', 'resolve', 'leverage', 'risk', 'impatience']);
}

describe('the reservation value', () => {
  const base = () => opened(g, againstAi(g, 'ru-pragmatist'));

  it('is the sum of its named terms: status quo, resolve, leverage, risk, impatience', () => {
    for (const item of g.personas) {
      const state = base();
      const value = reservation(g, state, item.side, item);
      expect(value.terms.reduce((total, term) => total + term.value, 0)).toBeCloseTo(value.value, 12);
      expect(value.terms[0]!.value).toBeCloseTo(utilityOf(g, item.side, worldWith(g, state, {})), 12);
    }
  });

  it('falls as the risk of war rises (for every persona that does not welcome risk)', () => {
    for (const item of g.personas) {
      const values = [0, 20, 40, 60, 80, 100].map((risk) => reservation(g, { ...base(), risk }, item.side, item).value);
      for (let i = 1; i < values.length; i++) {
        if (item.riskTolerance < 1) expect(values[i]).toBeLessThan(values[i - 1]!);
      }
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

  it('falls round by round for an impatient persona', () => {
    const item = persona('ru-hardliner');
    expect(item.patience).toBeLessThan(1);
    const values = g.rounds.map((_, round) => reservation(g, { ...base(), round }, RU, item).value);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
  });

  it('rises with resolve', () => {
    const state = base();
    const soft = reservation(g, state, RU, { ...persona('ru-pragmatist'), resolve: 0.1 }).value;
    const hard = reservation(g, state, RU, { ...persona('ru-pragmatist'), resolve: 0.9 }).value;
    expect(hard).toBeGreaterThan(soft);
  });
});

describe('Zeuthen: who concedes', () => {
  it('willingness to risk breakdown is (own demand - offer) / (own demand - conflict), and 0 with nothing to lose', () => {
    const state = opened(g, againstAi(g, 'ru-pragmatist'));
    const own = ruIdeal();
    const offer = rung(g, state, 3);
    const mine = utilityOf(g, RU, worldWith(g, state, own));
    const offered = utilityOf(g, RU, worldWith(g, state, offer));
    const conflict = conflictValue(g, state, RU);
    expect(conflict).toBeCloseTo(
      (1 - state.risk / 100) * utilityOf(g, RU, worldWith(g, state, {})) + (state.risk / 100) * g.sides[1]!.warUtility,
      12,
    );
    expect(mine).toBeGreaterThan(conflict);
    expect(willingnessToRisk(g, state, RU, own, offer)).toBeCloseTo((mine - offered) / (mine - conflict), 12);
    // Its own demand on the table: nothing to gain by holding out.
    expect(willingnessToRisk(g, state, RU, own, own)).toBe(0);
    // A demand worth no more than breakdown: no willingness to risk it at all.
    const usDemand = stancePositions(g, state, US);
    expect(willingnessToRisk(g, { ...state, risk: 0 }, RU, worldWith(g, state, {}), usDemand)).toBe(0);
  });

  it('the side with the lower willingness to risk concedes; the other holds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (risk, a, b) => {
        const state = { ...opened(g, againstAi(g, 'ru-pragmatist')), risk: risk / 10 };
        const own = rung(g, state, Math.max(a, b));
        const theirs = rung(g, state, Math.min(a, b));
        for (const item of ruPersonas) {
          const reading = zeuthen(g, state, RU, item, own, theirs);
          expect(reading.self).toBeGreaterThanOrEqual(0);
          expect(reading.other).toBeGreaterThanOrEqual(0);
          expect(reading.self).toBeCloseTo(willingnessToRisk(g, state, RU, own, theirs) * (0.5 + item.resolve), 12);
          expect(reading.other).toBeCloseTo(willingnessToRisk(g, state, US, theirs, own), 12);
          if (reading.self < reading.other) expect(reading.concede).toBe(true);
          if (reading.self > reading.other) expect(reading.concede).toBe(false);
        }
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('where Zeuthen splits the personas, the less resolved one gives the cheapest step and the hardliner holds', () => {
    const soft = persona('ru-pragmatist');
    const hard = persona('ru-hardliner');
    expect(hard.resolve).toBeGreaterThan(soft.resolve);
    // Find a US stance (off its red lines) at which Zeuthen tells the pragmatist to give and the hardliner to hold.
    const base = opened(g, againstAi(g, soft.id));
    let state: GameState | null = null;
    search: for (const enlargement of [0, 1, 2, 3])
      for (const missiles of [0, 1, 2, 3])
        for (const exercises of [0, 1, 2, 3])
          for (const risk of [10, 30, 44, 60, 80]) {
            const candidate: GameState = {
              ...base,
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
    expect(state, 'no US stance splits the pragmatist from the hardliner').not.toBeNull();
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
    expect(softChoice.decision.reasons[0]).toMatch(/^Zeuthen: .* so it gives one step on /);

    const hardChoice = aiPropose(g, state!, RU, hard);
    expect(hardChoice.decision.kind).toBe('hold');
    expect(hardChoice.decision.zeuthen!.self).toBeGreaterThan(hardChoice.decision.zeuthen!.other);
    expect(hardChoice.move.positions).toEqual(own);
    expect(hardChoice.decision.reasons[0]).toMatch(/^Zeuthen: .* so it holds its demands\.$/);
  });

  it('the cheapest concession is the step that costs the conceder the least weighted utility', () => {
    const state = opened(g, againstAi(g, 'ru-pragmatist'));
    const own = stancePositions(g, state, RU);
    const theirs = stancePositions(g, state, US);
    const costs = g.tracks
      .map((item) => {
        const from = state.sides[RU]!.stance[item.id]!;
        const next = item.positions[from - 1]!;
        return {
          track: item.id,
          next: next.id,
          cost: item.weight[RU]! * (trackUtility(item, RU, own[item.id]!) - trackUtility(item, RU, next.id)),
        };
      })
      .filter((step) => !isRedLine(track(g, step.track), RU, step.next))
      .sort((a, b) => a.cost - b.cost);
    const concession = cheapestConcession(g, state, RU, own, theirs)!;
    expect(concession.track).toBe(costs[0]!.track);
    expect(concession.positions[concession.track]).toBe(costs[0]!.next);
    // No step toward an offer that is already met.
    expect(cheapestConcession(g, state, RU, own, own)).toBeNull();
  });
});

describe('the AI response', () => {
  it('accepts a package that beats its reservation value (Russia offered its own ideal)', () => {
    for (const item of ruPersonas) {
      const state = usOffers(item.id, ruIdeal());
      const choice = aiRespond(g, state, RU, item);
      expect(choice.decision.utility).toBe(100);
      expect(choice.decision.utility).toBeGreaterThanOrEqual(choice.decision.reservation);
      expect(choice.move.kind).toBe('accept');
      expect(choice.decision.kind).toBe('accept');
      expect(choice.decision.reasons).toContain('The package beats its reservation value: it accepts.');
    }
  });

  it('accepts a legal middle package that beats its reservation value', () => {
    const item = persona('ru-pragmatist');
    const offer = { enlargement: 'moratorium', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' };
    const state = usOffers(item.id, offer);
    const choice = aiRespond(g, state, RU, item);
    expect(choice.decision.utility).toBeCloseTo(utilityOf(g, RU, worldWith(g, state, offer)), 12);
    expect(choice.decision.utility).toBeGreaterThan(choice.decision.reservation);
    expect(choice.move.kind).toBe('accept');
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
      expect(choice.decision.reasons.join(' ')).toContain('It crosses its red lines on NATO enlargement.');
      expect(isLegalResponse(g, state, choice.move)).toBe(true);
    }
  });

  it('never accepts a red line and always answers legally, whatever the offer and the risk (property)', () => {
    const ladders = g.tracks.map((item) => fc.constantFrom(...item.positions.map((position) => position.id)));
    fc.assert(
      fc.property(
        fc.tuple(...ladders),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...ruPersonas.map((item) => item.id)),
        (ids, risk, personaId) => {
          const offer = Object.fromEntries(g.tracks.map((item, i) => [item.id, ids[i]!]));
          const state = { ...usOffers(personaId, offer), risk };
          const choice = aiRespond(g, state, RU, persona(personaId));
          const accepted =
            choice.move.kind === 'accept' ? Object.keys(offer) : choice.move.kind === 'accept-some' ? choice.move.tracks! : [];
          for (const trackId of accepted) expect(isRedLine(track(g, trackId), RU, offer[trackId]!)).toBe(false);
          expect(isLegalResponse(g, state, choice.move)).toBe(true);
          if (choice.move.kind === 'accept') expect(choice.decision.utility).toBeGreaterThanOrEqual(choice.decision.reservation);
          termsAddUp(choice.decision);
        },
      ),
      { numRuns: 300, seed: 23 },
    );
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
      termsAddUp(choice.decision);
    }
  });
});

describe('decisions in whole games', () => {
  const games = () => {
    const played = [];
    for (const item of g.personas) {
      for (let seed = 0; seed < 12; seed++) {
        const policy = (['random', 'greedy', 'hawk', 'dove'] as const)[seed % 4]!;
        const setup = againstAi(g, item.id, seed);
        played.push({ persona: item, game: playKeepingStates(g, setup, { [setup.playerSide]: policy }) });
      }
    }
    return played;
  };

  it('every decision records its reasons, its utility and reservation terms that add up to the reservation value', () => {
    let decisions = 0;
    for (const { persona: item, game } of games()) {
      const final = game.final;
      expect(final.decisions.length).toBeGreaterThan(0);
      for (const decision of final.decisions) {
        decisions++;
        expect(decision.side).toBe(item.side);
        expect(decision.persona).toBe(item.id);
        expect(decision.reasons.length).toBeGreaterThanOrEqual(2);
        for (const reason of decision.reasons) expect(reason.length).toBeGreaterThan(10);
        expect(decision.reasons[decision.stage === 'proposal' ? 1 : 0]).toMatch(
          /^Worth \d+\.\d to it against a reservation value of -?\d+\.\d/,
        );
        expect(decision.utility).toBeGreaterThanOrEqual(0);
        expect(decision.utility).toBeLessThanOrEqual(100);
        termsAddUp(decision);
        if (decision.stage !== 'reply') expect(decision.zeuthen).not.toBeNull();
      }
      expect(invariantViolations(g, final)).toEqual([]);
    }
    expect(decisions).toBeGreaterThan(100);
  });

  it("the AI's moves are legal where it made them, and its proposals follow Zeuthen", () => {
    for (const { game } of games()) {
      for (let i = 0; i < game.games.length; i++) {
        const state = game.games[i]!;
        const record = state.rounds[state.round];
        if (!record) continue;
        for (const decision of state.decisions.slice(game.games[i - 1]?.decisions.length ?? 0)) {
          if (decision.stage !== 'proposal') continue;
          if (decision.kind === 'concede') expect(decision.zeuthen!.self).toBeLessThanOrEqual(decision.zeuthen!.other);
          if (decision.kind === 'hold' && decision.zeuthen!.self < decision.zeuthen!.other) {
            // Holding although Zeuthen says concede: only when no step is left to give.
            const before = game.games[i - 1] ?? state;
            const own = stancePositions(g, before, decision.side);
            expect(record.proposal!.positions).toEqual(own);
          }
        }
      }
    }
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
