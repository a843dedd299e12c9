/** Comparing a session's embedded scenario with the instructor's: the first differing paths, with both values. */
import { describe, expect, it } from 'vitest';
import { describeValue, formatDifference, scenarioDifferences } from '../src/engine/session/scenario-diff.ts';
import { geneva, genevaWith, setPath } from './helpers.ts';

const lines = (a: unknown, b: unknown, limit?: number) =>
  scenarioDifferences(a, b, limit).map((item) => formatDifference(item, 'ORIGINAL'));

describe('scenario differences', () => {
  it('none between a scenario and itself, however its objects were built', () => {
    expect(scenarioDifferences(geneva, structuredClone(geneva))).toEqual([]);
    expect(scenarioDifferences({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([]);
  });

  it('names each differing leaf with both values, in document order, up to the limit', () => {
    const edited = genevaWith((doc) => {
      setPath(doc, ['meta', 'title'], 'Edited');
      setPath(doc, ['scoring', 'standingWeight'], 0.9);
    });
    expect(lines(edited, geneva)).toEqual([
      'meta.title: "Edited" in the file, "Geneva 2022 — the January talks, as they happened" in ORIGINAL',
      'scoring.standingWeight: 0.9 in the file, 0.3 in ORIGINAL',
    ]);
    expect(lines(edited, geneva, 1)).toHaveLength(1);
  });

  it('a key or an item on one side only, and a change of kind, are one difference each', () => {
    expect(lines({ a: [1, 2, 3], b: { c: 1 } }, { a: [1, 2], b: 'x', d: null })).toEqual([
      'a[2]: 3 in the file, nothing in ORIGINAL',
      'b: an object in the file, "x" in ORIGINAL',
      'd: nothing in the file, null in ORIGINAL',
    ]);
    expect(describeValue('x'.repeat(100))).toHaveLength(59);
    expect(describeValue([1, 2])).toBe('a list of 2');
  });
});
