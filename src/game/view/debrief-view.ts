/**
 * What the debrief shows, read off the finished game: scores against history and their
 * arithmetic in words, the AI's persona and its belief about war, and each AI decision as plain
 * reasons with links to the glossary entries behind them (the raw numbers kept for the curious).
 */
import { glossaryEntry, type GlossaryTerm } from '../../engine/glossary.ts';
import { historicalScores, scoreGame, scoreSentences, type Score } from '../../engine/rules/score.ts';
import type { Decision, GameState } from '../../engine/rules/state.ts';
import type { Persona, Scenario } from '../../engine/scenario/schema.ts';
import { signed } from '../../engine/rules/words.ts';
import { sideShort } from './narration.ts';

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

/** Each side's score in words: the arithmetic of the game's score and of history's. */
export interface ScoreWords {
  side: string;
  name: string;
  game: string[];
  history: string[];
}

export function scoreWords(rows: ScoreRow[]): ScoreWords[] {
  return rows.map((row) => ({ side: row.side, name: row.name, game: scoreSentences(row.game), history: scoreSentences(row.history) }));
}

export function aiPersona(scenario: Scenario, game: GameState): Persona | null {
  const opponent = game.setup.opponent;
  return opponent.kind === 'ai' ? (scenario.personas.find((persona) => persona.id === opponent.persona) ?? null) : null;
}

/** The persona's belief about war in words, with its numbers; null when the scenario gives it none in words. */
export function warBeliefLines(persona: Persona): { text: string; numbers: string } | null {
  const belief = persona.warBelief;
  if (!belief?.text.trim()) return null;
  return {
    text: belief.text,
    numbers: `It counted war as worth ${fmt(belief.utility - belief.cost)} to its side: ${fmt(belief.utility)} for what war would bring, less ${fmt(belief.cost)} for what it would cost.`,
  };
}

export function decisionsByRound(game: GameState): Map<number, Decision[]> {
  const rounds = new Map<number, Decision[]>();
  for (const decision of game.decisions) rounds.set(decision.round, [...(rounds.get(decision.round) ?? []), decision]);
  return rounds;
}

export interface TermLink {
  id: string;
  term: string;
}

export interface DecisionView {
  heading: string;
  /** The AI's reasons, as it gave them. */
  reasons: string[];
  /** The glossary entries behind the reasons (ids without an entry are left out). */
  terms: TermLink[];
  /** The raw numbers, for the curious. */
  numbers: { label: string; value: string }[];
}

const fmt = (value: number) => value.toFixed(1);

const DOING: Record<string, string> = {
  hold: 'held its demands',
  concede: 'gave ground',
  accept: 'accepted',
  'accept-some': 'accepted part of the package',
  counter: 'made a counter-proposal',
  reject: 'rejected the package',
  walkout: 'walked out',
};

const WHEN: Record<Decision['stage'], string> = {
  proposal: 'when it proposed',
  response: 'when it answered',
  reply: 'when it replied to the counter-proposal',
};

/** The glossary entries for these ids, once each, in the order given; ids with no entry are left out. */
export function termLinks(glossary: readonly GlossaryTerm[], ids: readonly string[]): TermLink[] {
  const links: TermLink[] = [];
  for (const id of new Set(ids)) {
    const entry = glossaryEntry(glossary, id);
    if (entry) links.push({ id, term: entry.term });
  }
  return links;
}

export function decisionView(scenario: Scenario, decision: Decision, glossary: readonly GlossaryTerm[]): DecisionView {
  const side = sideShort(scenario, decision.side);
  const doing = DOING[decision.kind] ?? `chose to ${decision.kind.replace(/-/g, ' ')}`;
  const numbers: DecisionView['numbers'] = [
    { label: 'What was on the table was worth to it', value: `${fmt(decision.utility)} out of 100` },
    {
      label: 'Its reservation value',
      value:
        decision.reservationTerms.length > 0
          ? `${fmt(decision.reservation)}, made of: ${decision.reservationTerms
              .map((term) => `${term.label.toLowerCase()} ${signed(term.value)}`)
              .join('; ')}`
          : fmt(decision.reservation),
    },
  ];
  if (decision.zeuthen) {
    numbers.push({
      label: 'Willingness to risk a breakdown (Zeuthen)',
      value: `its own ${decision.zeuthen.self.toFixed(2)}, the other side’s ${decision.zeuthen.other.toFixed(2)}`,
    });
  }
  if (decision.redLines.length > 0) {
    numbers.push({
      label: 'Its red lines crossed on',
      value: decision.redLines.map((id) => scenario.tracks.find((item) => item.id === id)?.name ?? id).join(', '),
    });
  }
  return {
    heading: `Why ${side} ${doing} ${WHEN[decision.stage] ?? `(${decision.stage})`}`,
    reasons: decision.reasons,
    terms: termLinks(glossary, decision.terms),
    numbers,
  };
}

export const OUTCOME_TITLES: Record<string, string> = {
  agreement: 'Agreement on every track',
  'partial-deal': 'A partial deal',
  stalemate: 'Stalemate',
  walkout: 'Walk-out',
  war: 'War',
};
