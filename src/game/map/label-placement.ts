/**
 * Where the markers' labels go: around each marker, close first, shorter texts and leader lines
 * when the map is crowded, never over another label, a marker or a leader line.
 */
import { boxesOverlap, segmentCrossesBox, segmentsCross, type Box, type LaidLabel, type Segment } from './layout-shapes.ts';

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
  const room: Room = { width, height, taken: [...obstacles], leaders: [] };
  const placed: LaidLabel[] = [];
  for (const request of requests) {
    const found = findSpot(request, requests, room, gap);
    if (!found) continue;
    placed.push(found);
    room.taken.push(found);
    if (found.leader) room.leaders.push(found.leader);
  }
  return placed;
}

/** The map as the labels placed so far leave it: its size, what is taken, and the leader lines drawn. */
interface Room {
  width: number;
  height: number;
  taken: Box[];
  leaders: Segment[];
}

type Variant = LabelRequest['variants'][number];

/**
 * Whether a label may go in a box: inside the map, over nothing taken nor a leader line, and its
 * own leader line (if any) across nothing but its own marker's parts and no other leader line.
 */
function isFree(room: Room, box: Box, leader: Segment | null, own: readonly Box[]): boolean {
  const inFrame = box.x >= 1 && box.y >= 1 && box.x + box.width <= room.width - 1 && box.y + box.height <= room.height - 1;
  return (
    inFrame &&
    !room.taken.some((other) => boxesOverlap(box, other)) &&
    !room.leaders.some((line) => segmentCrossesBox(line, box)) &&
    !(leader && room.taken.some((other) => !own.includes(other) && segmentCrossesBox(leader, other))) &&
    !(leader && room.leaders.some((line) => segmentsCross(line, leader)))
  );
}

/** The texts and distances a label tries, in order (see placeLabels). */
function passes(variants: readonly Variant[]): [Variant | undefined, readonly number[]][] {
  const [full, ...rest] = variants;
  const shortest = rest.at(-1) ?? full;
  const shorter = rest[0] ?? full;
  // A short leader line beats a shorter text, and a shorter text beats a long leader line across the map.
  const [close, distant] = [FAR_STEPS.slice(0, 2), FAR_STEPS.slice(2)];
  return [
    [full, NEAR_STEPS],
    [full, close],
    [shorter, NEAR_STEPS],
    [shorter, close],
    [full, distant],
    [shorter, distant],
    [shortest, [...NEAR_STEPS, ...FAR_STEPS]],
  ];
}

/** How many other markers lie within `margin` of a box. */
function crowding(request: LabelRequest, requests: readonly LabelRequest[], box: Box, margin: number): number {
  const around = { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
  return requests.filter((other) => other !== request && boxesOverlap(around, { x: other.x, y: other.y, width: 0.01, height: 0.01 }))
    .length;
}

/** The label's box in each direction around its marker, `off` pixels from its centre. */
function boxesAround(request: LabelRequest, variant: Variant, off: number, room: Room): Box[] {
  return DIRECTIONS.map(([dx, dy]) => {
    const diagonal = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
    const cx = request.x + dx * off * diagonal;
    const cy = request.y + dy * off * diagonal;
    // Slid along the map's edge rather than cut by it; the checks keep it off the marker.
    return {
      x: clamp(dx > 0 ? cx : dx < 0 ? cx - variant.width : cx - variant.width / 2, 1, room.width - 1 - variant.width),
      y: clamp(dy > 0 ? cy : dy < 0 ? cy - variant.height : cy - variant.height / 2, 1, room.height - 1 - variant.height),
      width: variant.width,
      height: variant.height,
    };
  });
}

/** The spot a label takes: at the first pass and distance with a free spot, the one nearest fewest other markers. */
function findSpot(request: LabelRequest, requests: readonly LabelRequest[], room: Room, gap: number): LaidLabel | null {
  const own = request.own ?? [];
  for (const [variant, steps] of passes(request.variants)) {
    if (!variant) continue;
    for (const step of steps) {
      const off = request.radius + gap + step * (variant.height / Math.max(1, variant.text.split('\n').length));
      let found: LaidLabel | null = null;
      let fewest = Infinity;
      for (const box of boxesAround(request, variant, off, room)) {
        const leader = step > 0 ? leaderLine(request, box) : null;
        const crowd = crowding(request, requests, box, variant.height);
        if (isFree(room, box, leader, own) && (!found || crowd < fewest)) {
          found = { id: request.id, text: variant.text, ...box, leader };
          fewest = crowd;
        }
      }
      if (found) return found;
    }
  }
  return null;
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
