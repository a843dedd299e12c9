import { describe, expect, it } from 'vitest';
import { glossaryOf } from '../src/engine/glossary.ts';
import { historicalScores, scoreGame, scoreSentences } from '../src/engine/rules/score.ts';
import type { Decision, GameState } from '../src/engine/rules/state.ts';

import { OUTCOME_KINDS, type Persona } from '../src/engine/scenario/schema.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import {
  aiPersona,
  decisionsByRound,
  decisionView,
  OUTCOME_TITLES,
  scoreRows,
  scoreWords,
  termLinks,
  warBeliefLines,
} from '../src/game/view/debrief-view.ts';
import { againstAi, geneva, genevaWith, hotseat } from './helpers.ts';

const scenario = geneva;

describe('OUTCOME_TITLES', () => {
  it('has a title for every outcome kind and for nothing else', () => {
    expect(Object.keys(OUTCOME_TITLES).sort()).toEqual([...OUTCOME_KINDS].sort());
  });

  it('gives each outcome a distinct, non-empty title', () => {
    const titles = OUTCOME_KINDS.map((kind) => OUTCOME_TITLES[kind]);
    for (const title of titles) expect(title?.trim().length ?? 0).toBeGreaterThan(2);
    expect(new Set(titles).size).toBe(OUTCOME_KINDS.length);
    expect(OUTCOME_TITLES.war).toBe('War');
    expect(OUTCOME_TITLES['partial-deal']).toBe('A partial deal');
  });
});

describe('scoreRows', () => {
  const finished = playGame(scenario, hotseat(2), { us: 'greedy', ru: 'greedy' }).final;

  it('has one row per side, in scenario order, with names', () => {
    const rows = scoreRows(scenario, finished);
    expect(rows.map((row) => [row.side, row.name])).toEqual([
      ['us', 'United States / NATO'],
      ['ru', 'Russia'],
    ]);
  });

  it("pairs each side's game score with its historical score", () => {
    const rows = scoreRows(scenario, finished);
    const played = scoreGame(scenario, finished);
    const history = historicalScores(scenario);
    rows.forEach((row, i) => {
      expect(row.game).toEqual(played[i]);
      expect(row.history).toEqual(history[i]);
      expect(row.game.side).toBe(row.side);
      expect(row.history.side).toBe(row.side);
      expect(row.game.total).toBeCloseTo(row.game.expected - row.game.riskCost + row.game.standing, 9);
      expect(row.history.total).toBeCloseTo(row.history.expected - row.history.riskCost + row.history.standing, 9);
    });
  });

  it('scores history the same whatever was played, and war at what war is worth to each side', () => {
    let war: GameState | null = null;
    for (const [us, ru] of [
      ['greedy', 'greedy'],
      ['random', 'hawk'],
    ] as const) {
      for (let seed = 1; seed <= 12 && !war; seed++) {
        const final = playGame(scenario, hotseat(seed), { us, ru }).final;
        if (final.outcome?.kind === 'war') war = final;
      }
    }
    expect(war).not.toBeNull();
    const warRows = scoreRows(scenario, war!);
    const otherRows = scoreRows(scenario, finished);
    for (const [i, row] of warRows.entries()) {
      expect(row.game.total).toBeCloseTo(
        scenario.sides[i]!.warUtility - scenario.sides[i]!.warCost - row.game.riskCost + row.game.standing,
        9,
      );
      expect(row.history).toEqual(otherRows[i]!.history);
    }
  });
});

describe('aiPersona', () => {
  it('is the persona the AI played', () => {
    const game = playGame(scenario, againstAi(scenario, 'ru-hardliner', 1), { us: 'random' }).final;
    const persona = aiPersona(scenario, game)!;
    expect(persona.id).toBe('ru-hardliner');
    expect(persona.side).toBe('ru');
    expect(aiPersona(scenario, playGame(scenario, againstAi(scenario, 'us-hawk', 1), { ru: 'random' }).final)!.id).toBe('us-hawk');
  });

  it('is null in a hot-seat game', () => {
    expect(aiPersona(scenario, playGame(scenario, hotseat(1), { us: 'random', ru: 'random' }).final)).toBeNull();
  });

  it('is null when the persona is not in the scenario', () => {
    const game = playGame(scenario, againstAi(scenario, 'ru-pragmatist', 1), { us: 'random' }).final;
    const stray: GameState = { ...game, setup: { ...game.setup, opponent: { kind: 'ai', persona: 'ru-ghost' } } };
    expect(aiPersona(scenario, stray)).toBeNull();
  });
});

describe('decisionsByRound', () => {
  const decision = (round: number, stage: Decision['stage'], kind: string): Decision => ({
    round,
    side: 'ru',
    persona: 'ru-hardliner',
    stage,
    kind,
    utility: 40,
    reservation: 50,
    reservationTerms: [{ id: 'base', label: 'Base', value: 50 }],
    zeuthen: null,
    redLines: [],
    reasons: [],
    terms: [],
  });

  it('groups decisions by round, keeping their order within a round', () => {
    const a = decision(0, 'proposal', 'propose');
    const b = decision(1, 'response', 'reject');
    const c = decision(0, 'reply', 'accept');
    const d = decision(2, 'response', 'counter');
    const game = { decisions: [a, b, c, d] } as unknown as GameState;
    const grouped = decisionsByRound(game);
    expect([...grouped.keys()]).toEqual([0, 1, 2]);
    expect(grouped.get(0)).toEqual([a, c]);
    expect(grouped.get(1)).toEqual([b]);
    expect(grouped.get(2)).toEqual([d]);
    expect(grouped.has(3)).toBe(false);
  });

  it('is empty in a hot-seat game', () => {
    const game = playGame(scenario, hotseat(4), { us: 'random', ru: 'random' }).final;
    expect(game.decisions).toEqual([]);
    expect(decisionsByRound(game).size).toBe(0);
  });

  it("holds every decision of an AI game once, under its round, in the game's order", () => {
    for (const persona of ['ru-hardliner', 'ru-bluffer', 'us-alliance-manager']) {
      for (const seed of [1, 2, 3]) {
        const setup = againstAi(scenario, persona, seed);
        const game = playGame(scenario, setup, { [setup.playerSide]: 'greedy' }).final;
        expect(game.decisions.length).toBeGreaterThan(0);
        const grouped = decisionsByRound(game);
        const flattened = [...grouped.entries()].flatMap(([round, list]) => {
          for (const item of list) expect(item.round).toBe(round);
          return list;
        });
        expect(flattened).toHaveLength(game.decisions.length);
        expect(new Set(flattened)).toEqual(new Set(game.decisions));
        for (const list of grouped.values()) {
          const positions = list.map((item) => game.decisions.indexOf(item));
          expect(positions).toEqual([...positions].sort((x, y) => x - y));
        }
        expect([...grouped.keys()].every((round) => round >= 0 && round <= game.round)).toBe(true);
      }
    }
  });
});

/** A decision as the AI records it, with what a test needs changed. */
function aDecision(change: Partial<Decision> = {}): Decision {
  return {
    round: 1,
    side: 'ru',
    persona: 'ru-hardliner',
    stage: 'response',
    kind: 'reject',
    utility: 41.25,
    reservation: 55.5,
    reservationTerms: [
      { id: 'peace', label: 'The status quo while peace holds', value: 40 },
      { id: 'fear', label: 'Fear of war', value: -4.5 },
      { id: 'resolve', label: 'Resolve', value: 20 },
    ],
    zeuthen: { self: 0.4123, other: 0.2 },
    redLines: [],
    reasons: ['The offer is worth less to it than what it can count on without a deal.', 'It waits for the other side to move.'],
    terms: ['reservation-value', 'zeuthen'],
    ...change,
  };
}

describe('decisionView', () => {
  const glossary = glossaryOf(geneva);

  it('keeps the reasons as the AI gave them, under a heading in words', () => {
    const view = decisionView(geneva, aDecision(), glossary);
    expect(view.reasons).toEqual(aDecision().reasons);
    expect(view.heading).toBe('Why Russia rejected the package when it answered');
    expect(decisionView(geneva, aDecision({ stage: 'proposal', kind: 'hold' }), glossary).heading).toBe(
      'Why Russia held its demands when it proposed',
    );
    expect(decisionView(geneva, aDecision({ stage: 'proposal', kind: 'concede' }), glossary).heading).toBe(
      'Why Russia gave ground when it proposed',
    );
    expect(decisionView(geneva, aDecision({ stage: 'reply', kind: 'accept-some' }), glossary).heading).toBe(
      'Why Russia accepted part of the package when it replied to the counter-proposal',
    );
    expect(decisionView(geneva, aDecision({ kind: 'walkout' }), glossary).heading).toBe('Why Russia walked out when it answered');
    // A kind the view does not know yet still reads as words.
    expect(decisionView(geneva, aDecision({ kind: 'stall-for-time' }), glossary).heading).toBe(
      'Why Russia chose to stall for time when it answered',
    );
  });

  it('links the glossary entries the decision names, once each, leaving out ids with no entry', () => {
    const view = decisionView(geneva, aDecision({ terms: ['zeuthen', 'no-such-term', 'reservation-value', 'zeuthen'] }), glossary);
    expect(view.terms).toEqual([
      { id: 'zeuthen', term: 'Zeuthen’s concession rule' },
      { id: 'reservation-value', term: 'Reservation value' },
    ]);
    expect(decisionView(geneva, aDecision({ terms: [] }), glossary).terms).toEqual([]);
  });

  it('keeps the raw numbers for the curious: utility, reservation value and its terms, Zeuthen, red lines', () => {
    const track = geneva.tracks[0]!;
    const view = decisionView(geneva, aDecision({ redLines: [track.id] }), glossary);
    const value = (label: RegExp) => view.numbers.find((row) => label.test(row.label))?.value;
    expect(value(/worth to it/)).toBe('41.3 out of 100');
    expect(value(/reservation value/)).toBe('55.5, made of: the status quo while peace holds +40.0; fear of war −4.5; resolve +20.0');
    expect(value(/Zeuthen/)).toBe('its own 0.41, the other side’s 0.20');
    expect(value(/red lines/)).toBe(track.name);
    const plain = decisionView(geneva, aDecision({ zeuthen: null, reservationTerms: [] }), glossary);
    expect(plain.numbers.map((row) => row.label)).toEqual(['What was on the table was worth to it', 'Its reservation value']);
    expect(plain.numbers[1]!.value).toBe('55.5');
  });

  it('reads every decision of real AI games', () => {
    for (const persona of ['ru-hardliner', 'ru-pragmatist', 'us-hawk']) {
      const setup = againstAi(geneva, persona, 3);
      const game = playGame(geneva, setup, { [setup.playerSide]: 'greedy' }).final;
      for (const decision of game.decisions) {
        const view = decisionView(geneva, decision, glossary);
        expect(view.heading).toMatch(/^Why \S+/);
        expect(view.heading).not.toMatch(/undefined/);
        expect(view.reasons).toEqual(decision.reasons);
        expect(view.numbers.length).toBeGreaterThanOrEqual(2);
        for (const link of view.terms) expect(decision.terms).toContain(link.id);
      }
    }
  });
});

describe('termLinks', () => {
  it('names each entry by its term, in the order given', () => {
    const glossary = glossaryOf();
    expect(termLinks(glossary, ['expected-value', 'outside-option'])).toEqual([
      { id: 'expected-value', term: 'Expected value (how scores are computed)' },
      { id: 'outside-option', term: 'Outside option (value of no deal)' },
    ]);
    expect(termLinks(glossary, ['nothing-here'])).toEqual([]);
  });

  it('uses a scenario’s own wording for an entry it replaces', () => {
    const scenario = genevaWith((doc) => {
      doc.glossary = [{ id: 'red-line', term: 'Red line (as Moscow drew it)', definition: 'Ukraine in NATO.' }];
    });
    expect(termLinks(glossaryOf(scenario), ['red-line'])).toEqual([{ id: 'red-line', term: 'Red line (as Moscow drew it)' }]);
  });
});

describe('scoreWords', () => {
  it('gives the arithmetic of each side’s score in words, for the game and for history', () => {
    const finished = playGame(scenario, hotseat(2), { us: 'greedy', ru: 'greedy' }).final;
    const rows = scoreRows(scenario, finished);
    const words = scoreWords(rows);
    expect(words.map((side) => side.name)).toEqual(['United States / NATO', 'Russia']);
    words.forEach((side, i) => {
      expect(side.side).toBe(rows[i]!.side);
      expect(side.game).toEqual(scoreSentences(rows[i]!.game));
      expect(side.history).toEqual(scoreSentences(rows[i]!.history));
      const one = (value: number) => `${value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;
      expect(side.game.join(' ')).toContain(one(rows[i]!.game.total));
      expect(side.history.join(' ')).toContain(one(rows[i]!.history.total));
    });
  });
});

describe('warBeliefLines', () => {
  const persona = scenario.personas.find((item) => item.side === 'ru')!;

  it('is nothing when the persona states no belief in words', () => {
    const { warBelief: _unused, ...rest } = persona;
    expect(warBeliefLines(rest as Persona)).toBeNull();
    expect(warBeliefLines({ ...persona, warBelief: { utility: 60, cost: 10, text: '   ' } })).toBeNull();
  });

  it('gives the belief as written, and what it made war worth', () => {
    const lines = warBeliefLines({
      ...persona,
      warBelief: { utility: 62, cost: 14.5, text: 'Expects a short campaign to force Kyiv to terms.' },
    })!;
    expect(lines.text).toBe('Expects a short campaign to force Kyiv to terms.');
    expect(lines.numbers).toBe(
      'It counted war as worth 47.5 to its side: 62.0 for what war would bring, less 14.5 for what it would cost.',
    );
  });
});
