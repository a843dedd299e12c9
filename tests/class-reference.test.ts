import { describe, expect, it } from 'vitest';
import {
  bundledReference,
  compareScenario,
  LOADED_FILE,
  loadedReference,
  referenceChoices,
  SAME_ID,
  SHOWN_DIFFERENCES,
  type References,
} from '../src/game/view/class-reference.ts';
import { geneva, genevaWith, inf1987 } from './helpers.ts';

const bundled: References = { bundled: [geneva, inf1987].map(bundledReference), loaded: null };
const edited = genevaWith((doc) => {
  (doc.meta as { title: string }).title = 'Geneva, edited';
});
const muchEdited = genevaWith((doc) => {
  const meta = doc.meta as Record<string, string>;
  meta.title = 'Another title';
  meta.summary = 'Another summary';
  (doc.escalation as { initialRisk: number }).initialRisk = 12;
  (doc.escalation as { walkoutRisk: number }).walkoutRisk = 3;
  (doc.escalation as { incident: { name: string } }).incident.name = 'A skirmish';
});

describe('compareScenario', () => {
  it('by default compares each game with the bundled scenario of its own id, named briefly', () => {
    expect(compareScenario(geneva, SAME_ID, bundled)).toEqual({ kind: 'matches', reference: `bundled ${geneva.meta.id}` });
    expect(compareScenario(inf1987, SAME_ID, bundled)).toEqual({ kind: 'matches', reference: `bundled ${inf1987.meta.id}` });
  });

  it('names the differing paths, a few of them and then “and more”', () => {
    const one = compareScenario(edited, SAME_ID, bundled);
    expect(one).toMatchObject({ kind: 'differs', reference: `bundled ${geneva.meta.id}` });
    expect(one.kind === 'differs' && one.lines.length).toBe(1);
    const many = compareScenario(muchEdited, SAME_ID, bundled);
    expect(many.kind === 'differs' && many.lines).toHaveLength(SHOWN_DIFFERENCES + 1);
    expect(many.kind === 'differs' && many.lines.at(-1)).toBe('… and more');
  });

  it('compares every game with one bundled scenario or with a loaded file, once chosen', () => {
    expect(compareScenario(geneva, 'bundled:1', bundled).kind).toBe('differs');
    const withFile: References = { ...bundled, loaded: loadedReference('mine.yaml', edited) };
    expect(compareScenario(edited, LOADED_FILE, withFile)).toEqual({ kind: 'matches', reference: 'mine.yaml' });
  });

  it('says why when there is nothing to compare with', () => {
    const none = compareScenario(geneva, SAME_ID, { bundled: [], loaded: null });
    expect(none).toEqual({ kind: 'none', why: `no bundled scenario has the id “${geneva.meta.id}”: choose a reference` });
    expect(compareScenario(geneva, LOADED_FILE, bundled)).toEqual({ kind: 'none', why: 'no reference chosen' });
  });
});

describe('referenceChoices', () => {
  it('offers the same id, every bundled scenario by title, and the file once one is loaded', () => {
    expect(referenceChoices(bundled).map((choice) => choice.value)).toEqual([SAME_ID, 'bundled:0', 'bundled:1']);
    expect(referenceChoices(bundled)[1]!.text).toBe(`the bundled “${geneva.meta.title}”`);
    const withFile = referenceChoices({ ...bundled, loaded: loadedReference('mine.yaml', edited) });
    expect(withFile.at(-1)).toEqual({ value: LOADED_FILE, text: 'mine.yaml' });
  });
});
