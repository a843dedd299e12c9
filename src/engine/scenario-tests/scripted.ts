/**
 * Scripted cases: a line of play at one screen (both sides' moves given), then an offer put to
 * AI personas of one side, for several seeds. Played with the pure rules and the AI functions
 * themselves — not the machine, which would let the AI move by itself during the line.
 */
import { aiPropose, aiReply, aiRespond } from '../ai/counterpart.ts';
import { isLegalProposal, isLegalResponse } from '../rules/legal.ts';
import { applyProposal, applyResponse, newGame, openRound } from '../rules/round.ts';
import type { GameState, Outcome, Positions, Proposal, Response } from '../rules/state.ts';
import { openTracks, otherSide, track } from '../rules/world.ts';
import { formatPath } from '../scenario/problems.ts';
import type { Path } from '../scenario/reference-checker.ts';
import type { Persona, Scenario } from '../scenario/schema.ts';
import { offerPackages } from './offers.ts';
import { orList, type CaseResult } from './result.ts';
import type { LineStep, ScriptedCase } from './schema.ts';
import { packageHint, playLine, writtenProposal } from './scripted-line.ts';
import { packageText, scriptedResult, type Trial } from './scripted-result.ts';

/** The case as it runs: what it asks, where it sits in its document, and what it has found so far. */
interface Sweep {
  scenario: Scenario;
  item: ScriptedCase;
  path: Path;
  /** The side that makes the offer: the one the personas do not play. */
  offering: string;
  steps: { step: LineStep; path: Path }[];
  trials: Trial[];
  /** The seeds whose game ended before the offer, and how. */
  ended: Map<number, Outcome>;
  errors: Set<string>;
  packageCount: number;
}

/** What a persona answered to one package. */
interface Answer {
  answer: string;
  counter: Positions | null;
  tracks: string[] | undefined;
  reasons: string[];
}

export function runScriptedCase(scenario: Scenario, item: ScriptedCase, path: Path): CaseResult {
  const personas: Persona[] = (
    item.personas ?? scenario.personas.filter((persona) => persona.side === item.side).map((persona) => persona.id)
  ).map((personaId) => scenario.personas.find((persona) => persona.id === personaId)!);
  const sweep: Sweep = {
    scenario,
    item,
    path,
    offering: otherSide(scenario, item.side),
    steps: [
      ...scenario.debrief.line
        .slice(0, item.historyRounds)
        .map((step, k) => ({ step: step as LineStep, path: ['debrief', 'line', k] as Path })),
      ...item.line.map((step, k) => ({ step, path: [...path, 'line', k] as Path })),
    ],
    trials: [],
    ended: new Map(),
    errors: new Set(),
    packageCount: 0,
  };
  for (const persona of personas) {
    for (let seed = item.firstSeed; seed < item.firstSeed + item.seeds; seed++) runSeed(sweep, persona, seed);
  }
  return scriptedResult(item, personas, sweep.trials, sweep.ended, [...sweep.errors], sweep.packageCount);
}

/** Plays the line for one persona and seed, then puts every package of the offer to the persona. */
function runSeed(sweep: Sweep, persona: Persona, seed: number): void {
  const { scenario, item, path, offering } = sweep;
  const start = openRound(scenario, newGame(scenario, { seed, playerSide: offering, opponent: { kind: 'ai', persona: persona.id } }));
  const state = start.outcome ? ({ kind: 'ended', outcome: start.outcome } as const) : playLine(scenario, start, sweep.steps);
  if ('kind' in state) {
    if (state.kind === 'ended') sweep.ended.set(seed, state.outcome);
    else sweep.errors.add(state.message);
    return;
  }
  const personaProposes = state.rounds[state.round]!.proposer === item.side;
  const packages = offerPackages(scenario, state, item.offer, offering);
  sweep.packageCount = packages.length;
  const missing = openTracks(scenario, state).filter((candidate) => !(candidate.id in item.offer.positions));
  if (missing.length > 0) {
    sweep.errors.add(
      `${formatPath([...path, 'offer', 'positions'])}: missing the open track${missing.length === 1 ? '' : 's'} ${missing.map((candidate) => candidate.id).join(', ')}`,
    );
    return;
  }
  const table = personaProposes ? personaProposal(sweep, state, persona) : offerTable(sweep, state);
  if (typeof table === 'string') {
    sweep.errors.add(table);
    return;
  }
  for (const positions of packages) {
    const answered = personaProposes ? replyTo(sweep, table, persona, positions) : respondTo(sweep, table, persona, positions);
    if (typeof answered === 'string') {
      sweep.errors.add(answered);
      continue;
    }
    const trial = {
      persona: persona.id,
      seed,
      round: state.round + 1,
      stage: personaProposes ? ('reply' as const) : ('response' as const),
      offer: positions,
      answer: answered.answer,
      counter: answered.counter,
      agreed: agreedBy(answered.answer, positions, answered.tracks),
      reasons: answered.reasons,
    };
    sweep.trials.push({ ...trial, broken: judgeTrial(scenario, item, trial) });
  }
}

/** The table when the persona proposes: the case's written proposal, or the persona's own. */
function personaProposal(sweep: Sweep, state: GameState, persona: Persona): GameState | string {
  const { scenario, item, path } = sweep;
  if (item.proposal) {
    const proposal = writtenProposal(scenario, state, item.side, item.proposal, path);
    return typeof proposal === 'string' ? proposal : applyProposal(scenario, state, proposal);
  }
  const choice = aiPropose(scenario, state, item.side, persona);
  return applyProposal(scenario, state, choice.move, choice, choice.rng);
}

/** The table when the offer is the proposal: as it stands, unless the case also writes a proposal the persona cannot make. */
function offerTable(sweep: Sweep, state: GameState): GameState | string {
  const { item, path } = sweep;
  return item.proposal ? `${formatPath([...path, 'proposal'])}: "${item.side}" does not propose in round ${state.round + 1}` : state;
}

/** The persona's reply to the package offered as a counter-proposal to its proposal. */
function replyTo(sweep: Sweep, table: GameState, persona: Persona, positions: Positions): Answer | string {
  const { scenario, item, path, offering } = sweep;
  const response: Response = { side: offering, kind: 'counter', counter: positions, posture: item.offer.posture, tone: item.offer.tone };
  if (!isLegalResponse(scenario, table, response)) {
    return `${formatPath([...path, 'offer'])}: the rules refuse the counter-proposal ${packageText(positions)} by "${offering}"`;
  }
  const choice = aiReply(scenario, applyResponse(scenario, table, response), item.side, persona);
  return { answer: choice.move.kind, counter: null, tracks: choice.move.tracks, reasons: choice.decision.reasons };
}

/** The persona's response to the package offered as a proposal. */
function respondTo(sweep: Sweep, table: GameState, persona: Persona, positions: Positions): Answer | string {
  const { scenario, item, path, offering } = sweep;
  const proposal: Proposal = { side: offering, positions, posture: item.offer.posture, tone: item.offer.tone };
  if (!isLegalProposal(scenario, table, proposal)) {
    return `${formatPath([...path, 'offer'])}: the rules refuse the proposal ${packageText(positions)} by "${offering}"${packageHint(scenario, table, offering, positions, item.offer.posture)}`;
  }
  const choice = aiRespond(scenario, applyProposal(scenario, table, proposal), item.side, persona);
  return { answer: choice.move.kind, counter: choice.move.counter ?? null, tracks: choice.move.tracks, reasons: choice.decision.reasons };
}

function agreedBy(answer: string, positions: Positions, tracks: readonly string[] | undefined): Positions {
  if (answer === 'accept') return positions;
  if (answer === 'accept-some') return Object.fromEntries(Object.entries(positions).filter(([trackId]) => tracks?.includes(trackId)));
  return {};
}

function judgeTrial(scenario: Scenario, item: ScriptedCase, trial: Omit<Trial, 'broken'>): string[] {
  const broken: string[] = [];
  const { answers, keeps, refuses } = item.expect;
  if (answers && !answers.includes(trial.answer as (typeof answers)[number])) broken.push(`answered ${trial.answer}`);
  if (keeps && trial.answer === 'counter' && trial.counter) {
    for (const [trackId, allowed] of Object.entries(keeps)) {
      const kept = trial.counter[trackId];
      if (kept === undefined || !allowed.includes(kept)) {
        broken.push(`countered with ${track(scenario, trackId).name} at ${kept ?? '(agreed earlier)'}, not ${orList(allowed)}`);
      }
    }
  }
  for (const [trackId, banned] of Object.entries(refuses ?? {})) {
    const agreed = trial.agreed[trackId];
    if (agreed !== undefined && banned.includes(agreed)) broken.push(`agreed to ${track(scenario, trackId).name} at ${agreed}`);
  }
  return broken;
}
