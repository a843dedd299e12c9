/**
 * Bot policies that play a side in simulations and balance runs: random, greedy, hawk, dove.
 * Each one only ever produces legal moves; the dice are the bot's own, not the game's, so a bot
 * never changes the game's random sequence (its choices reach the game as ordinary events).
 */
import { cheapestConcession } from '../ai/concession.ts';
import type { Dice } from '../random.ts';
import type { PostureMove, Scenario, Tone } from '../scenario/schema.ts';
import { TONES } from '../scenario/schema.ts';
import type { GameState, Positions, Proposal, Reply, Response } from '../rules/state.ts';
import { outsideOption } from '../ai/valuation.ts';
import { acceptableTracks, acceptableUnits, mayAcceptAll } from '../rules/legal.ts';
import { isRedLine, openTracks, otherSide, stancePositions, track, trackUtility, utilityOf, worldWith } from '../rules/world.ts';

export interface BotView {
  scenario: Scenario;
  state: GameState;
  side: string;
  dice: Dice;
}

export interface Policy {
  name: PolicyName;
  description: string;
  propose(view: BotView): Proposal;
  respond(view: BotView): Response;
  reply(view: BotView): Reply;
}

export const POLICY_NAMES = ['random', 'greedy', 'hawk', 'dove', 'reciprocal'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

function record(view: BotView) {
  return view.state.rounds[view.state.round]!;
}

function proposalOnTable(view: BotView): Positions {
  return record(view).proposal!.positions;
}

function counterOnTable(view: BotView): Positions {
  return record(view).response!.counter!;
}

/** The parts of a package better for the side than the status quo, in whole linked groups, none its red line. */
function improving(view: BotView, positions: Positions): string[] {
  return acceptableUnits(view.scenario, view.side, positions)
    .filter((unit) =>
      unit.every((trackId) => {
        const item = track(view.scenario, trackId);
        return trackUtility(item, view.side, positions[trackId]!) > trackUtility(item, view.side, item.statusQuo);
      }),
    )
    .flat();
}

function movesOf(view: BotView, kinds: PostureMove['kind'][]): PostureMove[] {
  return view.scenario.postureMoves.filter((move) => move.side === view.side && kinds.includes(move.kind));
}

/**
 * The side's best position on every open track that neither side has ruled out: red lines are
 * public, so demanding the other side's is demanding nothing it can ever accept.
 */
function bestPositions(view: BotView): Positions {
  const positions: Positions = {};
  for (const item of openTracks(view.scenario, view.state)) {
    const open = item.positions.filter((position) => !isRedLine(item, view.side, position.id));
    const possible = open.filter((position) => !isRedLine(item, otherSide(view.scenario, view.side), position.id));
    const allowed = possible.length > 0 ? possible : open;
    allowed.sort((a, b) => (b.utility[view.side] ?? 0) - (a.utility[view.side] ?? 0));
    positions[item.id] = allowed[0]!.id;
  }
  return positions;
}

function randomPositions(view: BotView): Positions {
  const positions: Positions = {};
  for (const item of openTracks(view.scenario, view.state)) {
    positions[item.id] = view.dice.pick(item.positions.filter((position) => !isRedLine(item, view.side, position.id))).id;
  }
  return positions;
}

function worth(view: BotView, positions: Positions): number {
  return utilityOf(view.scenario, view.side, worldWith(view.scenario, view.state, positions));
}

/** The side's value of no deal at the current risk, by the scenario's own estimate of what war would bring it. */
const noDeal = (view: BotView) => outsideOption(view.scenario, view.state, view.side, null).value;

/** Accept all, accept the acceptable part, or nothing, by the given test of a package's worth. */
function acceptance(
  view: BotView,
  positions: Positions,
  good: (value: number) => boolean,
): { kind: 'accept' | 'accept-some'; tracks?: string[] } | null {
  if (mayAcceptAll(view.scenario, view.side, positions) && good(worth(view, positions))) return { kind: 'accept' };
  const part = improving(view, positions);
  if (part.length > 0 && good(worth(view, Object.fromEntries(part.map((id) => [id, positions[id]!]))))) {
    return { kind: 'accept-some', tracks: part };
  }
  return null;
}

const random: Policy = {
  name: 'random',
  description: 'Picks uniformly among legal moves.',
  propose: (view) => ({
    side: view.side,
    positions: randomPositions(view),
    posture: view.dice.pick([
      null,
      ...movesOf(view, ['threat', 'build-up', 'de-escalation', 'reassurance', 'consultation']).map((move) => move.id),
    ]),
    tone: view.dice.pick(TONES),
  }),
  respond: (view) => {
    const table = proposalOnTable(view);
    const posture = view.dice.pick([
      null,
      ...movesOf(view, ['threat', 'build-up', 'de-escalation', 'reassurance', 'consultation']).map((move) => move.id),
    ]);
    const tone: Tone = view.dice.pick(TONES);
    const allowed = acceptableTracks(view.scenario, view.side, table);
    const kinds: Response['kind'][] = ['counter', 'reject', 'walkout'];
    if (mayAcceptAll(view.scenario, view.side, table)) kinds.push('accept');
    if (allowed.length > 0) kinds.push('accept-some');
    const kind = view.dice.pick(kinds);
    if (kind === 'counter') return { side: view.side, kind, counter: randomPositions(view), posture, tone };
    if (kind === 'accept-some') {
      const units = acceptableUnits(view.scenario, view.side, table);
      const chosen = units.filter(() => view.dice.roll() < 0.5);
      return { side: view.side, kind, tracks: (chosen.length > 0 ? chosen : [units[0]!]).flat(), posture, tone };
    }
    return { side: view.side, kind, posture, tone };
  },
  reply: (view) => {
    const allowed = acceptableTracks(view.scenario, view.side, counterOnTable(view));
    const kinds: Reply['kind'][] = ['reject'];
    if (mayAcceptAll(view.scenario, view.side, counterOnTable(view))) kinds.push('accept');
    if (allowed.length > 0) kinds.push('accept-some');
    const kind = view.dice.pick(kinds);
    return kind === 'accept-some' ? { side: view.side, kind, tracks: allowed } : { side: view.side, kind };
  },
};

/** How far from no deal toward its own best terms a package must go before greedy takes it. */
const GREEDY_SHARE = 0.4;

/** Greedy's bar: no deal, plus a share of what its own best terms would add to that. */
function greedyBar(view: BotView): number {
  const floor = noDeal(view);
  return floor + Math.max(0, worth(view, bestPositions(view)) - floor) * GREEDY_SHARE;
}

const greedy: Policy = {
  name: 'greedy',
  description:
    'Demands its best terms short of the other side’s red lines; takes a package only if it goes at least 40% of the way from no deal to those terms.',
  propose: (view) => ({ side: view.side, positions: bestPositions(view), posture: null, tone: 'firm' }),
  respond: (view) => {
    const deal = acceptance(view, proposalOnTable(view), (value) => value >= greedyBar(view));
    if (deal) return { side: view.side, ...deal, posture: null, tone: 'firm' };
    return { side: view.side, kind: 'counter', counter: bestPositions(view), posture: null, tone: 'firm' };
  },
  reply: (view) => ({
    side: view.side,
    ...(acceptance(view, counterOnTable(view), (value) => value >= greedyBar(view)) ?? { kind: 'reject' }),
  }),
};

function strongest(view: BotView, kinds: PostureMove['kind'][], score: (move: PostureMove) => number): string | null {
  return movesOf(view, kinds).sort((a, b) => score(b) - score(a))[0]?.id ?? null;
}

const hawk: Policy = {
  name: 'hawk',
  description: 'Never concedes, threatens, and accepts only terms at least as good as its own demands.',
  propose: (view) => ({
    side: view.side,
    positions: stancePositions(view.scenario, view.state, view.side),
    posture: strongest(view, ['threat', 'build-up'], (move) => move.effects.sides?.[view.side]?.leverage ?? 0),
    tone: 'belligerent',
  }),
  respond: (view) => {
    const demands = worth(view, stancePositions(view.scenario, view.state, view.side));
    const deal = acceptance(view, proposalOnTable(view), (value) => value >= demands);
    const posture = strongest(view, ['threat', 'build-up'], (move) => move.effects.sides?.[view.side]?.leverage ?? 0);
    return deal
      ? { side: view.side, ...deal, posture, tone: 'belligerent' }
      : { side: view.side, kind: 'reject', posture, tone: 'belligerent' };
  },
  reply: (view) => {
    const demands = worth(view, stancePositions(view.scenario, view.state, view.side));
    return { side: view.side, ...(acceptance(view, counterOnTable(view), (value) => value >= demands) ?? { kind: 'reject' }) };
  },
};

const dove: Policy = {
  name: 'dove',
  description: 'Gives a step every round, de-escalates, and accepts anything short of its red lines.',
  propose: (view) => {
    const own = stancePositions(view.scenario, view.state, view.side);
    const theirs = stancePositions(view.scenario, view.state, otherSide(view.scenario, view.side));
    return {
      side: view.side,
      positions: cheapestConcession(view.scenario, view.state, view.side, own, theirs)?.positions ?? own,
      posture: strongest(view, ['de-escalation', 'reassurance'], (move) => -(move.effects.risk ?? 0)),
      tone: 'conciliatory',
    };
  },
  respond: (view) => {
    const posture = strongest(view, ['de-escalation', 'reassurance'], (move) => -(move.effects.risk ?? 0));
    const deal = acceptance(view, proposalOnTable(view), () => true);
    if (deal) return { side: view.side, ...deal, posture, tone: 'conciliatory' };
    const own = stancePositions(view.scenario, view.state, view.side);
    const counter = cheapestConcession(view.scenario, view.state, view.side, own, proposalOnTable(view))?.positions ?? own;
    return { side: view.side, kind: 'counter', counter, posture, tone: 'conciliatory' };
  },
  reply: (view) => ({ side: view.side, ...(acceptance(view, counterOnTable(view), () => true) ?? { kind: 'reject' }) }),
};

/**
 * Whether the other side kept the peace last time it moved: no threat, no build-up, no belligerent
 * statement. Before it has moved at all, it gets the benefit of the doubt (Axelrod's tit for tat
 * opens by cooperating).
 */
function otherCooperated(view: BotView): boolean {
  const other = otherSide(view.scenario, view.side);
  const last = [...view.state.rounds]
    .reverse()
    .flatMap((round) => [round.response, round.proposal])
    .find((move) => move?.side === other);
  if (!last) return true;
  const move = view.scenario.postureMoves.find((item) => item.id === last.posture);
  return last.tone !== 'belligerent' && move?.kind !== 'threat' && move?.kind !== 'build-up';
}

/** Tit for tat's move: a step and a calming gesture after peace, its demands and a firm tone after a threat. */
function reciprocalMove(view: BotView, theirs: Positions): Pick<Proposal, 'positions' | 'posture' | 'tone'> {
  const own = stancePositions(view.scenario, view.state, view.side);
  if (!otherCooperated(view)) return { positions: own, posture: null, tone: 'firm' };
  return {
    positions: cheapestConcession(view.scenario, view.state, view.side, own, theirs)?.positions ?? own,
    posture: strongest(view, ['reassurance', 'de-escalation'], (move) => -(move.effects.risk ?? 0)),
    tone: 'conciliatory',
  };
}

const reciprocal: Policy = {
  name: 'reciprocal',
  description:
    'Tit for tat: gives a step and calms things when the other side did last time, holds firm when it did not; takes any package worth more than no deal.',
  propose: (view) => ({
    side: view.side,
    ...reciprocalMove(view, stancePositions(view.scenario, view.state, otherSide(view.scenario, view.side))),
  }),
  respond: (view) => {
    const { positions, posture, tone } = reciprocalMove(view, proposalOnTable(view));
    const deal = acceptance(view, proposalOnTable(view), (value) => value > noDeal(view));
    if (deal) return { side: view.side, ...deal, posture, tone };
    return { side: view.side, kind: 'counter', counter: positions, posture, tone };
  },
  reply: (view) => ({
    side: view.side,
    ...(acceptance(view, counterOnTable(view), (value) => value > noDeal(view)) ?? { kind: 'reject' }),
  }),
};

export const POLICIES: Record<PolicyName, Policy> = { random, greedy, hawk, dove, reciprocal };

export function isPolicyName(name: string): name is PolicyName {
  return (POLICY_NAMES as readonly string[]).includes(name);
}
