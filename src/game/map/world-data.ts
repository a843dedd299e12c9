/**
 * The countries of the world (assets/map/world.json, about 150 KB gzipped), fetched the first
 * time a map is shown rather than at start-up, so the title screen does not wait for them.
 */
import worldUrl from '../../../assets/map/world.json?url';
import type { WorldCollection } from './map-geometry.ts';

let loaded: WorldCollection | null = null;
let loading: Promise<WorldCollection> | null = null;

/** The countries once fetched, or null while they are not. */
export function worldIfLoaded(): WorldCollection | null {
  return loaded;
}

/** Fetches the countries once; a failed fetch is tried again on the next call. */
export function loadWorld(): Promise<WorldCollection> {
  loading ??= fetch(worldUrl)
    .then(async (response) => {
      if (!response.ok) throw new Error(`the map data could not be loaded (HTTP ${response.status})`);
      loaded = (await response.json()) as WorldCollection;
      return loaded;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
