/**
 * The scenario format, its debrief: what happened historically, told after the game, with the
 * historical line of play round by round (so the kinds of moves at the table are defined here).
 */
import { z } from 'zod';
import { identifier, ROUND_LIMITS, scale, text } from './schema-helpers.ts';
import { sourceRefs } from './schema-sources.ts';

export const OUTCOME_KINDS = ['agreement', 'partial-deal', 'stalemate', 'walkout', 'war'] as const;
export const TONES = ['conciliatory', 'firm', 'belligerent'] as const;
export const RESPONSE_KINDS = ['accept', 'accept-some', 'counter', 'reject', 'walkout'] as const;
export const REPLY_KINDS = ['accept', 'accept-some', 'reject'] as const;

const toneField = z.enum(TONES).describe('The tone of the public statement: conciliatory, firm or belligerent.');

const positionsByTrack = z
  .record(identifier('track id'), identifier('position id'))
  .describe('A position id for each track in the package, keyed by track id.');

export const historicalStepSchema = z
  .strictObject({
    round: identifier('round id'),
    proposal: z
      .strictObject({
        positions: positionsByTrack,
        posture: identifier('move id').nullable().describe('The posture move made, or null for none.'),
        tone: toneField,
      })
      .describe('The package the round proposer tabled.'),
    response: z
      .strictObject({
        kind: z.enum(RESPONSE_KINDS).describe('How the other side answered.'),
        tracks: z.array(identifier('track id')).optional().describe('For accept-some: the tracks accepted.'),
        counter: positionsByTrack.optional().describe('For counter: the counter-proposal.'),
        posture: identifier('move id').nullable().describe('The posture move made, or null for none.'),
        tone: toneField,
      })
      .describe('The answer of the other side.'),
    reply: z
      .strictObject({
        kind: z.enum(REPLY_KINDS).describe('How the proposer answered the counter-proposal.'),
        tracks: z.array(identifier('track id')).optional().describe('For accept-some: the tracks accepted.'),
      })
      .optional()
      .describe('The proposer answer to a counter-proposal.'),
    note: text(1000, 'What happened in this round, historically.'),
    sources: sourceRefs,
  })
  .describe('One round of the historical line of play.');

export const debriefSchema = z
  .strictObject({
    summary: text(4000, 'What happened historically, told after the game.'),
    outcome: z
      .strictObject({
        kind: z.enum(OUTCOME_KINDS).describe('How the historical talks ended.'),
        agreed: z
          .record(identifier('track id'), identifier('position id'))
          .default({})
          .describe('The positions agreed historically, keyed by track id; tracks not named stayed at the status quo.'),
        finalRisk: scale(0, 100, 'Where the risk historically stood at the end, for comparing scores.'),
        text: text(1000, 'The historical outcome in words.'),
      })
      .describe('The historical outcome.'),
    line: z.array(historicalStepSchema).max(ROUND_LIMITS.max).describe('The historical line of play, round by round.'),
    questions: z.array(text(500, 'A discussion question.')).min(1).max(20).describe('Questions for discussion after the game.'),
    sources: sourceRefs,
  })
  .describe('The debrief shown after the game.');
