/**
 * The scenario format, its sources: what the scenario is and who wrote it (meta), the sources it
 * cites (other parts refer to them by id) and the glossary of its terms of art.
 */
import { z } from 'zod';
import { identifier, text } from './schema-helpers.ts';

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

export const sourceRefs = z
  .array(identifier('source id'))
  .max(20)
  .default([])
  .describe('Ids of entries in meta.sources that support this item.');

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
