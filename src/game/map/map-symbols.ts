/**
 * The map's symbols as points and colours, shared by the canvas map and the legend's SVG, so
 * the legend shows exactly the shapes the map draws. Pure: no Phaser, no DOM.
 */
import type { ScreenPoint } from './map-geometry.ts';
import { LIGHT_COLOUR, mixColour } from './map-view.ts';

/** The dark of borders, halos and text outlines. */
export const BORDER_COLOUR = 0x0b1622;

/** The outline of solid markers, drawn in this order: a dark halo under a light edge, so a shape reads on a fill of its own colour. */
export const HALO: readonly (readonly [width: number, colour: number])[] = [
  [3.5, BORDER_COLOUR],
  [1.5, LIGHT_COLOUR],
];

/** How opaque an exercise zone's inside is: it is an area of activity, the map shows through it. */
export const ZONE_FILL_ALPHA = 0.22;

/** The outline of an exercise zone's dashes: a dark line under one in the side's colour, lightened. */
export function zoneStrokes(colour: number): (readonly [width: number, colour: number])[] {
  return [
    [4, BORDER_COLOUR],
    [2, mixColour(colour, LIGHT_COLOUR, 0.35)],
  ];
}

/** An upward triangle inscribed in a circle of radius r: a missile site. */
export function trianglePoints(x: number, y: number, r: number): [ScreenPoint, ScreenPoint, ScreenPoint] {
  const [dx, dy] = [r * Math.cos(Math.PI / 6), r / 2];
  return [
    [x, y - r],
    [x + dx, y + dy],
    [x - dx, y + dy],
  ];
}

/** The dashes of an exercise zone's ring, as [start, end] angles in radians: more dashes on a bigger ring. */
export function zoneDashes(r: number): [number, number][] {
  const dashes = Math.max(8, Math.round(r / 2.5));
  return Array.from({ length: dashes }, (_, k) => {
    const start = (k / dashes) * Math.PI * 2;
    return [start, start + (Math.PI / dashes) * 1.1];
  });
}

/** A check mark of size r: agreed at the table, so "agreed" never rests on colour. */
export function tickPoints(x: number, y: number, r: number): ScreenPoint[] {
  return [
    [x - r * 0.6, y],
    [x - r * 0.15, y + r * 0.5],
    [x + r * 0.7, y - r * 0.6],
  ];
}

/** The tick's strokes: a dark line under a light one. */
export const TICK_STROKES: readonly (readonly [width: number, colour: number])[] = [
  [4, BORDER_COLOUR],
  [2, LIGHT_COLOUR],
];

/** 0x2f6db3 → '#2f6db3', for CSS and SVG. */
export function cssColour(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}
