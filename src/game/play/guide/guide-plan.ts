/**
 * When the guided first game shows, and what: a tour of the briefing and the table of round 1
 * for a player who has not seen it, once per browser; and, in the game that ran the tour, a short
 * note the first time round 1's table comes back in another stage (the second player of a
 * hot-seat game answering, or a counter-proposal to reply to). Pure: the screens hand in where
 * the game stands and what the browser remembers, and store what comes back.
 */
import type { TableStage } from '../../view/table-view.ts';

export type GuidePart = { kind: 'briefing' } | { kind: 'table'; stage: TableStage } | { kind: 'follow-up'; stage: TableStage };

/** What one game's guide has shown so far (kept in memory for the game in progress). */
export interface GuideProgress {
  /** due: the tour has not ended in this game; finished: it ran to its end (or the player played on); dismissed: skipped. */
  tour: 'due' | 'finished' | 'dismissed';
  briefingDone: boolean;
  /** The table stages whose buttons have been explained. */
  explained: TableStage[];
  /** A part left open for an aside (help, glossary, settings) with the step it was on, to resume there. */
  open: { key: string; step: number } | null;
}

export function freshProgress(): GuideProgress {
  return { tour: 'due', briefingDone: false, explained: [], open: null };
}

export function partKey(part: GuidePart): string {
  return part.kind === 'briefing' ? 'briefing' : `${part.kind}:${part.stage}`;
}

/** Where the game stands when a briefing or table screen opens. */
export interface GuideAt {
  /** Whether this browser has seen the guide (finished or skipped it) since it was last asked for. */
  seen: boolean;
  round: number;
  /** The game is over (a briefing that only leads to the debrief). */
  over: boolean;
  screen: 'briefing' | 'table';
  /** The table's stage; null on the briefing. */
  stage: TableStage | null;
}

export interface GuidePlan {
  part: GuidePart;
  /** The step to open at: 0, or where an aside left it. */
  start: number;
  progress: GuideProgress;
}

/** The part to show on this screen, or null. Only round 1 of a game still being played has a guide. */
export function planGuide(at: GuideAt, before: GuideProgress): GuidePlan | null {
  if (at.round !== 0 || at.over) return null;
  // Not seen, yet this game already ended its tour: the player asked for the guide again.
  const progress = !at.seen && before.tour !== 'due' ? freshProgress() : before;
  let part: GuidePart | null = null;
  if (at.screen === 'briefing') {
    if (!at.seen && !progress.briefingDone) part = { kind: 'briefing' };
  } else if (at.stage) {
    if (!at.seen) part = { kind: 'table', stage: at.stage };
    else if (progress.tour === 'finished' && !progress.explained.includes(at.stage)) part = { kind: 'follow-up', stage: at.stage };
  }
  if (!part) return null;
  const key = partKey(part);
  return { part, start: progress.open?.key === key ? progress.open.step : 0, progress: { ...progress, open: null } };
}

/**
 * How a part ended: finished (Next past its last step), skipped (the whole guide), moved-on (the
 * game went on while it was open: the player played), or aside (the player opened help, the
 * glossary or settings and will come back to the same screen).
 */
export type PartEnd = { how: 'finished' | 'skipped' | 'moved-on' } | { how: 'aside'; step: number };

/** The progress after a part ends, and whether the browser should now remember the guide as seen. */
export function endPart(progress: GuideProgress, part: GuidePart, end: PartEnd): { progress: GuideProgress; seen: boolean } {
  if (end.how === 'aside') return { progress: { ...progress, open: { key: partKey(part), step: end.step } }, seen: false };
  if (end.how === 'skipped') return { progress: { ...progress, tour: 'dismissed', briefingDone: true, open: null }, seen: true };
  if (part.kind === 'briefing') return { progress: { ...progress, briefingDone: true, open: null }, seen: false };
  const explained = progress.explained.includes(part.stage) ? progress.explained : [...progress.explained, part.stage];
  return { progress: { ...progress, tour: 'finished', briefingDone: true, explained, open: null }, seen: true };
}
