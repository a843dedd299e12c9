/**
 * The red-lines command line: scenario check, balance and test, simulate, replay. Every failure ends in a message
 * and an exit code, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { balanceCommand } from './commands/balance.ts';
import { checkCommand } from './commands/check.ts';
import { replayCommand } from './commands/replay.ts';
import { simulateCommand } from './commands/simulate.ts';
import { testCommand } from './commands/test.ts';
import { EXIT, processIo, type Io } from './io.ts';

const USAGE = `Usage:
  red-lines scenario check FILE
  red-lines scenario balance FILE [--games N] [--json]
  red-lines scenario test FILE [--expectations FILE] [--json]
  red-lines simulate FILE [--games N] [--seed S] [--side ID] [--policy NAME] [--persona NAME] [--json] [--out DIR]
  red-lines replay FILE [--scenario ORIGINAL]

  scenario check    validate a scenario (JSON or YAML); exit 0 valid (warnings of meaning are printed),
                    1 invalid (every problem with its path), 2 unreadable
  scenario balance  every bot policy against every AI persona for each side, N games each (default 100)
  scenario test     run the scenario's tests (its tests list, and those of --expectations FILE) with the
                    engine and bots; exit 0 all hold (or none to run), 1 one fails or the tests are
                    invalid, 2 a file unreadable
  simulate          bots (random, greedy, hawk, dove) against AI personas; outcome distribution, risk, scores
  replay            verify a saved session and tell it round by round; exit 1 when altered or corrupt, or
                    when its embedded scenario differs from ORIGINAL (the paths that differ are named)`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        games: { type: 'string' },
        seed: { type: 'string' },
        side: { type: 'string' },
        policy: { type: 'string' },
        persona: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        expectations: { type: 'string' },
        scenario: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (command === 'scenario' && rest[0] === 'check' && rest.length === 2) return await checkCommand(rest[1]!, io);
    if (command === 'scenario' && rest[0] === 'balance' && rest.length === 2) {
      return await balanceCommand(
        rest[1]!,
        { games: values.games === undefined ? 100 : Number(values.games), json: values.json ?? false },
        io,
      );
    }
    if (command === 'scenario' && rest[0] === 'test' && rest.length === 2) {
      return await testCommand(rest[1]!, { expectations: values.expectations ?? null, json: values.json ?? false }, io);
    }
    if (command === 'simulate' && rest.length === 1) {
      return await simulateCommand(
        rest[0]!,
        {
          games: values.games === undefined ? 1000 : Number(values.games),
          seed: values.seed === undefined ? 1 : Number(values.seed),
          side: values.side ?? null,
          policy: values.policy ?? null,
          persona: values.persona ?? null,
          json: values.json ?? false,
          out: values.out ?? null,
        },
        io,
      );
    }
    if (command === 'replay' && rest.length === 1) return await replayCommand(rest[0]!, io, values.scenario ?? null);
    io.err(USAGE);
    return EXIT.unusable;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`red-lines: ${message}`);
    return EXIT.unusable;
  }
}
