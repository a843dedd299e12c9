/**
 * The map's legend as a list in the page, under the canvas: each entry's symbol drawn in SVG
 * with the same shapes and colours as the map (map-symbols.ts), and its meaning in words, so it
 * wraps and grows with the text setting like the rest of the interface.
 */
import { el } from '../ui/dom.ts';
import { hatchSegments, type Ring } from './map-geometry.ts';
import { HALO, TICK_STROKES, ZONE_FILL_ALPHA, cssColour, tickPoints, trianglePoints, zoneDashes, zoneStrokes } from './map-symbols.ts';
import { LAND_COLOUR, LIGHT_COLOUR, type LegendEntry } from './map-view.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** The symbols are drawn in a 20 × 20 box, scaled to the text by CSS. */
const BOX = 20;

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

const points = (list: readonly (readonly [number, number])[]) => list.map(([x, y]) => `${x},${y}`).join(' ');

/** Strokes drawn one over the other, as the map draws its halos. */
function strokes(
  make: (attrs: Record<string, string | number>) => SVGElement,
  layers: readonly (readonly [number, number])[],
): SVGElement[] {
  return layers.map(([width, colour]) =>
    make({ fill: 'none', stroke: cssColour(colour), 'stroke-width': width, 'stroke-linejoin': 'round' }),
  );
}

function symbol(entry: LegendEntry): SVGSVGElement {
  const svg = node('svg', { viewBox: `0 0 ${BOX} ${BOX}`, class: 'map-legend-symbol', 'aria-hidden': 'true', focusable: 'false' });
  const [c, r] = [BOX / 2, BOX / 2 - 3];
  const colour = entry.colours[0] ?? LIGHT_COLOUR;
  const square = { x: 2, y: 2, width: BOX - 4, height: BOX - 4 };
  switch (entry.symbol) {
    case 'fill':
      svg.append(node('rect', { ...square, fill: cssColour(colour), stroke: cssColour(HALO[0]![1]), 'stroke-width': 1 }));
      break;
    case 'hatch': {
      svg.append(node('rect', { ...square, fill: cssColour(LAND_COLOUR) }));
      const ring: Ring = [
        [2, 2],
        [BOX - 2, 2],
        [BOX - 2, BOX - 2],
        [2, BOX - 2],
      ];
      for (const line of hatchSegments([ring], 4)) {
        const stroke = cssColour(entry.colours[Math.abs(line.line) % entry.colours.length] ?? colour);
        svg.append(node('line', { x1: line.x1, y1: line.y1, x2: line.x2, y2: line.y2, stroke, 'stroke-width': 2 }));
      }
      break;
    }
    case 'circle':
      svg.append(node('circle', { cx: c, cy: c, r: r - 1, fill: cssColour(colour) }));
      svg.append(...strokes((attrs) => node('circle', { cx: c, cy: c, r: r - 1, ...attrs }), HALO));
      break;
    case 'triangle': {
      const corners = points(trianglePoints(c, c + 1.5, r + 1));
      svg.append(node('polygon', { points: corners, fill: cssColour(colour) }));
      svg.append(...strokes((attrs) => node('polygon', { points: corners, ...attrs }), HALO));
      break;
    }
    case 'dashed-circle': {
      svg.append(node('circle', { cx: c, cy: c, r, fill: cssColour(colour), 'fill-opacity': ZONE_FILL_ALPHA }));
      const arcs = zoneDashes(r).map(([from, to]) => {
        const at = (angle: number) => `${c + r * Math.cos(angle)} ${c + r * Math.sin(angle)}`;
        return `M ${at(from)} A ${r} ${r} 0 0 1 ${at(to)}`;
      });
      svg.append(...strokes((attrs) => node('path', { d: arcs.join(' '), ...attrs }), zoneStrokes(colour)));
      break;
    }
    case 'tick':
      svg.append(...strokes((attrs) => node('polyline', { points: points(tickPoints(c, c, r + 1)), ...attrs }), TICK_STROKES));
      break;
  }
  return svg;
}

/** The legend for a map's entries; null when there is nothing to explain. */
export function mapLegend(entries: readonly LegendEntry[]): HTMLElement | null {
  if (entries.length === 0) return null;
  return el(
    'ul',
    { class: 'map-legend', attrs: { 'aria-label': 'Legend' } },
    ...entries.map((entry) => el('li', { attrs: { 'data-symbol': entry.symbol } }, symbol(entry), el('span', { text: entry.text }))),
  );
}
