import fc from 'fast-check';

import { describe, expect, it } from 'vitest';
import type { GameState, RiskChange } from '../src/engine/rules/state.ts';

import {
  allRiskChanges,
  bandName,
  bands,
  describeRiskChange,
  factorLine,
  lastRiskChange,
  riskSeries,
  signed,
} from '../src/game/view/risk-view.ts';
import { genevaWith, opened, playKeepingStates, quietStoppedActorWarnings, type PlayedGame, geneva, hotseat } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

const scenario = geneva;

/** A handful of whole bot games, enough to see several rounds, incidents and ends (played once, on first use). */
let played: PlayedGame[] | null = null;
function games(): PlayedGame[] {
  if (played) return played;
  const list: PlayedGame[] = [];
  for (const [us, ru] of [
    ['random', 'random'],
    ['greedy', 'greedy'],
    ['random', 'hawk'],
    ['greedy', 'dove'],
  ] as const) {
    for (const seed of [1, 2, 3, 4]) list.push(playKeepingStates(scenario, hotseat(seed), { us, ru }));
  }
  played = list;
  return list;
}

describe('bands', () => {
  it("lists Geneva's five bands with their ranges", () => {
    expect(bands(scenario).map((band) => [band.id, band.name, band.from, band.to])).toEqual([
      ['calm', 'Calm', 0, 20],
      ['tension', 'Tension', 20, 40],
      ['crisis', 'Crisis', 40, 60],
      ['confrontation', 'Confrontation', 60, 80],
      ['brink', 'Brink', 80, 100],
    ]);
    expect(bands(scenario).every((band) => band.description.length > 0)).toBe(true);
  });

  it('is contiguous from 0 and ends at 100 for a scenario with other bands', () => {
    const custom = genevaWith((doc) => {
      const escalation = doc.escalation as { bands: { id: string; name: string; from: number; description: string }[] };
      escalation.bands = [
        { id: 'low', name: 'Low', from: 0, description: 'Quiet.' },
        { id: 'mid', name: 'Middle', from: 35, description: 'Uneasy.' },
        { id: 'high', name: 'High', from: 90, description: 'Near war.' },
      ];
    });
    const list = bands(custom);
    expect(list.map((band) => [band.from, band.to])).toEqual([
      [0, 35],
      [35, 90],
      [90, 100],
    ]);
    for (const scenarioBands of [list, bands(scenario)]) {
      expect(scenarioBands[0]!.from).toBe(0);
      expect(scenarioBands.at(-1)!.to).toBe(100);
      for (let i = 1; i < scenarioBands.length; i++) expect(scenarioBands[i]!.from).toBe(scenarioBands[i - 1]!.to);
      for (const band of scenarioBands) expect(band.to).toBeGreaterThan(band.from);
    }
  });
});

describe('bandName', () => {
  it('names the band at its edges', () => {
    expect(bandName(scenario, 0)).toBe('Calm');
    expect(bandName(scenario, 19.9)).toBe('Calm');
    expect(bandName(scenario, 20)).toBe('Tension');
    expect(bandName(scenario, 42)).toBe('Crisis');
    expect(bandName(scenario, 60)).toBe('Confrontation');
    expect(bandName(scenario, 79.9)).toBe('Confrontation');
    expect(bandName(scenario, 80)).toBe('Brink');
    expect(bandName(scenario, 100)).toBe('Brink');
  });

  it('agrees with the band ranges for any risk on the gauge', () => {
    const list = bands(scenario);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (risk) => {
        const band = list.find((item) => risk >= item.from && (risk < item.to || item.to === 100))!;
        expect(bandName(scenario, risk)).toBe(band.name);
      }),
      fuzzRuns(500),
    );
  });
});

describe('signed', () => {
  it('prefixes a plus, a true minus sign (U+2212) or ± and shows one decimal', () => {
    expect(signed(1.5)).toBe('+1.5');
    expect(signed(3)).toBe('+3.0');
    expect(signed(-3)).toBe('−3.0');
    expect(signed(-0.7)).toBe('\u22120.7');
    expect(signed(0)).toBe('±0.0');
    expect(signed(-0)).toBe('±0.0');
    expect(signed(12.34)).toBe('+12.3');
  });

  it('never shows an ASCII hyphen and always reads back as the value to a tenth', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (value) => {
        const text = signed(value);
        expect(text).not.toContain('-');
        expect(text).toMatch(/^[+−±]\d+\.\d$/);
        const magnitude = Number(text.slice(1));
        expect(Math.abs(magnitude - Math.abs(value))).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
      fuzzRuns(500),
    );
  });
});

describe('factorLine', () => {
  it('writes the signed value then the label', () => {
    expect(factorLine({ id: 'move:mass-troops', label: 'Mass troops', value: 3.6 })).toBe('+3.6 Mass troops');
    expect(factorLine({ id: 'agreement:exercises', label: 'Agreement on Military exercises', value: -3 })).toBe(
      '−3.0 Agreement on Military exercises',
    );
  });
});

describe('describeRiskChange', () => {
  const factors = [
    { id: 'gap:enlargement', label: 'Gap on NATO enlargement', value: 1.9 },
    { id: 'agreement:exercises', label: 'Agreement on Military exercises', value: -3 },
    { id: 'move:mass-troops', label: 'Mass troops', value: 3.7 },
  ];
  const change = (from: number, to: number): RiskChange => ({ from, to, factors, round: 0, stage: 'resolution' });

  it('says the risk rose, with both levels, the new band and every factor', () => {
    expect(describeRiskChange(scenario, change(44, 46.6))).toBe(
      'Risk rose from 44.0 to 46.6 (Crisis): +1.9 Gap on NATO enlargement; −3.0 Agreement on Military exercises; +3.7 Mass troops.',
    );
  });

  it('says the risk fell, naming the band it fell into', () => {
    const text = describeRiskChange(scenario, change(62, 38));
    expect(text.startsWith('Risk fell from 62.0 to 38.0 (Tension): ')).toBe(true);
    expect(text).not.toContain('rose');
  });

  it('says the risk held when it did not move', () => {
    expect(describeRiskChange(scenario, change(50, 50))).toMatch(/^Risk held from 50\.0 to 50\.0 \(Crisis\)/);
  });

  describe('on real changes', () => {
    quietStoppedActorWarnings();
    it('mentions the direction and every factor of every change in bot games', () => {
      let seen = 0;
      for (const game of games()) {
        for (const riskChange of allRiskChanges(game.final)) {
          const text = describeRiskChange(scenario, riskChange);
          const direction = riskChange.to > riskChange.from ? 'rose' : riskChange.to < riskChange.from ? 'fell' : 'held';
          expect(text).toContain(`Risk ${direction} from ${riskChange.from.toFixed(1)} to ${riskChange.to.toFixed(1)}`);
          expect(text).toContain(`(${bandName(scenario, riskChange.to)})`);
          for (const factor of riskChange.factors) expect(text).toContain(factorLine(factor));
          expect(text).not.toMatch(/undefined|NaN/);
          seen++;
        }
      }
      expect(seen).toBeGreaterThan(20);
    });
  });
});

describe('lastRiskChange', () => {
  it('is the briefing change when a game has just opened (Geneva publishes its drafts)', () => {
    const state = opened(scenario, hotseat(3));
    const last = lastRiskChange(state)!;
    expect(last.stage).toBe('briefing');
    expect(last.round).toBe(0);
    expect(last.from).toBe(scenario.escalation.initialRisk);
    expect(last.to).toBe(state.risk);
    expect(last.factors.map((factor) => factor.id)).toEqual(['event:drafts-published']);
  });

  it('is null when no change has been recorded', () => {
    const state = opened(scenario, hotseat(3));
    const quiet: GameState = { ...state, rounds: state.rounds.map((record) => ({ ...record, riskChanges: [] })) };
    expect(lastRiskChange(quiet)).toBeNull();
  });

  describe('over whole games', () => {
    quietStoppedActorWarnings();
    it('is the latest change across rounds and ends at the current risk', () => {
      for (const game of games()) {
        for (const state of game.games) {
          const last = lastRiskChange(state);
          const flat = state.rounds.flatMap((record) => record.riskChanges);
          expect(last).toBe(flat.at(-1) ?? null);
          if (last) expect(last.to).toBe(state.risk);
        }
      }
    });
  });
});

describe('riskSeries', () => {
  it('starts at the initial risk with no changes', () => {
    const series = riskSeries(scenario, opened(scenario, hotseat(1)));
    expect(series[0]).toEqual({ label: 'Start', risk: 42, changes: [] });
    expect(series.map((point) => point.label)).toEqual(['Start', 'R1']);
    expect(series[1]!.risk).toBe(44);
  });

  it('carries the previous level through a round with no change', () => {
    const state = opened(scenario, hotseat(1));
    const first = state.rounds[0]!;
    const quiet: GameState = {
      ...state,
      rounds: [first, { ...first, round: 1, riskChanges: [] }],
    };
    const series = riskSeries(scenario, quiet);
    expect(series.map((point) => [point.label, point.risk])).toEqual([
      ['Start', 42],
      ['R1', 44],
      ['R2', 44],
    ]);
  });

  describe('over whole games', () => {
    quietStoppedActorWarnings();
    it('has one point per round played, each at the last change of its round, ending at the final risk', () => {
      for (const game of games()) {
        const state = game.final;
        const series = riskSeries(scenario, state);
        expect(series).toHaveLength(state.rounds.length + 1);
        expect(series[0]!.risk).toBe(scenario.escalation.initialRisk);
        state.rounds.forEach((record, i) => {
          const point = series[i + 1]!;
          expect(point.label).toBe(`R${i + 1}`);
          expect(point.changes).toBe(record.riskChanges);
          expect(point.risk).toBe(record.riskChanges.at(-1)?.to ?? series[i]!.risk);
        });
        expect(series.at(-1)!.risk).toBe(state.risk);
      }
    });
  });
});
