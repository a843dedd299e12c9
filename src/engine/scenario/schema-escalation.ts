/**
 * The scenario format, its escalation: how the risk of war moves (bands, weights, tones,
 * incidents, the chance of war) and how the sides' scores are computed from it.
 */
import { z } from 'zod';
import { identifier, scale, text } from './schema-helpers.ts';

/** Words right for any crisis, for a scenario that does not say where its incidents happen. */
export const INCIDENT_NAME = 'A military incident';

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
