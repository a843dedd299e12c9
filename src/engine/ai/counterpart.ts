/**
 * The AI counterpart. Deterministic for a given state (its only dice are the game's seeded
 * generator) and explainable: every decision keeps its numbers and its reasons in plain
 * sentences, with the glossary entries behind them, for the debrief. It is consistent: it never
 * counters with what it was offered, and its posture and tone match what it decided.
 */
import { Dice } from '../random.ts';
import { quoteAvailableIn } from '../scenario/dates.ts';
import type { Mood, Persona, Scenario } from '../scenario/schema.ts';
import { acceptableUnits, mayAcceptAll } from '../rules/legal.ts';
import type { AiNote } from '../rules/round.ts';
import type { Decision, GameState, Positions, Proposal, Reply, Response } from '../rules/state.ts';
import {
  isRedLine,
  otherSide,
  sideShortName as shortName,
  stancePositions,
  track,
  utilityOf,
  weightiestOpenTrack,
  worldWith,
} from '../rules/world.ts';
import { cheapestConcession } from './concession.ts';
import { coreBelowFloor } from './core-demand.ts';
import { describeConcession, describeCore, describeOutside, describeRedLines, describeValue, describeZeuthen } from './reasons.ts';
import { chooseStance, type Stance } from './stance.ts';
import { reservation, zeuthen, type Reservation, type ZeuthenReading } from './valuation.ts';

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

/** The package on the table for the AI's side to judge: the proposal, or a counter to it. */
function onTable(state: GameState): Positions {
  const record = state.rounds[state.round]!;
  return record.response?.kind === 'counter' && record.response.counter ? record.response.counter : record.proposal!.positions;
}

export interface Judgement {
  utility: number;
  /** The open track that matters most to the side, when the package would settle it below half of what it wants before the last round. */
  coreRefused: string | null;
  reservation: Reservation;
  redLines: string[];
  /** Whether the rules let the side accept the package whole (none of it its red line). */
  mayAcceptAll: boolean;
  /** The part worth locking now, in whole linked groups: gains first, then losses the reservation value allows. */
  worthTaking: string[];
  partialUtility: number;
}

function judge(scenario: Scenario, state: GameState, side: string, persona: Persona, positions: Positions): Judgement {
  const value = reservation(scenario, state, side, persona);
  const worth = (part: Positions) => utilityOf(scenario, side, worldWith(scenario, state, part));
  const redLines = Object.keys(positions).filter((trackId) => isRedLine(track(scenario, trackId), side, positions[trackId]!));
  const noDeal = worth({});
  const pick = (unit: readonly string[]) => Object.fromEntries(unit.map((id) => [id, positions[id]!]));
  // The package valued as a whole: a part is worth what the world with it locked is worth.
  const gain = (unit: readonly string[]) => worth(pick(unit)) - noDeal;
  const coreRefused = coreBelowFloor(scenario, state, side, positions);
  const units = acceptableUnits(scenario, side, positions)
    .filter((unit) => coreRefused === null || !unit.includes(coreRefused))
    .sort((a, b) => gain(b) - gain(a));
  let partial: Positions = {};
  // Gains first; then parts that cost it something, while the whole part still clears its bar (a
  // trade within the part).
  for (const unit of units) {
    const withUnit = { ...partial, ...pick(unit) };
    if (gain(unit) > 0 || worth(withUnit) >= value.value) partial = withUnit;
  }
  return {
    utility: worth(positions),
    coreRefused,
    reservation: value,
    redLines,
    mayAcceptAll: mayAcceptAll(scenario, side, positions),
    worthTaking: Object.keys(partial),
    partialUtility: worth(partial),
  };
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

/** The other side's most recent package before this round: its proposal or counter-proposal. */
function lastPackageBefore(state: GameState, side: string): Positions | null {
  for (let round = state.round - 1; round >= 0; round--) {
    const record = state.rounds[round]!;
    if (record.proposal?.side === side) return record.proposal.positions;
    if (record.response?.side === side && record.response.counter) return record.response.counter;
  }
  return null;
}

/** The open track that matters most to the side, when the package crosses its red line there. */
function heaviestRedLine(scenario: Scenario, state: GameState, side: string, judged: Judgement): string | null {
  const heaviest = weightiestOpenTrack(scenario, state, side);
  return heaviest && judged.redLines.includes(heaviest.id) ? heaviest.id : null;
}

/**
 * Resolve below which a persona never walks out: the pragmatists (0.5 in the scenarios) stay at
 * the table whatever the package; the middle personas (0.6) and the hawks may leave.
 */
const WALKOUT_RESOLVE = 0.6;

/**
 * Whether the AI leaves: its patience with a package that crosses its red line on the track that
 * matters most to it has run out, and it believes war would serve it better than today's terms —
 * a side that fears war more than the status quo has nothing to walk out to.
 */
function walksOut(scenario: Scenario, state: GameState, side: string, persona: Persona, judged: Judgement, positions: Positions): boolean {
  const { outside } = judged.reservation;
  if (persona.resolve < WALKOUT_RESOLVE || outside.war <= outside.statusQuo || heaviestRedLine(scenario, state, side, judged) === null)
    return false;
  const patienceSpent = state.round / Math.max(1, scenario.rounds.length - 1) >= persona.patience;
  const before = lastPackageBefore(state, otherSide(scenario, side));
  const movedSince = before !== null && Object.keys(positions).some((trackId) => before[trackId] !== positions[trackId]);
  return patienceSpent && before !== null && !movedSince;
}

/** Whether the package on the table, whole, is one the AI takes: no red line, and worth its bar. */
function acceptsWhole(judged: Judgement): boolean {
  return judged.mayAcceptAll && judged.coreRefused === null && judged.utility >= judged.reservation.value;
}

/** Whether part of the package (in whole linked groups) clears the bar on its own. */
function acceptsPart(judged: Judgement, positions: Positions): boolean {
  const part = judged.worthTaking.length;
  return part > 0 && part < Object.keys(positions).length && judged.partialUtility >= judged.reservation.value;
}

function sameTrackPositions(a: Positions, b: Positions): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

interface Answer {
  kind: Response['kind'];
  tracks?: string[];
  counter?: Positions;
  reading?: ZeuthenReading;
  reasons: string[];
  terms: string[];
}

/** What the AI answers to a package, before posture and tone: the heart of its consistency. */
function answer(scenario: Scenario, state: GameState, side: string, persona: Persona, positions: Positions, judged: Judgement): Answer {
  const self = shortName(scenario, side);
  const other = shortName(scenario, otherSide(scenario, side));
  if (acceptsWhole(judged)) {
    return { kind: 'accept', reasons: [`That is enough: ${self} accepts the package.`], terms: ['reservation-value'] };
  }
  if (acceptsPart(judged, positions)) {
    const names = judged.worthTaking.map((id) => track(scenario, id).name).join(', ');
    return {
      kind: 'accept-some',
      tracks: judged.worthTaking,
      reasons: [
        `The whole package falls short, but ${names} alone would be worth ${judged.partialUtility.toFixed(0)} to ${self}: it accepts ${judged.worthTaking.length > 1 ? 'those' : 'that'} and keeps talking about the rest.`,
      ],
      terms: ['reservation-value', ...(scenario.linkage.length > 0 ? ['linkage'] : [])],
    };
  }
  if (walksOut(scenario, state, side, persona, judged, positions)) {
    const heaviest = track(scenario, heaviestRedLine(scenario, state, side, judged)!).name;
    return {
      kind: 'walkout',
      reasons: [`Its patience is spent: ${other} has not moved on ${heaviest}, the track that matters most to ${self}. It walks out.`],
      terms: ['red-line'],
    };
  }
  const own = stancePositions(scenario, state, side);
  const reading = zeuthen(scenario, state, side, persona, own, positions);
  const concession = reading.concede ? cheapestConcession(scenario, state, side, own, positions, true) : null;
  if (concession && sameTrackPositions(concession.positions, positions) && judged.mayAcceptAll && judged.coreRefused === null) {
    // Countering with the very package offered would only delay it: take it instead.
    return {
      kind: 'accept',
      reading,
      reasons: [
        describeZeuthen(scenario, side, reading, 'concedes'),
        `Its next step would meet the offer exactly, so ${self} accepts it as it stands.`,
      ],
      terms: ['zeuthen'],
    };
  }
  if (concession) {
    return {
      kind: 'counter',
      counter: concession.positions,
      reading,
      reasons: [describeZeuthen(scenario, side, reading, 'concedes'), describeConcession(scenario, side, concession)],
      terms: ['zeuthen', 'logrolling'],
    };
  }
  return {
    kind: 'reject',
    reading,
    reasons: [describeZeuthen(scenario, side, reading, 'holds')],
    terms: ['zeuthen'],
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
    const names = judged.worthTaking.map((id) => track(scenario, id).name).join(', ');
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
