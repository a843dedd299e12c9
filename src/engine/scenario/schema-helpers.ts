/**
 * Small Zod helpers shared by the scenario schema and the scenario-test schema: ids, text and
 * numbers with error messages that say what was expected. This module imports nothing but Zod,
 * so both schemas can use it although the scenario schema imports the scenario-test one.
 */
import { z } from 'zod';

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** A type error that says so when the field is simply missing. */
export const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `missing: expected ${what}` : `expected ${what}`;

/**
 * Names every JavaScript object inherits, such as "constructor": ids become keys of records, so
 * these are refused once here rather than guarded at every lookup.
 */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));

const idText = (what: string) =>
  z
    .string({ error: expected(`${what} as text`) })
    .max(64, { error: `expected ${what} of at most 64 characters` })
    .regex(ID_PATTERN, {
      error: `expected ${what} made of lower-case letters, digits, '-' and '_'`,
    });

const idDescription = (what: string) => `The ${what}: lower-case letters, digits, '-' and '_', at most 64 characters.`;

/** An id in a scenario, refusing the names JavaScript reserves. */
export const identifier = (what: string) =>
  idText(what)
    .refine((value) => !RESERVED_IDS.has(value), { error: `expected ${what} other than a name JavaScript reserves, such as "constructor"` })
    .describe(idDescription(what));

/**
 * An id in a scenario test: the same format, without refusing the names JavaScript reserves
 * (`references.ts` checks that the ids a test names exist in its scenario).
 */
export const referenceIdentifier = (what: string) => idText(what).describe(idDescription(what));

export const text = (max: number, description: string) =>
  z
    .string({ error: expected('text') })
    .min(1, { error: 'expected non-empty text' })
    .max(max, { error: `expected text of at most ${max} characters` })
    .describe(description);

export const scale = (low: number, high: number, description: string) =>
  z
    .number({ error: expected(`a number from ${low} to ${high}`) })
    .min(low, { error: `expected a number from ${low} to ${high}` })
    .max(high, { error: `expected a number from ${low} to ${high}` })
    .describe(description);
