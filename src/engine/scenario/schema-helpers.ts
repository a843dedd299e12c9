/**
 * Small Zod helpers shared by the scenario schema and the scenario-test schema: ids, text and
 * numbers with error messages that say what was expected. This module imports nothing but Zod,
 * so both schemas can use it although the scenario schema imports the scenario-test one.
 */
import { z } from 'zod';

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * How many rounds a scenario may have; a round number, a historical line or a scenario test's line
 * is bounded by the same. Here rather than in schema.ts, which imports the scenario-test schema.
 */
export const ROUND_LIMITS = { min: 2, max: 12 } as const;

/** A type error that says so when the field is simply missing. */
export const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `missing: expected ${what}` : `expected ${what}`;

/** What authors call each JSON type Zod names. */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object keyed by id',
  array: 'a list',
  null: 'null',
};

const quoted = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');
const oneOf = (values: readonly unknown[]) => (values.length === 1 ? quoted(values) : `one of ${quoted(values)}`);

/** The keys an object schema knows, for telling the author what a misspelt key should have been. */
function knownKeys(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * The one wording of every schema problem a field's own schema does not word itself: "expected …"
 * or "missing: expected …", whatever Zod's kind of issue. Passed to every parse of an untrusted
 * document (see `validate`), so Zod's own phrasings ("Invalid input: expected string, received
 * null", "Invalid option: …") never reach an author.
 */
export const describeIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return expected(TYPE_NAMES[issue.expected] ?? issue.expected)(issue);
    case 'invalid_value':
      return expected(oneOf(issue.values))(issue);
    case 'invalid_union': {
      const discriminator = typeof issue['discriminator'] === 'string' ? issue['discriminator'] : null;
      const options = issue['options'];
      if (discriminator === null || !Array.isArray(options)) {
        // A field of several forms: what each form expected, in one sentence.
        const forms = issue.errors.map((branch) => branch[0]?.message.replace(/^(missing: )?expected /, '') ?? '');
        return expected([...new Set(forms.filter((form) => form !== ''))].join(' or '))(issue);
      }
      const given = (issue.input as Record<string, unknown> | null | undefined)?.[discriminator];
      return expected(oneOf(options))({ input: given });
    }
    case 'unrecognized_keys': {
      const known = knownKeys(issue.inst);
      // The first ten named: a file of 25,000 stray keys would otherwise make a message of 600 KB.
      const keys = `unknown key${issue.keys.length === 1 ? '' : 's'} ${quoted(issue.keys.slice(0, 10))}${issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : ''}`;
      return known.length > 0 ? `${keys}: expected ${oneOf(known)}` : keys;
    }
    case 'invalid_key':
      return issue.issues[0]?.message;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      if (issue.origin === 'array') return `expected ${bound} items`;
      if (issue.origin === 'string') return `expected text of ${bound} characters`;
      return `expected a number ${bound}`;
    }
    default:
      return undefined;
  }
};

/**
 * The error of a whole document that is not an object at all; an object's other problems (such as
 * an unknown key at the top) keep the one wording.
 */
export const documentError = (what: string) => (issue: { code?: string }) =>
  issue.code === 'invalid_type' ? `expected ${what}` : undefined;

/** Parses an untrusted document with the one wording of problems. */
export function validate<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(value, { error: describeIssue });
}

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

/**
 * Characters no scenario text needs and a hostile one uses: terminal controls (ESC clears a screen
 * or paints a fake "verified"), and direction overrides that reverse the words around a title on a
 * button. Tabs and line breaks are fine; right-to-left scripts need no override.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL_FREE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/;

export const text = (max: number, description: string) =>
  z
    .string({ error: expected('text') })
    .min(1, { error: 'expected non-empty text' })
    .max(max, { error: `expected text of at most ${max} characters` })
    .regex(CONTROL_FREE, { error: 'expected text without control characters or direction overrides (such as ESC or U+202E)' })
    .describe(description);

export const scale = (low: number, high: number, description: string) =>
  z
    .number({ error: expected(`a number from ${low} to ${high}`) })
    .min(low, { error: `expected a number from ${low} to ${high}` })
    .max(high, { error: `expected a number from ${low} to ${high}` })
    .describe(description);
