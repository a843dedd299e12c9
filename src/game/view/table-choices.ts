/**
 * The choices a player is making at the table during one turn — the mode they are in (answering,
 * accepting some, countering…), the positions, the ticked tracks, the posture move and the tone —
 * as plain data with pure functions over it. The table scene renders a TableChoices and replaces
 * it with the one these functions return; the machine only ever sees the event it finally makes
 * (tableEvent). Pure, so it is tested without a browser.
 */
import type { GameEvent } from '../../engine/machine/game-machine.ts';
import type { Positions } from '../../engine/rules/state.ts';
import type { Tone } from '../../engine/scenario/schema.ts';
import { acceptableTracks, canAcceptAll, startingPackage, unitOf, type TableMode, type TableStage, type TableView } from './table-view.ts';

export interface TableChoices {
  /** The turn these choices belong to (tableTurn's key): they are not carried to another turn. */
  turn: string;
  mode: TableMode;
  /** The package being proposed or countered. */
  positions: Positions;
  /** The tracks ticked for accepting some, in the order they were ticked. */
  ticked: readonly string[];
  posture: string | null;
  tone: Tone;
}

/** The mode each stage of the table opens in. */
const OPENING_MODE: Record<TableStage, TableMode> = { proposal: 'propose', response: 'answer', counter: 'reply' };

/** The modes a player may go to from each mode: the answer and the reply open their choices, which go back. */
const NEXT_MODES: Record<TableMode, readonly TableMode[]> = {
  propose: [],
  answer: ['accept-some', 'counter', 'confirm-walkout'],
  'accept-some': ['answer'],
  counter: ['answer'],
  'confirm-walkout': ['answer'],
  reply: ['reply-some'],
  'reply-some': ['reply'],
};

/** Where Escape goes back to from a mode, if anywhere. */
const CANCELS_TO: Partial<Record<TableMode, TableMode>> = {
  'accept-some': 'answer',
  counter: 'answer',
  'confirm-walkout': 'answer',
  'reply-some': 'reply',
};

/** A turn's choices before the player has made any: the stage's mode, the side's own demands, every track it may accept ticked. */
export function openingChoices(view: TableView, turn: string): TableChoices {
  return {
    turn,
    mode: OPENING_MODE[view.stage],
    positions: startingPackage(view),
    ticked: acceptableTracks(view),
    posture: null,
    tone: 'firm',
  };
}

/** The choices kept from an earlier visit to this turn, or a fresh start when they belong to another turn. */
export function choicesFor(kept: TableChoices | null, view: TableView, turn: string): TableChoices {
  return kept?.turn === turn ? kept : openingChoices(view, turn);
}

/** The choices in another mode, or null when that mode cannot be reached from the current one. */
export function withMode(choices: TableChoices, mode: TableMode): TableChoices | null {
  return NEXT_MODES[choices.mode].includes(mode) ? { ...choices, mode } : null;
}

/** The mode Escape goes back to, or null where there is nothing to cancel. */
export function cancelMode(choices: TableChoices): TableMode | null {
  return CANCELS_TO[choices.mode] ?? null;
}

/** Whether the ladders take a choice of position in this mode. */
export function choosingPositions(mode: TableMode): boolean {
  return mode === 'propose' || mode === 'counter';
}

/** Whether the tracks on the table are ticked one by one in this mode. */
export function tickingTracks(mode: TableMode): boolean {
  return mode === 'accept-some' || mode === 'reply-some';
}

export function withPosition(choices: TableChoices, trackId: string, positionId: string): TableChoices {
  return { ...choices, positions: { ...choices.positions, [trackId]: positionId } };
}

/** Ticks or unticks a track; linked tracks are accepted together, so its whole group goes with it. */
export function withTicked(choices: TableChoices, view: TableView, trackId: string, ticked: boolean): TableChoices {
  const unit = unitOf(view, trackId);
  const kept = choices.ticked.filter((id) => ticked || !unit.includes(id));
  const added = ticked ? unit.filter((id) => !kept.includes(id)) : [];
  return { ...choices, ticked: [...kept, ...added] };
}

export function withPosture(choices: TableChoices, posture: string | null): TableChoices {
  return { ...choices, posture };
}

export function withTone(choices: TableChoices, tone: Tone): TableChoices {
  return { ...choices, tone };
}

/** What a player may do at the table; each is taken only in the modes it belongs to (tableEvent). */
export type TableAction = 'propose' | 'accept' | 'accept-some' | 'counter' | 'reject' | 'walkout';

/** The action Enter takes in each mode, where it takes one. */
const PRIMARY: Partial<Record<TableMode, TableAction>> = {
  propose: 'propose',
  'accept-some': 'accept-some',
  'reply-some': 'accept-some',
  counter: 'counter',
  'confirm-walkout': 'walkout',
};

export function primaryAction(mode: TableMode): TableAction | null {
  return PRIMARY[mode] ?? null;
}

/** The events a move at the table sends to the machine. */
export type TableEvent = Extract<GameEvent, { type: 'PROPOSE' | 'RESPOND' | 'REPLY' }>;

/**
 * The event an action makes of the choices, or null when the action does not belong to the mode
 * (a shortcut pressed in another mode) or cannot be taken (accepting all across a red line,
 * accepting some with nothing ticked).
 */
export function tableEvent(view: TableView, choices: TableChoices, action: TableAction): TableEvent | null {
  const { mode, posture, tone } = choices;
  const side = view.acting;
  const respond = (response: Omit<Extract<TableEvent, { type: 'RESPOND' }>['response'], 'side' | 'posture' | 'tone'>): TableEvent => ({
    type: 'RESPOND',
    response: { side, posture, tone, ...response },
  });
  const reply = (kind: 'accept' | 'accept-some' | 'reject', tracks?: string[]): TableEvent => ({
    type: 'REPLY',
    reply: { side, kind, ...(tracks ? { tracks } : {}) },
  });
  const tracks = [...choices.ticked];
  switch (action) {
    case 'propose':
      return mode === 'propose' ? { type: 'PROPOSE', proposal: { side, positions: choices.positions, posture, tone } } : null;
    case 'accept':
      if (!canAcceptAll(view)) return null;
      return mode === 'answer' ? respond({ kind: 'accept' }) : mode === 'reply' ? reply('accept') : null;
    case 'accept-some':
      if (tracks.length === 0) return null;
      return mode === 'accept-some'
        ? respond({ kind: 'accept-some', tracks })
        : mode === 'reply-some'
          ? reply('accept-some', tracks)
          : null;
    case 'counter':
      return mode === 'counter' ? respond({ kind: 'counter', counter: choices.positions }) : null;
    case 'reject':
      return mode === 'answer' ? respond({ kind: 'reject' }) : mode === 'reply' ? reply('reject') : null;
    case 'walkout':
      return mode === 'confirm-walkout' ? respond({ kind: 'walkout' }) : null;
  }
}
