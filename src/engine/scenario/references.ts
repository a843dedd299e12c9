/**
 * Checks that the ids a scenario uses point at things it defines, so that the rules never meet
 * a dangling reference: sides, tracks, positions, rounds, moves and quotes, and the sources that
 * positions, rounds, moves, events, quotes, links, glossary entries and the debrief cite. Each
 * problem carries the path of the offending field.
 */
import type { Problem } from './problems.ts';
import type { Effects, Scenario } from './schema.ts';

type Path = readonly (string | number)[];

export function checkReferences(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, message: string) => problems.push({ path, message });

  const sideIds = new Set(scenario.sides.map((side) => side.id));
  const trackIds = new Set(scenario.tracks.map((track) => track.id));
  const roundIds = new Set(scenario.rounds.map((round) => round.id));
  const moveIds = new Set(scenario.postureMoves.map((move) => move.id));
  const sourceIds = new Set(scenario.meta.sources.map((source) => source.id));
  const quoteIds = new Set(scenario.quotes.map((quote) => quote.id));
  const sideList = [...sideIds].map((id) => `"${id}"`).join(' and ');

  const unique = (items: { id: string }[], path: Path, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) report([...path, index, 'id'], `duplicate ${what} id "${item.id}"`);
      seen.add(item.id);
    });
  };
  unique(scenario.sides, ['sides'], 'side');
  unique(scenario.tracks, ['tracks'], 'track');
  unique(scenario.rounds, ['rounds'], 'round');
  unique(scenario.postureMoves, ['postureMoves'], 'move');
  unique(scenario.events, ['events'], 'event');
  unique(scenario.quotes, ['quotes'], 'quote');
  unique(scenario.personas, ['personas'], 'persona');
  unique(scenario.meta.sources, ['meta', 'sources'], 'source');
  unique(scenario.linkage, ['linkage'], 'link');
  unique(scenario.glossary, ['glossary'], 'glossary');

  const side = (value: string, path: Path) => {
    if (!sideIds.has(value)) report(path, `unknown side "${value}"; expected ${sideList}`);
  };
  const sources = (values: string[], path: Path) =>
    values.forEach((value, index) => {
      if (!sourceIds.has(value)) report([...path, index], `unknown source "${value}"`);
    });
  /** A per-side record must name every side exactly, or some sides only when `partial`. */
  const perSide = (record: Record<string, unknown> | undefined, path: Path, partial: boolean) => {
    if (!record) return;
    for (const key of Object.keys(record)) {
      if (!sideIds.has(key)) report([...path, key], `unknown side "${key}"; expected ${sideList}`);
    }
    if (!partial) {
      for (const id of sideIds) {
        if (!Object.hasOwn(record, id)) report([...path, id], `missing a value for side "${id}"`);
      }
    }
  };
  const effects = (value: Effects, path: Path) => perSide(value.sides, [...path, 'sides'], true);
  const trackRef = (value: string, path: Path) => {
    if (!trackIds.has(value)) report(path, `unknown track "${value}"`);
  };

  sources(scenario.debrief.sources, ['debrief', 'sources']);

  scenario.tracks.forEach((track, t) => {
    const path: Path = ['tracks', t];
    unique(track.positions, [...path, 'positions'], 'position');
    const positionIds = new Set(track.positions.map((position) => position.id));
    const position = (value: string, at: Path) => {
      if (!positionIds.has(value)) report(at, `unknown position "${value}" on track "${track.id}"`);
    };
    track.positions.forEach((item, p) => {
      perSide(item.utility, [...path, 'positions', p, 'utility'], false);
      sources(item.sources, [...path, 'positions', p, 'sources']);
    });
    position(track.statusQuo, [...path, 'statusQuo']);
    perSide(track.redLines, [...path, 'redLines'], false);
    for (const [sideId, lines] of Object.entries(track.redLines)) {
      lines.forEach((value, i) => position(value, [...path, 'redLines', sideId, i]));
    }
    perSide(track.weight, [...path, 'weight'], false);
    perSide(track.opening, [...path, 'opening'], true);
    for (const [sideId, value] of Object.entries(track.opening ?? {})) {
      position(value, [...path, 'opening', sideId]);
      if (track.redLines[sideId]?.includes(value)) {
        report([...path, 'opening', sideId], `side "${sideId}" cannot open on its own red line "${value}"`);
      }
    }
    perSide(track.cohesionCost, [...path, 'cohesionCost'], true);
    for (const sideId of sideIds) {
      const lines = track.redLines[sideId] ?? [];
      if (lines.length >= track.positions.length) {
        report([...path, 'redLines', sideId], `side "${sideId}" rules out every position on track "${track.id}"`);
      }
      const end = sideId === scenario.sides[0]?.id ? track.positions[0] : track.positions.at(-1);
      if (end && lines.includes(end.id) && !track.opening?.[sideId]) {
        report([...path, 'opening', sideId], `side "${sideId}" has a red line on its own end of the ladder: give it an opening position`);
      }
    }
  });

  scenario.rounds.forEach((round, r) => {
    if (round.proposer !== undefined) side(round.proposer, ['rounds', r, 'proposer']);
    sources(round.sources, ['rounds', r, 'sources']);
  });

  scenario.postureMoves.forEach((move, m) => {
    side(move.side, ['postureMoves', m, 'side']);
    effects(move.effects, ['postureMoves', m, 'effects']);
    sources(move.sources, ['postureMoves', m, 'sources']);
  });

  const bands = scenario.escalation.bands;
  if (bands[0] && bands[0].from !== 0) report(['escalation', 'bands', 0, 'from'], 'expected the first band to start at 0');
  bands.forEach((band, b) => {
    const previous = bands[b - 1];
    if (previous && band.from <= previous.from) {
      report(['escalation', 'bands', b, 'from'], `expected a start above the previous band's (${previous.from})`);
    }
  });
  unique(bands, ['escalation', 'bands'], 'band');
  for (const curve of ['chance', 'escalation'] as const) {
    const points = scenario.escalation.incident[curve];
    points.forEach((point, i) => {
      const previous = points[i - 1];
      if (previous && point.risk <= previous.risk) {
        report(['escalation', 'incident', curve, i, 'risk'], 'expected points sorted by rising risk');
      }
    });
  }

  scenario.events.forEach((event, e) => {
    const path: Path = ['events', e];
    if (event.trigger.kind === 'scripted' && !roundIds.has(event.trigger.round)) {
      report([...path, 'trigger', 'round'], `unknown round "${event.trigger.round}"`);
    }
    if (event.trigger.kind === 'conditional') {
      const when = event.trigger.when;
      for (const key of ['agreed', 'open'] as const) {
        const value = when[key];
        if (value !== undefined && !trackIds.has(value)) report([...path, 'trigger', 'when', key], `unknown track "${value}"`);
      }
      if (when.moveUsed !== undefined && !moveIds.has(when.moveUsed)) {
        report([...path, 'trigger', 'when', 'moveUsed'], `unknown move "${when.moveUsed}"`);
      }
      const agreedOn = when.agreedOn;
      if (agreedOn !== undefined) {
        const at: Path = [...path, 'trigger', 'when', 'agreedOn'];
        const onTrack = scenario.tracks.find((item) => item.id === agreedOn.track);
        if (!onTrack) report([...at, 'track'], `unknown track "${agreedOn.track}"`);
        agreedOn.positions.forEach((value, i) => {
          if (onTrack && !onTrack.positions.some((item) => item.id === value)) {
            report([...at, 'positions', i], `unknown position "${value}" on track "${onTrack.id}"`);
          }
        });
      }
    }
    effects(event.effects, [...path, 'effects']);
    if (event.quote !== undefined && !quoteIds.has(event.quote)) report([...path, 'quote'], `unknown quote "${event.quote}"`);
    sources(event.sources, [...path, 'sources']);
  });

  scenario.quotes.forEach((quote, q) => {
    side(quote.side, ['quotes', q, 'side']);
    if (!sourceIds.has(quote.source)) report(['quotes', q, 'source'], `unknown source "${quote.source}"`);
  });

  scenario.linkage.forEach((link, l) => {
    const path: Path = ['linkage', l];
    const named = new Set<string>();
    link.tracks.forEach((value, i) => {
      trackRef(value, [...path, 'tracks', i]);
      if (named.has(value)) report([...path, 'tracks', i], `track "${value}" is named twice in link "${link.id}"`);
      named.add(value);
    });
    sources(link.sources, [...path, 'sources']);
  });

  scenario.glossary.forEach((entry, g) => sources(entry.sources, ['glossary', g, 'sources']));

  scenario.personas.forEach((persona, p) => side(persona.side, ['personas', p, 'side']));
  for (const id of sideIds) {
    if (!scenario.personas.some((persona) => persona.side === id)) {
      report(['personas'], `expected at least one persona for side "${id}"`);
    }
  }

  const packageRefs = (positions: Record<string, string> | undefined, at: Path) => {
    for (const [trackId, positionId] of Object.entries(positions ?? {})) {
      const track = scenario.tracks.find((item) => item.id === trackId);
      if (!track) report([...at, trackId], `unknown track "${trackId}"`);
      else if (!track.positions.some((item) => item.id === positionId)) {
        report([...at, trackId], `unknown position "${positionId}" on track "${trackId}"`);
      }
    }
  };
  packageRefs(scenario.debrief.outcome.agreed, ['debrief', 'outcome', 'agreed']);
  scenario.debrief.line.forEach((step, s) => {
    const path: Path = ['debrief', 'line', s];
    if (!roundIds.has(step.round)) report([...path, 'round'], `unknown round "${step.round}"`);
    packageRefs(step.proposal.positions, [...path, 'proposal', 'positions']);
    packageRefs(step.response.counter, [...path, 'response', 'counter']);
    for (const [at, move] of [
      [[...path, 'proposal', 'posture'], step.proposal.posture],
      [[...path, 'response', 'posture'], step.response.posture],
    ] as const) {
      if (move !== null && !moveIds.has(move)) report(at, `unknown move "${move}"`);
    }
    sources(step.sources, [...path, 'sources']);
  });

  if (scenario.map) {
    perSide(scenario.map.blocs, ['map', 'blocs'], true);
    unique(scenario.map.markers, ['map', 'markers'], 'marker');
    scenario.map.markers.forEach((marker, m) => {
      side(marker.side, ['map', 'markers', m, 'side']);
      if (marker.track !== undefined && !trackIds.has(marker.track))
        report(['map', 'markers', m, 'track'], `unknown track "${marker.track}"`);
      if (marker.share !== undefined && marker.kind !== 'troops')
        report(['map', 'markers', m, 'share'], 'a share is for troop markers only');
      if (marker.from !== undefined && !roundIds.has(marker.from)) report(['map', 'markers', m, 'from'], `unknown round "${marker.from}"`);
    });
    // Shares split a side's forces between its troop markers: together they cannot pass the whole.
    for (const id of sideIds) {
      const shares = scenario.map.markers
        .filter((marker) => marker.side === id && marker.kind === 'troops')
        .map((marker) => marker.share ?? 0);
      if (shares.reduce((sum, share) => sum + share, 0) > 1 + 1e-9)
        report(['map', 'markers'], `the troop markers of side "${id}" share more than all its forces (shares add up to over 1)`);
    }
  }

  return problems;
}
