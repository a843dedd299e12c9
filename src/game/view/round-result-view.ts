/**
 * What the round's result says, read off the game state: the exchange at the table, the tracks
 * agreed, why the risk moved (factor by factor), how each side's standing moved, and — on the
 * incident screen that may follow — the incident and its chances. Pure, so it is tested without
 * a browser; round-result-scene.ts lays it out.
 */
import type { Change, GameState, Meter, RiskChange } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { METER_NAMES, moveName, positionsText, sideShort } from './narration.ts';
import { factorLine, signed } from './risk-view.ts';

export interface FactorBar {
  value: string;
  label: string;
  up: boolean;
  /** How long the bar is drawn, in percent of its row. */
  size: number;
}

export interface RiskChangeView {
  heading: string;
  factors: FactorBar[];
}

export interface RoundResultView {
  heading: string;
  /** The incident's chances in words, on the incident screen; null on the round's result. */
  incident: string | null;
  /** What each side did at the table, a sentence each. */
  exchange: string[];
  /** A line per track agreed this round. */
  agreed: string[];
  changes: RiskChangeView[];
  /** How each side's standing moved: a lead (side, meter, from → to) and its causes. */
  meters: { lead: string; causes: string }[];
  /** The button's words: on to the incident, the outcome or the next round. */
  next: string;
}

/** The move made at the table, a sentence each: the proposal, the answer (and counter), the reply. */
function exchange(scenario: Scenario, game: GameState): string[] {
  const { proposal, response, reply } = game.rounds[game.round]!;
  const lines: string[] = [];
  if (proposal)
    lines.push(
      `${sideShort(scenario, proposal.side)} proposed ${positionsText(scenario, proposal.positions)} (${moveName(scenario, proposal.posture)}, ${proposal.tone}).`,
    );
  if (response) {
    const tracks = response.tracks
      ? ` on ${response.tracks.map((id) => scenario.tracks.find((track) => track.id === id)?.name ?? id).join(', ')}`
      : '';
    lines.push(
      `${sideShort(scenario, response.side)} answered: ${response.kind.replace('-', ' ')}${tracks} (${moveName(scenario, response.posture)}, ${response.tone}).`,
    );
    if (response.counter) lines.push(`Counter-proposal: ${positionsText(scenario, response.counter)}.`);
  }
  if (reply) lines.push(`${sideShort(scenario, reply.side)} replied to the counter-proposal: ${reply.kind.replace('-', ' ')}.`);
  return lines;
}

const STAGE_NAMES = { briefing: 'Events as the round opened', resolution: 'The round', incident: 'The incident' } as const;

function riskChange(change: RiskChange): RiskChangeView {
  return {
    heading: `${STAGE_NAMES[change.stage]}: ${change.from.toFixed(1)} → ${change.to.toFixed(1)} (${signed(change.to - change.from)})`,
    factors: change.factors.map((factor) => ({
      value: signed(factor.value),
      label: factor.label,
      up: factor.value > 0,
      size: Math.min(100, Math.abs(factor.value) * 8),
    })),
  };
}

/** The round's own figures on its result; the incident's alone on the incident screen, which does not repeat the rest. */
export function roundResultView(scenario: Scenario, game: GameState, incident: boolean): RoundResultView {
  const record = game.rounds[game.round]!;
  const incidentPending = !incident && record.incident?.happened === true && game.outcome === null;
  const chance = (value: number | undefined) => ((value ?? 0) * 100).toFixed(0);
  return {
    heading: incident ? `Round ${game.round + 1}: an incident` : `Round ${game.round + 1} result`,
    incident: incident
      ? `An incident had a ${chance(record.incident?.chance)}% chance at this level of risk, and it happened. Such an incident could escalate to war (a ${chance(record.incident?.escalationChance)}% chance).`
      : null,
    exchange: incident ? [] : exchange(scenario, game),
    agreed: incident ? [] : Object.keys(record.agreed).map((id) => `✓ ${positionsText(scenario, { [id]: record.agreed[id]! })}`),
    changes: record.riskChanges.filter((change) => (change.stage === 'incident') === incident).map(riskChange),
    meters: incident
      ? []
      : Object.entries(record.meters).flatMap(([side, meters]) =>
          (Object.entries(meters) as [Meter, Change][]).map(([meter, change]) => ({
            lead: `${sideShort(scenario, side)} ${METER_NAMES[meter]} ${change.from.toFixed(0)} → ${change.to.toFixed(0)}: `,
            causes: change.factors.map(factorLine).join('; '),
          })),
        ),
    next: incidentPending ? 'Continue — something has happened' : game.outcome ? 'See the outcome' : 'Next round',
  };
}
