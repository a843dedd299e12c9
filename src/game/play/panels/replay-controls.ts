/** Parts of the replay viewer's controls: the marks along the scrubber, and the speed list. */
import type { GameSnapshot } from '../../../engine/machine/game-run.ts';
import { el } from '../../ui/dom.ts';

/** A mark per state along the scrubber, a taller one where a round begins; the scrubber itself speaks for them. */
export function eventMarks(snapshots: readonly GameSnapshot[]): HTMLElement {
  const last = snapshots.length - 1;
  return el(
    'ol',
    { class: 'event-marks', attrs: { 'aria-hidden': 'true' } },
    ...snapshots.map((snapshot, i) => {
      const previous = snapshots[i - 1]?.context.game?.round;
      const round = snapshot.context.game?.round;
      return el('li', {
        class: i > 0 && round !== previous ? 'mark round' : 'mark',
        attrs: { style: `left: ${(i / Math.max(1, last)) * 100}%` },
      });
    }),
  );
}

/** The list of speeds, at 1× to begin with; `onChange` hears the speed chosen. */
export function speedSelect(speeds: readonly number[], onChange: (speed: number) => void): HTMLSelectElement {
  const select = el(
    'select',
    { attrs: { 'aria-label': 'Speed' } },
    ...speeds.map((value) => el('option', { text: `${value}×`, attrs: { value, selected: value === 1 } })),
  );
  select.addEventListener('change', () => onChange(Number(select.value)));
  return select;
}
