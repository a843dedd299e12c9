/**
 * A side's score: the weighted utility of the final positions (status quo where there is no
 * deal, its war utility if war broke out), minus the cost of the risk run over the game, with
 * its standing at home. The same formula scores the historical outcome for comparison.
 */
import type { OutcomeKind, Scenario } from '../scenario/schema.ts';
import type { GameState, Positions } from './state.ts';
import { utilityOf, worldWith } from './world.ts';

export interface Score {
  side: string;
  utility: number;
  riskCost: number;
  standing: number;
  total: number;
}

function scoreOf(scenario: Scenario, side: string, outcome: OutcomeKind, world: Positions, meanRisk: number, standing: number): Score {
  const sideInfo = scenario.sides.find((item) => item.id === side)!;
  const utility = outcome === 'war' ? sideInfo.warUtility : utilityOf(scenario, side, world);
  const riskCost = (scenario.scoring.riskCost * meanRisk) / 100;
  const standingTerm = scenario.scoring.standingWeight * (standing - 50);
  return { side, utility, riskCost, standing: standingTerm, total: utility - riskCost + standingTerm };
}

/** The mean risk over the game: the opening level and the level at the end of every round played. */
export function meanRisk(scenario: Scenario, state: GameState): number {
  const levels = [scenario.escalation.initialRisk];
  for (const record of state.rounds) {
    const last = record.riskChanges.at(-1);
    levels.push(last ? last.to : (levels.at(-1) ?? 0));
  }
  return levels.reduce((total, level) => total + level, 0) / levels.length;
}

export function scoreGame(scenario: Scenario, state: GameState): Score[] {
  const outcome = state.outcome?.kind ?? 'stalemate';
  const world = worldWith(scenario, state, {});
  const risk = meanRisk(scenario, state);
  return scenario.sides.map((side) => scoreOf(scenario, side.id, outcome, world, risk, state.sides[side.id]!.standing));
}

/** The historical outcome scored the same way, at the historical risk and neutral standing. */
export function historicalScores(scenario: Scenario): Score[] {
  const { kind, agreed, finalRisk } = scenario.debrief.outcome;
  const world: Positions = {};
  for (const item of scenario.tracks) world[item.id] = agreed[item.id] ?? item.statusQuo;
  return scenario.sides.map((side) => scoreOf(scenario, side.id, kind, world, finalRisk, 50));
}
