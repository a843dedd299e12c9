/**
 * The game state: plain, serialisable data. Rules are pure functions over it and the scenario;
 * the seeded generator's state lives here too, so a saved state resumes the same dice.
 */
import type { RandomState } from '../random.ts';
import type { Opponent, Proposal, Reply, Response, Setup } from '../machine/event-schema.ts';
import type { Mood, OutcomeKind } from '../scenario/schema.ts';

/** One named cause of a change; the factors of a change add up exactly to it. */
export interface Factor {
  id: string;
  label: string;
  value: number;
}

export interface Change {
  from: number;
  to: number;
  factors: Factor[];
}

export type RiskStage = 'briefing' | 'resolution' | 'incident';

export interface RiskChange extends Change {
  round: number;
  stage: RiskStage;
}

export const METERS = ['leverage', 'standing', 'credibility', 'cohesion', 'forces'] as const;
export type Meter = (typeof METERS)[number];

export interface SideState {
  /** Index on each track's ladder of the position the side currently demands. */
  stance: Record<string, number>;
  /** Positions the side has publicly committed to (by a threat or a belligerent statement). */
  commitments: Record<string, number>;
  leverage: number;
  standing: number;
  credibility: number;
  cohesion: number;
  /** Thousands of troops, wherever the side's `forcesWhere` says they stand. */
  forces: number;
}

/** Positions keyed by track id. */
export type Positions = Record<string, string>;

/** What players send, checked at the boundary: derived from the schemas in machine/event-schema.ts. */
export type { Opponent, Proposal, Reply, Response, Setup };

/** Why the AI decided what it did: shown in the debrief. */
export interface Decision {
  round: number;
  side: string;
  persona: string;
  stage: 'proposal' | 'response' | 'reply';
  kind: string;
  /** The AI's utility for what was on the table (0-100). */
  utility: number;
  reservation: number;
  /** The named terms that make up the reservation value. */
  reservationTerms: Factor[];
  /** Zeuthen's willingness to risk breakdown, its own and the other side's. */
  zeuthen: { self: number; other: number } | null;
  redLines: string[];
  /** Plain sentences saying why. */
  reasons: string[];
  /** Ids of the glossary entries for the terms of art behind the reasons (reservation value, Zeuthen's rule…). */
  terms: string[];
}

export interface Statement {
  side: string;
  mood: Mood;
  quote: string | null;
}

export interface IncidentRoll {
  chance: number;
  roll: number;
  happened: boolean;
  escalationChance: number;
  escalationRoll: number;
}

export type MeterChanges = Record<string, Partial<Record<Meter, Change>>>;

export interface RoundRecord {
  round: number;
  proposer: string;
  responder: string;
  events: string[];
  proposal: Proposal | null;
  response: Response | null;
  reply: Reply | null;
  /** Tracks agreed this round, with the agreed position. */
  agreed: Positions;
  riskChanges: RiskChange[];
  meters: MeterChanges;
  incident: IncidentRoll | null;
  statements: Statement[];
}

export interface Outcome {
  kind: OutcomeKind;
  round: number;
  reason: string;
}

export interface GameState {
  scenarioId: string;
  setup: Setup;
  rng: RandomState;
  /** Index of the current round (0-based). */
  round: number;
  risk: number;
  sides: Record<string, SideState>;
  /** Agreed tracks: position id and the round of agreement. */
  agreed: Record<string, { position: string; round: number }>;
  firedEvents: string[];
  usedMoves: string[];
  rounds: RoundRecord[];
  outcome: Outcome | null;
  decisions: Decision[];
}
