/**
 * Checks of meaning on a valid scenario: things the schema allows but that are probably
 * mistakes. They are warnings — the scenario still loads and plays — each with its path.
 */
import { dayRange, quoteAvailableIn } from './dates.ts';
import { historicalLineWarnings } from './historical-line.ts';
import { mapPlacementWarnings } from './map-placement.ts';
import type { Problem } from './problems.ts';
import type { Scenario } from './schema.ts';

/** Every warning of a scenario whose references hold: those read off the file, then those of its historical line. */
export function lintScenario(scenario: Scenario): Problem[] {
  return [...fileWarnings(scenario), ...historicalLineWarnings(scenario)];
}

/**
 * The warnings read off the file without playing it: safe on a scenario whose references do not
 * all hold (an unknown id is looked up and not found, never followed), so a file with problems
 * still gets them in the same run.
 */
export function fileWarnings(scenario: Scenario): Problem[] {
  const findings: Problem[] = [];
  const warn = (path: Problem['path'], message: string) => findings.push({ path, message });
  const sideIds = scenario.sides.map((side) => side.id);

  scenario.tracks.forEach((track, t) => {
    const acceptable = track.positions.filter((position) => sideIds.every((side) => !(track.redLines[side] ?? []).includes(position.id)));
    if (acceptable.length === 0) {
      warn(['tracks', t, 'redLines'], `no position on track "${track.id}" is outside both sides' red lines: it can never be agreed`);
    }
  });

  const roundCount = scenario.rounds.length;
  scenario.events.forEach((event, e) => {
    const path = ['events', e] as const;
    if (event.probability === 0) warn([...path, 'probability'], `event "${event.id}" can never fire (probability 0)`);
    const trigger = event.trigger;
    if (trigger.kind === 'scripted') {
      const round = scenario.rounds.find((item) => item.id === trigger.round);
      const happened = event.date === undefined ? null : dayRange(event.date);
      const held = round ? dayRange(round.date) : null;
      if (round && happened && held && happened.first > held.last) {
        warn(
          [...path, 'date'],
          `scripted event "${event.id}" is dated ${event.date}, after its round "${round.id}" (${round.date}): move it to a later round or correct the date`,
        );
      }
    }
    if (event.trigger.kind !== 'conditional') return;
    const when = event.trigger.when;
    if (when.riskAtLeast !== undefined && when.riskBelow !== undefined && when.riskAtLeast >= when.riskBelow) {
      warn(
        [...path, 'trigger', 'when'],
        `event "${event.id}" can never fire: the risk cannot be at least ${when.riskAtLeast} and below ${when.riskBelow}`,
      );
    }
    if (when.agreed !== undefined && when.agreed === when.open) {
      warn([...path, 'trigger', 'when'], `event "${event.id}" can never fire: track "${when.agreed}" cannot be agreed and open at once`);
    }
    if (when.fromRound !== undefined && when.fromRound > roundCount) {
      warn([...path, 'trigger', 'when', 'fromRound'], `event "${event.id}" can never fire: the scenario has only ${roundCount} rounds`);
    }
    if (when.moveUsed !== undefined && !scenario.postureMoves.some((move) => move.id === when.moveUsed)) {
      warn([...path, 'trigger', 'when', 'moveUsed'], `event "${event.id}" can never fire: no move "${when.moveUsed}"`);
    }
  });

  for (const side of sideIds) {
    if (!scenario.postureMoves.some((move) => move.side === side)) warn(['postureMoves'], `side "${side}" has no posture moves`);
    for (const mood of ['open', 'reject'] as const) {
      if (scenario.quotes.length > 0 && !scenario.quotes.some((quote) => quote.side === side && quote.mood === mood)) {
        warn(['quotes'], `side "${side}" has no "${mood}" quote: its AI will use a plain line instead`);
      }
    }
  }

  const lastRound = scenario.rounds[roundCount - 1];
  scenario.quotes.forEach((quote, q) => {
    if (dayRange(quote.date) === null) {
      warn(
        ['quotes', q, 'date'],
        `the date of quote "${quote.id}" cannot be read ("${quote.date}"): write it like "10 January 2022", "January 2022" or "1987", so that the AI uses the quote only from that date on`,
      );
    } else if (lastRound && scenario.rounds.every((_, r) => !quoteAvailableIn(scenario, quote, r))) {
      warn(
        ['quotes', q, 'date'],
        `quote "${quote.id}" is dated ${quote.date}, after every round (the last is ${lastRound.date}): the AI can never use it; correct the date or remove the quote`,
      );
    }
  });

  const cited = new Set<string>();
  const cite = (ids: readonly string[]) => ids.forEach((id) => cited.add(id));
  scenario.tracks.forEach((track) => track.positions.forEach((position) => cite(position.sources)));
  scenario.rounds.forEach((round) => cite(round.sources));
  scenario.postureMoves.forEach((move) => cite(move.sources));
  scenario.events.forEach((event) => cite(event.sources));
  scenario.quotes.forEach((quote) => cite([quote.source]));
  scenario.glossary.forEach((entry) => cite(entry.sources));
  scenario.debrief.line.forEach((step) => cite(step.sources));
  cite(scenario.debrief.sources);
  scenario.meta.sources.forEach((source, s) => {
    if (!cited.has(source.id)) warn(['meta', 'sources', s], `source "${source.id}" is listed but never cited`);
    // An uncited source is to be cited or removed first; only then does its address matter.
    else if (source.url === undefined) {
      warn(['meta', 'sources', s], `source "${source.id}" has no address: add its "url", the public page where students can check it`);
    }
  });

  findings.push(...mapPlacementWarnings(scenario));
  return findings;
}
