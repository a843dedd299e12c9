/**
 * Plays a scenario's historical line of play through the machine, two players at one screen: to
 * check that the rules accept every step of it (a side may not propose its own red line, accept
 * one, or answer out of turn), and to see where history leads in the game. Tracks the line agreed
 * in an earlier round are left out of later packages, as they are at the table.
 *
 * A step the game refuses is explained: which round, which track and position, which side, and
 * why. Steps after a refused one are not played, but are still read for what the rules refuse
 * whatever came before, so one run names every fault of the line.
 */
import type { GameEvent } from '../machine/game-machine.ts';
import { GameRun } from '../machine/game-run.ts';
import { keepsLinksWhole } from '../rules/legal.ts';
import type { GameState, Positions } from '../rules/state.ts';
import { isRedLine, otherSide, proposerOf } from '../rules/world.ts';
import type { Problem } from './problems.ts';
import type { HistoricalStep, OutcomeKind, Scenario } from './schema.ts';

export interface HistoricalPlay {
  /** Every event sent, with whether the machine took it. */
  sent: { event: GameEvent; taken: boolean }[];
  /** What the game refuses in the line, each with its path and what is wrong; empty when it takes every step. */
  refusals: Problem[];
  final: GameState;
  /** The machine's state at the end. */
  value: string;
  over: boolean;
}

type Path = Problem['path'];

/** A step of a line of play as written: the historical line's, or a scenario test's (whose posture and tone have defaults). */
export type PlayedStep = Pick<HistoricalStep, 'round' | 'proposal' | 'response' | 'reply'>;

/** The tracks of a package that are still open: the line's packages may name tracks agreed earlier. */
const stillOpen = (positions: Positions, agreed: GameState['agreed'] | null): Positions =>
  agreed ? Object.fromEntries(Object.entries(positions).filter(([trackId]) => !(trackId in agreed))) : positions;

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
  const at = (path: Path, message: string) => faults.push({ path: [...stepPath, ...path], message: `round "${step.round}": ${message}` });
  const track = (id: string) => scenario.tracks.find((item) => item.id === id);

  const ownMove = (path: Path, who: string, what: string, move: string | null) => {
    const fault = moveFault(scenario, who, what, move);
    if (fault) at(path, fault);
  };
  const tabled = (path: Path, who: string, what: string, positions: Positions) =>
    packageFaults(scenario, who, what, positions, agreed).forEach((fault) => at([...path, ...fault.path], fault.message));
  /** Tracks a side accepts from a package: named in it, none of them its own red line, no linked group split. */
  const accepted = (path: Path, who: string, what: string, positions: Positions, tracks: readonly string[]) => {
    if (tracks.length === 0) at(path, `${what} accepts no track: name at least one`);
    for (const trackId of tracks) {
      const positionId = positions[trackId];
      const item = track(trackId);
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
  };
  /** Each kind of answer carries exactly the fields it needs. */
  const fields = (path: Path, what: string, answer: { kind: string; tracks?: unknown; counter?: unknown }) => {
    if ((answer.tracks !== undefined) !== (answer.kind === 'accept-some')) {
      at(
        path,
        answer.tracks === undefined
          ? `${what} lists no "tracks": say which tracks are accepted`
          : `${what} lists "tracks", which only accept-some takes`,
      );
    }
    if ((answer.counter !== undefined) !== (answer.kind === 'counter')) {
      at(
        path,
        answer.counter === undefined ? `${what} has no "counter" package` : `${what} has a "counter" package, which only counter takes`,
      );
    }
  };

  const proposal = stillOpen(step.proposal.positions, agreed);
  ownMove(['proposal', 'posture'], proposer, `the proposal by "${proposer}"`, step.proposal.posture);
  tabled(['proposal', 'positions'], proposer, `the proposal by "${proposer}"`, proposal);

  const response = step.response;
  const answer = `the ${response.kind} by "${responder}"`;
  ownMove(['response', 'posture'], responder, answer, response.posture);
  fields(['response'], answer, response);
  if (response.kind === 'accept') accepted(['response'], responder, answer, proposal, Object.keys(proposal));
  if (response.kind === 'accept-some' && response.tracks) accepted(['response', 'tracks'], responder, answer, proposal, response.tracks);
  const counter = response.counter && stillOpen(response.counter, agreed);
  if (response.kind === 'counter' && counter) tabled(['response', 'counter'], responder, answer, counter);

  const reply = step.reply;
  if (reply && response.kind !== 'counter') {
    at(['reply'], `a reply answers a counter, but "${responder}" answered with ${response.kind}: remove the reply`);
  } else if (!reply && response.kind === 'counter') {
    at(['response'], `"${responder}" counters, and the line gives no reply by "${proposer}": add one`);
  } else if (reply && counter) {
    const what = `the reply ${reply.kind} by "${proposer}"`;
    fields(['reply'], what, reply);
    if (reply.kind === 'accept') accepted(['reply'], proposer, what, counter, Object.keys(counter));
    if (reply.kind === 'accept-some' && reply.tracks) accepted(['reply', 'tracks'], proposer, what, counter, reply.tracks);
  }
  return faults;
}

export function playHistoricalLine(scenario: Scenario, seed: number | string = 1): HistoricalPlay {
  const run = new GameRun(scenario);
  const sent: HistoricalPlay['sent'] = [];
  const refusals: Problem[] = [];
  let playing = true;
  const send = (event: GameEvent) => {
    const taken = run.send(event);
    sent.push({ event, taken });
    return taken;
  };
  /** Sends a step's event; when the game refuses it and nothing above explained why, says so plainly. */
  const take = (event: GameEvent, explained: boolean, path: Path, what: string) => {
    if (send(event)) return true;
    if (!explained) refusals.push({ path, message: `the game does not accept ${what}` });
    playing = false;
    return false;
  };
  send({ type: 'START', setup: { seed, playerSide: scenario.sides[0]!.id, opponent: { kind: 'hotseat' } } });
  scenario.debrief.line.forEach((step, s) => {
    if (!playing || run.isOver) {
      refusals.push(...stepFaults(scenario, step, ['debrief', 'line', s], null));
      return;
    }
    send({ type: 'CONTINUE' });
    if (run.isOver) return;
    const game = run.snapshot.context.game!;
    const record = game.rounds[game.round]!;
    if (scenario.rounds[game.round]?.id !== step.round) {
      refusals.push({
        path: ['debrief', 'line', s, 'round'],
        message: `the line reaches round ${game.round + 1} here, not "${step.round}"`,
      });
      playing = false;
      refusals.push(...stepFaults(scenario, step, ['debrief', 'line', s], null));
      return;
    }
    const faults = stepFaults(scenario, step, ['debrief', 'line', s], game.agreed);
    refusals.push(...faults);
    const explained = faults.length > 0;
    // A step with a fault leaves the line off course: the steps after it are read, not played.
    if (explained) playing = false;
    const prefix = `round "${step.round}": `;
    const proposal = { side: record.proposer, ...step.proposal, positions: stillOpen(step.proposal.positions, game.agreed) };
    if (
      !take({ type: 'PROPOSE', proposal }, explained, ['debrief', 'line', s, 'proposal'], `${prefix}the proposal by "${record.proposer}"`)
    )
      return;
    const { kind, tracks, counter, posture, tone } = step.response;
    const response = {
      side: record.responder,
      kind,
      ...(tracks ? { tracks } : {}),
      ...(counter ? { counter: stillOpen(counter, game.agreed) } : {}),
      posture,
      tone,
    };
    if (
      !take({ type: 'RESPOND', response }, explained, ['debrief', 'line', s, 'response'], `${prefix}the ${kind} by "${record.responder}"`)
    )
      return;
    if (step.reply) {
      const reply = { type: 'REPLY', reply: { side: record.proposer, ...step.reply } } as const;
      if (!take(reply, explained, ['debrief', 'line', s, 'reply'], `${prefix}the reply by "${record.proposer}"`)) return;
    }
    send({ type: 'CONTINUE' });
    if (run.snapshot.value === 'incident') send({ type: 'CONTINUE' });
  });
  // An outcome reached at a resolution or an incident takes one more CONTINUE to end the game.
  for (let i = 0; i < 3 && !run.isOver && run.snapshot.context.game?.outcome; i++) send({ type: 'CONTINUE' });
  const final = run.snapshot.context.game!;
  const value = String(run.snapshot.value);
  const over = run.isOver;
  run.stop();
  return { sent, refusals, final, value, over };
}

const NO_DEAL: readonly OutcomeKind[] = ['stalemate', 'walkout'];

/**
 * Where the debrief's outcome says something other than where the line ends in the game: the
 * tracks agreed and on what, and how the talks ended.
 */
export function outcomeContradictions(scenario: Scenario, play: HistoricalPlay): Problem[] {
  // A refused line never reaches its end; a line that chance ended in war never reached the outcome (history tests weigh that).
  if (play.refusals.length > 0 || play.final.outcome?.kind === 'war') return [];
  const found: Problem[] = [];
  const outcome = scenario.debrief.outcome;
  const reached = play.final.agreed;
  // A line shorter than the scenario stops with the talks still on: what it has not agreed yet may come later.
  const over = play.final.outcome !== null;
  for (const [trackId, positionId] of Object.entries(outcome.agreed)) {
    const got = reached[trackId]?.position;
    if (got === positionId || (got === undefined && !over)) continue;
    found.push({
      path: ['debrief', 'outcome', 'agreed', trackId],
      message:
        got === undefined
          ? `the outcome has track "${trackId}" agreed on "${positionId}", but the historical line leaves it open`
          : `the outcome has track "${trackId}" agreed on "${positionId}", but the historical line agrees it on "${got}"`,
    });
  }
  for (const [trackId, { position, round }] of Object.entries(reached)) {
    if (!(trackId in outcome.agreed)) {
      found.push({
        path: ['debrief', 'outcome', 'agreed'],
        message: `the historical line agrees track "${trackId}" on "${position}" in round "${scenario.rounds[round]?.id}", but the outcome does not name it: add it to agreed`,
      });
    }
  }
  const ended = play.final.outcome;
  // Talks that end without a deal may historically be followed by war outside the room.
  const compatible = outcome.kind === 'war' && NO_DEAL.includes(ended?.kind ?? 'war');
  if (ended && !compatible && ended.kind !== outcome.kind) {
    found.push({
      path: ['debrief', 'outcome', 'kind'],
      message: `the outcome is "${outcome.kind}", but the historical line ends in "${ended.kind}" in round "${scenario.rounds[ended.round]?.id}"`,
    });
  }
  return found;
}

/** Every warning about the historical line: the steps the game refuses, and an outcome the line contradicts. */
export function historicalLineWarnings(scenario: Scenario): Problem[] {
  const play = playHistoricalLine(scenario);
  return [...play.refusals, ...outcomeContradictions(scenario, play)];
}
