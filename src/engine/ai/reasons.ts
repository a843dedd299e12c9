/**
 * The AI's reasons in plain sentences, for a first-year student. Terms of art (reservation
 * value, Zeuthen's rule, logrolling) stay out of the words; the decision lists the glossary
 * entries that explain them.
 */
import type { Persona, Scenario } from '../scenario/schema.ts';
import type { Positions } from '../rules/state.ts';
import { otherSide, sideShortName as shortName, track } from '../rules/world.ts';
import type { Concession } from './concession.ts';
import type { Reservation, ZeuthenReading } from './valuation.ts';

const whole = (value: number) => value.toFixed(0);
const percent = (chance: number) => `${Math.round(chance * 100)}%`;

/** What the package is worth against the least the side will settle for. */
export function describeValue(scenario: Scenario, side: string, utility: number, bar: number): string {
  return `The package is worth ${whole(utility)} out of 100 to ${shortName(scenario, side)}; the least it will settle for now is ${whole(bar)}.`;
}

/** Where that least comes from: no deal (peace on today's terms, or war as it sees it) and the persona's temper. */
export function describeOutside(scenario: Scenario, side: string, persona: Persona, reservation: Reservation): string {
  const { outside, terms } = reservation;
  const self = shortName(scenario, side);
  const belief = persona.warBelief ? ` (${persona.warBelief.text.replace(/\.$/, '')})` : '';
  const parts = [
    `Without a deal ${self} expects ${whole(outside.value)}: today's terms are worth ${whole(outside.statusQuo)} to it while peace holds, and it believes war would be worth ${whole(outside.war)}${belief}, with a ${percent(outside.chance)} chance of war at this risk.`,
  ];
  const moves = terms
    .filter((term) => term.id !== 'peace' && term.id !== 'war' && Math.abs(term.value) >= 0.5)
    .map((term) => `${term.label.toLowerCase()} ${term.value > 0 ? 'raises it by' : 'lowers it by'} ${whole(Math.abs(term.value))}`);
  if (moves.length > 0) parts.push(`On top of that, ${moves.join(', ')}.`);
  return parts.join(' ');
}

export function describeRedLines(scenario: Scenario, positions: Positions, redLines: readonly string[]): string | null {
  if (redLines.length === 0) return null;
  const crossed = redLines.map((id) => {
    const item = track(scenario, id);
    const label = item.positions.find((position) => position.id === positions[id])?.label ?? positions[id];
    return `${label} on ${item.name}`;
  });
  return `It will never accept ${crossed.join(' or ')}: ${redLines.length > 1 ? 'those are red lines' : 'that is a red line'}.`;
}

/** Who should give ground next, in words: the side with less to gain from holding out concedes. */
export function describeZeuthen(scenario: Scenario, side: string, reading: ZeuthenReading, does: 'concedes' | 'holds'): string {
  const self = shortName(scenario, side);
  const other = shortName(scenario, otherSide(scenario, side));
  const figures = `(${reading.self.toFixed(2)} against ${reading.other.toFixed(2)})`;
  return does === 'concedes'
    ? `${self} is less ready than ${other} to risk a breakdown over the gap between them ${figures}, so it gives ground.`
    : `${self} is readier than ${other} to risk a breakdown over the gap between them ${figures}, so it holds its demands and waits for ${other} to move.`;
}

export function describeConcession(scenario: Scenario, side: string, concession: Concession): string {
  const item = track(scenario, concession.track);
  const label = (id: string) => item.positions.find((position) => position.id === id)!.label;
  return `It gives one step on ${item.name} (${label(concession.from)} → ${label(concession.to)}), where a step costs it least for what it offers ${shortName(scenario, otherSide(scenario, side))}.`;
}

/** Why it will not yet settle the issue that matters most to it. */
export function describeCore(scenario: Scenario, side: string, positions: Positions, trackId: string): string {
  const item = track(scenario, trackId);
  const label = item.positions.find((position) => position.id === positions[trackId])?.label ?? positions[trackId];
  return `${item.name} matters most to ${shortName(scenario, side)}, and ${label} gives it too little there: before the last round it will not sign that away.`;
}
