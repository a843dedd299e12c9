/**
 * The guided first game, in words: the steps of the coach marks on the first round's briefing and
 * table, each anchored on the control it explains (by the class names the screens give them), in
 * the scenario's own names. Which steps a table shows depends on what the player does there
 * (proposing, answering or replying to a counter). Pure, so it is tested without a browser.
 */
import type { GameState } from '../../engine/rules/state.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { sideShort } from './narration.ts';
import { bandName, bands } from './risk-view.ts';
import type { TableStage } from './table-view.ts';

export interface GuideStep {
  id: string;
  /** A CSS selector for the control the step explains; the coach mark sits next to the first match. */
  anchor: string;
  heading: string;
  /** One to three plain sentences. */
  text: string[];
  /** A glossary entry that says more, by id. */
  term?: string;
}

/** The briefing of round 1: what each part of it is for, then the way to the table. */
export function briefingSteps(scenario: Scenario, game: GameState): GuideStep[] {
  const rounds = scenario.rounds.length;
  const player = sideShort(scenario, game.setup.playerSide);
  const hotseat = game.setup.opponent.kind === 'hotseat';
  return [
    {
      id: 'briefing',
      anchor: '.briefing-text .lead',
      heading: 'The briefing',
      text: [
        `Each of the ${rounds} rounds opens with a briefing: where and when the talks meet, what happened outside the room, and the risk of war now.`,
        hotseat
          ? 'Before the first round, each side’s brief and objectives follow: what it wants from the talks.'
          : `Before the first round, your brief and objectives follow: what ${player} wants from the talks.`,
      ],
    },
    {
      id: 'red-lines',
      anchor: '.red-lines',
      heading: 'Red lines',
      term: 'red-line',
      text: [
        scenario.privateRedLines
          ? 'A red line is a position a side will never accept. In this scenario they are private, as the note here says: the other side’s show only in what it says and does.'
          : 'A red line is a position a side will never accept. Both sides’ are listed here, track by track.',
        'You cannot propose one of your own, and the other side refuses any package that crosses one of its own.',
      ],
    },
    mapStep('.briefing-map'),
    timelineStep(rounds),
    {
      id: 'to-table',
      anchor: '.briefing-text .actions',
      heading: 'To the table',
      text: ['When you are ready, go to the table (Enter). The guide goes on there, next to each control.'],
    },
  ];
}

function mapStep(anchor: string): GuideStep {
  return {
    id: 'map',
    anchor,
    heading: 'The map',
    text: [
      'The map shows where the crisis is: the sides, and the forces, sites and zones the talks are about.',
      'It changes with every round, as forces build up or pull back and deals are made.',
    ],
  };
}

function timelineStep(rounds: number): GuideStep {
  return {
    id: 'timeline',
    anchor: '.screen-footer .timeline',
    heading: 'The rounds',
    text: [
      `The talks last at most ${rounds} rounds, listed here with their dates and venues; “● now” marks this one.`,
      'They end sooner if every track is agreed, a side walks out, or war breaks out.',
    ],
  };
}

/** Who is at the table: the side whose decision it is, and the other. */
export interface TableSides {
  acting: string;
  other: string;
}

/** What the banner says the player is doing: proposing, answering a package, or replying to a counter. */
function bannerStep(scenario: Scenario, stage: TableStage, sides: TableSides): GuideStep {
  const acting = sideShort(scenario, sides.acting);
  const other = sideShort(scenario, sides.other);
  const base = { id: 'banner', anchor: '.table-centre .banner' };
  switch (stage) {
    case 'proposal':
      return {
        ...base,
        heading: 'Your move: propose',
        text: [
          `${acting} tables the package this round: a position on every open track, one posture move and a tone.`,
          `${other} then accepts it, accepts some tracks, counters, rejects it or walks out.`,
        ],
      };
    case 'response':
      return {
        ...base,
        heading: 'Your move: answer',
        text: [
          `${other} has tabled a package; this line says how, with its posture move and tone.`,
          'You answer it: accept it all, accept some tracks, counter with a package of your own, reject it, or walk out.',
        ],
      };
    case 'counter':
      return {
        ...base,
        heading: 'A counter-proposal',
        text: [
          `${other} has answered your package with one of its own.`,
          'You may accept it, accept some of its tracks, or reject it; the round then ends.',
        ],
      };
  }
}

/** The buttons of each stage and their keys (as the table shows them on the buttons). */
function actionsStep(stage: TableStage): GuideStep {
  const base = { id: 'actions', anchor: '.table-centre .actions' };
  switch (stage) {
    case 'proposal':
      return {
        ...base,
        heading: 'Table the package',
        text: [
          'When your package is ready, press “Table the package”, or Enter.',
          'Every button shows its key, and Tab moves from control to control. How to play can show you this guide again.',
        ],
      };
    case 'response':
      return {
        ...base,
        heading: 'Your answer',
        text: [
          'Accept all (A), Accept some… (S), Counter… (C), Reject (R) or Walk out… (W): each button shows its key.',
          'Counter lets you choose rungs of your own; walking out ends the talks, and asks you to confirm first.',
        ],
      };
    case 'counter':
      return {
        ...base,
        heading: 'Your reply',
        text: [
          'Accept all (A), Accept some… (S) or Reject (R): each button shows its key.',
          'Whatever you choose, the round ends and the risk moves.',
        ],
      };
  }
}

/** The first open track's ladder: the tracks and the marks on their rungs are explained on it. */
const LADDER = '.tracks .track:not(.agreed) .ladder';

/**
 * The table of round 1. The map and the timeline are explained here only when the briefing's
 * guide was not (a game resumed at the table, or the guide asked for again there); posture and
 * tone only where the player chooses them (not when replying to a counter).
 */
export function tableSteps(scenario: Scenario, game: GameState, stage: TableStage, sides: TableSides, briefingShown: boolean): GuideStep[] {
  const acting = sideShort(scenario, sides.acting);
  const other = sideShort(scenario, sides.other);
  const ends = `from ${sideShort(scenario, scenario.sides[0]!.id)}’s ideal at rung 1 to ${sideShort(scenario, scenario.sides[1]!.id)}’s at the other end`;
  const proposing = stage === 'proposal';
  const scale = bands(scenario);
  const steps: GuideStep[] = [
    bannerStep(scenario, stage, sides),
    {
      id: 'tracks',
      anchor: LADDER,
      heading: 'The tracks',
      text: [
        `Each track is a ladder of positions, ${ends}.`,
        proposing
          ? 'Choose one rung on every track: click it, or use the arrow keys. The rung you are on is described below the ladder.'
          : 'The rung marked ◆ on the table is what the package on the table puts on that track.',
      ],
    },
    {
      id: 'marks',
      anchor: LADDER,
      heading: 'Marks on the rungs',
      term: 'status-quo',
      text: [
        proposing
          ? `Each rung says in words what it is to whom: ✓ your choice, ● what ${acting} demands, ▲ what ${other} demands.`
          : `Each rung says in words what it is to whom: ● what ${acting} demands, ▲ what ${other} demands, ◆ what is on the table.`,
        scenario.privateRedLines
          ? `⊘ marks ${acting}’s red lines (they cannot be chosen); ${other}’s are private. The status quo is what holds with no deal.`
          : `⊘ marks ${acting}’s red lines (they cannot be chosen) and ✕ ${other}’s; the status quo is what holds with no deal.`,
      ],
    },
  ];
  if (stage !== 'counter') {
    steps.push(
      {
        id: 'posture',
        anchor: '.table-centre fieldset.posture',
        heading: 'Posture move',
        term: 'posture-move',
        text: [
          'Besides the package, you may make one move on the ground, or none.',
          'The numbers beside each move are its effects: on the risk of war, your leverage, your standing at home and your forces.',
        ],
      },
      {
        id: 'tone',
        anchor: '.table-centre fieldset.tone',
        heading: 'Tone',
        term: 'audience-costs',
        text: [
          'Your statement to the press can be conciliatory, firm or belligerent; the number beside each is what it adds to the risk.',
          'A belligerent tone commits you in public: backing down later costs standing and credibility. Statements show under the map.',
        ],
      },
    );
  }
  steps.push(
    {
      id: 'risk',
      anchor: '.risk-panel',
      heading: 'The risk of war',
      term: 'escalation-band',
      text: [
        `The gauge runs from 0 to 100 through named bands, from ${scale[0]!.name} to ${scale.at(-1)!.name}; it stands at ${game.risk.toFixed(1)} (${bandName(scenario, game.risk)}) now.`,
        'It moves after every round, always with its reasons: press G, or hover or focus the gauge, to see the factors behind the last change.',
      ],
    },
    {
      id: 'meters',
      anchor: '.meters',
      heading: 'The meters',
      term: 'leverage',
      text: [
        'Leverage, standing at home, credibility and alliance cohesion, for both sides, from 0 to 100.',
        'Leverage makes the other side ask less of you; threats you back down from cost standing and credibility; conceding over your allies’ heads costs cohesion.',
      ],
    },
  );
  if (!briefingShown) steps.push(mapStep('.table-left .map'), timelineStep(scenario.rounds.length));
  steps.push(actionsStep(stage));
  return steps;
}

/**
 * After the tour, the first time round 1's table comes back to a player in another stage (the
 * second player in hot-seat, or a counter-proposal to answer): only what is new there.
 */
export function followUpSteps(scenario: Scenario, stage: TableStage, sides: TableSides): GuideStep[] {
  return [bannerStep(scenario, stage, sides), actionsStep(stage)];
}
