/**
 * The rules of a round, as pure functions from one state to the next: the game opens, a round
 * opens (events fire), a package is tabled, answered, perhaps countered and answered again, the
 * round resolves (tracks lock, risk and meters move, an incident may be rolled), an incident
 * plays out, and the next round opens. The machine in `machine/` decides when each one runs.
 */
import { Dice, seedState } from '../random.ts';
import type { Scenario, Tone } from '../scenario/schema.ts';
import { applyFactors } from './change.ts';
import { eventFires } from './events.ts';
import { addEffects, addMeterFactor, addMoveEffects, applyMeters, type PendingMeters } from './meters.ts';
import type {
  Decision,
  Factor,
  GameState,
  Outcome,
  Positions,
  Proposal,
  Reply,
  Response,
  RiskStage,
  RoundRecord,
  Setup,
  SideState,
  Statement,
} from './state.ts';
import {
  bandOf,
  concedingDirection,
  curveAt,
  gapPressure,
  gapShare,
  idealIndex,
  openTracks,
  otherSide,
  positionIndex,
  proposerOf,
  track,
} from './world.ts';

export const STARTING_METERS = { leverage: 50, standing: 50, credibility: 70, cohesion: 70 } as const;

/** Cohesion below this drains leverage each round: a divided alliance is easier to push. */
const COHESION_FLOOR = 40;

export function newGame(scenario: Scenario, setup: Setup): GameState {
  const sides: Record<string, SideState> = {};
  for (const side of scenario.sides) {
    const stance: Record<string, number> = {};
    for (const item of scenario.tracks) {
      const opening = item.opening?.[side.id];
      stance[item.id] = opening === undefined ? idealIndex(scenario, item, side.id) : positionIndex(item, opening);
    }
    sides[side.id] = { stance, commitments: {}, ...STARTING_METERS, forces: side.forces };
  }
  return {
    scenarioId: scenario.meta.id,
    setup,
    rng: seedState(setup.seed),
    round: 0,
    risk: scenario.escalation.initialRisk,
    sides,
    agreed: {},
    firedEvents: [],
    usedMoves: [],
    rounds: [],
    outcome: null,
    decisions: [],
  };
}

/**
 * Copies what a rule may change, one level deep: the sides and the current round's record. Every
 * nested value (a stance, a list of factors, the agreed tracks…) is replaced, never changed in
 * place, where a rule changes it; earlier round records are never changed, so they are shared.
 */
function draft(state: GameState): GameState {
  const sides: Record<string, SideState> = {};
  for (const id in state.sides) sides[id] = { ...state.sides[id]! };
  const rounds = state.rounds.slice();
  const current = rounds[state.round];
  if (current) rounds[state.round] = { ...current };
  return { ...state, sides, rounds };
}

export function currentRecord(state: GameState): RoundRecord {
  const record = state.rounds[state.round];
  if (!record) throw new Error(`round ${state.round} has not opened`);
  return record;
}

function moveRisk(state: GameState, record: RoundRecord, stage: RiskStage, factors: Factor[]): void {
  const change = applyFactors(state.risk, factors);
  if (change.factors.length === 0) return;
  state.risk = change.to;
  record.riskChanges = [...record.riskChanges, { ...change, round: state.round, stage }];
}

function endIfWar(state: GameState, reason: string): void {
  if (!state.outcome && state.risk >= 100) state.outcome = { kind: 'war', round: state.round, reason };
}

/** Opens the current round: builds its record and fires the events whose triggers hold. */
export function openRound(scenario: Scenario, state: GameState): GameState {
  const next = draft(state);
  const proposer = proposerOf(scenario, next.round);
  const record: RoundRecord = {
    round: next.round,
    proposer,
    responder: otherSide(scenario, proposer),
    events: [],
    proposal: null,
    response: null,
    reply: null,
    agreed: {},
    riskChanges: [],
    meters: {},
    incident: null,
    statements: [],
  };
  next.rounds[next.round] = record;
  const dice = new Dice(next.rng);
  const risk: Factor[] = [];
  const pending: PendingMeters = {};
  for (const event of scenario.events) {
    if (next.firedEvents.includes(event.id) || !eventFires(scenario, next, event)) continue;
    if (event.trigger.kind === 'scripted') next.firedEvents = [...next.firedEvents, event.id];
    if (event.probability < 1 && dice.roll() >= event.probability) continue;
    if (event.trigger.kind === 'conditional') next.firedEvents = [...next.firedEvents, event.id];
    record.events = [...record.events, event.id];
    const value = (event.effects.risk ?? 0) * scenario.escalation.weights.event;
    risk.push({ id: `event:${event.id}`, label: event.name, value });
    addEffects(pending, event.effects, `event:${event.id}`, event.name);
  }
  next.rng = dice.state;
  applyMeters(next, record, pending);
  moveRisk(next, record, 'briefing', risk);
  endIfWar(next, 'Events outside the room pushed the risk to the top of the scale.');
  return next;
}

/**
 * Moves a side's demand on a track. Conceding past a public commitment costs standing and
 * credibility (audience costs); conceding on a track the allies care about costs cohesion.
 */
function moveStance(scenario: Scenario, state: GameState, pending: PendingMeters, side: string, trackId: string, to: number): void {
  const sideState = state.sides[side]!;
  const item = track(scenario, trackId);
  const direction = concedingDirection(scenario, side);
  const conceded = (to - sideState.stance[trackId]!) * direction;
  const committed = sideState.commitments[trackId];
  if (committed !== undefined) {
    const pastCommitment = (to - committed) * direction;
    if (pastCommitment > 0) {
      const cost = scenario.escalation.audienceCost * pastCommitment;
      const label = `Backed down on ${item.name} after a public commitment`;
      addMeterFactor(pending, side, 'standing', { id: `audience:${trackId}`, label, value: -cost });
      addMeterFactor(pending, side, 'credibility', { id: `audience:${trackId}`, label, value: -cost });
      const { [trackId]: broken, ...kept } = sideState.commitments;
      sideState.commitments = kept;
    }
  }
  const cohesionCost = item.cohesionCost?.[side] ?? 0;
  if (conceded > 0 && cohesionCost > 0) {
    addMeterFactor(pending, side, 'cohesion', {
      id: `allies:${trackId}`,
      label: `Conceded on ${item.name} over the allies' heads`,
      value: -cohesionCost * conceded,
    });
  }
  sideState.stance = { ...sideState.stance, [trackId]: to };
}

/** A threat, a build-up or a belligerent statement commits the side to its current demands. */
function commit(scenario: Scenario, state: GameState, side: string): void {
  const sideState = state.sides[side]!;
  const commitments = { ...sideState.commitments };
  for (const item of openTracks(scenario, state)) commitments[item.id] = sideState.stance[item.id]!;
  sideState.commitments = commitments;
}

function takePosture(scenario: Scenario, state: GameState, pending: PendingMeters, side: string, posture: string | null, tone: Tone): void {
  const move = posture === null ? undefined : scenario.postureMoves.find((item) => item.id === posture);
  if (move) {
    state.usedMoves = [...state.usedMoves, move.id];
    addMoveEffects(state, pending, move);
  }
  // A firm tone leaves standing at home where it was; only the other two move it.
  if (tone === 'belligerent') {
    addMeterFactor(pending, side, 'standing', {
      id: 'tone:belligerent',
      label: 'A belligerent statement rallies the home audience',
      value: 1,
    });
  } else if (tone === 'conciliatory') {
    addMeterFactor(pending, side, 'standing', {
      id: 'tone:conciliatory',
      label: 'A conciliatory statement reads as weakness at home',
      value: -1,
    });
  }
  if (tone === 'belligerent' || move?.kind === 'threat' || move?.kind === 'build-up') commit(scenario, state, side);
}

function setStances(scenario: Scenario, state: GameState, pending: PendingMeters, side: string, positions: Positions): void {
  for (const [trackId, positionId] of Object.entries(positions)) {
    moveStance(scenario, state, pending, side, trackId, positionIndex(track(scenario, trackId), positionId));
  }
}

export interface AiNote {
  decision: Decision;
  statement: Statement | null;
}

function noteDecision(state: GameState, record: RoundRecord, note: AiNote | undefined): void {
  if (!note) return;
  state.decisions = [...state.decisions, note.decision];
  if (note.statement) record.statements = [...record.statements, note.statement];
}

export function applyProposal(scenario: Scenario, state: GameState, proposal: Proposal, note?: AiNote, rng?: number): GameState {
  const next = draft(state);
  if (rng !== undefined) next.rng = rng;
  const record = currentRecord(next);
  record.proposal = proposal;
  const pending: PendingMeters = {};
  setStances(scenario, next, pending, proposal.side, proposal.positions);
  takePosture(scenario, next, pending, proposal.side, proposal.posture, proposal.tone);
  applyMeters(next, record, pending);
  noteDecision(next, record, note);
  return next;
}

export function applyResponse(scenario: Scenario, state: GameState, response: Response, note?: AiNote, rng?: number): GameState {
  const next = draft(state);
  if (rng !== undefined) next.rng = rng;
  const record = currentRecord(next);
  record.response = response;
  const pending: PendingMeters = {};
  if (response.kind === 'counter' && response.counter) setStances(scenario, next, pending, response.side, response.counter);
  takePosture(scenario, next, pending, response.side, response.posture, response.tone);
  applyMeters(next, record, pending);
  noteDecision(next, record, note);
  return next;
}

export function applyReply(_scenario: Scenario, state: GameState, reply: Reply, note?: AiNote, rng?: number): GameState {
  const next = draft(state);
  if (rng !== undefined) next.rng = rng;
  const record = currentRecord(next);
  record.reply = reply;
  noteDecision(next, record, note);
  return next;
}

/** The tracks this round's exchange agreed, with their positions. */
export function agreedThisRound(record: RoundRecord): Positions {
  const { proposal, response, reply } = record;
  if (!proposal || !response) return {};
  const pick = (positions: Positions, tracks?: string[]) =>
    Object.fromEntries(Object.entries(positions).filter(([id]) => !tracks || tracks.includes(id)));
  if (response.kind === 'accept') return pick(proposal.positions);
  if (response.kind === 'accept-some') return pick(proposal.positions, response.tracks ?? []);
  if (response.kind === 'counter' && response.counter && reply) {
    if (reply.kind === 'accept') return pick(response.counter);
    if (reply.kind === 'accept-some') return pick(response.counter, reply.tracks ?? []);
  }
  return {};
}

function finalOutcome(scenario: Scenario, state: GameState): Outcome {
  const agreed = Object.keys(state.agreed).length;
  const total = scenario.tracks.length;
  return agreed > 0
    ? { kind: 'partial-deal', round: state.round, reason: `The rounds ran out with ${agreed} of ${total} tracks agreed.` }
    : { kind: 'stalemate', round: state.round, reason: 'The rounds ran out with no track agreed.' };
}

function isLastRound(scenario: Scenario, state: GameState): boolean {
  return state.round >= scenario.rounds.length - 1;
}

function riskFactorsOfRound(scenario: Scenario, state: GameState, record: RoundRecord): Factor[] {
  const { weights, tone: toneRisk } = scenario.escalation;
  const factors: Factor[] = [];
  for (const item of openTracks(scenario, state)) {
    const share = gapShare(scenario, state, item);
    const steps = Math.round(share * (item.positions.length - 1));
    factors.push({
      id: `gap:${item.id}`,
      label: `Gap on ${item.name}: ${steps} of ${item.positions.length - 1} steps apart`,
      value: gapPressure(scenario, state, item),
    });
  }
  for (const [trackId] of Object.entries(record.agreed)) {
    const item = track(scenario, trackId);
    factors.push({ id: `agreement:${trackId}`, label: `Agreement on ${item.name}`, value: -weights.agreement * item.salience });
  }
  for (const statement of [record.proposal, record.response]) {
    if (!statement) continue;
    const move = scenario.postureMoves.find((candidate) => candidate.id === statement.posture);
    if (move) factors.push({ id: `move:${move.id}`, label: move.name, value: weights.posture * (move.effects.risk ?? 0) });
    const side = scenario.sides.find((candidate) => candidate.id === statement.side)!;
    factors.push({
      id: `tone:${side.id}`,
      label: `${side.shortName}'s ${statement.tone} statement`,
      value: weights.tone * toneRisk[statement.tone],
    });
  }
  if (record.response?.kind === 'walkout') {
    factors.push({ id: 'walkout', label: 'Walk-out from the talks', value: scenario.escalation.walkoutRisk });
  }
  return factors;
}

/** Resolves the round: agreed tracks lock, stances meet, the risk and meters move, an incident may be rolled. */
export function resolveRound(scenario: Scenario, state: GameState): GameState {
  const next = draft(state);
  const record = currentRecord(next);
  const pending: PendingMeters = {};
  record.agreed = agreedThisRound(record);
  for (const [trackId, positionId] of Object.entries(record.agreed)) {
    const index = positionIndex(track(scenario, trackId), positionId);
    for (const side of scenario.sides) moveStance(scenario, next, pending, side.id, trackId, index);
    next.agreed = { ...next.agreed, [trackId]: { position: positionId, round: next.round } };
  }
  for (const side of scenario.sides) {
    const cohesion = next.sides[side.id]!.cohesion;
    if (cohesion < COHESION_FLOOR) {
      addMeterFactor(pending, side.id, 'leverage', {
        id: 'cohesion',
        label: 'A divided alliance weakens the hand',
        value: -(COHESION_FLOOR - cohesion) / 5,
      });
    }
  }
  applyMeters(next, record, pending);
  moveRisk(next, record, 'resolution', riskFactorsOfRound(scenario, next, record));

  endIfWar(next, 'The risk reached the top of the scale.');
  if (!next.outcome && record.response?.kind === 'walkout') {
    const side = scenario.sides.find((candidate) => candidate.id === record.response?.side)!;
    next.outcome = { kind: 'walkout', round: next.round, reason: `${side.name} walked out of the talks.` };
  }
  if (!next.outcome && Object.keys(next.agreed).length === scenario.tracks.length) {
    next.outcome = { kind: 'agreement', round: next.round, reason: 'Every track was agreed.' };
  }
  if (next.outcome) return next;

  const { incident } = scenario.escalation;
  const dice = new Dice(next.rng);
  const chance = curveAt(incident.chance, next.risk);
  const roll = dice.roll();
  const jumped = Math.min(100, next.risk + incident.riskJump * scenario.escalation.weights.incident);
  const escalationChance = curveAt(incident.escalation, jumped);
  const escalationRoll = dice.roll();
  next.rng = dice.state;
  record.incident = { chance, roll, happened: roll < chance, escalationChance, escalationRoll };
  if (!record.incident.happened && isLastRound(scenario, next)) next.outcome = finalOutcome(scenario, next);
  return next;
}

export function hasPendingIncident(state: GameState): boolean {
  return state.outcome === null && (state.rounds[state.round]?.incident?.happened ?? false);
}

/** Plays out the incident rolled at resolution: the risk jumps, and it may escalate to war. */
export function applyIncident(scenario: Scenario, state: GameState): GameState {
  const next = draft(state);
  const record = currentRecord(next);
  const roll = record.incident;
  if (!roll?.happened) return next;
  const { incident, weights } = scenario.escalation;
  moveRisk(next, record, 'incident', [{ id: 'incident', label: incident.name, value: incident.riskJump * weights.incident }]);
  if (roll.escalationRoll < roll.escalationChance) {
    next.outcome = {
      kind: 'war',
      round: next.round,
      reason: `An incident escalated out of control (at ${bandOf(scenario, next.risk).name}).`,
    };
  }
  endIfWar(next, 'An incident pushed the risk to the top of the scale.');
  if (!next.outcome && isLastRound(scenario, next)) next.outcome = finalOutcome(scenario, next);
  return next;
}

/** Moves on to the next round and opens it. */
export function advanceRound(scenario: Scenario, state: GameState): GameState {
  return openRound(scenario, { ...state, round: state.round + 1 });
}
