/** The counterpart's statements to the press: sourced quotes where the scenario has them. */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { el } from '../../ui/dom.ts';
import { sideShort, statementText } from '../../view/narration.ts';

export function statementsPanel(scenario: Scenario, game: GameState, rounds = 1): HTMLElement {
  const statements = game.rounds.slice(Math.max(0, game.round + 1 - rounds), game.round + 1).flatMap((record) => record.statements);
  return el(
    'section',
    // Focusable, so that the keyboard can scroll it where the column is short (large text).
    { class: 'statements', attrs: { 'aria-label': 'Statements to the press', tabindex: 0 } },
    el('h2', { class: 'panel-title', text: 'Statements' }),
    statements.length === 0
      ? el('p', { class: 'quiet', text: 'No statements yet this round.' })
      : el(
          'ul',
          {},
          ...statements.map((statement) => {
            const said = statementText(scenario, statement);
            return el(
              'li',
              { class: 'statement' },
              el('blockquote', { text: `“${said.text}”` }),
              el('p', {
                class: 'attribution',
                text: `— ${said.speaker} (${sideShort(scenario, statement.side)})${said.date ? `, ${said.date}` : ''}${said.sourced ? '' : ' · in the spirit of the talks, not a quote'}`,
              }),
            );
          }),
        ),
  );
}
