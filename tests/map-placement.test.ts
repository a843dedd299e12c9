import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintScenario } from '../src/engine/scenario/lint.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import { mapPlacementWarnings } from '../src/engine/scenario/map-placement.ts';
import type { MapMarker, Scenario, ScenarioMap } from '../src/engine/scenario/schema.ts';

function bundled(file: string): Scenario {
  const loaded = loadScenarioText(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.value;
}
const geneva = bundled('geneva-2022.json');
const withMap = (map: Partial<ScenarioMap>): Scenario => ({ ...geneva, map: { ...geneva.map!, ...map } });
const marker = (id: string, lon: number, lat: number): MapMarker => ({ id, label: id, kind: 'troops', side: 'us', lon, lat });

describe('warnings about what the map cannot place', () => {
  it('has none for the bundled European scenarios', () => {
    for (const file of ['geneva-2022.json', 'inf-1987.json', 'counterfactual-2022.json'])
      expect(mapPlacementWarnings(bundled(file)), file).toEqual([]);
  });

  it('names a country the map does not know, with its path and a likely name', () => {
    const findings = mapPlacementWarnings(withMap({ blocs: { us: ['Poland', 'USA', 'czechia'], ru: [] }, contested: ['Krimea'] }));
    expect(findings.map((item) => item.path)).toEqual([
      ['map', 'blocs', 'us', 1],
      ['map', 'blocs', 'us', 2],
      ['map', 'contested', 0],
    ]);
    expect(findings[1]!.message).toContain('did you mean "Czechia"');
    expect(findings[0]!.message).toContain('the map knows no country "USA"');
  });

  it('warns about a marker outside the frame the scenario gives, across the antimeridian too', () => {
    const markers = [marker('havana', -82.4, 23.1), marker('izmir', 27.1, 38.4)];
    const caribbean = mapPlacementWarnings(withMap({ markers, frame: { west: -100, south: 10, east: -60, north: 35 } }));
    expect(caribbean.map((item) => item.path)).toEqual([['map', 'markers', 1]]);
    expect(caribbean[0]!.message).toContain('"izmir" (27.1, 38.4) is outside the map\'s frame');
    const pacific = mapPlacementWarnings(
      withMap({ markers: [marker('fiji', 178, -18), marker('samoa', -172, -14)], frame: { west: 170, south: -30, east: -165, north: 0 } }),
    );
    expect(pacific).toEqual([]);
    expect(mapPlacementWarnings(withMap({ markers, frame: { west: -100, south: 40, east: 40, north: 10 } }))[0]!.path).toEqual([
      'map',
      'frame',
    ]);
  });

  it('warns about markers drawn on each other on the smallest map, not about markers apart', () => {
    // Havana and San Cristóbal are 70 km apart: on a map from Florida to Turkey they are one dot.
    const crowded = [marker('havana', -82.4, 23.1), marker('san-cristobal', -83.0, 22.7), marker('izmir', 27.1, 38.4)];
    const findings = mapPlacementWarnings(withMap({ markers: crowded, blocs: {}, contested: [] }));
    expect(findings.map((item) => item.path)).toEqual([['map', 'markers', 1]]);
    expect(findings[0]!.message).toContain('"san-cristobal" lies on marker "havana"');
    // The same two on a map of Cuba alone are apart.
    expect(mapPlacementWarnings(withMap({ markers: crowded.slice(0, 2), blocs: {}, contested: [] }))).toEqual([]);
  });

  it('is part of scenario check (lintScenario)', () => {
    const findings = lintScenario(withMap({ contested: ['Atlantis'] }));
    expect(findings.some((item) => item.path.join('.') === 'map.contested.0' && item.message.includes('"Atlantis"'))).toBe(true);
  });
});
