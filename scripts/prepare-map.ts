// Prepares assets/map/europe.json from Natural Earth's 1:50m countries (npm package world-atlas):
// simplifies the shared borders once, keeps the part of the world the map can ever show, rounds
// to 0.01° (about 1 km, under a pixel at any size the game uses) and drops specks and holes.
// Run: npx tsx scripts/prepare-map.ts — the output is committed, so the game never parses the
// 750 KB TopoJSON at run time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoContains, geoDistance, geoStream, type GeoProjection, type GeoStream } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fitEurope, viewOutline, type EuropeCollection } from '../src/game/map/map-geometry.ts';

const OUTPUT = new URL('../assets/map/europe.json', import.meta.url);

/** Borders are simplified to this many degrees (Douglas–Peucker): about 3 km, a fraction of a pixel. */
const TOLERANCE = 0.03;
/** Islands smaller than this (steradians; 1e-5 is about 400 km²) are dropped, but never a country's largest part. */
const MIN_PART = 1e-5;
/**
 * The map's box may be anything from square to 2.2 times as wide as high (with some padding);
 * the data covers what any such box shows, so no country ends in a straight cut inside the map.
 */
const ASPECTS = { min: 1, max: 2.2 } as const;
const MARGIN = 0.12;

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

/** Decodes the quantised, delta-encoded arcs and simplifies each: the topology stays consistent. */
function simplifiedTopology(topology: Topology): Topology {
  const { scale, translate } = topology.transform!;
  const arcs = topology.arcs.map((arc) => {
    let [x, y] = [0, 0];
    const points = arc.map(([dx, dy]): Point => {
      [x, y] = [x + dx!, y + dy!];
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
    return simplify(points, TOLERANCE);
  });
  return { type: 'Topology', objects: topology.objects, arcs };
}

/** The box, in the projection's plane, that covers every box shape in ASPECTS. */
function coverExtent(projection: GeoProjection): [[number, number], [number, number]] {
  const points = viewOutline().coordinates.map((position) => projection(position as Point)!);
  const [x0, x1] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
  const [y0, y1] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
  const [width, height] = [x1 - x0, y1 - y0];
  const halfWidth = (Math.max(width, ASPECTS.max * height) / 2) * (1 + MARGIN);
  const halfHeight = (Math.max(height, width / ASPECTS.min) / 2) * (1 + MARGIN);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return [
    [cx - halfWidth, cy - halfHeight],
    [cx + halfWidth, cy + halfHeight],
  ];
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Keeps the outer ring of each part that has a corner on the near hemisphere and a sane winding.
 * Holes go (enclaves are countries of their own, drawn on top), and so do far-off islands: a
 * speck near the antipode, or one the simplification turned inside out, would otherwise be read
 * as enclosing the whole map.
 */
function nearParts(geometry: Polygon | MultiPolygon, centre: Point): Polygon[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .map((rings): Polygon => ({ type: 'Polygon', coordinates: [rings[0]!] }))
    .filter((part) => {
      const area = geoArea(part);
      return area > 0 && area < 2 * Math.PI && part.coordinates[0]!.some((point) => geoDistance(point as Point, centre) < Math.PI / 2);
    });
}

/** Clips one country to the covered area and returns its outer rings in degrees, specks dropped. */
function clipCountry(projection: GeoProjection, parts: Polygon[]): Position[][][] {
  const rings: Point[][] = [];
  let ring: Point[] = [];
  const sink: GeoStream = {
    point(x, y) {
      const [lon, lat] = projection.invert!([x, y])!;
      const point: Point = [round(lon), round(lat)];
      const previous = ring[ring.length - 1];
      if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) ring.push(point);
    },
    lineStart: () => void (ring = []),
    lineEnd: () => void rings.push(ring),
    polygonStart: () => undefined,
    polygonEnd: () => undefined,
    sphere: () => undefined,
  };
  for (const part of parts) geoStream(part, projection.stream(sink));
  const clipped = rings
    .filter((points) => points.length >= 3)
    .map((points) => [[...points, points[0]!]])
    .map((polygon) => ({ polygon, area: geoArea({ type: 'Polygon', coordinates: polygon }) }))
    // A ring wound the other way is a hole (an enclave such as San Marino, drawn on top
    // instead): on the sphere it encloses everything else, more than half of 4π.
    .filter((part) => part.area < 2 * Math.PI);
  const largest = Math.max(...clipped.map((part) => part.area));
  return clipped.filter((part) => part.area >= MIN_PART || part.area === largest).map((part) => part.polygon);
}

function main(): void {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const countries = feature(simplifiedTopology(topology), topology.objects.countries as GeometryCollection<{ name: string }>);
  const projection = fitEurope(1000, 1000);
  projection.clipExtent(coverExtent(projection));
  const centre = projection.invert!([500, 500])! as Point;

  const features: { feature: Feature<MultiPolygon, { name: string }>; area: number }[] = [];
  const add = (name: string, coordinates: Position[][][]) => {
    if (coordinates.length === 0) return;
    const shape: MultiPolygon = { type: 'MultiPolygon', coordinates };
    features.push({ feature: { type: 'Feature', properties: { name }, geometry: shape }, area: geoArea(shape) });
  };
  for (const country of countries.features) {
    const geometry = country.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    let coordinates = clipCountry(projection, nearParts(geometry, centre));
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
  const collection: EuropeCollection = { type: 'FeatureCollection', features: features.map((item) => item.feature) };

  // One country per line: small diffs when the data or this script changes.
  const text = `{"type":"FeatureCollection","features":[\n${collection.features.map((item) => JSON.stringify(item)).join(',\n')}\n]}\n`;
  mkdirSync(new URL('.', OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, text);
  console.log(`wrote assets/map/europe.json: ${(text.length / 1024).toFixed(1)} KB, ${collection.features.length} countries`);
}

main();
