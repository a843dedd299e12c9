/**
 * The map of Europe on the canvas: countries filled by bloc (contested ones hatched in both
 * sides' colours), the markers and their labels, and a legend. The geometry and the words come
 * from the pure modules beside this one; this file only turns them into Phaser draw calls.
 * Countries and legend are drawn once per layout (they do not change during a game); markers
 * are redrawn in `update`, never per frame, except during a short size tween.
 */
import Phaser from 'phaser';
import type { GameState } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import {
  countryBloc,
  hatchSegments,
  placeLabels,
  projectEurope,
  viewWindow,
  type EuropeCollection,
  type ProjectedEurope,
  type Ring,
} from './map-geometry.ts';
import { colourNumber, mapView, mixColour, type LegendEntry, type MapView, type MarkerView } from './map-view.ts';

export interface MapRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EuropeMapOptions {
  /** Draw marker changes at once instead of tweening them. */
  reducedMotion?: boolean;
  /** Multiplies label and legend font sizes (the text-size setting: 1 is 100%). */
  textScale?: number;
  /** Draw the legend in the lower-left corner of the map (default true). */
  legend?: boolean;
}

const PALETTE = {
  sea: 0x10263a,
  land: 0x4b5a6b,
  border: 0x0b1622,
  frame: 0x3a4d61,
  text: '#f4efe6',
  outline: '#0b1622',
  light: 0xf4efe6,
  legendBack: 0x0b1622,
} as const;
/** Side colours are pulled this far towards the neutral land colour, so markers stand out on them. */
const BLOC_FADE = 0.4;
const FONT = 'system-ui, sans-serif';
const SIZE_TWEEN_MS = 450;
/** Each bake of the countries gets a texture key of its own, so the old one can be dropped. */
let bakes = 0;
/** Outline of markers: a dark halo under a light edge. */
const HALO = [
  [3.5, PALETTE.border],
  [1.5, PALETTE.light],
] as const;

interface Located {
  marker: MarkerView;
  x: number;
  y: number;
}

interface Leader {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export class EuropeMap {
  private readonly container: Phaser.GameObjects.Container;
  private readonly countries: Phaser.GameObjects.Graphics;
  private readonly markers: Phaser.GameObjects.Graphics;
  private readonly labels = new Map<string, Phaser.GameObjects.Text>();
  private readonly badges = new Map<string, Phaser.GameObjects.Text>();
  private readonly legendTexts: Phaser.GameObjects.Text[] = [];
  private readonly reducedMotion: boolean;
  private readonly textScale: number;
  private readonly showLegend: boolean;
  private rect: MapRect;
  private geometry: ProjectedEurope;
  private current: MapView;
  /** Marker sizes as drawn right now (mid-tween they differ from `current`). */
  private shownSizes = new Map<string, number>();
  private tween: Phaser.Tweens.Tween | null = null;
  /** Where the legend sits, so labels keep off it. */
  private legendBox: MapRect | null = null;
  /** The countries and legend baked into one texture: a hundred polygons re-tessellated every frame cost a software renderer its frame rate. */
  private baked: Phaser.GameObjects.Image | null = null;
  private bakedKey: string | null = null;
  /** Lines from markers to labels placed away from them. */
  private leaders: Leader[] = [];
  /** Each text's base font size, rescaled on layout. */
  private readonly fontSizes = new Map<Phaser.GameObjects.Text, number>();

  constructor(
    private readonly scene: Phaser.Scene,
    rect: MapRect,
    private readonly collection: EuropeCollection,
    private readonly scenario: Scenario,
    options: EuropeMapOptions = {},
  ) {
    this.reducedMotion = options.reducedMotion ?? false;
    this.textScale = options.textScale ?? 1;
    this.showLegend = options.legend ?? true;
    this.rect = rect;
    this.container = scene.add.container(rect.x, rect.y);
    this.countries = scene.add.graphics();
    this.markers = scene.add.graphics();
    this.container.add([this.countries, this.markers]);
    this.current = mapView(scenario, null);
    for (const marker of this.current.markers) {
      const label = this.text('', 10, false);
      this.labels.set(marker.id, label);
      if (marker.kind === 'troops') this.badges.set(marker.id, this.text('', 9, true).setOrigin(0.5));
    }
    if (this.showLegend) for (const entry of this.current.legend) this.legendTexts.push(this.text(entry.text, 10, false));
    this.geometry = projectEurope(collection, rect.width, rect.height, this.padding(), viewWindow(scenario.map));
    this.drawCountries();
    this.drawMarkers(this.current, this.sizesOf(this.current));
  }

  /** What the map shows now, in words: for a live region or a text alternative. */
  get view(): MapView {
    return this.current;
  }

  /** Moves and resizes the map (e.g. when the game is resized), redrawing everything. */
  layout(rect: MapRect): void {
    this.rect = rect;
    this.container.setPosition(rect.x, rect.y);
    for (const [text, size] of this.fontSizes) text.setFontSize(this.fontPixels(size));
    this.geometry = projectEurope(this.collection, rect.width, rect.height, this.padding(), viewWindow(this.scenario.map));
    this.drawCountries();
    this.drawMarkers(this.current, this.shownSizes);
  }

  /** Redraws the markers for a game state (null before the talks open). */
  update(game: GameState | null): void {
    const next = mapView(this.scenario, game);
    const from = new Map(this.shownSizes);
    const target = this.sizesOf(next);
    this.current = next;
    this.tween?.stop();
    this.tween = null;
    const changed = [...target].some(([id, size]) => from.get(id) !== size);
    if (this.reducedMotion || !changed) {
      this.drawMarkers(next, target);
      return;
    }
    // Labels go where the markers will end up, so they do not jump when the tween ends.
    this.drawMarkers(next, from, target);
    this.tween = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: SIZE_TWEEN_MS,
      ease: 'Cubic.easeOut',
      onUpdate: (tween) => {
        const t = tween.getValue() ?? 1;
        const sizes = new Map([...target].map(([id, size]) => [id, (from.get(id) ?? size) + (size - (from.get(id) ?? size)) * t]));
        this.drawMarkers(next, sizes, null);
      },
      onComplete: () => {
        this.tween = null;
        this.drawMarkers(next, target, null);
      },
    });
  }

  destroy(): void {
    this.tween?.stop();
    this.tween = null;
    // Destroying the container destroys the Graphics, Image and Texts inside it.
    this.container.destroy();
    if (this.bakedKey) this.scene.textures.remove(this.bakedKey);
  }

  /** Draws the countries' Graphics once into a texture and shows that instead. */
  private bake(): void {
    bakes += 1;
    const key = `europe-map-${bakes}`;
    this.countries.setVisible(true);
    this.countries.generateTexture(key, Math.max(1, Math.ceil(this.rect.width)), Math.max(1, Math.ceil(this.rect.height)));
    this.countries.setVisible(false);
    if (this.baked) this.baked.setTexture(key);
    else {
      this.baked = this.scene.add.image(0, 0, key).setOrigin(0, 0);
      this.container.addAt(this.baked, 0);
    }
    if (this.bakedKey) this.scene.textures.remove(this.bakedKey);
    this.bakedKey = key;
  }

  private padding(): number {
    return Math.round(Math.min(this.rect.width, this.rect.height) * 0.02);
  }

  /** The radius of a marker of size 1, in pixels: markers grow with the map, within reason. */
  private unit(): number {
    return Math.max(5, Math.min(14, Math.min(this.rect.width, this.rect.height) * 0.016));
  }

  private sizesOf(view: MapView): Map<string, number> {
    return new Map(view.markers.map((marker) => [marker.id, marker.size]));
  }

  /** Font pixels for a base size: text follows the map's size a little, and the text-size setting fully. */
  private fontPixels(size: number): string {
    const fit = Math.max(0.9, Math.min(1.25, Math.min(this.rect.width, this.rect.height) / 560));
    return `${Math.round(size * fit * this.textScale)}px`;
  }

  private text(content: string, size: number, bold: boolean): Phaser.GameObjects.Text {
    const text = this.scene.add.text(0, 0, content, {
      fontFamily: FONT,
      fontSize: this.fontPixels(size),
      fontStyle: bold ? 'bold' : 'normal',
      color: PALETTE.text,
      // A dark outline keeps labels legible over any fill.
      stroke: PALETTE.outline,
      strokeThickness: 3,
    });
    this.container.add(text);
    this.fontSizes.set(text, size);
    return text;
  }

  private fillRing(g: Phaser.GameObjects.Graphics, ring: Ring): void {
    g.beginPath();
    g.moveTo(ring[0]![0], ring[0]![1]);
    for (let i = 1; i < ring.length; i++) g.lineTo(ring[i]![0], ring[i]![1]);
    g.closePath();
    g.fillPath();
  }

  private strokeRing(g: Phaser.GameObjects.Graphics, ring: Ring): void {
    g.beginPath();
    g.moveTo(ring[0]![0], ring[0]![1]);
    for (let i = 1; i < ring.length; i++) g.lineTo(ring[i]![0], ring[i]![1]);
    // Phaser's closePath only closes the last sub-path: close each ring by hand.
    g.lineTo(ring[0]![0], ring[0]![1]);
    g.strokePath();
  }

  private drawCountries(): void {
    const g = this.countries;
    const { width, height } = this.rect;
    const sides = this.scenario.sides;
    const sideColour = new Map(sides.map((side) => [side.id, colourNumber(side.colour)]));
    g.clear();
    g.fillStyle(PALETTE.sea, 1);
    g.fillRect(0, 0, width, height);
    for (const country of this.geometry.countries) {
      const bloc = countryBloc(country.name, this.scenario.map);
      const colour = bloc && bloc !== 'contested' ? sideColour.get(bloc) : undefined;
      g.fillStyle(colour === undefined ? PALETTE.land : mixColour(colour, PALETTE.land, BLOC_FADE), 1);
      for (const ring of country.rings) this.fillRing(g, ring);
      if (bloc === 'contested') {
        // Hatched in both sides' colours, line by line: at stake between them, owned by neither.
        const colours = sides.map((side) => mixColour(colourNumber(side.colour), PALETTE.light, 0.15));
        for (const segment of hatchSegments(country.rings, Math.max(4, this.unit() * 0.7))) {
          g.lineStyle(2, colours[Math.abs(segment.line) % colours.length]!, 1);
          g.lineBetween(segment.x1, segment.y1, segment.x2, segment.y2);
        }
      }
    }
    g.lineStyle(1, PALETTE.border, 0.9);
    for (const country of this.geometry.countries) for (const ring of country.rings) this.strokeRing(g, ring);
    g.lineStyle(2, PALETTE.frame, 1);
    g.strokeRect(0, 0, width, height);
    if (this.showLegend) this.drawLegend(g, this.current.legend);
    this.bake();
  }

  /** The legend, in the lower-left corner (the Atlantic), when it fits in a modest share of the map. */
  private drawLegend(g: Phaser.GameObjects.Graphics, entries: readonly LegendEntry[]): void {
    this.legendBox = null;
    if (entries.length === 0) return;
    const row = Math.max(...this.legendTexts.map((text) => text.height)) + 4;
    const swatch = row * 0.7;
    const inner = Math.max(...this.legendTexts.map((text) => text.width)) + swatch + 14;
    const fits = row * entries.length + 8 <= this.rect.height * 0.45 && inner + 8 <= this.rect.width * 0.4;
    for (const text of this.legendTexts) text.setVisible(fits);
    if (!fits) return;
    const [left, top] = [8, this.rect.height - 8 - row * entries.length - 8];
    this.legendBox = { x: left, y: top, width: inner + 8, height: row * entries.length + 8 };
    g.fillStyle(PALETTE.legendBack, 0.82);
    g.fillRect(left, top, inner + 8, row * entries.length + 8);
    entries.forEach((entry, i) => {
      const [x, y] = [left + 4, top + 4 + i * row + (row - swatch) / 2];
      const [cx, cy, r] = [x + swatch / 2, y + swatch / 2, swatch / 2];
      const colour = entry.colours[0] ?? PALETTE.light;
      switch (entry.symbol) {
        case 'fill':
          g.fillStyle(mixColour(colour, PALETTE.land, BLOC_FADE), 1);
          g.fillRect(x, y, swatch, swatch);
          break;
        case 'hatch': {
          g.fillStyle(PALETTE.land, 1);
          g.fillRect(x, y, swatch, swatch);
          const square: Ring = [
            [x, y],
            [x + swatch, y],
            [x + swatch, y + swatch],
            [x, y + swatch],
          ];
          for (const segment of hatchSegments([square], swatch / 3.5)) {
            g.lineStyle(2, entry.colours[Math.abs(segment.line) % entry.colours.length] ?? colour, 1);
            g.lineBetween(segment.x1, segment.y1, segment.x2, segment.y2);
          }
          break;
        }
        case 'circle':
          g.fillStyle(colour, 1);
          g.fillCircle(cx, cy, r);
          break;
        case 'triangle':
          this.triangle(g, cx, cy, r, colour);
          break;
        case 'dashed-circle':
          this.dashedCircle(g, cx, cy, r * 0.9, colour);
          break;
        case 'tick':
          this.tick(g, cx, cy, r);
          break;
      }
      this.legendTexts[i]?.setPosition(x + swatch + 6, top + 4 + i * row + 2);
    });
  }

  private triangle(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, colour: number): void {
    const [dx, dy] = [r * Math.cos(Math.PI / 6), r / 2];
    g.fillStyle(colour, 1);
    g.fillTriangle(x, y - r, x + dx, y + dy, x - dx, y + dy);
    // A dark halo and a light edge: the shape reads on a fill of its own colour.
    for (const [width, edge] of HALO) {
      g.lineStyle(width, edge, 1);
      g.strokeTriangle(x, y - r, x + dx, y + dy, x - dx, y + dy);
    }
  }

  /** A circle of dashes: an area of activity, not a place. */
  private dashedCircle(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, colour: number): void {
    const dashes = Math.max(8, Math.round(r / 2.5));
    g.fillStyle(colour, 0.22);
    g.fillCircle(x, y, r);
    for (const [width, edge] of [
      [4, PALETTE.border],
      [2, mixColour(colour, PALETTE.light, 0.35)],
    ] as const) {
      g.lineStyle(width, edge, 1);
      for (let k = 0; k < dashes; k++) {
        const start = (k / dashes) * Math.PI * 2;
        g.beginPath();
        g.arc(x, y, r, start, start + (Math.PI / dashes) * 1.1, false);
        g.strokePath();
      }
    }
  }

  private troops(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, colour: number): void {
    g.fillStyle(colour, 0.92);
    g.fillCircle(x, y, r);
    for (const [width, edge] of HALO) {
      g.lineStyle(width, edge, 1);
      g.strokeCircle(x, y, r);
    }
  }

  /** A check mark, drawn on agreed markers so "agreed" never rests on colour. */
  private tick(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number): void {
    for (const [width, colour] of [
      [4, PALETTE.border],
      [2, PALETTE.light],
    ] as const) {
      g.lineStyle(width, colour, 1);
      g.beginPath();
      g.moveTo(x - r * 0.6, y);
      g.lineTo(x - r * 0.15, y + r * 0.5);
      g.lineTo(x + r * 0.7, y - r * 0.6);
      g.strokePath();
    }
  }

  /** The radius of a marker on screen: troops and exercise zones are areas, drawn wider than a site. */
  private radius(marker: MarkerView, size: number): number {
    const scale = marker.shape === 'dashed-circle' ? 2.4 : marker.shape === 'triangle' ? 1.1 : 1.25;
    return this.unit() * scale * size;
  }

  /** Markers inside the box, with their screen position. */
  private located(view: MapView): Located[] {
    const located: Located[] = [];
    for (const marker of view.markers) {
      const point = this.geometry.project(marker.lon, marker.lat);
      if (point) located.push({ marker, x: point[0], y: point[1] });
    }
    return located;
  }

  /** Draws the markers at the given sizes; places the labels for `labelSizes` (null: leave them). */
  private drawMarkers(view: MapView, sizes: ReadonlyMap<string, number>, labelSizes: ReadonlyMap<string, number> | null = sizes): void {
    const located = this.located(view);
    if (labelSizes) this.leaders = this.placeLabels(view, located, labelSizes);
    const g = this.markers;
    g.clear();
    for (const [width, colour] of HALO) {
      g.lineStyle(width * 0.6, colour, 0.8);
      for (const leader of this.leaders) g.lineBetween(leader.x1, leader.y1, leader.x2, leader.y2);
    }
    // Zones first, so sites and troops inside them stay on top.
    const order = [...located].sort((a, b) => Number(b.marker.shape === 'dashed-circle') - Number(a.marker.shape === 'dashed-circle'));
    for (const { marker, x, y } of order) {
      const r = this.radius(marker, sizes.get(marker.id) ?? marker.size);
      if (marker.shape === 'circle') this.troops(g, x, y, r, marker.colour);
      else if (marker.shape === 'triangle') this.triangle(g, x, y, r, marker.colour);
      else this.dashedCircle(g, x, y, r, marker.colour);
      if (marker.status === 'agreed') this.tick(g, x + r * 0.9, y - r * 0.9, Math.max(4, this.unit() * 0.6));
    }
    for (const marker of view.markers) this.shownSizes.set(marker.id, sizes.get(marker.id) ?? marker.size);
    for (const { marker, x, y } of located)
      this.badges
        .get(marker.id)
        ?.setText(marker.badge ?? '')
        .setPosition(x, y);
  }

  /** Sets the label texts, places them, and returns the leader lines for labels pushed away. */
  private placeLabels(view: MapView, located: readonly Located[], sizes: ReadonlyMap<string, number>): Leader[] {
    const shown = new Set(located.map((item) => item.marker.id));
    for (const marker of view.markers) {
      this.labels.get(marker.id)?.setText(`${marker.label}\n${marker.caption}`).setVisible(shown.has(marker.id));
      this.badges.get(marker.id)?.setVisible(shown.has(marker.id));
    }
    const requests = located.map(({ marker, x, y }) => {
      const label = this.labels.get(marker.id)!;
      const r = this.radius(marker, sizes.get(marker.id) ?? marker.size);
      // Exercise zones are wide: their labels may sit over the ring rather than far outside it.
      return { id: marker.id, x, y, radius: marker.shape === 'dashed-circle' ? r * 0.4 : r, width: label.width, height: label.height };
    });
    const obstacles = this.legendBox ? [this.legendBox] : [];
    const leaders: Leader[] = [];
    placeLabels(requests, this.rect.width, this.rect.height, obstacles).forEach((spot, i) => {
      const request = requests[i]!;
      this.labels.get(spot.id)?.setPosition(spot.x, spot.y);
      if (!spot.leader) return;
      // From the marker's edge to the nearest point of its label.
      const [tx, ty] = [
        Math.max(spot.x, Math.min(spot.x + request.width, request.x)),
        Math.max(spot.y, Math.min(spot.y + request.height, request.y)),
      ];
      const length = Math.hypot(tx - request.x, ty - request.y);
      if (length <= request.radius) return;
      const [ux, uy] = [(tx - request.x) / length, (ty - request.y) / length];
      leaders.push({ x1: request.x + ux * request.radius, y1: request.y + uy * request.radius, x2: tx, y2: ty });
    });
    return leaders;
  }
}
