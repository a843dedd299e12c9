/**
 * The class view's chart: every game's risk curve, in SVG in the page rather than on the canvas,
 * so that each curve can be focused, hovered and named. Each curve has its game's style (colour,
 * dash and marker: curveStyle) and number at its end; hovering or focusing a curve highlights it
 * and tells the scene, which highlights the table's row (and the other way round).
 */
import { svgNode } from '../ui/svg.ts';
import type { BandView } from '../view/risk-view.ts';
import type { CurveStyle } from '../view/class-view.ts';
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

export function classChart(
  bands: readonly BandView[],
  steps: readonly string[],
  curves: readonly ChartCurve[],
  on: { enter: (index: number) => void; leave: () => void; pick: (index: number) => void },
): ClassChart {
  // Wide and low, like the slot it fills; the right margin holds the numbers of games that went the distance.
  const [width, height, left, right, top, bottom] = [760, 236, 52, 728, 12, 198];
  const y = (risk: number) => bottom - (risk / 100) * (bottom - top);
  const x = (i: number) => left + (steps.length <= 1 ? 0 : (i / (steps.length - 1)) * (right - left));
  const svg = svgNode('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'class-chart-svg',
    role: 'group',
    'aria-label': 'Every game’s risk curve, numbered as in the table; the figures are in the table',
  });
  bands.forEach((band, i) => {
    const colour = `#${(BAND_COLOURS[i] ?? 0x444444).toString(16).padStart(6, '0')}`;
    svg.append(
      svgNode('rect', {
        x: left,
        y: y(band.to),
        width: right - left,
        height: y(band.from) - y(band.to),
        fill: colour,
        'fill-opacity': 0.22,
      }),
    );
    svg.append(svgNode('text', { x: left + 6, y: y(band.to) + 12, class: 'band-name' }, band.name));
  });
  for (const tick of [0, 20, 40, 60, 80, 100])
    svg.append(svgNode('text', { x: left - 6, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, String(tick)));
  steps.forEach((label, i) => svg.append(svgNode('text', { x: x(i), y: bottom + 24, class: 'tick', 'text-anchor': 'middle' }, label)));
  // Each curve's number sits just after its last point; numbers that would land on each other (games
  // that ended in the same round at about the same risk) are spread apart, so each stays legible.
  const numberAt = new Map<number, number>();
  // The numbers are 0.75rem high (class-view.css), in the chart's own units: their spacing follows the text size.
  const spacing = parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8;
  const ends = curves.flatMap((curve, index) =>
    curve.risks.length > 0 ? [{ index, step: curve.risks.length - 1, y: y(curve.risks.at(-1)!) + 4 }] : [],
  );
  for (const step of new Set(ends.map((end) => end.step))) {
    const column = ends.filter((end) => end.step === step).sort((a, b) => a.y - b.y);
    column.forEach((end, i) => (end.y = i === 0 ? end.y : Math.max(end.y, column[i - 1]!.y + spacing)));
    // A column pushed past the foot of the chart moves up as a whole.
    const overflow = Math.max(0, column.at(-1)!.y - bottom);
    for (const end of column) numberAt.set(end.index, end.y - overflow);
  }
  const groups = curves.map((curve, index) => {
    const { style, risks } = curve;
    const group = svgNode('g', { class: 'curve', tabindex: 0, role: 'button', 'aria-label': curve.label, 'data-curve': index });
    const points = risks.map((risk, i) => `${x(i)},${y(risk)}`).join(' ');
    // A wide invisible stroke under the line makes a thin curve easy to point at.
    group.append(svgNode('polyline', { points, class: 'hit', fill: 'none', stroke: 'transparent', 'stroke-width': 12 }));
    group.append(
      svgNode('polyline', { points, class: 'line', fill: 'none', stroke: style.colour, 'stroke-width': 2, 'stroke-dasharray': style.dash }),
    );
    risks.forEach((risk, i) => group.append(marker(style, x(i), y(risk), 3)));
    // The focus ring: the curve's extent, shown (and hit) only under keyboard focus, so that what has focus is plain to see.
    const xs = risks.map((_, i) => x(i));
    const ys = risks.map((risk) => y(risk));
    if (risks.length > 0)
      group.append(
        svgNode('rect', {
          class: 'focus-ring',
          x: Math.min(...xs) - 6,
          y: Math.min(...ys) - 6,
          width: Math.max(...xs) - Math.min(...xs) + 12,
          height: Math.max(...ys) - Math.min(...ys) + 12,
          rx: 4,
        }),
      );
    if (risks.length > 0) {
      const last = risks.length - 1;
      group.append(
        svgNode(
          'text',
          {
            x: x(last) + 7,
            y: numberAt.get(index)!,
            class: 'curve-number',
            fill: style.colour,
          },
          String(index + 1),
        ),
      );
    }
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
