import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newGame } from '../src/engine/rules/round.ts';
import type { GameState } from '../src/engine/rules/state.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import {
  blocFill,
  colourNumber,
  formatTroops,
  hatchColour,
  LIMITED_ZONE_SIZE,
  mapView,
  mixColour,
  TROOP_SIZE,
  troopShares,
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
/** Round 4 (26 January), when every marker of the Geneva map shows: Russian troops have reached Belarus. */
const late = (): GameState => ({ ...game(), round: 3 });
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
    const { markers } = mapView(geneva, late());
    expect(markers.map((item) => item.id)).toEqual(geneva.map!.markers.map((item) => item.id));
    expect(mapView(geneva, null).markers.map((item) => item.id)).toEqual(
      geneva.map!.markers.filter((item) => item.id !== 'belarus-forces').map((item) => item.id),
    );
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

  it('gives each troop marker its own share of the side forces, growing with the build-up', () => {
    // Russia's 100k split between Ukraine's border and Belarus: the two markers never both show the whole.
    const start = marker(mapView(geneva, late()).markers, 'border-forces');
    expect(start).toMatchObject({ forces: 80, forcesText: '80k troops', badge: '80k', size: 1 });
    expect(marker(mapView(geneva, late()).markers, 'belarus-forces')).toMatchObject({
      forces: 20,
      badge: '20k',
      caption: 'Russia · 20k troops',
    });
    expect(marker(mapView(geneva, null).markers, 'border-forces').size).toBe(1);

    const built = marker(mapView(geneva, withForces(late(), 'ru', 150)).markers, 'border-forces');
    expect(built.forcesText).toBe('120k troops');
    expect(built.badge).toBe('120k');
    expect(built.caption).toBe('Russia · 120k troops');
    expect(built.size).toBeGreaterThan(start.size);
    expect(built.size).toBeCloseTo(Math.sqrt(1.5), 6);
    expect(marker(mapView(geneva, withForces(late(), 'ru', 150)).markers, 'belarus-forces').badge).toBe('30k');

    const drawn = marker(mapView(geneva, withForces(late(), 'ru', 70)).markers, 'border-forces');
    expect(drawn.size).toBeLessThan(start.size);
    // The other side's troops do not move with Russia's.
    expect(marker(mapView(geneva, withForces(late(), 'ru', 130)).markers, 'eastern-flank').size).toBe(1);
  });

  it("adds the shares of a side up to its forces, and gives a side's only troop marker all of them", () => {
    for (const forces of [0, 37, 100, 190]) {
      const markers = mapView(geneva, withForces(late(), 'ru', forces)).markers.filter(
        (item) => item.side === 'ru' && item.kind === 'troops',
      );
      expect(markers.reduce((sum, item) => sum + item.forces!, 0)).toBeCloseTo(forces, 6);
    }
    expect(marker(mapView(geneva, game()).markers, 'eastern-flank').forces).toBe(40);
    expect(troopShares(geneva.map!.markers)).toEqual(
      new Map([
        ['border-forces', 0.8],
        ['belarus-forces', 0.2],
        ['eastern-flank', 1],
      ]),
    );
  });

  it('splits what given shares leave equally between troop markers without one', () => {
    const doc = JSON.parse(GENEVA_TEXT) as { map: { markers: { id: string; share?: number }[] } };
    for (const item of doc.map.markers) delete item.share;
    doc.map.markers.find((item) => item.id === 'belarus-forces')!.share = 0.3;
    const shares = troopShares(load(JSON.stringify(doc)).map!.markers);
    expect(shares.get('border-forces')).toBeCloseTo(0.7, 9);
    for (const item of doc.map.markers) delete item.share;
    expect(troopShares(load(JSON.stringify(doc)).map!.markers).get('belarus-forces')).toBe(0.5);
  });

  it('shows a later deployment from its round on: Russian troops in Belarus from the written replies of late January', () => {
    const russian = (round: number) =>
      mapView(geneva, { ...withForces(game(), 'ru', 100), round }).markers.filter((item) => item.side === 'ru' && item.kind === 'troops');
    // 10–13 January: the build-up is along Ukraine's border; nothing is drawn in Belarus, and the border marker holds all.
    for (const round of [0, 1, 2]) expect(russian(round).map((item) => [item.id, item.forces])).toEqual([['border-forces', 100]]);
    // From 26 January (about 30,000 of some 150,000 by early February): a fifth in Belarus.
    for (const round of [3, 4]) {
      expect(russian(round).map((item) => [item.id, item.forces])).toEqual([
        ['border-forces', 80],
        ['belarus-forces', 20],
      ]);
    }
    expect(mapView(geneva, game()).summary).not.toContain('Forces in Belarus');
  });

  it('refuses a marker shown from a round the scenario does not have', () => {
    const doc = JSON.parse(GENEVA_TEXT) as { map: { markers: { id: string; from?: string }[] } };
    doc.map.markers.find((item) => item.id === 'belarus-forces')!.from = 'no-such-round';
    const loaded = loadScenarioText(JSON.stringify(doc));
    expect(loaded.ok ? [] : loaded.problems.map((problem) => problem.message)).toContain('unknown round "no-such-round"');
  });

  it('refuses shares that add up to more than a side has, or a share on a marker other than troops', () => {
    const doc = JSON.parse(GENEVA_TEXT) as { map: { markers: { id: string; share?: number }[] } };
    doc.map.markers.find((item) => item.id === 'border-forces')!.share = 0.9;
    doc.map.markers.find((item) => item.id === 'deveselu')!.share = 0.5;
    const loaded = loadScenarioText(JSON.stringify(doc));
    expect(loaded.ok).toBe(false);
    const messages = loaded.ok ? [] : loaded.problems.map((problem) => problem.message);
    expect(messages).toContain('the troop markers of side "ru" share more than all its forces (shares add up to over 1)');
    expect(messages).toContain('a share is for troop markers only');
  });

  it('offers shorter label texts for a crowded map, without a comma before the ellipsis', () => {
    const kaliningrad = marker(mapView(geneva, game()).markers, 'kaliningrad');
    expect(kaliningrad.labelTexts).toEqual(['Iskander, Kaliningrad\nRussia · open', 'Iskander, Kaliningrad', 'Iskander…']);
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

  it('gives every marker a caption naming its side and a description naming the place and the side', () => {
    for (const state of states) {
      for (const item of mapView(geneva, state).markers) {
        expect(item.caption).toMatch(new RegExp(`^${item.sideName.replace('/', '\\/')} · `));
        expect(item.description.startsWith(`${item.label}: `)).toBe(true);
        expect(item.description).toContain(item.sideName);
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

  it('lists the blocs, the hatch and each marker kind in the legend, all in words, in the colours the map draws', () => {
    const { legend } = mapView(geneva, null);
    expect(legend.map((entry) => entry.symbol)).toEqual(['fill', 'fill', 'hatch', 'circle', 'triangle', 'dashed-circle', 'tick']);
    expect(legend.map((entry) => entry.text)).toEqual([
      'United States / NATO',
      'Russia',
      'Contested',
      'Troops (k = thousand)',
      'Missile site',
      'Exercise zone',
      'Agreed at the table',
    ]);
    expect(legend[0]!.colours).toEqual([blocFill(0x2f6db3)]);
    expect(legend[2]!.colours).toEqual([hatchColour(0x2f6db3), hatchColour(0xb3362f)]);
  });

  it('leaves out of the legend what the map does not show', () => {
    const inf = load(readFileSync(new URL('../scenarios/inf-1987.json', import.meta.url), 'utf8'));
    expect(mapView(inf, null).legend.map((entry) => entry.id)).toEqual(['bloc-us', 'bloc-su', 'contested', 'missile-site', 'agreed']);
  });

  it("sums the map up in one paragraph, each side's troops once and each marker with its share", () => {
    const { summary } = mapView(geneva, withForces(late(), 'ru', 150));
    expect(summary).toContain('Russia bloc: Russia, Belarus');
    expect(summary).toContain('contested: Ukraine, Georgia, Moldova');
    expect(summary).toContain("Russia has 150k troops near Ukraine's borders, up from 100k when the talks opened.");
    expect(summary).toContain("Forces on Ukraine's border: 120k of Russia's troops.");
    expect(summary).toContain("Forces in Belarus: 30k of Russia's troops.");
    expect(summary).toContain("Allied forces, eastern flank: all of US/NATO's troops.");
    expect(summary).toContain("US/NATO has 40k troops near Ukraine's borders, as when the talks opened.");
    // The total is said once, never as each marker's own number.
    expect(summary.match(/150k/g)).toHaveLength(1);
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
