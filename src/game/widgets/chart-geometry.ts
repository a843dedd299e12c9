/**
 * The geometry of a risk chart, apart from drawing it, so the canvas chart (risk-chart.ts), the
 * printable SVG chart (risk-chart-svg.ts) and the class view's chart (play/class-chart.ts) place
 * everything alike: risk from 0 (foot) to 100 (top), the steps (Start, R1, R2…) evenly across, the
 * bands as strips, the ticks, the curves' points. Pure, so it is tested without a browser.
 */

/** Where the plot sits in the drawing: the axes run along its left and bottom edges. */
export interface ChartFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

/** The ticks of the risk axis. */
export const RISK_TICKS = [0, 20, 40, 60, 80, 100] as const;

export interface ChartGeometry {
  frame: ChartFrame;
  /** The x of a step (0 for the start); a chart of one step puts it on the axis. */
  x(step: number): number;
  /** The y of a risk from 0 to 100. */
  y(risk: number): number;
  /** Each band as a strip across the plot, in the bands' order. */
  bands: (Rect & { name: string })[];
  ticks: (Point & { value: number })[];
  steps: (Point & { label: string })[];
  /** A curve's points, one per step from the start. */
  points(risks: readonly number[]): Point[];
}

export function chartGeometry(
  frame: ChartFrame,
  bands: readonly { from: number; to: number; name: string }[],
  steps: readonly string[],
): ChartGeometry {
  const { left, right, top, bottom } = frame;
  const y = (risk: number) => bottom - (risk / 100) * (bottom - top);
  const x = (step: number) => left + (steps.length <= 1 ? 0 : (step / (steps.length - 1)) * (right - left));
  return {
    frame,
    x,
    y,
    bands: bands.map((band) => ({ name: band.name, x: left, y: y(band.to), width: right - left, height: y(band.from) - y(band.to) })),
    ticks: RISK_TICKS.map((value) => ({ value, x: left, y: y(value) })),
    steps: steps.map((label, i) => ({ label, x: x(i), y: bottom })),
    points: (risks) => risks.map((risk, i) => ({ x: x(i), y: y(risk) })),
  };
}

/** Points as SVG writes them for a polyline: "x,y x,y …". */
export function polylinePoints(points: readonly Point[]): string {
  return points.map((point) => `${point.x},${point.y}`).join(' ');
}

/** The smallest rectangle holding the points, or null for none. */
export function extentOf(points: readonly Point[]): Rect | null {
  if (points.length === 0) return null;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** A label at the end of a curve: which curve, the step it ends on, and the y it would like. */
export interface EndLabel {
  index: number;
  step: number;
  y: number;
}

/**
 * Where each curve's end label goes: labels of curves that end on the same step are pushed apart
 * to at least `spacing` (top to bottom, keeping their order), and a column pushed past `bottom`
 * moves up as a whole, so that every label stays legible. Returns each curve's y by its index.
 */
export function spreadEndLabels(ends: readonly EndLabel[], spacing: number, bottom: number): Map<number, number> {
  const placed = new Map<number, number>();
  for (const step of new Set(ends.map((end) => end.step))) {
    const column = ends.filter((end) => end.step === step).sort((a, b) => a.y - b.y);
    const ys: number[] = [];
    column.forEach((end, i) => ys.push(i === 0 ? end.y : Math.max(end.y, ys[i - 1]! + spacing)));
    const overflow = Math.max(0, ys.at(-1)! - bottom);
    column.forEach((end, i) => placed.set(end.index, ys[i]! - overflow));
  }
  return placed;
}
