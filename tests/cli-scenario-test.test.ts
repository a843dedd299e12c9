/**
 * `red-lines scenario test`: exit 0 when every case holds (or there is nothing to test), 1 when a
 * case fails — with the case, what happened, why it must hold and the AI's reasons — or the tests
 * are invalid (every problem with its path), 2 when a file cannot be read or parsed. Expectations
 * in JSON or YAML, in a separate file or in the scenario's own tests list; a JSON report.
 */
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { aiRespond } from '../src/engine/ai/counterpart.ts';
import { applyProposal } from '../src/engine/rules/round.ts';
import { RESPONSE_KINDS } from '../src/engine/scenario/schema.ts';
import {
  againstAi,
  geneva,
  GENEVA_PATH,
  GENEVA_TEXT,
  genevaDoc,
  OPEN_DOOR_REFUSED,
  opened,
  runCli,
  tempFiles,
  type Json,
} from './helpers.ts';

const { file } = tempFiles('red-lines-scenario-test-');

const TITLE_LINE = `Scenario tests for "${geneva.meta.title}" (${geneva.meta.id} ${geneva.meta.version})`;
const JANUARY = { enlargement: 'indivisibility-dialogue', missiles: 'aegis-transparency', exercises: 'vienna-document' };

/** Cases that hold whatever the AI's and the scores' tuning: they rest on red lines and the extremes. */
const HOLDING = [
  OPEN_DOOR_REFUSED,
  {
    kind: 'ordering',
    name: 'The US ideal at no risk scores above war for the US',
    side: 'us',
    better: { kind: 'agreement', agreed: { enlargement: 'open-door', missiles: 'no-limits', exercises: 'no-new-limits' }, finalRisk: 0 },
    worse: { kind: 'war', finalRisk: 100 },
  },
  {
    kind: 'history',
    name: 'The historical line ends somehow',
    seeds: 3,
    expect: { endsIn: ['agreement', 'partial-deal', 'stalemate', 'walkout', 'war'] },
  },
];

/** The first US persona's answer, seed by seed, when Russia offers the 26 January package in Geneva. */
function usAnswers(seeds: number) {
  const persona = geneva.personas.find((item) => item.side === 'us')!;
  return Array.from({ length: seeds }, (_, i) => {
    const state = opened(geneva, againstAi(geneva, persona.id, i + 1));
    const proposed = applyProposal(geneva, state, { side: 'ru', positions: JANUARY, posture: null, tone: 'firm' });
    return { persona: persona.id, ...aiRespond(geneva, proposed, 'us', persona) };
  });
}

/** A case bound to fail: it forbids the answer the first US persona gives with seed 1. */
function wrongCase() {
  const answers = usAnswers(20);
  const forbidden = answers[0]!.move.kind;
  return {
    persona: answers[0]!.persona,
    forbidden,
    count: answers.filter((answer) => answer.move.kind === forbidden).length,
    reasons: answers[0]!.decision.reasons,
    testCase: {
      kind: 'scripted',
      name: 'A deliberately wrong expectation',
      why: 'To see the command fail.',
      side: 'us',
      personas: [answers[0]!.persona],
      offer: { positions: JANUARY },
      expect: { answers: RESPONSE_KINDS.filter((kind) => kind !== forbidden) },
    },
  };
}

describe('scenario test: exit 0', () => {
  it('every case holds: each with ✓ and what happened, and a total', async () => {
    const path = file('holding.json', JSON.stringify({ scenario: 'geneva-2022', tests: HOLDING }));
    const { code, out, err } = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', path);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe(TITLE_LINE);
    expect(out).toContain(`From ${path} (3 cases):`);
    const cases = out.filter((line) => /^[✓✗] /.test(line));
    expect(cases).toHaveLength(3);
    expect(cases[0]).toMatch(/^✓ Russia never agrees to the open door in Brussels — 3 seeds × 16 packages: ru-hardliner /);
    expect(cases[1]).toMatch(
      /^✓ The US ideal at no risk scores above war for the US — agreement at risk 0 vs war at risk 100: us -?\d+\.\d vs -?\d+\.\d$/,
    );
    expect(cases[2]).toMatch(/^✓ The historical line ends somehow — 3 seeds: /);
    expect(out.at(-1)).toBe('All 3 cases hold.');
  });

  it('reads expectations in YAML (.yaml, .yml)', async () => {
    for (const name of ['holding.yaml', 'holding.yml']) {
      const path = file(name, `# comments are fine in YAML\n${stringify({ tests: HOLDING })}`);
      const { code, out, err } = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', path);
      expect(err, name).toEqual([]);
      expect(code, name).toBe(0);
      expect(out.at(-1), name).toBe('All 3 cases hold.');
    }
  });

  it("runs the scenario's own tests list", async () => {
    const doc = genevaDoc();
    doc.tests = HOLDING.slice(0, 2) as unknown as Json;
    const path = file('geneva-with-tests.json', JSON.stringify(doc));
    const { code, out } = await runCli('scenario', 'test', path);
    expect(code).toBe(0);
    expect(out).toContain(`From the scenario ${path} (2 cases):`);
    expect(out.at(-1)).toBe('All 2 cases hold.');
  });

  it('a scenario with no tests, none beside it and no expectations: nothing to check, exit 0', async () => {
    const alone = file('alone.json', GENEVA_TEXT);
    const { code, out, err } = await runCli('scenario', 'test', alone);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      `${alone}: no scenario tests, nothing to check (add a tests list to the scenario, keep them beside it in a .tests.yaml file, or name a file with --expectations FILE)`,
    ]);
  });

  it('a bundled scenario: its tests file beside it is used, and every case holds', async () => {
    const { code, out } = await runCli('scenario', 'test', GENEVA_PATH);
    expect(out).toContain(`From ${GENEVA_PATH.replace(/\.json$/, '.tests.yaml')} (14 cases):`);
    expect(out.at(-1)).toBe('All 14 cases hold.');
    expect(code).toBe(0);
  });
});

describe('scenario test: exit 1', () => {
  it("a deliberately wrong expectation: the case with ✗, what happened, why, and the AI's reasons", async () => {
    const wrong = wrongCase();
    const path = file('wrong.yaml', stringify({ tests: [...HOLDING, wrong.testCase] }));
    const { code, out, err } = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', path);
    expect(err).toEqual([]);
    expect(code).toBe(1);
    const start = out.indexOf('✗ A deliberately wrong expectation');
    expect(start).toBeGreaterThan(0);
    const block = out.slice(start, out.indexOf('', start));
    expect(block[1]).toBe(`    ${wrong.persona} answered ${wrong.forbidden} in ${wrong.count} of 20 seeds`);
    expect(block[2]).toMatch(new RegExp(`^ {4}what happened: 20 seeds: ${wrong.persona} ${wrong.forbidden} ${wrong.count}`));
    expect(block[3]).toBe('    why it must hold: To see the command fail.');
    expect(block[4]).toBe("    the AI's reasons:");
    expect(block[5]).toMatch(new RegExp(`^ {6}${wrong.persona}, seed 1 \\(round 1, response\\): ${wrong.forbidden}`));
    expect(wrong.reasons.length).toBeGreaterThan(0);
    expect(block.slice(6)).toEqual(wrong.reasons.map((reason) => `        ${reason}`));
    expect(out.at(-1)).toBe('3 of 4 cases hold; 1 fails.');
  });

  it('invalid expectations: every problem with its path, nothing run', async () => {
    // Cases whose ids the scenario lacks; `fieldsWrong` adds a value out of range and a key too many.
    const cases = (fieldsWrong: boolean) => [
      { kind: 'scripted', name: 'a', side: 'russia', offer: { positions: JANUARY }, expect: { answers: ['accept'] } },
      {
        kind: 'statistical',
        name: 'b',
        side: 'us',
        policy: 'hawk',
        persona: 'ru-hawk',
        expect: { shares: { war: { min: fieldsWrong ? 120 : 20 } } },
      },
      {
        kind: 'ordering',
        name: 'c',
        better: { kind: 'agreement', agreed: { missiles: 'zero' }, finalRisk: 10 },
        worse: { kind: 'war', finalRisk: 100 },
        ...(fieldsWrong ? { extra: 1 } : {}),
      },
    ];
    const path = file('invalid.yaml', stringify({ scenario: 'geneva-2022', tests: cases(true) }));
    const { code, out, err } = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', path);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `${path} are not valid scenario tests (2 problems):`,
      '  tests[1].expect.shares.war.min: expected a number from 0 to 100',
      '  tests[2]: unknown key "extra": expected one of "kind", "name", "why", "side", "better", "worse", "margin"',
    ]);
    // Once the fields are right, the references are checked.
    const refs = file('refs.yaml', stringify({ tests: cases(false) }));
    const second = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', refs);
    expect(second.code).toBe(1);
    expect(second.err).toEqual([
      `${refs} are not valid scenario tests (3 problems):`,
      '  tests[0].side: unknown side "russia"; expected "us" and "ru"',
      '  tests[1].persona: unknown persona "ru-hawk"',
      '  tests[2].better.agreed.missiles: unknown position "zero" on track "missiles"',
    ]);
  });

  it("invalid tests in the scenario's own list: paths from tests", async () => {
    const doc = genevaDoc();
    doc.tests = [
      { kind: 'history', name: 'h', expect: { endsIn: ['war'] } },
      { kind: 'history', name: 'h', expect: { endsIn: ['war'] } },
    ];
    const path = file('geneva-bad-tests.json', JSON.stringify(doc));
    const { code, err } = await runCli('scenario', 'test', path);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${path}: the scenario's tests are not valid (1 problem):`,
      '  tests[1].name: duplicate test name (also tests[0])',
    ]);
  });

  it('--json: a machine-readable report, exit 1 when a case fails', async () => {
    const wrong = wrongCase();
    const path = file('wrong.json', JSON.stringify({ tests: [HOLDING[1], wrong.testCase] }));
    const { code, out } = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', path, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out.join('\n')) as {
      scenario: { id: string };
      ok: boolean;
      held: number;
      failed: number;
      cases: {
        source: string;
        path: string;
        name: string;
        holds: boolean;
        failures: string[];
        reasons: string[];
        details: { answers: unknown };
      }[];
    };
    expect(report).toMatchObject({ scenario: { id: 'geneva-2022' }, ok: false, held: 1, failed: 1 });
    expect(report.cases.map((item) => [item.source, item.path, item.holds])).toEqual([
      ['expectations', 'tests[0]', true],
      ['expectations', 'tests[1]', false],
    ]);
    expect(report.cases[1]!.failures).toEqual([`${wrong.persona} answered ${wrong.forbidden} in ${wrong.count} of 20 seeds`]);
    expect(report.cases[1]!.reasons.slice(1)).toEqual(wrong.reasons.map((reason) => `  ${reason}`));
    expect(report.cases[1]!.details.answers).toEqual({ [wrong.persona]: expect.objectContaining({ [wrong.forbidden]: wrong.count }) });

    const holding = file('holding-report.json', JSON.stringify({ tests: HOLDING.slice(1) }));
    const passed = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', holding, '--json');
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.out.join('\n'))).toMatchObject({ ok: true, held: 2, failed: 0 });
  });
});

describe('scenario test: exit 2', () => {
  it('an expectations file that cannot be read', async () => {
    const missing = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', '/nonexistent/tests.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual(['cannot read /nonexistent/tests.yaml: no such file']);
    const huge = file('huge.yaml', `# ${'x'.repeat(1024 * 1024)}\ntests: []\n`);
    const big = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', huge);
    expect(big.code).toBe(2);
    expect(big.err).toEqual([`${huge}: the file is 1.0 MiB; scenarios may be at most 1 MiB`]);
  });

  it('a syntax error, with its line and column', async () => {
    const yaml = file('broken.yaml', 'tests:\n  - kind: history\n    name: "unclosed\n');
    const fromYaml = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', yaml);
    expect(fromYaml.code).toBe(2);
    expect(fromYaml.err).toHaveLength(1);
    expect(fromYaml.err[0]).toMatch(
      new RegExp(`^${yaml.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid YAML at line \\d+, column \\d+: `),
    );
    const json = file('broken.json', '{\n  "tests": [\n    { "kind": "history", }\n  ]\n}\n');
    const fromJson = await runCli('scenario', 'test', GENEVA_PATH, '--expectations', json);
    expect(fromJson.code).toBe(2);
    expect(fromJson.err).toEqual([`${json}: invalid JSON at line 3, column 26: expected a property name in double quotes`]);
  });

  it('a scenario that cannot be read; a command without its file', async () => {
    const missing = await runCli('scenario', 'test', '/nonexistent/scenario.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual(['cannot read /nonexistent/scenario.json: no such file']);
    const bare = await runCli('scenario', 'test');
    expect(bare.code).toBe(2);
    expect(bare.err.join('\n')).toContain('red-lines scenario test FILE [--expectations FILE] [--json]');
  });
});
