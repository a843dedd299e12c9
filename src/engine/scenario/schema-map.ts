/** The scenario format, its map: the blocs, the contested countries, the markers and the frame. */
import { z } from 'zod';
import { identifier, scale, text } from './schema-helpers.ts';
import { perSide } from './schema-sides.ts';

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
