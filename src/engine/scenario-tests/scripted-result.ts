/**
 * The result of a scripted case: every persona's answers counted, each way an expectation broke
 * said once with an example, the AI's reasons behind the first failing answer, and the seeds in
 * which the game ended before the offer.
 */
import type { Outcome, Positions } from '../rules/state.ts';
import type { Persona } from '../scenario/schema.ts';
import { plural, seedRuns, type CaseResult } from './result.ts';
import type { ScriptedCase } from './schema.ts';

/** One answer of one persona, for one seed and one package. */
export interface Trial {
  persona: string;
  seed: number;
  /** The round of the offer (1 is the first) and whether the persona responds or replies. */
  round: number;
  stage: 'response' | 'reply';
  offer: Positions;
  answer: string;
  counter: Positions | null;
  /** The positions the answer agrees to. */
  agreed: Positions;
  reasons: string[];
  /** What in this answer breaks the expectation; empty when it holds. */
  broken: string[];
}

export const packageText = (positions: Positions) =>
  Object.entries(positions)
    .map(([trackId, positionId]) => `${trackId}: ${positionId}`)
    .join(', ');

export function scriptedResult(
  item: ScriptedCase,
  personas: Persona[],
  trials: Trial[],
  ended: Map<number, Outcome>,
  errors: string[],
  packageCount: number,
): CaseResult {
  const failures: string[] = [...errors];
  const reasons: string[] = [];
  const tally: Record<string, Record<string, number>> = {};
  for (const persona of personas) {
    const own = trials.filter((trial) => trial.persona === persona.id);
    const counts: Record<string, number> = {};
    for (const trial of own) counts[trial.answer] = (counts[trial.answer] ?? 0) + 1;
    tally[persona.id] = counts;
    const broken = own.filter((trial) => trial.broken.length > 0);
    if (broken.length === 0) continue;
    failures.push(...brokenLines(persona, own, broken, packageCount));
    reasons.push(...firstReasons(persona, broken[0]!, packageCount));
  }
  const skipped = skippedNote(ended);
  if (trials.length === 0 && failures.length === 0) failures.push(`no seed reached the offer${skipped}`);
  const allowed = item.expect.answers ? ` (allowed: ${item.expect.answers.join(', ')})` : '';
  const scope = `${plural(item.seeds, 'seed')}${packageCount > 1 ? ` × ${packageCount} packages` : ''}`;
  return {
    name: item.name,
    kind: 'scripted',
    why: item.why ?? null,
    holds: failures.length === 0,
    summary: `${scope}: ${tallyText(tally)}${allowed}${skipped}`,
    failures,
    reasons,
    details: {
      side: item.side,
      personas: personas.map((persona) => persona.id),
      seeds: { first: item.firstSeed, count: item.seeds },
      packages: packageCount,
      answers: tally,
      endedBeforeOffer: Object.fromEntries(ended),
      failing: failingDetails(trials),
    },
  };
}

/** Each way a persona's answers broke the expectation, once, with how often and (over packages) an example. */
function brokenLines(persona: Persona, own: Trial[], broken: Trial[], packageCount: number): string[] {
  const out = (count: number, total: number) => (packageCount > 1 ? `${count} of ${total} answers` : `${count} of ${total} seeds`);
  const byBreak = new Map<string, Trial[]>();
  for (const trial of broken) {
    for (const what of trial.broken) byBreak.set(what, [...(byBreak.get(what) ?? []), trial]);
  }
  return [...byBreak].map(([what, which]) => {
    const example = which[0]!;
    const where = packageCount > 1 ? ` (e.g. seed ${example.seed}, offered ${packageText(example.offer)})` : '';
    return `${persona.id} ${what} in ${out(which.length, own.length)}${where}`;
  });
}

/** The first failing answer of a persona, and the AI's reasons behind it. */
function firstReasons(persona: Persona, first: Trial, packageCount: number): string[] {
  const offered = packageCount > 1 ? `, offered ${packageText(first.offer)}` : '';
  return [
    `${persona.id}, seed ${first.seed} (round ${first.round}, ${first.stage}${offered}): ${first.answer}${first.counter ? ` with ${packageText(first.counter)}` : ''}`,
    ...first.reasons.map((reason) => `  ${reason}`),
  ];
}

/**
 * A seed in which the game ends before the offer (an incident escalates during the line) asks
 * nothing of the personas: it is noted, and the case fails only if no seed reaches the offer.
 */
function skippedNote(ended: Map<number, Outcome>): string {
  if (ended.size === 0) return '';
  const bySeed = [...ended.entries()];
  const example = bySeed[0]![1];
  return `; the game ended before the offer in seed${ended.size === 1 ? '' : 's'} ${seedRuns(bySeed.map(([seed]) => seed))} (${example.kind} in round ${example.round + 1}: ${example.reason})`;
}

/** "hawk accept 3, reject 2; dove no answer". */
function tallyText(tally: Record<string, Record<string, number>>): string {
  return Object.entries(tally)
    .map(
      ([personaId, answers]) =>
        `${personaId} ${
          Object.entries(answers)
            .map(([answer, count]) => `${answer} ${count}`)
            .join(', ') || 'no answer'
        }`,
    )
    .join('; ');
}

/** The first failing answers, for the machine-readable report. */
function failingDetails(trials: Trial[]) {
  return trials
    .filter((trial) => trial.broken.length > 0)
    .slice(0, 50)
    .map(({ persona, seed, round, stage, offer, answer, counter, broken, reasons: why }) => ({
      persona,
      seed,
      round,
      stage,
      offer,
      answer,
      counter,
      broken,
      reasons: why,
    }));
}
