/**
 * The command line for instructors: `scenario check` on YAML and JSON files (summary, problems
 * with paths, syntax errors with a position, the size limit, warnings of meaning) and
 * `scenario balance` (both sides' tables, JSON output, determinism, bad arguments). No command
 * ever prints a stack trace.
 */

import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';

import { POLICY_NAMES } from '../src/engine/bots/policies.ts';
import { MAX_SCENARIO_BYTES } from '../src/engine/scenario/formats.ts';
import { geneva, GENEVA_PATH, GENEVA_TEXT, genevaDoc, ROOT, setPath, type JsonObject, runCli, tempFiles } from './helpers.ts';

const { dir, file } = tempFiles('red-lines-instructors-');
const run = runCli;

const GENEVA_YAML = stringify(genevaDoc());
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE = geneva.meta.title;
const ID_VERSION = `${geneva.meta.id} ${geneva.meta.version}`;
const US_NAME = 'United States / NATO';
const RU_NAME = 'Russia';
const personas = (side: string) => geneva.personas.filter((persona) => persona.side === side).length;

const NO_WARNINGS =
  'No warnings: war is neither certain nor absent, no policy scores best against every persona, chance beats none, the personas end games differently, and games last several rounds.';

/** Geneva in which every incident happens and escalates: war in nearly every game. */
function warScenario(): JsonObject {
  const doc = genevaDoc();
  const always = [
    { risk: 0, chance: 1 },
    { risk: 100, chance: 1 },
  ];
  setPath(doc, ['escalation', 'incident', 'chance'], always);
  setPath(doc, ['escalation', 'incident', 'escalation'], always);
  return doc;
}

describe('scenario check on YAML files', () => {
  it('a valid YAML scenario: exit 0 and the same summary as the JSON', async () => {
    const path = file('geneva.yaml', GENEVA_YAML);
    const yaml = await run('scenario', 'check', path);
    expect(yaml.code).toBe(0);
    expect(yaml.err).toEqual([]);
    expect(yaml.out[0]).toBe(`${path}: valid scenario "${TITLE}" (${ID_VERSION})`);
    expect(yaml.out.join('\n')).toContain(`sides: ${US_NAME} [us] vs ${RU_NAME} [ru]`);
    expect(yaml.out.join('\n')).not.toContain('warning');

    const json = await run('scenario', 'check', GENEVA_PATH);
    expect(json.code).toBe(0);
    expect(yaml.out.slice(1)).toEqual(json.out.slice(1));
  });

  it('.yml files and files without an extension are read as YAML too', async () => {
    for (const name of ['geneva.yml', 'GENEVA.YAML', 'geneva-no-extension']) {
      const path = file(name, GENEVA_YAML);
      const { code, out, err } = await run('scenario', 'check', path);
      expect(code, name).toBe(0);
      expect(err, name).toEqual([]);
      expect(out[0], name).toBe(`${path}: valid scenario "${TITLE}" (${ID_VERSION})`);
    }
  });

  it('an invalid YAML scenario: exit 1 and one line per problem, with its path', async () => {
    const doc = genevaDoc();
    setPath(doc, ['tracks', 1, 'positions', 0, 'utility', 'us'], 150);
    setPath(doc, ['sides', 0, 'colour'], 'blue');
    const path = file('invalid.yaml', stringify(doc));
    const { code, out, err } = await run('scenario', 'check', path);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `${path} is not a valid scenario (2 problems):`,
      '  sides[0].colour: expected a colour such as "#1f5fa8"',
      '  tracks[1].positions[0].utility.us: expected a number from 0 to 100',
    ]);
  });

  it('a dangling reference in YAML: exit 1, with its path', async () => {
    const doc = genevaDoc();
    setPath(doc, ['tracks', 0, 'statusQuo'], 'nowhere');
    const path = file('dangling.yml', stringify(doc));
    const { code, err } = await run('scenario', 'check', path);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${path} is not a valid scenario (1 problem):`,
      '  tracks[0].statusQuo: unknown position "nowhere" on track "enlargement"',
    ]);
  });

  it('a YAML syntax error: exit 2 and one line with the line and column', async () => {
    const lines = GENEVA_YAML.split('\n');
    const index = lines.indexOf('  - id: us');
    expect(index).toBeGreaterThan(0);
    lines.splice(index + 1, 0, '    id: ru');
    const path = file('duplicate.yaml', lines.join('\n'));
    const { code, out, err } = await run('scenario', 'check', path);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`${path}: invalid YAML at line ${index + 2}, column 5: Map keys must be unique`]);

    const small = file('tab.yaml', 'meta:\n\tid: x\n');
    const tab = await run('scenario', 'check', small);
    expect(tab.code).toBe(2);
    expect(tab.err).toEqual([`${small}: invalid YAML at line 2, column 1: Tabs are not allowed as indentation`]);
  });

  it('JSON in a .yaml file is read as YAML (JSON is YAML), but YAML in a .json file is a JSON error', async () => {
    const jsonInYaml = await run('scenario', 'check', file('json.yaml', GENEVA_TEXT));
    expect(jsonInYaml.code).toBe(0);
    const yamlInJson = file('yaml.json', GENEVA_YAML);
    const { code, err } = await run('scenario', 'check', yamlInJson);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^${escapeRegExp(yamlInJson)}: invalid JSON at line 1, column 1: `));
  });

  it('a file over 1 MiB: exit 2 and one line, YAML or JSON', async () => {
    const padding = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil(MAX_SCENARIO_BYTES / 100));
    for (const [name, text] of [
      ['big.yaml', GENEVA_YAML + padding],
      ['big.json', GENEVA_TEXT + ' '.repeat(MAX_SCENARIO_BYTES)],
    ] as const) {
      const path = file(name, text);
      const { code, out, err } = await run('scenario', 'check', path);
      expect(code, name).toBe(2);
      expect(out, name).toEqual([]);
      expect(err, name).toHaveLength(1);
      expect(err[0], name).toMatch(new RegExp(`^${escapeRegExp(path)}: the file is 1\\.\\d MiB; scenarios may be at most 1 MiB$`));
    }
  });

  it('exactly 1 MiB is still read', async () => {
    const base = `${GENEVA_YAML}\n`;
    const path = file('exact.yaml', base + '#'.repeat(MAX_SCENARIO_BYTES - Buffer.byteLength(base)));
    const { code, err } = await run('scenario', 'check', path);
    expect(err).toEqual([]);
    expect(code).toBe(0);
  });

  it('a file over 8 MiB is not even read: exit 2 and one line', async () => {
    const path = file('huge.yaml', '#'.repeat(8 * 1024 * 1024 + 1));
    const { code, err } = await run('scenario', 'check', path);
    expect(code).toBe(2);
    expect(err).toEqual([`${path} is larger than 8 MiB`]);
  });

  it('warnings of meaning are printed after the summary with "warning:" and their paths, and the exit is 0', async () => {
    const doc = genevaDoc();
    const ceasefire = geneva.events.findIndex((event) => event.id === 'ceasefire-violations-surge');
    setPath(doc, ['events', ceasefire, 'probability'], 0);
    ((doc.meta as JsonObject).sources as JsonObject[]).push({ id: 'unused-source', label: 'Nobody cites this' });
    const path = file('warnings.yaml', stringify(doc));
    const { code, out, err } = await run('scenario', 'check', path);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`${path}: valid scenario "${TITLE}" (${ID_VERSION})`);
    const at = out.indexOf('2 warnings (the scenario still loads and plays):');
    expect(at).toBeGreaterThan(0);
    expect(out.slice(at + 1)).toEqual([
      `  warning: events[${ceasefire}].probability: event "ceasefire-violations-surge" can never fire (probability 0)`,
      `  warning: meta.sources[${geneva.meta.sources.length}]: source "unused-source" is listed but never cited`,
    ]);
    // The summary comes first.
    expect(out.slice(0, at).some((line) => line.includes('sources:'))).toBe(true);
  });

  it('one warning is "1 warning"', async () => {
    const doc = genevaDoc();
    ((doc.meta as JsonObject).sources as JsonObject[]).push({ id: 'unused-source', label: 'Nobody cites this' });
    const { code, out } = await run('scenario', 'check', file('one-warning.json', JSON.stringify(doc)));
    expect(code).toBe(0);
    expect(out.at(-2)).toBe('1 warning (the scenario still loads and plays):');
    expect(out.at(-1)).toMatch(/^ {2}warning: meta\.sources\[\d+\]: source "unused-source" is listed but never cited$/);
  });
});

describe('scenario balance', () => {
  const games = 5;
  const rowsPerSide = { us: POLICY_NAMES.length * personas('ru'), ru: POLICY_NAMES.length * personas('us') };
  const total = games * (rowsPerSide.us + rowsPerSide.ru);

  it('--games 5 prints both sides’ tables, every policy against every persona, and exit 0', async () => {
    const { code, out, err } = await run('scenario', 'balance', GENEVA_PATH, '--games', String(games));
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`${TITLE}: balance over ${total} games (${games} per matchup, seeds 1–${total})`);
    const usAt = out.indexOf(`Bots play ${US_NAME}:`);
    const ruAt = out.indexOf(`Bots play ${RU_NAME}:`);
    expect(usAt).toBeGreaterThan(0);
    expect(ruAt).toBeGreaterThan(usAt);
    // A header, a row per matchup and an "all" row; then a blank line.
    const usTable = out.slice(usAt + 1, ruAt - 1);
    expect(usTable).toHaveLength(1 + rowsPerSide.us + 1);
    expect(usTable[0]).toMatch(
      /^ {2}policy +persona +games +agreement +partial-deal +stalemate +us walked out +ru walked out +war +mean risk +rounds +score us +score ru$/,
    );
    for (const policy of POLICY_NAMES) {
      for (const persona of geneva.personas.filter((item) => item.side === 'ru')) {
        expect(
          usTable.some((line) => new RegExp(`^ {2}${policy} +${persona.id} +${games} `).test(line)),
          `${policy} vs ${persona.id}`,
        ).toBe(true);
      }
    }
    expect(usTable.at(-1)).toMatch(new RegExp(`^ {2}all +${games * rowsPerSide.us} `));
    const ruTable = out.slice(ruAt + 1, ruAt + 1 + 1 + rowsPerSide.ru + 1);
    expect(ruTable.at(-1)).toMatch(new RegExp(`^ {2}all +${games * rowsPerSide.ru} `));
    for (const persona of geneva.personas.filter((item) => item.side === 'us')) {
      expect(ruTable.filter((line) => line.includes(` ${persona.id} `))).toHaveLength(POLICY_NAMES.length);
    }
    // Warnings or the all-clear close the report.
    const last = out.at(-1)!;
    expect(last === NO_WARNINGS || last.startsWith('warning: ')).toBe(true);
  });

  it('--json: sides (2) with a row per policy and persona, and the warnings', async () => {
    const { code, out, err } = await run('scenario', 'balance', GENEVA_PATH, '--games', String(games), '--json');
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0]!) as {
      scenario: string;
      gamesPerMatchup: number;
      sides: {
        side: string;
        rows: { matchup: { side: string; policy: string; persona: string }; tally: { games: number } }[];
        total: { games: number };
      }[];
      warnings: string[];
    };
    expect(report.scenario).toBe('geneva-2022');
    expect(report.gamesPerMatchup).toBe(games);
    expect(report.sides.map((side) => side.side)).toEqual(['us', 'ru']);
    for (const side of report.sides) {
      const id = side.side as 'us' | 'ru';
      expect(side.rows).toHaveLength(rowsPerSide[id]);
      expect(side.rows.every((row) => row.matchup.side === id && row.tally.games === games)).toBe(true);
      expect(new Set(side.rows.map((row) => `${row.matchup.policy}/${row.matchup.persona}`)).size).toBe(rowsPerSide[id]);
      expect(side.total.games).toBe(games * rowsPerSide[id]);
    }
    expect(Array.isArray(report.warnings)).toBe(true);
    expect(report.warnings.every((warning) => typeof warning === 'string')).toBe(true);
  });

  it('the same arguments print the same output twice; the YAML file prints what the JSON file does', async () => {
    const a = await run('scenario', 'balance', GENEVA_PATH, '--games', '3');
    const b = await run('scenario', 'balance', GENEVA_PATH, '--games', '3');
    expect(a.code).toBe(0);
    expect(b.out).toEqual(a.out);
    const yaml = await run('scenario', 'balance', file('balance.yaml', GENEVA_YAML), '--games', '3');
    expect(yaml.out).toEqual(a.out);
    const aJson = await run('scenario', 'balance', GENEVA_PATH, '--games', '3', '--json');
    const bJson = await run('scenario', 'balance', GENEVA_PATH, '--games', '3', '--json');
    expect(bJson.out).toEqual(aJson.out);
  });

  it('a degenerate scenario: the warnings are printed with "warning:", and the exit is still 0', async () => {
    const path = file('war.yaml', stringify(warScenario()));
    const { code, out } = await run('scenario', 'balance', path, '--games', '3');
    expect(code).toBe(0);
    expect(out.some((line) => line.startsWith('warning: war in nearly every game (') && line.endsWith(`when bots play ${RU_NAME}`))).toBe(
      true,
    );
    expect(out.at(-1)!.startsWith('warning: ')).toBe(true);
    expect(out).not.toContain(NO_WARNINGS);

    const json = await run('scenario', 'balance', path, '--games', '3', '--json');
    const report = JSON.parse(json.out[0]!) as { warnings: string[] };
    expect(
      report.warnings.some((warning) => warning.startsWith('war in nearly every game (') && warning.endsWith(`when bots play ${RU_NAME}`)),
    ).toBe(true);
    expect(out.filter((line) => line.startsWith('warning: '))).toEqual(report.warnings.map((warning) => `warning: ${warning}`));
  });

  it('bad --games: exit 2 and one line', async () => {
    for (const value of ['0', '-1', 'abc', '1.5', '100001', '', '1e9', 'NaN', 'Infinity']) {
      const { code, out, err } = await run('scenario', 'balance', GENEVA_PATH, `--games=${value}`);
      expect(code, value).toBe(2);
      expect(out, value).toEqual([]);
      expect(err, value).toEqual(['--games: expected a whole number of games per matchup, from 1 to 100000']);
    }
    const missing = await run('scenario', 'balance', GENEVA_PATH, '--games');
    expect(missing.code).toBe(2);
    expect(missing.err).toHaveLength(1);
    expect(missing.err[0]).toMatch(/^red-lines: .*--games/);
    // "--games -1" looks like an option to the argument parser: refused before the command runs.
    const dash = await run('scenario', 'balance', GENEVA_PATH, '--games', '-1');
    expect(dash.code).toBe(2);
    expect(dash.out).toEqual([]);
    expect(dash.err[0]).toMatch(/^red-lines: Option '--games' argument is ambiguous/);
  });

  it('an invalid, unreadable or missing scenario: the exit codes of check', async () => {
    const doc = genevaDoc();
    setPath(doc, ['sides', 0, 'colour'], 'blue');
    const invalid = await run('scenario', 'balance', file('bad.yaml', stringify(doc)), '--games', '1');
    expect(invalid.code).toBe(1);
    expect(invalid.err[1]).toBe('  sides[0].colour: expected a colour such as "#1f5fa8"');
    const broken = await run('scenario', 'balance', file('broken.yaml', 'meta: [unclosed\n'), '--games', '1');
    expect(broken.code).toBe(2);
    expect(broken.err).toHaveLength(1);
    expect(broken.err[0]).toMatch(/: invalid YAML at line \d+, column \d+: /);
    const missingPath = join(dir, 'nowhere.yaml');
    const missing = await run('scenario', 'balance', missingPath);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([`cannot read ${missingPath}: no such file`]);
  });
});

describe('simulate reads YAML too', () => {
  it('the same figures from the YAML file as from the JSON', async () => {
    const args = ['--games', '24', '--seed', '7'];
    const json = await run('simulate', GENEVA_PATH, ...args);
    const yaml = await run('simulate', file('simulate.yaml', GENEVA_YAML), ...args);
    expect(json.code).toBe(0);
    expect(yaml.code).toBe(0);
    expect(yaml.err).toEqual([]);
    expect(yaml.out).toEqual(json.out);
  });

  it('a YAML syntax error: exit 2 with its position', async () => {
    const path = file('simulate-broken.yaml', 'meta:\n  id: x\n id: y\n');
    const { code, err } = await run('simulate', path, '--games', '1');
    expect(code).toBe(2);
    expect(err).toEqual([`${path}: invalid YAML at line 3, column 1: All mapping items must start at the same column`]);
  });
});

describe('usage', () => {
  it('the help names scenario check, scenario balance and YAML', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('red-lines scenario balance FILE [--games N] [--json]');
    expect(out.join('\n')).toContain('JSON or YAML');
  });

  it('scenario balance without a file: usage, exit 2', async () => {
    const { code, err } = await run('scenario', 'balance');
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('Usage:');
  });
});

describe('the bundled scenarios are balanced as a teacher would want', () => {
  // Issue 8, point 6: no policy best against every persona, chance never best, personas that differ,
  // games of several rounds — with the command's default number of games.
  for (const name of ['geneva-2022', 'counterfactual-2022', 'inf-1987', 'cuba-1962']) {
    it(`${name}: scenario balance --json has no warnings`, async () => {
      const { code, out } = await run('scenario', 'balance', `${ROOT}/scenarios/${name}.json`, '--json');
      expect(code).toBe(0);
      expect((JSON.parse(out[0]!) as { warnings: string[] }).warnings).toEqual([]);
    }, 120_000);
  }
});
