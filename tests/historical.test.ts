/**
 * The scenario's historical line of play, played hot-seat through the machine: the game's
 * model should make it end as history did — no deal on enlargement, and the risk at the top
 * of the gauge (or war).
 */
import { describe, expect, it } from 'vitest';
import { bandOf } from '../src/engine/rules/world.ts';
import { geneva, invariantViolations, playHistoricalLine } from './helpers.ts';

const g = geneva;
const SEEDS = Array.from({ length: 20 }, (_, i) => i);
const bands = g.escalation.bands;
const topTwo = bands[bands.length - 2]!;

describe('the historical line of play', () => {
  it('is a full line: one step per round, in order, each by the round proposer', () => {
    expect(g.debrief.line.length).toBeGreaterThan(0);
    expect(g.debrief.line.map((step) => step.round)).toEqual(g.rounds.slice(0, g.debrief.line.length).map((round) => round.id));
    expect(topTwo.id).toBe('confrontation');
  });

  it('is legal move by move: the machine takes every event it sends', () => {
    for (const seed of SEEDS) {
      const play = playHistoricalLine(g, seed);
      const refused = play.sent.filter((item) => !item.taken).map((item) => JSON.stringify(item.event));
      expect(refused, `seed ${seed}`).toEqual([]);
      expect(play.over || play.final.round === g.debrief.line.length - 1, `seed ${seed}`).toBe(true);
      expect(play.refusals).toEqual([]);
      expect(invariantViolations(g, play.final)).toEqual([]);
    }
  });

  it.each(SEEDS)('seed %i: no agreement on enlargement, and the risk ends in the top two bands or in war', (seed) => {
    const play = playHistoricalLine(g, seed);
    const { final } = play;
    const figures = `seed ${seed}: ${play.value}, risk ${final.risk} (${bandOf(g, final.risk).name}), round ${final.round + 1}, outcome ${JSON.stringify(final.outcome)}, agreed ${JSON.stringify(final.agreed)}`;
    expect(final.agreed.enlargement, figures).toBeUndefined();
    expect(final.outcome?.kind === 'war' || final.risk >= topTwo.from, figures).toBe(true);
  });

  it('ends the game, never in agreement', () => {
    const outcomes = SEEDS.map((seed) => playHistoricalLine(g, seed).final.outcome?.kind ?? 'running');
    expect(outcomes).not.toContain('running');
    expect(outcomes).not.toContain('agreement');
  });
});
