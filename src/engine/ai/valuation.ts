/**
 * How a side values what is on the table: its reservation value (Fearon's bargaining range: the
 * least it will settle for, falling as the risk of war rises and its leverage falls) and Zeuthen's
 * willingness to risk breakdown, which decides who concedes next.
 */
import type { Persona, Scenario } from '../scenario/schema.ts';
import type { Factor, GameState, Positions } from '../rules/state.ts';
import { otherSide, utilityOf, worldWith } from '../rules/world.ts';

/** What a determined side asks above the status quo, at full resolve. */
const RESOLVE_PREMIUM = 25;
/** What leverage adds to (or takes from) the reservation value at its extremes. */
const LEVERAGE_SPAN = 20;
/** How strongly the risk of war pulls the reservation value down for a side with no tolerance for it. */
const RISK_PULL = 0.5;
/** How far impatience lowers the reservation value by the last round. */
const IMPATIENCE_SPAN = 20;

export interface Reservation {
  value: number;
  terms: Factor[];
}

export function reservation(scenario: Scenario, state: GameState, side: string, persona: Persona): Reservation {
  const rounds = Math.max(1, scenario.rounds.length - 1);
  const terms: Factor[] = [
    { id: 'status-quo', label: 'Value of no deal (status quo)', value: utilityOf(scenario, side, worldWith(scenario, state, {})) },
    { id: 'resolve', label: 'Resolve', value: persona.resolve * RESOLVE_PREMIUM },
    { id: 'leverage', label: 'Leverage', value: (LEVERAGE_SPAN * (state.sides[side]!.leverage - 50)) / 50 },
    { id: 'risk', label: 'Risk of war', value: -(1 - persona.riskTolerance) * state.risk * RISK_PULL },
    { id: 'impatience', label: 'Impatience', value: -(1 - persona.patience) * IMPATIENCE_SPAN * (state.round / rounds) },
  ];
  return { value: terms.reduce((total, term) => total + term.value, 0), terms };
}

/** The side's expected value of breakdown: the status quo, shaded toward war by the risk. */
export function conflictValue(scenario: Scenario, state: GameState, side: string): number {
  const chanceOfWar = state.risk / 100;
  const warUtility = scenario.sides.find((item) => item.id === side)!.warUtility;
  return (1 - chanceOfWar) * utilityOf(scenario, side, worldWith(scenario, state, {})) + chanceOfWar * warUtility;
}

/**
 * Zeuthen's willingness to risk breakdown: the share of what a side would gain from its own
 * demand (over the other's) that it would lose by breakdown. The side with less of it concedes.
 */
export function willingnessToRisk(scenario: Scenario, state: GameState, side: string, own: Positions, theirs: Positions): number {
  const mine = utilityOf(scenario, side, worldWith(scenario, state, own));
  const offered = utilityOf(scenario, side, worldWith(scenario, state, theirs));
  const conflict = conflictValue(scenario, state, side);
  if (mine <= conflict) return 0;
  // Above 1 when the other side's demand is worth less to this side than breakdown itself.
  return Math.max(0, (mine - offered) / (mine - conflict));
}

export interface ZeuthenReading {
  self: number;
  other: number;
  concede: boolean;
}

/** Whether `side` should concede, its resolve scaling how much risk it bears. */
export function zeuthen(
  scenario: Scenario,
  state: GameState,
  side: string,
  persona: Persona,
  own: Positions,
  theirs: Positions,
): ZeuthenReading {
  const self = willingnessToRisk(scenario, state, side, own, theirs) * (0.5 + persona.resolve);
  const other = willingnessToRisk(scenario, state, otherSide(scenario, side), theirs, own);
  return { self, other, concede: self <= other };
}
