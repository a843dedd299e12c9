/** `red-lines replay FILE`: verifies a session by replaying it, then tells it round by round. */
import { formatProblem } from '../../engine/scenario/problems.ts';
import { loadSessionText, replaySession } from '../../engine/session/load.ts';
import { narrateGame } from '../../engine/session/narrate.ts';
import { scoreGame } from '../../engine/rules/score.ts';
import { EXIT, type Io } from '../io.ts';
import { readDocument } from '../read-document.ts';

export async function replayCommand(path: string, io: Io): Promise<number> {
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
  io.out(`${path}: verified — ${session.events.length} events reproduce every recorded state`);
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
    io.out(`The session stops in round ${game.round + 1} (${String(replay.snapshots.at(-1)!.value)}), before the game ended.`);
  }
  return EXIT.ok;
}
