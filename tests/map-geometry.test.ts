import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ATLAS_COUNTRIES } from '../src/engine/scenario/atlas-countries.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import {
  countryBloc,
  hatchSegments,
  projectScenarioMap,
  type Ring,
  type ScreenPoint,
  type WorldCollection,
} from '../src/game/map/map-geometry.ts';
import { insideRings as inside } from '../src/game/map/map-layout.ts';

const MAP_URL = new URL('../assets/map/world.json', import.meta.url);
const MAP_TEXT = readFileSync(MAP_URL, 'utf8');
const world = JSON.parse(MAP_TEXT) as WorldCollection;

function loadScenario(file: string): Scenario {
  const loaded = loadScenarioText(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}
const geneva = loadScenario('geneva-2022.json');
const BUNDLED = readdirSync(new URL('../scenarios/', import.meta.url)).filter(
  (file) => /^[a-z0-9-]+\.json$/.test(file) && !file.includes('schema'),
);

const PLACES = {
  deveselu: [24.09, 44.08],
  redzikowo: [17.1, 54.48],
  kaliningrad: [20.51, 54.71],
  lisbon: [-9.14, 38.72],
  moscow: [37.62, 55.75],
  warsaw: [21.01, 52.23],
  kyiv: [30.52, 50.45],
  minsk: [27.56, 53.9],
  oslo: [10.75, 59.91],
  athens: [23.73, 37.98],
  simferopol: [34.1, 44.95],
} as const;

describe('the prepared map file', () => {
  it('is the whole world in a FeatureCollection of named countries, outer rings only, rounded to 0.01°, small enough to fetch', () => {
    // 476 KB, 151 KB gzipped when written: a fifth more would be a change worth a look.
    expect(MAP_TEXT.length).toBeLessThan(560 * 1024);
    expect(gzipSync(MAP_TEXT).length).toBeLessThan(180 * 1024);
    expect(world.type).toBe('FeatureCollection');
    expect(world.features.length).toBeGreaterThan(230);
    for (const feature of world.features) {
      expect(feature.properties.name).toMatch(/\S/);
      expect(feature.geometry.type).toBe('MultiPolygon');
      const polygons = feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates : [feature.geometry.coordinates];
      for (const polygon of polygons) {
        expect(polygon).toHaveLength(1);
        const ring = polygon[0]!;
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) {
          expect(Math.round(lon! * 100) / 100).toBe(lon);
          expect(Math.round(lat! * 100) / 100).toBe(lat);
        }
      }
    }
  });

  it('holds every country the bundled scenarios name, and the countries of other regions', () => {
    const names = new Set(world.features.map((feature) => feature.properties.name));
    expect(BUNDLED.length).toBeGreaterThanOrEqual(3);
    for (const file of BUNDLED) {
      const map = loadScenario(file).map!;
      const used = [...Object.values(map.blocs).flat(), ...map.contested];
      expect(
        used.filter((name) => !names.has(name)),
        file,
      ).toEqual([]);
    }
    for (const name of ['Cuba', 'United States of America', 'North Korea', 'Taiwan', 'Iran', 'India', 'Pakistan', 'Antarctica'])
      expect(names.has(name), name).toBe(true);
  });

  it("has each country once, and the same countries as the engine's atlas (both written by prepare-map)", () => {
    const names = world.features.map((feature) => feature.properties.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(ATLAS_COUNTRIES).sort()).toEqual([...names].sort());
  });
});

describe('projectScenarioMap for Geneva', () => {
  const map = projectScenarioMap(world, 800, 600, { ...geneva.map!, frame: { west: -12, south: 35, east: 50, north: 70 } });
  const at = (name: keyof typeof PLACES) => {
    const [lon, lat] = PLACES[name];
    return map.project(lon, lat);
  };

  it('puts the key places inside the box, in the right relative positions', () => {
    for (const name of Object.keys(PLACES) as (keyof typeof PLACES)[]) {
      const point = at(name);
      expect(point, name).not.toBeNull();
      expect(point![0]).toBeGreaterThan(0);
      expect(point![0]).toBeLessThan(800);
      expect(point![1]).toBeGreaterThan(0);
      expect(point![1]).toBeLessThan(600);
    }
    const [deveselu, redzikowo, kaliningrad, lisbon, moscow, oslo, athens] = (
      ['deveselu', 'redzikowo', 'kaliningrad', 'lisbon', 'moscow', 'oslo', 'athens'] as const
    ).map((name) => at(name)!);
    expect(lisbon![0]).toBeLessThan(deveselu![0]); // Lisbon is west of Deveselu
    expect(kaliningrad![1]).toBeLessThan(deveselu![1]); // Kaliningrad is north of Deveselu
    expect(redzikowo![0]).toBeLessThan(kaliningrad![0]); // Redzikowo is west of Kaliningrad
    expect(moscow![0]).toBeGreaterThan(kaliningrad![0]);
    expect(oslo![1]).toBeLessThan(athens![1]);
    // Distances keep their proportions: Deveselu–Kaliningrad (~1,180 km) is about a third of Lisbon–Moscow (~3,900 km).
    const distance = (a: ScreenPoint, b: ScreenPoint) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    expect(distance(deveselu!, kaliningrad!) / distance(lisbon!, moscow!)).toBeCloseTo(1180 / 3900, 1);
  });

  it('places each capital inside its own country (winding and clipping are right)', () => {
    const rings = (name: string) => map.countries.find((country) => country.name === name)?.rings ?? [];
    expect(inside(at('warsaw')!, rings('Poland'))).toBe(true);
    expect(inside(at('kyiv')!, rings('Ukraine'))).toBe(true);
    expect(inside(at('minsk')!, rings('Belarus'))).toBe(true);
    expect(inside(at('kaliningrad')!, rings('Russia'))).toBe(true);
    expect(inside(at('moscow')!, rings('Russia'))).toBe(true);
    expect(inside(at('warsaw')!, rings('Ukraine'))).toBe(false);
    expect(inside(at('deveselu')!, rings('Romania'))).toBe(true);
    // Crimea is a region of its own, not drawn as part of Russia (see scripts/prepare-map.ts).
    expect(inside(at('simferopol')!, rings('Crimea'))).toBe(true);
    expect(inside(at('simferopol')!, rings('Russia'))).toBe(false);
    expect(inside(at('simferopol')!, rings('Ukraine'))).toBe(false);
  });

  it('clips every ring to the box', () => {
    const points = map.countries.flatMap((country) => country.rings.flat());
    expect(points.length).toBeGreaterThan(1000);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(-1e-6);
      expect(x).toBeLessThanOrEqual(800 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(-1e-6);
      expect(y).toBeLessThanOrEqual(600 + 1e-6);
    }
  });

  it('returns null for places off the map', () => {
    expect(map.project(-74, 40.7)).toBeNull(); // New York
    expect(map.project(139.7, 35.7)).toBeNull(); // Tokyo
  });
});

describe('countryBloc', () => {
  it('reads the blocs and the contested countries of the scenario', () => {
    expect(countryBloc('Poland', geneva.map)).toBe('us');
    expect(countryBloc('Belarus', geneva.map)).toBe('ru');
    expect(countryBloc('Ukraine', geneva.map)).toBe('contested');
    expect(countryBloc('Switzerland', geneva.map)).toBeNull();
    expect(countryBloc('Poland', undefined)).toBeNull();
  });

  it('lets contested win over a bloc', () => {
    const map = { blocs: { us: ['Ukraine'] }, contested: ['Ukraine'], markers: [] };
    expect(countryBloc('Ukraine', map)).toBe('contested');
  });
});

describe('hatchSegments', () => {
  const square: Ring = [
    [0, 0],
    [100, 0],
    [100, 100],
    [0, 100],
  ];
  // A U: the notch between its arms (x 30..70, y 0..60) is outside.
  const u: Ring = [
    [0, 0],
    [30, 0],
    [30, 60],
    [70, 60],
    [70, 0],
    [100, 0],
    [100, 100],
    [0, 100],
  ];

  it('covers a square with diagonal lines that stay inside it', () => {
    const segments = hatchSegments([square], 10);
    // Lines 45° apart by 10 px across a 100 px square: the diagonal spans 141 px, so about 14 lines.
    expect(segments.length).toBeGreaterThanOrEqual(13);
    expect(segments.length).toBeLessThanOrEqual(15);
    for (const s of segments) {
      for (const v of [s.x1, s.y1, s.x2, s.y2]) {
        expect(v).toBeGreaterThanOrEqual(-1e-9);
        expect(v).toBeLessThanOrEqual(100 + 1e-9);
      }
    }
  });

  it('leaves the notch of a concave shape empty', () => {
    const segments = hatchSegments([u], 5);
    expect(segments.length).toBeGreaterThan(20);
    for (const s of segments) {
      for (const t of [0.1, 0.5, 0.9]) {
        const point: ScreenPoint = [s.x1 + (s.x2 - s.x1) * t, s.y1 + (s.y2 - s.y1) * t];
        expect(inside(point, [u]), `${point}`).toBe(true);
      }
    }
  });

  it('numbers the lines so alternate lines can alternate colours', () => {
    const lines = new Set(hatchSegments([square], 10).map((s) => s.line));
    expect(lines.size).toBeGreaterThan(10);
    expect(hatchSegments([], 10)).toEqual([]);
    expect(hatchSegments([square], 0)).toEqual([]);
  });
});
