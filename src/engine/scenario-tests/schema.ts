/**
 * The format of scenario tests: what a scenario must do, stated by its author and checked by
 * `red-lines scenario test` with the engine and bots. Tests sit in a scenario's optional `tests`
 * list or in a separate expectations file (JSON or YAML) whose JSON Schema is generated from
 * `expectationsFileSchema`. Ids are checked against the scenario in `references.ts`.
 *
 * This module imports nothing from the rest of the engine at run time but the Zod helpers of
 * `schema-helpers.ts`: the scenario schema imports it for its `tests` field, so the enumerations below are copies, and a test checks that
 * they match the engine's own lists.
 */
import { z } from 'zod';
import { documentError, expected, referenceIdentifier as id, ROUND_LIMITS, scale, text } from '../scenario/schema-helpers.ts';
import type { OutcomeKind, ReplyKind, ResponseKind, Tone } from '../scenario/schema.ts';
import type { PolicyName } from '../bots/policies.ts';

const whole = (low: number, high: number, description: string) =>
  z
    .number({ error: expected(`a whole number from ${low} to ${high}`) })
    .int({ error: `expected a whole number from ${low} to ${high}` })
    .min(low, { error: `expected a whole number from ${low} to ${high}` })
    .max(high, { error: `expected a whole number from ${low} to ${high}` })
    .describe(description);

export const TEST_OUTCOME_KINDS = ['agreement', 'partial-deal', 'stalemate', 'walkout', 'war'] as const satisfies readonly OutcomeKind[];
export const TEST_RESPONSE_KINDS = ['accept', 'accept-some', 'counter', 'reject', 'walkout'] as const satisfies readonly ResponseKind[];
export const TEST_REPLY_KINDS = ['accept', 'accept-some', 'reject'] as const satisfies readonly ReplyKind[];
export const TEST_TONES = ['conciliatory', 'firm', 'belligerent'] as const satisfies readonly Tone[];
export const TEST_POLICY_NAMES = ['random', 'greedy', 'hawk', 'dove', 'reciprocal'] as const satisfies readonly PolicyName[];

/** Fails to compile when the engine gains a value one of the copies above lacks. */
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const copiesAreComplete: [
  Covers<OutcomeKind, (typeof TEST_OUTCOME_KINDS)[number]>,
  Covers<ResponseKind, (typeof TEST_RESPONSE_KINDS)[number]>,
  Covers<ReplyKind, (typeof TEST_REPLY_KINDS)[number]>,
  Covers<Tone, (typeof TEST_TONES)[number]>,
  Covers<PolicyName, (typeof TEST_POLICY_NAMES)[number]>,
] = [true, true, true, true, true];
void copiesAreComplete;

/**
 * How a game can end, for tests: the five outcomes, and groupings of them. `brink` is a game that
 * ended without war with the risk in the top band of the scenario's gauge, whatever it is called.
 */
export const ENDINGS = [...TEST_OUTCOME_KINDS, 'deal', 'no-deal', 'brink', 'brink-or-war'] as const;
export type Ending = (typeof ENDINGS)[number];

export const ENDING_DESCRIPTIONS: Record<Ending, string> = {
  agreement: 'every track agreed',
  'partial-deal': 'the rounds ran out with some tracks agreed',
  stalemate: 'the rounds ran out with no track agreed',
  walkout: 'a side walked out',
  war: 'war broke out',
  deal: 'an agreement or a partial deal',
  'no-deal': 'a stalemate, a walk-out or war',
  brink: "no war, but the final risk in the top band of the scenario's gauge",
  'brink-or-war': 'war, or the final risk in the top band',
};

const toneField = z
  .enum(TEST_TONES)
  .default('firm')
  .describe('The tone of the public statement: conciliatory, firm (the default) or belligerent.');
const postureField = id('move id').nullable().default(null).describe('The posture move made with it, or null for none (the default).');

const positionsByTrack = z
  .record(id('track id'), id('position id'))
  .describe('A position id for each track in the package, keyed by track id.');

const positionLists = (description: string) =>
  z.record(id('track id'), z.array(id('position id')).min(1, { error: 'expected at least one position' }).max(9)).describe(description);

/** One round of a line of play, both sides' moves given: the shape of a scenario's `debrief.line` steps. */
export const lineStepSchema = z
  .strictObject({
    round: id('round id').describe('The round this step plays; the steps play the rounds in order.'),
    proposal: z
      .strictObject({ positions: positionsByTrack, posture: postureField, tone: toneField })
      .describe("The package the round's proposer tables."),
    response: z
      .strictObject({
        kind: z.enum(TEST_RESPONSE_KINDS).describe('How the other side answers: accept, accept-some, counter, reject or walkout.'),
        tracks: z.array(id('track id')).min(1).max(6).optional().describe('For accept-some: the tracks accepted.'),
        counter: positionsByTrack.optional().describe('For counter: the counter-proposal.'),
        posture: postureField,
        tone: toneField,
      })
      .describe('The answer of the other side.'),
    reply: z
      .strictObject({
        kind: z.enum(TEST_REPLY_KINDS).describe("The proposer's answer to the counter-proposal: accept, accept-some or reject."),
        tracks: z.array(id('track id')).min(1).max(6).optional().describe('For accept-some: the tracks accepted.'),
      })
      .optional()
      .describe("The proposer's answer to a counter-proposal."),
    note: text(1000, 'What this step stands for (not used by the test).').optional(),
    sources: z.array(id('source id')).max(20).optional().describe('Sources for the step (not used by the test), as in debrief.line.'),
  })
  .describe("One round played at one screen, both sides' moves given: the same shape as a step of the scenario's debrief.line.");

/** `*` on a track of an offer: every position the offering side may propose there. */
export const EVERY_POSITION = '*';

export const offerSchema = z
  .strictObject({
    positions: z
      .record(
        id('track id'),
        z
          .union([
            z.literal(EVERY_POSITION).describe('Every position the offering side may propose on the track (all but its red lines).'),
            id('position id'),
            z
              .array(id('position id'))
              .min(1, { error: 'expected at least one position' })
              .max(9)
              .describe('Each of these positions in turn.'),
          ])
          .describe('A position id; a list of position ids, each tried in turn; or "*" for every position the offering side may propose.'),
      )
      .describe(
        'The package put to the persona, a position for each open track. A list or "*" on a track makes the case try every combination: the case holds only if it holds for each package.',
      ),
    posture: postureField,
    tone: toneField,
  })
  .describe('The package the persona answers.');

export const ownProposalSchema = z
  .strictObject({ positions: positionsByTrack, posture: postureField, tone: toneField })
  .describe("The persona's side's own proposal, when that side proposes in the round of the offer.");

const range = (unit: string, low: number, high: number) =>
  z
    .strictObject({
      min: scale(low, high, `The least allowed, ${unit}.`).optional(),
      max: scale(low, high, `The most allowed, ${unit}.`).optional(),
    })
    .refine((value) => value.min !== undefined || value.max !== undefined, { error: 'expected min, max or both' })
    .refine((value) => value.min === undefined || value.max === undefined || value.min <= value.max, {
      error: 'expected min no greater than max',
    });

const caseBase = {
  name: text(200, 'What the case checks, as printed with its result.'),
  why: text(1000, 'Why it must hold (the historical fact it encodes, say): printed when the case fails.').optional(),
};

const seedsField = whole(1, 1000, 'How many seeds to play the case with (default 20): it holds only if it holds for every one.').default(
  20,
);
const firstSeedField = whole(0, 1_000_000_000, 'The first seed (default 1); the case uses this seed and the ones after it.').default(1);

export const scriptedCaseSchema = z
  .strictObject({
    kind: z.literal('scripted').describe('A line of play, then an offer put to AI personas: which answers they may give.'),
    ...caseBase,
    side: id('side id').describe('The side whose AI personas answer the offer.'),
    personas: z.array(id('persona id')).min(1).max(20).optional().describe('The personas asked; by default every persona of the side.'),
    seeds: seedsField,
    firstSeed: firstSeedField,
    historyRounds: whole(
      0,
      ROUND_LIMITS.max,
      "How many rounds of the scenario's historical line (debrief.line) to play before the steps of `line` (default 0).",
    ).default(0),
    line: z
      .array(lineStepSchema)
      .max(ROUND_LIMITS.max)
      .default([])
      .describe('Rounds played before the offer, both sides moving as given; the offer comes in the round after them.'),
    proposal: ownProposalSchema
      .optional()
      .describe(
        "When the persona's side proposes in the round of the offer: its proposal, to which the offer is the other side's counter-proposal. Left out, the persona tables its own package, as in the game.",
      ),
    offer: offerSchema.describe(
      "The package the persona answers: the other side's proposal, or — when the persona's side proposes in that round — the other side's counter-proposal.",
    ),
    expect: z
      .strictObject({
        answers: z
          .array(z.enum(TEST_RESPONSE_KINDS))
          .min(1)
          .max(5)
          .optional()
          .describe(
            'The answers allowed: accept, accept-some, counter, reject, walkout (to a counter-proposal: accept, accept-some, reject).',
          ),
        keeps: positionLists(
          'A counter-proposal must keep, on each track named, one of the positions listed (e.g. a demand the persona will not drop).',
        ).optional(),
        refuses: positionLists(
          'The answer must not agree to any position listed: neither accept the whole package nor accept-some a track with one of them.',
        ).optional(),
      })
      .refine((value) => value.answers !== undefined || value.keeps !== undefined || value.refuses !== undefined, {
        error: 'expected answers, keeps or refuses',
      })
      .describe('What every persona asked must do, for every seed and every package of the offer.'),
  })
  .describe('A scripted case: a line of play, then an offer put to AI personas of one side.');

const sharesSchema = z
  .strictObject(
    Object.fromEntries(
      ENDINGS.map((ending) => [
        ending,
        range('in percent of games', 0, 100)
          .optional()
          .describe(`Games that end in ${ending}: ${ENDING_DESCRIPTIONS[ending]}, in percent.`),
      ]),
    ) as Record<Ending, z.ZodOptional<ReturnType<typeof range>>>,
  )
  .describe('The share of games, in percent, of each way of ending: a range per ending named.');

export const statisticalCaseSchema = z
  .strictObject({
    kind: z.literal('statistical').describe('A bot policy against AI personas over many games: outcome shares within ranges.'),
    ...caseBase,
    side: id('side id').describe('The side the bot plays; the AI personas play the other side.'),
    policy: z
      .union([z.enum(TEST_POLICY_NAMES), z.array(z.enum(TEST_POLICY_NAMES)).min(1).max(4)])
      .describe(
        'The bot policy (random, greedy, hawk, dove, reciprocal), or a list of them: games go round the policies and personas in turn.',
      ),
    persona: z
      .union([id('persona id'), z.array(id('persona id')).min(1).max(20)])
      .optional()
      .describe('The AI persona of the other side, or a list of them; by default every persona of the other side.'),
    games: whole(1, 10_000, 'How many games to play in all (default 100).').default(100),
    firstSeed: whole(
      0,
      1_000_000_000,
      'The seed of the first game (default 1); game i has seed firstSeed + i, as in `red-lines simulate`.',
    ).default(1),
    expect: z
      .strictObject({
        shares: sharesSchema.optional(),
        meanRounds: range('rounds', 0, ROUND_LIMITS.max).optional().describe('The mean number of rounds played.'),
        meanFinalRisk: range('risk points', 0, 100).optional().describe('The mean risk at the end of the games.'),
      })
      .refine((value) => value.shares !== undefined || value.meanRounds !== undefined || value.meanFinalRisk !== undefined, {
        error: 'expected shares, meanRounds or meanFinalRisk',
      })
      .describe('What the games must show, taken together.'),
  })
  .describe('A statistical case: a bot policy at one side against AI personas over many games.');

export const settlementSchema = z
  .strictObject({
    kind: z.enum(TEST_OUTCOME_KINDS).describe('How the game ended: agreement, partial-deal, stalemate, walkout or war.'),
    agreed: positionsByTrack.default({}).describe('The positions agreed, keyed by track id; tracks not named stay at the status quo.'),
    finalRisk: scale(0, 100, 'The risk at the end.'),
    meanRisk: scale(0, 100, 'The mean risk over the game, for the running cost of the crisis; the final risk when left out.').optional(),
    standing: scale(0, 100, "The side's standing at home at the end; neutral (50) when left out.").optional(),
  })
  .describe('An end of the game, scored as the game scores it.');

export const orderingCaseSchema = z
  .strictObject({
    kind: z.literal('ordering').describe('Two settlements: the first must score above the second.'),
    ...caseBase,
    side: id('side id').optional().describe('The side whose scores are compared; by default both sides.'),
    better: settlementSchema.describe('The settlement that must score higher.'),
    worse: settlementSchema.describe('The settlement that must score lower.'),
    margin: scale(0, 100, 'By more than how many score points the first must score above the second (default 0: simply above).').default(0),
  })
  .describe('An ordering case: for a side (or both), one settlement must score above another.');

export const historyCaseSchema = z
  .strictObject({
    kind: z.literal('history').describe("The scenario's historical line of play (debrief.line), played as `scenario check` plays it."),
    ...caseBase,
    seeds: seedsField,
    firstSeed: firstSeedField,
    expect: z
      .strictObject({
        endsIn: z
          .array(z.enum(ENDINGS))
          .min(1)
          .max(ENDINGS.length)
          .optional()
          .describe(
            'How the line may end: outcomes (agreement, partial-deal, stalemate, walkout, war) or groupings (deal, no-deal, brink, brink-or-war).',
          ),
        finalRisk: range('risk points', 0, 100).optional().describe('The risk at the end of the line.'),
      })
      .refine((value) => value.endsIn !== undefined || value.finalRisk !== undefined, { error: 'expected endsIn, finalRisk or both' })
      .describe('Where the line must end, for every seed.'),
  })
  .describe('A history case: where the historical line of play ends in the game.');

export const testCaseSchema = z
  .discriminatedUnion('kind', [scriptedCaseSchema, statisticalCaseSchema, orderingCaseSchema, historyCaseSchema], {
    error: 'expected a test case whose kind is scripted, statistical, ordering or history',
  })
  .describe('One scenario test.');

export const MAX_TEST_CASES = 200;

export const testCasesSchema = z
  .array(testCaseSchema)
  .max(MAX_TEST_CASES)
  .describe('Scenario tests: what the scenario must do, checked by `red-lines scenario test` with the engine and bots.');

export const expectationsFileSchema = z
  .strictObject(
    {
      $schema: z.string().optional().describe('The address of the JSON Schema, for editor autocompletion.'),
      scenario: id('scenario id').optional().describe('The meta.id of the scenario these tests are for; checked when given.'),
      tests: testCasesSchema.min(1, { error: 'expected at least one test' }),
    },
    { error: documentError('scenario tests: a JSON object with a list of tests') },
  )
  .describe('Red Lines scenario tests, in a file beside the scenario.');

export type TestCase = z.output<typeof testCaseSchema>;
export type ScriptedCase = z.output<typeof scriptedCaseSchema>;
export type StatisticalCase = z.output<typeof statisticalCaseSchema>;
export type OrderingCase = z.output<typeof orderingCaseSchema>;
export type HistoryCase = z.output<typeof historyCaseSchema>;
export type LineStep = z.output<typeof lineStepSchema>;
export type Offer = z.output<typeof offerSchema>;
export type SettlementSpec = z.output<typeof settlementSchema>;
export type Range = { min?: number | undefined; max?: number | undefined };
export type ExpectationsFile = z.output<typeof expectationsFileSchema>;
