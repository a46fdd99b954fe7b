/**
 * Seeded randomness for the engine, so every result is reproducible from its options (STYLE.md rule 7):
 * betweenness pivots, Louvain's visiting order, layout jitter, the sampling of hub neighbourhoods.
 *
 * `seededRng`: mulberry32 (Tommy Ettinger, public domain), 32-bit state, period 2^32, uniform on [0, 1) with
 * 32-bit resolution. `hashUnit`: a stateless uniform in [0, 1) from (seed, x, y), for per-pair choices.
 * Not for cryptography. O(1) per draw, no allocation.
 */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
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
