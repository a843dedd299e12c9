import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../src/engine/rules/state.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import { projectScenarioMap, type WorldCollection } from '../src/game/map/map-geometry.ts';
import {
  boxesOverlap,
  countryAnchors,
  layoutMap,
  mapMetrics,
  placeLabels,
  segmentCrossesBox,
  segmentsCross,
  type Box,
  type MapLayout,
  type Measure,
} from '../src/game/map/map-layout.ts';
import { mapView } from '../src/game/map/map-view.ts';
import { newGame } from '../src/engine/rules/round.ts';
import { mustLoad, playKeepingStates } from './helpers.ts';

const europe = JSON.parse(readFileSync(new URL('../assets/map/world.json', import.meta.url), 'utf8')) as WorldCollection;
const SCENARIO_DIR = new URL('../scenarios/', import.meta.url);
const bundled: Scenario[] = readdirSync(SCENARIO_DIR)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => mustLoad(readFileSync(new URL(name, SCENARIO_DIR), 'utf8')));

/**
 * Text sizes as a browser would measure them, roughly: the placement only relies on the sizes it
 * is given, so a simple model tests it; the browser test checks the real text on the canvas.
 */
const measureAt =
  (fonts: Record<'label' | 'badge' | 'country', number>): Measure =>
  (text, kind) => {
    const lines = text.split('\n');
    const px = fonts[kind];
    const spacing = kind === 'country' ? 1 : 0;
    return { width: Math.max(...lines.map((line) => line.length)) * (px * 0.6 + spacing) + 3, height: lines.length * px * 1.2 + 3 };
  };

/** The map's size on the table and on the briefing, at 1024×768, 1280×720 and 1920×1080, at 100% and 150% text. */
const MAP_SIZES: { where: string; width: number; height: number; textScale: number }[] = [
  { where: 'table 1024×768', width: 243, height: 462, textScale: 1 },
  { where: 'table 1280×720', width: 315, height: 390, textScale: 1 },
  { where: 'table 1920×1080', width: 474, height: 650, textScale: 1 },
  { where: 'table 1280×720 at 150%', width: 440, height: 300, textScale: 1.5 },
  { where: 'table 1024×768 at 150%', width: 330, height: 280, textScale: 1.5 },
  { where: 'briefing 1024×768', width: 455, height: 560, textScale: 1 },
  { where: 'briefing 1280×720', width: 565, height: 540, textScale: 1 },
  { where: 'briefing 1920×1080', width: 855, height: 925, textScale: 1 },
  { where: 'briefing 1280×720 at 150%', width: 540, height: 420, textScale: 1.5 },
];

/** The game at the start of every round, in games played by different kinds of player. */
function roundStates(scenario: Scenario): (GameState | null)[] {
  const [a, b] = scenario.sides.map((side) => side.id) as [string, string];
  const states: (GameState | null)[] = [null];
  for (const [first, second] of [
    ['hawk', 'hawk'],
    ['dove', 'dove'],
    ['greedy', 'reciprocal'],
  ] as const) {
    const played = playKeepingStates(scenario, { seed: 3, playerSide: a, opponent: { kind: 'hotseat' } }, { [a]: first, [b]: second });
    const seen = new Set<number>();
    for (const game of played.games) {
      if (!seen.has(game.round)) states.push(game);
      seen.add(game.round);
    }
    states.push(played.final);
  }
  return states;
}

/** Every way two things the layout placed cover each other, in words (empty when none do). */
function collisions(layout: MapLayout, width: number, height: number): string[] {
  const problems: string[] = [];
  const named = (kind: string, box: Box & { id?: string }) => `${kind} ${box.id ?? ''}`;
  const texts = [...layout.labels.map((label) => ['label', label] as const), ...layout.countries.map((name) => ['country', name] as const)];
  texts.forEach(([kind, box], i) => {
    if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height)
      problems.push(`${named(kind, box)} leaves the map`);
    for (const [otherKind, other] of texts.slice(i + 1))
      if (boxesOverlap(box, other)) problems.push(`${named(kind, box)} covers ${named(otherKind, other)}`);
    for (const obstacle of layout.obstacles) if (boxesOverlap(box, obstacle)) problems.push(`${named(kind, box)} covers a marker or badge`);
    if (kind === 'label')
      for (const zone of layout.zones)
        if (boxesOverlap(box, zone)) problems.push(`${named(kind, box)} covers the middle of an exercise zone`);
    for (const label of layout.labels)
      if (label.leader && label !== box && segmentCrossesBox(label.leader, box))
        problems.push(`the leader of ${label.id} crosses ${named(kind, box)}`);
  });
  const leaders = layout.labels.flatMap((label) => (label.leader ? [[label.id, label.leader] as const] : []));
  leaders.forEach(([id, line], i) => {
    for (const [other, next] of leaders.slice(i + 1))
      if (segmentsCross(line, next)) problems.push(`the leaders of ${id} and ${other} cross`);
  });
  return problems;
}

describe('the map layout', () => {
  for (const scenario of bundled) {
    const states = roundStates(scenario);
    it(`${scenario.meta.id}: no label or name covers another or a marker, in every round, on the table and the briefing`, () => {
      for (const size of MAP_SIZES) {
        const geometry = projectScenarioMap(europe, size.width, size.height, scenario.map);
        const anchors = countryAnchors(geometry);
        const metrics = mapMetrics(size.width, size.height, size.textScale);
        for (const state of states) {
          const layout = layoutMap(
            mapView(scenario, state).markers,
            geometry,
            anchors,
            scenario.map?.contested ?? [],
            metrics,
            measureAt(metrics.fonts),
          );
          const where = `${size.where}, round ${(state?.round ?? 0) + 1}`;
          expect(collisions(layout, size.width, size.height), where).toEqual([]);
          // Crowded or not, the troop numbers stay on the map.
          expect(layout.badges.length, where).toBe(layout.markers.filter((item) => item.marker.kind === 'troops').length);
        }
      }
    });
  }

  it('labels every Geneva marker on the briefing and most of them on the narrow table map', () => {
    const geneva = bundled.find((scenario) => scenario.meta.id === 'geneva-2022')!;
    const labelled = (width: number, height: number, textScale: number) => {
      const geometry = projectScenarioMap(europe, width, height, geneva.map);
      const metrics = mapMetrics(width, height, textScale);
      // Round 4, when every marker shows (Russian troops have reached Belarus).
      const late = { ...newGame(geneva, { seed: 1, playerSide: 'us', opponent: { kind: 'hotseat' } }), round: 3 };
      return layoutMap(mapView(geneva, late).markers, geometry, countryAnchors(geometry), [], metrics, measureAt(metrics.fonts)).labels;
    };
    const briefing = labelled(565, 540, 1);
    expect(briefing.map((label) => label.id).sort()).toEqual(geneva.map!.markers.map((marker) => marker.id).sort());
    // With room, the labels give their side and status in words under the name (the world map's
    // frame, fitted to Geneva's countries too, leaves one of the eight in its short form at this size).
    expect(briefing.filter((label) => !label.text.includes('\n')).length).toBeLessThanOrEqual(1);
    // The narrow column beside the table at 1024×768 has room for most (the troop numbers are on the markers anyway).
    expect(labelled(243, 462, 1).length).toBeGreaterThanOrEqual(5);
  });

  it('names the main countries of the Geneva map', () => {
    const geneva = bundled.find((scenario) => scenario.meta.id === 'geneva-2022')!;
    for (const [width, height, names] of [
      [565, 540, ['RUSSIA', 'UKRAINE', 'POLAND', 'ROMANIA', 'TURKEY']],
      [855, 925, ['RUSSIA', 'UKRAINE', 'BELARUS', 'POLAND', 'ROMANIA', 'TURKEY', 'LATVIA']],
    ] as const) {
      const geometry = projectScenarioMap(europe, width, height, geneva.map);
      const metrics = mapMetrics(width, height, 1);
      const layout = layoutMap(
        mapView(geneva, null).markers,
        geometry,
        countryAnchors(geometry),
        geneva.map!.contested,
        metrics,
        measureAt(metrics.fonts),
      );
      expect(layout.countries.map((name) => name.text)).toEqual(expect.arrayContaining([...names]));
    }
  });

  it('grows the text with the text setting', () => {
    expect(mapMetrics(300, 400, 1.5).fonts.label).toBeGreaterThanOrEqual(Math.round(mapMetrics(300, 400, 1).fonts.label * 1.5));
    expect(mapMetrics(300, 400, 1).fonts.label).toBeGreaterThanOrEqual(11);
  });
});

describe('placeLabels', () => {
  const label = (id: string, x: number, y: number, width = 120, height = 26) => ({
    id,
    x,
    y,
    radius: 6,
    variants: [
      { text: `${id}\ncaption`, width, height },
      { text: id, width: width / 2, height: height / 2 },
    ],
  });

  it('keeps labels of close markers apart and inside the box', () => {
    const requests = [label('redzikowo', 300, 200), label('kaliningrad', 330, 198), label('edge', 795, 590, 100)];
    const markers = requests.map((request) => ({ x: request.x - 8, y: request.y - 8, width: 16, height: 16 }));
    const placed = placeLabels(
      requests.map((request, i) => ({ ...request, own: [markers[i]!] })),
      800,
      600,
      markers,
    );
    expect(placed).toHaveLength(3);
    expect(boxesOverlap(placed[0]!, placed[1]!)).toBe(false);
    for (const box of placed) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(800);
      expect(box.y + box.height).toBeLessThanOrEqual(600);
    }
  });

  it('keeps off obstacles such as markers', () => {
    const marker = { x: 162, y: 75, width: 30, height: 30 };
    const [spot] = placeLabels([label('a', 150, 90, 80, 20)], 800, 600, [marker]);
    expect(boxesOverlap(spot!, marker)).toBe(false);
  });

  it('takes a shorter text, then a spot further out with a leader line, and leaves a label out rather than overlap', () => {
    // A box just big enough for one label: the second must shorten, move away, or go.
    const crowd = [label('first', 50, 30, 40, 24), label('second', 52, 32, 40, 24)];
    const placed = placeLabels(crowd, 100, 60, []);
    expect(placed.map((item) => item.id)).toContain('first');
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!, placed[j]!)).toBe(false);
    const tight = placeLabels([label('only', 50, 30, 120, 40)], 100, 60, []);
    expect(tight.map((item) => item.text)).toEqual(['only']);
    const none = placeLabels([label('none', 50, 30, 4000, 2000)], 100, 60, [{ x: 0, y: 0, width: 100, height: 60 }]);
    expect(none).toEqual([]);
  });

  it('joins a label moved away from its marker with a leader line that crosses nothing', () => {
    const blocker = { x: 0, y: 0, width: 400, height: 100 };
    const [spot] = placeLabels([label('far', 200, 120, 80, 20)], 400, 400, [blocker]);
    expect(spot).toBeDefined();
    if (spot!.leader) expect(segmentCrossesBox(spot!.leader, blocker)).toBe(false);
    expect(boxesOverlap(spot!, blocker)).toBe(false);
  });
});

describe('segmentsCross', () => {
  it('tells crossing lines from lines that miss or only meet at an end', () => {
    expect(segmentsCross({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 0, y1: 10, x2: 10, y2: 0 })).toBe(true);
    expect(segmentsCross({ x1: 0, y1: 0, x2: 4, y2: 4 }, { x1: 0, y1: 10, x2: 10, y2: 0 })).toBe(false);
    expect(segmentsCross({ x1: 0, y1: 0, x2: 5, y2: 5 }, { x1: 5, y1: 5, x2: 10, y2: 0 })).toBe(false);
  });
});

describe('segmentCrossesBox', () => {
  const box = { x: 10, y: 10, width: 10, height: 10 };
  it('tells lines through a box from lines beside it', () => {
    expect(segmentCrossesBox({ x1: 0, y1: 15, x2: 30, y2: 15 }, box)).toBe(true);
    expect(segmentCrossesBox({ x1: 0, y1: 0, x2: 30, y2: 30 }, box)).toBe(true);
    expect(segmentCrossesBox({ x1: 0, y1: 25, x2: 30, y2: 25 }, box)).toBe(false);
    expect(segmentCrossesBox({ x1: 0, y1: 0, x2: 9, y2: 9 }, box)).toBe(false);
  });
});
