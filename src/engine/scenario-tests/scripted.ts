/**
 * Scripted cases: a line of play at one screen (both sides' moves given), then an offer put to
 * AI personas of one side, for several seeds. Played with the pure rules and the AI functions
 * themselves — not the machine, which would let the AI move by itself during the line.
 */
import { aiPropose, aiReply, aiRespond } from '../ai/counterpart.ts';
import { isLegalProposal, isLegalReply, isLegalResponse } from '../rules/legal.ts';
import {
  advanceRound,
  applyIncident,
  applyProposal,
  applyReply,
  applyResponse,
  hasPendingIncident,
  newGame,
  openRound,
  resolveRound,
} from '../rules/round.ts';
import type { GameState, Outcome, Positions, Proposal, Response } from '../rules/state.ts';
import { openTracks, otherSide, track } from '../rules/world.ts';
import { moveFault, packageFaults, stepFaults } from '../scenario/historical-line.ts';
import { formatPath, formatProblem } from '../scenario/problems.ts';
import type { Persona, Scenario } from '../scenario/schema.ts';
import { offeredPositions } from './references.ts';
import { orList, plural, seedRuns, type CaseResult } from './result.ts';
import type { LineStep, Offer, ScriptedCase } from './schema.ts';

type Path = readonly (string | number)[];

/** One answer of one persona, for one seed and one package. */
export interface Trial {
  persona: string;
  seed: number;
  /** The round of the offer (1 is the first) and whether the persona responds or replies. */
  round: number;
  stage: 'response' | 'reply';
  offer: Positions;
  answer: string;
  counter: Positions | null;
  /** The positions the answer agrees to. */
  agreed: Positions;
  reasons: string[];
  /** What in this answer breaks the expectation; empty when it holds. */
  broken: string[];
}

/** A step of the line the rules refused, or the game ending before the offer. */
type LineEnd = { kind: 'refused'; message: string } | { kind: 'ended'; outcome: Outcome };

const open = (state: GameState, positions: Positions): Positions =>
  Object.fromEntries(Object.entries(positions).filter(([trackId]) => !(trackId in state.agreed)));

/** Resolves the round and, unless the game is over, moves on to the next one. */
function finishRound(scenario: Scenario, state: GameState): GameState {
  let next = resolveRound(scenario, state);
  if (hasPendingIncident(next)) next = applyIncident(scenario, next);
  return next.outcome ? next : advanceRound(scenario, next);
}

/** Plays the steps of a line; returns the state at the opening of the round after them. */
function playLine(scenario: Scenario, start: GameState, steps: { step: LineStep; path: Path }[]): GameState | LineEnd {
  let state = start;
  for (const { step, path } of steps) {
    if (state.outcome) return { kind: 'ended', outcome: state.outcome };
    const record = state.rounds[state.round]!;
    // What the rules refuse in the step, said exactly, before the step is played.
    const faults = stepFaults(scenario, step, path, state.agreed);
    if (faults.length > 0) return { kind: 'refused', message: faults.map(formatProblem).join('; ') };
    const proposal = writtenProposal(scenario, state, record.proposer, step.proposal, path);
    if (typeof proposal === 'string') return { kind: 'refused', message: proposal };
    state = applyProposal(scenario, state, proposal);
    const { kind, tracks, counter, posture, tone } = step.response;
    const response: Response = {
      side: record.responder,
      kind,
      ...(tracks ? { tracks } : {}),
      ...(counter ? { counter: open(state, counter) } : {}),
      posture,
      tone,
    };
    if (!isLegalResponse(scenario, state, response)) {
      return {
        kind: 'refused',
        message: `${formatPath([...path, 'response'])}: the rules refuse this ${kind} by "${record.responder}"`,
      };
    }
    state = applyResponse(scenario, state, response);
    if (kind === 'counter' && !step.reply) {
      return { kind: 'refused', message: `${formatPath([...path, 'reply'])}: missing: a counter-proposal needs the proposer's reply` };
    }
    if (step.reply) {
      const reply = { side: record.proposer, kind: step.reply.kind, ...(step.reply.tracks ? { tracks: step.reply.tracks } : {}) };
      if (!isLegalReply(scenario, state, reply)) {
        return {
          kind: 'refused',
          message: `${formatPath([...path, 'reply'])}: the rules refuse this reply by "${record.proposer}"`,
        };
      }
      state = applyReply(scenario, state, reply);
    }
    state = finishRound(scenario, state);
  }
  return state.outcome ? { kind: 'ended', outcome: state.outcome } : state;
}

/**
 * The proposal a step or an offer writes down, on the tracks still open, or why the rules refuse
 * it (the error for the `proposal` field under `path`).
 */
function writtenProposal(
  scenario: Scenario,
  state: GameState,
  side: string,
  written: Omit<Proposal, 'side'>,
  path: Path,
): Proposal | string {
  const proposal: Proposal = { side, positions: open(state, written.positions), posture: written.posture, tone: written.tone };
  if (isLegalProposal(scenario, state, proposal)) return proposal;
  return `${formatPath([...path, 'proposal'])}: the rules refuse this proposal by "${side}"${packageHint(scenario, state, side, proposal.positions, proposal.posture)}`;
}

/** Why the rules refuse a package with a posture move, said exactly: its own red lines, an open track left out, a move of the other side. */
function packageHint(scenario: Scenario, state: GameState, side: string, positions: Positions, posture: string | null): string {
  const faults = [
    ...packageFaults(scenario, side, 'it', positions, state.agreed).map((fault) => fault.message),
    ...[moveFault(scenario, side, 'it', posture)].filter((fault) => fault !== null),
  ];
  return faults.length > 0 ? ` (${faults.join('; ')})` : '';
}

/** Every package an offer stands for, on the tracks still open. */
export function offerPackages(scenario: Scenario, state: GameState, offer: Offer, offering: string): Positions[] {
  let packages: Positions[] = [{}];
  for (const item of openTracks(scenario, state)) {
    const choice = offer.positions[item.id];
    if (choice === undefined) continue;
    const options = offeredPositions(item, offering, choice);
    packages = packages.flatMap((partial) => options.map((positionId) => ({ ...partial, [item.id]: positionId })));
  }
  return packages;
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

const packageText = (positions: Positions) =>
  Object.entries(positions)
    .map(([trackId, positionId]) => `${trackId}: ${positionId}`)
    .join(', ');

export function runScriptedCase(scenario: Scenario, item: ScriptedCase, path: Path): CaseResult {
  const personas: Persona[] = (
    item.personas ?? scenario.personas.filter((persona) => persona.side === item.side).map((persona) => persona.id)
  ).map((personaId) => scenario.personas.find((persona) => persona.id === personaId)!);
  const offering = otherSide(scenario, item.side);
  const steps = [
    ...scenario.debrief.line
      .slice(0, item.historyRounds)
      .map((step, k) => ({ step: step as LineStep, path: ['debrief', 'line', k] as Path })),
    ...item.line.map((step, k) => ({ step, path: [...path, 'line', k] as Path })),
  ];
  const trials: Trial[] = [];
  const ended = new Map<number, Outcome>();
  const errors = new Set<string>();
  let packageCount = 0;

  for (const persona of personas) {
    for (let seed = item.firstSeed; seed < item.firstSeed + item.seeds; seed++) {
      const start = openRound(scenario, newGame(scenario, { seed, playerSide: offering, opponent: { kind: 'ai', persona: persona.id } }));
      const state = start.outcome ? ({ kind: 'ended', outcome: start.outcome } as const) : playLine(scenario, start, steps);
      if ('kind' in state) {
        if (state.kind === 'ended') ended.set(seed, state.outcome);
        else errors.add(state.message);
        continue;
      }
      const record = state.rounds[state.round]!;
      const personaProposes = record.proposer === item.side;
      const packages = offerPackages(scenario, state, item.offer, offering);
      packageCount = packages.length;
      const missing = openTracks(scenario, state).filter((candidate) => !(candidate.id in item.offer.positions));
      if (missing.length > 0) {
        errors.add(
          `${formatPath([...path, 'offer', 'positions'])}: missing the open track${missing.length === 1 ? '' : 's'} ${missing.map((candidate) => candidate.id).join(', ')}`,
        );
        continue;
      }
      let table = state;
      if (personaProposes) {
        if (item.proposal) {
          const proposal = writtenProposal(scenario, state, item.side, item.proposal, path);
          if (typeof proposal === 'string') {
            errors.add(proposal);
            continue;
          }
          table = applyProposal(scenario, state, proposal);
        } else {
          const choice = aiPropose(scenario, state, item.side, persona);
          table = applyProposal(scenario, state, choice.move, choice, choice.rng);
        }
      } else if (item.proposal) {
        errors.add(`${formatPath([...path, 'proposal'])}: "${item.side}" does not propose in round ${state.round + 1}`);
        continue;
      }
      for (const positions of packages) {
        let answer: string;
        let counter: Positions | null = null;
        let tracks: string[] | undefined;
        let reasons: string[];
        if (personaProposes) {
          const response: Response = {
            side: offering,
            kind: 'counter',
            counter: positions,
            posture: item.offer.posture,
            tone: item.offer.tone,
          };
          if (!isLegalResponse(scenario, table, response)) {
            errors.add(
              `${formatPath([...path, 'offer'])}: the rules refuse the counter-proposal ${packageText(positions)} by "${offering}"`,
            );
            continue;
          }
          const countered = applyResponse(scenario, table, response);
          const choice = aiReply(scenario, countered, item.side, persona);
          ({ kind: answer, tracks } = choice.move);
          reasons = choice.decision.reasons;
        } else {
          const proposal: Proposal = { side: offering, positions, posture: item.offer.posture, tone: item.offer.tone };
          if (!isLegalProposal(scenario, table, proposal)) {
            errors.add(
              `${formatPath([...path, 'offer'])}: the rules refuse the proposal ${packageText(positions)} by "${offering}"${packageHint(scenario, table, offering, positions, item.offer.posture)}`,
            );
            continue;
          }
          const proposed = applyProposal(scenario, table, proposal);
          const choice = aiRespond(scenario, proposed, item.side, persona);
          ({ kind: answer, tracks } = choice.move);
          counter = choice.move.counter ?? null;
          reasons = choice.decision.reasons;
        }
        const trial = {
          persona: persona.id,
          seed,
          round: state.round + 1,
          stage: personaProposes ? ('reply' as const) : ('response' as const),
          offer: positions,
          answer,
          counter,
          agreed: agreedBy(answer, positions, tracks),
          reasons,
        };
        trials.push({ ...trial, broken: judgeTrial(scenario, item, trial) });
      }
    }
  }
  return scriptedResult(item, personas, trials, ended, [...errors], packageCount);
}

function scriptedResult(
  item: ScriptedCase,
  personas: Persona[],
  trials: Trial[],
  ended: Map<number, Outcome>,
  errors: string[],
  packageCount: number,
): CaseResult {
  const failures: string[] = [...errors];
  const reasons: string[] = [];
  const out = (count: number, total: number) => (packageCount > 1 ? `${count} of ${total} answers` : `${count} of ${total} seeds`);
  const tally: Record<string, Record<string, number>> = {};
  for (const persona of personas) {
    const own = trials.filter((trial) => trial.persona === persona.id);
    const counts: Record<string, number> = {};
    for (const trial of own) counts[trial.answer] = (counts[trial.answer] ?? 0) + 1;
    tally[persona.id] = counts;
    const broken = own.filter((trial) => trial.broken.length > 0);
    if (broken.length === 0) continue;
    const byBreak = new Map<string, Trial[]>();
    for (const trial of broken) {
      for (const what of trial.broken) byBreak.set(what, [...(byBreak.get(what) ?? []), trial]);
    }
    for (const [what, which] of byBreak) {
      const example = which[0]!;
      const where = packageCount > 1 ? ` (e.g. seed ${example.seed}, offered ${packageText(example.offer)})` : '';
      failures.push(`${persona.id} ${what} in ${out(which.length, own.length)}${where}`);
    }
    const first = broken[0]!;
    const offered = packageCount > 1 ? `, offered ${packageText(first.offer)}` : '';
    reasons.push(
      `${persona.id}, seed ${first.seed} (round ${first.round}, ${first.stage}${offered}): ${first.answer}${first.counter ? ` with ${packageText(first.counter)}` : ''}`,
    );
    for (const reason of first.reasons) reasons.push(`  ${reason}`);
  }
  // A seed in which the game ends before the offer (an incident escalates during the line) asks
  // nothing of the personas: it is noted, and the case fails only if no seed reaches the offer.
  let skipped = '';
  if (ended.size > 0) {
    const bySeed = [...ended.entries()];
    const example = bySeed[0]![1];
    skipped = `; the game ended before the offer in seed${ended.size === 1 ? '' : 's'} ${seedRuns(bySeed.map(([seed]) => seed))} (${example.kind} in round ${example.round + 1}: ${example.reason})`;
  }
  if (trials.length === 0 && failures.length === 0) failures.push(`no seed reached the offer${skipped}`);
  const allowed = item.expect.answers ? ` (allowed: ${item.expect.answers.join(', ')})` : '';
  const counts = Object.entries(tally)
    .map(
      ([personaId, answers]) =>
        `${personaId} ${
          Object.entries(answers)
            .map(([answer, count]) => `${answer} ${count}`)
            .join(', ') || 'no answer'
        }`,
    )
    .join('; ');
  const scope = `${plural(item.seeds, 'seed')}${packageCount > 1 ? ` × ${packageCount} packages` : ''}`;
  return {
    name: item.name,
    kind: 'scripted',
    why: item.why ?? null,
    holds: failures.length === 0,
    summary: `${scope}: ${counts}${allowed}${skipped}`,
    failures,
    reasons,
    details: {
      side: item.side,
      personas: personas.map((persona) => persona.id),
      seeds: { first: item.firstSeed, count: item.seeds },
      packages: packageCount,
      answers: tally,
      endedBeforeOffer: Object.fromEntries(ended),
      failing: trials
        .filter((trial) => trial.broken.length > 0)
        .slice(0, 50)
        .map(({ persona, seed, round, stage, offer, answer, counter, broken, reasons: why }) => ({
          persona,
          seed,
          round,
          stage,
          offer,
          answer,
          counter,
          broken,
          reasons: why,
        })),
    },
  };
}
