/**
 * The canvas half of the table's side columns. The map and the gauge are drawn on the canvas under
 * their DOM slots. Where the side columns stack into one scrolling box (large text, small
 * windows), the scene's camera is cut down to that box and scrolls with it, so the drawings move
 * with their slots and never show outside the box; elsewhere the camera is the whole window.
 */
import Phaser from 'phaser';

export class SideCanvas {
  constructor(
    private readonly camera: Phaser.Cameras.Scene2D.Camera,
    private readonly box: HTMLElement,
    private readonly canvas: HTMLCanvasElement,
  ) {}

  /** Whether the side columns are one scrolling box now (table.css decides, by the room there is). */
  private get scrolls(): boolean {
    return getComputedStyle(this.box).display !== 'contents';
  }

  /** Sets the camera to the box (or the whole canvas), for the box's current size and scroll. */
  fit(): void {
    const canvas = this.canvas.getBoundingClientRect();
    if (!this.scrolls) {
      this.camera.setViewport(0, 0, canvas.width, canvas.height);
      this.camera.setScroll(0, 0);
      return;
    }
    const box = this.box.getBoundingClientRect();
    this.camera.setViewport(box.left - canvas.left, box.top - canvas.top, box.width, box.height);
    this.follow();
  }

  /** Scrolls the camera with the box: a drawing's place in the world is its slot's place at scroll 0. */
  follow(): void {
    if (!this.scrolls) return;
    this.camera.setScroll(this.camera.x, this.camera.y + this.box.scrollTop);
  }

  /** Where a slot is in the world the camera shows (the canvas at 1:1, shifted by the box's scroll). */
  rectOf(slot: HTMLElement): Phaser.Geom.Rectangle {
    const canvas = this.canvas.getBoundingClientRect();
    const box = slot.getBoundingClientRect();
    const scroll = this.scrolls ? this.box.scrollTop : 0;
    return new Phaser.Geom.Rectangle(box.left - canvas.left, box.top - canvas.top + scroll, box.width, box.height);
  }
}
