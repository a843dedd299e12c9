/**
 * The map's markers as Phaser draw calls: troops (a circle), missile sites (a triangle),
 * exercise zones (a circle of dashes) and the tick on an agreed marker, each with the halo that
 * keeps it readable on any fill. The points and colours come from map-symbols.ts, which the
 * legend's SVG shares.
 */
import type Phaser from 'phaser';
import { tickSpot } from './map-layout.ts';
import { HALO, TICK_STROKES, ZONE_FILL_ALPHA, tickPoints, trianglePoints, zoneDashes, zoneStrokes } from './map-symbols.ts';
import type { MarkerView } from './map-view.ts';

/** Traces a ring of points as the current path, closed by hand when asked. */
export function tracePath(g: Phaser.GameObjects.Graphics, ring: readonly (readonly [number, number])[], close: boolean): void {
  g.beginPath();
  g.moveTo(ring[0]![0], ring[0]![1]);
  for (let i = 1; i < ring.length; i++) g.lineTo(ring[i]![0], ring[i]![1]);
  // Phaser's closePath only closes the last sub-path: close each ring by hand.
  if (close) g.lineTo(ring[0]![0], ring[0]![1]);
}

function triangle(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, colour: number): void {
  const corners = trianglePoints(x, y, r);
  const [a, b, c] = corners;
  g.fillStyle(colour, 1);
  g.fillTriangle(a[0], a[1], b[0], b[1], c[0], c[1]);
  for (const [width, edge] of HALO) {
    g.lineStyle(width, edge, 1);
    tracePath(g, corners, true);
    g.strokePath();
  }
}

/** A circle of dashes: an area of activity, not a place. */
function dashedCircle(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, colour: number): void {
  g.fillStyle(colour, ZONE_FILL_ALPHA);
  g.fillCircle(x, y, r);
  for (const [width, edge] of zoneStrokes(colour)) {
    g.lineStyle(width, edge, 1);
    for (const [from, to] of zoneDashes(r)) {
      g.beginPath();
      g.arc(x, y, r, from, to, false);
      g.strokePath();
    }
  }
}

function troops(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, colour: number): void {
  g.fillStyle(colour, 0.92);
  g.fillCircle(x, y, r);
  for (const [width, edge] of HALO) {
    g.lineStyle(width, edge, 1);
    g.strokeCircle(x, y, r);
  }
}

/** A check mark, drawn on agreed markers so "agreed" never rests on colour. */
function tick(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
  for (const [width, colour] of TICK_STROKES) {
    g.lineStyle(width, colour, 1);
    tracePath(g, tickPoints(x, y, r), false);
    g.strokePath();
  }
}

/** A marker in its shape at radius r, with its tick when agreed (`unit` is the map's marker unit). */
export function drawMarker(g: Phaser.GameObjects.Graphics, marker: MarkerView, x: number, y: number, r: number, unit: number): void {
  if (marker.shape === 'circle') troops(g, x, y, r, marker.colour);
  else if (marker.shape === 'triangle') triangle(g, x, y, r, marker.colour);
  else dashedCircle(g, x, y, r, marker.colour);
  if (marker.status === 'agreed') {
    const spot = tickSpot(x, y, r, unit);
    tick(g, spot.x, spot.y, spot.r);
  }
}
