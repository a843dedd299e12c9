/**
 * The saved-games library: every game the player has played or imported, each with a summary for
 * the list and the whole session (the event log is the truth; the summary is a cache). Entries come
 * back from storage as untrusted data, so each is checked before it is listed.
 */
import { z } from 'zod';
import type { GameState } from '../../engine/rules/state.ts';
import { OUTCOME_KINDS, type Scenario } from '../../engine/scenario/schema.ts';
import type { Session } from '../../engine/session/format.ts';
import type { KeyValueStore, Saved } from '../../storage/key-value.ts';

export const SESSION_PREFIX = 'session:';

const summarySchema = z.object({
  scenarioTitle: z.string().max(200),
  side: z.string().max(100),
  opponent: z.string().max(200),
  roundsPlayed: z.number().int().min(0).max(12),
  outcome: z.enum(OUTCOME_KINDS).nullable(),
});

const entrySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  savedAt: z.string().max(40),
  summary: summarySchema,
  session: z.unknown(),
});

export type SessionSummary = z.infer<typeof summarySchema>;
export interface LibraryEntry extends z.infer<typeof entrySchema> {
  session: unknown;
}

export function summarize(scenario: Scenario, game: GameState): SessionSummary {
  const { playerSide, opponent } = game.setup;
  const side = scenario.sides.find((item) => item.id === playerSide)?.name ?? playerSide;
  const persona = opponent.kind === 'ai' ? scenario.personas.find((item) => item.id === opponent.persona)?.name : null;
  return {
    scenarioTitle: scenario.meta.title,
    side,
    opponent: opponent.kind === 'hotseat' ? 'two players (hot-seat)' : `AI: ${persona ?? opponent.persona}`,
    roundsPlayed: game.rounds.length,
    outcome: game.outcome?.kind ?? null,
  };
}

export function libraryEntry(id: string, name: string, session: Session, scenario: Scenario, game: GameState): LibraryEntry {
  return { id, name, savedAt: session.savedAt ?? new Date(0).toISOString(), summary: summarize(scenario, game), session };
}

export function newEntryId(): string {
  return crypto.randomUUID();
}

/** Every entry that checks out, newest first; anything else in storage is passed over. */
export async function listLibrary(store: KeyValueStore): Promise<LibraryEntry[]> {
  const found: LibraryEntry[] = [];
  for (const [, value] of await store.entries(SESSION_PREFIX)) {
    const parsed = entrySchema.safeParse(value);
    if (parsed.success) found.push(parsed.data as LibraryEntry);
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
