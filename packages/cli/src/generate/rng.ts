/**
 * A seeded pseudo-random source. The generator draws every choice from one of these, never from
 * `Math.random`, so that a seed names a corpus: the same seed gives the same bytes on every run and
 * every runtime.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements (all of them when there are fewer), in a random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

// sfc32 (Chris Doty-Humphrey's small fast chaotic PRNG): 128 bits of state, 32-bit integer math
// only, so it gives the same stream in every JavaScript engine.
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

// splitmix32's finaliser: spreads a small number (0, 1, 2...) over all 32 bits.
function spread(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * Creates the stream for a seed (taken modulo 2^32) and a stream number, so that each post of a
 * corpus has a stream of its own and post 7 of seed 1 is the same whatever the corpus size.
 */
export function createRng(seed: number, stream = 0): Rng {
  const a = spread(seed >>> 0);
  const b = spread(stream >>> 0);
  // Discarded rounds let sfc32 leave its start-up pattern behind.
  const next = sfc32(a, b, spread(a ^ 0x5bd1e995), spread(b ^ 0x1b873593));
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('rng.pick needs a non-empty list');
      return items[int(0, items.length - 1)] as T;
    },
    sample: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = int(0, i);
        [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
      }
      return pool.slice(0, Math.max(0, count));
    },
  };
}
