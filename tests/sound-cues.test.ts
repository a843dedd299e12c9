import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES } from '../src/engine/bots/policies.ts';
import { GameRun, type Step } from '../src/engine/machine/game-run.ts';
import { riskSignal, type GameSignal } from '../src/engine/machine/signals.ts';
import type { GameState } from '../src/engine/rules/state.ts';
import { bandOf } from '../src/engine/rules/world.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { ambientLevel, cueOf } from '../src/game/audio/sound-cues.ts';
import { fuzzRuns } from './fuzz-values.ts';
import { againstAi, geneva } from './helpers.ts';

// Shaped like a scenario's escalation.bands (sorted by `from`, the first at 0).
const bands = [
  { id: 'calm', name: 'Calm', from: 0 },
  { id: 'tension', name: 'Tension', from: 20 },
  { id: 'crisis', name: 'Crisis', from: 40 },
  { id: 'confrontation', name: 'Confrontation', from: 60 },
  { id: 'brink', name: 'Brink', from: 80 },
];
const scenario = { ...geneva, escalation: { ...geneva.escalation, bands: bands.map((band) => ({ ...band, description: band.name })) } };
const risk = fc.double({ min: -20, max: 120, noNaN: true });

describe('ambientLevel', () => {
  it('never falls as the risk rises, in volume or in rate', () => {
    fc.assert(
      fc.property(risk, risk, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(ambientLevel(high).volume).toBeGreaterThanOrEqual(ambientLevel(low).volume);
        expect(ambientLevel(high).rate).toBeGreaterThanOrEqual(ambientLevel(low).rate);
      }),
      fuzzRuns(2000),
    );
  });

  it('stays within a usable range for any input, clamping beyond the gauge', () => {
    for (const r of [-Infinity, -5, 0, 33, 50, 99.9, 100, 250, Infinity, NaN]) {
      const { volume, rate } = ambientLevel(r);
      expect(volume).toBeGreaterThanOrEqual(0);
      expect(volume).toBeLessThanOrEqual(1);
      expect(rate).toBeGreaterThanOrEqual(0.9);
      expect(rate).toBeLessThanOrEqual(1.15);
    }
    expect(ambientLevel(-10)).toEqual(ambientLevel(0));
    expect(ambientLevel(140)).toEqual(ambientLevel(100));
  });

  it('is nearly silent when calm and clearly louder and a little faster at the brink', () => {
    expect(ambientLevel(0).volume).toBeLessThanOrEqual(0.08);
    expect(ambientLevel(0).rate).toBe(1);
    expect(ambientLevel(100).volume).toBeGreaterThanOrEqual(0.4);
    expect(ambientLevel(100).rate).toBeGreaterThan(1.03);
    expect(ambientLevel(60).volume).toBeGreaterThan(ambientLevel(40).volume);
  });
});

/** Whether the machine signals a band rise for a risk change from one value to another. */
function bandRose(from: number, to: number): boolean {
  const change = { from, to, factors: [], round: 0, stage: 'resolution' as const };
  const game = { round: 0, rounds: [{ riskChanges: [change] }] } as unknown as GameState;
  return riskSignal(scenario, game, 'resolution') !== null;
}

describe('the risk-band signal', () => {
  it('is given when the risk enters a higher band', () => {
    expect(bandRose(10, 25)).toBe(true);
    expect(bandRose(19.9, 20)).toBe(true);
    expect(bandRose(5, 95)).toBe(true);
  });

  it('is not given when the risk falls a band or moves inside one', () => {
    expect(bandRose(25, 10)).toBe(false);
    expect(bandRose(20, 19.9)).toBe(false);
    expect(bandRose(21, 39)).toBe(false);
    expect(bandRose(45, 45)).toBe(false);
    expect(bandRose(95, 5)).toBe(false);
  });

  it('agrees with counting the band starts at or below each risk on the gauge', () => {
    const startsBelow = (r: number) => bands.filter((band) => band.from <= r).length;
    const gauge = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(gauge, gauge, (from, to) => {
        expect(bandRose(from, to)).toBe(startsBelow(to) > startsBelow(from));
      }),
      fuzzRuns(2000),
    );
  });

  it('is given on reaching the start of a band, the first band starting at its `from`', () => {
    expect(bandRose(59.99, 60)).toBe(true);
    expect(bandRose(0, 19.99)).toBe(false);
    expect(bandRose(99, 100)).toBe(false);
  });
});

describe('the cue of a step', () => {
  it('is the most pressing of what the machine signalled, and none for nothing', () => {
    const tabled = { type: 'package-tabled', side: 'us' } as const;
    const agreed: GameSignal = { type: 'tracks-agreed', tracks: ['exercises'] };
    const rose = { type: 'risk-band-rose', band: 'crisis' } as const;
    expect(cueOf([])).toBeNull();
    expect(cueOf([tabled])).toBe('card');
    expect(cueOf([tabled, agreed])).toBe('stamp');
    expect(cueOf([agreed, tabled, rose])).toBe('alarm');
  });

  it('in whole games, signals exactly what each step changed: a package tabled, tracks agreed, a higher band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...POLICY_NAMES), (seed, policy) => {
        const run = new GameRun(geneva);
        const steps: Step[] = [];
        run.subscribe((step) => steps.push(step));
        const setup = againstAi(geneva, 'ru-hardliner', seed);
        run.restore(setup, playGame(geneva, setup, { us: policy }).events);
        for (const { before, after, signals } of steps) {
          const was = before.context.game;
          const now = after.context.game!;
          const types = signals.map((signal) => signal.type);
          const proposed = (game: GameState | null) => game?.rounds[now.round]?.proposal != null;
          // Before the start, the risk is where the first round's briefing moved it from.
          const riskBefore = was?.risk ?? now.rounds[0]!.riskChanges[0]?.from ?? now.risk;
          expect(types.includes('package-tabled')).toBe(proposed(now) && !(was?.round === now.round && proposed(was)));
          expect(types.includes('tracks-agreed')).toBe(Object.keys(now.agreed).length > Object.keys(was?.agreed ?? {}).length);
          expect(types.includes('risk-band-rose')).toBe(bandOf(geneva, now.risk).from > bandOf(geneva, riskBefore).from);
        }
      }),
      fuzzRuns(40),
    );
  });
});
