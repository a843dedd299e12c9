import { describe, expect, it } from 'vitest';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { classRow, csvCell, CURVE_COLOURS, curveStyle, outcomeDistribution, toCsv, type ClassRow } from '../src/game/view/class-view.ts';
import { againstAi, geneva, genevaSource } from './helpers.ts';

const row = (file: string, seed: number) =>
  classRow(file, geneva, playGame(geneva, againstAi(geneva, 'ru-pragmatist', seed), { us: 'dove' }).final);

describe('the class view', () => {
  it('a row per session with its players, outcome, risk, scores and curve', () => {
    const item = row('alice.json', 4);
    expect(item.players).toBe('');
    expect(item.side).toBe('United States / NATO');
    expect(item.opponent).toBe('AI: Russia, The Pragmatist');
    expect(item.outcome).not.toBeNull();
    expect(item.curve[0]).toBe(geneva.escalation.initialRisk);
    expect(item.curve.at(-1)).toBe(item.finalRisk);
    expect(item.curve).toHaveLength(item.rounds + 1);
  });

  it('names the players the session gives, and an AI’s persona only once the game is over', () => {
    const setup = againstAi(geneva, 'ru-pragmatist', 4);
    const played = playGame(geneva, setup, { us: 'dove' });
    expect(classRow('a.json', geneva, played.final, { formatVersion: 4, players: { us: 'Alice' } }).players).toBe('Alice');
    const run = new GameRun(geneva);
    run.start(setup);
    for (const { event } of played.events.slice(0, 3)) run.send(event);
    const unfinished = classRow('b.json', geneva, run.snapshot.context.game!);
    expect(unfinished.outcome).toBeNull();
    expect(unfinished.opponent).toBe('AI: Russia, persona hidden');
    expect(toCsv([unfinished])).not.toMatch(/Pragmatist/);
  });

  it('the spread of outcomes adds up to the whole class', () => {
    const rows = [row('a', 1), row('b', 2), row('c', 3), { ...row('d', 4), outcome: null }];
    const spread = outcomeDistribution(rows);
    expect(spread.reduce((total, item) => total + item.count, 0)).toBe(4);
    expect(spread.find((item) => item.outcome === 'unfinished')!.count).toBe(1);
    expect(spread.reduce((total, item) => total + item.share, 0)).toBeCloseTo(1, 12);
  });

  it('CSV: a header, a line per session, quoting where needed, formulas neutralised', () => {
    const base = row('a', 1);
    const tricky: ClassRow = { ...base, file: 'say "hi", then\nleave.json', opponent: '=HYPERLINK("x")' };
    const lines = toCsv([base, tricky]).split('\r\n');
    expect(lines[0]).toBe('game,file,players,scenario,side,opponent,outcome,final risk,player score,other score,rounds');
    expect(lines[1]!.startsWith(`${csvCell(base.name)},a,,`)).toBe(true);
    expect(toCsv([{ ...base, players: '@SUM(A1), Bob' }])).toContain(`"'@SUM(A1), Bob"`);
    expect(toCsv([tricky])).toContain('"say ""hi"", then\nleave.json"');
    expect(toCsv([tricky])).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.at(-1)).toBe('');
  });

  it('CSV: negative numbers stay numbers; text that a spreadsheet would run is neutralised, whatever its first character', () => {
    const base = row('a', 1);
    const line = toCsv([{ ...base, playerScore: -14.84, otherScore: -0.04, finalRisk: 7 }]).split('\r\n')[1]!;
    expect(line.endsWith(',7.0,-14.8,-0.0,' + String(base.rounds))).toBe(true);
    expect(line).not.toContain("'-");
    for (const text of ['=1+2', '+1', '-1+2', '@A1', '\tx', '\rx', '-', '-x']) expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    for (const value of [-14.8, '-14.8', '0.5', 12]) expect(csvCell(value)).toBe(String(value));
  });
});

describe('a game in the class view: its name, its identity, its style', () => {
  const setup = againstAi(geneva, 'ru-pragmatist', 4);
  const played = playGame(geneva, setup, { us: 'dove' });
  const session = recordSession(geneva, genevaSource(), setup, played.events, {
    name: 'Week 3',
    players: { us: 'Alice' },
    savedAt: '2026-11-30T10:00:00.000Z',
  });

  it('is named after the game — scenario, side, players, day — not after its file', () => {
    const item = classRow('download (3).json', geneva, played.final, session);
    expect(item.name).toBe('Geneva 2022 — the January talks, as they happened — US/NATO, Alice, 2026-11-30');
    expect(item.file).toBe('download (3).json');
    expect(item.formatVersion).toBe(5);
  });

  it('the same file under two names is the same game; a game that differs in anything is another', () => {
    const again = JSON.parse(JSON.stringify(session)) as typeof session;
    expect(classRow('b.json', geneva, played.final, again).id).toBe(classRow('a.json', geneva, played.final, session).id);
    const renamed = { ...again, players: { us: 'Bob' } };
    expect(classRow('a.json', geneva, played.final, renamed).id).not.toBe(classRow('a.json', geneva, played.final, session).id);
  });

  it('every curve has a colour with at least 7:1 contrast on the chart’s ground, and no two of 12 games share dash and marker', () => {
    // WCAG's relative luminance and contrast ratio.
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const ground = '#15283b'; // --panel-2, the chart's background
    for (const colour of CURVE_COLOURS) expect(contrast(colour, ground), colour).toBeGreaterThanOrEqual(7);
    const twelve = Array.from({ length: 12 }, (_, i) => curveStyle(i));
    expect(new Set(twelve.map((style) => `${style.dash}|${style.marker}`)).size).toBe(12);
    const twenty = Array.from({ length: 20 }, (_, i) => curveStyle(i));
    expect(new Set(twenty.map((style) => `${style.colour}|${style.dash}|${style.marker}`)).size).toBe(20);
  });
});
