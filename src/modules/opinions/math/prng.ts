/**
 * A small seeded pseudo-random generator (mulberry32). The math engine never calls Math.random:
 * every random choice (the Lanczos start vector, k-means++ seeds) comes from here, so the same
 * votes and the same seed give the same opinion map, across runs and restarts.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A seed for a sub-task, derived from the main seed and a label, so sub-tasks do not share draws. */
export function deriveSeed(seed: number, label: number): number {
  let h = (seed ^ Math.imul(label + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
