/**
 * The scenario format, its sides: the two sides at the table, the AI personas that can play them
 * and the public statements their speakers made (quotes).
 */
import { z } from 'zod';
import { identifier, scale, text } from './schema-helpers.ts';

/** Words right for any crisis, for a scenario that does not say where its forces stand. */
export const FORCES_WHERE = 'deployed';

/** Values keyed by side id; `references.ts` checks that the keys are the scenario's sides. */
export const perSide = <T extends z.ZodType>(value: T, description: string) =>
  z.record(identifier('side id'), value).describe(`${description} Keyed by side id.`);

export const sideSchema = z
  .strictObject({
    id: identifier('side id'),
    name: text(60, 'The side as named on screen, e.g. "United States / NATO".'),
    shortName: text(16, 'A short name for tight spaces, e.g. "US".'),
    negotiator: text(80, 'Who speaks for the side at the table.'),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour such as "#1f5fa8"' })
      .describe('The side colour as #rrggbb; the game never relies on colour alone.'),
    briefing: text(3000, "The side's briefing, shown before the first round."),
    objectives: z.array(text(300, 'An objective.')).min(1).max(10).describe('What the side wants to come away with.'),
    forces: scale(0, 1000, 'Forces deployed at the start (where: forcesWhere), in thousands of troops.'),
    forcesWhere: text(
      60,
      `Where the side forces stand, as said after "troops" on the map and "Forces" in the meters, e.g. "near Ukraine's borders". Default "${FORCES_WHERE}".`,
    ).default(FORCES_WHERE),
    warUtility: scale(
      0,
      100,
      "What war would bring the side, on the 0-100 utility scale of the tracks: how it values the settlement war would impose. Used for scores; the AI uses its persona's belief.",
    ),
    warCost: scale(
      0,
      100,
      'What war would cost the side (lives, money, sanctions, isolation), in utility points subtracted from warUtility. Used for scores.',
    ).default(0),
  })
  .describe('One of the two sides at the table.');

export const quoteSchema = z
  .strictObject({
    id: identifier('quote id'),
    side: identifier('side id').describe('The side the speaker belongs to.'),
    speaker: text(120, 'Who said it.'),
    text: text(600, 'The words, as said in public.'),
    date: text(40, 'When it was said.'),
    mood: z
      .enum(['open', 'accept', 'counter', 'reject', 'walkout', 'warn'])
      .describe('When the counterpart may use it as a statement: opening, accepting, countering, rejecting, walking out, warning.'),
    source: identifier('source id').describe('The source that records the quote.'),
  })
  .describe('A sourced public statement.');

export const personaSchema = z
  .strictObject({
    id: identifier('persona id'),
    side: identifier('side id').describe('The side this persona can play.'),
    name: text(40, 'The persona as named in setup and in the debrief.'),
    description: text(600, 'How this counterpart behaves; revealed in the debrief.'),
    resolve: scale(0, 1, 'How much the persona insists on its terms and values its leverage.'),
    riskTolerance: scale(0, 1, 'How much risk of war the persona bears before it lowers its demands.'),
    patience: scale(0, 1, 'How long the persona holds out before it settles or walks out.'),
    bluff: scale(0, 1, 'How often the persona makes threats it may not carry out (a seeded roll).').default(0),
    warBelief: z
      .strictObject({
        utility: scale(0, 100, 'What the persona believes war would bring its side, on the 0-100 utility scale of the tracks.'),
        cost: scale(0, 100, 'What the persona believes war would cost its side, in utility points.'),
        text: text(400, 'The belief in words, for the debrief, e.g. "Expects a short campaign to force Kyiv to terms".'),
      })
      .optional()
      .describe(
        "What the persona believes the alternative to a deal would bring: its value of no deal weighs the status quo by the chance of peace and this belief by the chance of war. Defaults to the side's warUtility and warCost.",
      ),
  })
  .describe('An AI counterpart persona.');
