/**
 * The risk chart as SVG in the page, for the printed debrief (a canvas does not print with the
 * page): the bands as labelled strips and the risk after each round as a line with points.
 */
import { svgNode } from '../ui/svg.ts';
import { chartGeometry, polylinePoints } from './chart-geometry.ts';

const BAND_FILLS = ['#dbeedd', '#f3ecc8', '#f6dcc0', '#f3cfc6', '#e8c0c6', '#dcb3ba', '#cfa6ad', '#c299a0'];

export function riskChartSvg(
  bands: { from: number; to: number; name: string }[],
  steps: string[],
  risks: number[],
  title: string,
): SVGSVGElement {
  const [width, height] = [640, 280];
  const chart = chartGeometry({ left: 44, right: 620, top: 12, bottom: 250 }, bands, steps);
  const svg = svgNode('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'risk-chart-svg' });
  svg.append(svgNode('title', {}, title));
  chart.bands.forEach((band, i) => {
    svg.append(svgNode('rect', { x: band.x, y: band.y, width: band.width, height: band.height, fill: BAND_FILLS[i] ?? '#eeeeee' }));
    svg.append(svgNode('text', { x: band.x + 6, y: band.y + 13, 'font-size': 11, fill: '#333' }, band.name));
  });
  for (const tick of chart.ticks)
    svg.append(svgNode('text', { x: tick.x - 6, y: tick.y + 4, 'font-size': 11, 'text-anchor': 'end', fill: '#333' }, String(tick.value)));
  for (const step of chart.steps)
    svg.append(svgNode('text', { x: step.x, y: step.y + 18, 'font-size': 11, 'text-anchor': 'middle', fill: '#333' }, step.label));
  const points = chart.points(risks);
  svg.append(svgNode('polyline', { points: polylinePoints(points), fill: 'none', stroke: '#111', 'stroke-width': 2.5 }));
  for (const point of points) svg.append(svgNode('circle', { cx: point.x, cy: point.y, r: 3.5, fill: '#111' }));
  return svg;
}
