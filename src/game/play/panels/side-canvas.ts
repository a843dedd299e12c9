/**
 * The canvas half of the table's side columns. The map and the gauge are drawn on the canvas under
 * their DOM slots. Where the side columns stack into one scrolling box (large text, small
 * windows), the scene's camera is cut down to that box and scrolls with it, so the drawings move
 * with their slots and never show outside the box; elsewhere the camera is the whole window.
 */
import Phaser from 'phaser';

export class SideCanvas {
  private readonly camera: Phaser.Cameras.Scene2D.Camera;
  /** The box's outline, in window coordinates, as a mask. */
  private readonly shape: Phaser.GameObjects.Graphics;
  private readonly mask: Phaser.Display.Masks.GeometryMask;

  constructor(
    scene: Phaser.Scene,
    private readonly box: HTMLElement,
  ) {
    this.camera = scene.cameras.main;
    this.shape = scene.make.graphics({}, false);
    this.mask = this.shape.createGeometryMask();
  }

  /** Whether the side columns are one scrolling box now (table.css decides, by the room there is). */
  private get scrolls(): boolean {
    return getComputedStyle(this.box).display !== 'contents';
  }

  private get canvas(): DOMRect {
    return this.camera.scene.game.canvas.getBoundingClientRect();
  }

  /** Sets the camera to the box (or the whole canvas), for the box's current size and scroll. */
  fit(): void {
    const canvas = this.canvas;
    if (!this.scrolls) {
      this.camera.clearMask();
      this.camera.setViewport(0, 0, Math.round(canvas.width), Math.round(canvas.height));
      this.camera.setScroll(0, 0);
      return;
    }
    const box = this.box.getBoundingClientRect();
    const [x, y, width, height] = [box.left - canvas.left, box.top - canvas.top, box.width, box.height].map(Math.round) as [
      number,
      number,
      number,
      number,
    ];
    // The viewport cuts the drawings in WebGL. The canvas renderer cuts them only while Phaser
    // counts a custom viewport, a count that Graphics.generateTexture (the map's baking) throws
    // off; the mask cuts them there whatever the count.
    this.camera.setViewport(x, y, width, height);
    this.shape.clear().fillStyle(0xffffff).fillRect(x, y, width, height);
    this.camera.setMask(this.mask);
    this.follow();
  }

  /** Scrolls the camera with the box: a drawing's place in the world is its slot's place at scroll 0. */
  follow(): void {
    if (!this.scrolls) return;
    this.camera.setScroll(this.camera.x, this.camera.y + this.box.scrollTop);
  }

  /** Where a slot is in the world the camera shows (the canvas at 1:1, shifted by the box's scroll). */
  rectOf(slot: HTMLElement): Phaser.Geom.Rectangle {
    const canvas = this.canvas;
    const box = slot.getBoundingClientRect();
    const scroll = this.scrolls ? this.box.scrollTop : 0;
    return new Phaser.Geom.Rectangle(box.left - canvas.left, box.top - canvas.top + scroll, box.width, box.height);
  }

  destroy(): void {
    this.camera.clearMask();
    this.mask.destroy();
    this.shape.destroy();
  }
}
