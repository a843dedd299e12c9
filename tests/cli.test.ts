import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { printable } from '../src/cli/io.ts';
import { POLICY_NAMES } from '../src/engine/bots/policies.ts';
import type { Session } from '../src/engine/session/format.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { sealed } from '../src/engine/session/seal.ts';
import { geneva, GENEVA_PATH, GENEVA_TEXT, genevaDoc, genevaSource, ROOT, setPath, runCli, tempFiles, type JsonObject } from './helpers.ts';

const { dir, file } = tempFiles('red-lines-cli-');
const run = runCli;

describe('red-lines scenario check', () => {
  it('a valid scenario: exit 0 and a summary', async () => {
    const { code, out, err } = await run('scenario', 'check', GENEVA_PATH);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`${GENEVA_PATH}: valid scenario "Geneva 2022 — the January talks, as they happened" (geneva-2022 1.0)`);
    expect(out.join('\n')).toContain('sides: United States / NATO [us] vs Russia [ru]');
    // One track and one round a line: venues hold commas of their own.
    expect(out.slice(2, 13)).toEqual([
      '  tracks: 3',
      '    - NATO enlargement (6 positions)',
      '    - Intermediate-range missiles (5 positions)',
      '    - Military exercises (5 positions)',
      '  rounds: 5',
      '    1. Geneva: US–Russia Strategic Stability Dialogue (10 January 2022)',
      '    2. Brussels: NATO–Russia Council (12 January 2022)',
      '    3. Vienna: OSCE Permanent Council (13 January 2022)',
      '    4. Washington and Brussels: written replies (26 January 2022)',
      "    5. Moscow: Russia's written reply (17 February 2022)",
      expect.stringMatching(/^ {2}posture moves: /),
    ]);
  });

  it('one run shows everything: schema problems, reference problems and warnings together', async () => {
    const doc = genevaDoc();
    setPath(doc, ['escalation', 'weights', 'gapp'], 1);
    setPath(doc, ['sides', 0, 'colour'], null);
    setPath(doc, ['tracks', 1, 'statusQuo'], 'nowhere');
    ((doc.meta as JsonObject).sources as JsonObject[]).push({ id: 'unused-source', label: 'Unused', url: 'https://example.org' });
    const path = file('everything.json', JSON.stringify(doc));
    const { code, out, err } = await run('scenario', 'check', path);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `${path} is not a valid scenario (3 problems and 1 warning):`,
      '  sides[0].colour: expected text',
      '  escalation.weights: unknown key "gapp": expected one of "gap", "posture", "tone", "agreement", "event", "incident"',
      '  tracks[1].statusQuo: unknown position "nowhere" on track "missiles"',
      expect.stringMatching(/^ {2}warning: meta\.sources\[\d+\]: source "unused-source" is listed but never cited$/),
    ]);
  });

  it('an invalid scenario: exit 1 and one line per problem, with its path', async () => {
    const doc = genevaDoc();
    setPath(doc, ['tracks', 1, 'positions', 0, 'utility', 'us'], 150);
    setPath(doc, ['sides', 0, 'colour'], 'blue');
    const path = file('invalid.json', JSON.stringify(doc));
    const { code, out, err } = await run('scenario', 'check', path);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `${path} is not a valid scenario (2 problems):`,
      '  sides[0].colour: expected a colour such as "#1f5fa8"',
      '  tracks[1].positions[0].utility.us: expected a number from 0 to 100',
    ]);
  });

  it('an invalid cross-reference: exit 1, with its path', async () => {
    const doc = genevaDoc();
    setPath(doc, ['tracks', 0, 'statusQuo'], 'nowhere');
    const path = file('dangling.json', JSON.stringify(doc));
    const { code, err } = await run('scenario', 'check', path);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${path} is not a valid scenario (1 problem):`,
      '  tracks[0].statusQuo: unknown position "nowhere" on track "enlargement"',
    ]);
  });

  it('a missing file: exit 2 and one line', async () => {
    const path = join(dir, 'no-such-file.json');
    const { code, out, err } = await run('scenario', 'check', path);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`cannot read ${path}: no such file`]);
  });

  it('a folder: exit 2 and one line', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const { code, err } = await run('scenario', 'check', folder);
    expect(code).toBe(2);
    expect(err).toEqual([`${folder} is a folder, not a file`]);
  });

  it('a pipe is refused at once, not waited on: exit 2 and one line', async () => {
    const fifo = join(dir, 'a-pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const command of [
      ['scenario', 'check', fifo],
      ['replay', fifo],
    ]) {
      const { code, err } = await run(...command);
      expect(code).toBe(2);
      expect(err).toEqual([`${fifo} is not a regular file (a pipe, socket or device)`]);
    }
  }, 10_000);

  it('a device that never ends (/dev/zero, /dev/urandom) is refused without reading it', async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const { code, err } = await run('scenario', 'check', device);
      expect(code).toBe(2);
      expect(err).toEqual([`${device} is not a regular file (a pipe, socket or device)`]);
    }
  });

  it('a syntax error: exit 2, with the line and the column', async () => {
    const path = file('syntax.json', '{\n  "meta": {\n    "id": "x",,\n  }\n}');
    const { code, err } = await run('scenario', 'check', path);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON at line 3, column \\d+: `));
    expect(err[0]).toContain('line');
    expect(err[0]).toContain('column');
  });

  it('well-formed JSON that is not a scenario object is invalid (exit 1), not unreadable', async () => {
    // load-scenario-file.ts: "A syntax error means the file cannot be parsed at all (exit 2); anything else is invalid (exit 1)."
    for (const [name, text] of [
      ['array.json', '[]'],
      ['number.json', '42'],
      ['null.json', 'null'],
    ] as const) {
      const path = file(name, text);
      const { code, err } = await run('scenario', 'check', path);
      expect(code, name).toBe(1);
      expect(err.join('\n'), name).toContain('(document): ');
    }
  });

  it('a document nested too deep: exit 2, one line', async () => {
    const path = file('deep.json', '['.repeat(5000) + ']'.repeat(5000));
    const { code, err } = await run('scenario', 'check', path);
    expect(code).toBe(2);
    expect(err).toEqual([`${path}: nested more than 64 levels deep`]);
  });

  it('wrong arguments: exit 2 with the usage', async () => {
    const { code, err } = await run('scenario', 'frobnicate');
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('Usage:');
    const unknown = await run('--no-such-option');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toMatch(/^red-lines: /);
  });

  it('help: exit 0 with the usage', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('red-lines scenario check FILE');
  });
});

describe('red-lines simulate', () => {
  const args = ['simulate', GENEVA_PATH, '--games', '24', '--seed', '7'];

  it('prints the same table twice for the same arguments', async () => {
    const first = await run(...args);
    const second = await run(...args);
    expect(first.code).toBe(0);
    expect(first.err).toEqual([]);
    expect(second.out).toEqual(first.out);
    expect(first.out[0]).toContain('24 games from seed 7');
    const header = first.out.find((line) => line.startsWith('policy'))!;
    expect(header).toMatch(/agreement +partial-deal +stalemate +us walked out +ru walked out +war +mean risk/);
    expect(first.out.some((line) => line.startsWith('all '))).toBe(true);
  });

  it('a different seed gives different games', async () => {
    const a = await run('simulate', GENEVA_PATH, '--games', '24', '--seed', '7', '--json');
    const b = await run('simulate', GENEVA_PATH, '--games', '24', '--seed', '8', '--json');
    expect(a.out).not.toEqual(b.out);
  });

  it('--json prints one parsable document whose counts add up', async () => {
    const { code, out } = await run(...args, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as {
      scenario: string;
      games: number;
      seed: number;
      side: string;
      rows: { matchup: { policy: string; persona: string }; tally: { games: number; outcomes: Record<string, number> } }[];
      total: { games: number; outcomes: Record<string, number>; meanRisk: number };
    };
    expect(report).toMatchObject({ scenario: 'geneva-2022', games: 24, seed: 7, side: 'us' });
    expect(report.total.games).toBe(24);
    expect(Object.values(report.total.outcomes).reduce((a, b) => a + b, 0)).toBe(24);
    expect(report.rows.reduce((total, row) => total + row.tally.games, 0)).toBe(24);
    // One row per policy against each persona of the other side, each matchup once.
    const ruPersonas = geneva.personas.filter((persona) => persona.side === 'ru').map((persona) => persona.id);
    expect(report.rows).toHaveLength(POLICY_NAMES.length * ruPersonas.length);
    expect(new Set(report.rows.map((row) => `${row.matchup.policy}/${row.matchup.persona}`)).size).toBe(report.rows.length);
    expect(new Set(report.rows.map((row) => row.matchup.policy))).toEqual(new Set(POLICY_NAMES));
    expect(new Set(report.rows.map((row) => row.matchup.persona))).toEqual(new Set(ruPersonas));
    expect(report.total.meanRisk).toBeGreaterThanOrEqual(0);
    expect(report.total.meanRisk).toBeLessThanOrEqual(100);
  });

  it('--policy, --persona and --side narrow the matchups', async () => {
    const { code, out } = await run(
      'simulate',
      GENEVA_PATH,
      '--games',
      '6',
      '--side',
      'ru',
      '--policy',
      'dove',
      '--persona',
      'us-hawk',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as { side: string; rows: { matchup: { policy: string; persona: string } }[] };
    expect(report.side).toBe('ru');
    expect(report.rows.map((row) => row.matchup)).toEqual([{ side: 'ru', policy: 'dove', persona: 'us-hawk' }]);
  });

  it('bad options: exit 2 and one line', async () => {
    for (const [option, value, message] of [
      ['--games', '0', '--games: expected a whole number'],
      ['--games', 'many', '--games: expected a whole number'],
      ['--seed=-1', null, '--seed: expected a whole number'],
      ['--seed', '1.5', '--seed: expected a whole number'],
      ['--policy', 'sneaky', '--policy: expected one of random, greedy, hawk, dove'],
      ['--side', 'eu', '--side: expected us or ru'],
      ['--persona', 'us-hawk', '--persona: expected a persona of side "ru"'],
    ] as const) {
      const { code, err } = await run('simulate', GENEVA_PATH, ...(value === null ? [option] : [option, value]));
      expect(code, `${option} ${value}`).toBe(2);
      expect(err, `${option} ${value}`).toHaveLength(1);
      expect(err[0]).toContain(message);
    }
  });

  it('an invalid scenario: exit 1, as check does', async () => {
    const doc = genevaDoc();
    setPath(doc, ['sides'], []);
    const { code, err } = await run('simulate', file('no-sides.json', JSON.stringify(doc)), '--games', '2');
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('sides: expected exactly 2 sides');
  });
});

describe('red-lines simulate --out, then replay', () => {
  const out = join(dir, 'sessions');
  let written: Promise<string[]> | null = null;
  /** The session files of a 12-game simulation, written by whichever test needs them first: each test runs alone too. */
  const sessionFiles = () =>
    (written ??= run('simulate', GENEVA_PATH, '--games', '12', '--seed', '3', '--out', out).then((result) => {
      expect(result.code).toBe(0);
      expect(result.out.at(-1)!.trim()).toBe(`Wrote 12 session files to ${out}`);
      return readdirSync(out).sort();
    }));

  it('writes one session file per game', async () => {
    expect(await sessionFiles()).toEqual(Array.from({ length: 12 }, (_, i) => `game-${String(i + 1).padStart(5, '0')}.json`));
  });

  it('replay verifies each of them (exit 0) and tells the game', async () => {
    const files = await sessionFiles();
    expect(files).toHaveLength(12);
    for (const name of files) {
      const { code, out: lines, err } = await run('replay', join(out, name));
      expect(code, name).toBe(0);
      expect(err).toEqual([]);
      expect(lines[0]).toMatch(
        /: verified \(format 5: the whole file is sealed, and the moves replay to every recorded state; \d+ events\)$/,
      );
      expect(lines[1]).toMatch(/^Verified means the file is consistent and replays .* --scenario ORIGINAL\.$/);
      expect(lines.join('\n')).toContain('Round 1: ');
      expect(lines.join('\n')).toMatch(/Outcome: (agreement|partial-deal|stalemate|walkout|war) in round \d/);
      expect(lines.at(-1)).toMatch(/^Scores: us -?\d+\.\d, ru -?\d+\.\d$/);
    }
  });

  it('an altered session file makes replay exit 1, saying where it diverges', async () => {
    const source = join(out, (await sessionFiles())[0]!);
    const session = JSON.parse(readFileSync(source, 'utf8')) as {
      events: { event: { type: string; proposal?: { tone: string }; response?: { tone: string } } }[];
    };
    const target = session.events.find((item) => item.event.proposal || item.event.response)!.event;
    const statement = (target.proposal ?? target.response)!;
    statement.tone = statement.tone === 'belligerent' ? 'firm' : 'belligerent';
    // Sealed again, as anyone with the code could: the replay still finds where it diverges.
    const altered = file('altered.json', JSON.stringify(sealed(session)));
    const { code, out: lines, err } = await run('replay', altered);
    expect(code).toBe(1);
    expect(lines).toEqual([]);
    expect(err[0]).toBe(`${altered} is altered or corrupt:`);
    expect(err[1]).toMatch(/^ {2}checksums\[\d+\]: the replay diverges from the recorded game at event \d+ of \d+ \(/);
  });

  it('a session that stops before the end: verified, and told up to where it stops', async () => {
    const full = JSON.parse(readFileSync(join(out, (await sessionFiles())[0]!), 'utf8')) as Session;
    const partial = recordSession(geneva, genevaSource(), { seed: full.seed, ...full.setup }, full.events.slice(0, 1));
    const path = file('partial.json', JSON.stringify(partial));
    const { code, out: lines } = await run('replay', path);
    expect(code).toBe(0);
    expect(lines[0]).toBe(`${path}: verified (format 5: the whole file is sealed, and the moves replay to every recorded state; 1 event)`);
    expect(lines.at(-1)).toMatch(/^The session stops in round 1 \((proposal|response)\), before the game ended\.$/);
  });

  it('a file that is not a session: exit 1 with its problems', async () => {
    const { code, err } = await run('replay', GENEVA_PATH);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${GENEVA_PATH} is not a usable session:`,
      '  format: not a Red Lines session (expected format "red-lines-session")',
    ]);
  });

  it('a missing session file: a non-zero exit and one line', async () => {
    const { code, err } = await run('replay', join(dir, 'missing-session.json'));
    expect(code).not.toBe(0);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('no such file');
  });
});

describe('the installed command', () => {
  it('node bin/red-lines.js scenario check scenarios/geneva-2022.json exits 0', () => {
    const result = spawnSync(process.execPath, ['bin/red-lines.js', 'scenario', 'check', 'scenarios/geneva-2022.json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('scenarios/geneva-2022.json: valid scenario "Geneva 2022');
  });

  it('refuses a title made of terminal control codes, and spells them out instead of sending them to the terminal', () => {
    // A title that would clear the screen and print a green "verified" if written raw (JSON escapes in
    // the file, so the title itself holds ESC and a right-to-left override).
    const path = file('bin-escapes.json', GENEVA_TEXT.replace('"title": "Geneva', '"title": "\\u001b[2J\\u001b[32mverified\\u202e Geneva'));
    const result = spawnSync(process.execPath, ['bin/red-lines.js', 'scenario', 'check', path], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const printed = result.stdout + result.stderr;
    expect(printed.includes('\u001b') || printed.includes('\u202e')).toBe(false);
    expect(result.stderr).toContain('meta.title: expected text without control characters or direction overrides (such as ESC or U+202E)');
  });

  it('exits 2 on a syntax error without a stack trace', () => {
    const path = file('bin-syntax.json', GENEVA_TEXT.slice(0, 100));
    const result = spawnSync(process.execPath, ['bin/red-lines.js', 'scenario', 'check', path], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/invalid JSON at line \d+, column \d+/);
    expect(result.stderr).not.toContain('    at ');
  });
});

describe('printable', () => {
  it('spells out control characters and direction marks, and keeps tabs, newlines and every other character', () => {
    expect(printable('\u001b[31mred\u0007\u009b')).toBe('\\u001B[31mred\\u0007\\u009B');
    expect(printable('left\u202eright\u2066')).toBe('left\\u202Eright\\u2066');
    expect(printable('tab\there\nnext — Genève ✓ 🙂')).toBe('tab\there\nnext — Genève ✓ 🙂');
  });
});
