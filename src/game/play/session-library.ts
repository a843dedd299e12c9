/**
 * The saved-games library: every game the player has played or imported, each with a summary for
 * the list and the whole session (the event log is the truth; the summary is a cache). Entries come
 * back from storage as untrusted data, so each is checked before it is listed.
 */
import { z } from 'zod';
import type { GameState, Setup } from '../../engine/rules/state.ts';
import { OUTCOME_KINDS, type OutcomeKind, type Scenario } from '../../engine/scenario/schema.ts';
import { SESSION_NAME_MAX, type Players, type Session } from '../../engine/session/format.ts';
import { checkSession } from '../../engine/session/load.ts';
import type { KeyValueStore, Saved } from '../../storage/key-value.ts';
import { sessionIdentity } from '../../engine/session/seal.ts';
import { gameDetails, opponentLabel, playersLabel } from '../view/players.ts';

export const SESSION_PREFIX = 'session:';

const summarySchema = z.object({
  scenarioTitle: z.string().max(200),
  /** The players' names; absent from summaries cached before names (and before the persona was hidden). */
  players: z.string().max(300).optional(),
  side: z.string().max(100),
  opponent: z.string().max(200),
  roundsPlayed: z.number().int().min(0).max(12),
  outcome: z.enum(OUTCOME_KINDS).nullable(),
});

const entrySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(SESSION_NAME_MAX),
  savedAt: z.string().max(40),
  summary: summarySchema,
  session: z.unknown(),
});

export type SessionSummary = z.infer<typeof summarySchema>;
export interface LibraryEntry extends z.infer<typeof entrySchema> {
  session: unknown;
}

interface Progress {
  roundsPlayed: number;
  outcome: OutcomeKind | null;
}

function summary(
  scenario: Scenario,
  setup: Pick<Setup, 'playerSide' | 'opponent'>,
  progress: Progress,
  players: Players | undefined,
): SessionSummary {
  return {
    scenarioTitle: scenario.meta.title,
    players: playersLabel(scenario, players),
    side: scenario.sides.find((item) => item.id === setup.playerSide)?.name ?? setup.playerSide,
    opponent: opponentLabel(scenario, setup, progress.outcome !== null),
    roundsPlayed: progress.roundsPlayed,
    outcome: progress.outcome,
  };
}

export function summarise(scenario: Scenario, game: GameState, players?: Players): SessionSummary {
  return summary(scenario, game.setup, { roundsPlayed: game.rounds.length, outcome: game.outcome?.kind ?? null }, players);
}

export function libraryEntry(id: string, name: string, session: Session, scenario: Scenario, game: GameState): LibraryEntry {
  return {
    id,
    name,
    savedAt: session.savedAt ?? new Date(0).toISOString(),
    summary: summarise(scenario, game, session.players),
    session,
  };
}

/**
 * A summary cached before names came named the AI's persona even in a game still in progress; it
 * is made again from the session (the truth), keeping the rounds and outcome it cached. A session
 * that no longer checks out keeps its summary, less any opponent that might give the persona away.
 */
function refreshed(entry: LibraryEntry): LibraryEntry {
  const { summary: cached } = entry;
  if (cached.players !== undefined || cached.outcome !== null) return entry;
  const checked = checkSession(entry.session);
  if (!checked.ok) return { ...entry, summary: { ...cached, players: '', opponent: 'not known (the saved game is damaged)' } };
  const { session, scenario } = checked.value;
  const progress = { roundsPlayed: cached.roundsPlayed, outcome: cached.outcome };
  return { ...entry, summary: summary(scenario, session.setup, progress, session.players) };
}

/**
 * A game's name in the library: a head (its scenario's title, or the name of the game it was taken
 * over from), then details (side, players, day; the point taken over). A long head (a title may have
 * 120 characters) is shortened with an ellipsis, whole characters only, so that the name fits the
 * cap every saved game and session file is held to.
 */
export function gameName(title: string, details: string): string {
  const tail = ` — ${details}`;
  if (title.length + tail.length <= SESSION_NAME_MAX) return title + tail;
  let kept = '';
  for (const char of title) {
    if (kept.length + char.length + 1 + tail.length > SESSION_NAME_MAX) break;
    kept += char;
  }
  return `${kept.trimEnd()}…${tail}`.slice(0, SESSION_NAME_MAX);
}

/** The name a new game is saved under: "title — side, date". */
export function newGameName(title: string, side: string, when: string): string {
  return gameName(title, `${side}, ${when}`);
}

/** The name an imported game is listed under: after the game (title — side, players, day), not the file it came in. */
export function importedGameName(scenario: Scenario, session: Session): string {
  return gameName(scenario.meta.title, gameDetails(scenario, session.setup, session.players, session.savedAt));
}

/** The entry that already holds this game, if any: the same file imported twice, or a game exported and brought back. */
export function entryOfSameGame(entries: readonly LibraryEntry[], session: object): LibraryEntry | undefined {
  const identity = sessionIdentity(session);
  return entries.find(
    (entry) => typeof entry.session === 'object' && entry.session !== null && sessionIdentity(entry.session) === identity,
  );
}

export function newEntryId(): string {
  return crypto.randomUUID();
}

/** Every entry that checks out, newest first; anything else in storage is passed over. */
export async function listLibrary(store: KeyValueStore): Promise<LibraryEntry[]> {
  const found: LibraryEntry[] = [];
  for (const [, value] of await store.entries(SESSION_PREFIX)) {
    const parsed = entrySchema.safeParse(value);
    if (parsed.success) found.push(refreshed(parsed.data as LibraryEntry));
  }
  return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function readEntry(store: KeyValueStore, id: string): Promise<LibraryEntry | null> {
  const parsed = entrySchema.safeParse(await store.get(SESSION_PREFIX + id));
  return parsed.success ? (parsed.data as LibraryEntry) : null;
}

export function putEntry(store: KeyValueStore, entry: LibraryEntry): Promise<Saved> {
  return store.set(SESSION_PREFIX + entry.id, entry);
}

export function removeEntry(store: KeyValueStore, id: string): Promise<void> {
  return store.delete(SESSION_PREFIX + id);
}
