/**
 * Schemas for the machine's events, so that events read from session files are checked at the
 * boundary. The types of the events, the moves they carry and the setup are derived from these
 * schemas (rules/state.ts re-exports the moves and the setup), so they cannot drift apart.
 */
import { z } from 'zod';
import { identifier } from '../scenario/schema.ts';
import { REPLY_KINDS, RESPONSE_KINDS, TONES } from '../scenario/schema.ts';

const positions = z.record(identifier('track id'), identifier('position id')).describe('Positions keyed by track id.');
const trackList = z.array(identifier('track id')).max(6);

export const opponentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ai'), persona: identifier('persona id') }),
  z.object({ kind: z.literal('hotseat') }),
]);

export const setupSchema = z.object({
  seed: z
    .union([
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1),
      z.string().min(1).max(64),
    ])
    .describe('The seed of the game dice.'),
  playerSide: identifier('side id').describe('The side the first player takes.'),
  opponent: opponentSchema,
});

export const proposalSchema = z.object({
  side: identifier('side id'),
  positions,
  posture: identifier('move id').nullable(),
  tone: z.enum(TONES),
});

export const responseSchema = z.object({
  side: identifier('side id'),
  kind: z.enum(RESPONSE_KINDS),
  /** For accept-some: the tracks accepted. */
  tracks: trackList.optional(),
  /** For counter: the counter-proposal. */
  counter: positions.optional(),
  posture: identifier('move id').nullable(),
  tone: z.enum(TONES),
});

export const replySchema = z.object({ side: identifier('side id'), kind: z.enum(REPLY_KINDS), tracks: trackList.optional() });

export const gameEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('START'), setup: setupSchema }),
  z.object({ type: z.literal('CONTINUE') }),
  z.object({ type: z.literal('PROPOSE'), proposal: proposalSchema }),
  z.object({ type: z.literal('RESPOND'), response: responseSchema }),
  z.object({ type: z.literal('REPLY'), reply: replySchema }),
]);

export type Opponent = z.output<typeof opponentSchema>;
export type Setup = z.output<typeof setupSchema>;
export type Proposal = z.output<typeof proposalSchema>;
export type Response = z.output<typeof responseSchema>;
export type Reply = z.output<typeof replySchema>;
export type GameEvent = z.output<typeof gameEventSchema>;
