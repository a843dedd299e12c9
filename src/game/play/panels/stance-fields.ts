/** The posture move and the tone that go with a proposal or an answer, with their effects shown in numbers. */
import type { PostureMove, Tone } from '../../../engine/scenario/schema.ts';
import { el, uniqueId } from '../../ui/dom.ts';
import { signed } from '../../../engine/rules/words.ts';

function effectText(move: PostureMove, side: string): string {
  const parts: string[] = [];
  if (move.effects.risk) parts.push(`risk ${signed(move.effects.risk)}`);
  const own = move.effects.sides?.[side];
  if (own?.leverage) parts.push(`leverage ${signed(own.leverage)}`);
  if (own?.standing) parts.push(`standing ${signed(own.standing)}`);
  if (own?.cohesion) parts.push(`cohesion ${signed(own.cohesion)}`);
  if (own?.forces) parts.push(`forces ${signed(own.forces)}k`);
  return parts.join(', ');
}

export function postureField(
  moves: PostureMove[],
  side: string,
  selected: string | null,
  onChange: (id: string | null) => void,
): HTMLElement {
  const name = uniqueId('posture');
  const option = (id: string | null, label: string, detail: string) => {
    const inputId = uniqueId('move');
    const input = el('input', { id: inputId, attrs: { type: 'radio', name, value: id ?? '', checked: selected === id } });
    input.addEventListener('change', () => onChange(id));
    return el(
      'div',
      { class: 'move' },
      input,
      el(
        'label',
        { attrs: { for: inputId } },
        el('span', { class: 'move-name', text: label }),
        el('span', { class: 'detail', text: detail }),
      ),
    );
  };
  return el(
    'fieldset',
    { class: 'posture' },
    el('legend', { text: 'Posture move' }),
    option(null, 'No move', 'Hold your posture.'),
    ...moves.map((move) =>
      option(move.id, `${move.name} (${move.kind})`, [effectText(move, side), move.description].filter(Boolean).join(' — ')),
    ),
  );
}

const TONES: [Tone, string][] = [
  ['conciliatory', 'Conciliatory'],
  ['firm', 'Firm'],
  ['belligerent', 'Belligerent (commits you in public)'],
];

export function toneField(toneRisk: Record<Tone, number>, selected: Tone, onChange: (tone: Tone) => void): HTMLElement {
  const name = uniqueId('tone');
  return el(
    'fieldset',
    { class: 'tone' },
    el('legend', { text: 'Tone of your statement' }),
    ...TONES.map(([tone, label]) => {
      const id = uniqueId('tone');
      const input = el('input', { id, attrs: { type: 'radio', name, value: tone, checked: selected === tone } });
      input.addEventListener('change', () => onChange(tone));
      return el('span', { class: 'choice' }, input, el('label', { text: `${label}, risk ${signed(toneRisk[tone])}`, attrs: { for: id } }));
    }),
  );
}
