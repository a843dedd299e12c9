import { describe, expect, it } from 'vitest';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { startEvent } from '../src/engine/session/format.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { classRow, outcomeDistribution, toCsv, type ClassRow } from '../src/game/view/class-view.ts';
import { againstAi, geneva } from './helpers.ts';

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
    expect(classRow('a.json', geneva, played.final, { us: 'Alice' }).players).toBe('Alice');
    const run = new GameRun(geneva);
    run.send(startEvent({ seed: setup.seed, setup: { playerSide: setup.playerSide, opponent: setup.opponent } }));
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
    expect(lines[0]).toBe('file,players,scenario,side,opponent,outcome,final risk,player score,other score,rounds');
    expect(lines[1]!.startsWith('a,,')).toBe(true);
    expect(toCsv([{ ...base, players: '@SUM(A1), Bob' }])).toContain(`"'@SUM(A1), Bob"`);
    expect(toCsv([tricky])).toContain('"say ""hi"", then\nleave.json"');
    expect(toCsv([tricky])).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.at(-1)).toBe('');
  });
});
