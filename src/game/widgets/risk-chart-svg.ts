/**
 * The risk chart as SVG in the page, for the printed debrief (a canvas does not print with the
 * page): the bands as labelled strips and the risk after each round as a line with points.
 */
import { svgNode } from '../ui/svg.ts';
const BAND_FILLS = ['#dbeedd', '#f3ecc8', '#f6dcc0', '#f3cfc6', '#e8c0c6', '#dcb3ba', '#cfa6ad', '#c299a0'];

export function riskChartSvg(
  bands: { from: number; to: number; name: string }[],
  steps: string[],
  risks: number[],
  title: string,
): SVGSVGElement {
  const [width, height, left, right, top, bottom] = [640, 280, 44, 620, 12, 250];
  const y = (risk: number) => bottom - (risk / 100) * (bottom - top);
  const x = (i: number) => left + (steps.length <= 1 ? 0 : (i / (steps.length - 1)) * (right - left));
  const svg = svgNode('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'risk-chart-svg' });
  svg.append(svgNode('title', {}, title));
  bands.forEach((band, i) => {
    svg.append(
      svgNode('rect', { x: left, y: y(band.to), width: right - left, height: y(band.from) - y(band.to), fill: BAND_FILLS[i] ?? '#eeeeee' }),
    );
    svg.append(svgNode('text', { x: left + 6, y: y(band.to) + 13, 'font-size': 11, fill: '#333' }, band.name));
  });
  for (const tick of [0, 20, 40, 60, 80, 100])
    svg.append(svgNode('text', { x: left - 6, y: y(tick) + 4, 'font-size': 11, 'text-anchor': 'end', fill: '#333' }, String(tick)));
  steps.forEach((label, i) =>
    svg.append(svgNode('text', { x: x(i), y: bottom + 18, 'font-size': 11, 'text-anchor': 'middle', fill: '#333' }, label)),
  );
  svg.append(
    svgNode('polyline', {
      points: risks.map((risk, i) => `${x(i)},${y(risk)}`).join(' '),
      fill: 'none',
      stroke: '#111',
      'stroke-width': 2.5,
    }),
  );
  risks.forEach((risk, i) => svg.append(svgNode('circle', { cx: x(i), cy: y(risk), r: 3.5, fill: '#111' })));
  return svg;
}
