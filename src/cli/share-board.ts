/**
 * The shares of a parallel run and a counter in shared memory from which every thread claims the
 * next one by itself (an atomic add), so no thread waits on another to be handed work.
 */
export interface ShareBoard {
  shares: [number, number][];
  counter: SharedArrayBuffer;
}

export function shareBoard(from: number, to: number, size: number): ShareBoard {
  const shares: [number, number][] = [];
  for (let start = from; start < to; start += size) shares.push([start, Math.min(to, start + size)]);
  return { shares, counter: new SharedArrayBuffer(4) };
}

/** Plays shares until the board is empty. */
export function claimShares(board: ShareBoard, play: (share: number, from: number, to: number) => void): void {
  const counter = new Int32Array(board.counter);
  for (let share = Atomics.add(counter, 0, 1); share < board.shares.length; share = Atomics.add(counter, 0, 1)) {
    const [from, to] = board.shares[share]!;
    play(share, from, to);
  }
}
