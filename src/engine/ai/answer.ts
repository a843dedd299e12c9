/**
 * What the AI answers to a package, before posture and tone: accept it whole or in part, walk
 * out, counter one step softer where Zeuthen's rule says it must give, or reject it.
 */
import type { Persona, Scenario } from '../scenario/schema.ts';
import type { GameState, Positions, Response } from '../rules/state.ts';
import { otherSide, sideShortName as shortName, stancePositions, track, weightiestOpenTrack } from '../rules/world.ts';
import { cheapestConcession } from './concession.ts';
import { acceptsPart, acceptsWhole, worthTakingNames, type Judgement } from './judgement.ts';
import { describeConcession, describeZeuthen } from './reasons.ts';
import { zeuthen, type ZeuthenReading } from './valuation.ts';

/** The other side's most recent package before this round: its proposal or counter-proposal. */
export function lastPackageBefore(state: GameState, side: string): Positions | null {
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

function sameTrackPositions(a: Positions, b: Positions): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export interface Answer {
  kind: Response['kind'];
  tracks?: string[];
  counter?: Positions;
  reading?: ZeuthenReading;
  reasons: string[];
  terms: string[];
}

/** What the AI answers to a package, before posture and tone: the heart of its consistency. */
export function answer(
  scenario: Scenario,
  state: GameState,
  side: string,
  persona: Persona,
  positions: Positions,
  judged: Judgement,
): Answer {
  const self = shortName(scenario, side);
  const other = shortName(scenario, otherSide(scenario, side));
  if (acceptsWhole(judged)) {
    return { kind: 'accept', reasons: [`That is enough: ${self} accepts the package.`], terms: ['reservation-value'] };
  }
  if (acceptsPart(judged, positions)) {
    const names = worthTakingNames(scenario, judged);
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
  return bargain(scenario, state, side, persona, positions, judged);
}

/** Short of its bar and staying: Zeuthen's rule says whether it gives a step (a counter) or holds (a rejection). */
function bargain(scenario: Scenario, state: GameState, side: string, persona: Persona, positions: Positions, judged: Judgement): Answer {
  const self = shortName(scenario, side);
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
