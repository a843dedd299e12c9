/**
 * Checks of meaning on a valid scenario: things the schema allows but that are probably
 * mistakes. They are warnings — the scenario still loads and plays — each with its path.
 */
import { dayRange, quoteAvailableIn } from './dates.ts';
import { historicalLineWarnings } from './historical-line.ts';
import { mapPlacementWarnings } from './map-placement.ts';
import type { Problem } from './problems.ts';
import type { Scenario, ScenarioEvent } from './schema.ts';

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
  return [
    ...trackWarnings(scenario),
    ...scenario.events.flatMap((event, e) => eventWarnings(scenario, event, ['events', e])),
    ...sideWarnings(scenario),
    ...quoteDateWarnings(scenario),
    ...sourceWarnings(scenario),
    ...mapPlacementWarnings(scenario),
  ];
}

type Path = Problem['path'];
const warning = (path: Path, message: string): Problem => ({ path, message });

function trackWarnings(scenario: Scenario): Problem[] {
  const sideIds = scenario.sides.map((side) => side.id);
  return scenario.tracks.flatMap((track, t) => {
    const acceptable = track.positions.filter((position) => sideIds.every((side) => !(track.redLines[side] ?? []).includes(position.id)));
    return acceptable.length > 0
      ? []
      : [warning(['tracks', t, 'redLines'], `no position on track "${track.id}" is outside both sides' red lines: it can never be agreed`)];
  });
}

/** An event that can never fire, or a scripted one dated after its round. */
function eventWarnings(scenario: Scenario, event: ScenarioEvent, path: Path): Problem[] {
  const findings: Problem[] = [];
  const warn = (at: Path, message: string) => findings.push(warning([...path, ...at], message));
  if (event.probability === 0) warn(['probability'], `event "${event.id}" can never fire (probability 0)`);
  const trigger = event.trigger;
  if (trigger.kind === 'scripted') {
    const round = scenario.rounds.find((item) => item.id === trigger.round);
    const happened = event.date === undefined ? null : dayRange(event.date);
    const held = round ? dayRange(round.date) : null;
    if (round && happened && held && happened.first > held.last) {
      warn(
        ['date'],
        `scripted event "${event.id}" is dated ${event.date}, after its round "${round.id}" (${round.date}): move it to a later round or correct the date`,
      );
    }
    return findings;
  }
  const when = trigger.when;
  const roundCount = scenario.rounds.length;
  if (when.riskAtLeast !== undefined && when.riskBelow !== undefined && when.riskAtLeast >= when.riskBelow) {
    warn(
      ['trigger', 'when'],
      `event "${event.id}" can never fire: the risk cannot be at least ${when.riskAtLeast} and below ${when.riskBelow}`,
    );
  }
  if (when.agreed !== undefined && when.agreed === when.open) {
    warn(['trigger', 'when'], `event "${event.id}" can never fire: track "${when.agreed}" cannot be agreed and open at once`);
  }
  if (when.fromRound !== undefined && when.fromRound > roundCount) {
    warn(['trigger', 'when', 'fromRound'], `event "${event.id}" can never fire: the scenario has only ${roundCount} rounds`);
  }
  if (when.moveUsed !== undefined && !scenario.postureMoves.some((move) => move.id === when.moveUsed)) {
    warn(['trigger', 'when', 'moveUsed'], `event "${event.id}" can never fire: no move "${when.moveUsed}"`);
  }
  return findings;
}

/** A side without posture moves, or without the quotes its AI opens and rejects with. */
function sideWarnings(scenario: Scenario): Problem[] {
  const findings: Problem[] = [];
  for (const { id: side } of scenario.sides) {
    if (!scenario.postureMoves.some((move) => move.side === side))
      findings.push(warning(['postureMoves'], `side "${side}" has no posture moves`));
    for (const mood of ['open', 'reject'] as const) {
      if (scenario.quotes.length > 0 && !scenario.quotes.some((quote) => quote.side === side && quote.mood === mood)) {
        findings.push(warning(['quotes'], `side "${side}" has no "${mood}" quote: its AI will use a plain line instead`));
      }
    }
  }
  return findings;
}

/** A quote whose date cannot be read, or that comes after every round (the AI could never use it). */
function quoteDateWarnings(scenario: Scenario): Problem[] {
  const lastRound = scenario.rounds.at(-1);
  return scenario.quotes.flatMap((quote, q) => {
    if (dayRange(quote.date) === null) {
      return [
        warning(
          ['quotes', q, 'date'],
          `the date of quote "${quote.id}" cannot be read ("${quote.date}"): write it like "10 January 2022", "January 2022" or "1987", so that the AI uses the quote only from that date on`,
        ),
      ];
    }
    if (lastRound && scenario.rounds.every((_, r) => !quoteAvailableIn(scenario, quote, r))) {
      return [
        warning(
          ['quotes', q, 'date'],
          `quote "${quote.id}" is dated ${quote.date}, after every round (the last is ${lastRound.date}): the AI can never use it; correct the date or remove the quote`,
        ),
      ];
    }
    return [];
  });
}

/** A source never cited, or cited without the address students can check it at. */
function sourceWarnings(scenario: Scenario): Problem[] {
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
  return scenario.meta.sources.flatMap((source, s) => {
    if (!cited.has(source.id)) return [warning(['meta', 'sources', s], `source "${source.id}" is listed but never cited`)];
    // An uncited source is to be cited or removed first; only then does its address matter.
    if (source.url === undefined) {
      return [
        warning(['meta', 'sources', s], `source "${source.id}" has no address: add its "url", the public page where students can check it`),
      ];
    }
    return [];
  });
}
