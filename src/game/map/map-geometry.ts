/**
 * The geometry of a scenario's map, in screen pixels: the countries' rings in the projection the
 * engine chose for the scenario's frame (engine/scenario/map-frame.ts) and the hatching of
 * contested countries (where labels go is map-layout.ts). Pure TypeScript over d3-geo (no
 * Phaser, no DOM), so every number the map draws can be tested under Node.
 */
import { geoStream, type GeoProjection, type GeoStream } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { fitScenarioMap } from '../../engine/scenario/map-frame.ts';
import type { ScenarioMap } from '../../engine/scenario/schema.ts';

export type ScreenPoint = [x: number, y: number];
export type Ring = ScreenPoint[];

/** The prepared file assets/map/world.json: one feature per country, named as Natural Earth names it. */
export type WorldCollection = FeatureCollection<Polygon | MultiPolygon, { name: string }>;

export interface CountryShape {
  name: string;
  /** Outer rings only (the prepared file has no holes), clipped to the box. */
  rings: Ring[];
}

export interface ProjectedMap {
  width: number;
  height: number;
  projection: GeoProjection;
  countries: CountryShape[];
  /** A place in screen pixels, or null when it falls outside the box. */
  project(lon: number, lat: number): ScreenPoint | null;
}

/** Twice the signed area of a ring (shoelace). */
export function ringArea(ring: readonly ScreenPoint[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  }
  return sum / 2;
}

/** Rings smaller than this (in square pixels) are specks: not worth a draw call. */
const MIN_RING_AREA = 0.5;

/** Streams one geometry through a projection (which clips it) and collects the rings it emits. */
export function projectRings(projection: GeoProjection, geometry: Polygon | MultiPolygon): Ring[] {
  const rings: Ring[] = [];
  let ring: Ring = [];
  const sink: GeoStream = {
    point: (x, y) => void ring.push([x, y]),
    lineStart: () => void (ring = []),
    lineEnd: () => {
      if (ring.length >= 3 && Math.abs(ringArea(ring)) >= MIN_RING_AREA) rings.push(ring);
    },
    polygonStart: () => undefined,
    polygonEnd: () => undefined,
    sphere: () => undefined,
  };
  geoStream(geometry, projection.stream(sink));
  return rings;
}

/** Projects every country through a projection fitted to a box of the given size, origin at its top-left corner. */
export function projectMap(collection: WorldCollection, width: number, height: number, projection: GeoProjection): ProjectedMap {
  const countries: CountryShape[] = [];
  for (const feature of collection.features) {
    const rings = projectRings(projection, feature.geometry);
    if (rings.length > 0) countries.push({ name: feature.properties.name, rings });
  }
  return {
    width,
    height,
    projection,
    countries,
    project(lon, lat) {
      const point = projection([lon, lat]);
      if (!point || !(point[0] >= 0 && point[0] <= width && point[1] >= 0 && point[1] <= height)) return null;
      return [point[0], point[1]];
    },
  };
}

/** A scenario's map in a box: its frame in its projection, zoomed in on its markers when the box calls for it. */
export function projectScenarioMap(collection: WorldCollection, width: number, height: number, map: ScenarioMap | undefined): ProjectedMap {
  return projectMap(collection, width, height, fitScenarioMap(width, height, map));
}

/**
 * The side whose bloc a country belongs to, 'contested' when it is at stake, or null. Contested
 * wins over a bloc: a country the talks are about is shown as at stake even if a side claims it.
 */
export function countryBloc(name: string, map: ScenarioMap | undefined): string | 'contested' | null {
  if (!map) return null;
  if (map.contested.includes(name)) return 'contested';
  for (const [side, names] of Object.entries(map.blocs)) if (names.includes(name)) return side;
  return null;
}

export interface HatchSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The line's number, so alternate lines can take alternate colours. */
  line: number;
}

/**
 * Parallel lines clipped to the inside of a shape (even-odd rule over all its rings): a hatch
 * that Phaser's Graphics can draw as plain line segments, since it has no pattern fills.
 */
export function hatchSegments(rings: readonly Ring[], spacing: number, angleDegrees = 45): HatchSegment[] {
  const angle = (angleDegrees * Math.PI) / 180;
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  // Offset of a point across the lines, and its position along them.
  const across = (p: ScreenPoint) => -dy * p[0] + dx * p[1];
  const along = (p: ScreenPoint) => dx * p[0] + dy * p[1];
  let low = Infinity;
  let high = -Infinity;
  for (const ring of rings) for (const point of ring) [low, high] = [Math.min(low, across(point)), Math.max(high, across(point))];
  const segments: HatchSegment[] = [];
  if (!(spacing > 0) || !Number.isFinite(low)) return segments;
  // Lines on a fixed grid (multiples of the spacing) so neighbouring countries' hatches line up.
  for (let line = Math.ceil(low / spacing); line * spacing <= high; line++) {
    const offset = line * spacing;
    const hits: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [a, b] = [ring[j]!, ring[i]!];
        const [sa, sb] = [across(a) - offset, across(b) - offset];
        // Half-open test: a vertex on the line counts for one of its two edges only.
        if (sa > 0 === sb > 0) continue;
        const t = sa / (sa - sb);
        hits.push(along(a) + t * (along(b) - along(a)));
      }
    }
    hits.sort((p, q) => p - q);
    for (let k = 0; k + 1 < hits.length; k += 2) {
      const [from, to] = [hits[k]!, hits[k + 1]!];
      // Back from (along, across) to screen coordinates.
      const point = (s: number): ScreenPoint => [dx * s - dy * offset, dy * s + dx * offset];
      const [p, q] = [point(from), point(to)];
      segments.push({ x1: p[0], y1: p[1], x2: q[0], y2: q[1], line });
    }
  }
  return segments;
}
