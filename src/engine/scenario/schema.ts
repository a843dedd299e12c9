/**
 * The scenario format: one Zod schema gives the TypeScript types, the validation at the
 * boundary and (through `toJSONSchema`) the JSON Schema that editors use for autocompletion.
 * Cross-references between parts (ids that must exist) are checked in `references.ts`.
 *
 * Each part of a scenario has its schema in a file of its own (`schema-sources.ts`,
 * `schema-sides.ts`, `schema-tracks.ts`, `schema-rounds.ts`, `schema-escalation.ts`,
 * `schema-debrief.ts`, `schema-map.ts`); this module puts them together and is the one the rest
 * of the code imports them from.
 */
import { z } from 'zod';
import { testCasesSchema } from '../scenario-tests/schema.ts';
import { documentError, identifier, ROUND_LIMITS } from './schema-helpers.ts';
import { debriefSchema, OUTCOME_KINDS, REPLY_KINDS, RESPONSE_KINDS, TONES } from './schema-debrief.ts';
import { escalationSchema, scoringSchema } from './schema-escalation.ts';
import { mapSchema } from './schema-map.ts';
import { conditionSchema, effectsSchema, eventSchema, postureMoveSchema, roundSchema } from './schema-rounds.ts';
import { personaSchema, quoteSchema, sideSchema } from './schema-sides.ts';
import { glossaryEntrySchema, metaSchema } from './schema-sources.ts';
import { linkSchema, trackSchema } from './schema-tracks.ts';

export { identifier };
export { debriefSchema, historicalStepSchema, OUTCOME_KINDS, REPLY_KINDS, RESPONSE_KINDS, TONES } from './schema-debrief.ts';
export { escalationSchema, INCIDENT_NAME, scoringSchema } from './schema-escalation.ts';
export { MARKER_KINDS, mapSchema } from './schema-map.ts';
export { conditionSchema, effectsSchema, eventSchema, POSTURE_KINDS, postureMoveSchema, roundSchema } from './schema-rounds.ts';
export { FORCES_WHERE, personaSchema, quoteSchema, sideSchema } from './schema-sides.ts';
export { glossaryEntrySchema, metaSchema, sourceSchema } from './schema-sources.ts';
export { linkSchema, positionSchema, trackSchema } from './schema-tracks.ts';

/** The name every incident had before scenarios named their own: sessions recorded then replay with it (see session/load.ts). */
export const RECORDED_INCIDENT_NAME = 'A military incident near the contact line';

const ROUND_COUNT_ERROR = `expected from ${ROUND_LIMITS.min} to ${ROUND_LIMITS.max} rounds`;

export const scenarioSchema = z
  .strictObject(
    {
      $schema: z.string().optional().describe('The address of the JSON Schema, for editor autocompletion.'),
      meta: metaSchema,
      sides: z.array(sideSchema).length(2, { error: 'expected exactly 2 sides' }).describe('The two sides.'),
      tracks: z
        .array(trackSchema)
        .min(2, { error: 'expected from 2 to 6 tracks' })
        .max(6, { error: 'expected from 2 to 6 tracks' })
        .describe('The negotiating tracks.'),
      rounds: z
        .array(roundSchema)
        .min(ROUND_LIMITS.min, { error: ROUND_COUNT_ERROR })
        .max(ROUND_LIMITS.max, { error: ROUND_COUNT_ERROR })
        .describe('The rounds of talks, in order.'),
      postureMoves: z.array(postureMoveSchema).min(2).max(40).describe('Posture moves of both sides.'),
      escalation: escalationSchema,
      linkage: z.array(linkSchema).max(6).default([]).describe('Tracks that can only be agreed together.'),
      privateRedLines: z
        .boolean()
        .default(false)
        .describe(
          "Whether each side's red lines are kept from the other: at the table and in the briefing each player sees only its own side's, and must read the other's from what it says and does. The replay and the debrief show both. Defaults to false (both sides' red lines are shown).",
        ),
      events: z.array(eventSchema).max(60).default([]).describe('Scripted and conditional events.'),
      quotes: z.array(quoteSchema).max(200).default([]).describe('Sourced public statements.'),
      personas: z.array(personaSchema).min(2).max(20).describe('AI counterpart personas; at least one per side.'),
      scoring: scoringSchema,
      glossary: z
        .array(glossaryEntrySchema)
        .max(80)
        .default([])
        .describe(
          "Terms of art the scenario uses, explained for students; the game's own terms (reservation value, audience costs…) are built in.",
        ),
      debrief: debriefSchema,
      map: mapSchema.optional(),
      tests: testCasesSchema
        .optional()
        .describe('What the scenario must do, checked by `red-lines scenario test` (see scenarios/README.md).'),
    },
    { error: documentError('a scenario: a JSON object with meta, sides, tracks, rounds and the rest') },
  )
  .describe('A Red Lines scenario.');

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Side = Scenario['sides'][number];
export type Track = Scenario['tracks'][number];
export type Position = Track['positions'][number];
export type Round = Scenario['rounds'][number];
export type PostureMove = Scenario['postureMoves'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Condition = z.output<typeof conditionSchema>;
export type Effects = z.output<typeof effectsSchema>;
export type Persona = Scenario['personas'][number];
export type Quote = Scenario['quotes'][number];
export type Link = Scenario['linkage'][number];
export type GlossaryEntry = Scenario['glossary'][number];
export type HistoricalStep = Scenario['debrief']['line'][number];
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export type Tone = (typeof TONES)[number];
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export type ReplyKind = (typeof REPLY_KINDS)[number];
export type Mood = Quote['mood'];
export type ScenarioMap = z.output<typeof mapSchema>;
export type MapMarker = ScenarioMap['markers'][number];
