/**
 * The fields of the setup screen: a player's name, the side to play, the opponent (an AI persona,
 * hidden or chosen, or a second player at the same screen), and the seed.
 */
import { otherSide } from '../../../engine/rules/world.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { PLAYER_NAME_MAX } from '../../../engine/session/player-name.ts';
import { el, uniqueId } from '../../ui/dom.ts';

/** The opponent choices that are not a persona's id: the AI with its persona drawn from the seed, and hot-seat. */
export const UNKNOWN = 'unknown';
export const HOTSEAT = 'hotseat';

export interface Field {
  field: HTMLElement;
  input: HTMLInputElement;
}

export function nameField(label: string, value: string, autocomplete: string): Field {
  const id = uniqueId('player-name');
  const input = el('input', {
    id,
    class: 'name-input',
    attrs: { type: 'text', value, maxlength: PLAYER_NAME_MAX, autocomplete, spellcheck: 'false' },
  });
  return { field: el('div', { class: 'field' }, el('label', { text: label, attrs: { for: id } }), input), input };
}

function radio(name: string, value: string, label: string, detail: string, checked: boolean): HTMLElement {
  const id = uniqueId(name);
  return el(
    'div',
    { class: 'choice-card' },
    el('input', { id, attrs: { type: 'radio', name, value, checked } }),
    el('label', { attrs: { for: id } }, el('strong', { text: label }), el('span', { class: 'detail', text: detail })),
  );
}

/** The value of the radio button checked in `group`, or "" when none is. */
export function selected(group: HTMLElement, name: string): string {
  return group.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

/** The sides, the first one checked. */
export function sideChoices(scenario: Scenario): HTMLElement {
  const [first] = scenario.sides;
  return el(
    'fieldset',
    { class: 'field choices' },
    el('legend', { text: 'Your side' }),
    ...scenario.sides.map((side) =>
      radio('side', side.id, side.name, `Negotiator: ${side.negotiator}. ${side.objectives[0] ?? ''}`, side.id === first!.id),
    ),
  );
}

/** The contents of the opponent's fieldset when the player takes `side`: the hidden persona checked. */
export function opponentChoices(scenario: Scenario, side: string): HTMLElement[] {
  const aiSide = otherSide(scenario, side);
  const aiName = scenario.sides.find((item) => item.id === aiSide)!.name;
  return [
    el('legend', { text: 'Opponent' }),
    radio(
      'opponent',
      UNKNOWN,
      `AI: ${aiName}, persona hidden`,
      'The counterpart’s persona is drawn from the seed and revealed in the debrief.',
      true,
    ),
    ...scenario.personas
      .filter((persona) => persona.side === aiSide)
      .map((persona) =>
        radio('opponent', persona.id, `AI: ${aiName}, ${persona.name}`, 'A persona you choose (useful for class exercises).', false),
      ),
    radio(
      'opponent',
      HOTSEAT,
      'Two players, one screen (hot-seat)',
      'Take turns at the keyboard; each side decides on its own turn.',
      false,
    ),
  ];
}

/** The player's own name: the first setup says what it is for; later ones show the name remembered. */
export function ownNameField(remembered: string | null): Field {
  const own = nameField('Your name (optional)', remembered ?? '', 'name');
  const whyId = uniqueId('name-note');
  const why = el('p', {
    id: whyId,
    class: 'note',
    text:
      remembered === null
        ? 'Your name goes into your saved games and the session file you hand in. It is remembered for next time; change it here or in Settings.'
        : 'Remembered from your last game; change it here or in Settings.',
  });
  own.field.append(why);
  own.input.setAttribute('aria-describedby', whyId);
  return own;
}

export function seedField(): Field {
  const id = uniqueId('seed');
  const input = el('input', {
    id,
    attrs: { type: 'text', inputmode: 'numeric', maxlength: 12, placeholder: 'random', autocomplete: 'off' },
  });
  return {
    field: el(
      'div',
      { class: 'field' },
      el('label', { text: 'Seed (optional): the same seed and the same choices replay the same game', attrs: { for: id } }),
      input,
    ),
    input,
  };
}
