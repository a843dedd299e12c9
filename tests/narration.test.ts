import { describe, expect, it } from 'vitest';
import type { PolicyName } from '../src/engine/bots/policies.ts';
import { GameRun, type GameSnapshot } from '../src/engine/machine/game-run.ts';
import { phaseOf } from '../src/engine/machine/phase.ts';
import type { Statement } from '../src/engine/rules/state.ts';

import { OUTCOME_KINDS, type Mood } from '../src/engine/scenario/schema.ts';
import {
  meterChangesText,
  moveName,
  narrate,
  newStatements,
  positionsText,
  sideShort,
  spokenStatement,
  statementText,
} from '../src/game/view/narration.ts';
import { bandName, describeRiskChange } from '../src/game/view/risk-view.ts';
import { againstAi, playKeepingStates, quietStoppedActorWarnings, geneva, hotseat } from './helpers.ts';

const scenario = geneva;

// Every mood a statement may have; a Record so the type checker flags a mood added to the schema.
const MOOD_KEYS: Record<Mood, true> = { open: true, accept: true, counter: true, reject: true, walkout: true, warn: true };
const MOODS = Object.keys(MOOD_KEYS) as Mood[];

const EVERY_STATE = ['briefing', 'proposal', 'response', 'counter', 'resolution', 'incident', ...OUTCOME_KINDS] as const;

/** One real snapshot of every state the machine shows, from bot games (played once, on first use). */
let found: Map<string, GameSnapshot[]> | null = null;
function snapshotsByState(): Map<string, GameSnapshot[]> {
  if (found) return found;
  const byState = new Map<string, GameSnapshot[]>();
  const pairs: [PolicyName, PolicyName][] = [
    ['random', 'random'],
    ['greedy', 'greedy'],
    ['random', 'hawk'],
    ['greedy', 'dove'],
    ['greedy', 'random'],
    ['hawk', 'hawk'],
    // Greedy now demands what the other side can accept, so partial deals come from a hawk or tit for tat against random play.
    ['hawk', 'random'],
    ['reciprocal', 'random'],
    ['dove', 'random'],
  ];
  outer: for (const [us, ru] of pairs) {
    for (let seed = 1; seed <= 12; seed++) {
      const played = playKeepingStates(scenario, hotseat(seed), { us, ru });
      played.snapshots.forEach((snapshot, i) => {
        // The ended games are told apart by their outcome, which the narration names.
        const phase = played.phases[i]!;
        const key = phase === 'over' ? played.games[i]!.outcome!.kind : phase;
        const list = byState.get(key) ?? [];
        if (list.length < 4) byState.set(key, [...list, snapshot]);
      });
      if (EVERY_STATE.every((state) => (byState.get(state)?.length ?? 0) >= 1) && (byState.get('incident')?.length ?? 0) >= 2) break outer;
    }
  }
  found = byState;
  return byState;
}

/** Round 1 of Geneva played by hand: Russia proposes, the US counters. */
function scriptedRound(): { proposal: GameSnapshot; response: GameSnapshot; counter: GameSnapshot; briefing: GameSnapshot } {
  const run = new GameRun(scenario);
  run.send({ type: 'START', setup: hotseat(3) });
  const briefing = run.snapshot;
  run.send({ type: 'CONTINUE' });
  const proposal = run.snapshot;
  run.send({
    type: 'PROPOSE',
    proposal: {
      side: 'ru',
      positions: { enlargement: 'moratorium', missiles: 'reciprocal-moratorium', exercises: 'reciprocal-limits' },
      posture: 'mass-troops',
      tone: 'firm',
    },
  });
  const response = run.snapshot;
  run.send({
    type: 'RESPOND',
    response: {
      side: 'us',
      kind: 'counter',
      counter: { enlargement: 'open-door', missiles: 'inf-talks', exercises: 'notification' },
      posture: null,
      tone: 'conciliatory',
    },
  });
  const counter = run.snapshot;
  run.stop();
  const values = [briefing, proposal, response, counter].map(phaseOf);
  if (values.join() !== 'briefing,proposal,response,counter') throw new Error(`unexpected states ${values.join()}`);
  return { briefing, proposal, response, counter };
}

const R = scriptedRound();

describe('sideShort, positionsText, moveName', () => {
  it('uses the short side names and falls back to the id', () => {
    expect(sideShort(scenario, 'us')).toBe('US/NATO');
    expect(sideShort(scenario, 'ru')).toBe('Russia');
    expect(sideShort(scenario, 'eu')).toBe('eu');
  });

  it('names each track and position label in the order given', () => {
    expect(positionsText(scenario, { enlargement: 'moratorium', missiles: 'inf-talks' })).toBe(
      'NATO enlargement: A moratorium of some years; Intermediate-range missiles: INF-type talks',
    );
    expect(positionsText(scenario, { exercises: 'notification' })).toBe('Military exercises: Notification and hotlines');
    expect(positionsText(scenario, {})).toBe('');
  });

  it('falls back to ids for unknown tracks and positions', () => {
    expect(positionsText(scenario, { enlargement: 'no-such-position', arctic: 'patrols' })).toBe(
      'NATO enlargement: no-such-position; arctic: patrols',
    );
  });

  it('names a posture move, says when there is none, and falls back to the id', () => {
    expect(moveName(scenario, 'mass-troops')).toBe('Mass troops');
    expect(moveName(scenario, 'offer-inspections')).toBe('Offer inspections');
    expect(moveName(scenario, null)).toBe('no posture move');
    expect(moveName(scenario, 'invade')).toBe('invade');
  });
});

describe('statementText', () => {
  it('uses the scenario quote, with speaker and date, when the statement names one', () => {
    const quote = scenario.quotes.find((item) => item.id === 'ryabkov-never')!;
    const text = statementText(scenario, { side: 'ru', mood: 'reject', quote: 'ryabkov-never' });
    expect(text).toEqual({ speaker: 'Sergei Ryabkov', text: quote.text, date: quote.date, sourced: true });
    expect(text.text.length).toBeGreaterThan(10);
  });

  it("gives a plain, unsourced line in the negotiator's name when there is no quote", () => {
    expect(statementText(scenario, { side: 'us', mood: 'accept', quote: null })).toEqual({
      speaker: 'Wendy Sherman',
      text: 'We can work with this.',
      date: null,
      sourced: false,
    });
    expect(statementText(scenario, { side: 'ru', mood: 'walkout', quote: null })).toEqual({
      speaker: 'Sergei Ryabkov',
      text: 'There is nothing more to discuss here.',
      date: null,
      sourced: false,
    });
  });

  it('falls back to the plain line when the quote id is not in the scenario, and to the side id for an unknown side', () => {
    const text = statementText(scenario, { side: 'ru', mood: 'warn', quote: 'no-such-quote' });
    expect(text.sourced).toBe(false);
    expect(text.speaker).toBe('Sergei Ryabkov');
    expect(text.text).toBe('If our concerns are ignored, we will draw our own conclusions.');
    expect(statementText(scenario, { side: 'eu', mood: 'open', quote: null }).speaker).toBe('eu');
  });

  it('has a distinct plain line for every mood', () => {
    const lines = MOODS.map((mood) => statementText(scenario, { side: 'us', mood, quote: null }).text);
    for (const line of lines) expect(line.trim().length).toBeGreaterThan(5);
    expect(new Set(lines).size).toBe(MOODS.length);
  });

  describe('on the statements of AI games', () => {
    quietStoppedActorWarnings();
    it('renders every statement the AI made, quoting exactly when it names a quote', () => {
      const statements: Statement[] = [];
      for (const persona of ['ru-hardliner', 'ru-pragmatist', 'us-hawk']) {
        for (const seed of [1, 2]) {
          const setup = againstAi(scenario, persona, seed);
          const played = playKeepingStates(scenario, setup, { [setup.playerSide]: 'random' });
          statements.push(...played.final.rounds.flatMap((record) => record.statements));
        }
      }
      expect(statements.length).toBeGreaterThan(3);
      for (const statement of statements) {
        const text = statementText(scenario, statement);
        const quote = statement.quote ? scenario.quotes.find((item) => item.id === statement.quote) : undefined;
        expect(text.sourced).toBe(quote !== undefined);
        expect(text.text.length).toBeGreaterThan(5);
        if (quote) expect(text.text).toBe(quote.text);
        else expect(text.speaker).toBe(scenario.sides.find((side) => side.id === statement.side)!.negotiator);
      }
    });
  });
});

describe('narrate, scripted round', () => {
  it('asks for the setup before the game starts', () => {
    expect(narrate(scenario, new GameRun(scenario).snapshot)).toBe('Choose your side and your opponent.');
  });

  it('names the round, venue, date, the events and the risk at the briefing', () => {
    expect(narrate(scenario, R.briefing)).toBe(
      'Round 1 of 5: Strategic Stability Dialogue, Geneva: US–Russia Strategic Stability Dialogue, 10 January 2022. ' +
        `Outside the room: Russia publishes its draft treaties: ${scenario.events.find((event) => event.id === 'drafts-published')!.text} Risk 44.0, Crisis.`,
    );
  });

  it('names the proposer and the risk at the proposal', () => {
    expect(narrate(scenario, R.proposal)).toBe('Russia to table a package. Risk 44.0, Crisis.');
  });

  it("lists the proposer's positions, move and tone, and who answers, at the response", () => {
    expect(narrate(scenario, R.response)).toBe(
      'Russia proposes NATO enlargement: A moratorium of some years; Intermediate-range missiles: Verified INF-range moratorium; ' +
        'Military exercises: Reciprocal limits near borders, with Mass troops, in a firm tone. US/NATO to answer.',
    );
  });

  it('lists the counter and hands the decision back to the proposer', () => {
    expect(narrate(scenario, R.counter)).toBe(
      'US/NATO counters with NATO enlargement: Open door reaffirmed; Intermediate-range missiles: INF-type talks; ' +
        'Military exercises: Notification and hotlines, with no posture move, in a conciliatory tone. Russia to accept, accept some or reject.',
    );
  });
});

describe('the statements and standing in words', () => {
  it('speaks a statement as its speaker and words', () => {
    const quote = scenario.quotes.find((item) => item.id === 'ryabkov-never')!;
    expect(spokenStatement(scenario, { side: 'ru', mood: 'reject', quote: 'ryabkov-never' })).toBe(`Sergei Ryabkov: “${quote.text}”`);
  });

  it('finds only the statements made since the last state, and all of a new round', () => {
    const game = R.counter.context.game!;
    const said = { side: 'ru', mood: 'warn' as const, quote: null };
    const record = game.rounds[game.round]!;
    const later = {
      ...game,
      rounds: game.rounds.map((item, i) => (i === game.round ? { ...item, statements: [...record.statements, said] } : item)),
    };
    expect(newStatements(game, later)).toEqual([said]);
    expect(newStatements(later, later)).toEqual([]);
    expect(newStatements(null, later)).toEqual(later.rounds[game.round]!.statements);
    expect(newStatements({ ...later, round: game.round - 1 }, later)).toEqual(later.rounds[game.round]!.statements);
  });

  it('lists every meter that moved, and none that stayed put', () => {
    const text = meterChangesText(scenario, {
      us: { standing: { from: 50, to: 46.2, factors: [] }, leverage: { from: 40, to: 40.3, factors: [] } },
      ru: { leverage: { from: 40, to: 44, factors: [] } },
    });
    expect(text).toBe('US/NATO standing at home 50 → 46; Russia leverage 40 → 44');
  });

  it('gives the standing changes at the end of a round, never at the incident', () => {
    for (const snapshot of snapshotsByState().get('resolution')!) {
      const record = snapshot.context.game!.rounds[snapshot.context.game!.round]!;
      const moved = meterChangesText(scenario, record.meters);
      if (moved) expect(narrate(scenario, snapshot)).toContain(`Standing and leverage: ${moved}.`);
    }
    for (const snapshot of snapshotsByState().get('incident')!) expect(narrate(scenario, snapshot)).not.toContain('Standing and leverage');
  });
});

describe('narrate, every state of real games', () => {
  quietStoppedActorWarnings();

  it('reaches every state the machine shows', () => {
    const byState = snapshotsByState();
    for (const state of EVERY_STATE) expect(byState.get(state)?.length ?? 0, state).toBeGreaterThan(0);
  });

  it('gives a clean sentence for every state', () => {
    for (const [state, snapshots] of snapshotsByState()) {
      for (const snapshot of snapshots) {
        const text = narrate(scenario, snapshot);
        expect(text.length, state).toBeGreaterThan(20);
        expect(text, state).not.toMatch(/undefined|NaN|null|\[object/);
        expect(text, state).toMatch(/[.!]$/);
      }
    }
  });

  it('names the round, venue and date, and every event that fired, at each briefing', () => {
    for (const snapshot of snapshotsByState().get('briefing')!) {
      const game = snapshot.context.game!;
      const round = scenario.rounds[game.round]!;
      const text = narrate(scenario, snapshot);
      expect(text.startsWith(`Round ${game.round + 1} of ${scenario.rounds.length}: ${round.title}, ${round.venue}, ${round.date}.`)).toBe(
        true,
      );
      for (const id of game.rounds[game.round]!.events) {
        const event = scenario.events.find((item) => item.id === id)!;
        expect(text).toContain(`${event.name}: ${event.text}`);
      }
    }
  });

  it("names every position of the proposer's package at each response", () => {
    for (const snapshot of snapshotsByState().get('response')!) {
      const game = snapshot.context.game!;
      const proposal = game.rounds[game.round]!.proposal!;
      const text = narrate(scenario, snapshot);
      expect(text.startsWith(`${sideShort(scenario, proposal.side)} proposes `)).toBe(true);
      for (const [trackId, positionId] of Object.entries(proposal.positions)) {
        const track = scenario.tracks.find((item) => item.id === trackId)!;
        expect(text).toContain(`${track.name}: ${track.positions.find((position) => position.id === positionId)!.label}`);
      }
      expect(text).toContain(`in a ${proposal.tone} tone`);
    }
  });

  it('names the countered positions at each counter', () => {
    for (const snapshot of snapshotsByState().get('counter')!) {
      const game = snapshot.context.game!;
      const record = game.rounds[game.round]!;
      const text = narrate(scenario, snapshot);
      expect(text).toContain(
        `${sideShort(scenario, record.responder)} counters with ${positionsText(scenario, record.response!.counter!)}, with ${moveName(scenario, record.response!.posture)}, in a ${record.response!.tone} tone.`,
      );
      expect(text.endsWith(`${sideShort(scenario, record.proposer)} to accept, accept some or reject.`)).toBe(true);
    }
  });

  it('describes the risk change of the round at each resolution, with how many tracks were agreed', () => {
    for (const snapshot of snapshotsByState().get('resolution')!) {
      const game = snapshot.context.game!;
      const record = game.rounds[game.round]!;
      const change = record.riskChanges.at(-1)!;
      expect(change.stage).toBe('resolution');
      const text = narrate(scenario, snapshot);
      expect(text).toContain(describeRiskChange(scenario, change));
      expect(text).toMatch(/rose|fell|held/);
      const agreed = Object.keys(record.agreed).length;
      expect(text.startsWith(`Round ${game.round + 1} ends ${agreed === 0 ? 'with no agreement' : `with ${agreed} track`}`)).toBe(true);
    }
  });

  it('reports the incident and its risk change', () => {
    for (const snapshot of snapshotsByState().get('incident')!) {
      const game = snapshot.context.game!;
      const change = game.rounds[game.round]!.riskChanges.at(-1)!;
      expect(change.stage).toBe('incident');
      const text = narrate(scenario, snapshot);
      expect(text.startsWith('A military incident near the contact line. ')).toBe(true);
      expect(text).toContain(describeRiskChange(scenario, change));
    }
  });

  it('names the outcome, its reason and the final risk in every end state', () => {
    const words: Record<string, string> = {
      agreement: 'agreement',
      'partial-deal': 'partial deal',
      stalemate: 'stalemate',
      walkout: 'walkout',
      war: 'war',
    };
    for (const kind of OUTCOME_KINDS) {
      for (const snapshot of snapshotsByState().get(kind)!) {
        const game = snapshot.context.game!;
        expect(game.outcome!.kind).toBe(kind);
        const text = narrate(scenario, snapshot);
        expect(text.startsWith(`The game is over: ${words[kind]}. `)).toBe(true);
        expect(text).toContain(game.outcome!.reason);
        expect(text.endsWith(`Risk ${game.risk.toFixed(1)}, ${bandName(scenario, game.risk)}.`)).toBe(true);
      }
    }
  });
});
