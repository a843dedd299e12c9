/**
 * `red-lines replay FILE [--scenario ORIGINAL]`: verifies a session (its seal, and a replay of its
 * moves), says what that covers, compares its embedded scenario with the instructor's when given
 * one, then tells the game round by round.
 */
import { phaseOf } from '../../engine/machine/phase.ts';
import { formatProblem } from '../../engine/scenario/problems.ts';
import { loadSessionText, replaySession } from '../../engine/session/load.ts';
import { narrateGame } from '../../engine/session/narrate.ts';
import { formatDifference, scenarioDifferences } from '../../engine/session/scenario-diff.ts';
import { verificationCoverage } from '../../engine/session/seal.ts';
import { loadScenarioFile } from '../load-scenario-file.ts';
import { scoreGame } from '../../engine/rules/score.ts';
import { EXIT, type Io } from '../io.ts';
import { readDocument } from '../read-document.ts';

/** How many differing paths are named before the rest are counted. */
const SHOWN_DIFFERENCES = 10;

export async function replayCommand(path: string, io: Io, original: string | null = null): Promise<number> {
  const read = await readDocument(path);
  if (!read.ok) {
    io.err(read.reason);
    return EXIT.unusable;
  }
  const loaded = loadSessionText(read.text);
  if (!loaded.ok) {
    io.err(`${path} is not a usable session:`);
    for (const problem of loaded.problems) io.err(`  ${formatProblem(problem)}`);
    return EXIT.invalid;
  }
  const replay = replaySession(loaded.value);
  if (replay.problems.length > 0) {
    io.err(`${path} is altered or corrupt:`);
    for (const problem of replay.problems) io.err(`  ${formatProblem(problem)}`);
    return EXIT.invalid;
  }
  const { session, scenario } = loaded.value;
  const game = replay.snapshots.at(-1)!.context.game!;
  const opponent = session.setup.opponent.kind === 'ai' ? `AI persona ${session.setup.opponent.persona}` : 'hot-seat';
  const events = session.events.length;
  io.out(`${path}: verified (${verificationCoverage(session.formatVersion)}; ${events} event${events === 1 ? '' : 's'})`);
  let exit: number = EXIT.ok;
  if (original === null) {
    io.out(
      'Verified means the file is consistent and replays to its recorded states; anyone with Red Lines can seal an edited file again, so compare it with your scenario: --scenario ORIGINAL.',
    );
  } else {
    const reference = await loadScenarioFile(original, io);
    if (!reference.ok) return reference.exit;
    const differences = scenarioDifferences(scenario, reference.scenario, SHOWN_DIFFERENCES + 1);
    if (differences.length === 0) io.out(`The embedded scenario matches ${original}.`);
    else {
      io.err(`The embedded scenario differs from ${original}:`);
      for (const difference of differences.slice(0, SHOWN_DIFFERENCES)) io.err(`  ${formatDifference(difference, original)}`);
      if (differences.length > SHOWN_DIFFERENCES) io.err('  … and more');
      exit = EXIT.invalid;
    }
  }
  io.out(
    `${scenario.meta.title}; seed ${session.seed}; ${session.setup.playerSide} against ${opponent}; made by Red Lines ${session.appVersion}`,
  );
  io.out('');
  for (const line of narrateGame(scenario, game)) io.out(line);
  if (game.outcome) {
    io.out(
      `Scores: ${scoreGame(scenario, game)
        .map((score) => `${score.side} ${score.total.toFixed(1)}`)
        .join(', ')}`,
    );
  } else {
    io.out(`The session stops in round ${game.round + 1} (${phaseOf(replay.snapshots.at(-1)!)}), before the game ended.`);
  }
  return exit;
}
