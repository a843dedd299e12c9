/**
 * The geometry of the map of Europe, in screen pixels: the projection, the countries' rings and
 * the hatching of contested countries (where labels go is map-layout.ts). Pure TypeScript over
 * d3-geo (no Phaser, no DOM), so every number the map draws can be tested under Node.
 */
import { geoAzimuthalEqualArea, geoPath, geoStream, type GeoProjection, type GeoStream } from 'd3-geo';
import type { FeatureCollection, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import type { ScenarioMap } from '../../engine/scenario/schema.ts';

export type ScreenPoint = [x: number, y: number];
export type Ring = ScreenPoint[];

/** The prepared file assets/map/europe.json: one feature per country, named as Natural Earth names it. */
export type EuropeCollection = FeatureCollection<Polygon | MultiPolygon, { name: string }>;

export interface CountryShape {
  name: string;
  /** Outer rings only (the prepared file has no holes), clipped to the box. */
  rings: Ring[];
}

export interface ProjectedEurope {
  width: number;
  height: number;
  projection: GeoProjection;
  countries: CountryShape[];
  /** A place in screen pixels, or null when it falls outside the box. */
  project(lon: number, lat: number): ScreenPoint | null;
}

export interface ViewWindow {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** What the map shows by default: from Portugal to the Volga, from Crete to the North Cape. */
export const VIEW_WINDOW: ViewWindow = { west: -12, east: 50, south: 35, north: 70 };

/** Degrees of context kept around a scenario's markers, and the smallest window worth drawing. */
const MARKER_MARGIN = { lon: 8, lat: 5 } as const;
const MIN_SPAN = { lon: 30, lat: 18 } as const;

/**
 * The window a scenario's map needs: its markers with some context around them (so they do not
 * crowd into a corner of the continent), within the default window; the default without markers.
 */
export function viewWindow(map: ScenarioMap | undefined): ViewWindow {
  const markers = map?.markers ?? [];
  if (markers.length === 0) return VIEW_WINDOW;
  const lons = markers.map((marker) => marker.lon);
  const lats = markers.map((marker) => marker.lat);
  /** The markers' span with its margin, grown to the minimum, slid (not cut) to stay in bounds. */
  const span = (low: number, high: number, margin: number, least: number, floor: number, ceiling: number): [number, number] => {
    const extra = Math.max(0, least - (high - low) - 2 * margin) / 2;
    let from = low - margin - extra;
    let to = high + margin + extra;
    if (to > ceiling) [from, to] = [from - (to - ceiling), ceiling];
    if (from < floor) [from, to] = [floor, Math.min(ceiling, to + (floor - from))];
    return [from, to];
  };
  const [west, east] = span(Math.min(...lons), Math.max(...lons), MARKER_MARGIN.lon, MIN_SPAN.lon, VIEW_WINDOW.west, VIEW_WINDOW.east);
  const [south, north] = span(Math.min(...lats), Math.max(...lats), MARKER_MARGIN.lat, MIN_SPAN.lat, VIEW_WINDOW.south, VIEW_WINDOW.north);
  return { west, east, south, north };
}

/** Degrees of context kept around the markers when a box of another shape than the window zooms in on them. */
const FOCUS_MARGIN = { lon: 3, lat: 2 } as const;

/** The markers' own extent with a little context (null without markers): what a narrow or wide map zooms in on. */
export function focusWindow(map: ScenarioMap | undefined): ViewWindow | null {
  const markers = map?.markers ?? [];
  if (markers.length === 0) return null;
  const lons = markers.map((marker) => marker.lon);
  const lats = markers.map((marker) => marker.lat);
  return {
    west: Math.min(...lons) - FOCUS_MARGIN.lon,
    east: Math.max(...lons) + FOCUS_MARGIN.lon,
    south: Math.min(...lats) - FOCUS_MARGIN.lat,
    north: Math.max(...lats) + FOCUS_MARGIN.lat,
  };
}

/**
 * Lambert azimuthal equal-area centred on the window, the projection the EU itself uses for
 * Europe (EPSG:3035): areas stay true, so Russia does not swamp the map as on a conic.
 */
export function europeProjection(window: ViewWindow = VIEW_WINDOW): GeoProjection {
  const lon = (window.west + window.east) / 2;
  const lat = (window.south + window.north) / 2;
  // Short segments (the data is simplified to a few km) need no adaptive resampling. The far
  // hemisphere is cut away: near its antipode the projection turns a tiny island inside out.
  return geoAzimuthalEqualArea().rotate([-lon, -lat]).clipAngle(90).precision(0);
}

/** The window's edges as points: fitting to points avoids any question of polygon winding. */
export function viewOutline(window: ViewWindow = VIEW_WINDOW): MultiPoint {
  const { west, east, south, north } = window;
  const coordinates: Position[] = [];
  for (let lon = west; lon <= east; lon += 1) coordinates.push([lon, south], [lon, north]);
  for (let lat = south; lat <= north; lat += 1) coordinates.push([west, lat], [east, lat]);
  return { type: 'MultiPoint', coordinates };
}

/**
 * The projection scaled so the whole window fits inside the box less its padding, clipped to the
 * box. In a box of another shape than the window (a tall column beside the table), the window
 * alone would leave the markers crowded in a band across the middle: with a focus, the map zooms
 * in, centred on it, until the window fills the box or the focus just fits, whichever comes first.
 */
export function fitEurope(
  width: number,
  height: number,
  padding = 0,
  window: ViewWindow = VIEW_WINDOW,
  focus: ViewWindow | null = null,
): GeoProjection {
  const inset = Math.max(0, Math.min(padding, width / 4, height / 4));
  const projection = europeProjection(window).fitExtent(
    [
      [inset, inset],
      [width - inset, height - inset],
    ],
    viewOutline(window),
  );
  if (focus) {
    const path = geoPath(projection);
    const [[wx0, wy0], [wx1, wy1]] = path.bounds(viewOutline(window));
    const [[fx0, fy0], [fx1, fy1]] = path.bounds(viewOutline(focus));
    const [innerWidth, innerHeight] = [width - 2 * inset, height - 2 * inset];
    const cover = Math.max(innerWidth / (wx1 - wx0), innerHeight / (wy1 - wy0));
    const fit = Math.min(innerWidth / (fx1 - fx0), innerHeight / (fy1 - fy0));
    const zoom = Math.min(cover, fit);
    if (zoom > 1) {
      const [tx, ty] = projection.translate();
      const [cx, cy] = [(fx0 + fx1) / 2, (fy0 + fy1) / 2];
      projection.scale(projection.scale() * zoom).translate([width / 2 - (cx - tx) * zoom, height / 2 - (cy - ty) * zoom]);
    }
  }
  return projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
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

/** Projects every country into a box of the given size, origin at its top-left corner. */
export function projectEurope(
  collection: EuropeCollection,
  width: number,
  height: number,
  padding = 0,
  window: ViewWindow = VIEW_WINDOW,
  focus: ViewWindow | null = null,
): ProjectedEurope {
  const projection = fitEurope(width, height, padding, window, focus);
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

/** A scenario's map in a box: its window, zoomed in on its markers when the box calls for it, padded by 2% of the box. */
export function projectScenarioMap(
  collection: EuropeCollection,
  width: number,
  height: number,
  map: ScenarioMap | undefined,
): ProjectedEurope {
  const padding = Math.round(Math.min(width, height) * 0.02);
  return projectEurope(collection, width, height, padding, viewWindow(map), focusWindow(map));
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
