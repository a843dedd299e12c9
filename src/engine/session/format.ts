/**
 * The session file: one self-contained JSON document holding the scenario, the seed, the setup
 * and every event in order (with the time it was made, for paced replay), plus the checksum of
 * every state the events lead to. The event log is the truth; the checksums prove a replay.
 */
import { z } from 'zod';
import { gameEventSchema, setupSchema, type Setup } from '../machine/event-schema.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { cleanPlayerName, PLAYER_NAME_MAX } from './player-name.ts';

export const SESSION_FORMAT = 'red-lines-session';
/**
 * The session format's version. 2 added `name` (the game as the player named it); 3 came with
 * the model of outside options and expected-value scores, whose AI decides differently, so games
 * recorded before it no longer replay to the same states and are refused with that reason.
 * Optional fields that the rules never read (`players`) join a version without changing it: a
 * file without them is still a file of that version. 4 added the `seal` (seal.ts), which covers
 * the whole file; files of version 3 still load and replay, their checksums covering only the
 * moves and the states they lead to. 5 checksums each state by its phase and its meaning, leaving
 * out the machine's state names and the states' words for people (checksum.ts); files of versions
 * 3 and 4 verify by the checksums they were written with (legacy-checksum.ts). 5 no longer writes
 * `annotations`, which nothing ever filled or read.
 */
export const SESSION_VERSION = 5;
/** The oldest version this one replays. */
export const OLDEST_REPLAYED_VERSION = 3;

/** Session files embed a whole scenario; this is ample for any of them. Every reader refuses a larger file unread. */
export const MAX_SESSION_BYTES = 8 * 1024 * 1024;

/** The longest name a game may have (the library's list and a file name must hold it). */
export const SESSION_NAME_MAX = 120;

const checksumText = z.string().regex(/^[0-9a-f]{14}$/);

/** Who played, by side id: optional, so files without names (and every file before names) still load. */
export const playersSchema = z
  .record(
    z.string().min(1).max(64),
    z
      .string()
      .min(1)
      .max(PLAYER_NAME_MAX)
      .refine((name) => cleanPlayerName(name) === name, 'expected a name on one line, without control characters or spaces at its ends'),
  )
  .refine((players) => Object.keys(players).length <= 8, 'expected at most one name per side')
  .describe(
    'The players’ names, by the id of the side each played. Never read by the rules; covered by the seal, not by the state checksums.',
  );

export type Players = z.output<typeof playersSchema>;

export const timedEventSchema = z.object({
  at: z.number().min(0).max(1e10).describe('Milliseconds since the session started.'),
  event: gameEventSchema,
});

export const sessionSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  formatVersion: z.number().int().min(OLDEST_REPLAYED_VERSION).max(SESSION_VERSION),
  appVersion: z.string().max(40),
  name: z.string().min(1).max(SESSION_NAME_MAX).describe('The game as the player named it.'),
  players: playersSchema.optional(),
  savedAt: z.string().max(40).optional().describe('When the file was written (ISO 8601), as the shell saw it.'),
  scenario: z.unknown().describe('The whole scenario the game was played on.'),
  seed: setupSchema.shape.seed,
  setup: setupSchema.omit({ seed: true }),
  events: z.array(timedEventSchema).max(2000),
  checksums: z.array(checksumText).max(2001).describe('The checksum of the state after the start and after each event.'),
  checksum: checksumText.describe('The checksum of the whole trail.'),
  annotations: z
    .array(z.object({ event: z.number().int().min(0), text: z.string().max(2000) }))
    .max(500)
    .optional()
    .describe('Written (always empty) by formats 3 and 4, which are still read; no longer written.'),
  seal: z
    .record(z.string().max(40), checksumText)
    .optional()
    .describe('The checksum of every other top-level field (format 4 on; see seal.ts).'),
});

export type TimedEvent = z.output<typeof timedEventSchema>;

/**
 * A session as the schema reads it, but for its scenario: the schema passes that through for
 * checkScenario to check (it names problems under `scenario` and checks what a schema cannot,
 * such as references), and the session keeps it as written, which is what this type says.
 */
export type Session = Omit<z.output<typeof sessionSchema>, 'scenario'> & { scenario: ScenarioInput };

/** The setup a session's game started with. */
export function setupOf(session: Pick<Session, 'seed' | 'setup'>): Setup {
  return { seed: session.seed, ...session.setup };
}
