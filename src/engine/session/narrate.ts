/**
 * A game told in words, round by round: the packages, the answers, the moves, and every risk
 * change with its factors. The replay command prints it; the same words suit a screen reader.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Change, GameState, RoundRecord } from '../rules/state.ts';
import { bandOf, sideShortName as sideName, track } from '../rules/world.ts';
import { moveName, positionsText as describePositions, signed } from '../rules/words.ts';

export function describeChange(label: string, change: Change): string[] {
  return [
    `${label} ${change.from.toFixed(1)} → ${change.to.toFixed(1)} (${signed(change.to - change.from)})`,
    ...change.factors.map((factor) => `      ${signed(factor.value).padStart(6)}  ${factor.label}`),
  ];
}

export function narrateRound(scenario: Scenario, record: RoundRecord): string[] {
  const round = scenario.rounds[record.round]!;
  const lines = [`Round ${record.round + 1}: ${round.title} — ${round.venue}, ${round.date}`];
  for (const id of record.events) lines.push(`  Event: ${scenario.events.find((event) => event.id === id)?.name ?? id}`);
  const { proposal, response, reply } = record;
  if (proposal) {
    lines.push(`  ${sideName(scenario, proposal.side)} proposes ${describePositions(scenario, proposal.positions)}`);
    lines.push(`    with ${moveName(scenario, proposal.posture)}, in a ${proposal.tone} tone`);
  }
  if (response) {
    const tracks = response.tracks ? ` (${response.tracks.map((id) => track(scenario, id).name).join(', ')})` : '';
    lines.push(
      `  ${sideName(scenario, response.side)} answers: ${response.kind}${tracks}, with ${moveName(scenario, response.posture)}, in a ${response.tone} tone`,
    );
    if (response.counter) lines.push(`    counter-proposal: ${describePositions(scenario, response.counter)}`);
  }
  if (reply) {
    const tracks = reply.tracks ? ` (${reply.tracks.map((id) => track(scenario, id).name).join(', ')})` : '';
    lines.push(`  ${sideName(scenario, reply.side)} replies to the counter-proposal: ${reply.kind}${tracks}`);
  }
  const agreed = Object.keys(record.agreed);
  if (agreed.length > 0) lines.push(`  Agreed: ${describePositions(scenario, record.agreed)}`);
  for (const change of record.riskChanges) {
    lines.push(...describeChange(`  Risk (${change.stage}):`, change));
  }
  if (record.incident?.happened) lines.push(`  Incident: a ${(record.incident.chance * 100).toFixed(0)}% chance came up.`);
  return lines;
}

export function narrateGame(scenario: Scenario, state: GameState): string[] {
  const lines = state.rounds.flatMap((record) => [...narrateRound(scenario, record), '']);
  if (state.outcome) {
    lines.push(`Outcome: ${state.outcome.kind} in round ${state.outcome.round + 1}. ${state.outcome.reason}`);
    lines.push(`Final risk: ${state.risk.toFixed(1)} (${bandOf(scenario, state.risk).name})`);
  }
  return lines;
}
