import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glossaryOf } from '../src/engine/glossary.ts';
import { GameRun } from '../src/engine/machine/game-run.ts';
import type { GameState, Setup } from '../src/engine/rules/state.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import { GUIDE_KEY, GuideMemory, readSeen } from '../src/game/play/guide/guide-memory.ts';
import { endPart, freshProgress, planGuide, type GuideAt, type GuideProgress } from '../src/game/play/guide/guide-plan.ts';
import { intersect, placeMark, type Box } from '../src/game/play/guide/placement.ts';
import { briefingSteps, followUpSteps, tableSteps, type GuideStep } from '../src/game/view/guide-steps.ts';
import type { TableStage } from '../src/game/view/table-view.ts';
import { geneva, genevaWith, mustLoad } from './helpers.ts';

const inf = mustLoad(readFileSync(new URL('../scenarios/inf-1987.json', import.meta.url), 'utf8'));
const STAGES: TableStage[] = ['proposal', 'response', 'counter'];

function firstBriefing(scenario: Scenario, setup: Omit<Setup, 'seed'>): GameState {
  const run = new GameRun(scenario);
  if (!run.send({ type: 'START', setup: { seed: 1, ...setup } })) throw new Error('refused');
  return run.snapshot.context.game!;
}

const hotseat = (scenario: Scenario) => firstBriefing(scenario, { playerSide: scenario.sides[0]!.id, opponent: { kind: 'hotseat' } });
const sidesOf = (scenario: Scenario) => ({ acting: scenario.sides[0]!.id, other: scenario.sides[1]!.id });
const ids = (steps: GuideStep[]) => steps.map((step) => step.id);
const sentences = (step: GuideStep) =>
  step.text
    .join(' ')
    .split(/[.!?](?=\s|$)/)
    .filter((part) => part.trim().length > 0).length;

describe('the steps of the guide', () => {
  it('walks the briefing: what it is, red lines, the map, the rounds, then the way to the table', () => {
    const game = hotseat(geneva);
    const steps = briefingSteps(geneva, game);
    expect(ids(steps)).toEqual(['briefing', 'red-lines', 'map', 'timeline', 'to-table']);
    expect(steps[0]!.text.join(' ')).toContain(`Each of the ${geneva.rounds.length} rounds`);
    expect(steps[0]!.text.join(' ')).toContain('each side’s brief');
    const single = firstBriefing(geneva, { playerSide: 'us', opponent: { kind: 'ai', persona: 'ru-pragmatist' } });
    expect(briefingSteps(geneva, single)[0]!.text.join(' ')).toContain('what US/NATO wants');
  });

  it('shows posture and tone where the player chooses them, and each stage its own buttons and keys', () => {
    const game = hotseat(geneva);
    const at = (stage: TableStage) => ids(tableSteps(geneva, game, stage, sidesOf(geneva), true));
    expect(at('proposal')).toEqual(['banner', 'tracks', 'marks', 'posture', 'tone', 'risk', 'meters', 'actions']);
    expect(at('response')).toEqual(['banner', 'tracks', 'marks', 'posture', 'tone', 'risk', 'meters', 'actions']);
    // A counter-proposal is answered without a posture move or a tone.
    expect(at('counter')).toEqual(['banner', 'tracks', 'marks', 'risk', 'meters', 'actions']);
    const actions = (stage: TableStage) => tableSteps(geneva, game, stage, sidesOf(geneva), true).at(-1)!.text.join(' ');
    expect(actions('proposal')).toContain('Table the package');
    expect(actions('response')).toMatch(/Accept all \(A\).*Accept some… \(S\).*Counter… \(C\).*Reject \(R\).*Walk out… \(W\)/);
    expect(actions('counter')).toMatch(/Accept all \(A\).*Accept some… \(S\).*Reject \(R\)/);
    expect(actions('counter')).not.toContain('(C)');
  });

  it('explains the map and the rounds at the table only when the briefing did not', () => {
    const game = hotseat(geneva);
    const steps = ids(tableSteps(geneva, game, 'proposal', sidesOf(geneva), false));
    expect(steps).toEqual(['banner', 'tracks', 'marks', 'posture', 'tone', 'risk', 'meters', 'map', 'timeline', 'actions']);
    expect(tableSteps(geneva, game, 'proposal', sidesOf(geneva), false).find((step) => step.id === 'map')!.anchor).toBe('.table-left .map');
  });

  it('names the sides, the ends of the ladders, the bands and the risk from the scenario and the game', () => {
    const game = hotseat(geneva);
    const steps = tableSteps(geneva, game, 'response', { acting: 'ru', other: 'us' }, true);
    const text = (id: string) => steps.find((step) => step.id === id)!.text.join(' ');
    expect(text('banner')).toContain('US/NATO has tabled a package');
    expect(text('tracks')).toContain('from US/NATO’s ideal at rung 1 to Russia’s at the other end');
    expect(text('marks')).toContain('● what Russia demands, ▲ what US/NATO demands, ◆ what is on the table');
    expect(text('marks')).toContain('⊘ marks Russia’s red lines');
    const bands = geneva.escalation.bands;
    expect(text('risk')).toContain(`from ${bands[0]!.name} to ${bands.at(-1)!.name}; it stands at ${game.risk.toFixed(1)}`);
    // Nothing is on the table while proposing: the ◆ mark is not mentioned then.
    const proposing = tableSteps(geneva, game, 'proposal', sidesOf(geneva), true)[2]!.text.join(' ');
    expect(proposing).not.toContain('◆');
    expect(proposing).toContain('✓ your choice');
  });

  it('does not speak of the other side’s red lines where the scenario keeps them private', () => {
    const secret = genevaWith((doc) => {
      doc.privateRedLines = true;
    });
    const game = hotseat(secret);
    expect(briefingSteps(secret, game)[1]!.text.join(' ')).toContain('private');
    const marks = tableSteps(secret, game, 'response', sidesOf(secret), true)[2]!.text.join(' ');
    expect(marks).toContain('Russia’s are private');
    expect(marks).not.toContain('✕');
    expect(briefingSteps(geneva, hotseat(geneva))[1]!.text.join(' ')).toContain('Both sides’ are listed here');
  });

  it('after the tour, a stage met for the first time gets only what is new there', () => {
    for (const stage of STAGES) expect(ids(followUpSteps(geneva, stage, sidesOf(geneva)))).toEqual(['banner', 'actions']);
  });

  it('every step of every scenario and stage: a heading, one to three sentences, an anchor, unique ids', () => {
    for (const scenario of [geneva, inf]) {
      const game = hotseat(scenario);
      const lists = [
        briefingSteps(scenario, game),
        ...STAGES.flatMap((stage) => [true, false].map((shown) => tableSteps(scenario, game, stage, sidesOf(scenario), shown))),
      ];
      for (const steps of lists) {
        expect(new Set(ids(steps)).size).toBe(steps.length);
        for (const step of steps) {
          expect(step.heading.length).toBeGreaterThan(0);
          expect(step.anchor.length).toBeGreaterThan(0);
          expect(sentences(step), `${step.id}: ${step.text.join(' ')}`).toBeGreaterThanOrEqual(1);
          expect(sentences(step), `${step.id}: ${step.text.join(' ')}`).toBeLessThanOrEqual(3);
        }
        expect(steps.at(-1)!.id).toMatch(/^(to-table|actions)$/);
      }
    }
  });

  it('links only glossary entries that exist', () => {
    const known = new Set(glossaryOf(geneva).map((entry) => entry.id));
    const game = hotseat(geneva);
    const all = [briefingSteps(geneva, game), ...STAGES.map((stage) => tableSteps(geneva, game, stage, sidesOf(geneva), false))].flat();
    for (const step of all) if (step.term) expect(known, step.id).toContain(step.term);
  });
});

describe('when the guide shows', () => {
  const at = (change: Partial<GuideAt>): GuideAt => ({ seen: false, round: 0, over: false, screen: 'briefing', stage: null, ...change });
  const table = (stage: TableStage, change: Partial<GuideAt> = {}) => at({ screen: 'table', stage, ...change });

  it('a first game: the briefing of round 1, then its table', () => {
    expect(planGuide(at({}), freshProgress())?.part).toEqual({ kind: 'briefing' });
    const afterBriefing = endPart(freshProgress(), { kind: 'briefing' }, { how: 'finished' });
    expect(afterBriefing.seen).toBe(false);
    expect(planGuide(table('response'), afterBriefing.progress)?.part).toEqual({ kind: 'table', stage: 'response' });
    // Going to the table with the briefing's guide still open ends that part only.
    expect(endPart(freshProgress(), { kind: 'briefing' }, { how: 'moved-on' })).toEqual(afterBriefing);
  });

  it('never after round 1, nor on a briefing that only leads to the debrief', () => {
    expect(planGuide(at({ round: 1 }), freshProgress())).toBeNull();
    expect(planGuide(table('proposal', { round: 2 }), freshProgress())).toBeNull();
    expect(planGuide(at({ over: true }), freshProgress())).toBeNull();
  });

  it('never again once seen: not in another game, not on this one’s briefing', () => {
    expect(planGuide(at({ seen: true }), freshProgress())).toBeNull();
    for (const stage of STAGES) expect(planGuide(table(stage, { seen: true }), freshProgress())).toBeNull();
  });

  it('finishing the table’s tour marks it seen; a stage met later in round 1 gets its follow-up once', () => {
    const done = endPart(freshProgress(), { kind: 'table', stage: 'proposal' }, { how: 'finished' });
    expect(done.seen).toBe(true);
    expect(planGuide(table('proposal', { seen: true }), done.progress)).toBeNull();
    const counter = planGuide(table('counter', { seen: true }), done.progress);
    expect(counter?.part).toEqual({ kind: 'follow-up', stage: 'counter' });
    const after = endPart(counter!.progress, counter!.part, { how: 'finished' });
    expect(planGuide(table('counter', { seen: true }), after.progress)).toBeNull();
    expect(planGuide(table('counter', { seen: true, round: 1 }), done.progress)).toBeNull();
  });

  it('playing on with the table’s tour open ends it as seen, as finishing would', () => {
    const moved = endPart(freshProgress(), { kind: 'table', stage: 'response' }, { how: 'moved-on' });
    expect(moved).toEqual(endPart(freshProgress(), { kind: 'table', stage: 'response' }, { how: 'finished' }));
  });

  it('skipping ends everything: seen, and no follow-up in this game', () => {
    for (const part of [{ kind: 'briefing' } as const, { kind: 'table', stage: 'proposal' } as const]) {
      const skipped = endPart(freshProgress(), part, { how: 'skipped' });
      expect(skipped.seen).toBe(true);
      for (const stage of STAGES) expect(planGuide(table(stage, { seen: true }), skipped.progress)).toBeNull();
    }
  });

  it('an aside (help, glossary, settings) resumes at the step it left; another part starts at its first', () => {
    const left = endPart(freshProgress(), { kind: 'table', stage: 'proposal' }, { how: 'aside', step: 4 });
    expect(left.seen).toBe(false);
    const back = planGuide(table('proposal'), left.progress);
    expect(back?.start).toBe(4);
    expect(back?.progress.open).toBeNull();
    expect(planGuide(table('response'), left.progress)?.start).toBe(0);
  });

  it('asked for again after it was seen: the whole tour again, in this game too', () => {
    const progress: GuideProgress = { tour: 'finished', briefingDone: true, explained: ['proposal'], open: null };
    expect(planGuide(table('proposal', { seen: false }), progress)?.part).toEqual({ kind: 'table', stage: 'proposal' });
    expect(planGuide(at({ seen: false }), { ...progress, tour: 'dismissed' })?.part).toEqual({ kind: 'briefing' });
  });
});

/** An in-memory Storage that can refuse to be read or written. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  broken = false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    if (this.broken) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    if (this.broken) throw new Error('SecurityError');
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('what the browser remembers', () => {
  it('is one small record under its own key; asking for the guide again removes it', () => {
    const storage = new MemoryStorage();
    const memory = new GuideMemory(storage);
    expect(memory.seen).toBe(false);
    memory.seen = true;
    expect(storage.items.get(GUIDE_KEY)).toBe('{"seen":true}');
    expect(new GuideMemory(storage).seen).toBe(true);
    memory.seen = false;
    expect(storage.items.has(GUIDE_KEY)).toBe(false);
    expect(new GuideMemory(storage).seen).toBe(false);
  });

  it('reads anything but a stored "seen" as not seen', () => {
    for (const text of [null, '', 'not json', 'true', '{"seen":"yes"}', '{"seen":1}', '[]', 'null']) expect(readSeen(text)).toBe(false);
    expect(readSeen('{"seen":true,"later":1}')).toBe(true);
  });

  it('keeps the guide seen for the visit when storage refuses', () => {
    const storage = new MemoryStorage();
    storage.broken = true;
    const memory = new GuideMemory(storage);
    expect(memory.seen).toBe(false);
    memory.seen = true;
    expect(memory.seen).toBe(true);
    const none = new GuideMemory(null);
    none.seen = true;
    expect(none.seen).toBe(true);
  });
});

describe('where the coach mark goes', () => {
  const view = { width: 1280, height: 720 };
  const mark = { width: 350, height: 250 };
  const inside = (box: Box) => box.left >= 0 && box.top >= 0 && box.left + box.width <= view.width && box.top + box.height <= view.height;
  const at = (placement: { left: number; top: number }): Box => ({ ...placement, ...mark });

  it('below a control with room under it, centred on it, with the pointer at its middle', () => {
    const placement = placeMark({ left: 400, top: 80, width: 500, height: 40 }, mark, view);
    expect(placement.side).toBe('below');
    expect(placement.top).toBe(80 + 40 + 12);
    expect(placement.left).toBe(400 + 250 - 175);
    expect(placement.pointer).toBe(175);
  });

  it('above a control at the bottom, beside a tall one, and never over it when a side fits', () => {
    expect(placeMark({ left: 400, top: 620, width: 500, height: 60 }, mark, view).side).toBe('above');
    const tall = { left: 600, top: 70, width: 500, height: 600 };
    const beside = placeMark(tall, mark, view);
    expect(beside.side).toBe('left');
    expect(beside.overlap).toBe(0);
  });

  it('covers as little as it can of a control that leaves no room anywhere', () => {
    const placement = placeMark({ left: 0, top: 0, width: 1280, height: 720 }, mark, view);
    expect(placement.overlap).toBeGreaterThan(0);
    expect(inside(at(placement))).toBe(true);
  });

  it('points at the part of a control inside the window', () => {
    expect(intersect({ left: -50, top: 600, width: 200, height: 400 }, { left: 0, top: 0, ...view })).toEqual({
      left: 0,
      top: 600,
      width: 150,
      height: 120,
    });
    expect(intersect({ left: 10, top: 900, width: 20, height: 20 }, { left: 0, top: 0, ...view }).height).toBe(0);
  });

  it('for any control and window: inside the window, and clear of the control whenever one side has room', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 600, max: 2000 }),
        fc.integer({ min: 500, max: 1200 }),
        fc.record({
          left: fc.integer({ min: -100, max: 1900 }),
          top: fc.integer({ min: -100, max: 1100 }),
          width: fc.integer({ min: 1, max: 900 }),
          height: fc.integer({ min: 1, max: 700 }),
        }),
        fc.record({ width: fc.integer({ min: 200, max: 560 }), height: fc.integer({ min: 150, max: 480 }) }),
        (width, height, target, size) => {
          const window = { width, height };
          const placement = placeMark(target, size, window);
          const box = { left: placement.left, top: placement.top, ...size };
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.top).toBeGreaterThanOrEqual(0);
          expect(box.left + box.width).toBeLessThanOrEqual(width);
          expect(box.top + box.height).toBeLessThanOrEqual(height);
          const shown = intersect(target, { left: 0, top: 0, ...window });
          const room =
            shown.top - 12 - size.height >= 8 ||
            shown.top + shown.height + 12 + size.height <= height - 8 ||
            shown.left - 12 - size.width >= 8 ||
            shown.left + shown.width + 12 + size.width <= width - 8;
          if (room) expect(placement.overlap).toBe(0);
        },
      ),
    );
  });
});
