import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicyName } from '../src/engine/bots/policies.ts';
import { gameMachine } from '../src/engine/machine/game-machine.ts';
import { GameRun, type GameSnapshot } from '../src/engine/machine/game-run.ts';

import { OUTCOME_KINDS } from '../src/engine/scenario/schema.ts';

import { sceneFor, screenFor, tableTurn } from '../src/game/view/screens.ts';
import { playKeepingStates, geneva } from './helpers.ts';

const scenario = geneva;

/** Russia's package in round 1 of a hot-seat game. */
const RUSSIA_PROPOSES = {
  type: 'PROPOSE',
  proposal: {
    side: 'ru',
    positions: { enlargement: 'moratorium', missiles: 'inf-talks', exercises: 'notification' },
    posture: null,
    tone: 'firm',
  },
} as const;

/** The screen each visible state of the machine must show. */
const EXPECTED: Record<string, string> = {
  setup: 'setup',
  briefing: 'briefing',
  proposal: 'table',
  response: 'table',
  counter: 'table',
  resolution: 'round-result',
  incident: 'round-result',
  agreement: 'debrief',
  'partial-deal': 'debrief',
  stalemate: 'debrief',
  walkout: 'debrief',
  war: 'debrief',
};

/** States the machine passes through without stopping (an `always` transition leaves them at once). */
const TRANSIENT = ['answered'];

/** A real snapshot of every state reached in bot games, plus the setup state of a fresh run. */
function snapshotsByState(): Map<string, GameSnapshot> {
  const byState = new Map<string, GameSnapshot>([['setup', new GameRun(scenario).snapshot]]);
  const pairs: [PolicyName, PolicyName][] = [
    ['random', 'random'],
    ['greedy', 'greedy'],
    ['random', 'hawk'],
    ['greedy', 'dove'],
    ['greedy', 'random'],
    // Partial deals come from a hawk or tit for tat against random play.
    ['hawk', 'random'],
    ['reciprocal', 'random'],
    ['dove', 'random'],
  ];
  for (const [us, ru] of pairs) {
    for (let seed = 1; seed <= 12; seed++) {
      const played = playKeepingStates(scenario, { seed, playerSide: 'us', opponent: { kind: 'hotseat' } }, { us, ru });
      played.snapshots.forEach((snapshot, i) => {
        if (!byState.has(played.values[i]!)) byState.set(played.values[i]!, snapshot);
      });
      if (Object.keys(EXPECTED).every((state) => byState.has(state))) return byState;
    }
  }
  return byState;
}

describe('sceneFor', () => {
  it('covers every state of the machine', () => {
    const states = Object.keys(gameMachine.config.states ?? {});
    expect(states.filter((state) => !TRANSIENT.includes(state)).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const kind of OUTCOME_KINDS) expect(EXPECTED[kind]).toBe('debrief');
  });

  it('maps a real snapshot of every state to its screen', () => {
    const byState = snapshotsByState();
    for (const [state, scene] of Object.entries(EXPECTED)) {
      const snapshot = byState.get(state);
      expect(snapshot, `no game reached ${state}`).toBeDefined();
      expect(String(snapshot!.value)).toBe(state);
      expect(sceneFor(snapshot!), state).toBe(scene);
    }
  });

  it('names only scenes the play screens register', () => {
    // The scenes extend Phaser and cannot load in Node: read their keys from the source instead.
    const dir = new URL('../src/game/play/', import.meta.url);
    const keys = new Set(
      readdirSync(dir)
        .filter((name) => name.endsWith('-scene.ts'))
        .flatMap((name) => [...readFileSync(new URL(name, dir), 'utf8').matchAll(/super\('([a-z-]+)', play\)/g)].map((match) => match[1]!)),
    );
    expect(keys.size).toBeGreaterThan(4);
    for (const scene of new Set(Object.values(EXPECTED))) expect(keys, scene).toContain(scene);
  });

  it('keeps the table on screen across the whole negotiation of a round', () => {
    const run = new GameRun(scenario);
    run.send({ type: 'START', setup: { seed: 3, playerSide: 'us', opponent: { kind: 'hotseat' } } });
    expect(sceneFor(run.snapshot)).toBe('briefing');
    run.send({ type: 'CONTINUE' });
    expect(sceneFor(run.snapshot)).toBe('table');
    run.send(RUSSIA_PROPOSES);
    expect(String(run.snapshot.value)).toBe('response');
    expect(sceneFor(run.snapshot)).toBe('table');
    run.send({ type: 'RESPOND', response: { side: 'us', kind: 'reject', posture: null, tone: 'firm' } });
    expect(String(run.snapshot.value)).toBe('resolution');
    expect(sceneFor(run.snapshot)).toBe('round-result');
    run.stop();
  });

  it('shows the table when the AI has already moved and it is the player’s turn', () => {
    const run = new GameRun(scenario);
    run.send({ type: 'START', setup: { seed: 1, playerSide: 'us', opponent: { kind: 'ai', persona: 'ru-pragmatist' } } });
    run.send({ type: 'CONTINUE' });
    // Russia proposes in round 1; the AI has tabled its package and the US must answer.
    expect(String(run.snapshot.value)).toBe('response');
    expect(sceneFor(run.snapshot)).toBe('table');
    run.stop();
  });
});

describe('screenFor: the hot-seat hand-over', () => {
  it("puts a hand-over before each side's turn at the table in hot-seat, once per turn", () => {
    const run = new GameRun(scenario);
    run.send({ type: 'START', setup: { seed: 3, playerSide: 'us', opponent: { kind: 'hotseat' } } });
    expect(screenFor(run.snapshot, null)).toBe('briefing');
    run.send({ type: 'CONTINUE' });
    const proposing = tableTurn(run.snapshot)!;
    expect(proposing).toEqual({ side: 'ru', key: '0:proposal' });
    expect(screenFor(run.snapshot, null)).toBe('hand-over');
    expect(screenFor(run.snapshot, proposing.key)).toBe('table');
    run.send(RUSSIA_PROPOSES);
    // The other side's turn: the screen is handed over again, though it was handed over for the proposal.
    expect(tableTurn(run.snapshot)).toEqual({ side: 'us', key: '0:response' });
    expect(screenFor(run.snapshot, proposing.key)).toBe('hand-over');
    expect(screenFor(run.snapshot, '0:response')).toBe('table');
    run.send({ type: 'RESPOND', response: { side: 'us', kind: 'reject', posture: null, tone: 'firm' } });
    expect(tableTurn(run.snapshot)).toBeNull();
    expect(screenFor(run.snapshot, '0:response')).toBe('round-result');
    run.stop();
  });

  it('never hands over against the AI', () => {
    const run = new GameRun(scenario);
    run.send({ type: 'START', setup: { seed: 1, playerSide: 'us', opponent: { kind: 'ai', persona: 'ru-pragmatist' } } });
    run.send({ type: 'CONTINUE' });
    expect(screenFor(run.snapshot, null)).toBe('table');
    run.stop();
  });
});
