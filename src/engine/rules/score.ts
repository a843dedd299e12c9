/**
 * A side's score is an expected value: what was settled (status quo where there is no deal),
 * weighted by the chance that the settlement holds at the final risk, plus what war is worth to
 * the side weighted by the chance of war — so a walk-out at the brink scores far below a fair
 * agreement. From it come the running cost of the crisis and the side's standing at home. The
 * same formula scores the historical outcome for comparison.
 */
import type { OutcomeKind, Scenario } from '../scenario/schema.ts';
import type { GameState, Positions } from './state.ts';
import { chanceOfWar, expectedValue, warOutcome } from './war.ts';
import { utilityOf, worldWith } from './world.ts';

export interface Score {
  side: string;
  /** The side's utility (0–100) for what was settled: agreed tracks, the status quo elsewhere. */
  settled: number;
  /** The chance that the crisis still ends in war, at the final risk (1 after a war). */
  chanceOfWar: number;
  /** What war is worth to the side: what it brings less what it costs. */
  war: number;
  /** settled × (1 − chanceOfWar) + war × chanceOfWar. */
  expected: number;
  /** The running cost of the crisis, from the mean risk over the game. */
  riskCost: number;
  /** Points for standing at home above or below 50. */
  standing: number;
  total: number;
}

/** How a game (or history) ended, as far as scores go. */
export interface Settlement {
  kind: OutcomeKind;
  /** Agreed positions by track; tracks not named stay at the status quo. */
  agreed: Positions;
  finalRisk: number;
  /** The mean risk over the game; the final risk when not given. */
  meanRisk?: number;
  /** The side's standing at the end; neutral (50) when not given. */
  standing?: number;
}

export function scoreSettlement(scenario: Scenario, side: string, settlement: Settlement): Score {
  const world: Positions = {};
  for (const item of scenario.tracks) world[item.id] = settlement.agreed[item.id] ?? item.statusQuo;
  const settled = utilityOf(scenario, side, world);
  const chance = settlement.kind === 'war' ? 1 : chanceOfWar(scenario, settlement.finalRisk);
  const war = warOutcome(scenario, side).value;
  const expected = expectedValue(settled, war, chance);
  const riskCost = (scenario.scoring.riskCost * (settlement.meanRisk ?? settlement.finalRisk)) / 100;
  const standing = scenario.scoring.standingWeight * ((settlement.standing ?? 50) - 50);
  return { side, settled, chanceOfWar: chance, war, expected, riskCost, standing, total: expected - riskCost + standing };
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
  const world = worldWith(scenario, state, {});
  const settlement = {
    kind: state.outcome?.kind ?? 'stalemate',
    agreed: world,
    finalRisk: state.risk,
    meanRisk: meanRisk(scenario, state),
  };
  return scenario.sides.map((side) => scoreSettlement(scenario, side.id, { ...settlement, standing: state.sides[side.id]!.standing }));
}

/** The historical outcome scored the same way, at the historical risk and neutral standing. */
export function historicalScores(scenario: Scenario): Score[] {
  const { kind, agreed, finalRisk } = scenario.debrief.outcome;
  return scenario.sides.map((side) => scoreSettlement(scenario, side.id, { kind, agreed, finalRisk }));
}

const fmt = (value: number) => value.toFixed(1);
const percent = (chance: number) => `${Math.round(chance * 100)}%`;
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${fmt(Math.abs(value))}`;

/** The arithmetic of a score in plain sentences, for the debrief. */
export function scoreSentences(score: Score): string[] {
  const sentences =
    score.chanceOfWar >= 1
      ? [`War broke out: the side gets what war is worth to it, ${fmt(score.war)} (what it brings less what it costs).`]
      : [
          `What was settled is worth ${fmt(score.settled)} to the side, but it holds only if peace does: at the final risk the chance of war is still ${percent(score.chanceOfWar)}.`,
          `Expected value: ${percent(1 - score.chanceOfWar)} × ${fmt(score.settled)} + ${percent(score.chanceOfWar)} × ${fmt(score.war)} (what war is worth to it) = ${fmt(score.expected)}.`,
        ];
  sentences.push(
    `The running cost of the crisis takes ${fmt(score.riskCost)}; standing at home adds ${signed(score.standing)}: ${fmt(score.total)} in all.`,
  );
  return sentences;
}
