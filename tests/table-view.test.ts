import { describe, expect, it } from 'vitest';
import { GameRun, type GameSnapshot } from '../src/engine/machine/game-run.ts';
import type { GameState, Positions } from '../src/engine/rules/state.ts';

import {
  acceptableTracks,
  canAcceptAll,
  modeNarration,
  redLinesShown,
  rungMarks,
  startingPackage,
  tableStage,
  tableView,
  unitOf,
  type TableView,
} from '../src/game/view/table-view.ts';
import { playKeepingStates, quietStoppedActorWarnings, geneva, genevaWith } from './helpers.ts';

const scenario = geneva;

// Russia opens round 1 with two of the US red lines in its package; the US counters with one of
// Russia's; Russia takes the one track it can (exercises). Round 2 is then the US's to open.
const RU_PROPOSAL: Positions = { enlargement: 'binding-no', missiles: 'no-us-missiles-nukes', exercises: 'reciprocal-limits' };
const US_COUNTER: Positions = { enlargement: 'open-door', missiles: 'inf-talks', exercises: 'notification' };

interface Scripted {
  briefing: GameSnapshot;
  proposal: GameSnapshot;
  response: GameSnapshot;
  counter: GameSnapshot;
  resolution: GameSnapshot;
  secondProposal: GameSnapshot;
}

function scripted(seed = 3): Scripted {
  const run = new GameRun(scenario);
  const step = (event: Parameters<GameRun['send']>[0], expected: string): GameSnapshot => {
    if (!run.send(event)) throw new Error(`refused ${event.type}`);
    if (String(run.snapshot.value) !== expected) throw new Error(`expected ${expected}, reached ${String(run.snapshot.value)}`);
    return run.snapshot;
  };
  const briefing = step({ type: 'START', setup: { seed, playerSide: 'us', opponent: { kind: 'hotseat' } } }, 'briefing');
  const proposal = step({ type: 'CONTINUE' }, 'proposal');
  const response = step(
    { type: 'PROPOSE', proposal: { side: 'ru', positions: RU_PROPOSAL, posture: 'mass-troops', tone: 'firm' } },
    'response',
  );
  const counter = step(
    { type: 'RESPOND', response: { side: 'us', kind: 'counter', counter: US_COUNTER, posture: null, tone: 'conciliatory' } },
    'counter',
  );
  const resolution = step({ type: 'REPLY', reply: { side: 'ru', kind: 'accept-some', tracks: ['exercises'] } }, 'resolution');
  // An incident may be rolled at the end of round 1; pass through it to the next briefing.
  run.send({ type: 'CONTINUE' });
  if (String(run.snapshot.value) === 'incident') run.send({ type: 'CONTINUE' });
  if (String(run.snapshot.value) !== 'briefing') throw new Error(`round 2 did not open: ${String(run.snapshot.value)}`);
  const secondProposal = step({ type: 'CONTINUE' }, 'proposal');
  run.stop();
  return { briefing, proposal, response, counter, resolution, secondProposal };
}

const game = (snapshot: GameSnapshot): GameState => snapshot.context.game!;
const track = (view: TableView, id: string) => view.tracks.find((row) => row.id === id)!;
const flagged = (view: TableView, id: string, flag: 'ownRedLine' | 'otherRedLine' | 'statusQuo') =>
  track(view, id)
    .positions.filter((cell) => cell[flag])
    .map((cell) => cell.id);

const S = scripted();

describe('tableStage', () => {
  it('names the three table stages and is null for every other state', () => {
    expect(tableStage(S.proposal)).toBe('proposal');
    expect(tableStage(S.response)).toBe('response');
    expect(tableStage(S.counter)).toBe('counter');
    expect(tableStage(S.briefing)).toBeNull();
    expect(tableStage(S.resolution)).toBeNull();
    expect(tableStage(new GameRun(scenario).snapshot)).toBeNull();
  });

  describe('over whole games', () => {
    quietStoppedActorWarnings();
    it('agrees with the machine state in every snapshot of bot games', () => {
      const table = new Set(['proposal', 'response', 'counter']);
      for (const seed of [1, 2, 3]) {
        const played = playKeepingStates(
          scenario,
          { seed, playerSide: 'us', opponent: { kind: 'hotseat' } },
          { us: 'random', ru: 'random' },
        );
        played.snapshots.forEach((snapshot, i) => {
          const phase = played.phases[i]!;
          expect(tableStage(snapshot)).toBe(table.has(phase) ? phase : null);
        });
      }
    });
  });
});

describe('tableView at the proposal stage', () => {
  const view = tableView(scenario, game(S.proposal), 'proposal');

  it('shows round, venue and date of the round being played', () => {
    expect(view.stage).toBe('proposal');
    expect(view.round).toBe(0);
    expect(view.roundCount).toBe(5);
    expect(view.title).toBe('Strategic Stability Dialogue');
    expect(view.venue).toBe('Geneva: US–Russia Strategic Stability Dialogue');
    expect(view.date).toBe('10 January 2022');
  });

  it('makes the proposer (Russia in round 1) the acting side', () => {
    expect(view.acting).toBe('ru');
    expect(view.other).toBe('us');
    expect(view.tabledBy).toBeNull();
  });

  it("offers the acting side's posture moves only", () => {
    expect(view.moves.map((move) => move.id)).toEqual([
      'mass-troops',
      'snap-exercise',
      'military-technical-threat',
      'pull-units-back',
      'offer-transparency',
    ]);
    expect(view.moves.every((move) => move.side === 'ru')).toBe(true);
  });

  it("flags the acting side's red lines as own and the other side's as other", () => {
    expect(flagged(view, 'enlargement', 'ownRedLine')).toEqual(['open-door']);
    expect(flagged(view, 'enlargement', 'otherRedLine')).toEqual(['binding-no', 'rollback-1997']);
    expect(flagged(view, 'missiles', 'ownRedLine')).toEqual(['no-limits']);
    expect(flagged(view, 'missiles', 'otherRedLine')).toEqual(['no-us-missiles-nukes']);
    expect(flagged(view, 'exercises', 'ownRedLine')).toEqual([]);
    expect(flagged(view, 'exercises', 'otherRedLine')).toEqual(['no-nato-activity']);
  });

  it('marks exactly the status quo on each track and keeps ladder order, labels and indexes', () => {
    expect(flagged(view, 'enlargement', 'statusQuo')).toEqual(['open-door']);
    expect(flagged(view, 'missiles', 'statusQuo')).toEqual(['no-limits']);
    expect(flagged(view, 'exercises', 'statusQuo')).toEqual(['no-new-limits']);
    for (const row of view.tracks) {
      const source = scenario.tracks.find((item) => item.id === row.id)!;
      expect(row.name).toBe(source.name);
      expect(row.positions.map((cell) => [cell.index, cell.id, cell.label])).toEqual(
        source.positions.map((position, index) => [index, position.id, position.label]),
      );
    }
    expect(view.tracks.map((row) => row.id)).toEqual(['enlargement', 'missiles', 'exercises']);
  });

  it('reads the opening stances: Russia at its end of the ladders, the US at its own', () => {
    expect(view.tracks.map((row) => [row.id, row.ownStance, row.otherStance])).toEqual([
      ['enlargement', 5, 0],
      ['missiles', 4, 0],
      ['exercises', 4, 0],
    ]);
  });

  it('has nothing on the table and nothing agreed yet', () => {
    expect(view.tracks.every((row) => row.onTable === null && row.agreed === null)).toBe(true);
    expect(acceptableTracks(view)).toEqual([]);
    expect(view.tracks.filter((row) => row.agreed === null).length).toBe(3);
  });

  it("starts the package from the acting side's stance on every track", () => {
    expect(startingPackage(view)).toEqual({
      enlargement: 'rollback-1997',
      missiles: 'no-us-missiles-nukes',
      exercises: 'no-nato-activity',
    });
  });
});

describe('tableView at the response stage', () => {
  const state = game(S.response);
  const view = tableView(scenario, state, 'response');

  it('makes the responder (the US) the acting side and Russia the tabling side', () => {
    expect(view.acting).toBe('us');
    expect(view.other).toBe('ru');
    expect(view.tabledBy).toBe('ru');
    expect(view.moves.every((move) => move.side === 'us')).toBe(true);
    expect(view.moves.map((move) => move.id)).toContain('reinforce-flank');
  });

  it("swaps the red-line flags to the US's point of view", () => {
    expect(flagged(view, 'enlargement', 'ownRedLine')).toEqual(['binding-no', 'rollback-1997']);
    expect(flagged(view, 'enlargement', 'otherRedLine')).toEqual(['open-door']);
    expect(flagged(view, 'exercises', 'ownRedLine')).toEqual(['no-nato-activity']);
    expect(flagged(view, 'exercises', 'otherRedLine')).toEqual([]);
  });

  it('puts the proposal on the table', () => {
    expect(Object.fromEntries(view.tracks.map((row) => [row.id, row.onTable]))).toEqual(RU_PROPOSAL);
  });

  it('reads each side its own stance (the proposer has moved to what it proposed)', () => {
    expect(view.tracks.map((row) => [row.id, row.ownStance, row.otherStance])).toEqual([
      ['enlargement', 0, 4],
      ['missiles', 0, 4],
      ['exercises', 0, 3],
    ]);
    for (const row of view.tracks) {
      expect(row.ownStance).toBe(state.sides.us!.stance[row.id]);
      expect(row.otherStance).toBe(state.sides.ru!.stance[row.id]);
    }
  });

  it('lets the US accept only the tracks that are not its red lines', () => {
    expect(acceptableTracks(view)).toEqual(['exercises']);
  });

  it("starts a counter from the US's own demands", () => {
    expect(startingPackage(view)).toEqual({ enlargement: 'open-door', missiles: 'no-limits', exercises: 'no-new-limits' });
  });
});

describe('tableView at the counter stage', () => {
  const view = tableView(scenario, game(S.counter), 'counter');

  it('hands the decision back to the proposer and puts the counter on the table', () => {
    expect(view.acting).toBe('ru');
    expect(view.other).toBe('us');
    expect(view.tabledBy).toBe('us');
    expect(Object.fromEntries(view.tracks.map((row) => [row.id, row.onTable]))).toEqual(US_COUNTER);
  });

  it("excludes the track whose countered position is Russia's red line", () => {
    expect(acceptableTracks(view)).toEqual(['missiles', 'exercises']);
  });

  it('shows the stances the counter moved the US to', () => {
    expect(view.tracks.map((row) => [row.id, row.ownStance, row.otherStance])).toEqual([
      ['enlargement', 4, 0],
      ['missiles', 4, 1],
      ['exercises', 3, 1],
    ]);
  });

  it('shows the counter, not the original proposal, even at the same round', () => {
    const atResponse = tableView(scenario, game(S.counter), 'response');
    expect(Object.fromEntries(atResponse.tracks.map((row) => [row.id, row.onTable]))).toEqual(RU_PROPOSAL);
    expect(atResponse.tabledBy).toBe('ru');
  });
});

describe('tableView after a track is agreed', () => {
  const state = game(S.secondProposal);
  const view = tableView(scenario, state, 'proposal');

  it('opens round 2 with the US as proposer', () => {
    expect(view.round).toBe(1);
    expect(view.title).toBe('NATO–Russia Council');
    expect(view.acting).toBe('us');
    expect(view.other).toBe('ru');
  });

  it('carries the agreed position label and the round of agreement', () => {
    expect(state.agreed).toEqual({ exercises: { position: 'notification', round: 0 } });
    expect(track(view, 'exercises').agreed).toEqual({ label: 'Notification and hotlines', round: 0 });
    expect(track(view, 'enlargement').agreed).toBeNull();
    expect(track(view, 'missiles').agreed).toBeNull();
  });

  it('counts and packages only the open tracks', () => {
    expect(view.tracks.filter((row) => row.agreed === null).length).toBe(2);
    const start = startingPackage(view);
    expect(Object.keys(start).sort()).toEqual(['enlargement', 'missiles']);
    for (const [trackId, positionId] of Object.entries(start)) {
      const row = track(view, trackId);
      expect(positionId).toBe(row.positions[row.ownStance]!.id);
    }
  });

  it('is accepted by the machine as a legal proposal when tabled unchanged', () => {
    const run = new GameRun(scenario);
    run.send({ type: 'START', setup: { seed: 3, playerSide: 'us', opponent: { kind: 'hotseat' } } });
    run.send({ type: 'CONTINUE' });
    const opening = tableView(scenario, game(run.snapshot), 'proposal');
    const taken = run.send({
      type: 'PROPOSE',
      proposal: { side: opening.acting, positions: startingPackage(opening), posture: null, tone: 'firm' },
    });
    run.stop();
    expect(taken).toBe(true);
  });
});

describe('acceptableTracks against the rules', () => {
  quietStoppedActorWarnings();
  it('never lists a red line of the acting side and lists every other track on the table, in bot games', () => {
    let checked = 0;
    for (const seed of [1, 2, 4, 5, 6]) {
      const played = playKeepingStates(scenario, { seed, playerSide: 'us', opponent: { kind: 'hotseat' } }, { us: 'random', ru: 'random' });
      played.snapshots.forEach((snapshot) => {
        const stage = tableStage(snapshot);
        if (stage !== 'response' && stage !== 'counter') return;
        const view = tableView(scenario, game(snapshot), stage);
        const onTable = view.tracks.filter((row) => row.onTable !== null);
        const expected = onTable
          .filter((row) => {
            const source = scenario.tracks.find((item) => item.id === row.id)!;
            return !(source.redLines[view.acting] ?? []).includes(row.onTable!);
          })
          .map((row) => row.id);
        expect(acceptableTracks(view)).toEqual(expected);
        expect(onTable.length).toBe(view.tracks.filter((row) => row.agreed === null).length);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('tableView with linked tracks', () => {
  const linked = genevaWith((doc) => {
    doc.linkage = [{ id: 'arms', tracks: ['missiles', 'exercises'], text: 'Arms control comes as one package.' }];
  });
  const state = game(S.response);

  it('offers linked tracks as one choice, and none of a group that holds a red line', () => {
    const view = tableView(linked, state, 'response');
    // Russia's package crosses the US red line on exercises, so missiles cannot be taken either.
    expect(acceptableTracks(view)).toEqual([]);
    expect(view.tracks.find((row) => row.id === 'missiles')!.links).toEqual([
      { tracks: ['Military exercises'], text: 'Arms control comes as one package.' },
    ]);
    expect(view.tracks.find((row) => row.id === 'enlargement')!.links).toEqual([]);
  });

  it('ticks a linked group whole', () => {
    const counter = tableView(linked, game(S.counter), 'counter');
    expect(unitOf(counter, 'missiles').sort()).toEqual(['exercises', 'missiles']);
    expect(unitOf(counter, 'enlargement')).toEqual(['enlargement']);
  });
});

describe('rungMarks', () => {
  const shortName = (id: string) => scenario.sides.find((side) => side.id === id)!.shortName;
  /** Every mark of every rung, as [track, position, mark]. */
  const allMarks = (view: TableView) =>
    view.tracks.flatMap((row) => row.positions.flatMap((cell) => rungMarks(view, row, cell.index).map((mark) => [row.id, cell.id, mark])));

  it('names the side of every demand and every red line, whoever is acting and for an onlooker', () => {
    const views = [
      tableView(scenario, game(S.proposal), 'proposal'),
      tableView(scenario, game(S.response), 'response'),
      tableView(scenario, game(S.counter), 'counter'),
      tableView(scenario, game(S.proposal), 'proposal', { onlooker: true }),
    ];
    for (const view of views) {
      for (const [, , mark] of allMarks(view)) {
        if (/demands|red line/.test(mark!)) expect(mark).toMatch(/^. (US\/NATO|Russia) (demands|red line)$/);
      }
    }
  });

  it("marks each side's red lines and demands where the scenario and the game put them, not the acting side's", () => {
    for (const snapshot of [S.proposal, S.response, S.counter]) {
      const stage = tableStage(snapshot)!;
      const view = tableView(scenario, game(snapshot), stage);
      for (const row of view.tracks) {
        const source = scenario.tracks.find((item) => item.id === row.id)!;
        row.positions.forEach((cell) => {
          const marks = rungMarks(view, row, cell.index);
          for (const side of ['us', 'ru']) {
            const name = shortName(side);
            expect(marks.some((mark) => mark.endsWith(`${name} red line`))).toBe(source.redLines[side]!.includes(cell.id));
            expect(marks.some((mark) => mark.endsWith(`${name} demands`))).toBe(game(snapshot).sides[side]!.stance[row.id] === cell.index);
          }
        });
      }
    }
  });

  it('in round 1, with Russia tabling, puts Russia (not the US) on its full draft and the US red line on it', () => {
    // The replay viewer once labelled these from the player's side: "US/NATO demands" on Russia's draft.
    const view = tableView(scenario, game(S.proposal), 'proposal', { onlooker: true });
    const enlargement = track(view, 'enlargement');
    const rollback = enlargement.positions.find((cell) => cell.id === 'rollback-1997')!;
    const openDoor = enlargement.positions.find((cell) => cell.id === 'open-door')!;
    expect(rungMarks(view, enlargement, rollback.index)).toEqual(['● Russia demands', '✕ US/NATO red line']);
    expect(rungMarks(view, enlargement, openDoor.index)).toEqual(['▲ US/NATO demands', '⊘ Russia red line', 'status quo']);
  });

  it('marks what is on the table', () => {
    const view = tableView(scenario, game(S.response), 'response');
    const enlargement = track(view, 'enlargement');
    const tabled = enlargement.positions.find((cell) => cell.id === RU_PROPOSAL.enlargement)!;
    expect(rungMarks(view, enlargement, tabled.index)).toContain('◆ on the table');
  });
});

describe('private red lines', () => {
  const secret = genevaWith((doc) => {
    doc.privateRedLines = true;
  });

  it('is off by default: every viewer sees both sides', () => {
    expect(scenario.privateRedLines).toBe(false);
    expect(redLinesShown(scenario, 'us')).toEqual(['us', 'ru']);
    expect(redLinesShown(scenario, 'ru')).toEqual(['us', 'ru']);
    expect(redLinesShown(scenario, null)).toEqual(['us', 'ru']);
  });

  it('shows a side its own red lines only, and an onlooker both', () => {
    expect(redLinesShown(secret, 'us')).toEqual(['us']);
    expect(redLinesShown(secret, 'ru')).toEqual(['ru']);
    expect(redLinesShown(secret, null)).toEqual(['us', 'ru']);
  });

  it("keeps the other side's red lines off the table, whoever acts, and says whose are private", () => {
    for (const snapshot of [S.proposal, S.response, S.counter]) {
      const stage = tableStage(snapshot)!;
      const view = tableView(secret, game(snapshot), stage);
      const open = tableView(scenario, game(snapshot), stage);
      expect(view.tracks.flatMap((row) => row.positions.filter((cell) => cell.otherRedLine))).toEqual([]);
      // The acting side's own red lines, and what it may accept, do not change.
      expect(view.tracks.map((row) => flagged(view, row.id, 'ownRedLine'))).toEqual(
        open.tracks.map((row) => flagged(open, row.id, 'ownRedLine')),
      );
      expect(acceptableTracks(view)).toEqual(acceptableTracks(open));
      expect(view.privateRedLines).toBe(view.otherName);
      expect(open.privateRedLines).toBeNull();
      const marks = view.tracks.flatMap((row) => row.positions.flatMap((cell) => rungMarks(view, row, cell.index)));
      expect(marks.filter((mark) => mark.endsWith(`${view.otherName} red line`))).toEqual([]);
    }
  });

  it('shows both sides to an onlooker (the replay viewer)', () => {
    const view = tableView(secret, game(S.proposal), 'proposal', { onlooker: true });
    expect(view.privateRedLines).toBeNull();
    expect(flagged(view, 'enlargement', 'otherRedLine')).toEqual(['binding-no', 'rollback-1997']);
  });
});

describe('modeNarration', () => {
  const response = tableView(scenario, game(S.response), 'response');
  const counter = tableView(scenario, game(S.counter), 'counter');

  it('tells the keys of each mode in plain words', () => {
    expect(modeNarration(scenario, response, 'counter')).toMatch(/^Counter-proposal: .*Enter sends it; Escape cancels\.$/);
    expect(modeNarration(scenario, response, 'accept-some')).toBe(
      'Accept some: tick the tracks you accept (you may accept Military exercises; linked tracks go together). Enter accepts them; Escape cancels.',
    );
    expect(modeNarration(scenario, counter, 'reply-some')).toContain('you may accept Intermediate-range missiles, Military exercises;');
  });

  it("gives the walk-out's cost in risk from the scenario", () => {
    expect(modeNarration(scenario, response, 'confirm-walkout')).toBe(
      `Walk out? Walking out ends the talks at once and raises the risk by ${scenario.escalation.walkoutRisk}. Enter walks out; Escape stays at the table.`,
    );
  });

  it('lists, on cancelling, only the answers the player may give', () => {
    // Russia's package crosses US red lines: no "accept all" for the US.
    expect(canAcceptAll(response)).toBe(false);
    expect(modeNarration(scenario, response, 'answer')).toBe('Back to your answer: accept some, counter, reject or walk out.');
    expect(modeNarration(scenario, counter, 'reply')).toBe('Back to your reply: accept some or reject.');
  });
});
