/** How to play: the rules and the score in plain words, the way to the glossary, and the keys. */
import type { AppContext } from '../app/app-context.ts';
import { glossaryOf } from '../../engine/glossary.ts';
import { button, el } from '../ui/dom.ts';
import { termText } from '../ui/term-text.ts';
import { GLOSSARY_HREF } from '../view/term-links.ts';
import { guideAgainControl } from '../play/guide/guide-again.ts';
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
      'At the end of a round a military incident may happen. Its chance grows with the risk, and an incident can escalate to war. At 100 the crisis becomes war.',
    ],
  ],
  [
    'Red lines, standing and leverage',
    [
      'A side never accepts a position on its red lines, and cannot propose one of its own.',
      'Threats and belligerent statements commit you in public: backing down from them later costs standing at home and credibility abroad. Leverage makes your counterpart ask less of you; threats buy leverage only as far as you are believed. Conceding over your allies’ heads costs alliance cohesion.',
      'The AI counterpart accepts a package when it is worth more to it than its reservation value: the least it will settle for. That starts from what it believes no deal would bring — the status quo while peace holds, and what it expects of war if peace fails — and moves with the risk, its leverage and the rounds left. It gives ground when it is less willing than you to risk a breakdown. The debrief reveals its persona and explains each of its decisions.',
    ],
  ],
  [
    'The score',
    [
      'Each side’s score is an expected value. What was settled — the agreed positions, and the status quo on every track without a deal — is worth something only while peace holds, so it is weighted by the chance that peace holds at the final risk; what war is worth to the side is weighted by the chance of war. Any running cost of the crisis that the scenario sets is then taken off, and standing at home added.',
      'So a fair agreement reached at low risk scores well for both sides, and a walk-out at the brink scores far below it. The debrief sets your scores beside the historical outcome and shows the arithmetic in words.',
    ],
  ],
];

const KEYS: [string, string][] = [
  ['Tab / Shift+Tab', 'move between controls'],
  ['Arrow keys', 'choose a position on a track'],
  ['Enter', 'continue; table your package'],
  ['A / S / C / R / W', 'accept, accept some, counter, reject, walk out'],
  ['G', 'read the risk breakdown'],
  ['L', 'open the glossary (from the menu and this page)'],
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
    // The glossary comes back here, and from here to wherever this page was opened from.
    const glossary = async (term?: string) => {
      this.click();
      await this.app.loadPlay();
      this.scene.start('glossary', { term, back: 'how-to-play', backData: { back: this.back } });
    };
    const glossaryLink = el('a', {
      text: 'the glossary',
      attrs: { href: GLOSSARY_HREF },
      on: {
        click: (event) => {
          event.preventDefault();
          void glossary();
        },
      },
    });
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
          el('h2', { text: 'Words' }),
          el(
            'p',
            {},
            ...termText(
              'Terms of art — reservation value, Zeuthen’s concession rule, audience costs, the chance of war — and the scenario’s own terms are explained in ',
              glossaryOf(),
              (term) => void glossary(term),
            ),
            glossaryLink,
            ', written for students new to the subject. The debrief links to them.',
          ),
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
        el(
          'div',
          { class: 'actions' },
          button('Back', done, { key: 'Esc', class: 'primary' }),
          button('Glossary', () => void glossary(), { key: 'L' }),
          guideAgainControl(this.app.announcer),
        ),
      ),
      'How to play.',
    );
    this.keys({ Escape: done, l: () => void glossary() });
  }
}
