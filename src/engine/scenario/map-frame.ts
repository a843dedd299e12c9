/**
 * Where in the world a scenario's map looks, and how it flattens that part of the globe: the
 * frame (a box of longitudes and latitudes) fitted to the scenario's markers and countries, and
 * a projection chosen for the frame's place and size. Pure (d3-geo's projections are plain
 * math), so the game draws with it and `scenario check` can test a map without a screen.
 */
import { geoAzimuthalEqualArea, geoConicEqualArea, geoDistance, geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { MultiPoint, Position } from 'geojson';
import { ATLAS_COUNTRIES } from './atlas-countries.ts';
import type { ScenarioMap } from './schema.ts';

/** A box on the globe in degrees. West is below east: a frame across the antimeridian has east above 180. */
export interface MapFrame {
  west: number;
  south: number;
  east: number;
  north: number;
}

type Point = readonly [number, number];

/** What a map shows when a scenario names no place at all: the inhabited world. */
export const WORLD_FRAME: MapFrame = { west: -180, south: -58, east: 180, north: 80 };

/**
 * How far a bloc's country reaches into the frame from the markers and contested countries: its
 * land that near is framed, the rest (Siberia, Alaska) is not, so a bloc that names Russia or the
 * United States does not turn a regional map into the world. The reach is a share of the distance
 * between the farthest of those places (great-circle degrees), within bounds: a crisis that spans
 * an ocean takes in more of its blocs' shores than one along a single border.
 */
const REACH = { share: 0.15, least: 4, most: 16 } as const;
/** Degrees of context around everything framed, or this share of the frame's span if more (a marker stays clear of the edge of a wide map). */
const MARGIN = { lon: 3, lat: 2, share: 0.06 } as const;
/** The smallest frame worth drawing, in degrees of latitude and in degrees of longitude at the equator. */
const MIN_SPAN = { lon: 24, lat: 16 } as const;
/** Mercator and conic maps stop short of the poles. */
const MAX_LAT = 84;

/** A frame as given in a scenario: one whose west lies east of its east crosses the antimeridian. */
export function normalFrame(frame: MapFrame): MapFrame {
  return frame.east < frame.west ? { ...frame, east: frame.east + 360 } : frame;
}

/** A longitude moved by whole turns into [west, west + 360). */
export function unwrap(lon: number, west: number): number {
  return west + ((((lon - west) % 360) + 360) % 360);
}

/** The shortest range of longitudes holding all of them: it leaves out the widest gap between them. */
function lonRange(lons: readonly number[]): [number, number] {
  const sorted = [...new Set(lons.map((lon) => unwrap(lon, -180)))].sort((a, b) => a - b);
  let [gap, after] = [sorted[0]! + 360 - sorted.at(-1)!, 0];
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > gap) [gap, after] = [sorted[i]! - sorted[i - 1]!, i];
  const west = sorted[after]!;
  return [west, unwrap(sorted[(after + sorted.length - 1) % sorted.length]!, west)];
}

/** The box around some points, with the margin, grown to the minimum span, kept off the poles. */
function frameAround(points: readonly Point[]): MapFrame {
  const [low, high] = lonRange(points.map((point) => point[0]));
  const lats = points.map((point) => point[1]);
  const latMargin = Math.max(MARGIN.lat, (Math.max(...lats) - Math.min(...lats)) * MARGIN.share);
  let [south, north] = [Math.min(...lats) - latMargin, Math.max(...lats) + latMargin];
  const growLat = Math.max(0, MIN_SPAN.lat - (north - south)) / 2;
  [south, north] = [south - growLat, north + growLat];
  if (north > MAX_LAT) [south, north] = [south - (north - MAX_LAT), MAX_LAT];
  if (south < -MAX_LAT) [south, north] = [-MAX_LAT, Math.min(MAX_LAT, north + (-MAX_LAT - south))];
  // Degrees of longitude shrink towards the poles: the minimum is measured on the ground.
  const minLon = Math.min(360, MIN_SPAN.lon / Math.max(0.2, Math.cos((((south + north) / 2) * Math.PI) / 180)));
  const lonMargin = Math.max(MARGIN.lon, (high - low) * MARGIN.share);
  let [west, east] = [low - lonMargin, high + lonMargin];
  const growLon = Math.max(0, minLon - (east - west)) / 2;
  [west, east] = [west - growLon, east + growLon];
  if (east - west >= 360) [west, east] = [-180, 180];
  return { west, south, east, north };
}

/** The points of a country the map knows (none for a name it does not). */
function countryPoints(name: string): readonly Point[] {
  return Object.hasOwn(ATLAS_COUNTRIES, name) ? ATLAS_COUNTRIES[name]! : [];
}

/** A country's reference point (the middle of its largest part), or null for a name the map does not know. */
export function countryReference(name: string): Point | null {
  return countryPoints(name)[0] ?? null;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * The frame of a scenario's map: the one it gives, or the box around its markers and contested
 * countries and the land of its blocs within reach of them (all the blocs' land when it has
 * neither markers nor contested countries; the world when it names nothing).
 */
export function scenarioFrame(map: ScenarioMap | undefined): MapFrame {
  if (map?.frame) return normalFrame(map.frame);
  const core: Point[] = [
    ...(map?.markers ?? []).map((marker): Point => [marker.lon, marker.lat]),
    ...(map?.contested ?? []).flatMap(countryPoints),
  ];
  const blocs = Object.values(map?.blocs ?? {}).flatMap((names) => names.flatMap(countryPoints));
  if (core.length === 0) return blocs.length === 0 ? WORLD_FRAME : frameAround(blocs);
  let diameter = 0;
  for (const a of core) for (const b of core) diameter = Math.max(diameter, geoDistance(a as [number, number], b as [number, number]));
  const reach = Math.min(radians(REACH.most), Math.max(radians(REACH.least), diameter * REACH.share));
  const near = blocs.filter((point) => core.some((other) => geoDistance(point as [number, number], other as [number, number]) <= reach));
  return frameAround([...core, ...near]);
}

/**
 * The markers' own box with a little context (null without markers): what a map of another shape
 * than the frame zooms in on. The contested countries may then run off the edge (Georgia on a
 * narrow map of Geneva 2022): the markers are what the game moves.
 */
export function focusFrame(map: ScenarioMap | undefined): MapFrame | null {
  const markers = map?.markers ?? [];
  if (markers.length === 0) return null;
  const [west, east] = lonRange(markers.map((item) => item.lon));
  const lats = markers.map((item) => item.lat);
  return { west: west - 3, east: east + 3, south: Math.min(...lats) - 2, north: Math.max(...lats) + 2 };
}

export type ProjectionKind = 'conic' | 'mercator' | 'azimuthal' | 'equal-earth';

/**
 * The projection for a frame. Wider than about a quarter of the globe (a crisis from the Gulf of
 * Mexico to the Black Sea), a conic or azimuthal map bends its edges badly: Equal Earth, a world
 * map's projection. Near a pole, or taller than a continent: Lambert azimuthal equal-area, true
 * to areas around its centre. Within 30° of the equator (the Caribbean, the Gulf): Mercator, whose
 * stretching is small there and whose north stays up. Mid-latitudes (Europe, Korea, Kashmir):
 * Albers conic equal-area, with its standard parallels at a sixth of the frame from its edges.
 */
export function projectionKind(frame: MapFrame): ProjectionKind {
  const [lonSpan, latSpan] = [frame.east - frame.west, frame.north - frame.south];
  const middle = (frame.south + frame.north) / 2;
  if (lonSpan > 100 || latSpan > 80) return 'equal-earth';
  if (frame.north > 72 || frame.south < -72 || latSpan > 45) return 'azimuthal';
  if (Math.abs(middle) < 30) return 'mercator';
  return 'conic';
}

/** The projection chosen for a frame, centred on it, not yet scaled to a box. */
export function frameProjection(frame: MapFrame): GeoProjection {
  const lon = (frame.west + frame.east) / 2;
  const lat = (frame.south + frame.north) / 2;
  const span = frame.north - frame.south;
  // The prepared data has no segment longer than a degree: no adaptive resampling needed.
  switch (projectionKind(frame)) {
    case 'equal-earth':
      return geoEqualEarth().rotate([-lon, 0]).precision(0);
    case 'mercator':
      return geoMercator().rotate([-lon, 0]).precision(0);
    case 'conic':
      return geoConicEqualArea()
        .parallels([frame.south + span / 6, frame.north - span / 6])
        .rotate([-lon, 0])
        .precision(0);
    case 'azimuthal':
      // The far hemisphere is cut away: near its antipode the projection turns a tiny island inside out.
      return geoAzimuthalEqualArea().rotate([-lon, -lat]).clipAngle(90).precision(0);
  }
}

/** The frame's edges as points, a degree apart: fitting to points avoids any question of polygon winding. */
export function frameOutline(frame: MapFrame): MultiPoint {
  const { west, east, south, north } = frame;
  const coordinates: Position[] = [];
  const lonStep = (east - west) / Math.max(1, Math.ceil(east - west));
  const latStep = (north - south) / Math.max(1, Math.ceil(north - south));
  for (let lon = west; lon <= east + 1e-9; lon += lonStep) coordinates.push([lon, south], [lon, north]);
  for (let lat = south; lat <= north + 1e-9; lat += latStep) coordinates.push([west, lat], [east, lat]);
  return { type: 'MultiPoint', coordinates };
}

/**
 * The frame's projection scaled so the frame fits inside a box less its padding, clipped to the
 * box. In a box of another shape than the frame (a tall column beside the table), the frame
 * alone would leave the markers crowded in a band across the middle: with a focus, the map zooms
 * in, centred on it, until the frame fills the box or the focus just fits, whichever comes first.
 */
export function fitFrame(width: number, height: number, padding: number, frame: MapFrame, focus: MapFrame | null = null): GeoProjection {
  const inset = Math.max(0, Math.min(padding, width / 4, height / 4));
  const projection = frameProjection(frame).fitExtent(
    [
      [inset, inset],
      [width - inset, height - inset],
    ],
    frameOutline(frame),
  );
  if (focus) {
    const path = geoPath(projection);
    const [[wx0, wy0], [wx1, wy1]] = path.bounds(frameOutline(frame));
    const [[fx0, fy0], [fx1, fy1]] = path.bounds(frameOutline(focus));
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

/**
 * A scenario's map fitted to a box, padded by 2% of the box: its frame, zoomed in on its markers
 * when the box calls for it, unless the scenario gave the frame (then it is shown whole).
 */
export function fitScenarioMap(width: number, height: number, map: ScenarioMap | undefined): GeoProjection {
  return fitFrame(width, height, Math.round(Math.min(width, height) * 0.02), scenarioFrame(map), map?.frame ? null : focusFrame(map));
}
