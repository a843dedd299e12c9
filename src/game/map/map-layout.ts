/**
 * Where everything on the map goes, in screen pixels: the markers and their sizes, the labels
 * beside them and the names of the countries. Pure (text is measured through a function the
 * caller passes: Phaser in the game, a simple model in the tests), so the rule that no label
 * covers another label or a marker is tested for every scenario, map size and round.
 */
import { placeCountryNames, type CountryAnchor } from './country-names.ts';
import { placeLabels, type LabelRequest } from './label-placement.ts';
import type { Box, LaidLabel, LaidText, Measure, TextKind } from './layout-shapes.ts';
import type { ProjectedMap } from './map-geometry.ts';
import type { MarkerView } from './map-view.ts';

// The layout's parts that its tests check one by one (tests/map-layout.test.ts, map-geometry.test.ts).
export { countryAnchors } from './country-names.ts';
export { placeLabels } from './label-placement.ts';
export { boxesOverlap, insideRings, segmentCrossesBox, segmentsCross, type Box, type Measure } from './layout-shapes.ts';

export interface MapMetrics {
  /** The radius of a marker of size 1, in pixels. */
  unit: number;
  /** Font sizes in pixels. */
  fonts: Record<TextKind, number>;
}

/** Base font sizes at 100% text on a small map; they grow a little with the map and fully with the text setting. */
const BASE_FONTS: Record<TextKind, number> = { label: 11, badge: 10, country: 10 };
/** How far fonts follow the map's size: from a map this size (its shorter side, in pixels) up to a fifth larger. */
const FONT_MAP_SIZE = 560;

/** Marker and font sizes for a map of this size and a text scale (1 is 100%). */
export function mapMetrics(width: number, height: number, textScale = 1): MapMetrics {
  const short = Math.min(width, height);
  const fit = Math.max(1, Math.min(1.2, short / FONT_MAP_SIZE));
  const font = (kind: TextKind) => Math.round(BASE_FONTS[kind] * fit * textScale);
  return {
    unit: Math.max(5, Math.min(14, short * 0.016)),
    fonts: { label: font('label'), badge: font('badge'), country: font('country') },
  };
}

/** The radius of a marker on screen: troops and exercise zones are areas, drawn wider than a site. */
export function markerRadius(marker: MarkerView, size: number, unit: number): number {
  const scale = marker.shape === 'dashed-circle' ? 2.4 : marker.shape === 'triangle' ? 1.1 : 1.25;
  return unit * scale * size;
}

/** Where the tick of an agreed marker goes, and its size. */
export function tickSpot(x: number, y: number, radius: number, unit: number): { x: number; y: number; r: number } {
  return { x: x + radius * 0.9, y: y - radius * 0.9, r: Math.max(4, unit * 0.6) };
}

export interface LaidMarker {
  marker: MarkerView;
  x: number;
  y: number;
  radius: number;
}

export interface MapLayout {
  markers: LaidMarker[];
  /** Troop numbers, centred on their markers. */
  badges: LaidText[];
  /** One per marker at most: a label that fits nowhere is left out (the map's description still has it). */
  labels: LaidLabel[];
  /** Country names that fit inside their country without touching anything else. */
  countries: LaidText[];
  /** Everything solid that labels and names keep off: the bodies of troops and missile sites, ticks and badges. */
  obstacles: Box[];
  /** The middles of exercise zones, which labels keep off; names may lie over them, as over any see-through area. */
  zones: Box[];
}

/** Labels first: troop numbers, then missile sites, then exercise zones (areas, named last). */
const LABEL_ORDER: Record<MarkerView['shape'], number> = { circle: 0, triangle: 1, 'dashed-circle': 2 };

/**
 * The whole layout for one state of the map. `sizes` overrides the markers' sizes (the drawing
 * passes where a tween will end); `anchors` come from `countryAnchors` for the same geometry.
 */
export function layoutMap(
  markers: readonly MarkerView[],
  geometry: ProjectedMap,
  anchors: readonly CountryAnchor[],
  contested: readonly string[],
  metrics: MapMetrics,
  measure: Measure,
  sizes: ReadonlyMap<string, number> = new Map(),
): MapLayout {
  const { width, height } = geometry;
  const laid: LaidMarker[] = [];
  for (const marker of markers) {
    const point = geometry.project(marker.lon, marker.lat);
    if (point)
      laid.push({ marker, x: point[0], y: point[1], radius: markerRadius(marker, sizes.get(marker.id) ?? marker.size, metrics.unit) });
  }
  const badges: LaidText[] = [];
  const own = new Map<string, Box[]>();
  const zones: Box[] = [];
  for (const { marker, x, y, radius } of laid) {
    // An exercise zone is a see-through area: labels may lie over its ring, not over its middle.
    const body = bodyRadius(marker, radius);
    const middle = { x: x - body, y: y - body, width: 2 * body, height: 2 * body };
    const boxes: Box[] = [middle];
    if (marker.shape === 'dashed-circle') zones.push(middle);
    if (marker.status === 'agreed') {
      const tick = tickSpot(x, y, radius, metrics.unit);
      boxes.push({ x: tick.x - tick.r - 2, y: tick.y - tick.r - 2, width: 2 * tick.r + 4, height: 2 * tick.r + 4 });
    }
    if (marker.kind === 'troops' && marker.badge) {
      const size = measure(marker.badge, 'badge');
      const badge = { id: marker.id, text: marker.badge, x: x - size.width / 2, y: y - size.height / 2, ...size };
      badges.push(badge);
      boxes.push(badge);
    }
    own.set(marker.id, boxes);
  }
  const all = [...own.values()].flat();
  const requests: LabelRequest[] = [...laid]
    .sort((a, b) => LABEL_ORDER[a.marker.shape] - LABEL_ORDER[b.marker.shape])
    .map(({ marker, x, y, radius }) => ({
      id: marker.id,
      x,
      y,
      radius: bodyRadius(marker, radius),
      own: own.get(marker.id),
      variants: marker.labelTexts.map((text) => ({ text, ...measure(text, 'label') })),
    }));
  const labels = placeLabels(requests, width, height, all);
  const leaders = labels.flatMap((label) => (label.leader ? [label.leader] : []));
  const obstacles = all.filter((box) => !zones.includes(box));
  const countries = placeCountryNames(anchors, contested, measure, width, height, [...obstacles, ...labels], leaders);
  return { markers: laid, badges, labels, countries, obstacles, zones };
}

/** The part of a marker that labels keep off: a solid marker with its halo, or the middle of a see-through zone. */
function bodyRadius(marker: MarkerView, radius: number): number {
  return marker.shape === 'dashed-circle' ? radius * 0.4 : radius + 2;
}
