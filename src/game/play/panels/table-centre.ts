/**
 * The centre of the table, drawn from the player's choices (table-choices.ts): the prompt of the
 * mode, notes on what cannot be accepted and on private red lines, a ladder per track, the posture
 * move and the tone, and the sticky bar of actions. Choices made here go back to the scene as a
 * change of the choices; the centre is drawn again only when the mode changes.
 */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { el, uniqueId } from '../../ui/dom.ts';
import { moveName, positionsText, sideShort } from '../../view/narration.ts';
import {
  choosingPositions,
  tickingTracks,
  withPosition,
  withPosture,
  withTicked,
  withTone,
  type TableChoices,
} from '../../view/table-choices.ts';
import { acceptableTracks, canAcceptAll, type TableMode, type TableView } from '../../view/table-view.ts';
import { postureField, toneField } from './stance-fields.ts';
import { tableActions, type ActionHandlers } from './table-actions.ts';
import { trackLadder } from './track-ladder.ts';

export interface CentreHandlers extends ActionHandlers {
  /** A choice made: the scene keeps the choices `change` makes of its current ones, and returns them. */
  change: (change: (choices: TableChoices) => TableChoices) => TableChoices;
  /** A position picked on a ladder (the scene plays its click). */
  picked: () => void;
}

/** The centre's contents for the choices as they stand. */
export function tableCentre(scenario: Scenario, game: GameState, view: TableView, choices: TableChoices, on: CentreHandlers): Node[] {
  const { mode } = choices;
  // Said beside the prompt rather than in the sticky bar, which stays as short as it can.
  const acceptNote =
    (mode === 'answer' || mode === 'reply') && !canAcceptAll(view)
      ? el('p', { id: uniqueId('accept-note'), class: 'note', text: 'You cannot accept the whole package: it crosses your red lines.' })
      : null;
  const privateNote = view.privateRedLines
    ? el('p', {
        class: 'note private-red-lines',
        text: `${view.privateRedLines}'s red lines are private in this scenario: read them from what ${view.privateRedLines} says and refuses.`,
      })
    : null;
  return [
    el('h2', { class: 'visually-hidden', text: 'The table' }),
    prompt(scenario, game, view, mode),
    ...[acceptNote, privateNote].filter((note) => note !== null),
    trackForm(view, choices, on),
    ...(mode === 'reply' || mode === 'reply-some' ? [] : stanceFields(scenario, view, choices, on)),
    tableActions(view, mode, scenario.escalation.walkoutRisk, acceptNote, on),
  ];
}

/** Who is to do what, and what is on the table. */
function prompt(scenario: Scenario, game: GameState, view: TableView, mode: TableMode): HTMLElement {
  const acting = sideShort(scenario, view.acting);
  const other = sideShort(scenario, view.other);
  const record = game.rounds[game.round]!;
  const tabled = view.stage === 'response' ? record.proposal : null;
  const text =
    mode === 'propose'
      ? `${acting}: table your package — a position on every open track, a posture move and a tone.`
      : view.stage === 'response'
        ? `${other} proposes, with ${moveName(scenario, tabled?.posture ?? null)}, in a ${tabled?.tone ?? 'firm'} tone. ${acting}: your answer?`
        : `${other} counters your package: ${positionsText(scenario, record.response?.counter ?? {})}. Accept it, accept part of it, or reject it.`;
  const verb = view.stage === 'proposal' ? 'propose' : view.stage === 'response' ? 'answer' : 'reply';
  return el(
    'p',
    { class: `banner ${mode}`, attrs: { 'data-acting': view.acting, tabindex: -1 } },
    el('strong', { text: `${acting} to ${verb}` }),
    ` · ${text}`,
  );
}

/** A ladder per track: positions to choose when proposing or countering, a box to tick when accepting some. */
function trackForm(view: TableView, choices: TableChoices, on: CentreHandlers): HTMLElement {
  const editable = choosingPositions(choices.mode);
  const acceptable = acceptableTracks(view);
  const form = el('form', { class: 'tracks', attrs: { 'aria-label': 'Tracks' }, on: { submit: (event) => event.preventDefault() } });
  // Ticking one track of a linked group ticks the group: every box shows the choices as they now stand.
  const showTicked = (ticked: readonly string[]) => {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[data-track]')) box.checked = ticked.includes(box.dataset.track ?? '');
  };
  const ladders = view.tracks.map((row) =>
    trackLadder(view, row, {
      editable,
      selected: editable ? (choices.positions[row.id] ?? null) : null,
      onSelect: (positionId) => {
        on.change((current) => withPosition(current, row.id, positionId));
        on.picked();
      },
      ticked: tickingTracks(choices.mode) ? choices.ticked.includes(row.id) : null,
      acceptable: acceptable.includes(row.id),
      onTick: (ticked) => showTicked(on.change((current) => withTicked(current, view, row.id, ticked)).ticked),
    }),
  );
  form.append(...ladders);
  return form;
}

function stanceFields(scenario: Scenario, view: TableView, choices: TableChoices, on: CentreHandlers): HTMLElement[] {
  return [
    postureField(view.moves, view.acting, choices.posture, (id) => void on.change((current) => withPosture(current, id))),
    toneField(scenario.escalation.tone, choices.tone, (tone) => void on.change((current) => withTone(current, tone))),
  ];
}

/** The mode each choice button opens, for giving focus back to it when the player cancels. */
const OPENED_BY: Partial<Record<TableMode, string>> = {
  'accept-some': 'S',
  'reply-some': 'S',
  counter: 'C',
  'confirm-walkout': 'W',
};

/**
 * Where focus goes when the table opens (`from` null) or changes mode: back to the button that
 * opened a mode the player cancelled; the safe choice of a confirmation; the chosen position of
 * the first open track when choosing positions; the first tickable track when accepting some;
 * otherwise the prompt, so that the player reads what is on the table first.
 */
export function firstControl(centre: HTMLElement, mode: TableMode, from: TableMode | null): HTMLElement {
  const query = (selector: string) => centre.querySelector<HTMLElement>(selector);
  const opener = from ? OPENED_BY[from] : undefined;
  const candidates =
    opener && (mode === 'answer' || mode === 'reply')
      ? [query(`.table-actions button[aria-keyshortcuts="${opener}"]`)]
      : mode === 'confirm-walkout'
        ? [query('.confirm button[aria-keyshortcuts="Escape"]')]
        : choosingPositions(mode)
          ? [query('.tracks input:checked:not([disabled])'), query('.tracks input:not([disabled])')]
          : tickingTracks(mode)
            ? [query('.tick input:checked:not([disabled])'), query('.tick input:not([disabled])')]
            : [];
  return [...candidates, query('.banner')].find((element) => element !== null)!;
}
