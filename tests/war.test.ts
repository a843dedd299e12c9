import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chanceOfWar, expectedValue, warBelief, warOutcome } from '../src/engine/rules/war.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import { deletePath, geneva, genevaWith, RU, testPersona, US, type JsonObject } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

type Point = { risk: number; chance: number };

/** Geneva with the given chance-of-war curve. */
const withCurve = (points: Point[]): Scenario =>
  genevaWith((doc) => {
    (doc.escalation as JsonObject).warChance = points;
  });

/** Geneva with no chance-of-war curve: the schema's default. */
const withDefaultCurve: Scenario = genevaWith((doc) => deletePath(doc, ['escalation', 'warChance']));

describe('chanceOfWar', () => {
  it('defaults to a straight line from 0 at risk 0 to 1 at risk 100', () => {
    expect(withDefaultCurve.escalation.warChance).toEqual([
      { risk: 0, chance: 0 },
      { risk: 100, chance: 1 },
    ]);
    for (const risk of [0, 1, 12.5, 42, 50, 99.9, 100]) expect(chanceOfWar(withDefaultCurve, risk)).toBeCloseTo(risk / 100, 12);
  });

  it('is monotone in the risk for the default curve, and stays within 0-1 (property)', () => {
    fc.assert(
      // Risks in hundredths, as the game's tenths are.
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        const [low, high] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
        const chanceLow = chanceOfWar(withDefaultCurve, low);
        const chanceHigh = chanceOfWar(withDefaultCurve, high);
        expect(chanceLow).toBeGreaterThanOrEqual(0);
        expect(chanceHigh).toBeLessThanOrEqual(1);
        expect(chanceHigh).toBeGreaterThanOrEqual(chanceLow);
        if (high > low) expect(chanceHigh).toBeGreaterThan(chanceLow);
      }),
      fuzzRuns(300),
    );
  });

  it("reads the scenario's own curve: its points, the line between them, flat beyond its ends", () => {
    const scenario = withCurve([
      { risk: 20, chance: 0.05 },
      { risk: 60, chance: 0.25 },
      { risk: 90, chance: 0.85 },
    ]);
    expect(chanceOfWar(scenario, 0)).toBeCloseTo(0.05, 12);
    expect(chanceOfWar(scenario, 20)).toBeCloseTo(0.05, 12);
    expect(chanceOfWar(scenario, 40)).toBeCloseTo(0.15, 12);
    expect(chanceOfWar(scenario, 60)).toBeCloseTo(0.25, 12);
    expect(chanceOfWar(scenario, 75)).toBeCloseTo(0.55, 12);
    expect(chanceOfWar(scenario, 90)).toBeCloseTo(0.85, 12);
    expect(chanceOfWar(scenario, 100)).toBeCloseTo(0.85, 12);
  });

  it('is not the incident curve: changing the incident chance leaves the chance of war alone', () => {
    const scenario = genevaWith((doc) => {
      (doc.escalation as JsonObject).warChance = [
        { risk: 0, chance: 0 },
        { risk: 100, chance: 0.5 },
      ];
      ((doc.escalation as JsonObject).incident as JsonObject).chance = [
        { risk: 0, chance: 0.9 },
        { risk: 100, chance: 0.9 },
      ];
    });
    expect(chanceOfWar(scenario, 50)).toBeCloseTo(0.25, 12);
  });

  it('follows any rising curve upward, between its lowest and highest chance (property)', () => {
    const curve = fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 6 }).chain((risks) =>
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: risks.length, maxLength: risks.length }).map((chances) => {
        const sortedRisks = [...risks].sort((a, b) => a - b);
        const sortedChances = [...chances].sort((a, b) => a - b);
        return sortedRisks.map((risk, i) => ({ risk, chance: sortedChances[i]! / 100 }));
      }),
    );
    fc.assert(
      fc.property(curve, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (points, a, b) => {
        const scenario = withCurve(points);
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(chanceOfWar(scenario, high)).toBeGreaterThanOrEqual(chanceOfWar(scenario, low) - 1e-12);
        expect(chanceOfWar(scenario, low)).toBeGreaterThanOrEqual(points[0]!.chance - 1e-12);
        expect(chanceOfWar(scenario, high)).toBeLessThanOrEqual(points.at(-1)!.chance + 1e-12);
        // At each point of the curve, exactly its chance.
        for (const point of points) expect(chanceOfWar(scenario, point.risk)).toBeCloseTo(point.chance, 12);
      }),
      fuzzRuns(60),
    );
  });
});

describe('expectedValue', () => {
  it('weighs the settlement by the chance of peace and war by the chance of war', () => {
    expect(expectedValue(80, 20, 0)).toBe(80);
    expect(expectedValue(80, 20, 1)).toBe(20);
    expect(expectedValue(80, 20, 0.25)).toBeCloseTo(65, 12);
    expect(expectedValue(60, -40, 0.5)).toBeCloseTo(10, 12);
    expect(expectedValue(0, 30, 0.4)).toBeCloseTo(12, 12);
  });

  it('lies between the settlement and war, closer to war as the chance grows (property)', () => {
    const value = fc.double({ min: -100, max: 100, noNaN: true });
    const chance = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(value, value, chance, chance, (settled, war, a, b) => {
        const ev = expectedValue(settled, war, a);
        expect(ev).toBeGreaterThanOrEqual(Math.min(settled, war) - 1e-9);
        expect(ev).toBeLessThanOrEqual(Math.max(settled, war) + 1e-9);
        expect(ev).toBeCloseTo((1 - a) * settled + a * war, 9);
        // More chance of war moves the value toward war's.
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(Math.abs(expectedValue(settled, war, high) - war)).toBeLessThanOrEqual(
          Math.abs(expectedValue(settled, war, low) - war) + 1e-9,
        );
      }),
      fuzzRuns(300),
    );
  });
});

describe('warOutcome and warBelief', () => {
  const scenario = genevaWith((doc) => {
    const sides = doc.sides as JsonObject[];
    sides[0]!.warUtility = 40;
    sides[0]!.warCost = 55;
    sides[1]!.warUtility = 35;
    sides[1]!.warCost = 10;
  });

  it("warOutcome is the side's own estimate: what war brings, what it costs, and the difference", () => {
    expect(warOutcome(scenario, scenario.sides[0]!.id)).toEqual({ utility: 40, cost: 55, value: -15 });
    expect(warOutcome(scenario, scenario.sides[1]!.id)).toEqual({ utility: 35, cost: 10, value: 25 });
    for (const side of geneva.sides) {
      expect(warOutcome(geneva, side.id)).toEqual({ utility: side.warUtility, cost: side.warCost, value: side.warUtility - side.warCost });
    }
  });

  it('a side that states no cost of war bears none', () => {
    const free = genevaWith((doc) => deletePath(doc, ['sides', 0, 'warCost']));
    const side = free.sides[0]!;
    expect(side.warCost).toBe(0);
    expect(warOutcome(free, side.id)).toEqual({ utility: side.warUtility, cost: 0, value: side.warUtility });
  });

  it("warBelief defaults to the side's estimate when the persona states none", () => {
    for (const side of [US, RU]) expect(warBelief(scenario, testPersona(side))).toEqual(warOutcome(scenario, side));
  });

  it("warBelief is the persona's own when it states one, whatever the side's estimate", () => {
    const hawk = testPersona(RU, { warBelief: { utility: 85, cost: 5, text: 'A short campaign would force Kyiv to terms.' } });
    expect(warBelief(scenario, hawk)).toEqual({ utility: 85, cost: 5, value: 80 });
    const dove = testPersona(US, {
      warBelief: { utility: 30, cost: 70, text: 'A war in Europe would cost more than anything on the table.' },
    });
    expect(warBelief(scenario, dove)).toEqual({ utility: 30, cost: 70, value: -40 });
  });

  it("every bundled persona's belief is its own or its side's estimate", () => {
    for (const item of geneva.personas) {
      const belief = warBelief(geneva, item);
      if (item.warBelief)
        expect(belief).toEqual({
          utility: item.warBelief.utility,
          cost: item.warBelief.cost,
          value: item.warBelief.utility - item.warBelief.cost,
        });
      else expect(belief).toEqual(warOutcome(geneva, item.side));
    }
  });
});
