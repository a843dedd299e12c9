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
import { openGapsPressure, utilityOf, worldWith } from './world.ts';
import { signed } from './words.ts';

export interface Score {
  side: string;
  /** How the game (or history) ended. */
  kind: OutcomeKind;
  /** The side's utility (0–100) for what was settled: agreed tracks, the status quo elsewhere. */
  settled: number;
  /** The risk the chance of war is read at: the final risk, or where it would have risen after a walk-out. */
  atRisk: number;
  /** After a walk-out: the rounds the talks broke off with; 0 otherwise. */
  roundsAbandoned: number;
  /** The chance that the crisis still ends in war, at that risk (1 after a war). */
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
  /** Talks broken off with rounds to go: the rounds abandoned and the risk they would have reached. */
  abandoned?: { rounds: number; risk: number };
}

export function scoreSettlement(scenario: Scenario, side: string, settlement: Settlement): Score {
  const world: Positions = {};
  for (const item of scenario.tracks) world[item.id] = settlement.agreed[item.id] ?? item.statusQuo;
  const settled = utilityOf(scenario, side, world);
  const atRisk = settlement.abandoned?.risk ?? settlement.finalRisk;
  const chance = settlement.kind === 'war' ? 1 : chanceOfWar(scenario, atRisk);
  const war = warOutcome(scenario, side).value;
  const expected = expectedValue(settled, war, chance);
  const riskCost = (scenario.scoring.riskCost * (settlement.meanRisk ?? settlement.finalRisk)) / 100;
  const standing = scenario.scoring.standingWeight * ((settlement.standing ?? 50) - 50);
  const roundsAbandoned = settlement.abandoned?.rounds ?? 0;
  return {
    side,
    kind: settlement.kind,
    settled,
    atRisk,
    roundsAbandoned,
    chanceOfWar: chance,
    war,
    expected,
    riskCost,
    standing,
    total: expected - riskCost + standing,
  };
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

/**
 * A walk-out does not freeze the crisis: for the rounds the talks would have had, the risk goes on
 * rising — by what the open gaps add each round, or by the pace it had been rising at, whichever is
 * faster — with no one at the table to stop it.
 */
function abandonment(scenario: Scenario, state: GameState): Settlement['abandoned'] {
  const rounds = scenario.rounds.length - 1 - state.round;
  if (state.outcome?.kind !== 'walkout' || rounds <= 0) return undefined;
  // The walk-out's own jump in the risk happens once; the pace is what the rounds before it added.
  const pace = (state.risk - scenario.escalation.walkoutRisk - scenario.escalation.initialRisk) / (state.round + 1);
  const rise = Math.max(openGapsPressure(scenario, state), pace);
  return { rounds, risk: Math.min(100, state.risk + rounds * rise) };
}

export function scoreGame(scenario: Scenario, state: GameState): Score[] {
  const world = worldWith(scenario, state, {});
  const abandoned = abandonment(scenario, state);
  const settlement = {
    kind: state.outcome?.kind ?? 'stalemate',
    agreed: world,
    finalRisk: state.risk,
    meanRisk: meanRisk(scenario, state),
    ...(abandoned ? { abandoned } : {}),
  };
  return scenario.sides.map((side) => scoreSettlement(scenario, side.id, { ...settlement, standing: state.sides[side.id]!.standing }));
}

/** The historical outcome scored the same way, at the historical risk and neutral standing. */
export function historicalScores(scenario: Scenario): Score[] {
  const { kind, agreed, finalRisk } = scenario.debrief.outcome;
  return scenario.sides.map((side) => scoreSettlement(scenario, side.id, { kind, agreed, finalRisk }));
}

/** One decimal, with a true minus sign. */
const fmt = (value: number) => `${value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;
const percent = (chance: number) => `${Math.round(chance * 100)}%`;

/** The arithmetic of a score in plain sentences, for the debrief. */
export function scoreSentences(score: Score): string[] {
  const sentences =
    score.kind === 'war'
      ? [`War broke out: the side gets what war is worth to it, ${fmt(score.war)} (what it brings less what it costs).`]
      : [
          ...(score.roundsAbandoned > 0
            ? [
                `The talks broke off with ${score.roundsAbandoned} round${score.roundsAbandoned > 1 ? 's' : ''} to go: with no talks to stop it, the risk would have gone on rising, to ${fmt(score.atRisk)}.`,
              ]
            : []),
          `What was settled is worth ${fmt(score.settled)} to the side, but it holds only if peace does: at risk ${fmt(score.atRisk)} the chance of war is ${percent(score.chanceOfWar)}.`,
          `Expected value: ${percent(1 - score.chanceOfWar)} × ${fmt(score.settled)} + ${percent(score.chanceOfWar)} × ${fmt(score.war)} (what war is worth to it) = ${fmt(score.expected)}.`,
        ];
  sentences.push(
    score.riskCost > 0
      ? `The running cost of the crisis takes ${fmt(score.riskCost)}; standing at home adds ${signed(score.standing)}: ${fmt(score.total)} in all.`
      : `Standing at home adds ${signed(score.standing)}: ${fmt(score.total)} in all.`,
  );
  return sentences;
}
