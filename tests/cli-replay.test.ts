/**
 * `red-lines replay` and the seal: an edited file is refused naming what changed, a file of format 3
 * says what its verification covers, and `--scenario ORIGINAL` compares the embedded scenario with
 * the instructor's, naming the paths that differ.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Session } from '../src/engine/session/format.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { GENEVA_PATH, genevaDoc, mustLoad, ROOT, runCli as run, setPath, tempFiles } from './helpers.ts';

const { dir, file } = tempFiles('red-lines-cli-replay-');
const setup = { seed: 4, playerSide: 'us', opponent: { kind: 'ai' as const, persona: 'ru-pragmatist' } };
const played = (scenarioDoc: object): Session => {
  const scenario = mustLoad(JSON.stringify(scenarioDoc));
  return recordSession(scenario, scenarioDoc as never, setup, playGame(scenario, setup, { us: 'dove' }).events);
};
const session = file('class-game.json', JSON.stringify(played(genevaDoc())));

describe('red-lines replay and the seal', () => {
  it('a session edited without sealing it again (the scenario’s scoring, the names): exit 1, naming what changed', async () => {
    const edited = played(genevaDoc()) as Session & { scenario: { scoring: Record<string, number> } };
    edited.scenario.scoring.standingWeight = 0.9;
    edited.players = { us: 'Mallory' };
    const path = file('edited.json', JSON.stringify(edited));
    const { code, out, err } = await run('replay', path);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `${path} is not a usable session:`,
      '  players: not covered by the seal: added after the file was sealed (altered)',
      '  scenario: does not match the seal: changed after the file was sealed (altered)',
    ]);
  });

  it('a file of format 3 replays, saying what its verification covers', async () => {
    const { code, out } = await run('replay', join(ROOT, 'tests/fixtures/session-format-3.json'));
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /: verified \(format 3: the moves and states are covered; the scenario text, names and times are not; \d+ events\)$/,
    );
  });
});

describe('red-lines replay --scenario ORIGINAL: the embedded scenario against the instructor’s', () => {
  it('the same scenario (even as YAML, keys in another order): it says so, exit 0', async () => {
    const { code, out, err } = await run('replay', session, '--scenario', GENEVA_PATH);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[1]).toBe(`The embedded scenario matches ${GENEVA_PATH}.`);
    const reordered = Object.fromEntries(Object.entries(genevaDoc()).reverse());
    const yamlPath = file('original.yaml', YAML.stringify(reordered));
    const yaml = await run('replay', session, '--scenario', yamlPath);
    expect(yaml.err).toEqual([]);
    expect(yaml.code).toBe(0);
    expect(yaml.out[1]).toBe(`The embedded scenario matches ${yamlPath}.`);
  });

  it('a file sealed again around an edited scenario: verified, but the differing paths are named with both values, exit 1', async () => {
    const forged = genevaDoc();
    setPath(forged, ['scoring', 'standingWeight'], 0.9);
    setPath(forged, ['meta', 'title'], 'Geneva, made easier');
    const path = file('forged.json', JSON.stringify(played(forged)));
    const { code, out, err } = await run('replay', path, '--scenario', GENEVA_PATH);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/: verified \(format 5/);
    expect(err).toEqual([
      `The embedded scenario differs from ${GENEVA_PATH}:`,
      `  meta.title: "Geneva, made easier" in the file, "Geneva 2022 — the January talks, as they happened" in ${GENEVA_PATH}`,
      `  scoring.standingWeight: 0.9 in the file, 0.3 in ${GENEVA_PATH}`,
    ]);
  });

  it('an ORIGINAL that cannot be read or is invalid: its problem, and its exit code', async () => {
    const missing = await run('replay', session, '--scenario', join(dir, 'nowhere.json'));
    expect(missing.code).toBe(2);
    const doc = genevaDoc();
    setPath(doc, ['tracks', 1, 'positions', 0, 'utility', 'us'], 150);
    const invalid = file('invalid-original.json', JSON.stringify(doc));
    const checked = await run('replay', session, '--scenario', invalid);
    expect(checked.code).toBe(1);
    expect(checked.err).toContain('  tracks[1].positions[0].utility.us: expected a number from 0 to 100');
  });
});
