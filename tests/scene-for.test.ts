import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicyName } from '../src/engine/bots/policies.ts';
import { gameMachine, type GameEvent } from '../src/engine/machine/game-machine.ts';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { PHASES, phaseOf } from '../src/engine/machine/phase.ts';
import { sceneFor, screenFor, tableTurn } from '../src/game/view/screens.ts';
import { playKeepingStates, geneva, type PlayedGame } from './helpers.ts';

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

/** States the machine passes through without stopping (an `always` transition leaves them at once). */
const TRANSIENT = ['answered'];

/** Every scene the play screens show; each must be seen in the games below. */
const SCENES = ['setup', 'briefing', 'table', 'round-result', 'debrief'];

/** Bot games of every temper, so that they reach every state (partial deals come from a hawk or tit for tat against random play). */
const PAIRS: [PolicyName, PolicyName][] = [
  ['random', 'random'],
  ['greedy', 'greedy'],
  ['random', 'hawk'],
  ['greedy', 'dove'],
  ['greedy', 'random'],
  ['hawk', 'random'],
  ['reciprocal', 'random'],
  ['dove', 'random'],
];
const playGames = () =>
  PAIRS.flatMap(([us, ru]) =>
    Array.from({ length: 12 }, (_, i) =>
      playKeepingStates(scenario, { seed: i + 1, playerSide: 'us', opponent: { kind: 'hotseat' } }, { us, ru }),
    ),
  );

const isTableMove = (event: GameEvent) => event.type === 'PROPOSE' || event.type === 'RESPOND' || event.type === 'REPLY';

/**
 * The scenes a user must see through a game, from what happens next at each step: a move at the
 * table is made on the table; a Continue before the round's first move leaves its briefing, one
 * after its moves leaves its result; a game that is over shows the debrief.
 */
function scenesWanted(played: PlayedGame): string[] {
  let movedInRound: number | null = null;
  return played.snapshots.map((_, i) => {
    const next = played.events[i]?.event;
    const round = played.games[i]!.round;
    if (!next) return 'debrief';
    if (isTableMove(next)) {
      movedInRound = round;
      return 'table';
    }
    if (next.type !== 'CONTINUE') throw new Error(`a bot sent ${next.type} during a game`);
    return movedInRound === round ? 'round-result' : 'briefing';
  });
}

describe('phases', () => {
  it('every state the machine stops in has exactly one phase, and every phase has a state', () => {
    const tagged = new Set<string>();
    for (const [name, config] of Object.entries(gameMachine.config.states ?? {})) {
      const tags = [config.tags ?? []].flat();
      expect(tags, name).toHaveLength(TRANSIENT.includes(name) ? 0 : 1);
      tags.forEach((tag) => tagged.add(tag));
    }
    expect([...tagged].sort()).toEqual([...PHASES].sort());
  });
});

describe('sceneFor', () => {
  it('shows the setup before a game starts', () => {
    expect(sceneFor(new GameRun(scenario).snapshot)).toBe('setup');
  });

  it('at every step of real games, shows the scene where the next thing happens', () => {
    const seen = new Set<string>(['setup']);
    const reached = new Set<string>();
    for (const played of playGames()) {
      expect(played.final.outcome, 'the game ended').toBeTruthy();
      const scenes = scenesWanted(played);
      played.snapshots.forEach((snapshot, i) => {
        const wanted = scenes[i]!;
        expect(sceneFor(snapshot), `step ${i} of seed ${played.setup.seed}`).toBe(wanted);
        seen.add(wanted);
        reached.add(phaseOf(snapshot));
      });
    }
    expect([...seen].sort()).toEqual([...SCENES].sort());
    // The games went through every phase after the setup, so no phase's scene went untried.
    for (const phase of PHASES.filter((item) => item !== 'setup')) expect(reached, phase).toContain(phase);
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
    for (const scene of SCENES) expect(keys, scene).toContain(scene);
  });

  it('keeps the table on screen across the whole negotiation of a round', () => {
    const run = new GameRun(scenario);
    run.send({ type: 'START', setup: { seed: 3, playerSide: 'us', opponent: { kind: 'hotseat' } } });
    expect(sceneFor(run.snapshot)).toBe('briefing');
    run.send({ type: 'CONTINUE' });
    expect(sceneFor(run.snapshot)).toBe('table');
    run.send(RUSSIA_PROPOSES);
    expect(phaseOf(run.snapshot)).toBe('response');
    expect(sceneFor(run.snapshot)).toBe('table');
    run.send({ type: 'RESPOND', response: { side: 'us', kind: 'reject', posture: null, tone: 'firm' } });
    expect(phaseOf(run.snapshot)).toBe('resolution');
    expect(sceneFor(run.snapshot)).toBe('round-result');
    run.stop();
  });

  it('shows the table when the AI has already moved and it is the player’s turn', () => {
    const run = new GameRun(scenario);
    run.send({ type: 'START', setup: { seed: 1, playerSide: 'us', opponent: { kind: 'ai', persona: 'ru-pragmatist' } } });
    run.send({ type: 'CONTINUE' });
    // Russia proposes in round 1; the AI has tabled its package and the US must answer.
    expect(phaseOf(run.snapshot)).toBe('response');
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
