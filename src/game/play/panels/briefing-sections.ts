/**
 * The parts of the briefing: what happened outside the room this round, and before the first
 * round each side's brief and objectives and the red lines the player may see. `linked` turns a
 * text into nodes with its glossary terms linked (pass one `seen` set to link a term once in a list).
 */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario, Side } from '../../../engine/scenario/schema.ts';
import { dataTable } from '../../ui/data-table.ts';
import { el } from '../../ui/dom.ts';
import { redLinesShown } from '../../view/table-view.ts';

export type Linked = (text: string, seen?: Set<string>) => Node[];

type ScenarioEvent = Scenario['events'][number];

/** The round's events, with a quote where one goes with them; nothing when the round has none. */
export function outsideTheRoom(scenario: Scenario, events: readonly ScenarioEvent[], linked: Linked): HTMLElement | null {
  if (events.length === 0) return null;
  return el(
    'section',
    { class: 'events' },
    el('h2', { text: 'Outside the room' }),
    ...events.map((event) => {
      const quote = event.quote ? scenario.quotes.find((item) => item.id === event.quote) : undefined;
      return el(
        'div',
        { class: 'event' },
        el('h3', { text: `${event.name}${event.date ? ` — ${event.date}` : ''}` }),
        el('p', {}, ...linked(event.text)),
        quote ? el('blockquote', { text: `“${quote.text}” — ${quote.speaker}, ${quote.date}` }) : null,
      );
    }),
  );
}

export function sideBrief(side: Side, linked: Linked): HTMLElement {
  const inObjectives = new Set<string>(); // a term is linked once in the whole list
  return el(
    'section',
    { class: 'side-brief', attrs: { style: `--side: ${side.colour}` } },
    el('h2', { text: `${side.name} — negotiator: ${side.negotiator}` }),
    el('p', {}, ...linked(side.briefing)),
    el('h3', { text: 'Objectives' }),
    el('ul', {}, ...side.objectives.map((objective) => el('li', {}, ...linked(objective, inObjectives)))),
  );
}

/** What each of the `columns`' sides will not accept on each track. */
function redLinesTable(scenario: Scenario, columns: readonly Side[]): HTMLTableElement {
  return dataTable({
    columns: ['Track', ...columns.map((side) => `⊘ ${side.shortName} will not accept`)],
    rows: scenario.tracks.map((track) => ({
      head: track.name,
      cells: columns.map((side) => {
        const lines = track.redLines[side.id] ?? [];
        return lines.length ? lines.map((id) => track.positions.find((position) => position.id === id)?.label ?? id).join('; ') : 'none';
      }),
    })),
  });
}

/** The red lines the player may see, and why the others are not shown. */
export function redLinesSection(scenario: Scenario, game: GameState): HTMLElement {
  const hotseat = game.setup.opponent.kind === 'hotseat';
  // Private red lines: against the AI the player sees their own; at a shared screen, nobody's (each sees theirs at the table).
  const shown = hotseat && scenario.privateRedLines ? [] : redLinesShown(scenario, game.setup.playerSide);
  const columns = scenario.sides.filter((side) => shown.includes(side.id));
  const privacy = scenario.privateRedLines
    ? el('p', {
        class: 'note',
        text: hotseat
          ? 'In this scenario each side’s red lines are private: each player sees their own at the table, after the hand-over.'
          : 'In this scenario the other side’s red lines are private: you learn them from what it says and does; the replay shows them once the game is over.',
      })
    : null;
  return el(
    'section',
    { class: 'red-lines' },
    el('h2', { text: 'Red lines' }),
    privacy,
    columns.length === 0 ? null : redLinesTable(scenario, columns),
  );
}
