/**
 * The shapes the map's layout works in, in screen pixels: boxes, segments, placed texts, and the
 * tests between them (overlap, crossing, inside a country's rings). Shared by the labels'
 * placement, the country names and the layout that puts them together.
 */
import type { Ring, ScreenPoint } from './map-geometry.ts';

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

export interface LaidText extends Box {
  id: string;
  text: string;
}

export interface LaidLabel extends LaidText {
  /** A label pushed away from its marker is joined to it by this line. */
  leader: Segment | null;
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
