/**
 * Warnings about what a scenario's map cannot place: a country the map does not know (drawn in
 * no colour, framing nothing), a marker outside the frame the scenario gives (not drawn), and
 * markers so close on the briefing's map at 1024×768 that one covers the other and a label
 * may be left out. Pure: the same frame and projection as the game (map-frame.ts), no screen.
 */
import { ATLAS_COUNTRIES } from './atlas-countries.ts';
import { fitScenarioMap, normalFrame, unwrap } from './map-frame.ts';
import type { Problem } from './problems.ts';
import type { Scenario } from './schema.ts';

/**
 * The map where markers must stand apart: the briefing's at 1024×768, the smallest the game shows
 * to be read. The column beside the table is a reminder of it, smaller still: on a map that spans
 * an ocean, markers in one country run together there whatever the author does.
 */
export const SMALLEST_MAP = { width: 455, height: 560 } as const;
/** Markers nearer than this (pixels, on that map) sit inside each other's symbol. */
const CROWDED = 6;

const KNOWN = Object.keys(ATLAS_COUNTRIES);

/** Names the map knows that the author may have meant: the same letters in another case, or the same start. */
function suggestions(name: string): string[] {
  const lower = name.toLowerCase();
  const same = KNOWN.filter((known) => known.toLowerCase() === lower);
  if (same.length > 0) return same;
  const start = lower.slice(0, 4);
  return KNOWN.filter((known) => known.toLowerCase().startsWith(start) || known.toLowerCase().includes(lower)).slice(0, 3);
}

function unknownCountry(name: string): string {
  const maybe = suggestions(name);
  const hint = maybe.length > 0 ? `; did you mean ${maybe.map((item) => `"${item}"`).join(' or ')}?` : '';
  return `the map knows no country "${name}" (names follow Natural Earth, e.g. "United States of America"): it is not coloured and does not frame the map${hint}`;
}

const degrees = (value: number) => `${Math.round(value * 100) / 100}`;

export function mapPlacementWarnings(scenario: Scenario): Problem[] {
  const map = scenario.map;
  if (!map) return [];
  const findings: Problem[] = [];
  const warn = (path: Problem['path'], message: string) => findings.push({ path, message });

  for (const [side, names] of Object.entries(map.blocs))
    names.forEach((name, n) => {
      if (!Object.hasOwn(ATLAS_COUNTRIES, name)) warn(['map', 'blocs', side, n], unknownCountry(name));
    });
  map.contested.forEach((name, n) => {
    if (!Object.hasOwn(ATLAS_COUNTRIES, name)) warn(['map', 'contested', n], unknownCountry(name));
  });

  if (map.frame) {
    const frame = normalFrame(map.frame);
    if (frame.south >= frame.north) warn(['map', 'frame'], `the frame's south (${frame.south}) is not below its north (${frame.north})`);
    const box = `${degrees(map.frame.west)}° to ${degrees(map.frame.east)}° east, ${degrees(frame.south)}° to ${degrees(frame.north)}° north`;
    map.markers.forEach((marker, m) => {
      const outside = unwrap(marker.lon, frame.west) > frame.east || marker.lat < frame.south || marker.lat > frame.north;
      if (outside)
        warn(
          ['map', 'markers', m],
          `marker "${marker.id}" (${marker.lon}, ${marker.lat}) is outside the map's frame (${box}): it is not drawn; widen the frame or move the marker`,
        );
    });
  }

  const projection = fitScenarioMap(SMALLEST_MAP.width, SMALLEST_MAP.height, map);
  const points = map.markers.map((marker) => projection([marker.lon, marker.lat]));
  map.markers.forEach((marker, m) => {
    const here = points[m];
    if (!here) return;
    const other = map.markers.findIndex((_, o) => {
      const there = points[o];
      return o < m && there && Math.hypot(there[0] - here[0], there[1] - here[1]) < CROWDED;
    });
    if (other >= 0)
      warn(
        ['map', 'markers', m],
        `marker "${marker.id}" lies on marker "${map.markers[other]!.id}" on the briefing's map at 1024×768: one covers the other and a label may be left out; move one, merge them, or give the map a smaller frame`,
      );
  });
  return findings;
}
