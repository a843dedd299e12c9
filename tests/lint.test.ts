/**
 * Warnings of meaning: each fires, with its path, on a minimal edit of Geneva that still loads,
 * stays quiet just short of it, and the bundled scenarios give none at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintScenario } from '../src/engine/scenario/lint.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import { formatProblem } from '../src/engine/scenario/problems.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import { allPaths, deletePath, geneva, genevaDoc, genevaWith, getPath, problemLines, ROOT, setPath, type JsonObject } from './helpers.ts';

/** The formatted warnings of Geneva after an edit (which must leave it valid). */
function warningsAfter(edit: (doc: JsonObject) => void): string[] {
  return lintScenario(genevaWith(edit)).map(formatProblem);
}

const events = (doc: JsonObject) => doc.events as JsonObject[];
const eventIndex = (id: string) => geneva.events.findIndex((event) => event.id === id);
const CEASEFIRE = eventIndex('ceasefire-violations-surge');
const BLOOD = eventIndex('blood-supplies');
const HOTLINE = eventIndex('hotline-set-up');

describe('the bundled scenarios', () => {
  const folder = join(ROOT, 'scenarios');
  // Scenarios only: the folder also holds JSON Schemas (scenario.schema.json and others).
  const files = readdirSync(folder).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));

  it('there is more than one to check, Geneva among them', () => {
    expect(files).toContain('geneva-2022.json');
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s loads and gives no warnings', (name) => {
    const loaded = loadScenarioText(readFileSync(join(folder, name), 'utf8'));
    expect(problemLines(loaded)).toEqual([]);
    if (loaded.ok) expect(lintScenario(loaded.value).map(formatProblem)).toEqual([]);
  });
});

describe('a track where no position is outside both sides’ red lines', () => {
  it('fires when the red lines of the two sides cover the whole ladder', () => {
    // exercises: no-new-limits, notification, vienna-document, reciprocal-limits, no-nato-activity. The
    // historical line has the United States table or counter reciprocal-limits and vienna-document,
    // so those can only be Russia's red lines (else the debrief line would be refused as well).
    const warnings = warningsAfter((doc) =>
      setPath(doc, ['tracks', 2, 'redLines'], {
        us: ['no-nato-activity'],
        ru: ['no-new-limits', 'notification', 'vienna-document', 'reciprocal-limits'],
      }),
    );
    expect(warnings).toEqual([
      'tracks[2].redLines: no position on track "exercises" is outside both sides\' red lines: it can never be agreed',
    ]);
  });

  it('stays quiet while a single position is left open to both', () => {
    const warnings = warningsAfter((doc) =>
      setPath(doc, ['tracks', 2, 'redLines'], { us: ['no-nato-activity'], ru: ['no-new-limits', 'notification', 'vienna-document'] }),
    );
    expect(warnings).toEqual([]);
  });
});

describe('events that can never fire', () => {
  it('probability 0', () => {
    expect(warningsAfter((doc) => (events(doc)[CEASEFIRE]!.probability = 0))).toEqual([
      `events[${CEASEFIRE}].probability: event "ceasefire-violations-surge" can never fire (probability 0)`,
    ]);
    expect(warningsAfter((doc) => (events(doc)[CEASEFIRE]!.probability = 0.001))).toEqual([]);
  });

  it('a scripted event with probability 0 too', () => {
    expect(warningsAfter((doc) => (events(doc)[0]!.probability = 0))).toEqual([
      'events[0].probability: event "drafts-published" can never fire (probability 0)',
    ]);
  });

  it('riskAtLeast at or above riskBelow', () => {
    const when = ['events', CEASEFIRE, 'trigger', 'when'];
    for (const [atLeast, below] of [
      [70, 70],
      [80, 70],
    ] as const) {
      expect(warningsAfter((doc) => setPath(doc, when, { riskAtLeast: atLeast, riskBelow: below }))).toEqual([
        `events[${CEASEFIRE}].trigger.when: event "ceasefire-violations-surge" can never fire: the risk cannot be at least ${atLeast} and below ${below}`,
      ]);
    }
    expect(warningsAfter((doc) => setPath(doc, when, { riskAtLeast: 69, riskBelow: 70 }))).toEqual([]);
    expect(warningsAfter((doc) => setPath(doc, when, { riskBelow: 0 }))).toEqual([]);
  });

  it('agreed and open naming the same track', () => {
    const when = ['events', HOTLINE, 'trigger', 'when'];
    expect(warningsAfter((doc) => setPath(doc, when, { agreed: 'exercises', open: 'exercises' }))).toEqual([
      `events[${HOTLINE}].trigger.when: event "hotline-set-up" can never fire: track "exercises" cannot be agreed and open at once`,
    ]);
    expect(warningsAfter((doc) => setPath(doc, when, { agreed: 'exercises', open: 'missiles' }))).toEqual([]);
  });

  it('fromRound beyond the last round', () => {
    const rounds = geneva.rounds.length;
    const fromRound = ['events', BLOOD, 'trigger', 'when', 'fromRound'];
    expect(warningsAfter((doc) => setPath(doc, fromRound, rounds + 1))).toEqual([
      `events[${BLOOD}].trigger.when.fromRound: event "blood-supplies" can never fire: the scenario has only ${rounds} rounds`,
    ]);
    expect(warningsAfter((doc) => setPath(doc, fromRound, rounds))).toEqual([]);
  });

  it('moveUsed naming no move (the loader refuses it first, so lint is checked on the scenario object)', () => {
    // Through the loader the dangling move is an error, not a warning.
    const doc = genevaDoc();
    setPath(doc, ['events', BLOOD, 'trigger', 'when', 'moveUsed'], 'no-such-move');
    expect(problemLines(loadScenarioText(JSON.stringify(doc)))).toContain(
      `events[${BLOOD}].trigger.when.moveUsed: unknown move "no-such-move"`,
    );

    const scenario = structuredClone(geneva) as Scenario;
    const trigger = scenario.events[BLOOD]!.trigger;
    if (trigger.kind !== 'conditional') throw new Error('blood-supplies should be conditional');
    trigger.when.moveUsed = 'no-such-move';
    expect(lintScenario(scenario).map(formatProblem)).toEqual([
      `events[${BLOOD}].trigger.when.moveUsed: event "blood-supplies" can never fire: no move "no-such-move"`,
    ]);
    trigger.when.moveUsed = 'mass-troops';
    expect(lintScenario(scenario)).toEqual([]);
  });

  it('several impossible conditions on one event give one warning each, in order', () => {
    const warnings = warningsAfter((doc) => {
      events(doc)[CEASEFIRE]!.probability = 0;
      setPath(doc, ['events', CEASEFIRE, 'trigger', 'when'], {
        riskAtLeast: 90,
        riskBelow: 10,
        agreed: 'missiles',
        open: 'missiles',
        fromRound: 12,
      });
    });
    expect(warnings.map((line) => line.split(':')[0])).toEqual([
      `events[${CEASEFIRE}].probability`,
      `events[${CEASEFIRE}].trigger.when`,
      `events[${CEASEFIRE}].trigger.when`,
      `events[${CEASEFIRE}].trigger.when.fromRound`,
    ]);
  });
});

describe('posture moves and quotes', () => {
  it('a side with no posture moves', () => {
    const warnings = warningsAfter((doc) => {
      const moves = doc.postureMoves as JsonObject[];
      const removed = moves.filter((move) => move.side === 'ru');
      doc.postureMoves = moves.filter((move) => move.side !== 'ru');
      // Keep the scenario valid and every source cited: the debrief named some of these moves.
      for (const step of (doc.debrief as JsonObject).line as JsonObject[]) {
        for (const part of ['proposal', 'response'] as const) {
          const item = step[part] as JsonObject;
          if (removed.some((move) => move.id === item.posture)) item.posture = null;
        }
      }
      // Their sources move to the other side's moves, one list each (lists hold at most 20).
      const kept = doc.postureMoves as JsonObject[];
      removed.forEach((move, i) => (kept[i % kept.length]!.sources as string[]).push(...(move.sources as string[])));
    });
    expect(warnings).toEqual(['postureMoves: side "ru" has no posture moves']);
  });

  it('a side without an "open" quote', () => {
    const warnings = warningsAfter((doc) => {
      doc.quotes = (doc.quotes as JsonObject[]).filter((quote) => !(quote.side === 'us' && quote.mood === 'open'));
    });
    expect(warnings).toEqual(['quotes: side "us" has no "open" quote: its AI will use a plain line instead']);
  });

  it('a side without a "reject" quote', () => {
    const warnings = warningsAfter((doc) => {
      const dropped = (doc.quotes as JsonObject[])
        .filter((quote) => quote.side === 'ru' && quote.mood === 'reject')
        .map((quote) => quote.id);
      doc.quotes = (doc.quotes as JsonObject[]).filter((quote) => !dropped.includes(quote.id));
      for (const event of events(doc)) if (dropped.includes(event.quote as string)) delete event.quote;
    });
    expect(warnings).toEqual(['quotes: side "ru" has no "reject" quote: its AI will use a plain line instead']);
  });

  it('no quotes at all: no quote warnings (a scenario may have none)', () => {
    const scenario = genevaWith((doc) => {
      doc.quotes = [];
      for (const event of events(doc)) delete event.quote;
    });
    const warnings = lintScenario(scenario).map(formatProblem);
    expect(warnings.filter((line) => line.startsWith('quotes'))).toEqual([]);
    // Sources cited by quotes alone are now uncited: that warning does fire.
    expect(warnings.every((line) => /^meta\.sources\[\d+\]: source "[^"]+" is listed but never cited$/.test(line))).toBe(true);
  });
});

/** A source with an address, to add to Geneva. */
const ONLY_HERE = { id: 'only-here', label: 'Cited once', url: 'https://example.org/cited-once' };

describe('sources never cited', () => {
  it('a source added to meta.sources and cited nowhere', () => {
    const count = geneva.meta.sources.length;
    const warnings = warningsAfter((doc) =>
      ((doc.meta as JsonObject).sources as JsonObject[]).push({ id: 'unused-source', label: 'A book nobody cites' }),
    );
    expect(warnings).toEqual([`meta.sources[${count}]: source "unused-source" is listed but never cited`]);
  });

  it('a source whose only citation is removed', () => {
    // Find a source cited exactly once (outside meta.sources) and remove that citation.
    const doc = genevaDoc();
    const citations = (id: string) => allPaths(doc).filter((path) => path[0] !== 'meta' && getPath(doc, path) === id);
    const index = geneva.meta.sources.findIndex((source) => citations(source.id).length === 1);
    expect(index).toBeGreaterThanOrEqual(0);
    const id = geneva.meta.sources[index]!.id;
    const [citation] = citations(id);
    const warnings = warningsAfter((edited) => deletePath(edited, citation!));
    expect(warnings).toEqual([`meta.sources[${index}]: source "${id}" is listed but never cited`]);
  });

  it('every kind of citation counts: positions, rounds, moves, events, quotes, glossary, debrief line and debrief', () => {
    const citedOnlyBy = (doc: JsonObject, path: (string | number)[]) => {
      ((doc.meta as JsonObject).sources as JsonObject[]).push(ONLY_HERE);
      const list = getPath(doc, path) as string[];
      // Lists hold at most 20 ids; make room if need be (which may leave another source uncited).
      if (list.length >= 20) list.shift();
      list.push('only-here');
    };
    for (const path of [
      ['tracks', 0, 'positions', 0, 'sources'],
      ['rounds', 0, 'sources'],
      ['postureMoves', 0, 'sources'],
      ['events', 0, 'sources'],
      ['glossary', 0, 'sources'],
      ['debrief', 'line', 0, 'sources'],
      ['debrief', 'sources'],
    ]) {
      const warnings = warningsAfter((doc) => citedOnlyBy(doc, path));
      expect(
        warnings.filter((line) => line.includes('only-here')),
        path.join('.'),
      ).toEqual([]);
    }
    const quoteCited = warningsAfter((doc) => {
      ((doc.meta as JsonObject).sources as JsonObject[]).push(ONLY_HERE);
      (doc.quotes as JsonObject[])[0]!.source = 'only-here';
    });
    // The quote's old source is cited elsewhere too.
    expect(geneva.quotes[0]!.source).toBe('securitynews-sherman');
    expect(quoteCited).toEqual([]);
  });
});

describe('sources without an address', () => {
  it('a cited source with no url', () => {
    const index = geneva.meta.sources.findIndex((source) => source.id === 'reuters-grushko');
    const warnings = warningsAfter((doc) => delete ((doc.meta as JsonObject).sources as JsonObject[])[index]!.url);
    expect(warnings).toEqual([
      `meta.sources[${index}]: source "reuters-grushko" has no address: add its "url", the public page where students can check it`,
    ]);
  });

  it('removing every url gives one warning per source', () => {
    const warnings = warningsAfter((doc) => {
      for (const source of (doc.meta as JsonObject).sources as JsonObject[]) delete source.url;
    });
    expect(warnings).toHaveLength(geneva.meta.sources.length);
    expect(warnings.every((line) => /^meta\.sources\[\d+\]: source "[^"]+" has no address: /.test(line))).toBe(true);
  });

  it('an uncited source without a url is only "never cited": it is to be cited or removed first', () => {
    const count = geneva.meta.sources.length;
    const warnings = warningsAfter((doc) =>
      ((doc.meta as JsonObject).sources as JsonObject[]).push({ id: 'no-address', label: 'A rumour' }),
    );
    expect(warnings).toEqual([`meta.sources[${count}]: source "no-address" is listed but never cited`]);
  });
});

describe('quote dates', () => {
  const quotes = (doc: JsonObject) => doc.quotes as JsonObject[];
  const PUTIN = geneva.quotes.findIndex((quote) => quote.id === 'putin-ignored');
  const LAST = geneva.rounds.at(-1)!.date;

  it('a date that cannot be read', () => {
    expect(warningsAfter((doc) => (quotes(doc)[PUTIN]!.date = 'Early February 2022'))).toEqual([
      `quotes[${PUTIN}].date: the date of quote "putin-ignored" cannot be read ("Early February 2022"): write it like "10 January 2022", "January 2022" or "1987", so that the AI uses the quote only from that date on`,
    ]);
    for (const date of ['1 February 2022', 'February 1, 2022', '2022-02-01', 'February 2022', '2022']) {
      expect(
        warningsAfter((doc) => (quotes(doc)[PUTIN]!.date = date)),
        date,
      ).toEqual([]);
    }
  });

  it('a quote dated after every round: the AI can never use it', () => {
    expect(LAST).toBe('17 February 2022');
    expect(warningsAfter((doc) => (quotes(doc)[PUTIN]!.date = '18 February 2022'))).toEqual([
      `quotes[${PUTIN}].date: quote "putin-ignored" is dated 18 February 2022, after every round (the last is 17 February 2022): the AI can never use it; correct the date or remove the quote`,
    ]);
    expect(warningsAfter((doc) => (quotes(doc)[PUTIN]!.date = 'March 2022'))).toHaveLength(1);
    // On the day of the last round it may still be used there.
    expect(warningsAfter((doc) => (quotes(doc)[PUTIN]!.date = LAST))).toEqual([]);
  });

  it('stays quiet when a round has a date it cannot read (the quote may be used there)', () => {
    expect(
      warningsAfter((doc) => {
        quotes(doc)[PUTIN]!.date = '1 March 2022';
        setPath(doc, ['rounds', 4, 'date'], 'Late February 2022');
      }),
    ).toEqual([]);
  });

  it('a round dated by month takes a quote from later in that month', () => {
    expect(
      warningsAfter((doc) => {
        quotes(doc)[PUTIN]!.date = '27 February 2022';
        setPath(doc, ['rounds', 4, 'date'], 'February 2022');
      }),
    ).toEqual([]);
  });
});

describe('scripted events dated after their round', () => {
  const DRAFTS = eventIndex('drafts-published');
  const TROOPS = eventIndex('troops-100k');

  it('fires when the event is dated after the round it opens', () => {
    expect(geneva.events[DRAFTS]!.trigger).toEqual({ kind: 'scripted', round: 'geneva' });
    expect(warningsAfter((doc) => (events(doc)[DRAFTS]!.date = '11 January 2022'))).toEqual([
      `events[${DRAFTS}].date: scripted event "drafts-published" is dated 11 January 2022, after its round "geneva" (10 January 2022): move it to a later round or correct the date`,
    ]);
    expect(warningsAfter((doc) => (events(doc)[DRAFTS]!.date = '10 January 2022'))).toEqual([]);
  });

  it('the check that caught Geneva: the 100,000 estimate of 30 January cannot open the round of 26 January', () => {
    expect(geneva.events[TROOPS]).toMatchObject({ date: '26 January 2022', trigger: { kind: 'scripted', round: 'written-replies' } });
    expect(warningsAfter((doc) => (events(doc)[TROOPS]!.date = '30 January 2022'))).toEqual([
      `events[${TROOPS}].date: scripted event "troops-100k" is dated 30 January 2022, after its round "written-replies" (26 January 2022): move it to a later round or correct the date`,
    ]);
  });

  it('stays quiet for an event with no date or one it cannot read, and for conditional events', () => {
    expect(warningsAfter((doc) => delete events(doc)[DRAFTS]!.date)).toEqual([]);
    expect(warningsAfter((doc) => (events(doc)[DRAFTS]!.date = 'Mid-December 2021'))).toEqual([]);
    expect(geneva.events[CEASEFIRE]!.trigger.kind).toBe('conditional');
    expect(warningsAfter((doc) => (events(doc)[CEASEFIRE]!.date = '1 March 2022'))).toEqual([]);
  });

  it('a round dated by month takes an event from any day of that month', () => {
    expect(
      warningsAfter((doc) => {
        setPath(doc, ['rounds', 0, 'date'], 'January 2022');
        events(doc)[DRAFTS]!.date = '31 January 2022';
      }),
    ).toEqual([]);
  });
});

describe('a historical line the rules refuse', () => {
  // Each refusal names the round, the side, the track and position, and the one rule broken.
  it("a counter on the responder's own red line", () => {
    // In the Geneva round the United States counter with reciprocal-limits on exercises.
    const warnings = warningsAfter((doc) => setPath(doc, ['tracks', 2, 'redLines', 'us'], ['reciprocal-limits', 'no-nato-activity']));
    expect(warnings).toEqual([
      'debrief.line[0].response.counter.exercises: round "geneva": the counter by "us" puts track "exercises" at "reciprocal-limits", a red line of "us" itself: a side may not table its own red line',
      'debrief.line[1].proposal.positions.exercises: round "brussels": the proposal by "us" puts track "exercises" at "reciprocal-limits", a red line of "us" itself: a side may not table its own red line',
    ]);
  });

  it('a proposal with a move of the other side', () => {
    const warnings = warningsAfter((doc) => setPath(doc, ['debrief', 'line', 0, 'proposal', 'posture'], 'consult-allies'));
    expect(warnings).toEqual([
      'debrief.line[0].proposal.posture: round "geneva": the proposal by "ru" comes with posture move "consult-allies", a move of "us": a side makes only its own moves',
    ]);
  });

  it('a proposal on its own red line names the track and the position', () => {
    const warnings = warningsAfter((doc) => {
      setPath(doc, ['tracks', 0, 'redLines', 'ru'], ['open-door', 'rollback-1997']);
      setPath(doc, ['tracks', 0, 'opening'], { ru: 'binding-no' });
    });
    expect(warnings).toEqual(
      expect.arrayContaining([
        'debrief.line[0].proposal.positions.enlargement: round "geneva": the proposal by "ru" puts track "enlargement" at "rollback-1997", a red line of "ru" itself: a side may not table its own red line',
      ]),
    );
  });

  it('every refused step is reported in one run, the later ones too', () => {
    const warnings = warningsAfter((doc) => {
      setPath(doc, ['debrief', 'line', 0, 'proposal', 'posture'], 'consult-allies');
      setPath(doc, ['debrief', 'line', 2, 'proposal', 'posture'], 'consult-allies');
    });
    expect(warnings.filter((line) => line.includes('debrief.line'))).toEqual([
      expect.stringMatching(/^debrief\.line\[0\]\.proposal\.posture: round "geneva": /),
      expect.stringMatching(/^debrief\.line\[2\]\.proposal\.posture: round "vienna": /),
    ]);
  });

  it('an answer with fields its kind does not take, and an accept of its own red line', () => {
    const warnings = warningsAfter((doc) => {
      setPath(doc, ['debrief', 'line', 1, 'response', 'tracks'], ['missiles']);
      setPath(doc, ['debrief', 'line', 2, 'response', 'kind'], 'accept');
    });
    expect(warnings).toEqual([
      'debrief.line[1].response: round "brussels": the reject by "ru" lists "tracks", which only accept-some takes',
      'debrief.line[2].response: round "vienna": the accept by "us" accepts track "enlargement" at "binding-no", a red line of "us" itself: a side may not accept its own red line',
      'debrief.line[2].response: round "vienna": the accept by "us" accepts track "missiles" at "no-us-missiles-nukes", a red line of "us" itself: a side may not accept its own red line',
      'debrief.line[2].response: round "vienna": the accept by "us" accepts track "exercises" at "no-nato-activity", a red line of "us" itself: a side may not accept its own red line',
    ]);
  });

  it('a counter left without a reply', () => {
    const warnings = warningsAfter((doc) => deletePath(doc, ['debrief', 'line', 0, 'reply']));
    expect(warnings).toEqual(['debrief.line[0].response: round "geneva": "us" counters, and the line gives no reply by "ru": add one']);
  });
});

describe('an outcome the historical line contradicts', () => {
  const inf = () => {
    const loaded = loadScenarioText(readFileSync(join(ROOT, 'scenarios', 'inf-1987.json'), 'utf8'));
    if (!loaded.ok) throw new Error('inf-1987 does not load');
    return loaded.value;
  };

  it('agreed positions other than those the line agrees, and a track the outcome leaves out', () => {
    const scenario = inf();
    const edited = {
      ...scenario,
      debrief: { ...scenario.debrief, outcome: { ...scenario.debrief.outcome, agreed: { scope: 'zero-in-europe' } } },
    };
    const found = lintScenario(edited).map(formatProblem);
    expect(found).toEqual([
      'debrief.outcome.agreed.scope: the outcome has track "scope" agreed on "zero-in-europe", but the historical line agrees it on "global-double-zero"',
      'debrief.outcome.agreed: the historical line agrees track "sdi" on "no-linkage" in round "after-reykjavik", but the outcome does not name it: add it to agreed',
      'debrief.outcome.agreed: the historical line agrees track "verification" on "on-site-inspections" in round "the-treaty", but the outcome does not name it: add it to agreed',
    ]);
  });

  it('a kind other than where the line ends', () => {
    const scenario = inf();
    const edited = { ...scenario, debrief: { ...scenario.debrief, outcome: { ...scenario.debrief.outcome, kind: 'stalemate' as const } } };
    expect(lintScenario(edited).map(formatProblem)).toEqual([
      expect.stringMatching(/^debrief\.outcome\.kind: the outcome is "stalemate", but the historical line ends in "agreement" in round "/),
    ]);
  });

  it('a line shorter than the scenario: a track it has not agreed yet may be agreed later', () => {
    const scenario = inf();
    // Only the first step: the talks are still on, so the scope and verification agreed later are no contradiction.
    const short = { ...scenario, debrief: { ...scenario.debrief, line: scenario.debrief.line.slice(0, 1) } };
    expect(lintScenario(short)).toEqual([]);
    const wrong = { ...short, debrief: { ...short.debrief, outcome: { ...short.debrief.outcome, agreed: { sdi: 'testing-limits' } } } };
    expect(lintScenario(wrong).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^debrief\.outcome\.agreed\.sdi: the outcome has track "sdi" agreed on "testing-limits", but the historical line agrees it on "no-linkage"$/,
      ),
    ]);
  });

  it('talks that end with no deal may be followed by war: no contradiction', () => {
    // The counterfactual's line ends in a stalemate; its debrief says war followed.
    const loaded = loadScenarioText(readFileSync(join(ROOT, 'scenarios', 'counterfactual-2022.json'), 'utf8'));
    expect(loaded.ok && lintScenario(loaded.value)).toEqual([]);
  });
});

describe('warnings are values, not exceptions', () => {
  it('lintScenario does not change the scenario it reads', () => {
    const before = JSON.stringify(geneva);
    lintScenario(geneva);
    expect(JSON.stringify(geneva)).toBe(before);
  });

  it('every warning has a path of keys and a message', () => {
    const scenario = genevaWith((doc) => {
      events(doc)[CEASEFIRE]!.probability = 0;
      ((doc.meta as JsonObject).sources as JsonObject[]).push({ id: 'unused-source', label: 'Unused' });
    });
    const warnings = lintScenario(scenario);
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) {
      expect(warning.path.length).toBeGreaterThan(0);
      expect(warning.path.every((key) => typeof key === 'string' || typeof key === 'number')).toBe(true);
      expect(warning.message.length).toBeGreaterThan(10);
    }
  });
});
