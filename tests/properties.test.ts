import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES } from '../src/engine/bots/policies.ts';
import { phaseOf } from '../src/engine/machine/phase.ts';
import type { Setup } from '../src/engine/rules/state.ts';
import { OUTCOME_KINDS } from '../src/engine/scenario/schema.ts';
import { loadSessionText, replaySession } from '../src/engine/session/load.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { fuzzRuns, nameSeedOnFailure, rerun } from './fuzz-values.ts';
import { geneva, genevaSource, hotseat, invariantViolations, playKeepingStates } from './helpers.ts';

nameSeedOnFailure();

const g = geneva;

const gameArbitrary = fc
  .record({
    seed: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.string({ minLength: 1, maxLength: 16 })),
    hotseat: fc.boolean(),
    playerSide: fc.constantFrom(...g.sides.map((side) => side.id)),
    persona: fc.nat(),
    policies: fc.tuple(fc.constantFrom(...POLICY_NAMES), fc.constantFrom(...POLICY_NAMES)),
  })
  .map(({ seed, hotseat, playerSide, persona, policies }) => {
    const aiSide = g.sides.find((side) => side.id !== playerSide)!.id;
    const personas = g.personas.filter((item) => item.side === aiSide);
    const setup: Setup = hotseat
      ? { seed, playerSide, opponent: { kind: 'hotseat' } }
      : { seed, playerSide, opponent: { kind: 'ai', persona: personas[persona % personas.length]!.id } };
    const bots = { [g.sides[0]!.id]: policies[0], [g.sides[1]!.id]: policies[1] };
    return { setup, bots };
  });

describe('whole games (property)', () => {
  it('end within the rounds, keep every invariant in every state, and replay identically from their session', () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(gameArbitrary, ({ setup, bots }) => {
        const played = playKeepingStates(g, setup, bots);
        const final = played.final;

        // Every game ends, within the scenario's rounds, with an outcome.
        expect(final.outcome).not.toBeNull();
        expect(OUTCOME_KINDS).toContain(final.outcome!.kind);
        expect(played.phases.at(-1)).toBe('over');
        expect(final.round).toBeLessThan(g.rounds.length);
        expect(final.outcome!.round).toBe(final.round);
        expect(final.rounds).toHaveLength(final.round + 1);
        expect(played.events.length).toBeLessThanOrEqual(g.rounds.length * 6 + 1);
        outcomes.set(final.outcome!.kind, (outcomes.get(final.outcome!.kind) ?? 0) + 1);

        // Every state keeps the invariants.
        played.games.forEach((state, i) => {
          expect(invariantViolations(g, state, played.games[i - 1] ?? null), `state ${i} (${played.phases[i]})`).toEqual([]);
        });

        // The session round-trips through its text and replays to identical states.
        const session = recordSession(g, genevaSource(), setup, played.events);
        expect(session.checksums).toHaveLength(played.events.length + 1);
        const loaded = loadSessionText(JSON.stringify(session));
        expect(loaded.ok ? [] : loaded.problems).toEqual([]);
        if (!loaded.ok) return;
        expect(loaded.value.session.setup).toEqual({ playerSide: setup.playerSide, opponent: setup.opponent });
        const replay = replaySession(loaded.value);
        expect(replay.problems).toEqual([]);
        expect(replay.divergesAt).toBeNull();
        expect(replay.snapshots).toHaveLength(played.snapshots.length);
        replay.snapshots.forEach((snapshot, i) => {
          expect(phaseOf(snapshot)).toBe(played.phases[i]);
          expect(snapshot.context.game).toEqual(played.games[i]);
        });
      }),
      fuzzRuns(250),
    );
    // The runs cover several ways a game ends.
    expect(outcomes.size, `ways games ended: ${[...outcomes.keys()].join(', ')}; ${rerun()}`).toBeGreaterThanOrEqual(4);
  });

  it('the same setup and the same events always give the same states', () => {
    fc.assert(
      fc.property(gameArbitrary, ({ setup, bots }) => {
        const a = playKeepingStates(g, setup, bots);
        const b = playKeepingStates(g, structuredClone(setup), bots);
        expect(b.events).toEqual(a.events);
        expect(b.games).toEqual(a.games);
      }),
      fuzzRuns(60),
    );
  });
});

describe('the invariant checker itself', () => {
  it('finds broken states', () => {
    const played = playKeepingStates(g, hotseat(4), { us: 'greedy', ru: 'greedy' });
    const state = played.games.at(-1)!;
    expect(invariantViolations(g, state)).toEqual([]);
    const us = state.sides.us!;
    expect(invariantViolations(g, { ...state, risk: 100.5 })).toContain('risk 100.5 out of 0-100');
    expect(invariantViolations(g, { ...state, sides: { ...state.sides, us: { ...us, standing: -1 } } })).toContain(
      'us.standing -1 out of 0-100',
    );
    expect(
      invariantViolations(g, { ...state, sides: { ...state.sides, us: { ...us, stance: { ...us.stance, enlargement: 5 } } } }),
    ).toContain('us stands on its own red line rollback-1997 (enlargement)');
    const record = state.rounds[0]!;
    const change = record.riskChanges[0]!;
    const tampered = { ...change, factors: [...change.factors, { id: 'extra', label: 'extra', value: 0.1 }] };
    const broken = { ...state, rounds: [{ ...record, riskChanges: [tampered, ...record.riskChanges.slice(1)] }, ...state.rounds.slice(1)] };
    expect(invariantViolations(g, broken).join('\n')).toContain('factors add up to');
    const agreed = { ...state, agreed: { exercises: { position: 'reciprocal-limits', round: 0 } } };
    expect(invariantViolations(g, state, agreed)).toContain('agreed track exercises was undone');
  });
});
