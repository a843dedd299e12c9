/** What running one scenario test gives: whether it holds, what happened, and why not. */
import type { TestCase } from './schema.ts';

export interface CaseResult {
  name: string;
  kind: TestCase['kind'];
  /** The author's reason the case must hold, printed when it fails. */
  why: string | null;
  holds: boolean;
  /** What happened, in one line. */
  summary: string;
  /** When the case fails: what went wrong, one sentence each. */
  failures: string[];
  /** For scripted cases that fail: the AI's reasons behind failing answers, in plain sentences. */
  reasons: string[];
  /** The figures behind the result, for the machine-readable report. */
  details: Record<string, unknown>;
}

export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
export const fmt = (value: number) => value.toFixed(1);
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Seeds as short runs: "1-5, 8, 10-12". */
export function seedRuns(seeds: readonly number[]): string {
  const sorted = [...new Set(seeds)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    runs.push(start === sorted[i] ? String(start) : `${start}-${sorted[i]}`);
  }
  return runs.join(', ');
}
