/**
 * Setup: the player's name (optional, asked once and remembered), which side to play, against
 * which opponent (an AI persona or a second player, who may give a name too), and an optional seed.
 */
import { seedState } from '../../engine/random.ts';
import { otherSide } from '../../engine/rules/world.ts';
import type { Opponent, Setup } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import type { Players } from '../../engine/session/format.ts';
import { cleanPlayerName } from '../../engine/session/player-name.ts';
import { button, el } from '../ui/dom.ts';
import {
  HOTSEAT,
  nameField,
  opponentChoices,
  ownNameField,
  seedField,
  selected,
  sideChoices,
  UNKNOWN,
  type Field,
} from './panels/setup-fields.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';

function randomSeed(): string {
  return String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000);
}

/** The setup screen's fields, read when the game begins. */
interface SetupForm {
  sides: HTMLElement;
  opponents: HTMLElement;
  own: Field;
  other: Field;
  seed: Field;
  error: HTMLElement;
}

export class SetupScene extends PlayScene {
  constructor(play: PlayContext) {
    super('setup', play);
  }

  create(): void {
    const scenario = this.play.chosen!.scenario;
    const sides = sideChoices(scenario);
    const opponents = el('fieldset', { class: 'field choices' }, ...opponentChoices(scenario, scenario.sides[0]!.id));
    const remembered = this.app.settings.current.playerName;
    const own = ownNameField(remembered);
    const other = this.secondPlayer(scenario, sides, opponents);
    const form: SetupForm = {
      sides,
      opponents,
      own,
      other,
      seed: seedField(),
      error: el('p', { class: 'error', attrs: { role: 'alert' } }),
    };
    const begin = () => this.begin(scenario, form);
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
        form.seed.field,
        form.error,
        el('div', { class: 'actions' }, button('Begin', begin, { key: 'Enter', class: 'primary' }), button('Back', back, { key: 'Esc' })),
      ),
      `Set up the game: your name if you wish, your side, your opponent and a seed.`,
    );
    this.keys({ Enter: begin, Escape: back });
    if (remembered === null) own.input.focus();
  }

  /** In hot-seat the second player may give a name too, for the other side; the field follows the choices. */
  private secondPlayer(scenario: Scenario, sides: HTMLElement, opponents: HTMLElement): Field {
    const other = nameField('', '', 'off');
    const otherLabel = other.field.querySelector('label')!;
    const showOther = () => {
      const side = selected(sides, 'side');
      other.field.hidden = selected(opponents, 'opponent') !== HOTSEAT;
      otherLabel.textContent = `Second player’s name, for ${scenario.sides.find((item) => item.id === otherSide(scenario, side))!.name} (optional)`;
    };
    sides.addEventListener('change', () => {
      opponents.replaceChildren(...opponentChoices(scenario, selected(sides, 'side')));
      showOther();
    });
    opponents.addEventListener('change', showOther);
    showOther();
    return other;
  }

  /** Starts the game the form describes, or says what is wrong with it. */
  private begin(scenario: Scenario, form: SetupForm): void {
    this.click();
    const side = selected(form.sides, 'side');
    const choice = selected(form.opponents, 'opponent');
    const typed = form.seed.input.value.trim();
    if (typed !== '' && !/^\d{1,9}$/.test(typed)) {
      form.error.textContent = 'The seed must be a whole number of up to 9 digits, or empty for a random one.';
      form.seed.input.focus();
      return;
    }
    const seed = Number(typed === '' ? randomSeed() : typed);
    const setup: Setup = { seed, playerSide: side, opponent: this.opponent(side, choice, seed) };
    const name = cleanPlayerName(form.own.input.value);
    this.app.settings.update({ playerName: name });
    const players: Players = {};
    if (name) players[side] = name;
    const second = cleanPlayerName(form.other.input.value);
    if (choice === HOTSEAT && second) players[otherSide(scenario, side)] = second;
    if (!this.play.startGame(setup, players)) {
      form.error.textContent = 'This setup cannot start a game.';
      return;
    }
    this.scene.start('briefing');
  }

  private opponent(side: string, choice: string, seed: number): Opponent {
    if (choice === HOTSEAT) return { kind: 'hotseat' };
    const scenario = this.play.chosen!.scenario;
    const personas = scenario.personas.filter((persona) => persona.side === otherSide(scenario, side));
    if (choice !== UNKNOWN) return { kind: 'ai', persona: choice };
    return { kind: 'ai', persona: personas[seedState(`${seed}:persona`) % personas.length]!.id };
  }
}
