/**
 * One run shows everything: a file that fails the schema still gets its reference problems and
 * warnings, checked on what is left once the parts that failed are taken out, without the
 * problems that only follow from those parts. The loader of the command line and the browser's
 * are the same function, so this holds in both.
 */
import { describe, expect, it } from 'vitest';
import { inspectScenario, loadScenarioDocument } from '../src/engine/scenario/load.ts';
import { formatProblem, type Problem } from '../src/engine/scenario/problems.ts';
import { genevaDoc, setPath, type JsonObject } from './helpers.ts';

function linesOf(edit: (doc: JsonObject) => void): string[] {
  const doc = genevaDoc();
  edit(doc);
  const checked = inspectScenario(doc);
  const browser = loadScenarioDocument(JSON.stringify(doc), 'edited.json');
  const lines = (result: { ok: boolean; problems?: Problem[] }) => (result.problems ?? []).map(formatProblem);
  expect(lines(browser as { ok: boolean; problems?: Problem[] })).toEqual(lines(checked as { ok: boolean; problems?: Problem[] }));
  return lines(checked as { ok: boolean; problems?: Problem[] });
}

const unusedSource = (doc: JsonObject) =>
  ((doc.meta as JsonObject).sources as JsonObject[]).push({ id: 'unused-source', label: 'Unused', url: 'https://example.org' });

describe('schema problems, reference problems and warnings together', () => {
  it('a misspelt key, a dangling reference and a warning', () => {
    expect(
      linesOf((doc) => {
        setPath(doc, ['debrief', 'outcome', 'finalrisk'], 100);
        setPath(doc, ['rounds', 0, 'proposer'], 'russia');
        unusedSource(doc);
      }),
    ).toEqual([
      'debrief.outcome: unknown key "finalrisk": expected one of "kind", "agreed", "finalRisk", "text"',
      'rounds[0].proposer: unknown side "russia"; expected "us" and "ru"',
      expect.stringMatching(/^warning: meta\.sources\[\d+\]: source "unused-source" is listed but never cited$/),
    ]);
  });

  it('only unknown keys: the historical line is played as well, and its warnings come in the same run', () => {
    const lines = linesOf((doc) => {
      setPath(doc, ['escalation', 'incident', 'riskjump'], 5);
      setPath(doc, ['debrief', 'line', 0, 'proposal', 'posture'], 'consult-allies');
    });
    expect(lines).toEqual([
      'escalation.incident: unknown key "riskjump": expected one of "chance", "riskJump", "escalation", "name"',
      'warning: debrief.line[0].proposal.posture: round "geneva": the proposal by "ru" comes with posture move "consult-allies", a move of "us": a side makes only its own moves',
    ]);
  });

  it('a required field of the wrong type takes a sibling value, so the rest is still checked', () => {
    expect(
      linesOf((doc) => {
        setPath(doc, ['sides', 0, 'colour'], null);
        setPath(doc, ['tracks', 1, 'statusQuo'], 'nowhere');
      }),
    ).toEqual(['sides[0].colour: expected text', 'tracks[1].statusQuo: unknown position "nowhere" on track "missiles"']);
  });

  it('an item taken out leaves no follow-on problems: no "unknown quote" for its quote, no "never cited" for its sources', () => {
    // The quote "rau-risk" fails; event "osce-warning" shows it. Event "drafts-published" fails; it alone cites some sources.
    const lines = linesOf((doc) => {
      const quotes = doc.quotes as JsonObject[];
      setPath(quotes[quotes.findIndex((quote) => quote.id === 'rau-risk')]!, ['mood'], 'grim');
      setPath(doc, ['events', 0, 'trigger', 'kind'], 'sometimes');
    });
    expect(lines).toEqual([
      'events[0].trigger.kind: expected one of "scripted", "conditional"',
      expect.stringMatching(/^quotes\[\d+\]\.mood: expected one of "open", /),
    ]);
  });

  it('paths after an item taken out still point into the file as written', () => {
    const lines = linesOf((doc) => {
      setPath(doc, ['events', 0, 'trigger', 'kind'], 'sometimes');
      setPath(doc, ['events', 2, 'quote'], 'no-such-quote');
    });
    expect(lines).toEqual([
      'events[0].trigger.kind: expected one of "scripted", "conditional"',
      'events[2].quote: unknown quote "no-such-quote"',
    ]);
  });

  it('a top level that cannot be used gives its schema problems alone', () => {
    expect(linesOf((doc) => setPath(doc, ['sides'], 'two'))).toEqual(['sides: expected a list']);
  });
});
