import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiRespond } from '../src/engine/ai/counterpart.ts';
import { POLICIES, POLICY_NAMES } from '../src/engine/bots/policies.ts';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { Dice, seedState } from '../src/engine/random.ts';
import { acceptableUnits, isLegalReply, isLegalResponse, keepsLinksWhole } from '../src/engine/rules/legal.ts';
import { advanceRound, applyProposal, applyResponse, resolveRound } from '../src/engine/rules/round.ts';
import type { GameState, Positions, Reply, Response, Setup } from '../src/engine/rules/state.ts';
import { isRedLine, otherSide, stancePositions, track } from '../src/engine/rules/world.ts';
import type { Persona, Scenario } from '../src/engine/scenario/schema.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { genevaWith, hotseat, opened, RU, US } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

type LinkInput = { id: string; tracks: string[]; text: string };

/** A copy of Geneva with the given links (and no others), made in memory. */
const withLinks = (links: LinkInput[]): Scenario =>
  genevaWith((doc) => {
    doc.linkage = links;
  });

const unlinked = withLinks([]);
/** Arms control as one deal: missiles and exercises only together. */
const linked = withLinks([
  { id: 'arms-control', tracks: ['missiles', 'exercises'], text: 'Missiles and exercises are one arms-control deal.' },
]);
/** Nothing is agreed until everything is agreed. */
const everything = withLinks([
  { id: 'everything', tracks: ['enlargement', 'missiles', 'exercises'], text: 'Nothing is agreed until everything is agreed.' },
]);
/** Two links that share a track: together they bind all three. */
const chained = withLinks([
  { id: 'security', tracks: ['enlargement', 'missiles'], text: 'No enlargement deal without the missiles.' },
  { id: 'arms-control', tracks: ['missiles', 'exercises'], text: 'Missiles and exercises are one arms-control deal.' },
]);
const SCENARIOS = { linked, everything, chained } as const;

const middle: Positions = { enlargement: 'moratorium', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' };

const sorted = (units: string[][]) => units.map((item) => [...item].sort()).sort((a, b) => a.join().localeCompare(b.join()));

describe('acceptableUnits', () => {
  it('without links, every track of the package is a unit of its own', () => {
    expect(acceptableUnits(unlinked, US, middle)).toEqual([['enlargement'], ['missiles'], ['exercises']]);
  });

  it('keeps a linked group whole, as one unit', () => {
    expect(sorted(acceptableUnits(linked, US, middle))).toEqual(sorted([['enlargement'], ['missiles', 'exercises']]));
    expect(acceptableUnits(everything, RU, middle)).toHaveLength(1);
    expect(sorted(acceptableUnits(everything, RU, middle))).toEqual([['enlargement', 'exercises', 'missiles']]);
  });

  it('joins links that share a track into one unit', () => {
    expect(sorted(acceptableUnits(chained, US, middle))).toEqual([['enlargement', 'exercises', 'missiles']]);
  });

  it("drops a unit that holds one of the side's red lines, the whole linked group with it", () => {
    // No NATO activity in the east is a US red line: the arms-control group goes, enlargement stays.
    const offer = { ...middle, exercises: 'no-nato-activity' };
    expect(isRedLine(track(linked, 'exercises'), US, 'no-nato-activity')).toBe(true);
    expect(acceptableUnits(linked, US, offer)).toEqual([['enlargement']]);
    expect(sorted(acceptableUnits(unlinked, US, offer))).toEqual(sorted([['enlargement'], ['missiles']]));
    expect(acceptableUnits(everything, US, offer)).toEqual([]);
    // The same package holds no Russian red line: Russia may take it all.
    expect(sorted(acceptableUnits(linked, RU, offer))).toEqual(sorted([['enlargement'], ['missiles', 'exercises']]));
  });

  it('leaves out of a unit the linked tracks the package does not hold (already agreed)', () => {
    const { exercises: _agreed, ...open } = middle;
    expect(sorted(acceptableUnits(linked, US, open))).toEqual(sorted([['enlargement'], ['missiles']]));
  });

  it('splits the package into whole linked groups, none with a red line, whatever the package (property)', () => {
    const ladders = linked.tracks.map((item) => fc.constantFrom(...item.positions.map((position) => position.id)));
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(SCENARIOS), unlinked),
        fc.constantFrom(US, RU),
        fc.tuple(...ladders),
        fc.subarray(
          linked.tracks.map((item) => item.id),
          { minLength: 1 },
        ),
        (scenario, side, ids, tracks) => {
          const positions = Object.fromEntries(
            scenario.tracks.map((item, i) => [item.id, ids[i]!] as const).filter(([id]) => tracks.includes(id)),
          );
          const units = acceptableUnits(scenario, side, positions);
          const taken = units.flat();
          // No track twice, every track from the package.
          expect(new Set(taken).size).toBe(taken.length);
          for (const id of taken) expect(positions).toHaveProperty(id);
          for (const unit of units) {
            expect(unit.length).toBeGreaterThan(0);
            expect(keepsLinksWhole(scenario, positions, unit)).toBe(true);
            for (const id of unit) expect(isRedLine(track(scenario, id), side, positions[id]!)).toBe(false);
          }
          expect(keepsLinksWhole(scenario, positions, taken)).toBe(true);
          // What is left out is left out for a red line: in the track itself or in a track linked to it.
          for (const id of Object.keys(positions).filter((trackId) => !taken.includes(trackId))) {
            const group = new Set([id]);
            for (let grew = true; grew;) {
              grew = false;
              for (const link of scenario.linkage) {
                if (!link.tracks.some((member) => group.has(member))) continue;
                for (const member of link.tracks) {
                  if (member in positions && !group.has(member)) {
                    group.add(member);
                    grew = true;
                  }
                }
              }
            }
            expect([...group].some((member) => isRedLine(track(scenario, member), side, positions[member]!))).toBe(true);
          }
        },
      ),
      fuzzRuns(300),
    );
  });
});

describe('keepsLinksWhole', () => {
  it('holds when a selection takes all or none of each linked group in the package', () => {
    expect(keepsLinksWhole(linked, middle, ['enlargement'])).toBe(true);
    expect(keepsLinksWhole(linked, middle, ['missiles', 'exercises'])).toBe(true);
    expect(keepsLinksWhole(linked, middle, ['enlargement', 'missiles', 'exercises'])).toBe(true);
    expect(keepsLinksWhole(linked, middle, ['missiles'])).toBe(false);
    expect(keepsLinksWhole(linked, middle, ['enlargement', 'exercises'])).toBe(false);
    expect(keepsLinksWhole(unlinked, middle, ['missiles'])).toBe(true);
    expect(keepsLinksWhole(chained, middle, ['enlargement', 'missiles'])).toBe(false);
    // A linked track that is no longer on the table (agreed) does not hold its partner back.
    expect(keepsLinksWhole(linked, { enlargement: 'moratorium', missiles: 'reciprocal-moratorium' }, ['missiles'])).toBe(true);
  });
});

describe('the rules refuse an acceptance that splits a link', () => {
  /** Round 1, hot seat: Russia tables the middle of every ladder. */
  const onTable = (scenario: Scenario) =>
    applyProposal(scenario, opened(scenario, hotseat(1)), { side: RU, positions: middle, posture: null, tone: 'firm' });
  const acceptSome = (tracks: string[]): Response => ({ side: US, kind: 'accept-some', tracks, posture: null, tone: 'firm' });

  it('isLegalResponse: an accept-some that splits a linked group is illegal; whole groups are legal', () => {
    const state = onTable(linked);
    expect(isLegalResponse(linked, state, acceptSome(['missiles']))).toBe(false);
    expect(isLegalResponse(linked, state, acceptSome(['exercises']))).toBe(false);
    expect(isLegalResponse(linked, state, acceptSome(['enlargement', 'exercises']))).toBe(false);
    expect(isLegalResponse(linked, state, acceptSome(['missiles', 'exercises']))).toBe(true);
    expect(isLegalResponse(linked, state, acceptSome(['enlargement']))).toBe(true);
    expect(isLegalResponse(linked, state, { side: US, kind: 'accept', posture: null, tone: 'firm' })).toBe(true);
    // Without the link, the same part is legal.
    expect(isLegalResponse(unlinked, onTable(unlinked), acceptSome(['missiles']))).toBe(true);
    // Nothing agreed until everything is: only the whole package.
    const all = onTable(everything);
    expect(isLegalResponse(everything, all, acceptSome(['enlargement']))).toBe(false);
    expect(isLegalResponse(everything, all, acceptSome(['enlargement', 'missiles', 'exercises']))).toBe(true);
  });

  it('isLegalReply: the same for a reply to a counter-proposal', () => {
    const state = applyResponse(linked, onTable(linked), { side: US, kind: 'counter', counter: middle, posture: null, tone: 'firm' });
    const reply = (tracks: string[]): Reply => ({ side: RU, kind: 'accept-some', tracks });
    expect(isLegalReply(linked, state, reply(['exercises']))).toBe(false);
    expect(isLegalReply(linked, state, reply(['missiles', 'exercises']))).toBe(true);
    expect(isLegalReply(linked, state, reply(['enlargement']))).toBe(true);
  });

  it('the machine refuses the split and changes nothing; it takes the whole group and locks both tracks', () => {
    const run = new GameRun(linked);
    expect(run.send({ type: 'START', setup: hotseat(1) })).toBe(true);
    expect(run.send({ type: 'CONTINUE' })).toBe(true);
    expect(run.send({ type: 'PROPOSE', proposal: { side: RU, positions: middle, posture: null, tone: 'firm' } })).toBe(true);
    const before = run.snapshot;
    expect(run.send({ type: 'RESPOND', response: acceptSome(['missiles']) })).toBe(false);
    expect(run.snapshot.value).toBe(before.value);
    expect(run.snapshot.context.game).toEqual(before.context.game);
    expect(run.send({ type: 'RESPOND', response: acceptSome(['missiles', 'exercises']) })).toBe(true);
    expect(Object.keys(run.snapshot.context.game!.agreed).sort()).toEqual(['exercises', 'missiles']);
    run.stop();
  });
});

describe('the AI and the bots accept only whole linked groups', () => {
  it('the AI takes the part it wants only with the tracks linked to it, and names linkage among its terms', () => {
    // Missiles with no limits is a Russian red line: with the arms-control link, exercises cannot be taken without it.
    const offer = { enlargement: 'moratorium', missiles: 'no-limits', exercises: 'reciprocal-limits' };
    const persona: Persona = {
      id: 'ru-test',
      side: RU,
      name: 'Test persona',
      description: 'Takes what it can.',
      resolve: 0,
      riskTolerance: 0,
      patience: 0,
      bluff: 0,
      warBelief: { utility: 0, cost: 0, text: 'War would bring nothing.' },
    };
    const answer = (scenario: Scenario) => {
      // Round 2 against the Russian AI: Russia's demands were rejected, now the US tables its offer.
      let state: GameState = opened(scenario, { seed: 3, playerSide: US, opponent: { kind: 'ai', persona: 'ru-pragmatist' } });
      state = applyProposal(scenario, state, { side: RU, positions: stancePositions(scenario, state, RU), posture: null, tone: 'firm' });
      state = resolveRound(scenario, applyResponse(scenario, state, { side: US, kind: 'reject', posture: null, tone: 'firm' }));
      state = advanceRound(scenario, { ...state, rng: 42 });
      expect(state.outcome).toBeNull();
      expect(state.rounds[state.round]!.proposer).toBe(US);
      state = applyProposal(scenario, state, { side: US, positions: offer, posture: null, tone: 'firm' });
      const choice = aiRespond(scenario, state, RU, persona);
      expect(isLegalResponse(scenario, state, choice.move)).toBe(true);
      return choice;
    };
    const free = answer(unlinked);
    expect(free.move.kind).toBe('accept-some');
    expect([...free.move.tracks!].sort()).toEqual(['enlargement', 'exercises']);
    expect(free.decision.terms).not.toContain('linkage');

    const bound = answer(linked);
    expect(bound.move.kind).toBe('accept-some');
    expect(bound.move.tracks).toEqual(['enlargement']);
    expect(bound.decision.terms).toContain('linkage');
  });

  it('every bot policy answers any package with whole linked groups only (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[])),
        fc.constantFrom(...POLICY_NAMES),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        (name, policy, proposed, countered, seed) => {
          const scenario = SCENARIOS[name];
          const pick = (side: string, picks: number[]) =>
            Object.fromEntries(
              scenario.tracks.map((item, i) => {
                const allowed = item.positions.filter((position) => !isRedLine(item, side, position.id));
                return [item.id, allowed[picks[i]! % allowed.length]!.id];
              }),
            );
          const dice = new Dice(seedState(`linkage:${seed}`));
          let state = opened(scenario, hotseat(seed));
          state = applyProposal(scenario, state, { side: RU, positions: pick(RU, proposed), posture: null, tone: 'firm' });
          const response = POLICIES[policy].respond({ scenario, state, side: US, dice });
          expect(isLegalResponse(scenario, state, response)).toBe(true);
          if (response.kind === 'accept-some')
            expect(keepsLinksWhole(scenario, state.rounds[0]!.proposal!.positions, response.tracks!)).toBe(true);

          const counter = pick(US, countered);
          state = applyResponse(scenario, state, { side: US, kind: 'counter', counter, posture: null, tone: 'firm' });
          const reply = POLICIES[policy].reply({ scenario, state, side: RU, dice });
          expect(isLegalReply(scenario, state, reply)).toBe(true);
          if (reply.kind === 'accept-some') expect(keepsLinksWhole(scenario, counter, reply.tracks!)).toBe(true);
        },
      ),
      fuzzRuns(300),
    );
  });

  it('in whole games, the AI and every bot policy only ever agree linked tracks together (property)', () => {
    let partial = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[])),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...POLICY_NAMES),
        fc.constantFrom(...POLICY_NAMES),
        fc.option(fc.nat(), { nil: undefined }),
        (name, seed, first, second, personaPick) => {
          const scenario = SCENARIOS[name];
          let setup: Setup;
          if (personaPick === undefined) setup = hotseat(seed);
          else {
            const persona = scenario.personas[personaPick % scenario.personas.length]!;
            setup = { seed, playerSide: otherSide(scenario, persona.side), opponent: { kind: 'ai', persona: persona.id } };
          }
          // playGame throws on any move the machine refuses.
          const result = playGame(scenario, setup, { [US]: first, [RU]: second });
          const final = result.final;
          for (const record of final.rounds) {
            if (record.response?.kind === 'accept-some') {
              partial++;
              expect(keepsLinksWhole(scenario, record.proposal!.positions, record.response.tracks!)).toBe(true);
            }
            if (record.reply?.kind === 'accept-some') {
              partial++;
              expect(keepsLinksWhole(scenario, record.response!.counter!, record.reply.tracks!)).toBe(true);
            }
          }
          // Linked tracks are agreed all together, in the same round, or not at all.
          for (const link of scenario.linkage) {
            const agreed = link.tracks.filter((id) => id in final.agreed);
            if (agreed.length > 0) {
              expect(agreed).toEqual(link.tracks);
              expect(new Set(agreed.map((id) => final.agreed[id]!.round)).size).toBe(1);
            }
          }
          if (name !== 'linked') expect(final.outcome!.kind).not.toBe('partial-deal');
        },
      ),
      fuzzRuns(150),
    );
    // Partial acceptances happened, so the check was not empty.
    expect(partial).toBeGreaterThan(0);
  });
});
