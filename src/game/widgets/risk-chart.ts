/**
 * The debrief's risk chart on the canvas: the bands as shaded strips, and the risk at the start and
 * at the end of every round as a line with its points. The same figures are in a table beside it.
 * (The class view's chart of many games is SVG in the page, so each curve can be focused: class-chart.ts.)
 */
import Phaser from 'phaser';
import { chartGeometry } from './chart-geometry.ts';
import { BAND_COLOURS } from './gauge-geometry.ts';

export class RiskChart {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly bands: { from: number; to: number; name: string }[],
    /** The x-axis labels: Start, R1, R2… */
    private readonly steps: string[],
    /** The risk at each step. */
    private readonly risks: number[],
  ) {
    this.graphics = scene.add.graphics();
  }

  layout(box: Phaser.Geom.Rectangle): void {
    for (const label of this.labels) label.destroy();
    this.labels = [];
    const graphics = this.graphics;
    graphics.clear();
    const frame = { left: box.x + 36, right: box.right - 12, top: box.y + 10, bottom: box.bottom - 26 };
    const chart = chartGeometry(frame, this.bands, this.steps);
    chart.bands.forEach((band, i) => {
      graphics.fillStyle(BAND_COLOURS[i] ?? 0x444444, 0.22);
      graphics.fillRect(band.x, band.y, band.width, band.height);
      // Band names sit just inside the axis, where the line only passes once (at the start).
      this.text(band.x + 6, band.y + 2, band.name, 0, 0);
    });
    graphics.lineStyle(1, 0x5b6b7c, 1);
    for (const tick of chart.ticks) {
      graphics.lineBetween(tick.x - 4, tick.y, tick.x, tick.y);
      this.text(tick.x - 6, tick.y, String(tick.value), 1, 0.5);
    }
    for (const step of chart.steps) this.text(step.x, step.y + 6, step.label, 0.5, 0);
    const points = chart.points(this.risks);
    graphics.lineStyle(3, 0xf4efe6, 1);
    graphics.beginPath();
    points.forEach((point, i) => (i === 0 ? graphics.moveTo(point.x, point.y) : graphics.lineTo(point.x, point.y)));
    graphics.strokePath();
    graphics.fillStyle(0xf4efe6, 1);
    for (const point of points) graphics.fillCircle(point.x, point.y, 4);
  }

  private text(x: number, y: number, value: string, originX: number, originY: number): void {
    this.labels.push(
      this.scene.add
        .text(x, y, value, { fontFamily: 'system-ui, sans-serif', fontSize: '12px', color: '#c9d2dc' })
        .setOrigin(originX, originY),
    );
  }

  destroy(): void {
    this.graphics.destroy();
    for (const label of this.labels) label.destroy();
  }
}
