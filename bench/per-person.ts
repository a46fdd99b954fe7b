/**
 * Ranking metrics of bench/eval-introductions.ts that concern one person's own list of suggestions, and the paired
 * bootstrap behind its intervals. Pure functions of the pairs and their scores: no engine, no I/O.
 */

/** Cut-offs of the per-person lists: the first suggestion, and the panel's first screen of suggestions. */
export const PERSON_KS = [1, 10] as const;

/** Scored candidate pairs (a < b not required), with the tie-break every method shares (smaller first). */
export interface ScoredPairs {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  tiebreak: ArrayLike<number>;
}

export interface PerPerson {
  /** people with at least one positive (a new acquaintance in the window) */
  people: number;
  /** share of them with a new acquaintance among their own top k suggestions, k ∈ PERSON_KS */
  hitRate: Record<string, number>;
  /** mean reciprocal rank of each such person's first new acquaintance in their own list (0 when unscored) */
  mrr: number;
}

/**
 * The product's own question, per person: for each person in a positive pair (a new acquaintance in the window),
 * the rank of the best-placed of their new acquaintances in that person's own list of suggestions: the scored
 * pairs that include them, by score, ties by the pairs' shared tie-break. A positive pair that is not scored (no
 * common acquaintance) is in nobody's list, and a person whose positives are all unscored has rank Infinity.
 * `positives` are unordered pairs as [x, y]. Cost: O(P + m + Σ_x |list x| · |positives of x|).
 */
export function perPersonRanks(positives: Iterable<readonly [number, number]>, pairs: ScoredPairs, score: ArrayLike<number>): Map<number, number> {
  const partners = new Map<number, Set<number>>();
  const add = (x: number, y: number) => {
    let set = partners.get(x);
    if (set === undefined) partners.set(x, (set = new Set()));
    set.add(y);
  };
  for (const [x, y] of positives) {
    add(x, y);
    add(y, x);
  }
  const lists = new Map<number, number[]>();
  for (const x of partners.keys()) lists.set(x, []);
  for (let j = 0; j < pairs.a.length; j++) {
    lists.get(pairs.a[j])?.push(j);
    lists.get(pairs.b[j])?.push(j);
  }
  const ranks = new Map<number, number>();
  for (const [x, list] of lists) {
    const own = partners.get(x)!;
    let best = Number.POSITIVE_INFINITY;
    for (const j of list) {
      if (!own.has(pairs.a[j] === x ? pairs.b[j] : pairs.a[j])) continue;
      let rank = 1; // 1 + x's candidates ranked above j
      for (const q of list) {
        if (score[q] > score[j] || (score[q] === score[j] && pairs.tiebreak[q] < pairs.tiebreak[j])) rank++;
      }
      if (rank < best) best = rank;
    }
    ranks.set(x, best);
  }
  return ranks;
}

export function summarisePerPerson(ranks: Map<number, number>): PerPerson {
  const people = ranks.size;
  const all = [...ranks.values()];
  const hitRate: Record<string, number> = {};
  for (const k of PERSON_KS) hitRate[k] = people > 0 ? all.filter((r) => r <= k).length / people : 0;
  const mrr = people > 0 ? all.reduce((acc, r) => acc + 1 / r, 0) / people : 0;
  return { people, hitRate, mrr };
}

export interface BootstrapDifference {
  /** Σ of the per-item differences */
  observed: number;
  /** 2.5 % and 97.5 % quantiles of the same sum over resampled items */
  interval: [number, number];
  /** share of resamples in which the sum is above 0 */
  ahead: number;
}

/**
 * Paired bootstrap of Σ delta: the items (positive pairs, or people) are resampled with replacement, both methods'
 * outcomes on each item kept together. It says how much of an observed difference is the luck of a few items.
 */
export function pairedBootstrap(delta: readonly number[], resamples: number, rng: () => number): BootstrapDifference {
  const observed = delta.reduce((acc, d) => acc + d, 0);
  const draws: number[] = [];
  let ahead = 0;
  for (let b = 0; b < resamples; b++) {
    let d = 0;
    for (let q = 0; q < delta.length; q++) d += delta[Math.floor(rng() * delta.length)];
    draws.push(d);
    if (d > 0) ahead++;
  }
  draws.sort((x, y) => x - y);
  const at = (q: number) => draws[Math.min(draws.length - 1, Math.floor(q * draws.length))];
  return { observed, interval: [at(0.025), at(0.975)], ahead: resamples > 0 ? ahead / resamples : 0 };
}
