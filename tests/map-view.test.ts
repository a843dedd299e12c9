import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newGame } from '../src/engine/rules/round.ts';
import type { GameState } from '../src/engine/rules/state.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import {
  colourNumber,
  formatTroops,
  LIMITED_ZONE_SIZE,
  mapView,
  mixColour,
  TROOP_SIZE,
  troopSize,
  type MarkerView,
} from '../src/game/map/map-view.ts';

const GENEVA_TEXT = readFileSync(new URL('../scenarios/geneva-2022.json', import.meta.url), 'utf8');

function load(text: string): Scenario {
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error(`scenario does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}

const geneva = load(GENEVA_TEXT);
const game = (): GameState => newGame(geneva, { seed: 1, playerSide: 'us', opponent: { kind: 'hotseat' } });
const marker = (markers: MarkerView[], id: string) => markers.find((item) => item.id === id)!;

/** A copy of the state with one side's forces changed. */
function withForces(state: GameState, side: string, forces: number): GameState {
  return { ...state, sides: { ...state.sides, [side]: { ...state.sides[side]!, forces } } };
}

/** A copy of the state with a track agreed on the position at a ladder index. */
function withAgreed(state: GameState, trackId: string, index: number, round = 1): GameState {
  const track = geneva.tracks.find((item) => item.id === trackId)!;
  return { ...state, agreed: { ...state.agreed, [trackId]: { position: track.positions[index]!.id, round } } };
}

describe('mapView markers', () => {
  it('shows every marker of the Geneva map, with the side colour and a shape per kind', () => {
    const { markers } = mapView(geneva, null);
    expect(markers.map((item) => item.id)).toEqual(geneva.map!.markers.map((item) => item.id));
    const deveselu = marker(markers, 'deveselu');
    expect(deveselu).toMatchObject({
      kind: 'missile-site',
      shape: 'triangle',
      side: 'us',
      sideName: 'US/NATO',
      colour: 0x2f6db3,
      lon: 24.09,
      lat: 44.08,
    });
    expect(marker(markers, 'border-forces')).toMatchObject({ shape: 'circle', colour: 0xb3362f });
    expect(marker(markers, 'baltic-exercises').shape).toBe('dashed-circle');
  });

  it('counts troops from the side forces: "100k troops" at the start, growing with the build-up', () => {
    const start = marker(mapView(geneva, game()).markers, 'border-forces');
    expect(start).toMatchObject({ forces: 100, forcesText: '100k troops', badge: '100k', size: 1 });
    expect(marker(mapView(geneva, null).markers, 'border-forces').size).toBe(1);

    const built = marker(mapView(geneva, withForces(game(), 'ru', 130)).markers, 'border-forces');
    expect(built.forcesText).toBe('130k troops');
    expect(built.badge).toBe('130k');
    expect(built.caption).toBe('Russia · 130k troops');
    expect(built.size).toBeGreaterThan(start.size);
    expect(built.size).toBeCloseTo(Math.sqrt(1.3), 6);
    expect(built.description).toContain('100k when the talks opened');

    const drawn = marker(mapView(geneva, withForces(game(), 'ru', 70)).markers, 'border-forces');
    expect(drawn.size).toBeLessThan(start.size);
    // The other side's troops do not move with Russia's.
    expect(marker(mapView(geneva, withForces(game(), 'ru', 130)).markers, 'eastern-flank').size).toBe(1);
  });

  it('clamps troop sizes', () => {
    expect(troopSize(1000, 100)).toBe(TROOP_SIZE.max);
    expect(troopSize(0, 100)).toBe(TROOP_SIZE.min);
    expect(troopSize(10, 0)).toBe(TROOP_SIZE.max);
    expect(troopSize(0, 0)).toBe(TROOP_SIZE.min);
    expect(troopSize(400, 100)).toBe(2);
    expect(formatTroops(129.6)).toBe('130k');
  });

  it('marks the markers of an agreed track as agreed, with the agreed position in words', () => {
    const open = mapView(geneva, game()).markers;
    for (const id of ['deveselu', 'redzikowo', 'kaliningrad']) {
      expect(marker(open, id).status).toBe('open');
      expect(marker(open, id).badge).toBeNull();
    }
    expect(marker(open, 'deveselu').caption).toBe('US/NATO · open');
    expect(marker(open, 'deveselu').description).toContain('still open');
    expect(marker(open, 'deveselu').description).toContain('US/NATO demands “No new limits”');

    const agreed = mapView(geneva, withAgreed(game(), 'missiles', 1)).markers;
    const deveselu = marker(agreed, 'deveselu');
    expect(deveselu).toMatchObject({ status: 'agreed', agreedLabel: 'INF-type talks', badge: '✓' });
    expect(deveselu.caption).toBe('US/NATO · ✓ agreed: INF-type talks');
    expect(deveselu.description).toContain('agreed in round 2 on “INF-type talks”');
    expect(marker(agreed, 'kaliningrad').caption).toBe('Russia · ✓ agreed: INF-type talks');
    // Other tracks stay open.
    expect(marker(agreed, 'baltic-exercises').status).toBe('open');
  });

  it('shrinks exercise zones under an agreed limit, but not when the deal limits nothing', () => {
    const open = mapView(geneva, game()).markers;
    expect(marker(open, 'baltic-exercises').size).toBe(1);
    const limited = mapView(geneva, withAgreed(game(), 'exercises', 3)).markers;
    expect(marker(limited, 'baltic-exercises').size).toBe(LIMITED_ZONE_SIZE);
    expect(marker(limited, 'belarus-exercises').size).toBe(LIMITED_ZONE_SIZE);
    // "No new limits" is the US end of the ladder: the allied zone keeps its size.
    const none = mapView(geneva, withAgreed(game(), 'exercises', 0)).markers;
    expect(marker(none, 'baltic-exercises').size).toBe(1);
    expect(marker(none, 'baltic-exercises').status).toBe('agreed');
  });

  it('shortens a long agreed label in the caption but keeps it whole in the description', () => {
    const agreed = mapView(geneva, withAgreed(game(), 'missiles', 4)).markers;
    const deveselu = marker(agreed, 'deveselu');
    expect(deveselu.agreedLabel).toBe('No US missiles or nuclear weapons in Europe');
    expect(deveselu.caption).toBe('US/NATO · ✓ agreed: No US missiles or nuclear…');
    expect(deveselu.description).toContain('No US missiles or nuclear weapons in Europe');
  });
});

describe('nothing is told by colour alone', () => {
  const states: (GameState | null)[] = [
    null,
    game(),
    withAgreed(withAgreed(game(), 'missiles', 2), 'exercises', 1),
    withForces(game(), 'us', 90),
  ];

  it('gives every marker a caption naming its side and a description naming the place', () => {
    for (const state of states) {
      for (const item of mapView(geneva, state).markers) {
        expect(item.caption).toMatch(new RegExp(`^${item.sideName.replace('/', '\\/')} · `));
        expect(item.description.startsWith(`${item.label}: ${item.sideName}`)).toBe(true);
        if (item.track) expect(item.caption).toMatch(/ · (open|✓ agreed: .+)$/);
        if (item.kind === 'troops') expect(item.caption).toMatch(/\d+k troops$/);
      }
    }
  });

  it('draws each kind with its own shape and agreed markers with a tick', () => {
    const markers = mapView(geneva, withAgreed(game(), 'missiles', 2)).markers;
    const shapes = new Map(markers.map((item) => [item.kind, item.shape]));
    expect(new Set(shapes.values()).size).toBe(3);
    for (const item of markers.filter((entry) => entry.status === 'agreed')) expect(item.badge).toBe('✓');
  });

  it('lists the blocs, the hatch and each marker kind in the legend, all in words', () => {
    const { legend } = mapView(geneva, null);
    expect(legend.map((entry) => entry.symbol)).toEqual(['fill', 'fill', 'hatch', 'circle', 'triangle', 'dashed-circle', 'tick']);
    expect(legend[0]!.text).toBe(geneva.sides[0]!.name);
    expect(legend[2]!.colours).toEqual([0x2f6db3, 0xb3362f]);
    for (const entry of legend) expect(entry.text.length).toBeGreaterThan(3);
  });

  it('sums the map up in one paragraph', () => {
    const { summary } = mapView(geneva, withForces(game(), 'ru', 130));
    expect(summary).toContain('Russia bloc: Russia, Belarus');
    expect(summary).toContain('contested: Ukraine, Georgia, Moldova');
    expect(summary).toContain('130k troops');
  });
});

describe('a scenario without a map', () => {
  it('has no markers, no legend and says so', () => {
    const doc = JSON.parse(GENEVA_TEXT) as Record<string, unknown>;
    delete doc.map;
    const view = mapView(load(JSON.stringify(doc)), null);
    expect(view.markers).toEqual([]);
    expect(view.legend).toEqual([]);
    expect(view.summary).toBe('No map for this scenario.');
  });
});

describe('colours', () => {
  it('reads #rrggbb and mixes towards another colour', () => {
    expect(colourNumber('#2f6db3')).toBe(0x2f6db3);
    expect(mixColour(0x000000, 0xffffff, 0.5)).toBe(0x808080);
    expect(mixColour(0xff0000, 0x0000ff, 0)).toBe(0xff0000);
    expect(mixColour(0xff0000, 0x0000ff, 1)).toBe(0x0000ff);
  });
});
