// Prepares assets/map/world.json from Natural Earth's 1:50m countries (npm package world-atlas):
// simplifies the shared borders once, rounds to 0.01° (about 1 km, under a pixel at any size the
// game uses) and drops specks and holes. It also writes the engine's list of the countries' names
// with a few points on each (src/engine/scenario/atlas-countries.ts), which frames a scenario's
// map and lets `scenario check` name a country the map does not know.
// Run: npx tsx scripts/prepare-map.ts — the output is committed, so the game never parses the
// 750 KB TopoJSON at run time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { WorldCollection } from '../src/game/map/map-geometry.ts';

const OUTPUT = new URL('../assets/map/world.json', import.meta.url);
const ATLAS = new URL('../src/engine/scenario/atlas-countries.ts', import.meta.url);

/** Borders are simplified to this many degrees (Douglas–Peucker): about 4 km, a fraction of a pixel on a regional map. */
const TOLERANCE = 0.04;
/** The longest segment kept, in degrees (see densify). */
const MAX_STEP = 1;
/** Islands smaller than this (steradians; 1e-5 is about 400 km²) are dropped, but never a country's largest part. */
const MIN_PART = 1e-5;
/** Parts at least this large (about 4,000 km²) get a point of their own in the atlas even when no grid point falls inside. */
const ATLAS_PART = 1e-4;
/** The atlas samples each country on a grid of this many degrees: enough to frame a map, small enough to bundle. */
const ATLAS_GRID = 4;
/** Mercator sends a pole to infinity: Antarctica's edge at 90° S stops just short of it. */
const MAX_LAT = 89;

type Point = [number, number];

/**
 * Natural Earth 4.1 draws the world as it is held, and puts Crimea inside Russia. The game must
 * not settle that silently: Crimea becomes a region of its own, which a scenario can name in its
 * blocs or contested list like any country. It is the Russian part around Simferopol.
 */
const SPLITS = [{ from: 'Russia', name: 'Crimea', at: [34.1, 44.95] as Point }] as const;

/**
 * Douglas–Peucker on one arc; its ends stay, so arcs shared by two countries still meet. A closed
 * arc (an island, an enclave) keeps at least four corners, or it would collapse to a line.
 */
function simplify(points: Point[], tolerance: number): Point[] {
  const last = points.length - 1;
  if (last < 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[last] = 1;
  const distance = (i: number, first: number, end: number) => {
    const [[ax, ay], [bx, by], [px, py]] = [points[first]!, points[end]!, points[i]!];
    const length = Math.hypot(bx - ax, by - ay);
    return length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((by - ay) * (px - ax) - (bx - ax) * (py - ay)) / length;
  };
  const farthest = (first: number, end: number) => {
    let [best, most] = [-1, 0];
    for (let i = first + 1; i < end; i++) if (distance(i, first, end) > most) [best, most] = [i, distance(i, first, end)];
    return { best, most };
  };
  const closed = points[0]![0] === points[last]![0] && points[0]![1] === points[last]![1];
  // [first, end, forced]: a forced span keeps its farthest point whatever the tolerance.
  const stack: [number, number, boolean][] = [];
  const opposite = closed ? farthest(0, last).best : -1;
  if (opposite > 0) {
    keep[opposite] = 1;
    stack.push([0, opposite, true], [opposite, last, true]);
  } else stack.push([0, last, false]);
  while (stack.length > 0) {
    const [first, end, forced] = stack.pop()!;
    const { best, most } = farthest(first, end);
    if (best > 0 && (forced || most > tolerance)) {
      keep[best] = 1;
      stack.push([first, best, false], [best, end, false]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Splits segments longer than MAX_STEP degrees: the simplification leaves a straight border (a
 * parallel such as 49° N) as one long segment, which a conic map would draw as a chord.
 */
function densify(points: Point[]): Point[] {
  const out: Point[] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    const [[ax, ay], [bx, by]] = [points[i - 1]!, points[i]!];
    // A step across the antimeridian is not a long segment but a short one the other way round.
    const steps = Math.abs(bx - ax) > 180 ? 1 : Math.ceil(Math.hypot(bx - ax, by - ay) / MAX_STEP);
    for (let k = 1; k <= steps; k++) out.push([ax + ((bx - ax) * k) / steps, ay + ((by - ay) * k) / steps]);
  }
  return out;
}

/** Decodes the quantised, delta-encoded arcs and simplifies each: the topology stays consistent. */
function simplifiedTopology(topology: Topology): Topology {
  const { scale, translate } = topology.transform!;
  const arcs = topology.arcs.map((arc) => {
    let [x, y] = [0, 0];
    const points = arc.map(([dx, dy]): Point => {
      [x, y] = [x + dx!, y + dy!];
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
    return densify(simplify(points, TOLERANCE));
  });
  return { type: 'Topology', objects: topology.objects, arcs };
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The outer ring of each part, rounded, with a sane winding. Holes go (enclaves are countries of
 * their own, drawn on top), and so does a ring the simplification turned inside out: on the
 * sphere it would enclose the whole world.
 */
function outerParts(geometry: Polygon | MultiPolygon): Position[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts = polygons
    .map((rings) => {
      const ring: Point[] = [];
      for (const [lon, lat] of rings[0]!) {
        const point: Point = [round(lon!), round(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat!)))];
        const previous = ring[ring.length - 1];
        if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) ring.push(point);
      }
      return [ring];
    })
    .filter((polygon) => polygon[0]!.length >= 4)
    .map((polygon) => ({ polygon, area: geoArea({ type: 'Polygon', coordinates: polygon }) }))
    .filter((part) => part.area > 0 && part.area < 2 * Math.PI);
  const largest = Math.max(...parts.map((part) => part.area));
  return parts.filter((part) => part.area >= MIN_PART || part.area === largest).map((part) => part.polygon);
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * A country's points for the engine: its reference point first (the middle of its largest
 * part), then the points of a coarse grid that fall inside it, then the middle of any sizeable
 * part the grid missed (an island such as Sicily), so a map can be framed on the part of a large
 * country near the rest of a scenario.
 */
function atlasPoints(shape: MultiPolygon): Point[] {
  const parts = shape.coordinates.map((polygon): Polygon => ({ type: 'Polygon', coordinates: polygon }));
  const largest = parts.reduce((best, part) => (geoArea(part) > geoArea(best) ? part : best));
  const points: Point[] = [geoCentroid(largest).map(tenth) as Point];
  const grid: Point[] = [];
  for (let lat = -90 + ATLAS_GRID / 2; lat < 90; lat += ATLAS_GRID)
    for (let lon = -180 + ATLAS_GRID / 2; lon < 180; lon += ATLAS_GRID) grid.push([lon, lat]);
  for (const part of parts) {
    const inside = grid.filter((point) => geoContains(part, point));
    points.push(...inside);
    if (inside.length === 0 && part !== largest && geoArea(part) >= ATLAS_PART) points.push(geoCentroid(part).map(tenth) as Point);
  }
  return points;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const countries = feature(simplifiedTopology(topology), topology.objects.countries as GeometryCollection<{ name: string }>);

  const features: { feature: Feature<MultiPolygon, { name: string }>; area: number }[] = [];
  const add = (name: string, coordinates: Position[][][]) => {
    if (coordinates.length === 0) return;
    const shape: MultiPolygon = { type: 'MultiPolygon', coordinates };
    features.push({ feature: { type: 'Feature', properties: { name }, geometry: shape }, area: geoArea(shape) });
  };
  for (const country of countries.features) {
    const geometry = country.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    let coordinates = outerParts(geometry);
    for (const split of SPLITS.filter((item) => item.from === country.properties.name)) {
      const parts = coordinates.filter((polygon) => geoContains({ type: 'Polygon', coordinates: polygon }, split.at));
      if (parts.length === 0) throw new Error(`no part of ${split.from} holds ${split.name}`);
      add(split.name, parts);
      coordinates = coordinates.filter((polygon) => !parts.includes(polygon));
    }
    add(country.properties.name, coordinates);
  }
  // Largest first, so an enclave is drawn after (over) the country around it.
  features.sort((a, b) => b.area - a.area);
  const collection: WorldCollection = { type: 'FeatureCollection', features: features.map((item) => item.feature) };

  // One country per line: small diffs when the data or this script changes.
  const text = `{"type":"FeatureCollection","features":[\n${collection.features.map((item) => JSON.stringify(item)).join(',\n')}\n]}\n`;
  mkdirSync(new URL('.', OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, text);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `wrote assets/map/world.json: ${kb(text.length)} (${kb(gzipSync(text).length)} gzipped), ${collection.features.length} countries`,
  );

  const names = [...collection.features].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'en'));
  const atlas = [
    '// Generated by scripts/prepare-map.ts from Natural Earth (world-atlas): do not edit by hand.',
    '// Each country the map knows, by its Natural Earth name: its reference point first, then points on it about',
    `// ${ATLAS_GRID}° apart (longitude, latitude), so a map can be framed on the part of a large country near the rest.`,
    'export const ATLAS_COUNTRIES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {',
    ...names.map((item) => `  ${JSON.stringify(item.properties.name)}: ${JSON.stringify(atlasPoints(item.geometry as MultiPolygon))},`),
    '};',
    '',
  ].join('\n');
  writeFileSync(ATLAS, atlas);
  console.log(`wrote src/engine/scenario/atlas-countries.ts: ${kb(atlas.length)} (${kb(gzipSync(atlas).length)} gzipped)`);
}

main();
