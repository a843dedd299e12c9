/**
 * The scenario format: one Zod schema gives the TypeScript types, the validation at the
 * boundary and (through `toJSONSchema`) the JSON Schema that editors use for autocompletion.
 * Cross-references between parts (ids that must exist) are checked in `references.ts`.
 */
import { z } from 'zod';
import { testCasesSchema } from '../scenario-tests/schema.ts';
import { documentError, identifier, ROUND_LIMITS, scale, text } from './schema-helpers.ts';

export { identifier };

/** Words right for any crisis, for a scenario that does not say where its forces stand or its incidents happen. */
export const FORCES_WHERE = 'deployed';
export const INCIDENT_NAME = 'A military incident';
/** The name every incident had before scenarios named their own: sessions recorded then replay with it (see session/load.ts). */
export const RECORDED_INCIDENT_NAME = 'A military incident near the contact line';

/** Values keyed by side id; `references.ts` checks that the keys are the scenario's sides. */
const perSide = <T extends z.ZodType>(value: T, description: string) =>
  z.record(identifier('side id'), value).describe(`${description} Keyed by side id.`);

export const sourceSchema = z
  .strictObject({
    id: identifier('source id'),
    label: text(300, 'What the source is: author, outlet, title, date.'),
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\//, { error: 'expected an address starting with http:// or https://' })
      .optional()
      .describe('The public address of the source, when it has one.'),
  })
  .describe('A source the scenario relies on.');

const sourceRefs = z.array(identifier('source id')).max(20).default([]).describe('Ids of entries in meta.sources that support this item.');

export const metaSchema = z
  .strictObject({
    id: identifier('scenario id'),
    title: text(120, 'The title shown in the scenario picker.'),
    summary: text(1000, 'Two or three sentences shown in the scenario picker.'),
    date: text(40, 'When the scenario is set, e.g. "January 2022".'),
    version: text(20, 'The version of this scenario file, e.g. "1.0".'),
    authors: z.array(text(120, 'An author.')).min(1).max(20).describe('Who wrote the scenario.'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as "en"' })
      .describe('The language of the scenario texts, as a BCP 47 tag such as "en".'),
    sources: z
      .array(sourceSchema)
      .min(1, { error: 'expected at least one source' })
      .max(200)
      .describe('Every source the scenario cites; other parts refer to them by id.'),
  })
  .describe('What the scenario is, who wrote it, and where its facts come from.');

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

export const positionSchema = z
  .strictObject({
    id: identifier('position id'),
    label: text(80, 'A short label for the position.'),
    description: text(1000, 'What the position means in practice.'),
    utility: perSide(
      scale(0, 100, 'How much the side values this position, from 0 (worst) to 100 (best).'),
      'How much each side values this position.',
    ),
    sources: sourceRefs,
  })
  .describe('One rung of a track ladder.');

export const trackSchema = z
  .strictObject({
    id: identifier('track id'),
    name: text(60, 'The track as named on screen.'),
    description: text(1000, 'What is at stake on this track.'),
    positions: z
      .array(positionSchema)
      .min(3, { error: 'expected at least 3 positions' })
      .max(9, { error: 'expected at most 9 positions' })
      .describe("The ladder of positions, ordered from the first side's ideal to the second side's ideal."),
    statusQuo: identifier('position id').describe('The position that holds when there is no deal on this track.'),
    opening: perSide(
      identifier('position id'),
      'The position each side demands when the talks open. Defaults to its own end of the ladder.',
    ).optional(),
    redLines: perSide(z.array(identifier('position id')).max(9), 'The positions each side will not accept, whatever else is offered.'),
    weight: perSide(
      scale(0, 10, 'How much the track matters to the side, relative to the other tracks.'),
      'How much the track matters to each side.',
    ),
    salience: scale(0, 10, 'How strongly an open gap on this track pushes the risk up each round.'),
    cohesionCost: perSide(
      scale(0, 20, 'Alliance cohesion the side loses for each step it concedes on this track.'),
      'What conceding on this track costs each side in alliance cohesion ("about Europe without Europe").',
    ).optional(),
  })
  .describe('A negotiating track with its ladder of positions.');

export const effectsSchema = z
  .strictObject({
    risk: scale(-50, 50, 'Change to the escalation risk, in points.').optional(),
    sides: perSide(
      z
        .strictObject({
          leverage: scale(-50, 50, 'Change to the side leverage.').optional(),
          standing: scale(-50, 50, 'Change to the side standing with its domestic audience.').optional(),
          credibility: scale(-50, 50, 'Change to the side credibility.').optional(),
          cohesion: scale(-50, 50, 'Change to the side alliance cohesion.').optional(),
          forces: scale(-500, 500, 'Change to the side forces, in thousands of troops.').optional(),
        })
        .describe('Changes to one side meters.'),
      'Changes to each side meters.',
    ).optional(),
  })
  .describe('What something does to the risk and to the sides.');

export const POSTURE_KINDS = ['threat', 'build-up', 'de-escalation', 'reassurance', 'consultation'] as const;

export const postureMoveSchema = z
  .strictObject({
    id: identifier('move id'),
    side: identifier('side id').describe('The side that may make this move.'),
    name: text(60, 'The move as named on screen.'),
    description: text(1000, 'What the move is and what it signals.'),
    kind: z
      .enum(POSTURE_KINDS)
      .describe('threat and build-up commit the side publicly (backing down later costs standing); the others do not.'),
    effects: effectsSchema,
    sources: sourceRefs,
  })
  .describe('A posture move a side can make alongside its proposal or response.');

const ROUND_COUNT_ERROR = `expected from ${ROUND_LIMITS.min} to ${ROUND_LIMITS.max} rounds`;

export const conditionSchema = z
  .strictObject({
    riskAtLeast: scale(0, 100, 'Holds when the risk is at least this.').optional(),
    riskBelow: scale(0, 100, 'Holds when the risk is below this.').optional(),
    fromRound: z.number().int().min(1).max(ROUND_LIMITS.max).optional().describe('Holds from this round on (1 is the first round).'),
    agreed: identifier('track id').optional().describe('Holds when this track has been agreed.'),
    agreedOn: z
      .strictObject({
        track: identifier('track id'),
        positions: z.array(identifier('position id')).min(1).max(9).describe('The positions, any one of which satisfies the condition.'),
      })
      .optional()
      .describe('Holds when this track has been agreed on one of these positions.'),
    open: identifier('track id').optional().describe('Holds while this track is still open.'),
    moveUsed: identifier('move id').optional().describe('Holds once this posture move has been made.'),
  })
  .describe('Every part given must hold for the condition to hold.');

export const eventSchema = z
  .strictObject({
    id: identifier('event id'),
    name: text(80, 'The headline of the event.'),
    text: text(1500, 'What happened, as the players read it.'),
    date: text(40, 'When it happened or would happen.').optional(),
    trigger: z
      .discriminatedUnion('kind', [
        z
          .strictObject({
            kind: z.literal('scripted').describe('Fires at the opening of a given round.'),
            round: identifier('round id').describe('The round at whose opening the event fires.'),
          })
          .describe('Fires at the opening of a given round.'),
        z
          .strictObject({
            kind: z.literal('conditional').describe('Fires when a condition holds at the opening of a round.'),
            when: conditionSchema,
          })
          .describe('Fires at the opening of the first round in which the condition holds.'),
      ])
      .describe('When the event fires. Each event fires at most once.'),
    probability: scale(0, 1, 'The chance that the event fires when its trigger is met (a seeded roll).').default(1),
    effects: effectsSchema,
    quote: identifier('quote id').optional().describe('A quote shown with the event.'),
    sources: sourceRefs,
  })
  .describe('Something that happens outside the room.');

export const roundSchema = z
  .strictObject({
    id: identifier('round id'),
    title: text(80, 'The round title.'),
    venue: text(80, 'Where the round takes place.'),
    date: text(40, 'When the round takes place.'),
    briefing: text(2000, 'What the players read as the round opens.'),
    proposer: identifier('side id')
      .optional()
      .describe('The side that tables the package this round. Defaults to alternating, the first side first.'),
    sources: sourceRefs,
  })
  .describe('One round of talks.');

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

const riskCurve = (description: string) =>
  z
    .array(
      z.strictObject({
        risk: scale(0, 100, 'A risk level.'),
        chance: scale(0, 1, 'The chance at that risk level.'),
      }),
    )
    .min(2)
    .max(20)
    .describe(`${description} Points sorted by risk; the chance between two points is read off the line between them.`);

export const escalationSchema = z
  .strictObject({
    initialRisk: scale(0, 100, 'The risk when the talks open.'),
    bands: z
      .array(
        z.strictObject({
          id: identifier('band id'),
          name: text(30, 'The band as named on the gauge.'),
          from: scale(0, 100, 'The lowest risk inside the band.'),
          description: text(300, 'What the band means.'),
        }),
      )
      .min(3)
      .max(8)
      .describe('Named bands of the gauge, from the lowest; the first starts at 0.'),
    weights: z
      .strictObject({
        gap: scale(0, 10, 'Multiplies the pressure of each open gap (track salience x share of the ladder still apart).'),
        posture: scale(0, 10, 'Multiplies the risk effect of posture moves.'),
        tone: scale(0, 10, 'Multiplies the risk effect of the tone of public statements.'),
        agreement: scale(0, 10, 'Multiplies the relief of each agreed track (track salience).'),
        event: scale(0, 10, 'Multiplies the risk effect of events.'),
        incident: scale(0, 10, 'Multiplies the risk jump of an incident.'),
      })
      .describe('The weight of each risk factor.'),
    tone: z
      .strictObject({
        conciliatory: scale(-20, 20, 'Risk effect of a conciliatory statement.'),
        firm: scale(-20, 20, 'Risk effect of a firm statement.'),
        belligerent: scale(-20, 20, 'Risk effect of a belligerent statement.'),
      })
      .describe('Risk effect of each tone of public statement, before its weight.'),
    incident: z
      .strictObject({
        chance: riskCurve('The chance of an incident at the end of a round, by risk.'),
        riskJump: scale(0, 50, 'How much an incident raises the risk, before its weight.'),
        escalation: riskCurve('The chance that an incident escalates to war, by the risk after it.'),
        name: text(
          120,
          `The incident as named in the risk breakdown, the narration and the round result, e.g. "A naval incident at the quarantine line". Default "${INCIDENT_NAME}".`,
        ).default(INCIDENT_NAME),
      })
      .describe('Incidents: seeded rolls whose chance grows with the risk.'),
    walkoutRisk: scale(0, 50, 'How much a walk-out raises the risk.'),
    warChance: riskCurve(
      'The chance that the crisis ends in war if no deal settles it, by risk: it weighs outside options and scores.',
    ).default([
      { risk: 0, chance: 0 },
      { risk: 100, chance: 1 },
    ]),
    audienceCost: scale(
      0,
      30,
      'Standing a side loses for each step it concedes after publicly committing (a threat or a belligerent statement).',
    ),
  })
  .describe('How the risk of war moves.');

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

export const linkSchema = z
  .strictObject({
    id: identifier('link id'),
    tracks: z
      .array(identifier('track id'))
      .min(2, { error: 'expected at least 2 tracks to link' })
      .max(6)
      .describe('The tracks that can only be agreed together. Name every track for "nothing is agreed until everything is agreed".'),
    text: text(400, 'Why the tracks are linked, in words shown at the table and in the debrief.'),
    sources: sourceRefs,
  })
  .describe('Tracks that can only be agreed together: accepting part of a package may not split them.');

export const glossaryEntrySchema = z
  .strictObject({
    id: identifier('glossary id'),
    term: text(60, 'The term as it appears in the scenario, e.g. "Vienna Document".'),
    aliases: z
      .array(text(60, 'Another wording of the term.'))
      .max(8)
      .default([])
      .describe('Other wordings the texts use for the term ("INF range", "BTGs"), linked to the entry wherever they appear.'),
    definition: text(1000, 'What the term means, written for a first-year student.'),
    sources: sourceRefs,
  })
  .describe('A term of art the scenario uses, explained.');

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

export const scoringSchema = z
  .strictObject({
    riskCost: scale(
      0,
      100,
      'Score points lost per 100 points of average risk run during the game: the running cost of the crisis (mobilisation, markets). 0 leaves the score a pure expected value.',
    ).default(0),
    standingWeight: scale(0, 2, 'Score points per point of standing above or below 50.'),
  })
  .describe(
    'How a side score is computed: an expected value — the utility of what was settled weighted by the chance that it holds at the final risk, plus the value of war weighted by the chance of war — minus the running cost of the crisis, with standing.',
  );

export const MARKER_KINDS = ['troops', 'missile-site', 'exercise-zone'] as const;

const countryName = z.string().min(1).max(60).describe('A country by its Natural Earth name, e.g. "Poland".');

export const mapSchema = z
  .strictObject({
    blocs: perSide(z.array(countryName).max(80), 'The countries drawn in each side colour.'),
    contested: z.array(countryName).max(20).default([]).describe('Countries at stake between the sides, drawn hatched.'),
    frame: z
      .strictObject({
        west: scale(-180, 180, 'The western edge, degrees east (above east: the frame crosses the 180th meridian).'),
        south: scale(-84, 84, 'The southern edge, degrees north.'),
        east: scale(-180, 180, 'The eastern edge, degrees east.'),
        north: scale(-84, 84, 'The northern edge, degrees north.'),
      })
      .optional()
      .describe(
        "The part of the world the map shows. Without it the map frames the markers, the contested countries and the blocs' land near them.",
      ),
    markers: z
      .array(
        z
          .strictObject({
            id: identifier('marker id'),
            label: text(60, 'The marker as named on the map.'),
            kind: z
              .enum(MARKER_KINDS)
              .describe('troops grow with the side forces; missile sites and exercise zones follow the state of their track.'),
            side: identifier('side id').describe('The side the marker belongs to.'),
            lon: scale(-180, 180, 'Longitude in degrees east.'),
            lat: scale(-90, 90, 'Latitude in degrees north.'),
            track: identifier('track id').optional().describe('The track whose state the marker shows.'),
            share: scale(
              0,
              1,
              "Troops only: the share of the side forces this marker stands for, 0-1. A side's troop markers without a share split what the others leave equally.",
            ).optional(),
            from: identifier('round id')
              .optional()
              .describe(
                "The round from which the marker shows (a deployment that came later); before it the marker is not drawn, and the side's other troop markers share its forces.",
              ),
          })
          .describe('A place on the map.'),
      )
      .max(40)
      .default([])
      .describe('Troop concentrations, missile sites and exercise zones.'),
  })
  .describe('What the map shows: the blocs, the contested countries, the markers and, if given, its frame.');

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
