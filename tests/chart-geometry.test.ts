import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartGeometry, extentOf, polylinePoints, RISK_TICKS, spreadEndLabels } from '../src/game/widgets/chart-geometry.ts';
import { fuzzRuns } from './fuzz-values.ts';

const frame = { left: 40, right: 640, top: 10, bottom: 250 };
const bands = [
  { from: 0, to: 25, name: 'Calm' },
  { from: 25, to: 60, name: 'Tense' },
  { from: 60, to: 100, name: 'Brink' },
];
const steps = ['Start', 'R1', 'R2', 'R3'];

describe('chartGeometry', () => {
  const chart = chartGeometry(frame, bands, steps);

  it('puts risk 0 at the foot and 100 at the top, the start on the axis and the last step at the right', () => {
    expect(chart.y(0)).toBe(frame.bottom);
    expect(chart.y(100)).toBe(frame.top);
    expect(chart.x(0)).toBe(frame.left);
    expect(chart.x(steps.length - 1)).toBe(frame.right);
    expect(chart.steps.map((step) => step.label)).toEqual(steps);
    expect(chart.ticks.map((tick) => tick.value)).toEqual([...RISK_TICKS]);
  });

  it('spaces the steps evenly, and puts a lone step on the axis', () => {
    const gaps = chart.steps.slice(1).map((step, i) => step.x - chart.steps[i]!.x);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 9);
    expect(chartGeometry(frame, bands, ['Start']).x(0)).toBe(frame.left);
  });

  it('draws the bands as strips that fill the plot from foot to top without gaps', () => {
    const strips = [...chart.bands].sort((a, b) => b.y - a.y);
    expect(strips[0]!.y + strips[0]!.height).toBe(frame.bottom);
    strips.slice(1).forEach((strip, i) => expect(strip.y + strip.height).toBeCloseTo(strips[i]!.y, 9));
    expect(strips.at(-1)!.y).toBe(frame.top);
    for (const strip of strips) expect({ x: strip.x, width: strip.width }).toEqual({ x: frame.left, width: frame.right - frame.left });
  });

  it('places a curve’s points at its steps, higher for more risk', () => {
    const points = chart.points([20, 50, 50, 90]);
    expect(points.map((point) => point.x)).toEqual(chart.steps.map((step) => step.x));
    expect(points[1]!.y).toBeLessThan(points[0]!.y);
    expect(points[2]!.y).toBe(points[1]!.y);
    expect(polylinePoints(points.slice(0, 2))).toBe(`${points[0]!.x},${points[0]!.y} ${points[1]!.x},${points[1]!.y}`);
  });
});

describe('extentOf', () => {
  it('holds every point, and is null for none', () => {
    expect(extentOf([])).toBeNull();
    expect(
      extentOf([
        { x: 3, y: 9 },
        { x: 7, y: 2 },
      ]),
    ).toEqual({ x: 3, y: 2, width: 4, height: 7 });
  });
});

describe('spreadEndLabels', () => {
  const end = fc.record({ step: fc.integer({ min: 0, max: 3 }), y: fc.double({ min: 0, max: 200, noNaN: true }) });

  it('leaves a label alone where nothing is near it', () => {
    expect(
      spreadEndLabels(
        [
          { index: 0, step: 2, y: 50 },
          { index: 1, step: 2, y: 120 },
          { index: 2, step: 1, y: 52 },
        ],
        12,
        200,
      ),
    ).toEqual(
      new Map([
        [0, 50],
        [1, 120],
        [2, 52],
      ]),
    );
  });

  it('keeps labels of the same step apart, in order, and none below the foot', () => {
    fc.assert(
      fc.property(fc.array(end, { maxLength: 12 }), (drawn) => {
        const ends = drawn.map((item, index) => ({ index, ...item }));
        const placed = spreadEndLabels(ends, 10, 200);
        expect([...placed.keys()].sort((a, b) => a - b)).toEqual(ends.map((item) => item.index));
        for (const step of new Set(ends.map((item) => item.step))) {
          const column = ends.filter((item) => item.step === step).sort((a, b) => a.y - b.y);
          const ys = column.map((item) => placed.get(item.index)!);
          ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeGreaterThanOrEqual(10 - 1e-9));
          expect(ys.at(-1)!).toBeLessThanOrEqual(200 + 1e-9);
        }
      }),
      fuzzRuns(300),
    );
  });
});
