/**
 * Country names on the map: where each visible country's name may go (the spots deepest inside
 * it), and which names fit, after the markers' labels, without touching anything.
 */
import { ringArea, type ProjectedMap, type Ring, type ScreenPoint } from './map-geometry.ts';
import { boxesOverlap, insideRings, segmentCrossesBox, type Box, type LaidText, type Measure, type Segment } from './layout-shapes.ts';

/** Distance from a point to the nearest edge of any ring. */
function edgeDistance(point: ScreenPoint, rings: readonly Ring[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[j]!, ring[i]!];
      const [vx, vy] = [b[0] - a[0], b[1] - a[1]];
      const length = vx * vx + vy * vy;
      const t = length > 0 ? Math.max(0, Math.min(1, ((point[0] - a[0]) * vx + (point[1] - a[1]) * vy) / length)) : 0;
      best = Math.min(best, Math.hypot(point[0] - a[0] - t * vx, point[1] - a[1] - t * vy));
    }
  }
  return best;
}

export interface CountryAnchor {
  name: string;
  /** Where the name may go, best first: the points deepest inside the country's largest visible part. */
  spots: ScreenPoint[];
  /** That part's area in square pixels: bigger countries are named first. */
  area: number;
  rings: Ring[];
}

/** Grid steps across a country when looking for the points deepest inside it, and how many of them a name tries. */
const ANCHOR_GRID = 14;
const ANCHOR_SPOTS = 16;

/**
 * Where each visible country's name may go: the grid points farthest from the edges of its
 * largest part (a cheap "pole of inaccessibility"), deepest first, so names sit well inside bent
 * countries such as Norway, Russia's name lands in the part of Russia the map shows, and a name
 * whose best spot is taken by a marker can move to the next. Depends only on the projection, so
 * it is worked out once per layout of the map, not on every move.
 */
export function countryAnchors(geometry: ProjectedMap): CountryAnchor[] {
  const anchors: CountryAnchor[] = [];
  for (const country of geometry.countries) {
    let largest: Ring | null = null;
    let largestArea = 0;
    for (const ring of country.rings) {
      const area = Math.abs(ringArea(ring));
      if (area > largestArea) [largest, largestArea] = [ring, area];
    }
    if (!largest) continue;
    const xs = largest.map((point) => point[0]);
    const ys = largest.map((point) => point[1]);
    const [left, top] = [Math.min(...xs), Math.min(...ys)];
    const [stepX, stepY] = [(Math.max(...xs) - left) / ANCHOR_GRID, (Math.max(...ys) - top) / ANCHOR_GRID];
    const inner: { point: ScreenPoint; depth: number }[] = [];
    for (let i = 1; i < ANCHOR_GRID; i++) {
      for (let j = 1; j < ANCHOR_GRID; j++) {
        const point: ScreenPoint = [left + i * stepX, top + j * stepY];
        if (insideRings(point, [largest])) inner.push({ point, depth: edgeDistance(point, [largest]) });
      }
    }
    inner.sort((a, b) => b.depth - a.depth);
    // Spots spread over the country: a marker that blocks one spot would block its neighbours too.
    const spots: ScreenPoint[] = [];
    for (const { point } of inner) {
      if (spots.length === ANCHOR_SPOTS) break;
      if (spots.every(([x, y]) => Math.abs(x - point[0]) > 1.5 * stepX || Math.abs(y - point[1]) > 1.5 * stepY)) spots.push(point);
    }
    if (spots.length > 0) anchors.push({ name: country.name, spots, area: largestArea, rings: country.rings });
  }
  return anchors;
}

/** The points of a name's box that must lie inside its country: both ends and the middle of its mid-line. */
function nameFits(box: Box, rings: readonly Ring[]): boolean {
  const y = box.y + box.height / 2;
  return [box.x + 2, box.x + box.width / 2, box.x + box.width - 2].every((x) => insideRings([x, y], rings));
}

/**
 * Country names, after the markers' labels: the contested countries first (the talks are about
 * them), then the others from the largest down. A name goes at the first of its country's spots
 * (or a little beside one) where it fits inside the country and touches nothing already placed; otherwise the country
 * stays unnamed.
 */
export function placeCountryNames(
  anchors: readonly CountryAnchor[],
  contested: readonly string[],
  measure: Measure,
  width: number,
  height: number,
  taken: readonly Box[],
  lines: readonly Segment[] = [],
): LaidText[] {
  const order = [...anchors].sort((a, b) => Number(contested.includes(b.name)) - Number(contested.includes(a.name)) || b.area - a.area);
  const placed: LaidText[] = [];
  for (const anchor of order) {
    const text = anchor.name.toUpperCase();
    const size = measure(text, 'country');
    if (size.width * size.height > anchor.area) continue;
    // Each spot, then a little to either side of it or a line above or below.
    const tries = anchor.spots.flatMap(([x, y]) =>
      [
        [0, 0],
        [-1 / 3, 0],
        [1 / 3, 0],
        [0, -1],
        [0, 1],
      ].map(([dx, dy]) => [x + dx! * size.width, y + dy! * size.height] as const),
    );
    for (const [x, y] of tries) {
      const box: Box = { x: x - size.width / 2, y: y - size.height / 2, ...size };
      const inside = box.x >= 1 && box.y >= 1 && box.x + box.width <= width - 1 && box.y + box.height <= height - 1;
      if (!inside || !nameFits(box, anchor.rings)) continue;
      if ([...taken, ...placed].some((other) => boxesOverlap(box, other)) || lines.some((line) => segmentCrossesBox(line, box))) continue;
      placed.push({ id: anchor.name, text, ...box });
      break;
    }
  }
  return placed;
}
