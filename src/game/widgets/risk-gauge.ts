/**
 * The risk gauge, drawn on the canvas: the bands as arcs, ticks, the needle and the value. The
 * needle sweeps to each new value (a tween; instantly when motion is reduced) and trembles a
 * little while the risk is high. Its breakdown and band names are DOM text beside it.
 */
import Phaser from 'phaser';
import { angleFor, BAND_COLOURS, trembleAmplitude } from './gauge-geometry.ts';

export interface GaugeBand {
  from: number;
  to: number;
}

export class RiskGauge {
  private readonly dial: Phaser.GameObjects.Graphics;
  private readonly needle: Phaser.GameObjects.Graphics;
  private readonly value: Phaser.GameObjects.Text;
  private readonly ticks: Phaser.GameObjects.Text[] = [];
  private shown: number;
  private target: number;
  private tween: Phaser.Tweens.Tween | null = null;
  private box = new Phaser.Geom.Rectangle(0, 0, 0, 0);

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly bands: GaugeBand[],
    start: number,
    private readonly reducedMotion: boolean,
  ) {
    this.dial = scene.add.graphics();
    this.needle = scene.add.graphics();
    this.value = scene.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontStyle: 'bold', color: '#f4efe6' }).setOrigin(0.5, 1);
    for (const tick of [0, 20, 40, 60, 80, 100]) {
      this.ticks.push(scene.add.text(0, 0, String(tick), { fontFamily: 'system-ui, sans-serif', color: '#b9c3cf' }).setOrigin(0.5));
    }
    this.shown = start;
    this.target = start;
    scene.events.on(Phaser.Scenes.Events.UPDATE, this.tick, this);
  }

  private get centre() {
    const radius = Math.max(10, Math.min(this.box.width / 2 - 18, this.box.height - 36));
    return { x: this.box.centerX, y: this.box.y + radius + 14, radius };
  }

  /** Lays the gauge out in a rectangle (game coordinates). */
  layout(box: Phaser.Geom.Rectangle): void {
    this.box = box;
    const { x, y, radius } = this.centre;
    const thickness = Math.max(8, radius * 0.22);
    this.dial.clear();
    this.bands.forEach((band, i) => {
      this.dial.lineStyle(thickness, BAND_COLOURS[i] ?? 0x888888, 1);
      this.dial.beginPath();
      this.dial.arc(x, y, radius - thickness / 2, angleFor(band.from), angleFor(band.to), false);
      this.dial.strokePath();
      // A dark gap between bands so their boundaries read without colour.
      this.dial.lineStyle(2, 0x0b1622, 1);
      const angle = angleFor(band.from);
      this.dial.lineBetween(
        x + Math.cos(angle) * (radius - thickness),
        y + Math.sin(angle) * (radius - thickness),
        x + Math.cos(angle) * radius,
        y + Math.sin(angle) * radius,
      );
    });
    const fontSize = Math.max(10, Math.round(radius * 0.13));
    this.ticks.forEach((text, i) => {
      const angle = angleFor(i * 20);
      text.setPosition(x + Math.cos(angle) * (radius + fontSize * 0.9), y + Math.sin(angle) * (radius + fontSize * 0.9));
      text.setFontSize(fontSize);
    });
    this.value.setFontSize(Math.max(16, Math.round(radius * 0.34)));
    this.value.setPosition(x, y - radius * 0.18);
    this.drawNeedle(this.shown);
  }

  /** Moves the needle to a new risk. */
  setRisk(risk: number): void {
    this.target = risk;
    this.tween?.stop();
    if (this.reducedMotion) {
      this.shown = risk;
      this.drawNeedle(risk);
      return;
    }
    this.tween = this.scene.tweens.addCounter({
      from: this.shown,
      to: risk,
      duration: 900,
      ease: 'Cubic.easeOut',
      onUpdate: (tween) => {
        this.shown = tween.getValue() ?? risk;
      },
    });
  }

  private tick(time: number): void {
    const tremble = this.reducedMotion ? 0 : trembleAmplitude(this.target) * Math.sin(time / 45) * Math.sin(time / 173);
    this.drawNeedle(this.shown + tremble);
    this.value.setText(this.shown.toFixed(0));
  }

  private drawNeedle(risk: number): void {
    const { x, y, radius } = this.centre;
    const angle = angleFor(risk);
    this.needle.clear();
    this.needle.lineStyle(Math.max(3, radius * 0.035), 0xf4efe6, 1);
    this.needle.lineBetween(x, y, x + Math.cos(angle) * radius * 0.86, y + Math.sin(angle) * radius * 0.86);
    this.needle.fillStyle(0xf4efe6, 1);
    this.needle.fillCircle(x, y, Math.max(4, radius * 0.06));
  }

  destroy(): void {
    this.scene.events.off(Phaser.Scenes.Events.UPDATE, this.tick, this);
    this.tween?.stop();
    this.dial.destroy();
    this.needle.destroy();
    this.value.destroy();
    for (const text of this.ticks) text.destroy();
  }
}
