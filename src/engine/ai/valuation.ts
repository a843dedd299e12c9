/**
 * How a persona values what is on the table. Its reservation value — the least it will settle
 * for — starts from its outside option (Fearon): the status quo while peace holds, and what it
 * believes war would bring when it does not, weighed by the chance of war at the current risk.
 * A determined persona asks for part of what lies between that and its ideal, a patient one for
 * more while rounds remain, a bluffer as if it were more determined than it is; the balance of
 * leverage (the stronger hand asks more) and fear of war move the bar. Zeuthen's willingness to risk breakdown decides who concedes.
 */
import type { Persona, Scenario } from '../scenario/schema.ts';
import type { Factor, GameState, Positions } from '../rules/state.ts';
import { chanceOfWar, expectedValue, warBelief, warOutcome } from '../rules/war.ts';
import { otherSide, utilityOf, worldWith } from '../rules/world.ts';

/** The share of the distance from its outside option to its ideal (100) that full resolve asks for. */
const RESOLVE_SHARE = 0.3;
/** What the balance of leverage adds to (or takes from) the reservation value per 50 points of difference. */
const LEVERAGE_SPAN = 15;
/** How far a side with no tolerance for risk lowers its bar when war is certain. */
const FEAR_SPAN = 20;
/** The share of that distance a fully patient persona still hopes to win while every round lies ahead. */
const HOPE_SHARE = 0.25;

export interface OutsideOption {
  /** The chance of war at the current risk. */
  chance: number;
  /** The side's utility for the status quo (with what is already agreed). */
  statusQuo: number;
  /** What the persona believes war is worth to its side. */
  war: number;
  value: number;
}

/** The persona's value of no deal: the status quo weighted by the chance of peace, its belief about war by the chance of war. */
export function outsideOption(scenario: Scenario, state: GameState, side: string, persona: Persona | null): OutsideOption {
  const chance = chanceOfWar(scenario, state.risk);
  const statusQuo = utilityOf(scenario, side, worldWith(scenario, state, {}));
  const war = (persona ? warBelief(scenario, persona) : warOutcome(scenario, side)).value;
  return { chance, statusQuo, war, value: expectedValue(statusQuo, war, chance) };
}

export interface Reservation {
  value: number;
  terms: Factor[];
  outside: OutsideOption;
}

export function reservation(scenario: Scenario, state: GameState, side: string, persona: Persona): Reservation {
  const roundsLeft = 1 - state.round / Math.max(1, scenario.rounds.length - 1);
  const outside = outsideOption(scenario, state, side, persona);
  // What lies between no deal and the side's ideal: the room a determined or patient side asks for.
  const room = Math.max(0, 100 - outside.value);
  const terms: Factor[] = [
    { id: 'peace', label: 'The status quo while peace holds', value: (1 - outside.chance) * outside.statusQuo },
    { id: 'war', label: 'What it believes war would bring', value: outside.chance * outside.war },
    { id: 'resolve', label: 'Resolve', value: persona.resolve * RESOLVE_SHARE * room },
    { id: 'time', label: 'Hope of better terms in the rounds left', value: persona.patience * HOPE_SHARE * roundsLeft * room },
    // A bluffer asks as if it were as determined as it sounds, until the rounds run out and its bluff is called.
    { id: 'bluster', label: 'Bluster', value: persona.bluff * (1 - persona.resolve) * RESOLVE_SHARE * roundsLeft * room },
    {
      id: 'leverage',
      label: 'The balance of leverage',
      value: (LEVERAGE_SPAN * (state.sides[side]!.leverage - state.sides[otherSide(scenario, side)]!.leverage)) / 50,
    },
    { id: 'fear', label: 'Fear of war', value: -(1 - persona.riskTolerance) * outside.chance * FEAR_SPAN },
  ];
  return { value: terms.reduce((total, term) => total + term.value, 0), terms, outside };
}

/**
 * Zeuthen's willingness to risk breakdown: the share of what a side would gain from its own
 * demand (over the other's) that it would lose by breakdown. The side with less of it concedes.
 * Breakdown is valued at the side's outside option: its persona's belief, or for the other side
 * the scenario's own estimate of what war would bring it.
 */
export function willingnessToRisk(
  scenario: Scenario,
  state: GameState,
  side: string,
  own: Positions,
  theirs: Positions,
  persona: Persona | null = null,
): number {
  const mine = utilityOf(scenario, side, worldWith(scenario, state, own));
  const offered = utilityOf(scenario, side, worldWith(scenario, state, theirs));
  const conflict = outsideOption(scenario, state, side, persona).value;
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
  const self = willingnessToRisk(scenario, state, side, own, theirs, persona) * (0.5 + persona.resolve);
  const other = willingnessToRisk(scenario, state, otherSide(scenario, side), theirs, own);
  return { self, other, concede: self <= other };
}
