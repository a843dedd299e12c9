/**
 * What the rules refuse in a step of a line of play (the historical line's, or a scenario test's),
 * each said exactly: which round, which track and position, which side, and why — a side may not
 * table or accept its own red line, split linked tracks, make the other side's posture move, or
 * answer with fields its kind of answer does not take.
 */
import { keepsLinksWhole } from '../rules/legal.ts';
import type { GameState, Positions } from '../rules/state.ts';
import { isRedLine, otherSide, proposerOf } from '../rules/world.ts';
import { stillOpen, type PlayedStep } from './line-steps.ts';
import type { Problem } from './problems.ts';
import type { Scenario } from './schema.ts';

type Path = Problem['path'];

/** Why a side may not make a posture move, or null when it may (the move is its own, or none). */
export function moveFault(scenario: Scenario, who: string, what: string, move: string | null): string | null {
  const owner = scenario.postureMoves.find((item) => item.id === move)?.side;
  return move !== null && owner !== undefined && owner !== who
    ? `${what} comes with posture move "${move}", a move of "${owner}": a side makes only its own moves`
    : null;
}

/**
 * Why the rules refuse a package a side tables (a proposal or a counter-proposal), each with its
 * path inside the package: one of its own red lines, or an open track left out (judged only when
 * `agreed`, the tracks agreed so far, is known).
 */
export function packageFaults(
  scenario: Scenario,
  who: string,
  what: string,
  positions: Positions,
  agreed: GameState['agreed'] | null,
): Problem[] {
  const faults: Problem[] = [];
  for (const [trackId, positionId] of Object.entries(positions)) {
    const item = scenario.tracks.find((candidate) => candidate.id === trackId);
    if (item && isRedLine(item, who, positionId)) {
      faults.push({
        path: [trackId],
        message: `${what} puts track "${trackId}" at "${positionId}", a red line of "${who}" itself: a side may not table its own red line`,
      });
    }
  }
  for (const item of agreed ? scenario.tracks : []) {
    if (!(item.id in agreed!) && !(item.id in positions)) {
      faults.push({
        path: [],
        message: `${what} names no position on track "${item.id}", which is still open: a package names every open track`,
      });
    }
  }
  return faults;
}

/** Records a fault of a step: its path under the step's, its message after the step's round. */
type Fault = (path: Path, message: string) => void;

/** Tracks a side accepts from a package: named in it, none of them its own red line, no linked group split. */
function acceptFaults(scenario: Scenario, at: Fault, who: string, what: string, positions: Positions, tracks: readonly string[]): void {
  const path: Path = [];
  if (tracks.length === 0) at(path, `${what} accepts no track: name at least one`);
  for (const trackId of tracks) {
    const positionId = positions[trackId];
    const item = scenario.tracks.find((candidate) => candidate.id === trackId);
    if (positionId === undefined) at(path, `${what} accepts track "${trackId}", which the package does not name`);
    else if (item && isRedLine(item, who, positionId)) {
      at(
        path,
        `${what} accepts track "${trackId}" at "${positionId}", a red line of "${who}" itself: a side may not accept its own red line`,
      );
    }
  }
  if (!keepsLinksWhole(scenario, positions, tracks)) {
    const split = scenario.linkage.find((link) => !keepsLinksWhole({ ...scenario, linkage: [link] }, positions, tracks));
    at(
      path,
      `${what} splits the linked tracks of "${split?.id}": accept all of ${split?.tracks.map((id) => `"${id}"`).join(', ')} that the package names, or none`,
    );
  }
}

/** Each kind of answer carries exactly the fields it needs. */
function fieldFaults(at: Fault, what: string, answer: { kind: string; tracks?: unknown; counter?: unknown }): void {
  if ((answer.tracks !== undefined) !== (answer.kind === 'accept-some')) {
    at(
      [],
      answer.tracks === undefined
        ? `${what} lists no "tracks": say which tracks are accepted`
        : `${what} lists "tracks", which only accept-some takes`,
    );
  }
  if ((answer.counter !== undefined) !== (answer.kind === 'counter')) {
    at([], answer.counter === undefined ? `${what} has no "counter" package` : `${what} has a "counter" package, which only counter takes`);
  }
}

/**
 * What the rules refuse in one step of the line, each said exactly. `agreed` is what the game has
 * agreed before the step, or null when the play stopped earlier (whether a package names every
 * open track then depends on steps the game never took, so that is not judged).
 */
export function stepFaults(scenario: Scenario, step: PlayedStep, stepPath: Path, agreed: GameState['agreed'] | null): Problem[] {
  const faults: Problem[] = [];
  const roundIndex = scenario.rounds.findIndex((round) => round.id === step.round);
  if (roundIndex < 0) return faults;
  const proposer = proposerOf(scenario, roundIndex);
  const responder = otherSide(scenario, proposer);
  const under =
    (path: Path): Fault =>
    (sub, message) =>
      faults.push({ path: [...stepPath, ...path, ...sub], message: `round "${step.round}": ${message}` });
  const ownMove = (path: Path, who: string, what: string, move: string | null) => {
    const fault = moveFault(scenario, who, what, move);
    if (fault) under(path)([], fault);
  };
  const tabled = (path: Path, who: string, what: string, positions: Positions) =>
    packageFaults(scenario, who, what, positions, agreed).forEach((fault) => under(path)(fault.path, fault.message));

  const proposal = stillOpen(step.proposal.positions, agreed);
  ownMove(['proposal', 'posture'], proposer, `the proposal by "${proposer}"`, step.proposal.posture);
  tabled(['proposal', 'positions'], proposer, `the proposal by "${proposer}"`, proposal);

  const response = step.response;
  const answer = `the ${response.kind} by "${responder}"`;
  ownMove(['response', 'posture'], responder, answer, response.posture);
  fieldFaults(under(['response']), answer, response);
  if (response.kind === 'accept') acceptFaults(scenario, under(['response']), responder, answer, proposal, Object.keys(proposal));
  if (response.kind === 'accept-some' && response.tracks)
    acceptFaults(scenario, under(['response', 'tracks']), responder, answer, proposal, response.tracks);
  const counter = response.counter && stillOpen(response.counter, agreed);
  if (response.kind === 'counter' && counter) tabled(['response', 'counter'], responder, answer, counter);

  const reply = step.reply;
  if (reply && response.kind !== 'counter') {
    under(['reply'])([], `a reply answers a counter, but "${responder}" answered with ${response.kind}: remove the reply`);
  } else if (!reply && response.kind === 'counter') {
    under(['response'])([], `"${responder}" counters, and the line gives no reply by "${proposer}": add one`);
  } else if (reply && counter) {
    const what = `the reply ${reply.kind} by "${proposer}"`;
    fieldFaults(under(['reply']), what, reply);
    if (reply.kind === 'accept') acceptFaults(scenario, under(['reply']), proposer, what, counter, Object.keys(counter));
    if (reply.kind === 'accept-some' && reply.tracks)
      acceptFaults(scenario, under(['reply', 'tracks']), proposer, what, counter, reply.tracks);
  }
  return faults;
}
