/**
 * Hostile files on the command line: encodings, empty and binary files, unknown YAML tags, a
 * comma inside a flow mapping's value, terminal escape codes in everything a command prints, and
 * a 1 MiB YAML file of every shape answered within 2 s. (Pipes and devices: cli.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { MAX_YAML_ENTRIES } from '../src/engine/scenario/formats.ts';
import { YAML_SHAPES } from './fixtures/hostile-yaml.ts';
import { captureIo, GENEVA_TEXT, genevaDoc, ROOT, runCli, tempFiles } from './helpers.ts';

const { dir, file } = tempFiles('red-lines-hostile-');
const GENEVA_YAML = stringify(genevaDoc());

function bytesFile(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('encodings: the bytes are measured and must be UTF-8', () => {
  it('invalid UTF-8 is refused with the offset of the first bad byte, not read with U+FFFD and not sized after decoding', async () => {
    // 400,000 bytes that U+FFFD would have tripled past 1 MiB: refused for what they are.
    const bytes = new Uint8Array(400_000).fill(0xff);
    bytes.set(new TextEncoder().encode('meta: café\n'), 0);
    const path = bytesFile('invalid-utf8.yaml', bytes);
    const { code, err } = await runCli('scenario', 'check', path);
    expect(code).toBe(2);
    expect(err).toEqual([
      `${path}: the file is not UTF-8 text: byte 12 (0xFF) cannot start or continue a character; save the file as UTF-8`,
    ]);
  });

  it('a sequence cut short, an overlong form and a surrogate are each found where they start', async () => {
    for (const [bad, at] of [
      [[0x61, 0xc3], 1],
      [[0x61, 0x62, 0xc0, 0xaf], 2],
      [[0xed, 0xa0, 0x80], 0],
      [[0xf4, 0x90, 0x80, 0x80], 0],
    ] as const) {
      const path = bytesFile('bad.json', new Uint8Array([...bad]));
      const { code, err } = await runCli('scenario', 'check', path);
      expect(code).toBe(2);
      expect(err[0]).toContain(`byte ${at} `);
    }
  });

  it('UTF-16, with or without its byte-order mark, is refused with advice; a UTF-8 byte-order mark is fine', async () => {
    const utf16 = (text: string, bom: boolean) =>
      new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...[...text].flatMap((char) => [char.charCodeAt(0), 0])]);
    const withMark = bytesFile('utf16.yaml', utf16('meta: x\n', true));
    expect((await runCli('scenario', 'check', withMark)).err).toEqual([`${withMark}: the file is UTF-16 text; save it as UTF-8`]);
    const without = bytesFile('utf16-bare.json', utf16('{"meta": 1}', false));
    const bare = await runCli('scenario', 'check', without);
    expect(bare.code).toBe(2);
    expect(bare.err[0]).toMatch(/^.*: line 1, column 2: a NUL character: a binary file, or UTF-16 text\? save it as UTF-8 text$/);
    for (const [name, text] of [
      ['bom.yaml', GENEVA_YAML],
      ['bom.json', GENEVA_TEXT],
    ] as const) {
      const path = bytesFile(name, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
      const { code, out } = await runCli('scenario', 'check', path);
      expect(code, name).toBe(0);
      expect(out[0]).toContain('valid scenario "Geneva 2022');
    }
  });
});

describe('files that hold no scenario at all: exit 2, like any file that cannot be read as one', () => {
  it('empty, whitespace-only and comment-only files', async () => {
    for (const [name, text, format] of [
      ['empty.yaml', '', 'YAML'],
      ['blank.yaml', '  \n\n\t\n', 'YAML'],
      ['comments.yml', '# only a comment\n# and another\n', 'YAML'],
      ['empty.json', '', 'JSON'],
      ['blank.json', ' \n ', 'JSON'],
    ] as const) {
      const path = file(name, text);
      const { code, out, err } = await runCli('scenario', 'check', path);
      expect(code, name).toBe(2);
      expect(out).toEqual([]);
      expect(err, name).toEqual([`${path}: invalid ${format} at line 1, column 1: the document is empty`]);
    }
  });

  it('binary files, named .yaml or .json, say so with the place of the first control character', async () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 7) % 32);
    binary[0] = 0x61;
    for (const name of ['binary.yaml', 'binary.json']) {
      const path = bytesFile(name, binary);
      const { code, err } = await runCli('scenario', 'check', path);
      expect(code, name).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/: line 1, column 2: a control character \(U\+0007\): a binary file\?/);
    }
  });
});

describe('YAML that the parser reads without a word, and a scenario would not mean', () => {
  it('unknown tags are problems, with the tag, the line and the column', async () => {
    for (const [value, tag] of [
      ['!!js/function "function () { return 1 }"', '!!js/function'],
      ['!foo x', '!foo'],
      ['!!binary aGVsbG8=', '!!binary'],
    ]) {
      const path = file('tag.yaml', GENEVA_YAML.replace(/^ {2}title: .*$/m, `  title: ${value}`));
      const line = GENEVA_YAML.split('\n').findIndex((text) => text.startsWith('  title: ')) + 1;
      const { code, err } = await runCli('scenario', 'check', path);
      expect(code).toBe(2);
      expect(err).toEqual([`${path}: invalid YAML at line ${line}, column 10: unknown tag ${tag} (scenarios use plain values only)`]);
    }
  });

  it('a comma inside a value of a flow mapping: reported where the stray key starts, with advice to quote', async () => {
    const text = `${GENEVA_YAML}\nmarker: { label: MRBM sites, San Cristóbal, kind: missile-site }\n`;
    const path = file('flow-comma.yaml', text);
    const line = text.split('\n').length - 1;
    const { code, err } = await runCli('scenario', 'check', path);
    expect(code).toBe(2);
    expect(err).toEqual([
      `${path}: invalid YAML at line ${line}, column 30: "San Cristóbal" is a key with no value in a flow mapping { … }: probably a comma inside a value; put the value in quotes`,
    ]);
    // Quoted, the same value is read whole.
    const quoted = file('flow-quoted.yaml', `${GENEVA_YAML}marker: { label: "MRBM sites, San Cristóbal", kind: missile-site }\n`);
    expect((await runCli('scenario', 'check', quoted)).err[1]).toMatch(/unknown key "marker"/);
  });
});

describe('terminal escape codes are never sent to the terminal, by any command', () => {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  const ESCAPES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/;
  const bin = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['bin/red-lines.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const printed = result.stdout + result.stderr;
    expect(ESCAPES.test(printed), `${args.join(' ')} printed a control character: ${JSON.stringify(printed.slice(0, 300))}`).toBe(false);
    return { code: result.status, printed };
  };
  // A title that would clear the screen and print a green "verified" if written raw.
  const hostileTitle = GENEVA_TEXT.replace('"title": "Geneva', '"title": "\\u001b[2J\\u001b[32mverified\\u001b[0m\\u202e Geneva');

  it('a hostile title is refused, and no command sends its escape codes to the terminal', () => {
    const path = file('escapes.json', hostileTitle);
    const check = bin('scenario', 'check', path);
    expect(check.code).toBe(1);
    expect(check.printed).toContain('meta.title: expected text without control characters or direction overrides');
    for (const args of [
      ['scenario', 'test', path],
      ['scenario', 'balance', path, '--games', '1'],
      ['simulate', path, '--games', '2'],
      ['simulate', path, '--games', '2', '--json'],
    ]) {
      expect(bin(...args).code, args.join(' ')).not.toBe(0);
    }
  }, 180_000);

  it('a value that still reaches the terminal (a country name, in a warning) is spelt out', () => {
    const scenario = JSON.parse(GENEVA_TEXT) as { map: { contested: string[] } };
    scenario.map.contested.push('\u001b[2J\u001b[32mverified\u202e Land');
    const check = bin('scenario', 'check', file('escape-country.json', JSON.stringify(scenario)));
    expect(check.code).toBe(0);
    expect(check.printed).toContain('the map knows no country "\\u001B[2J\\u001B[32mverified\\u202E Land"');
  }, 60_000);

  it('a key made of escape codes is an unknown key, spelt out; a file name of them too (replay)', () => {
    const yaml = file('escape-key.yaml', `${GENEVA_YAML}"\\e[2J\\e[31mkey": 1\n`);
    const check = bin('scenario', 'check', yaml);
    expect(check.code).toBe(1);
    expect(check.printed).toContain(String.raw`(document): unknown key "\u001b[2J\u001b[31mkey"`);
    const missing = join(dir, '\u001b[2Jsession.json');
    const replay = bin('replay', missing);
    expect(replay.code).toBe(2);
    expect(replay.printed).toContain('\\u001B[2Jsession.json');
  }, 120_000);

  it('raw escape codes in a file are a problem of their own, at their place', async () => {
    const path = file('raw-escape.yaml', `${GENEVA_YAML}\u001b[2J: 1\n`);
    const { code, err } = await runCli('scenario', 'check', path);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/: line \d+, column 1: a control character \(U\+001B\)/);
  });
});

describe('a 1 MiB YAML file of any shape is answered within 2 s', () => {
  for (const [shape, make] of Object.entries(YAML_SHAPES)) {
    it(shape, async () => {
      const path = file('shape.yaml', make());
      const captured = captureIo();
      // Processor time, not wall time: other tests may share the machine.
      const before = process.cpuUsage();
      const code = await main(['scenario', 'check', path], captured.io);
      const used = process.cpuUsage(before);
      expect((used.user + used.system) / 1e6, shape).toBeLessThan(2);
      expect([1, 2]).toContain(code);
      expect(captured.err.length).toBeGreaterThan(0);
      // Short answers: 20,000 stray keys are counted, not all named (ten keys of 200 letters are named).
      expect(Math.max(...captured.err.map((line) => line.length)), shape).toBeLessThan(5000);
    });
  }

  it('a file past the bound on lines and flow entries is refused before it is parsed, saying so', async () => {
    const path = file('keys.yaml', YAML_SHAPES['many keys in one mapping']!());
    const { code, err } = await runCli('scenario', 'check', path);
    expect(code).toBe(2);
    expect(err).toEqual([
      `${path}: the file has 105,403 lines and flow entries ([ ], { }); scenarios may have at most ${MAX_YAML_ENTRIES.toLocaleString('en')}`,
    ]);
  });
});
