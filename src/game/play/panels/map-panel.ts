/**
 * The map beside the table and the briefing: the canvas map of the scenario's region drawn into
 * a DOM slot, with the same content as a text description for screen readers, and its legend
 * under it. The countries are fetched the first time a map is shown (world-data.ts).
 */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import type { WorldCollection } from '../../map/map-geometry.ts';
import { mapLegend } from '../../map/map-legend.ts';
import { mapView } from '../../map/map-view.ts';
import { loadWorld, worldIfLoaded } from '../../map/world-data.ts';
import { WorldMap } from '../../map/world-map.ts';
import { el } from '../../ui/dom.ts';
import type { UiScene } from '../../scenes/ui-scene.ts';

type Rect = { x: number; y: number; width: number; height: number };

export class MapPanel {
  readonly element: HTMLElement;
  readonly slot: HTMLElement;
  private map: WorldMap | null = null;
  /** Where the map goes, kept while the countries are being fetched. */
  private rect: Rect | null = null;
  private destroyed = false;

  constructor(
    private readonly scene: UiScene,
    private readonly scenario: Scenario,
    private game: GameState,
    private readonly reducedMotion: boolean,
  ) {
    const view = mapView(scenario, game);
    this.slot = el('div', { class: 'map-slot', attrs: { role: 'img' } });
    this.describe(game);
    const legend = mapLegend(view.legend);
    this.element = el('figure', { class: 'map' }, this.slot, legend ? el('figcaption', { class: 'map-caption' }, legend) : null);
  }

  /** The map in words for screen readers, following the state shown. */
  private describe(game: GameState): void {
    this.slot.setAttribute('aria-label', `Map. ${mapView(this.scenario, game).summary}`);
  }

  layout(rect: Rect): void {
    this.rect = rect;
    if (this.map) {
      this.map.layout(rect);
      return;
    }
    const world = worldIfLoaded();
    if (world) this.draw(world, rect);
    else
      loadWorld().then(
        (loaded) => {
          if (!this.destroyed && !this.map && this.rect) this.draw(loaded, this.rect);
        },
        // The description and the legend still say what the map shows; the next layout tries again.
        () => undefined,
      );
  }

  private draw(world: WorldCollection, rect: Rect): void {
    const textScale = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) / 16;
    this.map = new WorldMap(this.scene, rect, world, this.scenario, { reducedMotion: this.reducedMotion, textScale });
    this.map.update(this.game);
  }

  /** Shows another state of the same game (the replay viewer moves through them). */
  update(game: GameState): void {
    this.game = game;
    this.describe(game);
    this.map?.update(game);
  }

  destroy(): void {
    this.destroyed = true;
    this.map?.destroy();
  }
}
