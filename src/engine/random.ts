/**
 * The seeded generator. Its whole state is one 32-bit integer kept inside the game state, so a
 * saved state resumes the same sequence. Mulberry32: tiny, fast and good enough for dice.
 */
export type RandomState = number;

export interface Draw {
  /** A number in [0, 1). */
  value: number;
  next: RandomState;
}

export function draw(state: RandomState): Draw {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, next };
}

/** Turns any integer or text seed into a generator state. */
export function seedState(seed: number | string): RandomState {
  const text = String(seed);
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** A mutable cursor over the generator for code that draws several numbers in a row. */
export class Dice {
  constructor(public state: RandomState) {}

  roll(): number {
    const { value, next } = draw(this.state);
    this.state = next;
    return value;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.roll() * items.length)] as T;
  }
}
