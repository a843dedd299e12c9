/**
 * Setup: the player's name (optional, asked once and remembered), which side to play, against
 * which opponent (an AI persona or a second player, who may give a name too), and an optional seed.
 */
import { seedState } from '../../engine/random.ts';
import { otherSide } from '../../engine/rules/world.ts';
import type { Opponent, Setup } from '../../engine/rules/state.ts';
import type { Players } from '../../engine/session/format.ts';
import { cleanPlayerName, PLAYER_NAME_MAX } from '../../engine/session/player-name.ts';
import { button, el, uniqueId } from '../ui/dom.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';

const UNKNOWN = 'unknown';
const HOTSEAT = 'hotseat';

function randomSeed(): string {
  return String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000);
}

function nameField(label: string, value: string, autocomplete: string): { field: HTMLElement; input: HTMLInputElement } {
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

export class SetupScene extends PlayScene {
  constructor(play: PlayContext) {
    super('setup', play);
  }

  create(): void {
    const scenario = this.play.chosen!.scenario;
    const [first] = scenario.sides;
    const sides = el(
      'fieldset',
      { class: 'field choices' },
      el('legend', { text: 'Your side' }),
      ...scenario.sides.map((side) =>
        radio('side', side.id, side.name, `Negotiator: ${side.negotiator}. ${side.objectives[0] ?? ''}`, side.id === first!.id),
      ),
    );
    const opponents = el('fieldset', { class: 'field choices' }, el('legend', { text: 'Opponent' }));
    const renderOpponents = (side: string) => {
      const aiSide = otherSide(scenario, side);
      const aiName = scenario.sides.find((item) => item.id === aiSide)!.name;
      opponents.replaceChildren(
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
      );
    };
    renderOpponents(first!.id);

    // The name is asked once: the first setup says what it is for; later ones show the name remembered.
    const remembered = this.app.settings.current.playerName;
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
    const other = nameField('', '', 'off');
    const otherLabel = other.field.querySelector('label')!;
    // In hot-seat the second player may give a name too, for the other side.
    const showOther = () => {
      const side = this.selected(sides, 'side');
      other.field.hidden = this.selected(opponents, 'opponent') !== HOTSEAT;
      otherLabel.textContent = `Second player’s name, for ${scenario.sides.find((item) => item.id === otherSide(scenario, side))!.name} (optional)`;
    };
    sides.addEventListener('change', () => {
      renderOpponents(this.selected(sides, 'side'));
      showOther();
    });
    opponents.addEventListener('change', showOther);
    showOther();

    const seedId = uniqueId('seed');
    const seedInput = el('input', {
      id: seedId,
      attrs: { type: 'text', inputmode: 'numeric', maxlength: 12, placeholder: 'random', autocomplete: 'off' },
    });
    const error = el('p', { class: 'error', attrs: { role: 'alert' } });

    const begin = () => {
      this.click();
      const side = this.selected(sides, 'side');
      const choice = this.selected(opponents, 'opponent');
      const typed = seedInput.value.trim();
      if (typed !== '' && !/^\d{1,9}$/.test(typed)) {
        error.textContent = 'The seed must be a whole number of up to 9 digits, or empty for a random one.';
        seedInput.focus();
        return;
      }
      const seed = Number(typed === '' ? randomSeed() : typed);
      const setup: Setup = { seed, playerSide: side, opponent: this.opponent(side, choice, seed) };
      const name = cleanPlayerName(own.input.value);
      this.app.settings.update({ playerName: name });
      const players: Players = {};
      if (name) players[side] = name;
      const second = cleanPlayerName(other.input.value);
      if (choice === HOTSEAT && second) players[otherSide(scenario, side)] = second;
      if (!this.play.startGame(setup, players)) {
        error.textContent = 'This setup cannot start a game.';
        return;
      }
      this.scene.start('briefing');
    };
    const back = () => {
      this.click();
      this.scene.start('picker');
    };
    this.mount(
      el(
        'section',
        { class: 'panel setup narrow scroll' },
        el('h1', { text: `Set up: ${scenario.meta.title}` }),
        own.field,
        sides,
        opponents,
        other.field,
        el(
          'div',
          { class: 'field' },
          el('label', { text: 'Seed (optional): the same seed and the same choices replay the same game', attrs: { for: seedId } }),
          seedInput,
        ),
        error,
        el('div', { class: 'actions' }, button('Begin', begin, { key: 'Enter', class: 'primary' }), button('Back', back, { key: 'Esc' })),
      ),
      `Set up the game: your name if you wish, your side, your opponent and a seed.`,
    );
    this.keys({ Enter: begin, Escape: back });
    if (remembered === null) own.input.focus();
  }

  private selected(group: HTMLElement, name: string): string {
    return group.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
  }

  private opponent(side: string, choice: string, seed: number): Opponent {
    if (choice === HOTSEAT) return { kind: 'hotseat' };
    const scenario = this.play.chosen!.scenario;
    const personas = scenario.personas.filter((persona) => persona.side === otherSide(scenario, side));
    if (choice !== UNKNOWN) return { kind: 'ai', persona: choice };
    return { kind: 'ai', persona: personas[seedState(`${seed}:persona`) % personas.length]!.id };
  }
}
