/**
 * War as the alternative to a deal (Fearon): the chance that the crisis ends in war at a given
 * risk, and what a side gets — or believes it gets — from a settlement that holds only while
 * peace does. The same arithmetic gives the AI its value of no deal and the players their scores.
 */
import type { Persona, Scenario } from '../scenario/schema.ts';
import { curveAt } from './world.ts';

/** The chance (0–1) that the crisis ends in war if nothing more settles it, at this risk. */
export function chanceOfWar(scenario: Scenario, risk: number): number {
  return curveAt(scenario.escalation.warChance, risk);
}

export interface WarView {
  /** What war brings, on the tracks' utility scale. */
  utility: number;
  cost: number;
  /** utility − cost: what war is worth, all told (may be negative). */
  value: number;
}

/** What war would really bring a side: the scenario's own estimate, used for scores. */
export function warOutcome(scenario: Scenario, side: string): WarView {
  const info = scenario.sides.find((item) => item.id === side)!;
  return { utility: info.warUtility, cost: info.warCost, value: info.warUtility - info.warCost };
}

/** What a persona believes war would bring its side; the side's own estimate when it states none. */
export function warBelief(scenario: Scenario, persona: Persona): WarView {
  if (!persona.warBelief) return warOutcome(scenario, persona.side);
  const { utility, cost } = persona.warBelief;
  return { utility, cost, value: utility - cost };
}

/** A settlement worth `settled` that holds with the chance of peace, and war's value otherwise. */
export function expectedValue(settled: number, war: number, chance: number): number {
  return (1 - chance) * settled + chance * war;
}
