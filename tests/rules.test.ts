import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cheapestConcession } from '../src/engine/ai/concession.ts';
import { outsideOption } from '../src/engine/ai/valuation.ts';
import { POLICIES, POLICY_NAMES, type PolicyName } from '../src/engine/bots/policies.ts';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { Dice, draw, seedState } from '../src/engine/random.ts';
import { factorTenths, roundTenth, toTenths } from '../src/engine/rules/change.ts';
import { isLegalProposal, isLegalReply, isLegalResponse } from '../src/engine/rules/legal.ts';
import {
  advanceRound,
  applyIncident,
  applyProposal,
  applyReply,
  applyResponse,
  hasPendingIncident,
  newGame,
  openRound,
  resolveRound,
  STARTING_METERS,
} from '../src/engine/rules/round.ts';
import { conditionHolds, eventFires } from '../src/engine/rules/events.ts';
import { historicalScores, meanRisk, scoreGame, scoreSettlement } from '../src/engine/rules/score.ts';
import { chanceOfWar } from '../src/engine/rules/war.ts';
import type { GameState, Positions, Proposal, Response, Setup } from '../src/engine/rules/state.ts';
import {
  curveAt,
  gapShare,
  isRedLine,
  otherSide,
  positionIndex,
  stancePositions,
  track,
  trackUtility,
  utilityOf,
  worldWith,
} from '../src/engine/rules/world.ts';
import { botEvent } from '../src/engine/simulation/play.ts';
import type { Tone } from '../src/engine/scenario/schema.ts';
import { againstAi, geneva, genevaWith, hotseat, opened, playKeepingStates, RU, rung, US } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

const g = geneva;
const esc = g.escalation;

const proposal = (side: string, positions: Positions, tone: Tone = 'firm', posture: string | null = null): Proposal => ({
  side,
  positions,
  posture,
  tone,
});
const response = (side: string, kind: Response['kind'], extra: Partial<Response> = {}): Response => ({
  side,
  kind,
  posture: null,
  tone: 'firm',
  ...extra,
});

/** Round 1 of a hot-seat game with Russia's opening demands on the table. */
function ruOpens(tone: Tone = 'firm', posture: string | null = null, seed = 1): GameState {
  const state = opened(g, hotseat(seed));
  expect(state.rounds[0]!.proposer).toBe(RU);
  return applyProposal(g, state, proposal(RU, stancePositions(g, state, RU), tone, posture));
}

/** The last risk change of the current round. */
const lastChange = (state: GameState) => state.rounds[state.round]!.riskChanges.at(-1)!;

/** The factors of a resolution, as [id, value] pairs. */
const factorPairs = (state: GameState) => lastChange(state).factors.map((factor) => [factor.id, factor.value]);

/** An rng state whose first two draws satisfy the given tests. */
function rngWhere(test: (first: number, second: number) => boolean): number {
  for (let state = 1; state < 5_000_000; state++) {
    const first = draw(state);
    if (test(first.value, draw(first.next).value)) return state;
  }
  throw new Error('no such rng state');
}

describe('a new game', () => {
  it('starts at the initial risk, with each side on its opening or its own end of every ladder', () => {
    const state = newGame(g, hotseat(5));
    expect(state.risk).toBe(esc.initialRisk);
    expect(state.round).toBe(0);
    expect(state.outcome).toBeNull();
    for (const [s, side] of g.sides.entries()) {
      const sideState = state.sides[side.id]!;
      expect(sideState).toMatchObject({ ...STARTING_METERS, forces: side.forces, commitments: {} });
      for (const item of g.tracks) {
        const opening = item.opening?.[side.id];
        const expected = opening ? positionIndex(item, opening) : s === 0 ? 0 : item.positions.length - 1;
        expect(sideState.stance[item.id]).toBe(expected);
      }
    }
  });

  it('opening the first round fires its scripted events, and the risk moves by exactly their effects', () => {
    const state = opened(g, hotseat(5));
    const record = state.rounds[0]!;
    const scripted = g.events.filter((event) => event.trigger.kind === 'scripted' && event.trigger.round === g.rounds[0]!.id);
    expect(scripted.length).toBeGreaterThan(0);
    for (const event of scripted) if (event.probability === 1) expect(record.events).toContain(event.id);
    const expected = record.events.map((id) => {
      const event = g.events.find((item) => item.id === id)!;
      return [`event:${id}`, roundTenth((event.effects.risk ?? 0) * esc.weights.event)];
    });
    expect(record.riskChanges[0]!.factors.map((factor) => [factor.id, factor.value])).toEqual(expected.filter(([, value]) => value !== 0));
    expect(state.risk).toBe(record.riskChanges[0]!.to);
    expect(record.riskChanges[0]).toMatchObject({ from: esc.initialRisk, stage: 'briefing', round: 0 });
    expect(state.firedEvents).toEqual(expect.arrayContaining(record.events));
  });
});

describe('resolution: the risk moves by named factors', () => {
  it('the open gap on each track, weighted by its salience, and the tone of both statements', () => {
    let state = ruOpens('firm');
    state = applyResponse(g, state, response(US, 'reject'));
    const before = state.risk;
    state = resolveRound(g, state);
    const expected: [string, number][] = [];
    for (const item of g.tracks) expected.push([`gap:${item.id}`, esc.weights.gap * item.salience * gapShare(g, state, item)]);
    expected.push([`tone:${RU}`, esc.weights.tone * esc.tone.firm], [`tone:${US}`, esc.weights.tone * esc.tone.firm]);
    const rounded = expected.map(([id, value]) => [id, roundTenth(value)]).filter(([, value]) => value !== 0);
    expect(factorPairs(state)).toEqual(rounded);
    // The sides start at opposite ends: the whole ladder is still apart on every track.
    for (const item of g.tracks) expect(gapShare(g, state, item)).toBe(1);
    expect(toTenths(state.risk)).toBe(toTenths(before) + factorTenths(lastChange(state).factors));
    expect(lastChange(state).stage).toBe('resolution');
    expect(lastChange(state).factors[0]!.label).toBe(
      `Gap on ${g.tracks[0]!.name}: ${g.tracks[0]!.positions.length - 1} of ${g.tracks[0]!.positions.length - 1} steps apart`,
    );
  });

  it('a counter-proposal narrows the gap: the factor follows the share of the ladder still apart', () => {
    let state = ruOpens('firm');
    const middle = rung(g, state, 3);
    state = applyResponse(g, state, response(US, 'counter', { counter: middle }));
    state = applyReply(g, state, { side: RU, kind: 'reject' });
    state = resolveRound(g, state);
    const enlargement = track(g, 'enlargement');
    const apart = Math.abs(3 - state.sides[RU]!.stance.enlargement!);
    expect(state.sides[US]!.stance.enlargement).toBe(3);
    const factor = lastChange(state).factors.find((item) => item.id === 'gap:enlargement')!;
    expect(factor.value).toBe(roundTenth((esc.weights.gap * enlargement.salience * apart) / (enlargement.positions.length - 1)));
    expect(factor.label).toBe(`Gap on ${enlargement.name}: ${apart} of ${enlargement.positions.length - 1} steps apart`);
  });

  it('posture moves add their risk effect, weighted', () => {
    const move = g.postureMoves.find((item) => item.side === RU && (item.effects.risk ?? 0) > 0)!;
    let state = ruOpens('firm', move.id);
    state = applyResponse(g, state, response(US, 'reject'));
    state = resolveRound(g, state);
    expect(factorPairs(state)).toContainEqual([`move:${move.id}`, roundTenth(esc.weights.posture * move.effects.risk!)]);
    expect(state.usedMoves).toEqual([move.id]);
  });

  it('an agreed track gives relief instead of a gap, locks, and moves both stances onto it', () => {
    let state = opened(g, hotseat(3));
    const offer = rung(g, state, 3);
    state = applyProposal(g, state, proposal(RU, offer));
    state = applyResponse(g, state, response(US, 'accept-some', { tracks: ['exercises'] }));
    state = resolveRound(g, state);
    const exercises = track(g, 'exercises');
    const ids = lastChange(state).factors.map((factor) => factor.id);
    expect(ids).not.toContain('gap:exercises');
    expect(factorPairs(state)).toContainEqual(['agreement:exercises', roundTenth(-esc.weights.agreement * exercises.salience)]);
    expect(state.agreed).toEqual({ exercises: { position: offer.exercises, round: 0 } });
    expect(state.rounds[0]!.agreed).toEqual({ exercises: offer.exercises });
    expect(state.sides[US]!.stance.exercises).toBe(3);
    expect(state.sides[RU]!.stance.exercises).toBe(3);
    expect(state.outcome).toBeNull();
  });

  it('agreement on every track ends the game in agreement, with no incident roll', () => {
    let state = opened(g, hotseat(3));
    state = applyProposal(g, state, proposal(RU, rung(g, state, 3), 'conciliatory'));
    state = applyResponse(g, state, response(US, 'accept', { tone: 'conciliatory' }));
    state = resolveRound(g, state);
    expect(state.outcome).toEqual({ kind: 'agreement', round: 0, reason: 'Every track was agreed.' });
    expect(Object.keys(state.agreed).sort()).toEqual(g.tracks.map((item) => item.id).sort());
    expect(state.rounds[0]!.incident).toBeNull();
    const relief = g.tracks.reduce((total, item) => total + toTenths(-esc.weights.agreement * item.salience), 0);
    const tones = 2 * toTenths(esc.weights.tone * esc.tone.conciliatory);
    const change = lastChange(state);
    expect(toTenths(change.to)).toBe(Math.max(0, toTenths(change.from) + relief + tones));
  });

  it('the risk never leaves 0-100: a floor and a ceiling factor take up the cut', () => {
    let low = opened(g, hotseat(3));
    low = applyProposal(g, { ...low, risk: 1 }, proposal(RU, rung(g, low, 3), 'conciliatory'));
    low = resolveRound(g, applyResponse(g, low, response(US, 'accept', { tone: 'conciliatory' })));
    expect(low.risk).toBe(0);
    expect(lastChange(low).factors.at(-1)!.id).toBe('floor');
    expect(factorTenths(lastChange(low).factors)).toBe(-10);

    let high = ruOpens('belligerent');
    high = resolveRound(g, { ...applyResponse(g, high, response(US, 'reject', { tone: 'belligerent' })), risk: 99 });
    expect(high.risk).toBe(100);
    expect(lastChange(high).factors.at(-1)!.id).toBe('ceiling');
    expect(factorTenths(lastChange(high).factors)).toBe(10);
  });

  it('the risk stays in range and every change adds up, whatever the statements (property)', () => {
    const ruMoves = [null, ...g.postureMoves.filter((move) => move.side === RU).map((move) => move.id)];
    const usMoves = [null, ...g.postureMoves.filter((move) => move.side === US).map((move) => move.id)];
    const tones = ['conciliatory', 'firm', 'belligerent'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(...tones),
        fc.constantFrom(...tones),
        fc.constantFrom(...ruMoves),
        fc.constantFrom(...usMoves),
        fc.constantFrom('reject', 'walkout', 'accept-some', 'counter'),
        fc.integer({ min: 0, max: 5 }),
        (riskTenths, ruTone, usTone, ruMove, usMove, kind, index) => {
          let state = opened(g, hotseat(riskTenths));
          state = applyProposal(g, { ...state, risk: riskTenths / 10 }, proposal(RU, rung(g, state, Math.max(1, index)), ruTone, ruMove));
          const extra: Partial<Response> =
            kind === 'accept-some' ? { tracks: ['exercises'] } : kind === 'counter' ? { counter: rung(g, state, Math.min(3, index)) } : {};
          state = applyResponse(g, state, response(US, kind as Response['kind'], { ...extra, tone: usTone, posture: usMove }));
          state = resolveRound(g, state);
          if (hasPendingIncident(state)) state = applyIncident(g, state);
          expect(state.risk).toBeGreaterThanOrEqual(0);
          expect(state.risk).toBeLessThanOrEqual(100);
          for (const change of state.rounds[0]!.riskChanges) {
            expect(factorTenths(change.factors)).toBe(toTenths(change.to) - toTenths(change.from));
          }
          for (const meters of Object.values(state.rounds[0]!.meters)) {
            for (const change of Object.values(meters))
              expect(factorTenths(change!.factors)).toBe(toTenths(change!.to) - toTenths(change!.from));
          }
        },
      ),
      fuzzRuns(400),
    );
  });
});

describe('standing, credibility and cohesion', () => {
  it('backing down after a belligerent statement costs standing and credibility (audience cost)', () => {
    expect(esc.audienceCost).toBeGreaterThan(0);
    let state = ruOpens('belligerent');
    const committed = { ...state.sides[RU]!.commitments };
    expect(committed).toEqual(state.sides[RU]!.stance);
    state = applyResponse(g, state, response(US, 'counter', { counter: rung(g, state, 3) }));
    state = applyReply(g, state, { side: RU, kind: 'accept' });
    state = resolveRound(g, state);
    const steps = Object.fromEntries(g.tracks.map((item) => [item.id, committed[item.id]! - 3]));
    const audience = (meter: 'standing' | 'credibility') =>
      state.rounds[0]!.meters[RU]![meter]!.factors.filter((factor) => factor.id.startsWith('audience:')).map((factor) => [
        factor.id,
        factor.value,
      ]);
    const expected = g.tracks.map((item) => [`audience:${item.id}`, -esc.audienceCost * steps[item.id]!]);
    expect(audience('standing')).toEqual(expected);
    expect(audience('credibility')).toEqual(expected);
    const total = expected.reduce((sum, [, value]) => sum + (value as number), 0);
    // The belligerent statement itself rallied the home audience by one point.
    expect(state.sides[RU]!.standing).toBe(Math.max(0, STARTING_METERS.standing + 1 + total));
    expect(state.sides[RU]!.credibility).toBe(Math.max(0, STARTING_METERS.credibility + total));
    expect(state.sides[RU]!.commitments).toEqual({});
  });

  it('a threat commits the side as a belligerent statement does', () => {
    const threat = g.postureMoves.find((move) => move.side === RU && move.kind === 'threat')!;
    const state = ruOpens('firm', threat.id);
    expect(state.sides[RU]!.commitments).toEqual(state.sides[RU]!.stance);
  });

  it('conceding without a public commitment costs no standing or credibility', () => {
    let state = ruOpens('firm');
    expect(state.sides[RU]!.commitments).toEqual({});
    state = applyResponse(g, state, response(US, 'counter', { counter: rung(g, state, 3) }));
    state = applyReply(g, state, { side: RU, kind: 'accept' });
    state = resolveRound(g, state);
    expect(state.sides[RU]!.standing).toBe(STARTING_METERS.standing);
    expect(state.sides[RU]!.credibility).toBe(STARTING_METERS.credibility);
  });

  it('backing down in a later round costs the same, one audience cost per step', () => {
    let state = ruOpens('belligerent', null, 11);
    state = resolveRound(g, applyResponse(g, state, response(US, 'reject')));
    if (hasPendingIncident(state)) state = applyIncident(g, state);
    expect(state.outcome).toBeNull();
    state = advanceRound(g, state);
    state = applyProposal(g, state, proposal(US, stancePositions(g, state, US)));
    state = resolveRound(g, applyResponse(g, state, response(RU, 'reject')));
    if (hasPendingIncident(state)) state = applyIncident(g, state);
    expect(state.outcome).toBeNull();
    state = advanceRound(g, state);
    expect(state.rounds[state.round]!.proposer).toBe(RU);
    const standing = state.sides[RU]!.standing;
    const softer = {
      ...stancePositions(g, state, RU),
      enlargement: track(g, 'enlargement').positions[state.sides[RU]!.stance.enlargement! - 1]!.id,
    };
    state = applyProposal(g, state, proposal(RU, softer));
    const factors = state.rounds[state.round]!.meters[RU]!.standing!.factors;
    expect(factors.map((factor) => [factor.id, factor.value])).toEqual([['audience:enlargement', -esc.audienceCost]]);
    expect(factors[0]!.label).toBe('Backed down on NATO enlargement after a public commitment');
    expect(state.sides[RU]!.standing).toBe(standing - esc.audienceCost);
    expect(state.sides[RU]!.commitments.enlargement).toBeUndefined();
    expect(state.sides[RU]!.commitments.missiles).toBeDefined();
  });

  it('conceding on a track the allies care about costs cohesion, per step', () => {
    const cost = track(g, 'enlargement').cohesionCost?.[US] ?? 0;
    expect(cost).toBeGreaterThan(0);
    let state = ruOpens('firm');
    state = applyResponse(g, state, response(US, 'counter', { counter: rung(g, state, 3) }));
    const cohesion = state.rounds[0]!.meters[US]!.cohesion!;
    expect(cohesion.factors).toContainEqual(expect.objectContaining({ id: 'allies:enlargement', value: -cost * 3 }));
    expect(state.sides[US]!.cohesion).toBe(Math.max(0, STARTING_METERS.cohesion - cost * 3));
  });

  it("a threat's leverage gain is scaled by the side's credibility", () => {
    const threat = g.postureMoves.find(
      (move) => move.side === US && move.kind === 'threat' && (move.effects.sides?.[US]?.leverage ?? 0) > 0,
    )!;
    let state = ruOpens('firm');
    state = applyResponse(g, state, response(US, 'reject', { posture: threat.id }));
    const gain = state.rounds[0]!.meters[US]!.leverage!.factors.find((factor) => factor.id === `move:${threat.id}`)!;
    expect(gain.value).toBe(roundTenth((threat.effects.sides![US]!.leverage! * STARTING_METERS.credibility) / 100));
    expect(gain.label).toContain(`believed at ${STARTING_METERS.credibility}%`);
  });
});

describe('incidents', () => {
  it('curveAt reads a piecewise-linear curve, flat beyond its ends', () => {
    const curve = [
      { risk: 20, chance: 0.1 },
      { risk: 60, chance: 0.3 },
      { risk: 100, chance: 0.9 },
    ];
    expect(curveAt(curve, 0)).toBe(0.1);
    expect(curveAt(curve, 20)).toBe(0.1);
    expect(curveAt(curve, 40)).toBeCloseTo(0.2, 12);
    expect(curveAt(curve, 60)).toBe(0.3);
    expect(curveAt(curve, 90)).toBeCloseTo(0.75, 12);
    expect(curveAt(curve, 150)).toBe(0.9);
  });

  /** Round 1 after both statements, with the given dice. */
  const beforeResolution = (rng: number) => {
    const state = applyResponse(g, ruOpens('belligerent'), response(US, 'reject', { tone: 'belligerent' }));
    return { ...state, rng };
  };

  it('the chance comes from the curve at the risk after resolution, and the roll is the next draw', () => {
    for (const rng of [1, 12345, 987654321]) {
      const state = resolveRound(g, beforeResolution(rng));
      const roll = state.rounds[0]!.incident!;
      const first = draw(rng);
      expect(roll.chance).toBe(curveAt(esc.incident.chance, state.risk));
      expect(roll.roll).toBe(first.value);
      expect(roll.escalationRoll).toBe(draw(first.next).value);
      expect(roll.escalationChance).toBe(
        curveAt(esc.incident.escalation, Math.min(100, state.risk + esc.incident.riskJump * esc.weights.incident)),
      );
      expect(roll.happened).toBe(roll.roll < roll.chance);
      expect(state.rng).toBe(draw(first.next).next);
    }
  });

  it('an incident happens exactly when the roll is below the chance (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (rng) => {
        const state = resolveRound(g, beforeResolution(rng));
        const roll = state.rounds[0]!.incident!;
        expect(roll.happened).toBe(draw(rng).value < roll.chance);
        expect(hasPendingIncident(state)).toBe(roll.happened);
      }),
      fuzzRuns(300),
    );
  });

  it('a roll below the chance: the risk jumps; an escalation roll below its chance is war', () => {
    const chance = resolveRound(g, beforeResolution(1)).rounds[0]!.incident!;
    expect(chance.chance).toBeGreaterThan(0);
    const warRng = rngWhere((first, second) => first < chance.chance && second < chance.escalationChance);
    let state = resolveRound(g, beforeResolution(warRng));
    expect(state.rounds[0]!.incident!.happened).toBe(true);
    const risk = state.risk;
    state = applyIncident(g, state);
    expect(lastChange(state)).toMatchObject({
      stage: 'incident',
      from: risk,
      to: Math.min(100, roundTenth(risk + esc.incident.riskJump * esc.weights.incident)),
    });
    expect(lastChange(state).factors[0]).toMatchObject({ id: 'incident', value: esc.incident.riskJump * esc.weights.incident });
    expect(state.outcome?.kind).toBe('war');
    expect(state.outcome?.reason).toMatch(/^An incident escalated out of control/);
  });

  it('an incident that does not escalate leaves the game running', () => {
    const chance = resolveRound(g, beforeResolution(1)).rounds[0]!.incident!;
    const rng = rngWhere((first, second) => first < chance.chance && second > Math.max(0.999, chance.escalationChance));
    const state = applyIncident(g, resolveRound(g, beforeResolution(rng)));
    expect(state.outcome).toBeNull();
    expect(lastChange(state).stage).toBe('incident');
  });

  it('a roll at or above the chance: no incident, and applyIncident changes nothing', () => {
    const rng = rngWhere((first) => first > 0.99);
    const state = resolveRound(g, beforeResolution(rng));
    expect(state.rounds[0]!.incident!.happened).toBe(false);
    expect(hasPendingIncident(state)).toBe(false);
    expect(applyIncident(g, state)).toEqual(state);
  });
});

describe('how the game ends', () => {
  it('war when the risk reaches 100 at resolution', () => {
    let state = applyResponse(g, ruOpens('belligerent'), response(US, 'reject', { tone: 'belligerent' }));
    state = resolveRound(g, { ...state, risk: 99 });
    expect(state.risk).toBe(100);
    expect(state.outcome).toEqual({ kind: 'war', round: 0, reason: 'The risk reached the top of the scale.' });
    expect(state.rounds[0]!.incident).toBeNull();
  });

  it('war when the events of a round push the risk to 100 as it opens', () => {
    const first = g.events.filter((event) => event.trigger.kind === 'scripted' && event.trigger.round === g.rounds[0]!.id);
    expect(first.some((event) => (event.effects.risk ?? 0) > 0 && event.probability === 1)).toBe(true);
    const state = openRound(g, { ...newGame(g, hotseat(1)), risk: 99.9 });
    expect(state.risk).toBe(100);
    expect(state.outcome).toEqual({ kind: 'war', round: 0, reason: 'Events outside the room pushed the risk to the top of the scale.' });
  });

  it('a walk-out ends the game and raises the risk', () => {
    let state = ruOpens('firm');
    state = resolveRound(g, applyResponse(g, state, response(US, 'walkout')));
    expect(state.outcome).toEqual({ kind: 'walkout', round: 0, reason: `${g.sides[0]!.name} walked out of the talks.` });
    expect(factorPairs(state)).toContainEqual(['walkout', esc.walkoutRisk]);
    expect(state.rounds[0]!.incident).toBeNull();
  });

  it('when the rounds run out: stalemate with nothing agreed, a partial deal with something', () => {
    const last = g.rounds.length - 1;
    const calm = rngWhere((first) => first > 0.99);
    const lastRound = (agreed: GameState['agreed']) => {
      let state = openRound(g, { ...newGame(g, hotseat(1)), round: last, agreed, risk: 20 });
      state = applyProposal(g, state, proposal(state.rounds[last]!.proposer, stancePositions(g, state, state.rounds[last]!.proposer)));
      state = applyResponse(g, state, response(state.rounds[last]!.responder, 'reject'));
      return resolveRound(g, { ...state, rng: calm });
    };
    expect(lastRound({}).outcome).toEqual({ kind: 'stalemate', round: last, reason: 'The rounds ran out with no track agreed.' });
    const partial = lastRound({ exercises: { position: 'reciprocal-limits', round: 0 } });
    expect(partial.outcome).toEqual({
      kind: 'partial-deal',
      round: last,
      reason: `The rounds ran out with 1 of ${g.tracks.length} tracks agreed.`,
    });
  });

  it('advancing opens the next round with its proposer', () => {
    let state = resolveRound(g, applyResponse(g, ruOpens('firm'), response(US, 'reject')));
    state = advanceRound(g, { ...state, rng: rngWhere((first) => first > 0.99) });
    expect(state.round).toBe(1);
    expect(state.rounds[1]!.proposer).toBe(g.rounds[1]!.proposer ?? US);
    expect(state.rounds[1]!.responder).not.toBe(state.rounds[1]!.proposer);
  });
});

describe('legality', () => {
  const start = () => opened(g, hotseat(1));

  it("a proposal: the proposer's own legal package only", () => {
    const state = start();
    const own = stancePositions(g, state, RU);
    const ruMove = g.postureMoves.find((move) => move.side === RU)!.id;
    const usMove = g.postureMoves.find((move) => move.side === US)!.id;
    expect(isLegalProposal(g, state, proposal(RU, own))).toBe(true);
    expect(isLegalProposal(g, state, proposal(RU, own, 'belligerent', ruMove))).toBe(true);
    // Wrong side.
    expect(isLegalProposal(g, state, proposal(US, stancePositions(g, state, US)))).toBe(false);
    // Its own red line.
    expect(isLegalProposal(g, state, proposal(RU, { ...own, enlargement: 'open-door' }))).toBe(false);
    // Malformed packages: a track missing, an extra track, an unknown position.
    const short = Object.fromEntries(Object.entries(own).filter(([trackId]) => trackId !== 'exercises'));
    expect(isLegalProposal(g, state, proposal(RU, short))).toBe(false);
    expect(isLegalProposal(g, state, proposal(RU, { ...own, bogus: 'x' }))).toBe(false);
    expect(isLegalProposal(g, state, proposal(RU, { ...own, missiles: 'nowhere' }))).toBe(false);
    // Someone else's posture move, or an unknown one.
    expect(isLegalProposal(g, state, proposal(RU, own, 'firm', usMove))).toBe(false);
    expect(isLegalProposal(g, state, proposal(RU, own, 'firm', 'no-such-move'))).toBe(false);
    // Only one proposal a round.
    const after = applyProposal(g, state, proposal(RU, own));
    expect(isLegalProposal(g, after, proposal(RU, own))).toBe(false);
  });

  it('agreed tracks leave the package', () => {
    const state = { ...start(), agreed: { exercises: { position: 'reciprocal-limits', round: 0 } } };
    const own = stancePositions(g, state, RU);
    expect(Object.keys(own)).toEqual(['enlargement', 'missiles']);
    expect(isLegalProposal(g, state, proposal(RU, own))).toBe(true);
    expect(isLegalProposal(g, state, proposal(RU, { ...own, exercises: 'reciprocal-limits' }))).toBe(false);
  });

  it('a response: never accept your own red line; only the other side answers', () => {
    const offer = { enlargement: 'rollback-1997', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' };
    const state = applyProposal(g, start(), proposal(RU, offer));
    const legal = (value: Response) => isLegalResponse(g, state, value);
    expect(legal(response(US, 'accept'))).toBe(false);
    expect(legal(response(US, 'accept-some', { tracks: ['enlargement'] }))).toBe(false);
    expect(legal(response(US, 'accept-some', { tracks: ['missiles', 'exercises'] }))).toBe(true);
    expect(legal(response(US, 'accept-some', { tracks: [] }))).toBe(false);
    expect(legal(response(US, 'accept-some'))).toBe(false);
    expect(legal(response(US, 'accept-some', { tracks: ['missiles', 'missiles'] }))).toBe(false);
    expect(legal(response(US, 'accept-some', { tracks: ['bogus'] }))).toBe(false);
    expect(legal(response(US, 'reject'))).toBe(true);
    expect(legal(response(US, 'walkout'))).toBe(true);
    expect(legal(response(US, 'counter', { counter: rung(g, state, 2) }))).toBe(true);
    expect(legal(response(US, 'counter', { counter: { ...rung(g, state, 2), enlargement: 'binding-no' } }))).toBe(false);
    expect(legal(response(US, 'counter'))).toBe(false);
    expect(legal(response(RU, 'reject'))).toBe(false);
    const ruMove = g.postureMoves.find((move) => move.side === RU)!.id;
    expect(legal(response(US, 'reject', { posture: ruMove }))).toBe(false);
    // No response before a proposal, and only one.
    expect(isLegalResponse(g, start(), response(US, 'reject'))).toBe(false);
    expect(isLegalResponse(g, applyResponse(g, state, response(US, 'reject')), response(US, 'reject'))).toBe(false);
  });

  it('a reply: only to a counter-proposal, only by the proposer, never its red line', () => {
    const state = ruOpens('firm');
    expect(isLegalReply(g, state, { side: RU, kind: 'reject' })).toBe(false);
    const counter = { enlargement: 'open-door', missiles: 'aegis-transparency', exercises: 'vienna-document' };
    const countered = applyResponse(g, state, response(US, 'counter', { counter }));
    expect(isLegalReply(g, countered, { side: RU, kind: 'reject' })).toBe(true);
    expect(isLegalReply(g, countered, { side: US, kind: 'reject' })).toBe(false);
    expect(isLegalReply(g, countered, { side: RU, kind: 'accept' })).toBe(false);
    expect(isLegalReply(g, countered, { side: RU, kind: 'accept-some', tracks: ['enlargement'] })).toBe(false);
    expect(isLegalReply(g, countered, { side: RU, kind: 'accept-some', tracks: ['missiles', 'exercises'] })).toBe(true);
    const rejected = applyResponse(g, state, response(US, 'reject'));
    expect(isLegalReply(g, rejected, { side: RU, kind: 'reject' })).toBe(false);
    expect(isLegalReply(g, applyReply(g, countered, { side: RU, kind: 'reject' }), { side: RU, kind: 'reject' })).toBe(false);
  });
});

describe('scores', () => {
  it('meanRisk of a small fixed game: the opening level and the level after every round, averaged by hand', () => {
    const scenario = { ...g, escalation: { ...esc, initialRisk: 30 } };
    const played = playKeepingStates(g, hotseat(1), { us: 'greedy', ru: 'greedy' }).final;
    const change = played.rounds.flatMap((record) => record.riskChanges)[0]!;
    const round = (...levels: number[]) => ({ ...played.rounds[0]!, riskChanges: levels.map((to) => ({ ...change, to })) });
    // 30 at the start; 40, then 50 (passing 45), then a round without a change, still at 50.
    const game = { ...played, rounds: [round(40), round(45, 50), round()] };
    expect(meanRisk(scenario, game)).toBe((30 + 40 + 50 + 50) / 4);
  });

  it('meanRisk lies between the lowest and the highest risk of the game', () => {
    for (let seed = 0; seed < 20; seed++) {
      const game = playKeepingStates(g, hotseat(seed), { us: 'greedy', ru: seed % 2 ? 'hawk' : 'random' }).final;
      const levels = [esc.initialRisk, ...game.rounds.flatMap((record) => record.riskChanges.map((change) => change.to))];
      const mean = meanRisk(g, game);
      expect(mean).toBeGreaterThanOrEqual(Math.min(...levels));
      expect(mean).toBeLessThanOrEqual(Math.max(...levels));
    }
  });

  const settlementFor = (agreed: Positions, risk: number, standing = 50) =>
    ({ kind: 'agreement', agreed, finalRisk: risk, meanRisk: risk, standing }) as const;
  /** The agreement a side likes best: on every track its own favourite position. */
  const bestFor = (side: string): Positions =>
    Object.fromEntries(
      g.tracks.map((item) => [item.id, item.positions.reduce((a, b) => (b.utility[side]! > a.utility[side]! ? b : a)).id]),
    );

  /** Any agreement: on each track some position, or none (the status quo). */
  const anyAgreement = fc.record(
    Object.fromEntries(g.tracks.map((item) => [item.id, fc.constantFrom(...item.positions.map((position) => position.id))])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Positions>;

  it('a score rises with what was settled, at the same risk', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...g.sides.map((item) => item.id)),
        anyAgreement,
        anyAgreement,
        fc.integer({ min: 0, max: 99 }),
        (side, first, second, risk) => {
          const [a, b] = [first, second].map((agreed) => scoreSettlement(g, side, settlementFor(agreed, risk)));
          if (a!.settled > b!.settled) expect(a!.total).toBeGreaterThan(b!.total);
          if (a!.settled === b!.settled) expect(a!.total).toBe(b!.total);
        },
      ),
      fuzzRuns(300),
    );
    // The side's own favourites settle more for it than the other side's.
    for (const side of g.sides.map((item) => item.id)) {
      const own = scoreSettlement(g, side, settlementFor(bestFor(side), 40));
      const theirs = scoreSettlement(g, side, settlementFor(bestFor(otherSide(g, side)), 40));
      expect(own.total).toBeGreaterThan(theirs.total);
    }
  });

  it('a score falls as the risk rises, whatever was settled', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...g.sides.map((item) => item.id)),
        fc.boolean(),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 100 }),
        (side, agreed, low, rise) => {
          const high = Math.min(100, low + rise);
          const settled = agreed ? bestFor(side) : {};
          const calm = scoreSettlement(g, side, settlementFor(settled, low));
          const tense = scoreSettlement(g, side, settlementFor(settled, high));
          expect(tense.chanceOfWar).toBeGreaterThanOrEqual(calm.chanceOfWar);
          expect(tense.total).toBeLessThan(calm.total);
        },
      ),
      fuzzRuns(300),
    );
  });

  it("a score rises with the side's standing at home, and neutral standing counts nothing", () => {
    for (const side of g.sides.map((item) => item.id)) {
      const scores = [20, 50, 80].map((standing) => scoreSettlement(g, side, settlementFor({}, 40, standing)));
      expect(scores[1]!.standing).toBe(0);
      expect(scores[0]!.total).toBeLessThan(scores[1]!.total);
      expect(scores[1]!.total).toBeLessThan(scores[2]!.total);
    }
  });

  it('a played game scores each side as the settlement it reached; a walk-out reads the chance of war at or above the final risk', () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const game = playKeepingStates(g, hotseat(seed), { us: 'dove', ru: seed % 2 ? 'dove' : 'random' }).final;
      kinds.add(game.outcome!.kind);
      const scores = scoreGame(g, game);
      expect(scores.map((score) => score.side)).toEqual(g.sides.map((side) => side.id));
      for (const score of scores) {
        expect(score.kind).toBe(game.outcome!.kind);
        expect(score.settled).toBeCloseTo(utilityOf(g, score.side, worldWith(g, game, {})), 9);
        if (game.outcome!.kind === 'walkout') expect(score.chanceOfWar).toBeGreaterThanOrEqual(chanceOfWar(g, game.risk) - 1e-12);
        else if (game.outcome!.kind !== 'war') expect(score.chanceOfWar).toBeCloseTo(chanceOfWar(g, game.risk), 12);
        // The expected value lies between war and the settlement, weighted by the chance of war.
        expect(score.expected).toBeGreaterThanOrEqual(Math.min(score.settled, score.war) - 1e-9);
        expect(score.expected).toBeLessThanOrEqual(Math.max(score.settled, score.war) + 1e-9);
      }
    }
    // Games that ended in a deal and games that did not.
    expect(kinds.size).toBeGreaterThan(1);
  });

  it('the final world takes agreed positions, and the status quo elsewhere', () => {
    let state = opened(g, hotseat(3));
    state = applyProposal(g, state, proposal(RU, rung(g, state, 3)));
    state = resolveRound(g, applyResponse(g, state, response(US, 'accept-some', { tracks: ['exercises'] })));
    const world = worldWith(g, state, {});
    expect(world).toEqual({
      enlargement: track(g, 'enlargement').statusQuo,
      missiles: track(g, 'missiles').statusQuo,
      exercises: 'reciprocal-limits',
    });
    // A weighted mean of the positions' utilities: within the range of the positions held.
    const held = g.tracks.map((item) => item.positions.find((position) => position.id === world[item.id])!.utility[US]!);
    const us = utilityOf(g, US, world);
    expect(us).toBeGreaterThanOrEqual(Math.min(...held));
    expect(us).toBeLessThanOrEqual(Math.max(...held));
  });

  it('war scores each side what war is worth to it', () => {
    const state = resolveRound(g, { ...applyResponse(g, ruOpens('belligerent'), response(US, 'reject')), risk: 99 });
    expect(state.outcome?.kind).toBe('war');
    expect(scoreGame(g, state).map((score) => score.expected)).toEqual(g.sides.map((side) => side.warUtility - side.warCost));
  });

  it('the historical outcome is scored as a game that ended the same way, at the historical risk and neutral standing', () => {
    const { kind, agreed, finalRisk } = g.debrief.outcome;
    const scores = historicalScores(g);
    expect(scores.map((score) => score.side)).toEqual(g.sides.map((side) => side.id));
    for (const score of scores) {
      expect(score).toEqual(scoreSettlement(g, score.side, { kind, agreed, finalRisk }));
      expect(score.standing).toBe(0);
      expect(score.atRisk).toBe(finalRisk);
    }
  });
});

describe('event conditions: agreedOn', () => {
  const agreedOn = { track: 'missiles', positions: ['aegis-transparency', 'reciprocal-moratorium'] };
  const at = (agreed: GameState['agreed'], extra: Partial<GameState> = {}): GameState => ({ ...opened(g, hotseat(1)), agreed, ...extra });

  it('holds when the track was agreed on one of the positions named, and only then', () => {
    expect(conditionHolds({ agreedOn }, at({}))).toBe(false);
    expect(conditionHolds({ agreedOn }, at({ missiles: { position: 'aegis-transparency', round: 0 } }))).toBe(true);
    expect(conditionHolds({ agreedOn }, at({ missiles: { position: 'reciprocal-moratorium', round: 1 } }))).toBe(true);
    expect(conditionHolds({ agreedOn }, at({ missiles: { position: 'inf-talks', round: 0 } }))).toBe(false);
    // Another track agreed on a position of the same name does not count.
    expect(conditionHolds({ agreedOn }, at({ exercises: { position: 'reciprocal-limits', round: 0 } }))).toBe(false);
    // All the keys of a condition must hold.
    const agreed = { missiles: { position: 'aegis-transparency', round: 0 } };
    expect(conditionHolds({ agreedOn, riskAtLeast: 50 }, at(agreed, { risk: 49 }))).toBe(false);
    expect(conditionHolds({ agreedOn, riskAtLeast: 50 }, at(agreed, { risk: 50 }))).toBe(true);
    expect(conditionHolds({ agreedOn, open: 'exercises' }, at({ ...agreed, exercises: { position: 'reciprocal-limits', round: 0 } }))).toBe(
      false,
    );
  });

  it('fires its event at the opening of the next round after such an agreement, once', () => {
    // Geneva with one conditional event and no other, in memory.
    const scenario = genevaWith((doc) => {
      doc.events = [
        {
          id: 'verification-regime',
          name: 'A verification regime for missile sites',
          text: 'Inspectors visit Deveselu and Kaliningrad.',
          trigger: { kind: 'conditional', when: { agreedOn } },
          probability: 1,
          effects: { risk: -5 },
        },
      ];
    });
    const event = scenario.events[0]!;
    const openWith = (agreed: GameState['agreed'], round = 1) => openRound(scenario, { ...newGame(scenario, hotseat(1)), round, agreed });
    expect(eventFires(scenario, { ...opened(scenario, hotseat(1)), agreed: {} }, event)).toBe(false);

    const fired = openWith({ missiles: { position: 'reciprocal-moratorium', round: 0 } });
    expect(fired.rounds[1]!.events).toEqual(['verification-regime']);
    expect(fired.firedEvents).toContain('verification-regime');
    const change = fired.rounds[1]!.riskChanges.at(-1)!;
    expect(change.factors).toContainEqual(
      expect.objectContaining({ id: 'event:verification-regime', value: -5 * scenario.escalation.weights.event }),
    );

    expect(openWith({ missiles: { position: 'inf-talks', round: 0 } }).rounds[1]!.events).toEqual([]);
    expect(openWith({}).rounds[1]!.events).toEqual([]);

    // Once fired, never again.
    const again = openRound(scenario, { ...fired, round: 2 });
    expect(again.rounds[2]!.events).toEqual([]);
  });
});

describe('bots', () => {
  /** Plays a game checking each bot move with the rules before the machine takes it. */
  function checkedGame(setup: Setup, policies: Record<string, PolicyName>): { moves: number; outcome: string } {
    const run = new GameRun(g);
    expect(run.send({ type: 'START', setup })).toBe(true);
    const dice = new Dice(seedState(`${setup.seed}:bots`));
    let moves = 0;
    for (let step = 0; step < 200; step++) {
      const event = botEvent(run, policies, dice);
      if (!event) break;
      const state = run.snapshot.context.game!;
      if (event.type === 'PROPOSE') expect(isLegalProposal(g, state, event.proposal)).toBe(true);
      if (event.type === 'RESPOND') expect(isLegalResponse(g, state, event.response)).toBe(true);
      if (event.type === 'REPLY') expect(isLegalReply(g, state, event.reply)).toBe(true);
      if (event.type !== 'CONTINUE') moves++;
      expect(run.send(event), `${event.type} refused`).toBe(true);
    }
    const outcome = run.snapshot.context.game!.outcome;
    run.stop();
    expect(outcome).not.toBeNull();
    return { moves, outcome: outcome!.kind };
  }

  it('the reciprocal policy only makes legal moves, against every policy and every persona', () => {
    let moves = 0;
    for (let seed = 0; seed < 4; seed++) {
      for (const other of POLICY_NAMES) {
        moves += checkedGame(hotseat(seed), { us: 'reciprocal', ru: other }).moves;
        moves += checkedGame(hotseat(seed), { us: other, ru: 'reciprocal' }).moves;
      }
      for (const persona of g.personas) moves += checkedGame(againstAi(g, persona.id, seed), { us: 'reciprocal', ru: 'reciprocal' }).moves;
    }
    expect(moves).toBeGreaterThan(100);
  });

  it('every policy only makes legal moves, whatever the seed and the opponent (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...POLICY_NAMES),
        fc.constantFrom(...POLICY_NAMES),
        fc.option(fc.constantFrom(...g.personas.map((persona) => persona.id)), { nil: undefined }),
        (seed, us, ru, persona) => {
          checkedGame(persona ? againstAi(g, persona, seed) : hotseat(seed), { us, ru });
        },
      ),
      fuzzRuns(80),
    );
  });

  const view = (state: GameState, side: string) => ({ scenario: g, state, side, dice: new Dice(seedState('bots-test')) });
  const calming = (posture: string | null) =>
    posture === null || ['reassurance', 'de-escalation'].includes(g.postureMoves.find((move) => move.id === posture)!.kind);

  it('greedy demands its best terms short of the other side’s red lines', () => {
    const states = [
      opened(g, hotseat(1)),
      { ...opened(g, hotseat(1)), agreed: { exercises: { position: 'reciprocal-limits', round: 0 } } },
    ];
    for (const state of states) {
      for (const side of [US, RU]) {
        const other = otherSide(g, side);
        const { positions } = POLICIES.greedy.propose(view(state, side));
        expect(Object.keys(positions)).toEqual(g.tracks.filter((item) => !(item.id in state.agreed)).map((item) => item.id));
        for (const [trackId, positionId] of Object.entries(positions)) {
          const item = track(g, trackId);
          const possible = item.positions.filter((position) => !isRedLine(item, side, position.id) && !isRedLine(item, other, position.id));
          expect(possible.map((position) => position.id)).toContain(positionId);
          const best = Math.max(...possible.map((position) => position.utility[side]!));
          expect(trackUtility(item, side, positionId)).toBe(best);
        }
      }
    }
  });

  it('greedy takes its own terms only while they are worth more than no deal at the current risk, by the side’s own estimate of war', () => {
    // Russia here expects war to bring it everything: the higher the risk, the more no deal is worth to it.
    const scenario = genevaWith((doc) => {
      (doc.escalation as { warChance?: unknown }).warChance = [
        { risk: 0, chance: 0 },
        { risk: 100, chance: 1 },
      ];
      const ru = (doc.sides as { id: string; warUtility: number; warCost: number }[]).find((side) => side.id === RU)!;
      ru.warUtility = 100;
      ru.warCost = 0;
    });
    let base = opened(scenario, hotseat(1));
    // The US counters with exactly the terms a greedy Russia demands.
    const demands = POLICIES.greedy.propose({ scenario, state: base, side: RU, dice: new Dice(1) }).positions;
    base = applyProposal(scenario, base, { side: RU, positions: stancePositions(scenario, base, RU), posture: null, tone: 'firm' });
    base = applyResponse(scenario, base, { side: US, kind: 'counter', counter: demands, posture: null, tone: 'firm' });
    const worth = utilityOf(scenario, RU, worldWith(scenario, base, demands));
    const kinds = new Set<string>();
    for (const risk of [0, 20, 40, 55, 65, 80, 100]) {
      const state = { ...base, risk };
      const reply = POLICIES.greedy.reply({ scenario, state, side: RU, dice: new Dice(1) });
      expect(isLegalReply(scenario, state, reply)).toBe(true);
      const noDeal = outsideOption(scenario, state, RU, null).value;
      expect(noDeal).toBeCloseTo(risk, 9);
      expect(reply.kind, `risk ${risk}: worth ${worth}, no deal ${noDeal}`).toBe(worth > noDeal ? 'accept' : 'reject');
      kinds.add(reply.kind);
    }
    expect(kinds).toEqual(new Set(['accept', 'reject']));
  });

  /**
   * Round 2 of a hot-seat game: Russia tabled its demands, the US countered with the middle of
   * every ladder, Russia rejected it; now the US tables its own ideal with the given tone.
   */
  function usHardens(tone: Tone, posture: string | null = null): GameState {
    const middle = { enlargement: 'moratorium', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' };
    let state = ruOpens('firm');
    state = applyResponse(g, state, response(US, 'counter', { counter: middle }));
    state = resolveRound(g, applyReply(g, state, { side: RU, kind: 'reject' }));
    state = advanceRound(g, { ...state, rng: rngWhere((first) => first > 0.99) });
    expect(state.outcome).toBeNull();
    expect(state.rounds[state.round]!.proposer).toBe(US);
    const ideal = Object.fromEntries(g.tracks.map((item) => [item.id, item.positions[0]!.id]));
    return applyProposal(g, state, proposal(US, ideal, tone, posture));
  }
  const usThreat = g.postureMoves.find((move) => move.side === US && (move.kind === 'threat' || move.kind === 'build-up'))!.id;

  it('reciprocal opens by cooperating: one step toward the other side, calmly', () => {
    const state = opened(g, hotseat(1));
    const own = stancePositions(g, state, RU);
    const move = POLICIES.reciprocal.propose(view(state, RU));
    expect(move.positions).toEqual(cheapestConcession(g, state, RU, own, stancePositions(g, state, US))!.positions);
    expect(move.tone).toBe('conciliatory');
    expect(calming(move.posture)).toBe(true);
    expect(isLegalProposal(g, state, move)).toBe(true);
  });

  it('reciprocal answers hardening and threats in kind: it holds its demands, firmly, with no gesture', () => {
    const state = usHardens('belligerent', usThreat);
    const answer = POLICIES.reciprocal.respond(view(state, RU));
    expect(answer.kind).toBe('counter');
    expect(answer.counter).toEqual(stancePositions(g, state, RU));
    expect(answer.tone).toBe('firm');
    expect(answer.posture).toBeNull();
    expect(isLegalResponse(g, state, answer)).toBe(true);
  });

  it('reciprocal answers a conciliatory signal with a step of its own', () => {
    const state = usHardens('conciliatory');
    const own = stancePositions(g, state, RU);
    const answer = POLICIES.reciprocal.respond(view(state, RU));
    expect(answer.kind).toBe('counter');
    expect(answer.counter).toEqual(cheapestConcession(g, state, RU, own, state.rounds[state.round]!.proposal!.positions)!.positions);
    expect(answer.counter).not.toEqual(own);
    expect(answer.tone).toBe('conciliatory');
    expect(calming(answer.posture)).toBe(true);
    expect(isLegalResponse(g, state, answer)).toBe(true);
  });
});
