/**
 * The glossary: every term of art the game uses, explained for a first-year student, with the
 * scholar behind it where there is one. Scenarios bring their own entries (the Vienna Document,
 * Aegis Ashore…); a scenario entry with the id of a built-in one replaces it. The AI names the
 * entries behind its reasons in `Decision.terms`, and the debrief links to them.
 */
import type { Scenario } from './scenario/schema.ts';

export interface BuiltInEntry {
  id: string;
  term: string;
  /** Other wordings of the term in the game's texts, linked to the entry wherever they appear. */
  aliases?: readonly string[];
  definition: string;
  /** Where to read more, as a plain reference. */
  reading?: string;
}

/** An entry as the glossary shows it: built in or from the scenario, with its sources spelt out. */
export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: readonly string[];
  definition: string;
  /** The scenario's title when the entry comes from the scenario; null for the game's own entries. */
  fromScenario: string | null;
  /** The scenario's sources the entry cites (ids with no source in the scenario are left out). */
  sources: { label: string; url?: string }[];
  reading?: string;
}

const FEARON_1995 = 'James D. Fearon, "Rationalist Explanations for War", International Organization 49 (3), 1995.';
const SCHELLING = 'Thomas C. Schelling, The Strategy of Conflict (1960) and Arms and Influence (1966).';
const RAIFFA = 'Howard Raiffa, The Art and Science of Negotiation (1982).';

export const BUILT_IN_GLOSSARY: readonly BuiltInEntry[] = [
  {
    id: 'outside-option',
    term: 'Outside option (value of no deal)',
    aliases: ['value of no deal'],
    definition:
      'What a side can count on if the talks fail. It is not simply the status quo: the status quo lasts only while peace holds, and if it does not, the side gets what it believes war would bring, less what war would cost it. So the value of no deal is the status quo weighted by the chance of peace, plus that belief about war weighted by the chance of war. A side that thinks force would work has a high outside option, and asks for more at the table (Fearon 1995).',
    reading: FEARON_1995,
  },
  {
    id: 'reservation-value',
    term: 'Reservation value',
    aliases: ['walk-away point', 'reservation point'],
    definition:
      'The least a side will accept: any deal worth less to it than its reservation value is refused. Negotiation scholars also call it the walk-away point (Raiffa 1982). In this game it starts from the side’s outside option and moves with its resolve, its leverage, its fear of war and its patience as the rounds run out.',
    reading: RAIFFA,
  },
  {
    id: 'bargaining-range',
    term: 'Bargaining range',
    aliases: ['zone of possible agreement'],
    definition:
      'All the deals that both sides prefer to no deal: every settlement worth more to each side than its reservation value. Fearon (1995) argued that because war is costly, such a range nearly always exists; wars happen when the sides cannot find it or cannot trust each other to keep to it. If each side insists on more than the other will give, the range is empty and no deal is possible.',
    reading: FEARON_1995,
  },
  {
    id: 'zeuthen',
    term: 'Zeuthen’s concession rule',
    aliases: ['Zeuthen'],
    definition:
      'A rule for who gives ground next, proposed by the economist Frederik Zeuthen (1930) and later defended by John Harsanyi (1956). Each side asks how large a risk of breakdown it would run rather than accept the other’s offer: the more it would lose by giving in, the more risk it will bear. The side less willing to risk a breakdown concedes next. The AI counterpart uses this rule to decide whether to hold its demands or give a step.',
    reading:
      'Frederik Zeuthen, Problems of Monopoly and Economic Warfare (1930); John C. Harsanyi, "Approaches to the Bargaining Problem before and after the Theory of Games", Econometrica 24 (2), 1956.',
  },
  {
    id: 'expected-value',
    term: 'Expected value (how scores are computed)',
    definition:
      'An average of what could happen, each outcome weighted by its chance. Your score is what was settled (the status quo on tracks with no deal) times the chance that peace holds at the final risk, plus what war is worth to your side times the chance of war. Any running cost of the crisis that the scenario sets is then taken off and standing at home added. So an agreement reached at low risk keeps nearly all its value, while a walk-out at the brink leaves mostly the value of war, which is low for both sides.',
  },
  {
    id: 'chance-of-war',
    term: 'Chance of war',
    definition:
      'How likely the crisis is to end in war if nothing more settles it. The game reads it off the risk gauge through a curve the scenario sets: the higher the risk, the higher the chance. It weighs each side’s value of no deal and the final scores; it is not the same as the chance of an incident in a single round.',
  },
  {
    id: 'audience-costs',
    term: 'Audience costs',
    aliases: ['audience cost'],
    definition:
      'The price leaders pay at home when they make a public threat or commitment and then back down. Fearon (1994) argued that because these costs grow as a crisis goes public, a leader who accepts them shows that he or she means it. In the game, threats and belligerent statements commit your side in public; retreating from them later costs standing at home and credibility abroad.',
    reading:
      'James D. Fearon, "Domestic Political Audiences and the Escalation of International Disputes", American Political Science Review 88 (3), 1994.',
  },
  {
    id: 'credibility',
    term: 'Credibility',
    definition:
      'How far the other side believes your threats and promises. A threat that is believed can change what the other side does without ever being carried out; one that is not believed buys nothing (Schelling 1966). In the game, credibility falls when you back down from a public commitment, and threats buy leverage only as far as you are believed.',
    reading: SCHELLING,
  },
  {
    id: 'alliance-cohesion',
    term: 'Alliance cohesion',
    definition:
      'How united an alliance stays behind the line its leader takes in the talks. Allies want a say in deals that concern their own security, and deciding “about Europe without Europe” strains the alliance. In the game, conceding on a track the allies care about lowers cohesion, and a divided alliance weakens your leverage.',
    reading: 'Glenn H. Snyder, "The Security Dilemma in Alliance Politics", World Politics 36 (4), 1984.',
  },
  {
    id: 'leverage',
    term: 'Leverage',
    definition:
      'The power to make the other side accept your terms, because you can make no deal costlier for it or a deal more attractive. It comes from military posture, economic threats, allies and time. In the game, the more leverage a side has, the less its counterpart asks of it.',
  },
  {
    id: 'logrolling',
    term: 'Logrolling',
    definition:
      'Trading across issues: each side gives ground on what matters less to it in return for gains on what matters more. Because the sides care about the tracks differently, such a package can leave both better off than splitting every track down the middle. Negotiation scholars call this integrative bargaining (Walton and McKersie 1965; Raiffa 1982). The AI counterpart values a package as a whole, so it can trade one track for another.',
    reading: 'Richard E. Walton and Robert B. McKersie, A Behavioral Theory of Labor Negotiations (1965); ' + RAIFFA,
  },
  {
    id: 'linkage',
    term: 'Linkage',
    definition:
      'Tying issues together so that they can only be agreed as a whole. “Nothing is agreed until everything is agreed” links every track; a scenario may also link only some of them. Linked tracks cannot be accepted one at a time: accepting part of a package may not split them.',
  },
  {
    id: 'red-line',
    term: 'Red line',
    definition:
      'A position a side has declared it will never accept. In the game a side never accepts a package that puts a track on one of its red lines, and cannot propose one of its own. Red lines make a side’s limits clear to the other, but they also leave it less room to bargain.',
  },
  {
    id: 'status-quo',
    term: 'Status quo',
    definition:
      'Things as they stand now. Each track names its status quo position, which holds wherever no deal is reached. It is what a side keeps if the talks fail and peace holds — but only while peace holds (see outside option).',
  },
  {
    id: 'posture-move',
    term: 'Posture move',
    definition:
      'Something a side does alongside what it says at the table: reinforcing its forces, threatening sanctions, holding a snap exercise, pulling units back, offering inspections. Each move changes the risk, leverage or standing. Posture moves send a signal of resolve or restraint through deeds rather than words.',
  },
  {
    id: 'incident',
    term: 'Incident',
    aliases: ['military incident'],
    definition:
      'An unplanned clash between the sides’ forces: a near-miss between aircraft or ships, shots across a border, a false alarm. Each round the game rolls for one, with a chance that grows with the risk, and an incident can escalate to war. This is what Schelling (1960, 1966) called the threat that leaves something to chance: once the risk is high, neither side fully controls whether war comes, and that shared danger is itself a way to put pressure on the other.',
    reading: SCHELLING,
  },
  {
    id: 'escalation-band',
    term: 'Escalation band',
    definition:
      'A named stretch of the risk gauge, such as Calm, Tension, Crisis, Confrontation or Brink, so that the level of danger can be read at a glance. The idea echoes Herman Kahn’s escalation ladder (1965), whose rungs climb from a diplomatic quarrel to all-out war. An alarm sounds when the risk enters a higher band.',
    reading: 'Herman Kahn, On Escalation: Metaphors and Scenarios (1965).',
  },
  {
    id: 'deadline',
    term: 'Deadline effect',
    aliases: ['deadline'],
    definition:
      'Negotiators tend to hold out on what matters most to them until time runs out, and to settle, if at all, at the last moment. In the game, before the last round the AI counterpart will not agree the track that matters most to it for less than half of what it wants there, nor offer to; in the last round only the value of the whole package counts.',
    reading: RAIFFA,
  },
  {
    id: 'bluff',
    term: 'Bluff',
    aliases: ['bluffer', 'bluffing'],
    definition:
      'A threat or a demand that claims more resolve than a side really has. A bluffer opens high and threatens often; once the rounds run out or the risk passes what it will bear, its bluff is called and it settles. Calling a bluff pays against a bluffer, and is dangerous against a side that means what it says: telling the two apart is much of the art.',
    reading: SCHELLING,
  },
  {
    id: 'persona',
    term: 'Persona',
    definition:
      'The character of the AI counterpart, such as a hardliner, a pragmatist or a bluffer. A persona has a resolve, a tolerance for risk, a patience, a habit of bluffing or not, and a belief about what war would bring its side. It stays hidden during the game, as a real counterpart’s intentions would, and the debrief reveals it.',
  },
];

/** The ids of the built-in entries, which the AI's decisions may name. */
export const GLOSSARY_IDS: readonly string[] = BUILT_IN_GLOSSARY.map((entry) => entry.id);

/** Sorting by term: letters only, ignoring case, accents and leading punctuation. */
function sortKey(term: string): string {
  return term.replace(/^[^\p{L}\p{N}]+/u, '');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The glossary for a scenario: the game's own entries and the scenario's (which replace a
 * built-in entry of the same id), sorted by term. With no scenario, the game's own entries.
 */
export function glossaryOf(scenario?: Pick<Scenario, 'glossary' | 'meta'> | null): GlossaryTerm[] {
  const byId = new Map<string, GlossaryTerm>();
  for (const entry of BUILT_IN_GLOSSARY) byId.set(entry.id, { ...entry, aliases: entry.aliases ?? [], fromScenario: null, sources: [] });
  const sources = new Map((scenario?.meta.sources ?? []).map((source) => [source.id, source]));
  for (const entry of scenario?.glossary ?? []) {
    byId.set(entry.id, {
      id: entry.id,
      term: entry.term,
      aliases: entry.aliases,
      definition: entry.definition,
      fromScenario: scenario!.meta.title,
      sources: entry.sources.flatMap((id) => {
        const source = sources.get(id);
        return source ? [source.url ? { label: source.label, url: source.url } : { label: source.label }] : [];
      }),
    });
  }
  return [...byId.values()].sort((a, b) => collator.compare(sortKey(a.term), sortKey(b.term)) || collator.compare(a.id, b.id));
}

/** The entry with this id, if the glossary has one. */
export function glossaryEntry(glossary: readonly GlossaryTerm[], id: string): GlossaryTerm | null {
  return glossary.find((entry) => entry.id === id) ?? null;
}

/** Folds a text for matching: lower case, no accents, curly quotes made straight. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'").toLowerCase();
}

const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The entries a filter keeps: every word of the query must begin a word of the term, the
 * definition or the id (so "zeuth" and "reservation value" both find their entry, and "red" does
 * not find "considered"). An empty query keeps all, in order.
 */
export function filterGlossary(glossary: readonly GlossaryTerm[], query: string): GlossaryTerm[] {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return [...glossary];
  return glossary.filter((entry) => {
    const words = wordsOf(`${entry.term} ${entry.aliases.join(' ')} ${entry.id} ${entry.definition}`);
    return wanted.every((prefix) => words.some((word) => word.startsWith(prefix)));
  });
}
