/**
 * The debrief's account of the AI: its persona revealed with its belief about war, and round by
 * round the narration with each decision's reasons in plain sentences (the raw numbers folded
 * away). Terms of art are linked to the glossary once per block; `open` follows a link.
 */
import type { GlossaryTerm } from '../../../engine/glossary.ts';
import type { Decision, GameState } from '../../../engine/rules/state.ts';
import type { Persona, Scenario } from '../../../engine/scenario/schema.ts';
import { narrateRound } from '../../../engine/session/narrate.ts';
import { el } from '../../ui/dom.ts';
import { termLink, termText, type OpenTerm } from '../../ui/term-text.ts';
import { decisionsByRound, decisionView, termLinks, warBeliefLines, type TermLink } from '../../view/debrief-view.ts';

/**
 * "In the glossary: A, B." for the entries behind a block that its text has not linked already
 * (`linked`); nothing when none is left.
 */
function glossaryLinks(links: TermLink[], open: OpenTerm, linked: ReadonlySet<string>): HTMLElement | null {
  const left = links.filter((link) => !linked.has(link.id));
  if (left.length === 0) return null;
  return el(
    'p',
    { class: 'term-links' },
    'In the glossary: ',
    ...left.flatMap((link, i) => [i > 0 ? ', ' : null, termLink(link.id, link.term, open)]),
    '.',
  );
}

/** The AI's persona revealed, with its belief about war; one block for the glossary's links. */
export function personaSection(persona: Persona, glossary: readonly GlossaryTerm[], open: OpenTerm): HTMLElement {
  const belief = warBeliefLines(persona);
  const linked = new Set<string>();
  const linkedText = (text: string) => termText(text, glossary, open, linked);
  return el(
    'section',
    { class: 'persona' },
    el('h2', { text: `Your counterpart was: ${persona.name}` }),
    el('p', {}, ...linkedText(persona.description)),
    belief
      ? el(
          'div',
          { class: 'war-belief' },
          el('h3', { text: 'What it believed war would bring' }),
          el('p', {}, ...linkedText(belief.text)),
          el('p', { class: 'meta', text: belief.numbers }),
        )
      : null,
    el('p', {
      class: 'meta',
      text: `Resolve ${persona.resolve}, risk tolerance ${persona.riskTolerance}, patience ${persona.patience}, bluffing ${persona.bluff}.`,
    }),
    glossaryLinks(termLinks(glossary, belief ? ['persona', 'outside-option'] : ['persona']), open, linked),
  );
}

function decisionBlock(scenario: Scenario, decision: Decision, glossary: readonly GlossaryTerm[], open: OpenTerm): HTMLElement {
  const view = decisionView(scenario, decision, glossary);
  // The reasons are one block: each term is linked where it first appears in them.
  const linked = new Set<string>();
  return el(
    'div',
    { class: 'ai-reasons' },
    el('h3', { text: view.heading }),
    el('ul', {}, ...view.reasons.map((reason) => el('li', {}, ...termText(reason, glossary, open, linked)))),
    glossaryLinks(view.terms, open, linked),
    el(
      'details',
      { class: 'numbers' },
      el('summary', { text: 'The numbers' }),
      el('dl', {}, ...view.numbers.flatMap((row) => [el('dt', { text: row.label }), el('dd', { text: row.value })])),
    ),
  );
}

/** Every round, folded but for the last: its narration and the AI's decisions in it. */
export function roundsSection(scenario: Scenario, game: GameState, glossary: readonly GlossaryTerm[], open: OpenTerm): HTMLElement {
  const decisions = decisionsByRound(game);
  return el(
    'section',
    { class: 'decisions' },
    el('h2', { text: 'Round by round' }),
    ...game.rounds.map((record) => {
      const lines = narrateRound(scenario, record);
      return el(
        'details',
        { attrs: { open: record.round === game.round } },
        el('summary', { text: lines[0]! }),
        el('pre', { class: 'narration', text: lines.slice(1).join('\n') }),
        ...(decisions.get(record.round) ?? []).map((decision) => decisionBlock(scenario, decision, glossary, open)),
      );
    }),
  );
}
