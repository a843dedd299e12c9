/**
 * The class view's chart: every game's risk curve, in SVG in the page rather than on the canvas,
 * so that each curve can be focused, hovered and named. Each curve has its game's style (colour,
 * dash and marker: curveStyle) and number at its end; hovering or focusing a curve highlights it
 * and tells the scene, which highlights the table's row (and the other way round).
 */
import { svgNode } from '../ui/svg.ts';
import type { BandView } from '../view/risk-view.ts';
import type { CurveStyle } from '../view/class-view.ts';
import { chartGeometry, extentOf, polylinePoints, spreadEndLabels, type ChartGeometry } from '../widgets/chart-geometry.ts';
import { BAND_COLOURS } from '../widgets/gauge-geometry.ts';

/** A marker of a curve's style centred on (x, y). */
function marker(style: CurveStyle, x: number, y: number, r: number): SVGElement {
  const fill = { fill: style.colour, stroke: 'none' };
  const stroke = { stroke: style.colour, 'stroke-width': 2, fill: 'none' };
  switch (style.marker) {
    case 'circle':
      return svgNode('circle', { cx: x, cy: y, r, ...fill });
    case 'square':
      return svgNode('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, ...fill });
    case 'triangle':
      return svgNode('polygon', { points: `${x},${y - r * 1.2} ${x + r * 1.1},${y + r * 0.8} ${x - r * 1.1},${y + r * 0.8}`, ...fill });
    case 'diamond':
      return svgNode('polygon', { points: `${x},${y - r * 1.3} ${x + r * 1.1},${y} ${x},${y + r * 1.3} ${x - r * 1.1},${y}`, ...fill });
    case 'cross':
      return svgNode('path', { d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`, ...stroke });
    case 'plus':
      return svgNode('path', { d: `M${x - r * 1.2},${y}H${x + r * 1.2}M${x},${y - r * 1.2}V${y + r * 1.2}`, ...stroke });
  }
}

/** A short sample of a curve's style — a stretch of line with its marker — for the table's key. */
export function curveSwatch(style: CurveStyle): SVGSVGElement {
  const svg = svgNode('svg', { viewBox: '0 0 36 14', width: 36, height: 14, class: 'curve-swatch', 'aria-hidden': 'true' });
  svg.append(svgNode('line', { x1: 1, y1: 7, x2: 35, y2: 7, stroke: style.colour, 'stroke-width': 2, 'stroke-dasharray': style.dash }));
  svg.append(marker(style, 18, 7, 3.5));
  return svg;
}

export interface ChartCurve {
  /** What the curve is called for a screen reader: its number and game. */
  label: string;
  style: CurveStyle;
  risks: number[];
}

export interface ClassChart {
  element: SVGSVGElement;
  highlight(index: number | null): void;
}

/** What the chart tells the scene: a curve pointed at or focused, left, or picked (clicked, Enter or Space). */
export interface ChartEvents {
  enter: (index: number) => void;
  leave: () => void;
  pick: (index: number) => void;
}

/** Wide and low, like the slot it fills; the right margin holds the numbers of games that went the distance. */
const [WIDTH, HEIGHT] = [760, 236];
const FRAME = { left: 52, right: 728, top: 12, bottom: 198 };

export function classChart(
  bands: readonly BandView[],
  steps: readonly string[],
  curves: readonly ChartCurve[],
  on: ChartEvents,
): ClassChart {
  const chart = chartGeometry(FRAME, bands, steps);
  const svg = svgNode('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: 'class-chart-svg',
    role: 'group',
    'aria-label': 'Every game’s risk curve, numbered as in the table; the figures are in the table',
  });
  drawAxes(svg, chart);
  const numberAt = curveNumbers(chart, curves);
  const groups = curves.map((curve, index) => {
    const group = curveGroup(chart, curve, index, numberAt.get(index));
    listen(group, index, on);
    svg.append(group);
    return group;
  });
  return {
    element: svg,
    highlight(index) {
      svg.classList.toggle('has-highlight', index !== null);
      groups.forEach((group, i) => group.classList.toggle('highlighted', i === index));
    },
  };
}

/** The bands as tinted strips with their names, the risk ticks and the steps. */
function drawAxes(svg: SVGSVGElement, chart: ChartGeometry): void {
  chart.bands.forEach((band, i) => {
    const colour = `#${(BAND_COLOURS[i] ?? 0x444444).toString(16).padStart(6, '0')}`;
    svg.append(svgNode('rect', { x: band.x, y: band.y, width: band.width, height: band.height, fill: colour, 'fill-opacity': 0.22 }));
    svg.append(svgNode('text', { x: band.x + 6, y: band.y + 12, class: 'band-name' }, band.name));
  });
  for (const tick of chart.ticks)
    svg.append(svgNode('text', { x: tick.x - 6, y: tick.y + 4, class: 'tick', 'text-anchor': 'end' }, String(tick.value)));
  for (const step of chart.steps)
    svg.append(svgNode('text', { x: step.x, y: step.y + 24, class: 'tick', 'text-anchor': 'middle' }, step.label));
}

/**
 * Where each curve's number goes: just after its last point, with numbers that would land on each
 * other (games that ended in the same round at about the same risk) spread apart.
 */
function curveNumbers(chart: ChartGeometry, curves: readonly ChartCurve[]): Map<number, number> {
  // The numbers are 0.75rem high (class-view.css), in the chart's own units: their spacing follows the text size.
  const spacing = parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8;
  const ends = curves.flatMap((curve, index) =>
    curve.risks.length > 0 ? [{ index, step: curve.risks.length - 1, y: chart.y(curve.risks.at(-1)!) + 4 }] : [],
  );
  return spreadEndLabels(ends, spacing, chart.frame.bottom);
}

/** One game's curve: its line (over a wide invisible one, easy to point at), markers, focus ring and number. */
function curveGroup(chart: ChartGeometry, curve: ChartCurve, index: number, numberY: number | undefined): SVGGElement {
  const { style, risks } = curve;
  const group = svgNode('g', { class: 'curve', tabindex: 0, role: 'button', 'aria-label': curve.label, 'data-curve': index });
  const points = chart.points(risks);
  const line = polylinePoints(points);
  group.append(svgNode('polyline', { points: line, class: 'hit', fill: 'none', stroke: 'transparent', 'stroke-width': 12 }));
  group.append(
    svgNode('polyline', {
      points: line,
      class: 'line',
      fill: 'none',
      stroke: style.colour,
      'stroke-width': 2,
      'stroke-dasharray': style.dash,
    }),
  );
  for (const point of points) group.append(marker(style, point.x, point.y, 3));
  // The focus ring: the curve's extent, shown (and hit) only under keyboard focus, so that what has focus is plain to see.
  const extent = extentOf(points);
  if (extent)
    group.append(
      svgNode('rect', {
        class: 'focus-ring',
        x: extent.x - 6,
        y: extent.y - 6,
        width: extent.width + 12,
        height: extent.height + 12,
        rx: 4,
      }),
    );
  const last = points.at(-1);
  if (last && numberY !== undefined)
    group.append(svgNode('text', { x: last.x + 7, y: numberY, class: 'curve-number', fill: style.colour }, String(index + 1)));
  return group;
}

/** A curve tells the scene when it is pointed at, focused, left or picked (a click, Enter or Space). */
function listen(group: SVGGElement, index: number, on: ChartEvents): void {
  group.addEventListener('pointerenter', () => on.enter(index));
  group.addEventListener('pointerleave', () => on.leave());
  group.addEventListener('focus', () => on.enter(index));
  group.addEventListener('blur', () => on.leave());
  group.addEventListener('click', () => on.pick(index));
  group.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    on.pick(index);
  });
}
