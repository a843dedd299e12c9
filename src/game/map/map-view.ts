/**
 * What the map shows for a scenario and a game state, in words and numbers: each marker's
 * shape, colour, size, status and captions, the legend and a summary for screen readers. Pure,
 * so the rules of the picture are tested without Phaser. Nothing is told by colour alone: every
 * marker names its side and status in text, and each kind of marker has its own shape.
 */
import type { GameState } from '../../engine/rules/state.ts';
import { idealIndex, positionIndex } from '../../engine/rules/world.ts';
import type { MapMarker, Scenario, Side, Track } from '../../engine/scenario/schema.ts';

export type MarkerKind = MapMarker['kind'];
export type MarkerShape = 'circle' | 'triangle' | 'dashed-circle';

export const MARKER_SHAPES: Readonly<Record<MarkerKind, MarkerShape>> = {
  troops: 'circle',
  'missile-site': 'triangle',
  'exercise-zone': 'dashed-circle',
};

/** Troop markers scale with the square root of forces (area follows troops), within these bounds. */
export const TROOP_SIZE = { min: 0.5, max: 2 } as const;
/** An exercise zone under an agreed limit shrinks to this share of its size. */
export const LIMITED_ZONE_SIZE = 0.6;
/** Visible captions stay short on the map; the description carries the full text. */
const CAPTION_LABEL_LENGTH = 30;
/** The shortest a marker's label gets on a crowded map. */
const SHORT_LABEL_LENGTH = 16;
/** Land outside the blocs, and the light colour of edges and hatching. */
export const LAND_COLOUR = 0x4b5a6b;
export const LIGHT_COLOUR = 0xf4efe6;
/** Side colours are pulled this far towards the land colour for the blocs, so markers stand out on them. */
const BLOC_FADE = 0.4;

export interface MarkerView {
  id: string;
  label: string;
  kind: MarkerKind;
  shape: MarkerShape;
  side: string;
  sideName: string;
  /** The side colour as 0xrrggbb, for Phaser. */
  colour: number;
  lon: number;
  lat: number;
  /** Scale of the marker: 1 is its normal size. */
  size: number;
  /** Troops only: this marker's share of the side's forces in thousands, and as text ("30k troops"). */
  forces: number | null;
  forcesText: string | null;
  /** A few characters drawn on or beside the marker: "130k" for troops, "✓" once agreed. */
  badge: string | null;
  track: string | null;
  /** Markers with a track: whether the track is agreed, and on which position. */
  status: 'agreed' | 'open' | null;
  agreedLabel: string | null;
  /** The short text printed under the label, always naming the side. */
  caption: string;
  /** What the map may print beside the marker, best first: label and caption, then shorter texts for a crowded map. */
  labelTexts: string[];
  /** A full sentence for screen readers. */
  description: string;
}

export type LegendSymbol = 'fill' | 'hatch' | MarkerShape | 'tick';

export interface LegendEntry {
  id: string;
  symbol: LegendSymbol;
  /** Colours of the symbol as the map draws them (a bloc's fill, a hatch's lines; none for shape-only entries). */
  colours: number[];
  text: string;
}

export interface MapView {
  markers: MarkerView[];
  legend: LegendEntry[];
  /**
   * The whole map in one paragraph, for a screen reader or a text-only view. It has no heading
   * of its own: the element that holds the map names it ("Map").
   */
  summary: string;
}

/** '#2f6db3' → 0x2f6db3. */
export function colourNumber(css: string): number {
  return Number.parseInt(css.replace('#', ''), 16);
}

/** A colour moved a share t (0–1) of the way to another: side colours at reduced strength. */
export function mixColour(from: number, to: number, t: number): number {
  const channel = (shift: number) => {
    const [a, b] = [(from >> shift) & 0xff, (to >> shift) & 0xff];
    return Math.round(a + (b - a) * t) << shift;
  };
  return channel(16) | channel(8) | channel(0);
}

/** A bloc's fill: its side's colour, faded towards the land. */
export function blocFill(colour: number): number {
  return mixColour(colour, LAND_COLOUR, BLOC_FADE);
}

/** The lines hatching a contested country, one colour per side. */
export function hatchColour(colour: number): number {
  return mixColour(colour, LIGHT_COLOUR, 0.15);
}

/** Forces in thousands, as read on the map: 130 → "130k". */
export function formatTroops(forces: number): string {
  return `${Math.round(forces)}k`;
}

/** Marker scale for a side's forces against its forces at the start of the talks. */
export function troopSize(forces: number, start: number): number {
  const ratio = start > 0 ? forces / start : forces > 0 ? Infinity : 0;
  return Math.min(TROOP_SIZE.max, Math.max(TROOP_SIZE.min, Math.sqrt(ratio)));
}

/** Cuts a text to a length, at a word break when there is one in its second half. */
function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  // No comma or colon before the ellipsis: "Iskander…", not "Iskander,…".
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:·-]+$/, '')}…`;
}

function kindName(kind: MarkerKind): string {
  return kind === 'troops' ? 'troops' : kind === 'missile-site' ? 'missile site' : 'exercise zone';
}

/** Status, size and words for a marker that follows a track. */
function trackPart(scenario: Scenario, game: GameState | null, marker: MapMarker, side: Side, track: Track) {
  const agreed = game?.agreed[track.id];
  const position = agreed ? track.positions.find((item) => item.id === agreed.position) : undefined;
  if (agreed && position) {
    // A zone shrinks under an agreed limit, but not when the deal is its own side's "no limits" end.
    const unlimited = positionIndex(track, position.id) === idealIndex(scenario, track, marker.side);
    return {
      status: 'agreed' as const,
      agreedLabel: position.label,
      size: marker.kind === 'exercise-zone' && !unlimited ? LIMITED_ZONE_SIZE : 1,
      badge: '✓',
      caption: `${side.shortName} · ✓ agreed: ${shorten(position.label, CAPTION_LABEL_LENGTH)}`,
      detail: `${track.name}: agreed in round ${agreed.round + 1} on “${position.label}”.`,
    };
  }
  // While the track is open, say what each side demands, when there is a game to read it from.
  const demands = game
    ? scenario.sides
        .map((item) => {
          const demand = track.positions[game.sides[item.id]?.stance[track.id] ?? -1];
          return demand ? `${item.shortName} demands “${demand.label}”` : null;
        })
        .filter((text) => text !== null)
    : [];
  return {
    status: 'open' as const,
    agreedLabel: null,
    size: 1,
    badge: null,
    caption: `${side.shortName} · open`,
    detail: `${track.name}: still open${demands.length > 0 ? `; ${demands.join(', ')}` : ''}.`,
  };
}

/**
 * Each troop marker's share of its side's forces: as the scenario gives it, or an equal part of
 * what the side's other markers leave. A side with one troop marker shows all its forces on it.
 */
export function troopShares(markers: readonly MapMarker[]): Map<string, number> {
  const shares = new Map<string, number>();
  const troops = markers.filter((marker) => marker.kind === 'troops');
  for (const side of new Set(troops.map((marker) => marker.side))) {
    const mine = troops.filter((marker) => marker.side === side);
    const left = Math.max(0, 1 - mine.reduce((sum, marker) => sum + (marker.share ?? 0), 0));
    const unshared = mine.filter((marker) => marker.share === undefined).length;
    for (const marker of mine) shares.set(marker.id, marker.share ?? left / unshared);
  }
  return shares;
}

/** A side's forces now and at the start of the talks, in thousands. */
function sideForces(game: GameState | null, side: Side): { now: number; start: number } {
  return { now: game?.sides[side.id]?.forces ?? side.forces, start: side.forces };
}

/** What the map may print beside a marker, best first: its label with the caption, then shorter texts for a crowded map. */
function labelTexts(label: string, caption: string): string[] {
  return [...new Set([`${label}\n${caption}`, label, shorten(label, SHORT_LABEL_LENGTH)])];
}

/** A troop marker's size, numbers and words: it stands for its own share of the side's forces, so two markers never both show the whole. */
function troopPart(game: GameState | null, marker: MapMarker, side: Side, share: number) {
  const total = sideForces(game, side);
  const forces = total.now * share;
  const text = `${formatTroops(forces)} troops`;
  const caption = `${side.shortName} · ${text}`;
  return {
    size: troopSize(total.now, total.start),
    forces,
    forcesText: text,
    badge: formatTroops(forces),
    status: null,
    agreedLabel: null,
    caption,
    labelTexts: labelTexts(marker.label, caption),
    // The side's total is said once in the summary; a marker holding all of it does not say the number again.
    description: `${marker.label}: ${share >= 0.999 ? 'all' : formatTroops(forces)} of ${side.shortName}'s troops.`,
  };
}

function markerView(scenario: Scenario, game: GameState | null, marker: MapMarker, share: number): MarkerView {
  const side = scenario.sides.find((item) => item.id === marker.side) ?? scenario.sides[0]!;
  const base = {
    id: marker.id,
    label: marker.label,
    kind: marker.kind,
    shape: MARKER_SHAPES[marker.kind],
    side: side.id,
    sideName: side.shortName,
    colour: colourNumber(side.colour),
    lon: marker.lon,
    lat: marker.lat,
    track: marker.track ?? null,
  };
  const heading = `${marker.label}: ${side.shortName} ${kindName(marker.kind)}`;
  const track = marker.track ? scenario.tracks.find((item) => item.id === marker.track) : undefined;
  if (marker.kind === 'troops') return { ...base, ...troopPart(game, marker, side, share) };
  if (!track) {
    return {
      ...base,
      size: 1,
      forces: null,
      forcesText: null,
      badge: null,
      status: null,
      agreedLabel: null,
      caption: side.shortName,
      labelTexts: labelTexts(marker.label, side.shortName),
      description: `${heading}.`,
    };
  }
  const part = trackPart(scenario, game, marker, side, track);
  return {
    ...base,
    size: part.size,
    forces: null,
    forcesText: null,
    badge: part.badge,
    status: part.status,
    agreedLabel: part.agreedLabel,
    caption: part.caption,
    labelTexts: labelTexts(marker.label, part.caption),
    description: `${heading}. ${part.detail}`,
  };
}

function legend(scenario: Scenario, markers: readonly MarkerView[]): LegendEntry[] {
  const map = scenario.map;
  if (!map) return [];
  const entries: LegendEntry[] = scenario.sides
    .filter((side) => (map.blocs[side.id]?.length ?? 0) > 0)
    .map((side) => ({ id: `bloc-${side.id}`, symbol: 'fill', colours: [blocFill(colourNumber(side.colour))], text: side.name }));
  if (map.contested.length > 0) {
    entries.push({
      id: 'contested',
      symbol: 'hatch',
      colours: scenario.sides.map((side) => hatchColour(colourNumber(side.colour))),
      text: 'Contested',
    });
  }
  const kinds: Record<MarkerKind, string> = {
    troops: 'Troops (k = thousand)',
    'missile-site': 'Missile site',
    'exercise-zone': 'Exercise zone',
  };
  for (const kind of Object.keys(kinds) as MarkerKind[]) {
    if (markers.some((marker) => marker.kind === kind)) {
      entries.push({ id: kind, symbol: MARKER_SHAPES[kind], colours: [], text: kinds[kind] });
    }
  }
  if (markers.some((marker) => marker.track !== null))
    entries.push({ id: 'agreed', symbol: 'tick', colours: [], text: 'Agreed at the table' });
  return entries;
}

function listed(names: readonly string[]): string {
  return names.length <= 6 ? names.join(', ') : `${names.length} countries`;
}

/** One sentence per side with troops on the map: its total, said once, then each marker's share. */
function troopSentences(scenario: Scenario, game: GameState | null, markers: readonly MarkerView[]): string[] {
  return scenario.sides.flatMap((side) => {
    const mine = markers.filter((marker) => marker.kind === 'troops' && marker.side === side.id);
    if (mine.length === 0) return [];
    const { now, start } = sideForces(game, side);
    const change =
      formatTroops(now) === formatTroops(start)
        ? 'as when the talks opened'
        : `${now > start ? 'up' : 'down'} from ${formatTroops(start)} when the talks opened`;
    return [
      `${side.shortName} has ${formatTroops(now)} troops ${side.forcesWhere}, ${change}.`,
      ...mine.map((marker) => marker.description),
    ];
  });
}

function summary(scenario: Scenario, game: GameState | null, markers: readonly MarkerView[]): string {
  const map = scenario.map;
  if (!map) return 'No map for this scenario.';
  const parts = scenario.sides
    .filter((side) => (map.blocs[side.id]?.length ?? 0) > 0)
    .map((side) => `${side.name} bloc: ${listed(map.blocs[side.id]!)}`);
  if (map.contested.length > 0) parts.push(`contested: ${listed(map.contested)}`);
  const blocs = parts.length > 0 ? `${parts.join('; ')}.` : '';
  const others = markers.filter((marker) => marker.kind !== 'troops').map((marker) => marker.description);
  return [blocs, ...troopSentences(scenario, game, markers), ...others].filter((text) => text !== '').join(' ');
}

/** The markers on the map in the round the game is in: a deployment that came later shows from its round on. */
export function markersShown(scenario: Scenario, game: GameState | null): MapMarker[] {
  const round = game?.round ?? 0;
  return (scenario.map?.markers ?? []).filter(
    (marker) => marker.from === undefined || scenario.rounds.findIndex((item) => item.id === marker.from) <= round,
  );
}

/** Everything the map shows for a scenario; `game` is null before the talks open. */
export function mapView(scenario: Scenario, game: GameState | null): MapView {
  const shown = markersShown(scenario, game);
  const shares = troopShares(shown);
  const markers = shown.map((marker) => markerView(scenario, game, marker, shares.get(marker.id) ?? 1));
  return { markers, legend: legend(scenario, markers), summary: summary(scenario, game, markers) };
}
