/**
 * The map beside the table and the briefing: the canvas map of Europe drawn into a DOM slot,
 * with the same content as a text description for screen readers, and its legend under it.
 */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { EuropeMap } from '../../map/europe-map.ts';
import type { EuropeCollection } from '../../map/map-geometry.ts';
import { mapLegend } from '../../map/map-legend.ts';
import { mapView } from '../../map/map-view.ts';
import { EUROPE_KEY } from '../../scenes/boot-scene.ts';
import { el } from '../../ui/dom.ts';
import type { UiScene } from '../../scenes/ui-scene.ts';

export class MapPanel {
  readonly element: HTMLElement;
  readonly slot: HTMLElement;
  private map: EuropeMap | null = null;

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
    this.slot.setAttribute('aria-label', `Map of Europe. ${mapView(this.scenario, game).summary}`);
  }

  layout(rect: { x: number; y: number; width: number; height: number }): void {
    if (!this.map) {
      const collection = this.scene.cache.json.get(EUROPE_KEY) as EuropeCollection;
      const textScale = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) / 16;
      this.map = new EuropeMap(this.scene, rect, collection, this.scenario, { reducedMotion: this.reducedMotion, textScale });
      this.map.update(this.game);
    } else this.map.layout(rect);
  }

  /** Shows another state of the same game (the replay viewer moves through them). */
  update(game: GameState): void {
    this.game = game;
    this.describe(game);
    this.map?.update(game);
  }

  destroy(): void {
    this.map?.destroy();
  }
}
