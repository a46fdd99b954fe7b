/**
 * A small seeded pseudo-random number generator for the demo world.
 *
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain): one 32-bit state word, a period of 2^32,
 * good enough statistical quality for synthetic data and fast in plain JS (Math.imul). The seed is first
 * mixed with splitmix32 so neighbouring seeds (41, 42, 43) start from unrelated states.
 *
 * `fork(label)` derives an independent stream from the parent's seed and a label, so each phase of the
 * generator (people, ties, events, ...) draws from its own stream: changing how many events are generated
 * does not change who the people are. Cost: O(1) per draw.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to weights[i] (weights ≥ 0, not all zero). */
  weightedIndex(weights: readonly number[]): number;
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /**
   * A sampler for repeated weighted draws from fixed weights: O(n) to build, O(log n) per draw (binary
   * search over cumulative weights).
   */
  weightedSampler(weights: readonly number[]): () => number;
  /** Gaussian by Box–Muller. */
  normal(mean: number, sd: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Pareto (type I) with scale xm and shape alpha: heavy-tailed, ≥ xm. */
  pareto(xm: number, alpha: number): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[];
  /** k distinct items (or all of them if there are fewer), in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** An independent stream derived from this stream's seed and a label. */
  fork(label: string): Rng;
}

/** splitmix32 finaliser: spreads the bits of a 32-bit integer. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over a string, for fork labels. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new Error(`demo rng: seed must be a safe integer, got ${seed}`);
  // Fold the high bits of large seeds in, then mix.
  const seed32 = mix32((seed | 0) ^ Math.floor(seed / 0x100000000));
  return fromState(seed32);
}

function fromState(seed32: number): Rng {
  let state = seed32 >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const weightedIndex = (weights: readonly number[]): number => {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new Error('demo rng: weights must contain a positive value');
    let r = next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    // Floating-point slack: fall back to the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  };

  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  };

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('demo rng: cannot pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weightedIndex,
    weighted: (items, weights) => items[weightedIndex(weights)],
    weightedSampler: (weights) => {
      const cumulative = new Float64Array(weights.length);
      let total = 0;
      weights.forEach((w, i) => {
        if (!(w >= 0)) throw new Error(`demo rng: weights must be non-negative, got ${w}`);
        total += w;
        cumulative[i] = total;
      });
      if (!(total > 0)) throw new Error('demo rng: weights must contain a positive value');
      return () => {
        const r = next() * total;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cumulative[mid] > r) hi = mid;
          else lo = mid + 1;
        }
        return lo;
      };
    },
    normal: (mean, sd) => {
      const u1 = 1 - next(); // (0, 1]: keeps log finite
      const u2 = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    pareto: (xm, alpha) => xm / Math.pow(1 - next(), 1 / alpha),
    shuffled,
    sample: (items, k) => shuffled(items).slice(0, Math.max(0, k)),
    fork: (label) => fromState(mix32(seed32 ^ hashLabel(label))),
  };
}
