/** What the debrief shows, read off the finished game: scores against history, the AI's persona and reasons. */
import { historicalScores, scoreGame, type Score } from '../../engine/rules/score.ts';
import type { Decision, GameState } from '../../engine/rules/state.ts';
import type { Persona, Scenario } from '../../engine/scenario/schema.ts';

export interface ScoreRow {
  side: string;
  name: string;
  game: Score;
  history: Score;
}

export function scoreRows(scenario: Scenario, game: GameState): ScoreRow[] {
  const played = scoreGame(scenario, game);
  const history = historicalScores(scenario);
  return scenario.sides.map((side, i) => ({ side: side.id, name: side.name, game: played[i]!, history: history[i]! }));
}

export function aiPersona(scenario: Scenario, game: GameState): Persona | null {
  const opponent = game.setup.opponent;
  return opponent.kind === 'ai' ? (scenario.personas.find((persona) => persona.id === opponent.persona) ?? null) : null;
}

export function decisionsByRound(game: GameState): Map<number, Decision[]> {
  const rounds = new Map<number, Decision[]>();
  for (const decision of game.decisions) rounds.set(decision.round, [...(rounds.get(decision.round) ?? []), decision]);
  return rounds;
}

export const OUTCOME_TITLES: Record<string, string> = {
  agreement: 'Agreement on every track',
  'partial-deal': 'A partial deal',
  stalemate: 'Stalemate',
  walkout: 'Walk-out',
  war: 'War',
};
