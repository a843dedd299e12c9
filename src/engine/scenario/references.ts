/**
 * Checks that the ids a scenario uses point at things it defines, so that the rules never meet
 * a dangling reference: sides, tracks, positions, rounds, moves and quotes, and the sources that
 * positions, rounds, moves, events, quotes, links, glossary entries and the debrief cite. Each
 * problem carries the path of the offending field.
 */
import { checkEvents } from './event-references.ts';
import type { Problem } from './problems.ts';
import { referenceChecker, type Path, type ReferenceChecker } from './reference-checker.ts';
import type { Scenario, ScenarioMap } from './schema.ts';
import { checkTracks } from './track-references.ts';

export function checkReferences(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const check = referenceChecker(scenario, (path, message) => problems.push({ path, message }));
  checkUniqueIds(scenario, check);
  check.sources(scenario.debrief.sources, ['debrief', 'sources']);
  checkTracks(scenario, check);
  scenario.rounds.forEach((round, r) => {
    if (round.proposer !== undefined) check.side(round.proposer, ['rounds', r, 'proposer']);
    check.sources(round.sources, ['rounds', r, 'sources']);
  });
  scenario.postureMoves.forEach((move, m) => {
    check.side(move.side, ['postureMoves', m, 'side']);
    check.effects(move.effects, ['postureMoves', m, 'effects']);
    check.sources(move.sources, ['postureMoves', m, 'sources']);
  });
  checkEscalation(scenario, check);
  checkEvents(scenario, check);
  checkSayings(scenario, check);
  checkDebriefLine(scenario, check);
  if (scenario.map) checkMap(scenario, scenario.map, check);
  return problems;
}

function checkUniqueIds(scenario: Scenario, check: ReferenceChecker): void {
  check.unique(scenario.sides, ['sides'], 'side');
  check.unique(scenario.tracks, ['tracks'], 'track');
  check.unique(scenario.rounds, ['rounds'], 'round');
  check.unique(scenario.postureMoves, ['postureMoves'], 'move');
  check.unique(scenario.events, ['events'], 'event');
  check.unique(scenario.quotes, ['quotes'], 'quote');
  check.unique(scenario.personas, ['personas'], 'persona');
  check.unique(scenario.meta.sources, ['meta', 'sources'], 'source');
  check.unique(scenario.linkage, ['linkage'], 'link');
  check.unique(scenario.glossary, ['glossary'], 'glossary');
}

/** The gauge's bands start at 0 and rise; the incident curves are sorted by risk. */
function checkEscalation(scenario: Scenario, check: ReferenceChecker): void {
  const bands = scenario.escalation.bands;
  if (bands[0] && bands[0].from !== 0) check.report(['escalation', 'bands', 0, 'from'], 'expected the first band to start at 0');
  bands.forEach((band, b) => {
    const previous = bands[b - 1];
    if (previous && band.from <= previous.from) {
      check.report(['escalation', 'bands', b, 'from'], `expected a start above the previous band's (${previous.from})`);
    }
  });
  check.unique(bands, ['escalation', 'bands'], 'band');
  for (const curve of ['chance', 'escalation'] as const) {
    const points = scenario.escalation.incident[curve];
    points.forEach((point, i) => {
      const previous = points[i - 1];
      if (previous && point.risk <= previous.risk) {
        check.report(['escalation', 'incident', curve, i, 'risk'], 'expected points sorted by rising risk');
      }
    });
  }
}

/** Quotes, links, glossary entries and personas: whose they are and what they cite. */
function checkSayings(scenario: Scenario, check: ReferenceChecker): void {
  scenario.quotes.forEach((quote, q) => {
    check.side(quote.side, ['quotes', q, 'side']);
    check.source(quote.source, ['quotes', q, 'source']);
  });
  scenario.linkage.forEach((link, l) => {
    const path: Path = ['linkage', l];
    const named = new Set<string>();
    link.tracks.forEach((value, i) => {
      check.track(value, [...path, 'tracks', i]);
      if (named.has(value)) check.report([...path, 'tracks', i], `track "${value}" is named twice in link "${link.id}"`);
      named.add(value);
    });
    check.sources(link.sources, [...path, 'sources']);
  });
  scenario.glossary.forEach((entry, g) => check.sources(entry.sources, ['glossary', g, 'sources']));
  scenario.personas.forEach((persona, p) => check.side(persona.side, ['personas', p, 'side']));
  for (const id of check.sideIds) {
    if (!scenario.personas.some((persona) => persona.side === id)) {
      check.report(['personas'], `expected at least one persona for side "${id}"`);
    }
  }
}

/** The debrief's outcome and its historical line name known tracks, positions, rounds and moves. */
function checkDebriefLine(scenario: Scenario, check: ReferenceChecker): void {
  check.package(scenario.debrief.outcome.agreed, ['debrief', 'outcome', 'agreed']);
  scenario.debrief.line.forEach((step, s) => {
    const path: Path = ['debrief', 'line', s];
    check.round(step.round, [...path, 'round']);
    check.package(step.proposal.positions, [...path, 'proposal', 'positions']);
    check.package(step.response.counter, [...path, 'response', 'counter']);
    for (const [at, move] of [
      [[...path, 'proposal', 'posture'], step.proposal.posture],
      [[...path, 'response', 'posture'], step.response.posture],
    ] as const) {
      if (move !== null) check.move(move, at);
    }
    check.sources(step.sources, [...path, 'sources']);
  });
}

function checkMap(scenario: Scenario, map: ScenarioMap, check: ReferenceChecker): void {
  check.perSide(map.blocs, ['map', 'blocs'], true);
  check.unique(map.markers, ['map', 'markers'], 'marker');
  map.markers.forEach((marker, m) => {
    check.side(marker.side, ['map', 'markers', m, 'side']);
    if (marker.track !== undefined) check.track(marker.track, ['map', 'markers', m, 'track']);
    if (marker.share !== undefined && marker.kind !== 'troops')
      check.report(['map', 'markers', m, 'share'], 'a share is for troop markers only');
    if (marker.from !== undefined) check.round(marker.from, ['map', 'markers', m, 'from']);
  });
  // Shares split a side's forces between its troop markers: together they cannot pass the whole.
  for (const id of check.sideIds) {
    const shares = map.markers.filter((marker) => marker.side === id && marker.kind === 'troops').map((marker) => marker.share ?? 0);
    if (shares.reduce((sum, share) => sum + share, 0) > 1 + 1e-9)
      check.report(['map', 'markers'], `the troop markers of side "${id}" share more than all its forces (shares add up to over 1)`);
  }
}
