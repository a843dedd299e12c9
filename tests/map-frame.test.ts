import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  countryReference,
  fitScenarioMap,
  projectionKind,
  scenarioFrame,
  WORLD_FRAME,
  type MapFrame,
} from '../src/engine/scenario/map-frame.ts';
import { ATLAS_COUNTRIES } from '../src/engine/scenario/atlas-countries.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import type { MapMarker, Scenario, ScenarioMap } from '../src/engine/scenario/schema.ts';
import { fuzzRuns } from './fuzz-values.ts';

function bundled(file: string): Scenario {
  const loaded = loadScenarioText(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.value;
}

const marker = (id: string, lon: number, lat: number): MapMarker => ({ id, label: id, kind: 'troops', side: 'a', lon, lat });
const COUNTRIES = Object.keys(ATLAS_COUNTRIES);
const inside = (frame: MapFrame, lon: number, lat: number) => {
  const east = frame.west + ((((lon - frame.west) % 360) + 360) % 360);
  return east <= frame.east + 1e-9 && lat >= frame.south - 1e-9 && lat <= frame.north + 1e-9;
};

/** A region anywhere in the world: a few markers near a point, a contested country or none, blocs from anywhere. */
const region = fc
  .record({
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    lat: fc.double({ min: -60, max: 75, noNaN: true }),
    spread: fc.double({ min: 0.1, max: 40, noNaN: true }),
    offsets: fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), {
      minLength: 0,
      maxLength: 6,
    }),
    contested: fc.array(fc.constantFrom(...COUNTRIES), { maxLength: 2 }),
    bloc: fc.array(fc.constantFrom(...COUNTRIES), { maxLength: 8 }),
  })
  .map(({ lon, lat, spread, offsets, contested, bloc }): ScenarioMap => {
    const wrap = (value: number) => ((((value + 180) % 360) + 360) % 360) - 180;
    return {
      blocs: { a: bloc },
      contested,
      markers: offsets.map(([dx, dy], i) => marker(`m${i}`, wrap(lon + dx * spread), Math.max(-80, Math.min(80, lat + dy * spread)))),
    };
  });

describe('the frame of a scenario map', () => {
  it('holds every marker and every contested country, for regions anywhere in the world', () => {
    fc.assert(
      fc.property(region, (map) => {
        const frame = scenarioFrame(map);
        expect(frame.west).toBeLessThan(frame.east);
        expect(frame.south).toBeLessThan(frame.north);
        for (const item of map.markers)
          if (Math.abs(item.lat) <= 84) expect(inside(frame, item.lon, item.lat), `${item.lon},${item.lat}`).toBe(true);
        for (const name of map.contested) {
          const [lon, lat] = countryReference(name)!;
          if (Math.abs(lat) <= 84) expect(inside(frame, lon, lat), name).toBe(true);
        }
      }),
      fuzzRuns(150),
    );
  });

  it('projects every marker inside the map, in boxes of any shape, and every contested country when no marker crops the frame', () => {
    fc.assert(
      fc.property(region, fc.integer({ min: 240, max: 1200 }), fc.integer({ min: 240, max: 1000 }), (map, width, height) => {
        const projection = fitScenarioMap(width, height, map);
        const places = [
          ...map.markers.map((item) => [item.lon, item.lat] as [number, number]),
          // A box of another shape than the frame zooms in on the markers, and may leave a contested country out.
          ...(map.markers.length === 0 ? map.contested.map((name) => [...countryReference(name)!] as [number, number]) : []),
        ].filter(([, lat]) => Math.abs(lat) <= 84);
        for (const place of places) {
          const point = projection(place);
          expect(point, `${place}`).not.toBeNull();
          expect(point![0]).toBeGreaterThanOrEqual(-0.5);
          expect(point![0]).toBeLessThanOrEqual(width + 0.5);
          expect(point![1]).toBeGreaterThanOrEqual(-0.5);
          expect(point![1]).toBeLessThanOrEqual(height + 0.5);
        }
      }),
      fuzzRuns(150),
    );
  });

  it('frames the whole inhabited world when a scenario names no place', () => {
    expect(scenarioFrame(undefined)).toEqual(WORLD_FRAME);
    expect(scenarioFrame({ blocs: {}, contested: [], markers: [] })).toEqual(WORLD_FRAME);
    expect(projectionKind(WORLD_FRAME)).toBe('equal-earth');
  });

  it('takes the part of a huge bloc country near the crisis, not the whole of it', () => {
    // Geneva names Russia, Canada and the United States in its blocs: the map stays on Eastern Europe.
    const geneva = scenarioFrame(bundled('geneva-2022.json').map);
    expect(geneva.west).toBeGreaterThan(0);
    expect(geneva.east).toBeLessThan(60);
    expect(geneva.north).toBeLessThan(66);
    expect(projectionKind(geneva)).toBe('conic');
    const inf = scenarioFrame(bundled('inf-1987.json').map);
    expect(inf.west).toBeGreaterThan(-15);
    expect(inf.east).toBeLessThan(60);
  });

  it('frames Cuba 1962 from the Gulf of Mexico to the Black Sea, on a world map projection', () => {
    const frame = scenarioFrame(bundled('cuba-1962.json').map);
    expect(inside(frame, -90, 25)).toBe(true); // the Gulf of Mexico
    expect(inside(frame, -80.2, 25.8)).toBe(true); // Miami
    expect(inside(frame, 34, 43)).toBe(true); // the Black Sea
    expect(inside(frame, 27.1, 38.4)).toBe(true); // İzmir
    expect(inside(frame, 100, 60)).toBe(false); // not Siberia
    expect(projectionKind(frame)).toBe('equal-earth');
  });

  it('crosses the antimeridian the short way', () => {
    const frame = scenarioFrame({ blocs: {}, contested: [], markers: [marker('fiji', 178, -18), marker('samoa', -172, -14)] });
    expect(frame.east - frame.west).toBeLessThan(40);
    expect(inside(frame, 178, -18) && inside(frame, -172, -14)).toBe(true);
  });

  it('uses the frame a scenario gives, whole (no zoom on the markers)', () => {
    const frame = { west: -100, south: 10, east: -60, north: 35 };
    const map: ScenarioMap = { blocs: {}, contested: [], markers: [marker('havana', -82.4, 23.1)], frame };
    expect(scenarioFrame(map)).toEqual(frame);
    const projection = fitScenarioMap(600, 400, map);
    for (const corner of [
      [-100, 10],
      [-60, 35],
    ] as const)
      expect(projection([...corner]), `${corner}`).not.toBeNull();
    // A frame across the antimeridian is given with its west east of its east.
    expect(scenarioFrame({ ...map, frame: { west: 170, south: -30, east: -170, north: 0 } }).east).toBe(190);
  });
});

describe('the projection chosen for a frame', () => {
  const cases: [string, MapFrame, ReturnType<typeof projectionKind>][] = [
    ['Europe', { west: 9, south: 38, east: 49, north: 61 }, 'conic'],
    ['Korea', { west: 112, south: 28, east: 141, north: 44 }, 'conic'],
    ['Kashmir', { west: 62, south: 24, east: 90, north: 40 }, 'conic'],
    ['the Caribbean', { west: -91, south: 17, east: -64, north: 33 }, 'mercator'],
    ['the Gulf', { west: 36, south: 21, east: 64, north: 37 }, 'mercator'],
    ['Taiwan', { west: 110, south: 17, east: 136, north: 33 }, 'mercator'],
    ['the Arctic', { west: -40, south: 60, east: 60, north: 84 }, 'azimuthal'],
    ['Africa', { west: -20, south: -36, east: 52, north: 38 }, 'azimuthal'],
    ['the Atlantic', { west: -102, south: 18, east: 50, north: 46 }, 'equal-earth'],
  ];
  for (const [name, frame, kind] of cases) it(`${name}: ${kind}`, () => expect(projectionKind(frame)).toBe(kind));

  it('follows the region: a frame ever wider than a quarter of the globe is on a world projection, a small one never is', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 5, max: 350, noNaN: true }),
        fc.double({ min: 5, max: 40, noNaN: true }),
        (west, south, width, height) => {
          const frame = { west, south, east: west + width, north: Math.min(84, south + height) };
          const kind = projectionKind(frame);
          if (width > 100) expect(kind).toBe('equal-earth');
          if (width < 60) expect(kind).not.toBe('equal-earth');
          if (kind === 'mercator') expect(Math.abs((frame.south + frame.north) / 2)).toBeLessThan(30);
        },
      ),
    );
  });
});
