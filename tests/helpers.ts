/**
 * Shared helpers for the engine tests: the bundled Geneva scenario (as text, as a fresh JSON
 * document to mutate, and loaded), JSON path editing, a capturing CLI io, a game driver that
 * keeps every state, the invariants every state must keep, and the historical line of play.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { botEvent } from '../src/engine/simulation/play.ts';
import type { Io } from '../src/cli/io.ts';
import type { PolicyName } from '../src/engine/bots/policies.ts';
import { GameRun, type GameSnapshot } from '../src/engine/machine/game-run.ts';
import { phaseOf, type Phase } from '../src/engine/machine/phase.ts';
import { Dice, seedState } from '../src/engine/random.ts';
import { factorTenths, toTenths } from '../src/engine/rules/change.ts';
import { newGame, openRound } from '../src/engine/rules/round.ts';
import { METERS, type Change, type GameState, type Positions, type Setup } from '../src/engine/rules/state.ts';
import { isRedLine, otherSide } from '../src/engine/rules/world.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import { formatProblem, type Checked } from '../src/engine/scenario/problems.ts';
import type { Persona, Scenario, ScenarioInput } from '../src/engine/scenario/schema.ts';
import type { TimedEvent } from '../src/engine/session/format.ts';

// ---------------------------------------------------------------------------------------------
// JSON documents

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type JsonPath = readonly (string | number)[];

export const GENEVA_URL = new URL('../scenarios/geneva-2022.json', import.meta.url);
export const GENEVA_PATH = fileURLToPath(GENEVA_URL);
export const GENEVA_TEXT = readFileSync(GENEVA_URL, 'utf8');
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A fresh, mutable copy of the Geneva document as the author wrote it. */
export function genevaDoc(): JsonObject {
  return JSON.parse(GENEVA_TEXT) as JsonObject;
}

export function genevaSource(): ScenarioInput {
  return JSON.parse(GENEVA_TEXT) as ScenarioInput;
}

/** The value at a path, or undefined. */
export function getPath(doc: Json, path: JsonPath): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[key as number] : (node as JsonObject)[key as string];
  }
  return node;
}

function parentOf(doc: Json, path: JsonPath): Json[] | JsonObject {
  const parent = getPath(doc, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object' || parent === undefined) throw new Error(`no container at ${path.join('.')}`);
  return parent;
}

export function setPath(doc: Json, path: JsonPath, value: Json): void {
  const parent = parentOf(doc, path);
  const key = path.at(-1)!;
  if (Array.isArray(parent)) parent[key as number] = value;
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

export function deletePath(doc: Json, path: JsonPath): void {
  const parent = parentOf(doc, path);
  const key = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key as string];
}

/** Every path in a document, containers included (the root excluded). */
export function allPaths(doc: Json, prefix: JsonPath = []): JsonPath[] {
  if (doc === null || typeof doc !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(doc) ? doc.map((value, i) => [i, value]) : Object.entries(doc);
  return entries.flatMap(([key, value]) => [[...prefix, key], ...allPaths(value, [...prefix, key])]);
}

// ---------------------------------------------------------------------------------------------
// Scenarios

export function mustLoad(text: string): Scenario {
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error(`scenario does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.value;
}

export const geneva: Scenario = mustLoad(GENEVA_TEXT);
export const inf1987: Scenario = mustLoad(readFileSync(new URL('../scenarios/inf-1987.json', import.meta.url), 'utf8'));
export const counterfactual: Scenario = mustLoad(readFileSync(new URL('../scenarios/counterfactual-2022.json', import.meta.url), 'utf8'));
export const cuba1962: Scenario = mustLoad(readFileSync(new URL('../scenarios/cuba-1962.json', import.meta.url), 'utf8'));

/** Geneva with an edit applied to its document; it must still be valid. */
export function genevaWith(edit: (doc: JsonObject) => void): Scenario {
  const doc = genevaDoc();
  edit(doc);
  return mustLoad(JSON.stringify(doc));
}

/** The formatted problems of a check, or [] when it passed. */
export function problemLines(result: Checked<unknown>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

/**
 * XState's development build warns on every event sent to an actor that has reached a final
 * state. Tests that probe finished games on purpose call this at the top of a describe block to
 * drop that one warning (any other warning still shows).
 */
export function quietStoppedActorWarnings(): void {
  let restore: (() => void) | null = null;
  beforeAll(() => {
    const original = console.warn.bind(console);
    const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('was sent to stopped actor')) return;
      original(...args);
    });
    restore = () => spy.mockRestore();
  });
  afterAll(() => restore?.());
}

// ---------------------------------------------------------------------------------------------
// The command line

export interface CapturedIo {
  io: Io;
  out: string[];
  err: string[];
  all: () => string;
}

export function captureIo(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (line) => out.push(line), err: (line) => err.push(line) },
    out,
    err,
    all: () => [...out, ...err].join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Games

export const US = 'us';
export const RU = 'ru';

export function hotseat(seed: number | string = 1, playerSide = US): Setup {
  return { seed, playerSide, opponent: { kind: 'hotseat' } };
}

/** A game against the AI persona (the player takes the other side). */
export function againstAi(scenario: Scenario, persona: string, seed: number | string = 1): Setup {
  const aiSide = scenario.personas.find((item) => item.id === persona)!.side;
  return { seed, playerSide: otherSide(scenario, aiSide), opponent: { kind: 'ai', persona } };
}

/** A new game with its first round opened. */
export function opened(scenario: Scenario, setup: Setup = hotseat()): GameState {
  return openRound(scenario, newGame(scenario, setup));
}

/** The positions at the given ladder index on every open track (clamped to the ladder). */
export function rung(scenario: Scenario, state: GameState, index: number): Positions {
  const positions: Positions = {};
  for (const item of scenario.tracks) {
    if (item.id in state.agreed) continue;
    positions[item.id] = item.positions[Math.min(index, item.positions.length - 1)]!.id;
  }
  return positions;
}

export interface PlayedGame {
  setup: Setup;
  events: TimedEvent[];
  /** The phase after the start and after each event. */
  phases: Phase[];
  /** The game state after the start and after each event. */
  games: GameState[];
  snapshots: GameSnapshot[];
  final: GameState;
}

/** The event a bot policy sends in the run's current state (null when the game is over). */
/** The event the named bots send in the run's current state (the simulation's own choice). */
export const policyEvent = botEvent;

/** Plays a game with bots at the human seats, keeping every state. Throws if a bot's move is refused. */
export function playKeepingStates(scenario: Scenario, setup: Setup, policies: Record<string, PolicyName>, maxEvents = 400): PlayedGame {
  const run = new GameRun(scenario);
  if (!run.send({ type: 'START', setup })) throw new Error(`setup refused: ${JSON.stringify(setup)}`);
  const dice = new Dice(seedState(`${setup.seed}:test-bots`));
  const events: TimedEvent[] = [];
  const snapshots: GameSnapshot[] = [run.snapshot];
  for (let step = 0; step < maxEvents; step++) {
    const event = policyEvent(run, policies, dice);
    if (!event) break;
    if (!run.send(event)) throw new Error(`the machine refused a bot move in ${phaseOf(run.snapshot)}: ${JSON.stringify(event)}`);
    events.push({ at: step * 250, event });
    snapshots.push(run.snapshot);
  }
  run.stop();
  return {
    setup,
    events,
    snapshots,
    phases: snapshots.map(phaseOf),
    games: snapshots.map((snapshot) => snapshot.context.game!),
    final: snapshots.at(-1)!.context.game!,
  };
}

// ---------------------------------------------------------------------------------------------
// Invariants

function changeAddsUp(change: Change): boolean {
  return factorTenths(change.factors) === toTenths(change.to) - toTenths(change.from);
}

const METER_BOUNDS: Record<string, [number, number]> = {
  leverage: [0, 100],
  standing: [0, 100],
  credibility: [0, 100],
  cohesion: [0, 100],
  forces: [0, 1000],
};

/**
 * What every game state must keep; `previous` is the state before it, if any. Returns the
 * violations in words (empty when the state is sound).
 */
export function invariantViolations(scenario: Scenario, state: GameState, previous?: GameState | null): string[] {
  const problems: string[] = [];
  if (!(state.risk >= 0 && state.risk <= 100)) problems.push(`risk ${state.risk} out of 0-100`);
  if (state.round < 0 || state.round >= scenario.rounds.length) problems.push(`round ${state.round} outside the scenario`);
  for (const side of scenario.sides) {
    const sideState = state.sides[side.id]!;
    for (const meter of METERS) {
      const [low, high] = METER_BOUNDS[meter]!;
      const value = sideState[meter];
      if (!(value >= low && value <= high)) problems.push(`${side.id}.${meter} ${value} out of ${low}-${high}`);
    }
    for (const item of scenario.tracks) {
      const index = sideState.stance[item.id]!;
      const position = item.positions[index];
      if (!position) problems.push(`${side.id} stance ${index} off the ladder of ${item.id}`);
      else if (isRedLine(item, side.id, position.id)) problems.push(`${side.id} stands on its own red line ${position.id} (${item.id})`);
    }
  }
  let level = scenario.escalation.initialRisk;
  for (const record of state.rounds) {
    for (const change of record.riskChanges) {
      if (!changeAddsUp(change)) {
        problems.push(
          `round ${record.round} ${change.stage}: factors add up to ${factorTenths(change.factors)} tenths, not ${change.from}->${change.to}`,
        );
      }
      if (toTenths(change.from) !== toTenths(level))
        problems.push(`round ${record.round}: risk change starts at ${change.from}, not ${level}`);
      if (change.to < 0 || change.to > 100) problems.push(`round ${record.round}: risk change to ${change.to}`);
      level = change.to;
    }
    for (const [side, meters] of Object.entries(record.meters)) {
      for (const [meter, change] of Object.entries(meters)) {
        if (change && !changeAddsUp(change)) problems.push(`round ${record.round}: ${side}.${meter} factors do not add up`);
      }
    }
    for (const [trackId, positionId] of Object.entries(record.agreed)) {
      const item = scenario.tracks.find((candidate) => candidate.id === trackId)!;
      for (const side of scenario.sides) {
        if (isRedLine(item, side.id, positionId)) problems.push(`round ${record.round}: agreed ${positionId}, a red line of ${side.id}`);
      }
    }
  }
  if (toTenths(level) !== toTenths(state.risk)) problems.push(`the risk changes end at ${level}, the state says ${state.risk}`);
  if (previous) {
    for (const [trackId, agreement] of Object.entries(previous.agreed)) {
      const now = state.agreed[trackId];
      if (!now || now.position !== agreement.position || now.round !== agreement.round) problems.push(`agreed track ${trackId} was undone`);
    }
    if (previous.outcome && JSON.stringify(previous.outcome) !== JSON.stringify(state.outcome)) problems.push('the outcome changed');
  }
  for (const decision of state.decisions) {
    const sum = decision.reservationTerms.reduce((total, term) => total + term.value, 0);
    if (Math.abs(sum - decision.reservation) > 1e-9)
      problems.push(`decision in round ${decision.round}: terms add to ${sum}, not ${decision.reservation}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The historical line of play

/** The historical line, played as the scenario check plays it. */
export { playHistoricalLine } from '../src/engine/scenario/historical-line.ts';

// ---------------------------------------------------------------------------------------------
// Personas and scenario tests

/** A persona made for a test, so that no test hangs on the bundled personas' numbers. */
export function testPersona(side: string, traits: Partial<Persona> = {}): Persona {
  return {
    id: `${side}-test`,
    side,
    name: 'Test persona',
    description: 'A persona made for a test.',
    resolve: 0.5,
    riskTolerance: 0.5,
    patience: 0.5,
    bluff: 0,
    ...traits,
  };
}

/** A scripted case that holds whatever the AI's tuning: it rests on Russia's red line on the open door. */
export const OPEN_DOOR_REFUSED = {
  kind: 'scripted',
  name: 'Russia never agrees to the open door in Brussels',
  side: 'ru',
  seeds: 3,
  historyRounds: 1,
  offer: { positions: { enlargement: 'open-door', missiles: '*', exercises: '*' } },
  expect: { refuses: { enlargement: ['open-door'] } },
};

/** A temporary folder for the files a test writes, removed after the test file. */
export function tempFiles(prefix: string): { dir: string; file(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

/** Runs the command line in-process and captures what it prints; no command ever prints a stack trace. */
export async function runCli(...argv: string[]) {
  const captured = captureIo();
  const code = await main(argv, captured.io);
  expect(captured.all()).not.toContain('    at ');
  return { code, ...captured };
}
