/**
 * The sides' meters (leverage, standing, credibility, cohesion, forces) and the effects that
 * move them. Every change is recorded with its named factors in the round's record.
 */
import type { Effects, PostureMove } from '../scenario/schema.ts';
import { applyFactors } from './change.ts';
import type { Factor, GameState, Meter, RoundRecord } from './state.ts';

const BOUNDS: Record<Meter, [number, number]> = {
  leverage: [0, 100],
  standing: [0, 100],
  credibility: [0, 100],
  cohesion: [0, 100],
  forces: [0, 1000],
};

/** Factors waiting to be applied, per side and meter. */
export type PendingMeters = Record<string, Partial<Record<Meter, Factor[]>>>;

export function addMeterFactor(pending: PendingMeters, side: string, meter: Meter, factor: Factor): void {
  if (factor.value === 0) return;
  const bySide = (pending[side] ??= {});
  (bySide[meter] ??= []).push(factor);
}

/** Applies pending factors to the state's sides and merges the changes into the round record. */
export function applyMeters(state: GameState, record: RoundRecord, pending: PendingMeters): void {
  for (const [side, meters] of Object.entries(pending)) {
    const sideState = state.sides[side];
    if (!sideState) continue;
    for (const [meter, factors] of Object.entries(meters) as [Meter, Factor[]][]) {
      const [low, high] = BOUNDS[meter];
      const change = applyFactors(sideState[meter], factors, low, high);
      if (change.factors.length === 0) continue;
      sideState[meter] = change.to;
      const recorded = (record.meters[side] ??= {});
      const earlier = recorded[meter];
      recorded[meter] = earlier ? { from: earlier.from, to: change.to, factors: [...earlier.factors, ...change.factors] } : change;
    }
  }
}

/** Adds the side effects of an event or a move to the pending meters. */
export function addEffects(
  pending: PendingMeters,
  effects: Effects,
  id: string,
  label: string,
  scale: (side: string, meter: Meter, value: number) => number = (_s, _m, value) => value,
): void {
  for (const [side, changes] of Object.entries(effects.sides ?? {})) {
    for (const [meter, value] of Object.entries(changes) as [Meter, number | undefined][]) {
      if (value !== undefined) addMeterFactor(pending, side, meter, { id, label, value: scale(side, meter, value) });
    }
  }
}

/**
 * A posture move's effects on the meters. Threats and build-ups buy leverage only as far as the
 * side is believed: their leverage gain is scaled by its credibility.
 */
export function addMoveEffects(state: GameState, pending: PendingMeters, move: PostureMove): void {
  const coercive = move.kind === 'threat' || move.kind === 'build-up';
  const credibility = state.sides[move.side]?.credibility ?? 100;
  const label = coercive ? `${move.name} (believed at ${Math.round(credibility)}%)` : move.name;
  addEffects(pending, move.effects, `move:${move.id}`, label, (side, meter, value) =>
    coercive && side === move.side && meter === 'leverage' && value > 0 ? (value * credibility) / 100 : value,
  );
}
