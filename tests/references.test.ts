/**
 * Cross-references of the parts added with the expected-value model: glossary entries and links
 * cite sources that meta.sources lists, links name tracks the scenario has, and an agreedOn
 * condition names a track and positions on it. Each problem carries the path of its field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import { genevaDoc, getPath, problemLines, ROOT, type JsonObject } from './helpers.ts';

/** The formatted problems of Geneva with one edit applied. */
function problemsAfter(edit: (doc: JsonObject) => void): string[] {
  const doc = genevaDoc();
  edit(doc);
  return problemLines(loadScenarioText(JSON.stringify(doc)));
}

const GENEVA = genevaDoc();
const SOURCE = getPath(GENEVA, ['meta', 'sources', 0, 'id']) as string;
const events = GENEVA.events as JsonObject[];
/** A conditional event of Geneva, whose condition the tests replace. */
const CONDITIONAL = events.findIndex((event) => (event.trigger as JsonObject).kind === 'conditional');

const link = (fields: JsonObject): JsonObject => ({
  id: 'missiles-exercises',
  tracks: ['missiles', 'exercises'],
  text: 'Missiles and exercises are one package.',
  sources: [SOURCE],
  ...fields,
});

const when = (doc: JsonObject, condition: JsonObject) => {
  const event = (doc.events as JsonObject[])[CONDITIONAL]!;
  event.trigger = { kind: 'conditional', when: condition };
};

describe('glossary entries cite listed sources', () => {
  it('Geneva has a glossary with sources, and a conditional event to edit', () => {
    expect((GENEVA.glossary as JsonObject[]).length).toBeGreaterThan(0);
    expect(CONDITIONAL).toBeGreaterThanOrEqual(0);
  });

  it('an unknown source in a glossary entry is a problem with its path', () => {
    const problems = problemsAfter((doc) => {
      const entry = (doc.glossary as JsonObject[])[1]!;
      entry.sources = [SOURCE, 'no-such-source'];
    });
    expect(problems).toEqual(['glossary[1].sources[1]: unknown source "no-such-source"']);
  });

  it('an entry without sources is fine', () => {
    expect(problemsAfter((doc) => delete (doc.glossary as JsonObject[])[0]!.sources)).toEqual([]);
  });

  it('two entries with one id are a problem', () => {
    const problems = problemsAfter((doc) => {
      const glossary = doc.glossary as JsonObject[];
      glossary[2]!.id = glossary[0]!.id!;
    });
    expect(problems).toEqual([`glossary[2].id: duplicate glossary id "${String((GENEVA.glossary as JsonObject[])[0]!.id)}"`]);
  });
});

describe('links name known tracks and cite listed sources', () => {
  it('a valid link loads', () => {
    expect(problemsAfter((doc) => (doc.linkage = [link({})]))).toEqual([]);
  });

  it('an unknown track and an unknown source, each with its path', () => {
    const problems = problemsAfter((doc) => {
      doc.linkage = [link({}), link({ id: 'broken', tracks: ['enlargement', 'no-such-track'], sources: ['no-such-source'] })];
    });
    expect(problems).toEqual([
      'linkage[1].tracks[1]: unknown track "no-such-track"',
      'linkage[1].sources[0]: unknown source "no-such-source"',
    ]);
  });

  it('a track named twice in one link, and two links with one id', () => {
    const problems = problemsAfter((doc) => {
      doc.linkage = [link({ tracks: ['missiles', 'missiles'] }), link({ tracks: ['enlargement', 'exercises'] })];
    });
    expect(problems).toEqual([
      'linkage[1].id: duplicate link id "missiles-exercises"',
      'linkage[0].tracks[1]: track "missiles" is named twice in link "missiles-exercises"',
    ]);
  });
});

describe('an agreedOn condition names a track and positions on it', () => {
  it('known track and positions load', () => {
    expect(problemsAfter((doc) => when(doc, { agreedOn: { track: 'missiles', positions: ['inf-talks', 'aegis-transparency'] } }))).toEqual(
      [],
    );
  });

  it('an unknown track', () => {
    const problems = problemsAfter((doc) => when(doc, { agreedOn: { track: 'no-such-track', positions: ['inf-talks'] } }));
    expect(problems).toEqual([`events[${CONDITIONAL}].trigger.when.agreedOn.track: unknown track "no-such-track"`]);
  });

  it('a position of another track, or of none', () => {
    const problems = problemsAfter((doc) =>
      when(doc, { agreedOn: { track: 'missiles', positions: ['inf-talks', 'open-door', 'nowhere'] }, riskAtLeast: 50 }),
    );
    expect(problems).toEqual([
      `events[${CONDITIONAL}].trigger.when.agreedOn.positions[1]: unknown position "open-door" on track "missiles"`,
      `events[${CONDITIONAL}].trigger.when.agreedOn.positions[2]: unknown position "nowhere" on track "missiles"`,
    ]);
  });
});

describe('the bundled scenarios', () => {
  const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));

  it.each(scenarios)('%s: glossary, links and conditions all point at things it defines', (name) => {
    expect(problemLines(loadScenarioText(readFileSync(join(ROOT, 'scenarios', name), 'utf8')))).toEqual([]);
  });
});
