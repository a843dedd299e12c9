/**
 * The scenario format, its tracks: the ladders of positions the sides negotiate on, and the links
 * between tracks that can only be agreed together.
 */
import { z } from 'zod';
import { identifier, scale, text } from './schema-helpers.ts';
import { perSide } from './schema-sides.ts';
import { sourceRefs } from './schema-sources.ts';

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
