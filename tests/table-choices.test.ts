import { describe, expect, it } from 'vitest';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { phaseOf } from '../src/engine/machine/phase.ts';
import type { Positions } from '../src/engine/rules/state.ts';
import {
  cancelMode,
  choicesFor,
  openingChoices,
  primaryAction,
  tableEvent,
  withMode,
  withPosition,
  withPosture,
  withTicked,
  withTone,
  type TableAction,
  type TableChoices,
} from '../src/game/view/table-choices.ts';
import { acceptableTracks, startingPackage, tableStage, tableView, type TableView } from '../src/game/view/table-view.ts';
import { geneva, genevaWith } from './helpers.ts';

const scenario = geneva;
const RU_PROPOSAL: Positions = { enlargement: 'binding-no', missiles: 'no-us-missiles-nukes', exercises: 'reciprocal-limits' };
const US_COUNTER: Positions = { enlargement: 'open-door', missiles: 'inf-talks', exercises: 'notification' };
const ACTIONS: TableAction[] = ['propose', 'accept', 'accept-some', 'counter', 'reject', 'walkout'];

/** A hot-seat game at its first table turn, and the view and opening choices of the turn it is at. */
function atTable(): { run: GameRun; view: () => TableView; opening: () => TableChoices } {
  const run = new GameRun(scenario);
  run.send({ type: 'START', setup: { seed: 3, playerSide: 'us', opponent: { kind: 'hotseat' } } });
  run.send({ type: 'CONTINUE' });
  const view = () => tableView(scenario, run.snapshot.context.game!, tableStage(run.snapshot)!);
  return { run, view, opening: () => openingChoices(view(), phaseOf(run.snapshot)) };
}

/** Plays the choices' event for an action and says whether the machine took it. */
function play(run: GameRun, view: TableView, choices: TableChoices, action: TableAction): boolean {
  const event = tableEvent(view, choices, action);
  if (!event) throw new Error(`no event for ${action} in ${choices.mode}`);
  return run.send(event);
}

const positionsOf = (choices: TableChoices, positions: Positions) =>
  Object.entries(positions).reduce((next, [track, position]) => withPosition(next, track, position), choices);

describe('a proposal', () => {
  it('starts from the side’s own demands, with no posture move, in a firm tone', () => {
    const { view, opening } = atTable();
    expect(opening()).toMatchObject({ mode: 'propose', positions: startingPackage(view()), posture: null, tone: 'firm' });
  });

  it('becomes the PROPOSE event the machine takes, with every choice in it', () => {
    const { run, view, opening } = atTable();
    const choices = withTone(withPosture(positionsOf(opening(), RU_PROPOSAL), 'mass-troops'), 'belligerent');
    expect(tableEvent(view(), choices, 'propose')).toEqual({
      type: 'PROPOSE',
      proposal: { side: 'ru', positions: RU_PROPOSAL, posture: 'mass-troops', tone: 'belligerent' },
    });
    expect(play(run, view(), choices, 'propose')).toBe(true);
    expect(phaseOf(run.snapshot)).toBe('response');
  });

  it('opens no other mode and takes no answer’s action', () => {
    const { view, opening } = atTable();
    for (const mode of ['answer', 'accept-some', 'counter', 'confirm-walkout', 'reply', 'reply-some'] as const)
      expect(withMode(opening(), mode)).toBeNull();
    for (const action of ACTIONS.filter((item) => item !== 'propose')) expect(tableEvent(view(), opening(), action)).toBeNull();
    expect(cancelMode(opening())).toBeNull();
  });
});

describe('an answer', () => {
  const answering = () => {
    const table = atTable();
    play(table.run, table.view(), positionsOf(table.opening(), RU_PROPOSAL), 'propose');
    return table;
  };

  it('opens its choices and comes back from each, and no reply’s', () => {
    const { opening } = answering();
    expect(opening().mode).toBe('answer');
    for (const mode of ['accept-some', 'counter', 'confirm-walkout'] as const) {
      const opened = withMode(opening(), mode)!;
      expect(opened.mode).toBe(mode);
      expect(cancelMode(opened)).toBe('answer');
      expect(withMode(opened, 'answer')!.mode).toBe('answer');
    }
    expect(withMode(opening(), 'reply-some')).toBeNull();
    expect(cancelMode(opening())).toBeNull();
  });

  it('cannot accept a package that crosses its red lines, and starts with what it may accept ticked', () => {
    const { view, opening } = answering();
    expect(view().mayAcceptAll).toBe(false);
    expect(tableEvent(view(), opening(), 'accept')).toBeNull();
    expect(opening().ticked).toEqual(acceptableTracks(view()));
  });

  it('counters with the positions chosen, the posture and tone going with the answer', () => {
    const { run, view, opening } = answering();
    const countering = withTone(positionsOf(withMode(opening(), 'counter')!, US_COUNTER), 'conciliatory');
    expect(tableEvent(view(), opening(), 'counter')).toBeNull();
    expect(tableEvent(view(), countering, 'counter')).toEqual({
      type: 'RESPOND',
      response: { side: 'us', posture: null, tone: 'conciliatory', kind: 'counter', counter: US_COUNTER },
    });
    expect(play(run, view(), countering, 'counter')).toBe(true);
    expect(phaseOf(run.snapshot)).toBe('counter');
  });

  it('walks out only once confirmed, and rejects only from the answer itself', () => {
    const { run, view, opening } = answering();
    expect(tableEvent(view(), opening(), 'walkout')).toBeNull();
    expect(tableEvent(view(), withMode(opening(), 'counter')!, 'reject')).toBeNull();
    expect(tableEvent(view(), opening(), 'reject')).toMatchObject({ type: 'RESPOND', response: { kind: 'reject' } });
    expect(play(run, view(), withMode(opening(), 'confirm-walkout')!, 'walkout')).toBe(true);
    expect(run.snapshot.context.game!.outcome?.kind).toBe('walkout');
  });
});

describe('a reply to a counter-proposal', () => {
  const replying = () => {
    const table = atTable();
    play(table.run, table.view(), positionsOf(table.opening(), RU_PROPOSAL), 'propose');
    play(table.run, table.view(), positionsOf(withMode(table.opening(), 'counter')!, US_COUNTER), 'counter');
    return table;
  };

  it('accepts the tracks left ticked, and nothing when none is', () => {
    const { run, view, opening } = replying();
    const some = withMode(opening(), 'reply-some')!;
    expect(cancelMode(some)).toBe('reply');
    const onlyExercises = some.ticked.filter((id) => id !== 'exercises').reduce((next, id) => withTicked(next, view(), id, false), some);
    const none = withTicked(onlyExercises, view(), 'exercises', false);
    expect(none.ticked).toEqual([]);
    expect(tableEvent(view(), none, 'accept-some')).toBeNull();
    expect(tableEvent(view(), onlyExercises, 'accept-some')).toEqual({
      type: 'REPLY',
      reply: { side: 'ru', kind: 'accept-some', tracks: ['exercises'] },
    });
    expect(play(run, view(), onlyExercises, 'accept-some')).toBe(true);
    expect(phaseOf(run.snapshot)).toBe('resolution');
  });
});

describe('ticking linked tracks', () => {
  const linked = genevaWith((doc) => {
    doc.linkage = [{ id: 'arms', tracks: ['missiles', 'exercises'], text: 'Arms control comes as one package.' }];
  });

  it('ticks and unticks a linked group whole, keeping the order of the rest', () => {
    const { run, view } = atTable();
    play(run, view(), positionsOf(openingChoices(view(), ''), RU_PROPOSAL), 'propose');
    play(run, view(), positionsOf(withMode(openingChoices(view(), ''), 'counter')!, US_COUNTER), 'counter');
    const linkedView = tableView(linked, run.snapshot.context.game!, 'counter');
    const some = withMode(openingChoices(linkedView, ''), 'reply-some')!;
    const unticked = withTicked(some, linkedView, 'missiles', false);
    expect(unticked.ticked).not.toContain('missiles');
    expect(unticked.ticked).not.toContain('exercises');
    const again = withTicked(unticked, linkedView, 'exercises', true);
    expect([...again.ticked].sort()).toEqual([...some.ticked].sort());
    expect(withTicked(again, linkedView, 'missiles', true)).toEqual(again);
  });
});

describe('choices kept for a turn', () => {
  it('are taken back on the same turn only', () => {
    const { view, opening } = atTable();
    const made = withPosture(opening(), 'mass-troops');
    expect(choicesFor(made, view(), made.turn)).toBe(made);
    expect(choicesFor(made, view(), 'another turn')).toEqual(openingChoices(view(), 'another turn'));
    expect(choicesFor(null, view(), made.turn)).toEqual(opening());
  });
});

describe('the primary action', () => {
  it('is the mode’s own move, and none where the player must choose among several', () => {
    expect(primaryAction('propose')).toBe('propose');
    expect(primaryAction('counter')).toBe('counter');
    expect(primaryAction('accept-some')).toBe('accept-some');
    expect(primaryAction('reply-some')).toBe('accept-some');
    expect(primaryAction('confirm-walkout')).toBe('walkout');
    expect(primaryAction('answer')).toBeNull();
    expect(primaryAction('reply')).toBeNull();
  });
});
