/** Settings: volume, mute, reduced motion, text size and contrast; every change applies and persists at once. */
import type { AppContext } from '../app/app-context.ts';
import { TEXT_SIZES, type TextSize } from '../app/settings.ts';
import { PLAYER_NAME_MAX } from '../../engine/session/player-name.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { UiScene } from './ui-scene.ts';

export class SettingsScene extends UiScene {
  private back = 'title';

  constructor(app: AppContext) {
    super('settings', app);
  }

  init(data: { back?: string }): void {
    this.back = data.back ?? 'title';
  }

  create(): void {
    const store = this.app.settings;
    const current = store.current;
    const checkbox = (label: string, checked: boolean, onChange: (value: boolean) => void) => {
      const id = uniqueId('setting');
      const input = el('input', { id, attrs: { type: 'checkbox', checked } });
      input.addEventListener('change', () => onChange(input.checked));
      return el('div', { class: 'field checkbox' }, input, el('label', { text: label, attrs: { for: id } }));
    };
    const volumeId = uniqueId('volume');
    const volume = el('input', {
      id: volumeId,
      attrs: { type: 'range', min: 0, max: 100, step: 5, value: Math.round(current.volume * 100) },
    });
    const volumeValue = el('output', { text: `${Math.round(current.volume * 100)}%`, attrs: { for: volumeId } });
    volume.addEventListener('input', () => {
      volumeValue.textContent = `${volume.value}%`;
      store.update({ volume: Number(volume.value) / 100 });
    });
    volume.addEventListener('change', () => this.click());
    // One row of labelled choices, each a whole clickable label that grows with the text it sets.
    const sizes = el(
      'fieldset',
      { class: 'field choices' },
      el('legend', { text: 'Text size' }),
      el(
        'div',
        { class: 'choice-row' },
        ...TEXT_SIZES.map((size) => {
          const input = el('input', { attrs: { type: 'radio', name: 'text-size', value: size, checked: current.textSize === size } });
          input.addEventListener('change', () => store.update({ textSize: size as TextSize }));
          return el('label', { class: 'choice' }, input, `${size}%`);
        }),
      ),
    );
    const nameId = uniqueId('player-name');
    const name = el('input', {
      id: nameId,
      attrs: { type: 'text', value: current.playerName ?? '', maxlength: PLAYER_NAME_MAX, autocomplete: 'name' },
    });
    name.addEventListener('input', () => store.update({ playerName: name.value }));
    const done = () => {
      this.click();
      this.scene.start(this.back, { back: 'title' });
    };
    this.mount(
      el(
        'section',
        { class: 'panel settings-screen narrow scroll' },
        el('h1', { text: 'Settings' }),
        el('div', { class: 'field volume' }, el('label', { text: 'Volume', attrs: { for: volumeId } }), volume, volumeValue),
        checkbox('Mute all sound', current.muted, (muted) => store.update({ muted })),
        checkbox('Reduce motion (no animated gauge, map or transitions)', current.reducedMotion, (reducedMotion) =>
          store.update({ reducedMotion }),
        ),
        sizes,
        checkbox('High contrast', current.highContrast, (highContrast) => store.update({ highContrast })),
        el(
          'div',
          { class: 'field' },
          el('label', { text: 'Your name, for your saved games and session files (optional)', attrs: { for: nameId } }),
          name,
        ),
        el('p', { class: 'note', text: 'Settings are saved in this browser and apply at once.' }),
        el('div', { class: 'actions' }, button('Done', done, { key: 'Esc', class: 'primary' })),
      ),
      'Settings.',
    );
    this.keys({ Escape: done });
  }
}
