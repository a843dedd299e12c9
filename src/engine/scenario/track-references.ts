/**
 * The reference checks of a scenario's tracks: their positions, per-side values, red lines and
 * openings name the track's own positions and the scenario's sides, and no side rules out a
 * whole ladder or its own end of it without an opening to start from.
 */
import type { Path, ReferenceChecker } from './reference-checker.ts';
import type { Scenario, Track } from './schema.ts';

export function checkTracks(scenario: Scenario, check: ReferenceChecker): void {
  scenario.tracks.forEach((track, t) => {
    const path: Path = ['tracks', t];
    check.unique(track.positions, [...path, 'positions'], 'position');
    track.positions.forEach((item, p) => {
      check.perSide(item.utility, [...path, 'positions', p, 'utility'], false);
      check.sources(item.sources, [...path, 'positions', p, 'sources']);
    });
    check.position(track, track.statusQuo, [...path, 'statusQuo']);
    check.perSide(track.redLines, [...path, 'redLines'], false);
    for (const [sideId, lines] of Object.entries(track.redLines)) {
      lines.forEach((value, i) => check.position(track, value, [...path, 'redLines', sideId, i]));
    }
    check.perSide(track.weight, [...path, 'weight'], false);
    check.perSide(track.opening, [...path, 'opening'], true);
    for (const [sideId, value] of Object.entries(track.opening ?? {})) {
      check.position(track, value, [...path, 'opening', sideId]);
      if (track.redLines[sideId]?.includes(value)) {
        check.report([...path, 'opening', sideId], `side "${sideId}" cannot open on its own red line "${value}"`);
      }
    }
    check.perSide(track.cohesionCost, [...path, 'cohesionCost'], true);
    checkRedLineReach(scenario, track, path, check);
  });
}

/** Each side leaves some position of the ladder open to it, and can open the talks off its red lines. */
function checkRedLineReach(scenario: Scenario, track: Track, path: Path, check: ReferenceChecker): void {
  for (const sideId of check.sideIds) {
    const lines = track.redLines[sideId] ?? [];
    if (lines.length >= track.positions.length) {
      check.report([...path, 'redLines', sideId], `side "${sideId}" rules out every position on track "${track.id}"`);
    }
    const end = sideId === scenario.sides[0]?.id ? track.positions[0] : track.positions.at(-1);
    if (end && lines.includes(end.id) && !track.opening?.[sideId]) {
      check.report(
        [...path, 'opening', sideId],
        `side "${sideId}" has a red line on its own end of the ladder: give it an opening position`,
      );
    }
  }
}
