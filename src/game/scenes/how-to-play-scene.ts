/** How to play: the rules in plain words, and the keys. */
import type { AppContext } from '../app/app-context.ts';
import { button, el } from '../ui/dom.ts';
import { UiScene } from './ui-scene.ts';

const SECTIONS: [string, string[]][] = [
  [
    'The game',
    [
      'You lead one side of a security crisis through a few rounds of talks. Each track of the talks — for example NATO enlargement, missiles, exercises — has a ladder of positions from one side’s ideal to the other’s.',
      'Each round one side tables a package: a position on every open track, one posture move, and the tone of its public statement. The other side accepts it, accepts some tracks, counters, rejects, or walks out. A counter-proposal goes back to the first side, who accepts it, accepts part of it, or rejects it.',
      'Agreed tracks lock. The game ends when every track is agreed, when war breaks out, when a side walks out, or when the rounds run out.',
    ],
  ],
  [
    'The risk of war',
    [
      'The gauge runs from 0 to 100 through named bands. After every round it moves, and it always shows why: each open gap pushes it up by how far apart the sides still are and how much the track matters; threats, troop build-ups and belligerent statements push it up; agreements and reassurance bring it down.',
      'At the end of a round an incident may happen near the contact line. Its chance grows with the risk, and an incident can escalate to war. At 100 the crisis becomes war.',
    ],
  ],
  [
    'Red lines, standing and leverage',
    [
      'A side never accepts a position on its red lines, and cannot propose one of its own.',
      'Threats and belligerent statements commit you in public: backing down from them later costs standing at home and credibility abroad. Leverage makes your counterpart ask less of you; threats buy leverage only as far as you are believed. Conceding over your allies’ heads costs alliance cohesion.',
      'The AI counterpart accepts a package when it is worth more to it than its reservation value, which falls as the risk rises and as its leverage falls; it gives ground when it is less willing than you to risk a breakdown. The debrief reveals its persona and its reasons.',
    ],
  ],
];

const KEYS: [string, string][] = [
  ['Tab / Shift+Tab', 'move between controls'],
  ['Arrow keys', 'choose a position on a track'],
  ['Enter', 'continue; table your package'],
  ['A / S / C / R / W', 'accept, accept some, counter, reject, walk out'],
  ['G', 'read the risk breakdown'],
  ['Esc', 'back'],
];

export class HowToPlayScene extends UiScene {
  private back = 'title';

  constructor(app: AppContext) {
    super('how-to-play', app);
  }

  init(data: { back?: string }): void {
    this.back = data.back ?? 'title';
  }

  create(): void {
    const done = () => {
      this.click();
      this.scene.start(this.back);
    };
    this.mount(
      el(
        'section',
        { class: 'panel how-to-play narrow scroll' },
        el('h1', { text: 'How to play' }),
        ...SECTIONS.map(([title, paragraphs]) =>
          el('section', {}, el('h2', { text: title }), ...paragraphs.map((text) => el('p', { text }))),
        ),
        el(
          'section',
          {},
          el('h2', { text: 'Keys' }),
          el(
            'dl',
            { class: 'keys' },
            ...KEYS.flatMap(([key, action]) => [el('dt', {}, el('kbd', { text: key })), el('dd', { text: action })]),
          ),
        ),
        el('div', { class: 'actions' }, button('Back', done, { key: 'Esc', class: 'primary' })),
      ),
      'How to play.',
    );
    this.keys({ Escape: done });
  }
}
