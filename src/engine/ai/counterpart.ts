/**
 * The AI counterpart. Deterministic for a given state (its only dice are the game's seeded
 * generator) and explainable: every decision keeps its numbers and its reasons in plain
 * sentences, with the glossary entries behind them, for the debrief. It is consistent: it never
 * counters with what it was offered, and its posture and tone match what it decided.
 */
import { Dice } from '../random.ts';
import { quoteAvailableIn } from '../scenario/dates.ts';
import type { Mood, Persona, Scenario } from '../scenario/schema.ts';
import type { AiNote } from '../rules/round.ts';
import type { Decision, GameState, Proposal, Reply, Response } from '../rules/state.ts';
import { otherSide, sideShortName as shortName, stancePositions } from '../rules/world.ts';
import { answer, lastPackageBefore } from './answer.ts';
import { cheapestConcession } from './concession.ts';
import { acceptsPart, acceptsWhole, judge, onTable, worthTakingNames, type Judgement } from './judgement.ts';
import { describeConcession, describeCore, describeOutside, describeRedLines, describeValue, describeZeuthen } from './reasons.ts';
import { chooseStance, type Stance } from './stance.ts';
import { zeuthen, type ZeuthenReading } from './valuation.ts';

export interface AiChoice<T> extends AiNote {
  move: T;
  rng: number;
}

export function personaOf(scenario: Scenario, state: GameState, side: string): Persona | null {
  const { opponent, playerSide } = state.setup;
  if (opponent.kind !== 'ai' || side === playerSide) return null;
  return scenario.personas.find((persona) => persona.id === opponent.persona && persona.side === side) ?? null;
}

/** A sourced quote that fits the mood and had been said by the round's date, or none. */
function statementFor(scenario: Scenario, state: GameState, side: string, mood: Mood, dice: Dice) {
  const quotes = scenario.quotes.filter(
    (quote) => quote.side === side && quote.mood === mood && quoteAvailableIn(scenario, quote, state.round),
  );
  return { side, mood, quote: quotes.length > 0 ? dice.pick(quotes).id : null };
}

function decision(
  state: GameState,
  side: string,
  persona: Persona,
  stage: Decision['stage'],
  kind: string,
  judged: Judgement,
  reading: ZeuthenReading | null,
  reasons: string[],
  terms: string[],
): Decision {
  return {
    round: state.round,
    side,
    persona: persona.id,
    stage,
    kind,
    utility: judged.utility,
    reservation: judged.reservation.value,
    reservationTerms: judged.reservation.terms,
    zeuthen: reading ? { self: reading.self, other: reading.other } : null,
    redLines: judged.redLines,
    reasons,
    terms: [...new Set(terms)],
  };
}

function moodOf(kind: Response['kind'] | Reply['kind']): Mood {
  return kind === 'accept-some' ? 'accept' : kind;
}

/** The AI tables a package: its standing demands, one step softer where Zeuthen says it must give. */
export function aiPropose(scenario: Scenario, state: GameState, side: string, persona: Persona): AiChoice<Proposal> {
  const dice = new Dice(state.rng);
  const own = stancePositions(scenario, state, side);
  const theirs = stancePositions(scenario, state, otherSide(scenario, side));
  const reading = zeuthen(scenario, state, side, persona, own, theirs);
  // The first package of the talks states its demands: there is nothing yet to answer with a concession.
  const opening = lastPackageBefore(state, otherSide(scenario, side)) === null && state.round === 0;
  const concession = reading.concede && !opening ? cheapestConcession(scenario, state, side, own, theirs, true) : null;
  const positions = concession?.positions ?? own;
  const stance = chooseStance(scenario, state, side, persona, dice, concession ? 'concede' : 'hold');
  const judged = judge(scenario, state, side, persona, positions);
  const reasons = [
    opening
      ? `${shortName(scenario, side)} opens the talks with its demands.`
      : describeZeuthen(scenario, side, reading, concession ? 'concedes' : 'holds'),
    ...(concession ? [describeConcession(scenario, side, concession)] : []),
    describeOutside(scenario, side, persona, judged.reservation),
    stance.reason,
  ];
  return {
    move: { side, positions, posture: stance.posture?.id ?? null, tone: stance.tone },
    decision: decision(state, side, persona, 'proposal', concession ? 'concede' : 'hold', judged, reading, reasons, [
      'zeuthen',
      'outside-option',
      ...(concession ? ['logrolling'] : []),
      ...stance.terms,
    ]),
    statement: statementFor(scenario, state, side, stance.tone === 'belligerent' ? 'warn' : 'open', dice),
    rng: dice.state,
  };
}

/** What the AI weighs when a package is put to it, and the first of its reasons. */
function weighTable(scenario: Scenario, state: GameState, side: string, persona: Persona) {
  const positions = onTable(state);
  const judged = judge(scenario, state, side, persona, positions);
  const reasons = [
    describeValue(scenario, side, judged.utility, judged.reservation.value),
    describeOutside(scenario, side, persona, judged.reservation),
  ];
  const redLines = describeRedLines(scenario, positions, judged.redLines);
  if (redLines) reasons.push(redLines);
  const core = judged.coreRefused ? describeCore(scenario, side, positions, judged.coreRefused) : null;
  if (core) reasons.push(core);
  return {
    dice: new Dice(state.rng),
    positions,
    judged,
    reasons,
    terms: ['outside-option', ...(redLines ? ['red-line'] : []), ...(core ? ['deadline'] : [])],
  };
}

export function aiRespond(scenario: Scenario, state: GameState, side: string, persona: Persona): AiChoice<Response> {
  const { dice, positions, judged, reasons, terms } = weighTable(scenario, state, side, persona);
  const decided = answer(scenario, state, side, persona, positions, judged);
  const stance: Stance = chooseStance(scenario, state, side, persona, dice, decided.kind === 'counter' ? 'concede' : decided.kind);
  return {
    move: {
      side,
      kind: decided.kind,
      ...(decided.tracks ? { tracks: decided.tracks } : {}),
      ...(decided.counter ? { counter: decided.counter } : {}),
      posture: stance.posture?.id ?? null,
      tone: stance.tone,
    },
    decision: decision(
      state,
      side,
      persona,
      'response',
      decided.kind,
      judged,
      decided.reading ?? null,
      [...reasons, ...decided.reasons, stance.reason],
      [...terms, ...decided.terms, ...stance.terms],
    ),
    statement: statementFor(scenario, state, side, moodOf(decided.kind), dice),
    rng: dice.state,
  };
}

/** The AI's answer to a counter-proposal: accept it, accept part of it, or reject it. */
export function aiReply(scenario: Scenario, state: GameState, side: string, persona: Persona): AiChoice<Reply> {
  const { dice, positions, judged, reasons, terms } = weighTable(scenario, state, side, persona);
  const self = shortName(scenario, side);
  let move: Reply;
  if (acceptsWhole(judged)) {
    move = { side, kind: 'accept' };
    reasons.push(`That is enough: ${self} accepts the counter-proposal.`);
  } else if (acceptsPart(judged, positions)) {
    move = { side, kind: 'accept-some', tracks: judged.worthTaking };
    const names = worthTakingNames(scenario, judged);
    reasons.push(
      `Only ${names} would be worth taking on ${judged.worthTaking.length > 1 ? 'their' : 'its'} own: ${self} accepts that part.`,
    );
  } else {
    move = { side, kind: 'reject' };
    reasons.push(`The counter-proposal falls short: ${self} rejects it.`);
  }
  return {
    move,
    decision: decision(state, side, persona, 'reply', move.kind, judged, null, reasons, [...terms, 'reservation-value']),
    statement: statementFor(scenario, state, side, moodOf(move.kind), dice),
    rng: dice.state,
  };
}
