import { describe, expect, it } from 'vitest';
import { BUILT_IN_GLOSSARY, filterGlossary, glossaryEntry, glossaryOf, GLOSSARY_IDS } from '../src/engine/glossary.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { glossaryAnchor, glossaryHref, glossaryOfHash, termSegments, wordingsOf, type Findable } from '../src/game/view/term-links.ts';
import { againstAi, counterfactual, cuba1962, geneva, genevaWith, inf1987 } from './helpers.ts';

/** The ids the AI's decisions and the debrief rely on. */
const REQUIRED = [
  'outside-option',
  'reservation-value',
  'bargaining-range',
  'zeuthen',
  'expected-value',
  'chance-of-war',
  'audience-costs',
  'credibility',
  'alliance-cohesion',
  'leverage',
  'logrolling',
  'linkage',
  'red-line',
  'status-quo',
  'posture-move',
  'incident',
  'escalation-band',
  'deadline',
  'bluff',
  'persona',
];

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z“"])/).filter((part) => part.trim().length > 0);

/** A copy of Geneva with glossary entries of its own (through the real schema). */
function withGlossary(entries: unknown[]) {
  return genevaWith((doc) => {
    doc.glossary = entries as never;
  });
}

describe('the built-in glossary', () => {
  it('has exactly the entries the game names, once each', () => {
    expect([...GLOSSARY_IDS].sort()).toEqual([...REQUIRED].sort());
    expect(new Set(GLOSSARY_IDS).size).toBe(GLOSSARY_IDS.length);
  });

  it('explains every term in two to four plain sentences', () => {
    for (const entry of BUILT_IN_GLOSSARY) {
      expect(entry.term.trim().length, entry.id).toBeGreaterThan(2);
      expect(entry.term.length, entry.id).toBeLessThanOrEqual(60);
      const count = sentences(entry.definition).length;
      expect(count, `${entry.id}: ${count} sentences`).toBeGreaterThanOrEqual(2);
      expect(count, `${entry.id}: ${count} sentences`).toBeLessThanOrEqual(4);
      expect(entry.definition.length, entry.id).toBeLessThanOrEqual(1000);
      expect(entry.definition, entry.id).not.toMatch(/[<>]/);
      // Defined in its own words, not by repeating its name.
      expect(entry.definition.toLowerCase().startsWith(entry.term.toLowerCase()), entry.id).toBe(false);
    }
  });

  it('names the scholars behind the models', () => {
    const text = (id: string) => glossaryEntry(glossaryOf(), id)!.definition;
    expect(text('zeuthen')).toMatch(/Zeuthen \(1930\)/);
    expect(text('bargaining-range')).toMatch(/Fearon \(1995\)/);
    expect(text('outside-option')).toMatch(/Fearon 1995/);
    expect(text('audience-costs')).toMatch(/Fearon \(1994\)/);
    expect(text('incident')).toMatch(/Schelling \(1960, 1966\)/);
    expect(text('incident')).toMatch(/leaves something to chance/);
    expect(text('credibility')).toMatch(/Schelling 1966/);
  });

  it('says how scores are computed and what the value of no deal is', () => {
    const text = (id: string) => glossaryEntry(glossaryOf(), id)!.definition;
    expect(text('expected-value')).toMatch(/chance that peace holds/);
    expect(text('expected-value')).toMatch(/chance of war/);
    expect(text('outside-option')).toMatch(/status quo/);
    expect(text('outside-option')).toMatch(/believes war would bring/);
    expect(text('zeuthen')).toMatch(/less willing to risk a breakdown concedes next/);
    expect(text('linkage')).toMatch(/Nothing is agreed until everything is agreed/);
  });
});

describe('glossaryOf', () => {
  it('is the built-in entries, sorted by term, with no scenario', () => {
    const entries = glossaryOf();
    expect(entries.map((entry) => entry.id).sort()).toEqual([...REQUIRED].sort());
    const terms = entries.map((entry) => entry.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(terms[0]).toBe('Alliance cohesion');
    expect(terms.at(-1)).toBe('Zeuthen’s concession rule');
    for (const entry of entries) {
      expect(entry.fromScenario).toBeNull();
      expect(entry.sources).toEqual([]);
    }
    expect(glossaryOf(null)).toEqual(entries);
  });

  it('adds a scenario’s own entries, marked with the scenario and their sources, in order', () => {
    const source = geneva.meta.sources[0]!;
    const scenario = withGlossary([
      {
        id: 'vienna-document',
        term: 'Vienna Document',
        definition: 'The OSCE’s agreement on notifying and observing exercises.',
        sources: [source.id],
      },
      { id: 'aegis-ashore', term: 'Aegis Ashore', definition: 'A land-based missile defence system.' },
      { id: 'inf-range', term: 'INF range', definition: '500 to 5,500 kilometres.', sources: [source.id] },
    ]);
    // The loader refuses a source id the scenario does not have; a scenario built in code may still hold one.
    scenario.glossary[2]!.sources.push('no-such-source');
    const entries = glossaryOf(scenario);
    expect(entries).toHaveLength(REQUIRED.length + 3);
    const terms = entries.map((entry) => entry.term);
    expect(terms.indexOf('Aegis Ashore')).toBeLessThan(terms.indexOf('Alliance cohesion'));
    expect(terms.indexOf('Incident')).toBeLessThan(terms.indexOf('INF range'));
    expect(terms.indexOf('INF range')).toBeLessThan(terms.indexOf('Leverage'));
    expect(terms.indexOf('Status quo')).toBeLessThan(terms.indexOf('Vienna Document'));
    const vienna = glossaryEntry(entries, 'vienna-document')!;
    expect(vienna.fromScenario).toBe(scenario.meta.title);
    expect(vienna.sources).toEqual([source.url ? { label: source.label, url: source.url } : { label: source.label }]);
    // A source id the scenario does not have is left out rather than shown as a bare id.
    expect(glossaryEntry(entries, 'inf-range')!.sources).toHaveLength(1);
    expect(glossaryEntry(entries, 'aegis-ashore')!.sources).toEqual([]);
  });

  it('lets a scenario entry replace a built-in one of the same id', () => {
    const scenario = withGlossary([{ id: 'red-line', term: 'Red line (2022)', definition: 'Russia’s word for NATO in Ukraine.' }]);
    const entries = glossaryOf(scenario);
    expect(entries).toHaveLength(REQUIRED.length);
    const entry = glossaryEntry(entries, 'red-line')!;
    expect(entry.term).toBe('Red line (2022)');
    expect(entry.fromScenario).toBe(scenario.meta.title);
    expect(entries.filter((item) => item.id === 'red-line')).toHaveLength(1);
  });

  it('keeps scenario text as it is, markup and all', () => {
    const scenario = withGlossary([{ id: 'markup', term: '<b>Bold</b>', definition: '<img src=x onerror="alert(1)"> is text.' }]);
    const entry = glossaryEntry(glossaryOf(scenario), 'markup')!;
    expect(entry.term).toBe('<b>Bold</b>');
    expect(entry.definition).toBe('<img src=x onerror="alert(1)"> is text.');
  });

  it('is what the bundled scenario brings on top of the built-in entries', () => {
    const entries = glossaryOf(geneva);
    expect(entries).toHaveLength(new Set([...REQUIRED, ...geneva.glossary.map((entry) => entry.id)]).size);
  });
});

describe('glossaryEntry', () => {
  it('finds an entry by id, or null', () => {
    expect(glossaryEntry(glossaryOf(), 'zeuthen')!.term).toBe('Zeuthen’s concession rule');
    expect(glossaryEntry(glossaryOf(), 'no-such-term')).toBeNull();
  });
});

describe('filterGlossary', () => {
  const all = glossaryOf();
  const ids = (query: string) => filterGlossary(all, query).map((entry) => entry.id);

  it('keeps everything, in order, for an empty query', () => {
    expect(filterGlossary(all, '')).toEqual(all);
    expect(filterGlossary(all, '   ')).toEqual(all);
  });

  it('matches the beginnings of words in the term, the definition or the id, ignoring case and accents', () => {
    expect(ids('zeuth')).toEqual(['zeuthen']);
    expect(ids('ZEUTHEN')).toEqual(['zeuthen']);
    expect(ids('Zéuthen')).toContain('zeuthen');
    expect(ids('reservation value')).toContain('reservation-value');
    expect(ids('audience')).toContain('audience-costs');
    expect(ids('logrolling')).toEqual(['logrolling']);
    expect(ids('red')).toContain('red-line');
    // A query matches the start of a word, not the inside of one.
    const inside = [{ ...glossaryEntry(all, 'leverage')!, id: 'x', term: 'X', definition: 'Considered and bored.' }];
    expect(filterGlossary(inside, 'red')).toEqual([]);
    expect(filterGlossary(inside, 'bor')).toEqual(inside);
  });

  it('needs every word of the query', () => {
    expect(ids('walk-away point')).toEqual(['reservation-value']);
    expect(ids('zeuthen schelling')).toEqual([]);
    expect(ids('qqqq')).toEqual([]);
  });

  it('finds an entry by an alias that its term and definition do not hold', () => {
    const glossary = glossaryOf(geneva);
    expect(filterGlossary(glossary, 'BTGs').map((entry) => entry.id)).toEqual(['battalion-tactical-group']);
  });
});

describe('the AI names glossary entries', () => {
  it('only ever names terms the glossary has', () => {
    for (const persona of geneva.personas.map((item) => item.id)) {
      for (const seed of [1, 2]) {
        const setup = againstAi(geneva, persona, seed);
        const game = playGame(geneva, setup, { [setup.playerSide]: 'greedy' }).final;
        for (const decision of game.decisions) {
          for (const term of decision.terms) expect(GLOSSARY_IDS, `${persona}: ${term}`).toContain(term);
        }
      }
    }
  });
});

describe('termSegments: the glossary’s terms found in a text', () => {
  const all = glossaryOf(geneva);
  /** The text with each linked piece in brackets and its entry's id: "[Reservation value|reservation-value]". */
  const marked = (text: string, glossary: readonly Findable[] = all, linked?: Set<string>) =>
    termSegments(text, glossary, linked)
      .map((segment) => (segment.term ? `[${segment.text}|${segment.term}]` : segment.text))
      .join('');

  it('cuts a text into plain pieces and terms, keeping every character and the text’s own wording', () => {
    const text = 'Its reservation value rose, and Zeuthen’s concession rule said to hold.';
    const segments = termSegments(text, all);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(marked(text)).toBe('Its [reservation value|reservation-value] rose, and [Zeuthen’s concession rule|zeuthen] said to hold.');
  });

  it('ignores case, and finds a term by its wording before a parenthesis', () => {
    expect(marked('OUTSIDE OPTION and Expected Value')).toBe('[OUTSIDE OPTION|outside-option] and [Expected Value|expected-value]');
    expect(wordingsOf(glossaryEntry(all, 'outside-option')!)).toEqual([
      'Outside option (value of no deal)',
      'Outside option',
      'value of no deal',
    ]);
  });

  it('links only the first appearance of each term', () => {
    expect(marked('Leverage here, leverage there.')).toBe('[Leverage|leverage] here, leverage there.');
  });

  it('never links inside a word, and allows a plural', () => {
    expect(marked('Crossing red lines; no bluffs; an unbluffable side; redline')).toBe(
      'Crossing [red lines|red-line]; no [bluffs|bluff]; an unbluffable side; redline',
    );
    expect(marked('linkages')).toBe('[linkages|linkage]');
    expect(marked('Ableverage, leverageable')).toBe('Ableverage, leverageable');
  });

  it('takes the longest wording where two begin at the same place', () => {
    const glossary: Findable[] = [
      { id: 'war', term: 'War' },
      { id: 'war-belief', term: 'War belief' },
    ];
    expect(marked('A war belief, then war.', glossary)).toBe('A [war belief|war-belief], then [war|war].');
  });

  it('matches straight and curly apostrophes and any run of spaces alike', () => {
    expect(marked("Zeuthen's  concession\nrule")).toBe("[Zeuthen's  concession\nrule|zeuthen]");
  });

  it('finds an entry by its aliases too, counting them as the entry', () => {
    const glossary: Findable[] = [{ id: 'inf', term: 'INF Treaty', aliases: ['Intermediate-Range Nuclear Forces Treaty', 'INF range'] }];
    expect(marked('The INF range, under the Intermediate-Range Nuclear Forces Treaty.', glossary)).toBe(
      'The [INF range|inf], under the Intermediate-Range Nuclear Forces Treaty.',
    );
  });

  it('finds a scenario’s own terms, and leaves the characters of a regular expression alone', () => {
    const scenario = genevaWith((doc) => {
      doc.glossary = [{ id: 'vienna', term: 'Vienna Document (2011)', definition: 'An OSCE agreement.' }] as never;
    });
    expect(marked('Under the Vienna Document, notify.', glossaryOf(scenario))).toBe('Under the [Vienna Document|vienna], notify.');
    expect(marked('A (b) and a.b*', [{ id: 'x', term: 'a.b*' }])).toBe('A (b) and [a.b*|x]');
  });

  it('shares what is linked across the texts of one block', () => {
    const linked = new Set<string>();
    expect(marked('Leverage first.', all, linked)).toBe('[Leverage|leverage] first.');
    expect(marked('Leverage again; credibility.', all, linked)).toBe('Leverage again; [credibility|credibility].');
    expect([...linked]).toEqual(['leverage', 'credibility']);
  });

  it('gives nothing for an empty text and the text alone with no glossary', () => {
    expect(termSegments('', all)).toEqual([]);
    expect(termSegments('Leverage.', [])).toEqual([{ text: 'Leverage.' }]);
  });
});

describe('glossary addresses', () => {
  it('point at the entry’s anchor on the game’s own page, and are read back from a page’s fragment', () => {
    expect(glossaryAnchor('red-line')).toBe('glossary-red-line');
    expect(glossaryHref('red-line')).toBe('./#glossary-red-line');
    expect(glossaryOfHash(new URL(glossaryHref('red_line2'), 'https://example.org/game/').hash)).toEqual({ term: 'red_line2' });
    expect(glossaryOfHash('#glossary')).toEqual({});
    expect(glossaryOfHash('#session=abc')).toBeNull();
    expect(glossaryOfHash('')).toBeNull();
    expect(glossaryOfHash('#glossary-<b>')).toBeNull();
  });
});

describe('aliases: other wordings of a term lead to its entry', () => {
  const scenarios = { geneva, inf: inf1987, counterfactual, cuba: cuba1962 };

  it('finds a scenario entry and a built-in one by their aliases', () => {
    const glossary = glossaryOf(geneva);
    const found = termSegments('Talks on the INF range while BTGs mass, and the value of no deal falls.', glossary)
      .filter((segment) => segment.term)
      .map((segment) => [segment.text, segment.term]);
    expect(found).toEqual([
      ['INF range', 'inf-treaty'],
      ['BTGs', 'battalion-tactical-group'],
      ['value of no deal', 'outside-option'],
    ]);
  });

  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`${name}: every alias finds its own entry, and no wording names two entries`, () => {
      const glossary = glossaryOf(scenario);
      const owner = new Map<string, string>();
      for (const entry of glossary) {
        for (const alias of entry.aliases) {
          expect(termSegments(`About ${alias} today.`, glossary).find((segment) => segment.term)?.term, alias).toBe(entry.id);
        }
        for (const wording of wordingsOf(entry)) {
          const key = wording.toLowerCase();
          expect(owner.get(key) ?? entry.id, `"${wording}" names ${owner.get(key)} and ${entry.id}`).toBe(entry.id);
          owner.set(key, entry.id);
        }
      }
    });
  }
});
