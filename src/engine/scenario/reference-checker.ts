/**
 * Looking up the ids a document names in a scenario, each one the scenario does not define
 * reported with the path of the field: shared by the scenario's own reference check
 * (`references.ts`) and its tests' (`scenario-tests/references.ts`), so that both say "unknown
 * track" the same way. Lookups never follow an unknown id, so they are safe on any scenario the
 * schema accepts.
 */
import type { Problem } from './problems.ts';
import type { Effects, PostureMove, Scenario, Track } from './schema.ts';

export type Path = Problem['path'];
export type Report = (path: Path, message: string) => void;

export interface ReferenceChecker {
  report: Report;
  sideIds: ReadonlySet<string>;
  /** The sides as an author reads them in a message: `"us" and "ru"`. */
  sideList: string;
  /** Whether the side exists. */
  side(value: string, at: Path): boolean;
  track(trackId: string, at: Path): Track | undefined;
  /** Whether the track has the position. */
  position(item: Track, positionId: string, at: Path): boolean;
  move(moveId: string, at: Path): PostureMove | undefined;
  /** Known tracks, each at one of its own positions; each problem at the track's key. */
  package(positions: Record<string, string> | undefined, at: Path): void;
  round(roundId: string, at: Path): void;
  source(sourceId: string, at: Path): void;
  sources(values: readonly string[], at: Path): void;
  /** No two items share an id. */
  unique(items: readonly { id: string }[], at: Path, what: string): void;
  /** A per-side record must name every side exactly, or some sides only when `partial`. */
  perSide(record: Record<string, unknown> | undefined, at: Path, partial: boolean): void;
  effects(value: Effects, at: Path): void;
}

export function referenceChecker(scenario: Scenario, report: Report): ReferenceChecker {
  const sideIds = new Set(scenario.sides.map((side) => side.id));
  const roundIds = new Set(scenario.rounds.map((round) => round.id));
  const sourceIds = new Set(scenario.meta.sources.map((source) => source.id));
  const sideList = [...sideIds].map((id) => `"${id}"`).join(' and ');
  const checker: ReferenceChecker = {
    report,
    sideIds,
    sideList,
    side(value, at) {
      if (sideIds.has(value)) return true;
      report(at, `unknown side "${value}"; expected ${sideList}`);
      return false;
    },
    track(trackId, at) {
      const item = scenario.tracks.find((candidate) => candidate.id === trackId);
      if (!item) report(at, `unknown track "${trackId}"`);
      return item;
    },
    position(item, positionId, at) {
      if (item.positions.some((candidate) => candidate.id === positionId)) return true;
      report(at, `unknown position "${positionId}" on track "${item.id}"`);
      return false;
    },
    move(moveId, at) {
      const found = scenario.postureMoves.find((item) => item.id === moveId);
      if (!found) report(at, `unknown move "${moveId}"`);
      return found;
    },
    package(positions, at) {
      for (const [trackId, positionId] of Object.entries(positions ?? {})) {
        const item = checker.track(trackId, [...at, trackId]);
        if (item) checker.position(item, positionId, [...at, trackId]);
      }
    },
    round(roundId, at) {
      if (!roundIds.has(roundId)) report(at, `unknown round "${roundId}"`);
    },
    source(sourceId, at) {
      if (!sourceIds.has(sourceId)) report(at, `unknown source "${sourceId}"`);
    },
    sources: (values, at) => values.forEach((value, index) => checker.source(value, [...at, index])),
    unique: (items, at, what) => reportDuplicates(report, items, at, what),
    perSide(record, at, partial) {
      if (!record) return;
      for (const key of Object.keys(record)) checker.side(key, [...at, key]);
      if (partial) return;
      for (const id of sideIds) {
        if (!Object.hasOwn(record, id)) report([...at, id], `missing a value for side "${id}"`);
      }
    },
    effects: (value, at) => checker.perSide(value.sides, [...at, 'sides'], true),
  };
  return checker;
}

function reportDuplicates(report: Report, items: readonly { id: string }[], at: Path, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) report([...at, index, 'id'], `duplicate ${what} id "${item.id}"`);
    seen.add(item.id);
  });
}
