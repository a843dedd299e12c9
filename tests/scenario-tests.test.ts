/**
 * Scenario tests, the engine part: the format (strict, with paths and defaults), the reference
 * checks, and each kind of case — scripted, statistical, ordering, history — holding when the
 * engine does what it states and failing when it does not. Expected answers come from the AI
 * functions and the simulation called directly, never from the runner itself, so that these
 * tests keep working while the AI and the scores are tuned.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { aiReply, aiRespond } from '../src/engine/ai/counterpart.ts';
import { POLICY_NAMES } from '../src/engine/bots/policies.ts';
import { applyProposal, applyResponse } from '../src/engine/rules/round.ts';
import { scoreSettlement } from '../src/engine/rules/score.ts';
import type { Positions } from '../src/engine/rules/state.ts';
import { formatProblem } from '../src/engine/scenario/problems.ts';
import { OUTCOME_KINDS, REPLY_KINDS, RESPONSE_KINDS, TONES, type Scenario } from '../src/engine/scenario/schema.ts';
import { endingsOf, topBandFrom } from '../src/engine/scenario-tests/endings.ts';
import { checkExpectations, checkScenarioTests } from '../src/engine/scenario-tests/load.ts';
import { runTestCase } from '../src/engine/scenario-tests/run.ts';
import {
  ENDINGS,
  TEST_OUTCOME_KINDS,
  TEST_POLICY_NAMES,
  TEST_REPLY_KINDS,
  TEST_RESPONSE_KINDS,
  TEST_TONES,
  type TestCase,
} from '../src/engine/scenario-tests/schema.ts';
import { runBatch, tally } from '../src/engine/simulation/batch.ts';
import { againstAi, geneva, genevaWith, mustLoad, OPEN_DOOR_REFUSED, opened, playHistoricalLine, setPath } from './helpers.ts';

type Doc = Record<string, unknown>;

/** Validates an expectations document against a scenario: its cases, or the formatted problems. */
function check(doc: unknown, scenario: Scenario = geneva) {
  const checked = checkExpectations(doc, scenario);
  return checked.ok
    ? { cases: checked.value.tests, problems: [] as string[] }
    : { cases: [] as TestCase[], problems: checked.problems.map(formatProblem) };
}

/** Runs one case written as an author would write it (validated first: it must be valid). */
function run(testCase: Doc, scenario: Scenario = geneva) {
  const { cases, problems } = check({ tests: [testCase] }, scenario);
  expect(problems).toEqual([]);
  return runTestCase(scenario, cases[0]!, ['tests', 0]);
}

/** Runs a scripted case; unless `fields` say otherwise, the January package is the offer. */
function runScripted(fields: Doc, scenario: Scenario = geneva) {
  return run({ kind: 'scripted', offer: { positions: JANUARY }, ...fields }, scenario);
}

const DRAFTS = { enlargement: 'rollback-1997', missiles: 'no-us-missiles-nukes', exercises: 'no-nato-activity' };
const JANUARY = { enlargement: 'indivisibility-dialogue', missiles: 'aegis-transparency', exercises: 'vienna-document' };
const personasOf = (side: string) => geneva.personas.filter((persona) => persona.side === side).map((persona) => persona.id);
const SEEDS = [1, 2, 3, 4, 5];

/** What the AI really answers in round 1 when Russia offers `positions` to a US persona. */
function usResponse(persona: string, seed: number, positions: Positions) {
  const state = opened(geneva, againstAi(geneva, persona, seed));
  const proposed = applyProposal(geneva, state, { side: 'ru', positions, posture: null, tone: 'firm' });
  return aiRespond(
    geneva,
    proposed,
    'us',
    geneva.personas.find((item) => item.id === persona)!,
  );
}

/** What a Russian persona replies in round 1 to a US counter to Russia's drafts. */
function ruReply(persona: string, seed: number, counter: Positions) {
  const state = opened(geneva, againstAi(geneva, persona, seed));
  const proposed = applyProposal(geneva, state, { side: 'ru', positions: DRAFTS, posture: 'mass-troops', tone: 'belligerent' });
  const countered = applyResponse(geneva, proposed, { side: 'us', kind: 'counter', counter, posture: null, tone: 'firm' });
  return aiReply(
    geneva,
    countered,
    'ru',
    geneva.personas.find((item) => item.id === persona)!,
  );
}

/** Geneva in which every incident happens and escalates to war. */
const warGeneva = genevaWith((doc) => {
  const always = [
    { risk: 0, chance: 1 },
    { risk: 100, chance: 1 },
  ];
  setPath(doc, ['escalation', 'incident', 'chance'], always);
  setPath(doc, ['escalation', 'incident', 'escalation'], always);
});

describe('the format of scenario tests', () => {
  it("its lists of outcomes, answers, tones and policies are the engine's", () => {
    expect([...TEST_OUTCOME_KINDS]).toEqual([...OUTCOME_KINDS]);
    expect([...TEST_RESPONSE_KINDS]).toEqual([...RESPONSE_KINDS]);
    expect([...TEST_REPLY_KINDS]).toEqual([...REPLY_KINDS]);
    expect([...TEST_TONES]).toEqual([...TONES]);
    expect([...TEST_POLICY_NAMES]).toEqual([...POLICY_NAMES]);
  });

  it('fills in the defaults: 20 seeds from 1, no history, posture none, tone firm, 100 games, margin 0', () => {
    const { cases, problems } = check({
      tests: [
        { kind: 'scripted', name: 'a', side: 'us', offer: { positions: JANUARY }, expect: { answers: ['accept'] } },
        { kind: 'statistical', name: 'b', side: 'us', policy: 'dove', expect: { shares: { deal: { min: 1 } } } },
        { kind: 'ordering', name: 'c', better: { kind: 'stalemate', finalRisk: 10 }, worse: { kind: 'war', finalRisk: 100 } },
        { kind: 'history', name: 'd', expect: { endsIn: ['war'] } },
      ],
    });
    expect(problems).toEqual([]);
    expect(cases[0]).toMatchObject({ seeds: 20, firstSeed: 1, historyRounds: 0, line: [], offer: { posture: null, tone: 'firm' } });
    expect(cases[1]).toMatchObject({ games: 100, firstSeed: 1 });
    expect(cases[2]).toMatchObject({ margin: 0, better: { agreed: {} } });
    expect(cases[3]).toMatchObject({ seeds: 20, firstSeed: 1 });
  });

  it('a step of the scenario’s own historical line is a valid step of a line', () => {
    const step = JSON.parse(JSON.stringify(geneva.debrief.line[0])) as Doc;
    const { problems } = check({
      tests: [{ kind: 'scripted', name: 'a', side: 'us', line: [step], offer: { positions: JANUARY }, expect: { answers: ['accept'] } }],
    });
    expect(problems).toEqual([]);
  });

  it('reports misspelt fields, wrong values and empty expectations with their paths', () => {
    const { problems } = check({
      tests: [
        { kind: 'scripted', name: 'a', side: 'us', offer: { positions: JANUARY }, expect: { answer: ['accept'] } },
        { kind: 'statistical', name: 'b', side: 'us', policy: 'bully', games: 0, expect: { shares: { deal: { min: 60, max: 40 } } } },
        { kind: 'guess', name: 'c' },
        { kind: 'history', name: 'd', seeds: 2.5, expect: {} },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tests\[0\]\.expect: .*answer/),
        expect.stringMatching(/^tests\[1\]\.policy: /),
        'tests[1].games: expected a whole number from 1 to 10000',
        'tests[1].expect.shares.deal: expected min no greater than max',
        expect.stringMatching(/^tests\[2\]\.kind: /),
        'tests[3].seeds: expected a whole number from 1 to 1000',
        'tests[3].expect: expected endsIn, finalRisk or both',
      ]),
    );
  });

  it('a file needs at least one test, and names the scenario it is for', () => {
    expect(check({ tests: [] }).problems).toEqual(['tests: expected at least one test']);
    expect(check({ scenario: 'inf-1987', tests: [{ kind: 'history', name: 'd', expect: { endsIn: ['war'] } }] }).problems).toEqual([
      'scenario: these tests are for "inf-1987", not "geneva-2022"',
    ]);
    expect(check([]).problems[0]).toMatch(/^\(document\): expected scenario tests/);
  });

  it('a scenario may carry its tests in a tests list, checked against it', () => {
    const withTests = genevaWith((doc) => {
      doc.tests = [
        { kind: 'scripted', name: 'a', side: 'ru', personas: ['us-hawk'], offer: { positions: JANUARY }, expect: { answers: ['reject'] } },
      ];
    });
    expect(withTests.tests).toHaveLength(1);
    expect(checkScenarioTests(withTests).map(formatProblem)).toEqual(['tests[0].personas[0]: persona "us-hawk" plays "us", not "ru"']);
    expect(checkScenarioTests(geneva)).toEqual([]);
  });
});

describe('references to the scenario', () => {
  const problemsOf = (testCase: Doc, scenario: Scenario = geneva) => check({ tests: [testCase] }, scenario).problems;
  const scripted = (fields: Doc): Doc => ({
    kind: 'scripted',
    name: 'a',
    side: 'ru',
    offer: { positions: JANUARY },
    expect: { answers: ['reject'] },
    ...fields,
  });

  it('sides, personas, tracks and positions must exist', () => {
    expect(problemsOf(scripted({ side: 'russia' }))).toEqual(['tests[0].side: unknown side "russia"; expected "us" and "ru"']);
    expect(problemsOf(scripted({ personas: ['ru-hawk', 'us-hawk'] }))).toEqual([
      'tests[0].personas[0]: unknown persona "ru-hawk"',
      'tests[0].personas[1]: persona "us-hawk" plays "us", not "ru"',
    ]);
    expect(
      problemsOf(
        scripted({
          offer: { positions: { ...JANUARY, enlargment: 'open-door', missiles: 'no-missiles' } },
          expect: { refuses: { exercises: ['none'] } },
        }),
      ),
    ).toEqual([
      'tests[0].offer.positions.missiles: unknown position "no-missiles" on track "missiles"',
      'tests[0].offer.positions.enlargment: unknown track "enlargment"',
      'tests[0].expect.refuses.exercises[0]: unknown position "none" on track "exercises"',
    ]);
  });

  it('the offering side may not offer its own red line, nor make the other side’s moves', () => {
    expect(
      problemsOf(scripted({ offer: { positions: { ...JANUARY, enlargement: ['open-door', 'rollback-1997'] }, posture: 'mass-troops' } })),
    ).toEqual([
      'tests[0].offer.positions.enlargement[1]: "rollback-1997" is a red line of "us": it cannot offer it',
      'tests[0].offer.posture: move "mass-troops" belongs to "ru", not "us"',
    ]);
  });

  it('a line plays the rounds in order, with moves of the right side, and leaves a round for the offer', () => {
    const step = { ...(JSON.parse(JSON.stringify(geneva.debrief.line[1])) as Doc) };
    expect(problemsOf(scripted({ line: [step] }))).toEqual([
      'tests[0].line[0].round: expected round "geneva" here: the line plays the rounds in order',
      // Brussels's step, played in Geneva, has the sides the wrong way round.
      'tests[0].line[0].proposal.positions.enlargement: "open-door" is a red line of "ru": it cannot table it',
      'tests[0].line[0].proposal.posture: move "consult-allies" belongs to "us", not "ru"',
    ]);
    const wrongMove = JSON.parse(JSON.stringify(geneva.debrief.line[0])) as Doc;
    setPath(wrongMove as never, ['proposal', 'posture'], 'consult-allies');
    expect(problemsOf(scripted({ line: [wrongMove] }))).toEqual([
      'tests[0].line[0].proposal.posture: move "consult-allies" belongs to "us", not "ru"',
    ]);
    expect(problemsOf(scripted({ historyRounds: 5 }))).toEqual([
      'tests[0].line: no round is left for the offer: the scenario has 5 rounds',
    ]);
    const shortHistory = genevaWith((doc) => setPath(doc, ['debrief', 'line'], []));
    expect(problemsOf(scripted({ historyRounds: 1 }), shortHistory)).toEqual([
      "tests[0].historyRounds: the scenario's historical line has only 0 rounds",
    ]);
  });

  it('a proposal of its own only when the persona’s side proposes; replies are never counters', () => {
    // Round 1 (Geneva): Russia proposes, so a US persona responds and a Russian persona replies.
    expect(
      problemsOf(
        scripted({ side: 'us', offer: { positions: DRAFTS }, proposal: { positions: JANUARY }, expect: { answers: ['counter'] } }),
      ),
    ).toEqual(['tests[0].proposal: "us" does not propose in round "geneva": the offer is the proposal it answers; leave this out']);
    expect(problemsOf(scripted({ expect: { answers: ['reject', 'counter', 'walkout'], keeps: { enlargement: ['moratorium'] } } }))).toEqual(
      [
        'tests[0].expect.answers[1]: in round "geneva" "ru" proposes, so the persona replies to a counter-proposal: it can only accept, accept-some or reject',
        'tests[0].expect.answers[2]: in round "geneva" "ru" proposes, so the persona replies to a counter-proposal: it can only accept, accept-some or reject',
        'tests[0].expect.keeps: a reply to a counter-proposal is never a counter: keeps cannot apply in round "geneva"',
      ],
    );
    expect(problemsOf(scripted({ historyRounds: 1, expect: { answers: ['reject'], keeps: { enlargement: ['moratorium'] } } }))).toEqual([
      'tests[0].expect.keeps: keeps applies to counter-proposals, but counter is not among the answers allowed',
    ]);
  });

  it('a case may not ask for too many answers', () => {
    expect(
      problemsOf(
        scripted({
          seeds: 1000,
          historyRounds: 1,
          offer: { positions: { enlargement: '*', missiles: '*', exercises: '*' } },
          expect: { answers: ['reject'] },
        }),
      ),
    ).toEqual(['tests[0].seeds: the case asks for 192000 answers (3 personas × 1000 seeds × 64 packages); at most 100000']);
  });

  it('statistical, ordering and history cases, and names', () => {
    expect(
      check({
        tests: [
          {
            kind: 'statistical',
            name: 'a',
            side: 'us',
            policy: 'hawk',
            persona: ['ru-hardliner', 'us-hawk'],
            expect: { meanRounds: { min: 1 } },
          },
          {
            kind: 'ordering',
            name: 'a',
            side: 'nato',
            better: { kind: 'agreement', agreed: { missiles: 'zero' }, finalRisk: 10 },
            worse: { kind: 'war', finalRisk: 100 },
          },
        ],
      }).problems,
    ).toEqual([
      'tests[0].persona[1]: persona "us-hawk" plays "us", not "ru"',
      'tests[1].name: duplicate test name (also tests[0])',
      'tests[1].side: unknown side "nato"; expected "us" and "ru"',
      'tests[1].better.agreed.missiles: unknown position "zero" on track "missiles"',
    ]);
    const noHistory = genevaWith((doc) => setPath(doc, ['debrief', 'line'], []));
    expect(problemsOf({ kind: 'history', name: 'h', expect: { endsIn: ['war'] } }, noHistory)).toEqual([
      'tests[0].kind: the scenario has no historical line of play (debrief.line is empty)',
    ]);
  });
});

describe('scripted cases', () => {
  const usPersonas = personasOf('us');
  const ruPersonas = personasOf('ru');

  it('answers as the AI answers, for every persona and seed, and holds when every answer is allowed', () => {
    const actual = new Set(usPersonas.flatMap((persona) => SEEDS.map((seed) => usResponse(persona, seed, JANUARY).move.kind)));
    const result = runScripted({ name: 'us', side: 'us', seeds: 5, expect: { answers: [...actual] } });
    expect(result.holds).toBe(true);
    expect(result.failures).toEqual([]);
    const answers = result.details.answers as Record<string, Record<string, number>>;
    expect(Object.keys(answers)).toEqual(usPersonas);
    for (const persona of usPersonas) {
      const expected: Record<string, number> = {};
      for (const seed of SEEDS) {
        const kind = usResponse(persona, seed, JANUARY).move.kind;
        expected[kind] = (expected[kind] ?? 0) + 1;
      }
      expect(answers[persona]).toEqual(expected);
    }
  });

  it('fails when an answer is not allowed, saying who answered what in how many seeds, with the AI’s reasons', () => {
    const persona = usPersonas[0]!;
    const answer = usResponse(persona, 1, JANUARY);
    const kinds = SEEDS.map((seed) => usResponse(persona, seed, JANUARY).move.kind);
    const forbidden = answer.move.kind;
    const allowed = RESPONSE_KINDS.filter((kind) => kind !== forbidden);
    const result = runScripted({ name: 'no', why: 'Because.', side: 'us', personas: [persona], seeds: 5, expect: { answers: allowed } });
    expect(result.holds).toBe(false);
    const count = kinds.filter((kind) => kind === forbidden).length;
    expect(result.failures).toEqual([`${persona} answered ${forbidden} in ${count} of 5 seeds`]);
    expect(result.why).toBe('Because.');
    expect(result.reasons[0]).toMatch(new RegExp(`^${persona}, seed 1 \\(round 1, response\\): ${forbidden}`));
    expect(result.reasons.slice(1)).toEqual(answer.decision.reasons.map((reason) => `  ${reason}`));
    expect(answer.decision.reasons.length).toBeGreaterThan(0);
  });

  it('puts the counter-proposal to the persona when its own side proposes: a reply', () => {
    for (const persona of ruPersonas) {
      const kinds = new Set(SEEDS.map((seed) => ruReply(persona, seed, JANUARY).move.kind));
      const reply = (answers: string[]) =>
        runScripted({
          name: 'reply',
          side: 'ru',
          personas: [persona],
          seeds: 5,
          proposal: { positions: DRAFTS, posture: 'mass-troops', tone: 'belligerent' },
          expect: { answers },
        });
      expect(reply([...kinds]).holds, persona).toBe(true);
      const failing = reply(REPLY_KINDS.filter((kind) => !kinds.has(kind)));
      expect(failing.holds, persona).toBe(false);
      expect(failing.reasons[0]).toMatch(new RegExp(`^${persona}, seed 1 \\(round 1, reply\\): `));
    }
  });

  it('without a proposal of its own, the persona tables its own package before the counter, as in the game', () => {
    const result = runScripted({ name: 'own', side: 'ru', seeds: 3, expect: { answers: [...REPLY_KINDS] } });
    expect(result.holds).toBe(true);
    const answers = result.details.answers as Record<string, Record<string, number>>;
    for (const persona of ruPersonas) expect(Object.values(answers[persona]!).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('keeps: a counter must keep one of the positions named, and the failure says what it kept', () => {
    // Round 2 (Brussels), after Geneva as it happened: the US proposes its opening, Russia answers.
    const base = {
      kind: 'scripted',
      name: 'keeps',
      side: 'ru',
      seeds: 3,
      historyRounds: 1,
      offer: { positions: { enlargement: 'open-door', missiles: 'no-limits', exercises: 'no-new-limits' } },
    };
    const all = geneva.tracks[0]!.positions.map((position) => position.id);
    const everything = run({ ...base, expect: { keeps: { enlargement: all } } });
    expect(everything.holds).toBe(true);
    const answers = everything.details.answers as Record<string, Record<string, number>>;
    const counters = Object.values(answers).reduce((total, counts) => total + (counts.counter ?? 0), 0);
    // Keeping a single position fails for every counter that kept another one.
    let failed = 0;
    for (const kept of all) {
      const result = run({ ...base, expect: { keeps: { enlargement: [kept] } } });
      if (!result.holds) {
        failed++;
        expect(result.failures.join('\n')).toMatch(new RegExp(`countered with ${geneva.tracks[0]!.name} at [a-z0-9-]+, not ${kept}`));
        expect(result.reasons.length).toBeGreaterThan(0);
      }
    }
    if (counters > 0) expect(failed).toBeGreaterThanOrEqual(all.length - 1);
    else expect(failed).toBe(0);
  });

  it('refuses: holds for a position the persona never agrees to, fails for one it does', () => {
    const red = run(OPEN_DOOR_REFUSED);
    expect(red.holds).toBe(true);
    // Whatever US persona accepts the whole package agrees to its position on missiles.
    const accepting = usPersonas.find((persona) => usResponse(persona, 1, JANUARY).move.kind === 'accept');
    if (accepting) {
      const result = runScripted({
        name: 'agreed',
        side: 'us',
        personas: [accepting],
        seeds: 1,
        expect: { refuses: { missiles: ['aegis-transparency'] } },
      });
      expect(result.holds).toBe(false);
      expect(result.failures).toEqual([`${accepting} agreed to ${geneva.tracks[1]!.name} at aegis-transparency in 1 of 1 seeds`]);
    }
  });

  it('a list or "*" on a track tries every package, and the case holds only if each one does', () => {
    const result = runScripted({
      name: 'sweep',
      side: 'ru',
      seeds: 2,
      historyRounds: 1,
      offer: { positions: { enlargement: ['open-door', 'indivisibility-dialogue'], missiles: '*', exercises: '*' } },
      expect: { answers: [...RESPONSE_KINDS] },
    });
    // The US may offer four positions on missiles and four on exercises (not its red lines).
    expect(result.details.packages).toBe(2 * 4 * 4);
    const answers = result.details.answers as Record<string, Record<string, number>>;
    for (const persona of ruPersonas) expect(Object.values(answers[persona]!).reduce((a, b) => a + b, 0)).toBe(2 * 32);
  });

  it('a step the rules refuse fails the case, with its path', () => {
    const step = JSON.parse(JSON.stringify(geneva.debrief.line[0])) as Doc;
    setPath(step as never, ['proposal', 'positions'], { enlargement: 'rollback-1997', missiles: 'no-us-missiles-nukes' });
    const result = runScripted({ name: 'bad line', side: 'ru', seeds: 2, line: [step], expect: { answers: ['reject'] } });
    expect(result.holds).toBe(false);
    expect(result.failures).toEqual([
      'tests[0].line[0].proposal.positions: round "geneva": the proposal by "ru" names no position on track "exercises", which is still open: a package names every open track',
    ]);
  });

  it('tracks the line agreed are left out of later packages', () => {
    // After round 1 in which the US accepts Russia's proposal on exercises only… which the rules allow only
    // if not its red line: the US accepts some of a Russian package that puts exercises at reciprocal limits.
    const step = {
      round: 'geneva',
      proposal: { positions: { ...DRAFTS, exercises: 'reciprocal-limits' } },
      response: { kind: 'accept-some', tracks: ['exercises'] },
    };
    const result = runScripted({ name: 'agreed', side: 'ru', seeds: 2, line: [step], expect: { answers: [...RESPONSE_KINDS] } });
    expect(result.failures).toEqual([]);
    expect(result.holds).toBe(true);
  });

  it('seeds in which the game ends before the offer ask nothing; the case fails when no seed reaches it', () => {
    const result = runScripted({ name: 'too late', side: 'ru', seeds: 3, historyRounds: 1, expect: { answers: ['reject'] } }, warGeneva);
    expect(result.holds).toBe(false);
    expect(result.failures[0]).toMatch(/^no seed reached the offer; the game ended before the offer in seeds 1-3 \(war in round 1: /);
  });
});

describe('statistical cases', () => {
  const base = { kind: 'statistical', name: 'stats', side: 'us', policy: 'hawk', persona: 'ru-hardliner', games: 20, firstSeed: 7 };

  it('plays the games `simulate` plays, and its shares add up', () => {
    const result = run({ ...base, expect: { shares: { war: { min: 0 } } } });
    const games = runBatch(geneva, { seed: 7, matchups: [{ side: 'us', policy: 'hawk', persona: 'ru-hardliner' }], from: 0, to: 20 });
    const figures = tally(geneva, games);
    const shares = result.details.shares as Record<string, number>;
    for (const kind of OUTCOME_KINDS) expect(shares[kind]).toBeCloseTo(figures.outcomes[kind] / 20);
    expect(shares.deal).toBeCloseTo(shares.agreement! + shares['partial-deal']!);
    expect(shares['no-deal']).toBeCloseTo(shares.stalemate! + shares.walkout! + shares.war!);
    expect(shares['brink-or-war']).toBeCloseTo(shares.war! + shares.brink!);
    expect(shares.brink).toBeCloseTo(games.filter((game) => game.outcome !== 'war' && game.finalRisk >= topBandFrom(geneva)).length / 20);
    expect(result.details.meanRounds).toBeCloseTo(figures.meanRounds);
    expect(result.holds).toBe(true);
  });

  it('fails outside its ranges, with the shares observed', () => {
    const warEverywhere = run({ ...base, expect: { shares: { war: { min: 95 } } } }, warGeneva);
    expect(warEverywhere.holds).toBe(true);
    const noWar = run({ ...base, expect: { shares: { war: { max: 5 } }, meanRounds: { min: 3 } } }, warGeneva);
    expect(noWar.holds).toBe(false);
    expect(noWar.failures[0]).toMatch(/^war: 100% of 20 games; expected at most 5%$/);
    expect(noWar.failures[1]).toMatch(/^mean rounds played: 1\.0; expected at least 3$/);
    expect(noWar.failures[2]).toMatch(
      /^observed over 20 games: agreement 0%, partial-deal 0%, stalemate 0%, walkout 0%, war 100% \(deal 0%/,
    );
  });

  it('goes round several policies and personas, and lists each matchup when it fails', () => {
    const result = run(
      { ...base, policy: ['dove', 'hawk'], persona: undefined, games: 12, expect: { meanFinalRisk: { max: 0 } } },
      warGeneva,
    );
    expect(result.holds).toBe(false);
    const matchups = result.details.matchups as { policy: string; persona: string; games: number }[];
    expect(matchups.map((matchup) => `${matchup.policy} ${matchup.persona} ${matchup.games}`)).toEqual([
      'dove ru-hardliner 2',
      'dove ru-pragmatist 2',
      'dove ru-bluffer 2',
      'hawk ru-hardliner 2',
      'hawk ru-pragmatist 2',
      'hawk ru-bluffer 2',
    ]);
    expect(result.failures.filter((line) => line.startsWith('  '))).toHaveLength(6);
  });
});

describe('ordering cases', () => {
  const peace = {
    kind: 'agreement',
    agreed: { enlargement: 'moratorium', missiles: 'aegis-transparency', exercises: 'reciprocal-limits' },
    finalRisk: 40,
  } as const;
  const brink = { kind: 'walkout', agreed: {}, finalRisk: 90 } as const;

  it('compares the scores the game gives, side by side', () => {
    const better = run({ kind: 'ordering', name: 'o', better: peace, worse: brink });
    for (const side of ['us', 'ru']) {
      const first = scoreSettlement(geneva, side, peace).total;
      const second = scoreSettlement(geneva, side, brink).total;
      expect((better.details.scores as Record<string, { better: { total: number } }>)[side]!.better.total).toBe(first);
      expect(better.holds && first > second).toBe(better.holds);
    }
    // The same pair the other way round: exactly one of the two orders holds for a side (unless they tie).
    for (const side of ['us', 'ru']) {
      const forward = run({ kind: 'ordering', name: 'o', side, better: peace, worse: brink });
      const backward = run({ kind: 'ordering', name: 'o', side, better: brink, worse: peace });
      const first = scoreSettlement(geneva, side, peace).total;
      const second = scoreSettlement(geneva, side, brink).total;
      expect(forward.holds).toBe(first > second);
      expect(backward.holds).toBe(second > first);
      const failing = forward.holds ? backward : forward;
      expect(failing.failures[0]).toMatch(
        new RegExp(`^${side}: .* scores -?\\d+\\.\\d, .* scores -?\\d+\\.\\d; expected the first above the second$`),
      );
      expect(failing.failures[1]).toMatch(/^ {2}first: settled /);
    }
  });

  it('a margin asks for more than a difference', () => {
    const difference = scoreSettlement(geneva, 'us', peace).total - scoreSettlement(geneva, 'us', brink).total;
    const first = difference > 0 ? peace : brink;
    const second = difference > 0 ? brink : peace;
    const gap = Math.abs(difference);
    expect(run({ kind: 'ordering', name: 'o', side: 'us', better: first, worse: second, margin: Math.max(0, gap - 0.5) }).holds).toBe(
      gap > 0,
    );
    const tooMuch = run({ kind: 'ordering', name: 'o', side: 'us', better: first, worse: second, margin: Math.min(100, gap + 0.5) });
    expect(tooMuch.holds).toBe(false);
    expect(tooMuch.failures[0]).toMatch(/by more than /);
  });
});

describe('history cases', () => {
  it('ends where the historical line ends, seed by seed', () => {
    const endings = SEEDS.map((seed) => {
      const play = playHistoricalLine(geneva, seed);
      return endingsOf(geneva, play.final.outcome?.kind ?? null, play.final.risk);
    });
    const everyTime = ENDINGS.filter((ending) => endings.every((set) => set.has(ending)));
    const never = ENDINGS.filter((ending) => endings.every((set) => !set.has(ending)));
    expect(everyTime.length).toBeGreaterThan(0);
    expect(run({ kind: 'history', name: 'h', seeds: 5, expect: { endsIn: everyTime } }).holds).toBe(true);
    const wrong = run({ kind: 'history', name: 'h', seeds: 5, expect: { endsIn: never } });
    expect(wrong.holds).toBe(false);
    expect(wrong.failures[0]).toBe(`the line ends wrongly in 5 of 5 seeds (expected to end in ${never.join(' or ')}):`);
    expect(wrong.failures[1]).toMatch(/^ {2}seed 1: /);
  });

  it('checks the final risk, and reports a line the game refuses', () => {
    const risks = SEEDS.map((seed) => playHistoricalLine(geneva, seed).final.risk);
    expect(
      run({ kind: 'history', name: 'h', seeds: 5, expect: { finalRisk: { min: Math.min(...risks), max: Math.max(...risks) } } }).holds,
    ).toBe(true);
    expect(run({ kind: 'history', name: 'h', seeds: 5, expect: { finalRisk: { max: Math.min(...risks) - 0.1 } } }).holds).toBe(false);
    const refused = genevaWith((doc) => setPath(doc, ['debrief', 'line', 1, 'response', 'kind'], 'accept'));
    const result = run({ kind: 'history', name: 'h', seeds: 1, expect: { endsIn: [...ENDINGS] } }, refused);
    expect(result.holds).toBe(false);
    expect(result.failures[0]).toMatch(/^the game refuses the historical line: debrief\.line\[1\]\.response: /);
  });
});

describe('endings', () => {
  it('groups outcomes, and the top band makes the brink', () => {
    const top = topBandFrom(geneva);
    expect([...endingsOf(geneva, 'agreement', 10)]).toEqual(['agreement', 'deal']);
    expect([...endingsOf(geneva, 'stalemate', top)]).toEqual(['stalemate', 'no-deal', 'brink', 'brink-or-war']);
    expect([...endingsOf(geneva, 'walkout', top - 0.1)]).toEqual(['walkout', 'no-deal']);
    expect([...endingsOf(geneva, 'war', 50)]).toEqual(['war', 'no-deal', 'brink-or-war']);
    expect([...endingsOf(geneva, null, top)]).toEqual(['brink', 'brink-or-war']);
  });
});

describe('the bundled expectations files', () => {
  it.each(['geneva-2022', 'counterfactual-2022', 'inf-1987', 'cuba-1962'])('%s.tests.yaml is valid for its scenario', (name) => {
    const scenario = mustLoad(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), 'utf8'));
    const loaded = checkExpectations(parse(readFileSync(new URL(`../scenarios/${name}.tests.yaml`, import.meta.url), 'utf8')), scenario);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
  });
});
