/**
 * The AI counterpart. Deterministic for a given state (its only dice are the game's seeded
 * generator) and explainable: every decision comes with its utility, its reservation value and
 * the reasons read off them, for the debrief.
 */
import { Dice } from '../random.ts';
import type { Mood, Persona, PostureMove, Scenario, Tone } from '../scenario/schema.ts';
import type { AiNote } from '../rules/round.ts';
import type { Decision, GameState, Positions, Proposal, Reply, Response } from '../rules/state.ts';
import { isRedLine, openTracks, otherSide, stancePositions, track, trackUtility, utilityOf, worldWith } from '../rules/world.ts';
import { cheapestConcession } from './concession.ts';
import { reservation, zeuthen } from './valuation.ts';

export interface AiChoice<T> extends AiNote {
  move: T;
  rng: number;
}

const fmt = (value: number) => value.toFixed(1);

export function personaOf(scenario: Scenario, state: GameState, side: string): Persona | null {
  const { opponent, playerSide } = state.setup;
  if (opponent.kind !== 'ai' || side === playerSide) return null;
  return scenario.personas.find((persona) => persona.id === opponent.persona && persona.side === side) ?? null;
}

function statementFor(scenario: Scenario, side: string, mood: Mood, dice: Dice) {
  const quotes = scenario.quotes.filter((quote) => quote.side === side && quote.mood === mood);
  return { side, mood, quote: quotes.length > 0 ? dice.pick(quotes).id : null };
}

/** The package on the table for the AI's side to judge: the proposal, or a counter to it. */
function onTable(state: GameState): Positions {
  const record = state.rounds[state.round]!;
  return record.response?.kind === 'counter' && record.response.counter ? record.response.counter : record.proposal!.positions;
}

interface Judgement {
  utility: number;
  reservation: ReturnType<typeof reservation>;
  redLines: string[];
  /** The tracks worth locking now: none a red line; every gain, and losses the reservation value allows. */
  worthTaking: string[];
  partialUtility: number;
}

function judge(scenario: Scenario, state: GameState, side: string, persona: Persona, positions: Positions): Judgement {
  const value = reservation(scenario, state, side, persona);
  const worth = (part: Positions) => utilityOf(scenario, side, worldWith(scenario, state, part));
  const redLines = Object.keys(positions).filter((trackId) => isRedLine(track(scenario, trackId), side, positions[trackId]!));
  // Tracks it could lock now: every gain first, then losses while the whole stays above its reservation value.
  const gain = (trackId: string) => {
    const item = track(scenario, trackId);
    return (item.weight[side] ?? 0) * (trackUtility(item, side, positions[trackId]!) - trackUtility(item, side, item.statusQuo));
  };
  const candidates = Object.keys(positions)
    .filter((trackId) => !redLines.includes(trackId))
    .sort((a, b) => gain(b) - gain(a));
  const partial: Positions = {};
  for (const trackId of candidates) {
    const withTrack = { ...partial, [trackId]: positions[trackId]! };
    if (gain(trackId) > 0 || worth(withTrack) >= value.value) partial[trackId] = positions[trackId]!;
  }
  return {
    utility: worth(positions),
    reservation: value,
    redLines,
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
  zeuthenReading: Decision['zeuthen'],
  reasons: string[],
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
    zeuthen: zeuthenReading,
    redLines: judged.redLines,
    reasons,
    terms: [],
  };
}

function valueReason(judged: Judgement): string {
  const terms = judged.reservation.terms.map((term) => `${term.label.toLowerCase()} ${term.value >= 0 ? '+' : ''}${fmt(term.value)}`);
  return `Worth ${fmt(judged.utility)} to it against a reservation value of ${fmt(judged.reservation.value)} (${terms.join(', ')}).`;
}

function redLineReason(scenario: Scenario, judged: Judgement): string | null {
  if (judged.redLines.length === 0) return null;
  return `It crosses its red lines on ${judged.redLines.map((id) => track(scenario, id).name).join(', ')}.`;
}

/** Posture and tone, by persona: coercion while the risk is bearable, restraint beyond it. */
function chooseStance(
  scenario: Scenario,
  state: GameState,
  side: string,
  persona: Persona,
  dice: Dice,
  conceding: boolean,
): { posture: PostureMove | null; tone: Tone; reason: string } {
  const moves = scenario.postureMoves.filter((move) => move.side === side);
  const tolerance = persona.riskTolerance * 100;
  const best = (kinds: PostureMove['kind'][], score: (move: PostureMove) => number) =>
    moves.filter((move) => kinds.includes(move.kind)).sort((a, b) => score(b) - score(a))[0] ?? null;
  const leverageGain = (move: PostureMove) => move.effects.sides?.[side]?.leverage ?? 0;
  const bluffing = dice.roll() < persona.bluff;
  if (state.risk >= tolerance) {
    return {
      posture: best(['de-escalation', 'reassurance'], (move) => -(move.effects.risk ?? 0) + leverageGain(move)),
      tone: 'conciliatory',
      reason: `The risk (${fmt(state.risk)}) is past what it tolerates (${fmt(tolerance)}): it signals restraint.`,
    };
  }
  if (persona.resolve >= 0.7 || bluffing) {
    return {
      posture: best(['threat', 'build-up'], leverageGain),
      tone: 'belligerent',
      reason: bluffing ? 'It bluffs: a threat it may not mean.' : 'Its resolve is high and the risk bearable: it raises the pressure.',
    };
  }
  const cohesion = state.sides[side]!.cohesion;
  if (cohesion < 55) {
    return {
      posture: best(['consultation'], (move) => move.effects.sides?.[side]?.cohesion ?? 0),
      tone: 'firm',
      reason: 'It shores up its alliance first.',
    };
  }
  if (conceding) {
    return {
      posture: best(['reassurance'], (move) => -(move.effects.risk ?? 0)),
      tone: 'firm',
      reason: 'It pairs its concession with reassurance.',
    };
  }
  return { posture: null, tone: 'firm', reason: 'It holds its posture.' };
}

/** The AI tables a package: its standing demands, one step softer where Zeuthen says it must give. */
export function aiPropose(scenario: Scenario, state: GameState, side: string, persona: Persona): AiChoice<Proposal> {
  const dice = new Dice(state.rng);
  const own = stancePositions(scenario, state, side);
  const theirs = stancePositions(scenario, state, otherSide(scenario, side));
  const reading = zeuthen(scenario, state, side, persona, own, theirs);
  const concession = reading.concede ? cheapestConcession(scenario, state, side, own, theirs) : null;
  const positions = concession?.positions ?? own;
  const stance = chooseStance(scenario, state, side, persona, dice, concession !== null);
  const judged = judge(scenario, state, side, persona, positions);
  const reasons = [
    concession
      ? `Zeuthen: its willingness to risk breakdown (${fmt(reading.self)}) is no greater than the other side's (${fmt(reading.other)}), so it gives one step on ${track(scenario, concession.track).name}.`
      : `Zeuthen: its willingness to risk breakdown (${fmt(reading.self)}) exceeds the other side's (${fmt(reading.other)}), so it holds its demands.`,
    valueReason(judged),
    stance.reason,
  ];
  const mood: Mood = stance.tone === 'belligerent' ? 'warn' : 'open';
  return {
    move: { side, positions, posture: stance.posture?.id ?? null, tone: stance.tone },
    decision: decision(
      state,
      side,
      persona,
      'proposal',
      concession ? 'concede' : 'hold',
      judged,
      { self: reading.self, other: reading.other },
      reasons,
    ),
    statement: statementFor(scenario, side, mood, dice),
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

/** Whether the AI's patience with a package that crosses its red lines has run out. */
function walksOut(scenario: Scenario, state: GameState, side: string, persona: Persona, judged: Judgement, positions: Positions): boolean {
  if (persona.resolve < 0.6 || judged.redLines.length === 0) return false;
  const heaviest = openTracks(scenario, state).sort((a, b) => (b.weight[side] ?? 0) - (a.weight[side] ?? 0))[0];
  if (!heaviest || !judged.redLines.includes(heaviest.id)) return false;
  const patienceSpent = state.round / Math.max(1, scenario.rounds.length - 1) >= persona.patience;
  const before = lastPackageBefore(state, otherSide(scenario, side));
  const movedSince = before !== null && Object.keys(positions).some((trackId) => before[trackId] !== positions[trackId]);
  return patienceSpent && before !== null && !movedSince;
}

/** What the AI weighs when a package is put to it, and the first of its reasons. */
function weighTable(scenario: Scenario, state: GameState, side: string, persona: Persona) {
  const positions = onTable(state);
  const judged = judge(scenario, state, side, persona, positions);
  const redLine = redLineReason(scenario, judged);
  return { dice: new Dice(state.rng), positions, judged, reasons: redLine ? [valueReason(judged), redLine] : [valueReason(judged)] };
}

export function aiRespond(scenario: Scenario, state: GameState, side: string, persona: Persona): AiChoice<Response> {
  const { dice, positions, judged, reasons } = weighTable(scenario, state, side, persona);
  const own = stancePositions(scenario, state, side);
  const reading = zeuthen(scenario, state, side, persona, own, positions);
  const zeuthenReading = { self: reading.self, other: reading.other };

  let kind: Response['kind'];
  let tracks: string[] | undefined;
  let counter: Positions | undefined;
  if (judged.redLines.length === 0 && judged.utility >= judged.reservation.value) {
    kind = 'accept';
    reasons.push('The package beats its reservation value: it accepts.');
  } else if (
    judged.worthTaking.length > 0 &&
    judged.worthTaking.length < Object.keys(positions).length &&
    judged.partialUtility >= judged.reservation.value
  ) {
    kind = 'accept-some';
    tracks = judged.worthTaking;
    reasons.push(
      `Locking ${tracks.map((id) => track(scenario, id).name).join(', ')} alone is worth ${fmt(judged.partialUtility)}, above its reservation value: it accepts those.`,
    );
  } else if (walksOut(scenario, state, side, persona, judged, positions)) {
    kind = 'walkout';
    reasons.push('Its patience is spent and the other side has not moved on what matters most to it: it walks out.');
  } else {
    const concession = reading.concede ? cheapestConcession(scenario, state, side, own, positions) : null;
    if (concession) {
      kind = 'counter';
      counter = concession.positions;
      reasons.push(
        `Zeuthen: its willingness to risk breakdown (${fmt(reading.self)}) is no greater than the other side's (${fmt(reading.other)}): it counters, one step softer on ${track(scenario, concession.track).name}.`,
      );
    } else {
      kind = 'reject';
      reasons.push(
        `Zeuthen: its willingness to risk breakdown (${fmt(reading.self)}) exceeds the other side's (${fmt(reading.other)}): it rejects and waits for the other side to move.`,
      );
    }
  }
  const stance = chooseStance(scenario, state, side, persona, dice, kind === 'counter' || kind === 'accept' || kind === 'accept-some');
  reasons.push(stance.reason);
  const mood: Mood = kind === 'accept-some' ? 'accept' : kind;
  return {
    move: {
      side,
      kind,
      ...(tracks ? { tracks } : {}),
      ...(counter ? { counter } : {}),
      posture: stance.posture?.id ?? null,
      tone: stance.tone,
    },
    decision: decision(state, side, persona, 'response', kind, judged, zeuthenReading, reasons),
    statement: statementFor(scenario, side, mood, dice),
    rng: dice.state,
  };
}

/** The AI's answer to a counter-proposal: accept it, accept part of it, or reject it. */
export function aiReply(scenario: Scenario, state: GameState, side: string, persona: Persona): AiChoice<Reply> {
  const { dice, positions, judged, reasons } = weighTable(scenario, state, side, persona);
  let move: Reply;
  if (judged.redLines.length === 0 && judged.utility >= judged.reservation.value) {
    move = { side, kind: 'accept' };
    reasons.push('The counter-proposal beats its reservation value: it accepts.');
  } else if (
    judged.worthTaking.length > 0 &&
    judged.worthTaking.length < Object.keys(positions).length &&
    judged.partialUtility >= judged.reservation.value
  ) {
    move = { side, kind: 'accept-some', tracks: judged.worthTaking };
    reasons.push(`Part of the counter-proposal is worth ${fmt(judged.partialUtility)}, above its reservation value: it accepts that part.`);
  } else {
    move = { side, kind: 'reject' };
    reasons.push('The counter-proposal falls short of its reservation value: it rejects it.');
  }
  const mood: Mood = move.kind === 'reject' ? 'reject' : 'accept';
  return {
    move,
    decision: decision(state, side, persona, 'reply', move.kind, judged, null, reasons),
    statement: statementFor(scenario, side, mood, dice),
    rng: dice.state,
  };
}
