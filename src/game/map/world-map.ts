/**
 * A scenario's map on the canvas: countries filled by bloc (contested ones hatched in both
 * sides' colours) and named where a name fits, the markers and their labels. The geometry, the
 * layout and the words come from the pure modules beside this one; this file only turns them
 * into Phaser draw calls. Countries are drawn once per layout (they do not change during a
 * game); markers, labels and names are redrawn in `update`, never per frame, except during a
 * short size tween. The legend is in the page, under the canvas (map-legend.ts).
 */
import Phaser from 'phaser';
import type { GameState } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { countryBloc, hatchSegments, projectScenarioMap, type WorldCollection, type ProjectedMap } from './map-geometry.ts';
import { countryAnchors, type CountryAnchor } from './country-names.ts';
import type { TextKind } from './layout-shapes.ts';
import { layoutMap, mapMetrics, markerRadius, type MapLayout, type MapMetrics } from './map-layout.ts';
import { mapRecord, recordOnCanvas } from './map-record.ts';
import { BORDER_COLOUR, HALO, cssColour } from './map-symbols.ts';
import { drawMarker, tracePath } from './marker-drawing.ts';
import { LAND_COLOUR, LIGHT_COLOUR, blocFill, colourNumber, hatchColour, mapView, type MapView } from './map-view.ts';

export interface MapRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WorldMapOptions {
  /** Draw marker changes at once instead of tweening them. */
  reducedMotion?: boolean;
  /** Multiplies the font sizes (the text-size setting: 1 is 100%). */
  textScale?: number;
}

const PALETTE = {
  sea: 0x10263a,
  frame: 0x3a4d61,
  /** Country names: quieter than the markers' labels, which carry the game. */
  countryText: '#c5d0dc',
} as const;
const FONT = 'system-ui, sans-serif';
const SIZE_TWEEN_MS = 450;
/** Each bake of the countries gets a texture key of its own, so the old one can be dropped. */
let bakes = 0;

/** How each kind of text is set: the fonts' pixel sizes come from the layout's metrics. */
const TEXT_STYLES: Record<TextKind, { bold: boolean; colour: string; letterSpacing: number }> = {
  label: { bold: false, colour: cssColour(LIGHT_COLOUR), letterSpacing: 0 },
  badge: { bold: true, colour: cssColour(LIGHT_COLOUR), letterSpacing: 0 },
  country: { bold: false, colour: PALETTE.countryText, letterSpacing: 1 },
};

export class WorldMap {
  private readonly container: Phaser.GameObjects.Container;
  private readonly countries: Phaser.GameObjects.Graphics;
  private readonly markers: Phaser.GameObjects.Graphics;
  /** Texts by kind and id, made as they are first needed and hidden when not in the layout. */
  private readonly texts = new Map<string, Phaser.GameObjects.Text>();
  /** One hidden text per kind, to measure texts before placing them. */
  private readonly rulers = new Map<TextKind, Phaser.GameObjects.Text>();
  private readonly reducedMotion: boolean;
  private readonly textScale: number;
  private rect: MapRect;
  private geometry: ProjectedMap;
  private anchors: CountryAnchor[];
  private metrics: MapMetrics;
  private current: MapView;
  private placed: MapLayout | null = null;
  /** Marker sizes as drawn right now (mid-tween they differ from `current`). */
  private shownSizes = new Map<string, number>();
  private tween: Phaser.Tweens.Tween | null = null;
  /** The countries baked into one texture: a hundred polygons re-tessellated every frame cost a software renderer its frame rate. */
  private baked: Phaser.GameObjects.Image | null = null;
  private bakedKey: string | null = null;
  /** Takes the record of what the map placed off the canvas (see map-record.ts). */
  private unrecord: () => void = () => undefined;

  constructor(
    private readonly scene: Phaser.Scene,
    rect: MapRect,
    private readonly collection: WorldCollection,
    private readonly scenario: Scenario,
    options: WorldMapOptions = {},
  ) {
    this.reducedMotion = options.reducedMotion ?? false;
    this.textScale = options.textScale ?? 1;
    this.rect = rect;
    this.container = scene.add.container(rect.x, rect.y);
    this.countries = scene.add.graphics();
    this.markers = scene.add.graphics();
    this.container.add([this.countries, this.markers]);
    this.current = mapView(scenario, null);
    this.metrics = mapMetrics(rect.width, rect.height, this.textScale);
    this.geometry = projectScenarioMap(this.collection, this.rect.width, this.rect.height, this.scenario.map);
    this.anchors = countryAnchors(this.geometry);
    this.drawCountries();
    this.show(this.sizesOf(this.current), this.sizesOf(this.current));
  }

  /** Moves and resizes the map (e.g. when the game is resized), redrawing everything. */
  layout(rect: MapRect): void {
    this.rect = rect;
    this.container.setPosition(rect.x, rect.y);
    this.metrics = mapMetrics(rect.width, rect.height, this.textScale);
    this.geometry = projectScenarioMap(this.collection, this.rect.width, this.rect.height, this.scenario.map);
    this.anchors = countryAnchors(this.geometry);
    this.drawCountries();
    this.show(this.shownSizes, this.sizesOf(this.current));
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
      this.show(target, target);
      return;
    }
    // Labels go where the markers will end up, so they do not jump when the tween ends.
    this.show(from, target);
    this.tween = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: SIZE_TWEEN_MS,
      ease: 'Cubic.easeOut',
      onUpdate: (tween) => {
        const t = tween.getValue() ?? 1;
        this.drawMarkers(new Map([...target].map(([id, size]) => [id, (from.get(id) ?? size) + (size - (from.get(id) ?? size)) * t])));
      },
      onComplete: () => {
        this.tween = null;
        this.drawMarkers(target);
      },
    });
  }

  destroy(): void {
    this.tween?.stop();
    this.tween = null;
    // Destroying the container destroys the Graphics, Image and Texts inside it.
    this.container.destroy();
    for (const ruler of this.rulers.values()) ruler.destroy();
    if (this.bakedKey) this.scene.textures.remove(this.bakedKey);
    this.unrecord();
  }

  /** Lays out labels and names for the markers at `labelSizes`, and draws the markers at `sizes`. */
  private show(sizes: ReadonlyMap<string, number>, labelSizes: ReadonlyMap<string, number>): void {
    const contested = this.scenario.map?.contested ?? [];
    const measure = (text: string, kind: TextKind) => {
      const ruler = this.ruler(kind).setText(text);
      return { width: ruler.width, height: ruler.height };
    };
    this.placed = layoutMap(this.current.markers, this.geometry, this.anchors, contested, this.metrics, measure, labelSizes);
    this.unrecord();
    this.unrecord = recordOnCanvas(this.scene.game.canvas, mapRecord(this.placed, this.metrics, this.rect));
    for (const text of this.texts.values()) text.setVisible(false);
    for (const [kind, items] of [
      ['badge', this.placed.badges],
      ['label', this.placed.labels],
      ['country', this.placed.countries],
    ] as const) {
      for (const item of items) this.textFor(kind, item.id).setText(item.text).setPosition(item.x, item.y).setVisible(true);
    }
    this.drawMarkers(sizes);
  }

  /** Draws the countries' Graphics once into a texture and shows that instead. */
  private bake(): void {
    bakes += 1;
    const key = `world-map-${bakes}`;
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

  private sizesOf(view: MapView): Map<string, number> {
    return new Map(view.markers.map((marker) => [marker.id, marker.size]));
  }

  private style(kind: TextKind): Phaser.Types.GameObjects.Text.TextStyle {
    const style = TEXT_STYLES[kind];
    return {
      fontFamily: FONT,
      fontSize: `${this.metrics.fonts[kind]}px`,
      fontStyle: style.bold ? 'bold' : 'normal',
      color: style.colour,
      letterSpacing: style.letterSpacing,
      // A dark outline keeps text legible over any fill.
      stroke: cssColour(BORDER_COLOUR),
      strokeThickness: 3,
    };
  }

  /** The hidden text that measures texts of a kind, in the current font size. */
  private ruler(kind: TextKind): Phaser.GameObjects.Text {
    let ruler = this.rulers.get(kind);
    if (!ruler) {
      ruler = this.scene.add.text(0, 0, '', this.style(kind)).setVisible(false);
      this.rulers.set(kind, ruler);
    }
    return ruler.setFontSize(this.metrics.fonts[kind]);
  }

  private textFor(kind: TextKind, id: string): Phaser.GameObjects.Text {
    const key = `${kind}:${id}`;
    let text = this.texts.get(key);
    if (!text) {
      text = this.scene.add.text(0, 0, '', this.style(kind));
      this.container.add(text);
      this.texts.set(key, text);
    }
    return text.setFontSize(this.metrics.fonts[kind]);
  }

  private drawCountries(): void {
    const g = this.countries;
    const { width, height } = this.rect;
    const sides = this.scenario.sides;
    const sideColour = new Map(sides.map((side) => [side.id, colourNumber(side.colour)]));
    const hatches = sides.map((side) => hatchColour(colourNumber(side.colour)));
    g.clear();
    g.fillStyle(PALETTE.sea, 1);
    g.fillRect(0, 0, width, height);
    for (const country of this.geometry.countries) {
      const bloc = countryBloc(country.name, this.scenario.map);
      const colour = bloc && bloc !== 'contested' ? sideColour.get(bloc) : undefined;
      g.fillStyle(colour === undefined ? LAND_COLOUR : blocFill(colour), 1);
      for (const ring of country.rings) {
        tracePath(g, ring, false);
        g.closePath();
        g.fillPath();
      }
      if (bloc === 'contested') {
        // Hatched in both sides' colours, line by line: at stake between them, owned by neither.
        for (const segment of hatchSegments(country.rings, Math.max(4, this.metrics.unit * 0.7))) {
          g.lineStyle(2, hatches[Math.abs(segment.line) % hatches.length]!, 1);
          g.lineBetween(segment.x1, segment.y1, segment.x2, segment.y2);
        }
      }
    }
    g.lineStyle(1, BORDER_COLOUR, 0.9);
    for (const country of this.geometry.countries)
      for (const ring of country.rings) {
        tracePath(g, ring, true);
        g.strokePath();
      }
    g.lineStyle(2, PALETTE.frame, 1);
    g.strokeRect(0, 0, width, height);
    this.bake();
  }

  /** Draws the markers of the current layout at the given sizes, with the leader lines of labels placed away from them. */
  private drawMarkers(sizes: ReadonlyMap<string, number>): void {
    const placed = this.placed;
    if (!placed) return;
    const g = this.markers;
    g.clear();
    // Leader lines in the markers' halo, so a label far from its marker still reads as its own.
    for (const [width, colour] of HALO) {
      g.lineStyle(width * 0.8, colour, 1);
      for (const { leader } of placed.labels) if (leader) g.lineBetween(leader.x1, leader.y1, leader.x2, leader.y2);
    }
    // Zones first, so sites and troops inside them stay on top.
    const order = [...placed.markers].sort(
      (a, b) => Number(b.marker.shape === 'dashed-circle') - Number(a.marker.shape === 'dashed-circle'),
    );
    for (const { marker, x, y } of order) {
      drawMarker(g, marker, x, y, markerRadius(marker, sizes.get(marker.id) ?? marker.size, this.metrics.unit), this.metrics.unit);
    }
    for (const marker of this.current.markers) this.shownSizes.set(marker.id, sizes.get(marker.id) ?? marker.size);
  }
}
