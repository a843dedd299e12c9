/**
 * The AI's posture move and tone, chosen to fit what it decided: no threat with an acceptance,
 * no reassurance or conciliation with a walk-out. Within that, the persona shows: coercion while
 * the risk is bearable to it (or when it bluffs), restraint past its tolerance, consultation when
 * its alliance frays.
 */
import type { Dice } from '../random.ts';
import type { Persona, PostureMove, Scenario, Tone } from '../scenario/schema.ts';
import type { GameState } from '../rules/state.ts';

/** What the AI is doing this turn: tabling (holding or conceding) or answering. */
export type Intent = 'hold' | 'concede' | 'accept' | 'accept-some' | 'reject' | 'walkout';

export interface Stance {
  posture: PostureMove | null;
  tone: Tone;
  reason: string;
  terms: string[];
}

/** Cohesion below which a moderate persona consults its allies first: a little over half, so it acts before the alliance is split. */
const COHESION_WORRY = 55;

/**
 * Resolve from which a persona presses without bluffing: the hawks and hardliners (0.8 and up in
 * the scenarios), not the pragmatists (0.5) or the middle personas (0.6), who press only when they bluff.
 */
const PRESSING_RESOLVE = 0.7;

/** The posture kinds and tones that fit each intent, most pressing first. */
const FITS: Record<Intent, { pressure: Tone | null; calm: Tone }> = {
  hold: { pressure: 'belligerent', calm: 'firm' },
  concede: { pressure: 'firm', calm: 'conciliatory' },
  accept: { pressure: null, calm: 'conciliatory' },
  'accept-some': { pressure: null, calm: 'conciliatory' },
  reject: { pressure: 'belligerent', calm: 'firm' },
  walkout: { pressure: 'belligerent', calm: 'firm' },
};

export function chooseStance(scenario: Scenario, state: GameState, side: string, persona: Persona, dice: Dice, intent: Intent): Stance {
  const moves = scenario.postureMoves.filter((move) => move.side === side);
  const best = (kinds: PostureMove['kind'][], score: (move: PostureMove) => number) =>
    moves.filter((move) => kinds.includes(move.kind)).sort((a, b) => score(b) - score(a))[0] ?? null;
  const leverageGain = (move: PostureMove) => move.effects.sides?.[side]?.leverage ?? 0;
  const calming = (move: PostureMove) => -(move.effects.risk ?? 0) + leverageGain(move);
  const tolerance = persona.riskTolerance * 100;
  const bluffing = dice.roll() < persona.bluff;
  const fit = FITS[intent];
  const settling = intent === 'accept' || intent === 'accept-some';
  const leaving = intent === 'walkout';

  if (state.risk >= tolerance && !leaving) {
    return {
      posture: best(['de-escalation', 'reassurance'], calming),
      tone: intent === 'hold' || intent === 'reject' ? 'firm' : 'conciliatory',
      reason: `The risk (${state.risk.toFixed(0)}) is past what this counterpart will bear (${tolerance.toFixed(0)}): it signals restraint.`,
      terms: ['escalation-band'],
    };
  }
  if (fit.pressure && (persona.resolve >= PRESSING_RESOLVE || bluffing)) {
    return {
      posture: intent === 'concede' ? null : best(['threat', 'build-up'], leverageGain),
      tone: fit.pressure,
      reason: bluffing
        ? 'It bluffs: it raises the pressure with a threat it may not mean.'
        : intent === 'concede'
          ? 'It gives ground without softening its voice.'
          : 'Its resolve is high and the risk bearable to it: it raises the pressure.',
      terms: bluffing ? ['bluff', 'posture-move', 'audience-costs'] : ['posture-move', 'audience-costs'],
    };
  }
  if (!settling && !leaving && state.sides[side]!.cohesion < COHESION_WORRY) {
    return {
      posture: best(['consultation'], (move) => move.effects.sides?.[side]?.cohesion ?? 0),
      tone: fit.calm,
      reason: 'It shores up its alliance first.',
      terms: ['alliance-cohesion'],
    };
  }
  if (settling || intent === 'concede') {
    return {
      posture: best(['reassurance', 'de-escalation'], calming),
      tone: fit.calm,
      reason: settling ? 'It pairs the deal with a gesture of reassurance.' : 'It pairs its concession with reassurance.',
      terms: ['posture-move'],
    };
  }
  return {
    posture: null,
    tone: fit.calm,
    reason: leaving ? 'It leaves without further threats.' : 'It holds its posture.',
    terms: [],
  };
}
