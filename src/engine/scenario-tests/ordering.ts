/** Ordering cases: for a side (or both), one settlement must score above another, as the game scores them. */
import { scoreSettlement, type Score, type Settlement } from '../rules/score.ts';
import type { Scenario } from '../scenario/schema.ts';
import { fmt, percent, type CaseResult } from './result.ts';
import type { OrderingCase, SettlementSpec } from './schema.ts';

function settlement(spec: SettlementSpec): Settlement {
  return {
    kind: spec.kind,
    agreed: spec.agreed,
    finalRisk: spec.finalRisk,
    ...(spec.meanRisk === undefined ? {} : { meanRisk: spec.meanRisk }),
    ...(spec.standing === undefined ? {} : { standing: spec.standing }),
  };
}

const described = (spec: SettlementSpec) => `${spec.kind} at risk ${spec.finalRisk}`;

/** The arithmetic of a score in one parenthesis, for a failing comparison. */
const breakdown = (score: Score) =>
  `settled ${fmt(score.settled)}, chance of war ${percent(score.chanceOfWar)}, war worth ${fmt(score.war)}, expected ${fmt(score.expected)}, crisis cost ${fmt(score.riskCost)}, standing ${fmt(score.standing)}`;

export function runOrderingCase(scenario: Scenario, item: OrderingCase): CaseResult {
  const sides = item.side === undefined ? scenario.sides.map((side) => side.id) : [item.side];
  const failures: string[] = [];
  const lines: string[] = [];
  const scores: Record<string, { better: Score; worse: Score }> = {};
  for (const side of sides) {
    const better = scoreSettlement(scenario, side, settlement(item.better));
    const worse = scoreSettlement(scenario, side, settlement(item.worse));
    scores[side] = { better, worse };
    lines.push(`${side} ${fmt(better.total)} vs ${fmt(worse.total)}`);
    if (!(better.total - worse.total > item.margin)) {
      const by = item.margin > 0 ? ` by more than ${item.margin}` : '';
      failures.push(
        `${side}: ${described(item.better)} scores ${fmt(better.total)}, ${described(item.worse)} scores ${fmt(worse.total)}; expected the first above the second${by}`,
      );
      failures.push(`  first: ${breakdown(better)}`);
      failures.push(`  second: ${breakdown(worse)}`);
    }
  }
  return {
    name: item.name,
    kind: 'ordering',
    why: item.why ?? null,
    holds: failures.length === 0,
    summary: `${described(item.better)} vs ${described(item.worse)}: ${lines.join('; ')}`,
    failures,
    reasons: [],
    details: { margin: item.margin, scores },
  };
}
