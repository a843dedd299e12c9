/**
 * Model-based tests of the game machine: xstate/graph's shortest paths over an abstraction of
 * its states (value, round, outcome, agreed tracks, the package on the table and the risk in
 * bands), then a hand-written explorer that drives GameRun with legal and illegal events from
 * every state it meets, in hot-seat and AI modes over many seeds.
 */
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { POLICIES, POLICY_NAMES, type PolicyName } from '../src/engine/bots/policies.ts';
import { gameMachine, type GameEvent, type GameEventType } from '../src/engine/machine/game-machine.ts';
import { GameRun, type GameSnapshot } from '../src/engine/machine/game-run.ts';
import { Dice, seedState } from '../src/engine/random.ts';
import type { GameState, Positions, Setup } from '../src/engine/rules/state.ts';
import { otherSide, stancePositions } from '../src/engine/rules/world.ts';
import { geneva, hotseat, policyEvent, quietStoppedActorWarnings } from './helpers.ts';
import { stateChecksum } from '../src/engine/session/checksum.ts';

const g = geneva;

const ALL_STATES = [
  'setup',
  'briefing',
  'proposal',
  'response',
  'counter',
  'resolution',
  'incident',
  'agreement',
  'partial-deal',
  'stalemate',
  'walkout',
  'war',
] as const;
const EVENT_TYPES: GameEventType[] = ['START', 'CONTINUE', 'PROPOSE', 'RESPOND', 'REPLY'];
const FINAL_STATES = ['agreement', 'partial-deal', 'stalemate', 'walkout', 'war'];

/** A move for every side that de-escalates, if it has one. */
const calmingMove = (side: string) => g.postureMoves.find((move) => move.side === side && move.kind === 'de-escalation')?.id ?? null;

/** The middle rung of every open track (off both sides' red lines in Geneva). */
function middle(state: GameState): Positions {
  return Object.fromEntries(g.tracks.filter((item) => !(item.id in state.agreed)).map((item) => [item.id, item.positions[3]!.id]));
}

/** The events the model offers in a state: what bots would send, plus accepting, calming and walking out. */
function modelEvents(snapshot: GameSnapshot): GameEvent[] {
  const state = snapshot.context.game;
  if (snapshot.value === 'setup') {
    return [1, 2, 3, 4].flatMap((seed): GameEvent[] => [
      { type: 'START', setup: hotseat(seed) },
      { type: 'START', setup: { seed, playerSide: 'us', opponent: { kind: 'ai', persona: 'ru-pragmatist' } } },
    ]);
  }
  if (!state || snapshot.status === 'done') return [];
  const record = state.rounds[state.round]!;
  const events: GameEvent[] = [{ type: 'CONTINUE' }];
  for (const name of ['greedy', 'hawk', 'dove', 'random'] as PolicyName[]) {
    const view = (side: string) => ({ scenario: g, state, side, dice: new Dice(seedState(name)) });
    if (snapshot.value === 'proposal') events.push({ type: 'PROPOSE', proposal: POLICIES[name].propose(view(record.proposer)) });
    if (snapshot.value === 'response') events.push({ type: 'RESPOND', response: POLICIES[name].respond(view(record.responder)) });
    if (snapshot.value === 'counter') events.push({ type: 'REPLY', reply: POLICIES[name].reply(view(record.proposer)) });
  }
  if (snapshot.value === 'proposal') {
    events.push({
      type: 'PROPOSE',
      proposal: { side: record.proposer, positions: middle(state), posture: calmingMove(record.proposer), tone: 'conciliatory' },
    });
  }
  if (snapshot.value === 'response') {
    const side = record.responder;
    events.push(
      { type: 'RESPOND', response: { side, kind: 'accept', posture: null, tone: 'conciliatory' } },
      { type: 'RESPOND', response: { side, kind: 'reject', posture: calmingMove(side), tone: 'conciliatory' } },
      { type: 'RESPOND', response: { side, kind: 'walkout', posture: null, tone: 'firm' } },
    );
  }
  if (snapshot.value === 'counter') events.push({ type: 'REPLY', reply: { side: record.proposer, kind: 'accept' } });
  return events;
}

function abstractState(snapshot: GameSnapshot): string {
  const state = snapshot.context.game;
  const record = state?.rounds[state.round];
  return JSON.stringify([
    snapshot.value,
    state?.round ?? null,
    state?.outcome?.kind ?? null,
    Object.keys(state?.agreed ?? {}).sort(),
    Math.round((state?.risk ?? 0) / 4),
    record?.proposal ?? null,
    record?.response?.kind ?? null,
  ]);
}

describe('the machine, explored with xstate/graph', () => {
  const paths = getShortestPaths(gameMachine, {
    input: { scenario: g },
    events: modelEvents,
    serializeState: abstractState,
    serializeEvent: (event) => JSON.stringify(event),
  });

  it('reaches every state of the game, the five ends included', () => {
    const reached = new Set(paths.map((path) => String(path.state.value)));
    expect([...reached].sort()).toEqual([...ALL_STATES].sort());
  });

  it('takes every kind of event on the way', () => {
    const taken = new Set(paths.flatMap((path) => path.steps.map((step) => step.event.type)));
    for (const type of EVENT_TYPES) expect(taken).toContain(type);
  });

  it('a final state is reached only with the outcome of its name, and nothing leaves it', () => {
    for (const path of paths) {
      const value = String(path.state.value);
      if (FINAL_STATES.includes(value)) {
        expect(path.state.status).toBe('done');
        expect(path.state.context.game!.outcome!.kind).toBe(value);
      } else {
        expect(path.state.status).toBe('active');
      }
      if (value !== 'setup' && value !== 'resolution' && value !== 'incident' && value !== 'briefing' && !FINAL_STATES.includes(value)) {
        expect(path.state.context.game!.outcome).toBeNull();
      }
    }
  });

  it('the shortest path to each state, replayed through GameRun, reaches the same abstract state', () => {
    // States with the same abstraction are one vertex to the traversal, so the path's end state may
    // be another member of its class: compare the abstraction, not the whole context.
    const shortest = new Map<string, (typeof paths)[number]>();
    for (const path of paths) {
      const value = String(path.state.value);
      if (!shortest.has(value) || path.steps.length < shortest.get(value)!.steps.length) shortest.set(value, path);
    }
    for (const [value, path] of shortest) {
      const run = new GameRun(g);
      for (const step of path.steps) {
        if ((step.event.type as string) === 'xstate.init') continue;
        expect(run.send(step.event), `${value}: ${step.event.type}`).toBe(true);
      }
      expect(run.snapshot.value).toBe(path.state.value);
      expect(abstractState(run.snapshot)).toBe(abstractState(path.state));
      expect(run.snapshot.status).toBe(path.state.status);
      run.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** Events that must be refused in the run's current state. */
function illegalEvents(snapshot: GameSnapshot, legal: GameEvent | null): { why: string; event: GameEvent }[] {
  const state = snapshot.context.game;
  const value = String(snapshot.value);
  const out: { why: string; event: GameEvent }[] = [];
  const add = (why: string, event: GameEvent) => out.push({ why, event });
  const someSetup = hotseat(1);
  if (value !== 'setup') add('START after the start', { type: 'START', setup: someSetup });
  if (value === 'setup') {
    add('START with an unknown side', { type: 'START', setup: { ...someSetup, playerSide: 'eu' } });
    add("START against a persona of the player's own side", {
      type: 'START',
      setup: { seed: 1, playerSide: 'us', opponent: { kind: 'ai', persona: 'us-hawk' } },
    });
    add('START against an unknown persona', {
      type: 'START',
      setup: { seed: 1, playerSide: 'us', opponent: { kind: 'ai', persona: 'nobody' } },
    });
  }
  if (['setup', 'proposal', 'response', 'counter', ...FINAL_STATES].includes(value)) add(`CONTINUE in ${value}`, { type: 'CONTINUE' });
  const record = state?.rounds[state.round];
  const proposer = record?.proposer ?? 'ru';
  const responder = record?.responder ?? 'us';
  const stance = state ? stancePositions(g, state, proposer) : { enlargement: 'moratorium' };
  const proposal = (side: string, positions: Positions): GameEvent => ({
    type: 'PROPOSE',
    proposal: { side, positions, posture: null, tone: 'firm' },
  });
  const respond = (side: string, kind: 'accept' | 'accept-some' | 'reject', tracks?: string[]): GameEvent => ({
    type: 'RESPOND',
    response: { side, kind, ...(tracks ? { tracks } : {}), posture: null, tone: 'firm' },
  });
  if (value !== 'proposal') add(`PROPOSE in ${value}`, proposal(proposer, stance));
  if (value !== 'response') add(`RESPOND in ${value}`, respond(responder, 'reject'));
  if (value !== 'counter') add(`REPLY in ${value}`, { type: 'REPLY', reply: { side: proposer, kind: 'reject' } });
  if (value === 'proposal' && state) {
    add('PROPOSE by the wrong side', proposal(responder, stancePositions(g, state, responder)));
    const [first, ...others] = Object.keys(stance);
    add('PROPOSE with a track missing', proposal(proposer, Object.fromEntries(others.map((id) => [id, stance[id]!]))));
    add('PROPOSE with an unknown track', proposal(proposer, { ...stance, bogus: 'x' }));
    add('PROPOSE with an unknown position', proposal(proposer, { ...stance, [first!]: 'nowhere' }));
    const redLine = g.tracks.find((item) => item.id in stance && (item.redLines[proposer]?.length ?? 0) > 0);
    if (redLine) add('PROPOSE on its own red line', proposal(proposer, { ...stance, [redLine.id]: redLine.redLines[proposer]![0]! }));
    const foreignMove = g.postureMoves.find((move) => move.side !== proposer)!.id;
    add("PROPOSE with the other side's posture move", {
      type: 'PROPOSE',
      proposal: { side: proposer, positions: stance, posture: foreignMove, tone: 'firm' },
    });
  }
  if (value === 'response' && state && record?.proposal) {
    add('RESPOND by the proposer', respond(proposer, 'reject'));
    add('RESPOND accepting no tracks', respond(responder, 'accept-some', []));
    add('RESPOND accepting an unknown track', respond(responder, 'accept-some', ['bogus']));
    const crossing = Object.entries(record.proposal.positions).find(([trackId, positionId]) =>
      g.tracks.find((item) => item.id === trackId)!.redLines[responder]?.includes(positionId),
    );
    if (crossing) {
      add('RESPOND accepting its own red line', respond(responder, 'accept'));
      add('RESPOND accepting some including its own red line', respond(responder, 'accept-some', [crossing[0]]));
    }
    add('RESPOND countering with a malformed package', {
      type: 'RESPOND',
      response: { side: responder, kind: 'counter', counter: { bogus: 'x' }, posture: null, tone: 'firm' },
    });
  }
  if (value === 'counter') {
    add('REPLY by the responder', { type: 'REPLY', reply: { side: responder, kind: 'reject' } });
    add('REPLY accepting an unknown track', { type: 'REPLY', reply: { side: proposer, kind: 'accept-some', tracks: ['bogus'] } });
  }
  // Never refuse what the legal move is.
  return out.filter(({ event }) => JSON.stringify(event) !== JSON.stringify(legal));
}

describe('the machine, explored by hand: legal moves are taken, illegal ones change nothing', () => {
  quietStoppedActorWarnings();

  it('over many seeds, in hot-seat and against every persona', () => {
    const visited = new Set<string>(['setup']);
    const taken = new Set<string>();
    const refusedKinds = new Set<string>();
    let refused = 0;
    const setups: Setup[] = [];
    for (let seed = 0; seed < 60; seed++) {
      setups.push(hotseat(seed, seed % 2 ? 'ru' : 'us'));
      for (const persona of g.personas)
        setups.push({ seed, playerSide: otherSide(g, persona.side), opponent: { kind: 'ai', persona: persona.id } });
    }
    setups.forEach((setup, n) => {
      const run = new GameRun(g);
      const policies = { us: POLICY_NAMES[n % 4]!, ru: POLICY_NAMES[(n >> 2) % 4]! };
      const dice = new Dice(seedState(`explore:${n}`));
      const tryIllegal = (legal: GameEvent | null) => {
        for (const { why, event } of illegalEvents(run.snapshot, legal)) {
          const before = run.snapshot;
          const game = before.context.game;
          const text = refused % 50 === 0 ? JSON.stringify(game) : null;
          expect(run.send(event), `${why} was taken (seed ${String(setup.seed)})`).toBe(false);
          expect(run.snapshot.value, why).toBe(before.value);
          expect(run.snapshot.context.game, why).toBe(game);
          if (text !== null) expect(JSON.stringify(run.snapshot.context.game)).toBe(text);
          refused++;
          refusedKinds.add(`${event.type}`);
        }
      };
      tryIllegal({ type: 'START', setup });
      expect(run.send({ type: 'START', setup })).toBe(true);
      taken.add('START');
      for (let step = 0; step < 200 && !run.isOver; step++) {
        visited.add(String(run.snapshot.value));
        const event = policyEvent(run, policies, dice)!;
        tryIllegal(event);
        expect(run.send(event), `legal ${event.type} refused in ${String(run.snapshot.value)}`).toBe(true);
        taken.add(event.type);
      }
      expect(run.isOver).toBe(true);
      visited.add(String(run.snapshot.value));
      tryIllegal(null);
      run.stop();
    });
    expect([...visited].sort()).toEqual([...ALL_STATES].sort());
    expect([...taken].sort()).toEqual([...EVENT_TYPES].sort());
    expect([...refusedKinds].sort()).toEqual([...EVENT_TYPES].sort());
    expect(refused).toBeGreaterThan(5000);
  });

  it('in AI mode the player cannot move for the AI', () => {
    for (const persona of g.personas) {
      const run = new GameRun(g);
      const playerSide = otherSide(g, persona.side);
      run.send({ type: 'START', setup: { seed: 3, playerSide, opponent: { kind: 'ai', persona: persona.id } } });
      run.send({ type: 'CONTINUE' });
      const state = run.snapshot.context.game!;
      const record = state.rounds[0]!;
      if (record.proposer === persona.side) {
        // The AI has already proposed; the player is to respond, and cannot propose for the AI.
        expect(run.snapshot.value).toBe('response');
        expect(record.proposal?.side).toBe(persona.side);
        expect(
          run.send({
            type: 'PROPOSE',
            proposal: { side: persona.side, positions: stancePositions(g, state, persona.side), posture: null, tone: 'firm' },
          }),
        ).toBe(false);
      } else {
        expect(run.snapshot.value).toBe('proposal');
        expect(run.send({ type: 'RESPOND', response: { side: persona.side, kind: 'reject', posture: null, tone: 'firm' } })).toBe(false);
        expect(
          run.send({
            type: 'PROPOSE',
            proposal: { side: persona.side, positions: stancePositions(g, state, persona.side), posture: null, tone: 'firm' },
          }),
        ).toBe(false);
      }
      run.stop();
    }
  });

  it('GameRun keeps a checksum per event when asked, and only then', () => {
    const withTrail = new GameRun(g, { checksum: stateChecksum });
    const without = new GameRun(g);
    for (const run of [withTrail, without]) {
      run.send({ type: 'START', setup: hotseat(2) });
      run.send({ type: 'PROPOSE', proposal: { side: 'us', positions: {}, posture: null, tone: 'firm' } });
      run.send({ type: 'CONTINUE' });
    }
    expect(withTrail.trail).toHaveLength(3);
    expect(withTrail.trail.every((sum) => /^[0-9a-f]{14}$/.test(sum))).toBe(true);
    // A refused event leaves the state, and so the checksum, as it was.
    expect(withTrail.trail[1]).toBe(withTrail.trail[0]);
    expect(withTrail.trail[2]).not.toBe(withTrail.trail[1]);
    expect(without.trail).toEqual([]);
  });
});
