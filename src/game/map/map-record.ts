/**
 * What the map placed, written on the canvas as its `data-map-layout` attribute (JSON), for the
 * browser tests (tests/e2e/map.spec.ts, map-world.spec.ts). The canvas is pixels only: whether
 * labels and names keep off each other and the markers, and where each marker landed, can be
 * read nowhere else. A deliberate, read-only surface: the game never reads it back, so changing
 * it changes nothing on screen; the attribute goes when the map does.
 *
 * The record, in the map's own pixels (its top-left corner is 0, 0):
 * - width, height: the map's size;
 * - markers: each marker's id and centre;
 * - texts: every text drawn (kind "label", "badge" or "country"), its id, words, box and font size;
 * - obstacles, zones: what labels keep off (see MapLayout);
 * - leaders: the leader lines from markers to labels placed away from them.
 */
import type { Box, Segment, TextKind } from './layout-shapes.ts';
import type { MapLayout, MapMetrics } from './map-layout.ts';

export interface MapRecord {
  width: number;
  height: number;
  markers: { id: string; x: number; y: number }[];
  texts: (Box & { kind: TextKind; id: string; text: string; fontSize: number })[];
  obstacles: Box[];
  zones: Box[];
  leaders: Segment[];
}

export function mapRecord(layout: MapLayout, metrics: MapMetrics, size: { width: number; height: number }): MapRecord {
  const texts = (kind: TextKind, items: readonly (Box & { id: string; text: string })[]) =>
    items.map(({ id, text, x, y, width, height }) => ({ kind, id, text, x, y, width, height, fontSize: metrics.fonts[kind] }));
  return {
    width: size.width,
    height: size.height,
    markers: layout.markers.map(({ marker, x, y }) => ({ id: marker.id, x, y })),
    texts: [...texts('badge', layout.badges), ...texts('label', layout.labels), ...texts('country', layout.countries)],
    obstacles: layout.obstacles,
    zones: layout.zones,
    leaders: layout.labels.flatMap((label) => (label.leader ? [label.leader] : [])),
  };
}

/** Writes the record on the canvas; the function returned takes it off again, unless a later map has replaced it. */
export function recordOnCanvas(canvas: HTMLCanvasElement, record: MapRecord): () => void {
  const text = JSON.stringify(record);
  canvas.dataset.mapLayout = text;
  return () => {
    if (canvas.dataset.mapLayout === text) delete canvas.dataset.mapLayout;
  };
}
