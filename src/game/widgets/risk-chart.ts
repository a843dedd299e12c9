/**
 * The debrief's risk chart on the canvas: the bands as shaded strips, and the risk at the start and
 * at the end of every round as a line with its points. The same figures are in a table beside it.
 * (The class view's chart of many games is SVG in the page, so each curve can be focused: class-chart.ts.)
 */
import Phaser from 'phaser';
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
    const left = box.x + 36;
    const right = box.right - 12;
    const top = box.y + 10;
    const bottom = box.bottom - 26;
    const y = (risk: number) => bottom - (risk / 100) * (bottom - top);
    const x = (i: number) => left + (this.steps.length <= 1 ? 0 : (i / (this.steps.length - 1)) * (right - left));
    const text = (px: number, py: number, value: string, originX: number, originY: number) => {
      this.labels.push(
        this.scene.add
          .text(px, py, value, { fontFamily: 'system-ui, sans-serif', fontSize: '12px', color: '#c9d2dc' })
          .setOrigin(originX, originY),
      );
    };
    this.bands.forEach((band, i) => {
      graphics.fillStyle(BAND_COLOURS[i] ?? 0x444444, 0.22);
      graphics.fillRect(left, y(band.to), right - left, y(band.from) - y(band.to));
      // Band names sit just inside the axis, where the line only passes once (at the start).
      text(left + 6, y(band.to) + 2, band.name, 0, 0);
    });
    graphics.lineStyle(1, 0x5b6b7c, 1);
    for (const tick of [0, 20, 40, 60, 80, 100]) {
      graphics.lineBetween(left - 4, y(tick), left, y(tick));
      text(left - 6, y(tick), String(tick), 1, 0.5);
    }
    this.steps.forEach((label, i) => text(x(i), bottom + 6, label, 0.5, 0));
    graphics.lineStyle(3, 0xf4efe6, 1);
    graphics.beginPath();
    this.risks.forEach((risk, i) => (i === 0 ? graphics.moveTo(x(i), y(risk)) : graphics.lineTo(x(i), y(risk))));
    graphics.strokePath();
    graphics.fillStyle(0xf4efe6, 1);
    this.risks.forEach((risk, i) => graphics.fillCircle(x(i), y(risk), 4));
  }

  destroy(): void {
    this.graphics.destroy();
    for (const label of this.labels) label.destroy();
  }
}
