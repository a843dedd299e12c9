/**
 * The scenario format, its rounds and what happens in them: the rounds of talks, the posture
 * moves a side can make alongside its proposal or response, and the events outside the room,
 * with the effects both have on the risk and the sides.
 */
import { z } from 'zod';
import { identifier, ROUND_LIMITS, scale, text } from './schema-helpers.ts';
import { perSide } from './schema-sides.ts';
import { sourceRefs } from './schema-sources.ts';

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
