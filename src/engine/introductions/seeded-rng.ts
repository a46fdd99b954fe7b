/**
 * A small seeded pseudo-random generator (mulberry32, Tommy Ettinger's 32-bit mixer) and a stateless pair hash,
 * so that every random choice in the introductions engine (Louvain's visiting order, the sampling of hub
 * neighbourhoods) is reproducible from a seed. Cost: O(1) per draw, no allocation.
 */

/** Returns a function yielding uniform floats in [0, 1), fully determined by `seed`. */
export function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform float in [0, 1) determined by (seed, x, y): stateless, for per-pair deterministic choices. */
export function hashUnit(seed: number, x: number, y: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(x + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) ^ Math.imul(y + 0x2545f491, 0x846ca68b);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
