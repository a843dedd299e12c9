/**
 * Playing a scripted case's line of play with the pure rules, both sides' moves given: each step
 * is checked against the rules before it is played, and a step they refuse is said exactly (its
 * path, and why), as is a game that ends before the line does.
 */
import { isLegalProposal, isLegalReply, isLegalResponse } from '../rules/legal.ts';
import { advanceRound, applyIncident, applyProposal, applyReply, applyResponse, hasPendingIncident, resolveRound } from '../rules/round.ts';
import type { GameState, Outcome, Positions, Proposal } from '../rules/state.ts';
import { moveFault, packageFaults, stepFaults } from '../scenario/line-faults.ts';
import { stillOpen, writtenResponse } from '../scenario/line-steps.ts';
import { formatPath, formatProblem } from '../scenario/problems.ts';
import type { Path } from '../scenario/reference-checker.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { LineStep } from './schema.ts';

/** A step of the line the rules refused, or the game ending before the offer. */
export type LineEnd = { kind: 'refused'; message: string } | { kind: 'ended'; outcome: Outcome };

/** Resolves the round and, unless the game is over, moves on to the next one. */
function finishRound(scenario: Scenario, state: GameState): GameState {
  let next = resolveRound(scenario, state);
  if (hasPendingIncident(next)) next = applyIncident(scenario, next);
  return next.outcome ? next : advanceRound(scenario, next);
}

/** Plays the steps of a line; returns the state at the opening of the round after them. */
export function playLine(scenario: Scenario, start: GameState, steps: { step: LineStep; path: Path }[]): GameState | LineEnd {
  let state = start;
  for (const { step, path } of steps) {
    if (state.outcome) return { kind: 'ended', outcome: state.outcome };
    const played = playStep(scenario, state, step, path);
    if ('kind' in played) return played;
    state = finishRound(scenario, played);
  }
  return state.outcome ? { kind: 'ended', outcome: state.outcome } : state;
}

/** Plays one step's proposal, response and reply; returns the state before the round is resolved. */
function playStep(scenario: Scenario, start: GameState, step: LineStep, path: Path): GameState | LineEnd {
  const record = start.rounds[start.round]!;
  // What the rules refuse in the step, said exactly, before the step is played.
  const faults = stepFaults(scenario, step, path, start.agreed);
  if (faults.length > 0) return { kind: 'refused', message: faults.map(formatProblem).join('; ') };
  const proposal = writtenProposal(scenario, start, record.proposer, step.proposal, path);
  if (typeof proposal === 'string') return { kind: 'refused', message: proposal };
  let state = applyProposal(scenario, start, proposal);
  const response = writtenResponse(step.response, record.responder, state.agreed);
  if (!isLegalResponse(scenario, state, response)) {
    return {
      kind: 'refused',
      message: `${formatPath([...path, 'response'])}: the rules refuse this ${response.kind} by "${record.responder}"`,
    };
  }
  state = applyResponse(scenario, state, response);
  if (response.kind === 'counter' && !step.reply) {
    return { kind: 'refused', message: `${formatPath([...path, 'reply'])}: missing: a counter-proposal needs the proposer's reply` };
  }
  if (!step.reply) return state;
  const reply = { side: record.proposer, kind: step.reply.kind, ...(step.reply.tracks ? { tracks: step.reply.tracks } : {}) };
  if (!isLegalReply(scenario, state, reply)) {
    return {
      kind: 'refused',
      message: `${formatPath([...path, 'reply'])}: the rules refuse this reply by "${record.proposer}"`,
    };
  }
  return applyReply(scenario, state, reply);
}

/**
 * The proposal a step or an offer writes down, on the tracks still open, or why the rules refuse
 * it (the error for the `proposal` field under `path`).
 */
export function writtenProposal(
  scenario: Scenario,
  state: GameState,
  side: string,
  written: Omit<Proposal, 'side'>,
  path: Path,
): Proposal | string {
  const proposal: Proposal = { side, positions: stillOpen(written.positions, state.agreed), posture: written.posture, tone: written.tone };
  if (isLegalProposal(scenario, state, proposal)) return proposal;
  return `${formatPath([...path, 'proposal'])}: the rules refuse this proposal by "${side}"${packageHint(scenario, state, side, proposal.positions, proposal.posture)}`;
}

/** Why the rules refuse a package with a posture move, said exactly: its own red lines, an open track left out, a move of the other side. */
export function packageHint(scenario: Scenario, state: GameState, side: string, positions: Positions, posture: string | null): string {
  const faults = [
    ...packageFaults(scenario, side, 'it', positions, state.agreed).map((fault) => fault.message),
    ...[moveFault(scenario, side, 'it', posture)].filter((fault) => fault !== null),
  ];
  return faults.length > 0 ? ` (${faults.join('; ')})` : '';
}
