/**
 * Where everything on the map goes, in screen pixels: the markers and their sizes, the labels
 * beside them and the names of the countries. Pure (text is measured through a function the
 * caller passes: Phaser in the game, a simple model in the tests), so the rule that no label
 * covers another label or a marker is tested for every scenario, map size and round.
 */
import { ringArea, type ProjectedMap, type Ring, type ScreenPoint } from './map-geometry.ts';
import type { MarkerView } from './map-view.ts';

/** The kinds of text the map prints, each with its own font (see the drawing). */
export type TextKind = 'label' | 'badge' | 'country';
export type Measure = (text: string, kind: TextKind) => { width: number; height: number };

/** A rectangle in screen pixels, top-left corner first. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MapMetrics {
  /** The radius of a marker of size 1, in pixels. */
  unit: number;
  /** Font sizes in pixels. */
  fonts: Record<TextKind, number>;
}

/** Base font sizes at 100% text on a small map; they grow a little with the map and fully with the text setting. */
const BASE_FONTS: Record<TextKind, number> = { label: 11, badge: 10, country: 10 };
/** How far fonts follow the map's size: from a map this size (its shorter side, in pixels) up to a fifth larger. */
const FONT_MAP_SIZE = 560;

/** Marker and font sizes for a map of this size and a text scale (1 is 100%). */
export function mapMetrics(width: number, height: number, textScale = 1): MapMetrics {
  const short = Math.min(width, height);
  const fit = Math.max(1, Math.min(1.2, short / FONT_MAP_SIZE));
  const font = (kind: TextKind) => Math.round(BASE_FONTS[kind] * fit * textScale);
  return {
    unit: Math.max(5, Math.min(14, short * 0.016)),
    fonts: { label: font('label'), badge: font('badge'), country: font('country') },
  };
}

/** The radius of a marker on screen: troops and exercise zones are areas, drawn wider than a site. */
export function markerRadius(marker: MarkerView, size: number, unit: number): number {
  const scale = marker.shape === 'dashed-circle' ? 2.4 : marker.shape === 'triangle' ? 1.1 : 1.25;
  return unit * scale * size;
}

/** Where the tick of an agreed marker goes, and its size. */
export function tickSpot(x: number, y: number, radius: number, unit: number): { x: number; y: number; r: number } {
  return { x: x + radius * 0.9, y: y - radius * 0.9, r: Math.max(4, unit * 0.6) };
}

export interface LaidMarker {
  marker: MarkerView;
  x: number;
  y: number;
  radius: number;
}

export interface LaidText extends Box {
  id: string;
  text: string;
}

export interface LaidLabel extends LaidText {
  /** A label pushed away from its marker is joined to it by this line. */
  leader: Segment | null;
}

export interface MapLayout {
  markers: LaidMarker[];
  /** Troop numbers, centred on their markers. */
  badges: LaidText[];
  /** One per marker at most: a label that fits nowhere is left out (the map's description still has it). */
  labels: LaidLabel[];
  /** Country names that fit inside their country without touching anything else. */
  countries: LaidText[];
  /** Everything solid that labels and names keep off: the bodies of troops and missile sites, ticks and badges. */
  obstacles: Box[];
  /** The middles of exercise zones, which labels keep off; names may lie over them, as over any see-through area. */
  zones: Box[];
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a segment passes through a box (Liang–Barsky clipping). */
export function segmentCrossesBox(s: Segment, box: Box): boolean {
  const [dx, dy] = [s.x2 - s.x1, s.y2 - s.y1];
  let [low, high] = [0, 1];
  const edges: [number, number][] = [
    [-dx, s.x1 - box.x],
    [dx, box.x + box.width - s.x1],
    [-dy, s.y1 - box.y],
    [dy, box.y + box.height - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) low = Math.max(low, t);
    else high = Math.min(high, t);
    if (low >= high) return false;
  }
  return true;
}

/** Whether two segments cross (touching at an end does not count). */
export function segmentsCross(a: Segment, b: Segment): boolean {
  const side = (s: Segment, x: number, y: number) => Math.sign((s.x2 - s.x1) * (y - s.y1) - (s.y2 - s.y1) * (x - s.x1));
  return side(a, b.x1, b.y1) * side(a, b.x2, b.y2) < 0 && side(b, a.x1, a.y1) * side(b, a.x2, a.y2) < 0;
}

/** Even-odd point-in-polygon over a set of rings. */
export function insideRings(point: ScreenPoint, rings: readonly Ring[]): boolean {
  let within = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i]!, ring[j]!];
      if (a[1] > point[1] !== b[1] > point[1] && point[0] < ((b[0] - a[0]) * (point[1] - a[1])) / (b[1] - a[1]) + a[0]) within = !within;
    }
  }
  return within;
}

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

export interface LabelRequest {
  id: string;
  /** The marker's centre and radius: the label goes around it. */
  x: number;
  y: number;
  radius: number;
  /** The obstacles that belong to this marker (its body, badge, tick), which its leader line starts among. */
  own?: readonly Box[];
  /** The texts the label may take, best first (full, then shorter), with their sizes. */
  variants: { text: string; width: number; height: number }[];
}

/** Directions tried around a marker, in order: right, left, above, below, then the diagonals. */
const DIRECTIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
];
/** How far out (in label line heights beyond the marker) each ring of candidate spots lies. */
const NEAR_STEPS = [0, 0.6, 1.4] as const;
const FAR_STEPS = [2.4, 3.6, 5, 7, 9.5] as const;

/**
 * Greedy, deterministic label placement. Each label in turn tries spots around its marker —
 * right, left, above, below, then the diagonals, close first and then further out. A spot is free
 * when it stays inside the map and covers no marker, badge, earlier label or leader line, and its
 * own leader line crosses none of them nor another leader line; at the first distance with a free
 * spot, the label takes the one nearest fewest other markers, leaving them room for their own.
 * It tries its full text near the marker or a little away with a short leader line, then a
 * shorter text there, then both further out with a longer leader line, then its shortest text
 * anywhere; a label that fits nowhere is left out rather than printed over another.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  width: number,
  height: number,
  obstacles: readonly Box[],
  gap = 3,
): LaidLabel[] {
  const taken: Box[] = [...obstacles];
  const leaders: Segment[] = [];
  const placed: LaidLabel[] = [];
  const inFrame = (box: Box) => box.x >= 1 && box.y >= 1 && box.x + box.width <= width - 1 && box.y + box.height <= height - 1;
  const free = (box: Box, leader: Segment | null, own: readonly Box[]) =>
    inFrame(box) &&
    !taken.some((other) => boxesOverlap(box, other)) &&
    !leaders.some((line) => segmentCrossesBox(line, box)) &&
    !(leader && taken.some((other) => !own.includes(other) && segmentCrossesBox(leader, other))) &&
    !(leader && leaders.some((line) => segmentsCross(line, leader)));
  for (const request of requests) {
    const [full, ...rest] = request.variants;
    const shortest = rest.at(-1) ?? full;
    const shorter = rest[0] ?? full;
    // A short leader line beats a shorter text, and a shorter text beats a long leader line across the map.
    const [close, distant] = [FAR_STEPS.slice(0, 2), FAR_STEPS.slice(2)];
    const passes: [typeof full, readonly number[]][] = [
      [full, NEAR_STEPS],
      [full, close],
      [shorter, NEAR_STEPS],
      [shorter, close],
      [full, distant],
      [shorter, distant],
      [shortest, [...NEAR_STEPS, ...FAR_STEPS]],
    ];
    const own = request.own ?? [];
    const others = requests.filter((other) => other !== request);
    const crowds = (box: Box, margin: number) =>
      others.filter((other) =>
        boxesOverlap(
          { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
          { x: other.x, y: other.y, width: 0.01, height: 0.01 },
        ),
      ).length;
    let found: LaidLabel | null = null;
    let bestCrowding = Infinity;
    for (const [variant, steps] of passes) {
      if (!variant || found) continue;
      for (const step of steps) {
        if (found) break;
        const off = request.radius + gap + step * (variant.height / Math.max(1, variant.text.split('\n').length));
        for (const [dx, dy] of DIRECTIONS) {
          const diagonal = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
          const cx = request.x + dx * off * diagonal;
          const cy = request.y + dy * off * diagonal;
          // Slid along the map's edge rather than cut by it; the checks below keep it off the marker.
          const box: Box = {
            x: clamp(dx > 0 ? cx : dx < 0 ? cx - variant.width : cx - variant.width / 2, 1, width - 1 - variant.width),
            y: clamp(dy > 0 ? cy : dy < 0 ? cy - variant.height : cy - variant.height / 2, 1, height - 1 - variant.height),
            width: variant.width,
            height: variant.height,
          };
          const leader = step > 0 ? leaderLine(request, box) : null;
          const crowding = crowds(box, variant.height);
          if (free(box, leader, own) && (!found || crowding < bestCrowding)) {
            found = { id: request.id, text: variant.text, ...box, leader };
            bestCrowding = crowding;
          }
        }
      }
    }
    if (!found) continue;
    placed.push(found);
    taken.push(found);
    if (found.leader) leaders.push(found.leader);
  }
  return placed;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** From the marker's edge to the nearest point of its label. */
function leaderLine(request: { x: number; y: number; radius: number }, box: Box): Segment | null {
  const tx = Math.max(box.x, Math.min(box.x + box.width, request.x));
  const ty = Math.max(box.y, Math.min(box.y + box.height, request.y));
  const length = Math.hypot(tx - request.x, ty - request.y);
  if (length <= request.radius) return null;
  const [ux, uy] = [(tx - request.x) / length, (ty - request.y) / length];
  return { x1: request.x + ux * request.radius, y1: request.y + uy * request.radius, x2: tx, y2: ty };
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

/** Labels first: troop numbers, then missile sites, then exercise zones (areas, named last). */
const LABEL_ORDER: Record<MarkerView['shape'], number> = { circle: 0, triangle: 1, 'dashed-circle': 2 };

/**
 * The whole layout for one state of the map. `sizes` overrides the markers' sizes (the drawing
 * passes where a tween will end); `anchors` come from `countryAnchors` for the same geometry.
 */
export function layoutMap(
  markers: readonly MarkerView[],
  geometry: ProjectedMap,
  anchors: readonly CountryAnchor[],
  contested: readonly string[],
  metrics: MapMetrics,
  measure: Measure,
  sizes: ReadonlyMap<string, number> = new Map(),
): MapLayout {
  const { width, height } = geometry;
  const laid: LaidMarker[] = [];
  for (const marker of markers) {
    const point = geometry.project(marker.lon, marker.lat);
    if (point)
      laid.push({ marker, x: point[0], y: point[1], radius: markerRadius(marker, sizes.get(marker.id) ?? marker.size, metrics.unit) });
  }
  const badges: LaidText[] = [];
  const own = new Map<string, Box[]>();
  const zones: Box[] = [];
  for (const { marker, x, y, radius } of laid) {
    // An exercise zone is a see-through area: labels may lie over its ring, not over its middle.
    const body = bodyRadius(marker, radius);
    const middle = { x: x - body, y: y - body, width: 2 * body, height: 2 * body };
    const boxes: Box[] = [middle];
    if (marker.shape === 'dashed-circle') zones.push(middle);
    if (marker.status === 'agreed') {
      const tick = tickSpot(x, y, radius, metrics.unit);
      boxes.push({ x: tick.x - tick.r - 2, y: tick.y - tick.r - 2, width: 2 * tick.r + 4, height: 2 * tick.r + 4 });
    }
    if (marker.kind === 'troops' && marker.badge) {
      const size = measure(marker.badge, 'badge');
      const badge = { id: marker.id, text: marker.badge, x: x - size.width / 2, y: y - size.height / 2, ...size };
      badges.push(badge);
      boxes.push(badge);
    }
    own.set(marker.id, boxes);
  }
  const all = [...own.values()].flat();
  const requests: LabelRequest[] = [...laid]
    .sort((a, b) => LABEL_ORDER[a.marker.shape] - LABEL_ORDER[b.marker.shape])
    .map(({ marker, x, y, radius }) => ({
      id: marker.id,
      x,
      y,
      radius: bodyRadius(marker, radius),
      own: own.get(marker.id),
      variants: marker.labelTexts.map((text) => ({ text, ...measure(text, 'label') })),
    }));
  const labels = placeLabels(requests, width, height, all);
  const leaders = labels.flatMap((label) => (label.leader ? [label.leader] : []));
  const obstacles = all.filter((box) => !zones.includes(box));
  const countries = placeCountryNames(anchors, contested, measure, width, height, [...obstacles, ...labels], leaders);
  return { markers: laid, badges, labels, countries, obstacles, zones };
}

/** The part of a marker that labels keep off: a solid marker with its halo, or the middle of a see-through zone. */
function bodyRadius(marker: MarkerView, radius: number): number {
  return marker.shape === 'dashed-circle' ? radius * 0.4 : radius + 2;
}
