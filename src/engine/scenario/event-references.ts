/**
 * The reference checks of a scenario's events: the round a scripted event fires in, the tracks,
 * positions and moves a condition names, and the effects, quote and sources of each event.
 */
import type { Path, ReferenceChecker } from './reference-checker.ts';
import type { Condition, Scenario } from './schema.ts';

export function checkEvents(scenario: Scenario, check: ReferenceChecker): void {
  const quoteIds = new Set(scenario.quotes.map((quote) => quote.id));
  scenario.events.forEach((event, e) => {
    const path: Path = ['events', e];
    if (event.trigger.kind === 'scripted') check.round(event.trigger.round, [...path, 'trigger', 'round']);
    if (event.trigger.kind === 'conditional') checkCondition(event.trigger.when, [...path, 'trigger', 'when'], check);
    check.effects(event.effects, [...path, 'effects']);
    if (event.quote !== undefined && !quoteIds.has(event.quote)) check.report([...path, 'quote'], `unknown quote "${event.quote}"`);
    check.sources(event.sources, [...path, 'sources']);
  });
}

function checkCondition(when: Condition, path: Path, check: ReferenceChecker): void {
  for (const key of ['agreed', 'open'] as const) {
    const value = when[key];
    if (value !== undefined) check.track(value, [...path, key]);
  }
  if (when.moveUsed !== undefined) check.move(when.moveUsed, [...path, 'moveUsed']);
  const agreedOn = when.agreedOn;
  if (agreedOn === undefined) return;
  const onTrack = check.track(agreedOn.track, [...path, 'agreedOn', 'track']);
  agreedOn.positions.forEach((value, i) => {
    if (onTrack) check.position(onTrack, value, [...path, 'agreedOn', 'positions', i]);
  });
}
