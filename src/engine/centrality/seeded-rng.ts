/**
 * A seeded pseudo-random generator for the engine's sampling (betweenness pivots, Louvain's random walk), so
 * every result is reproducible from its options (STYLE.md rule 7).
 *
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, uniform on [0, 1) with 32-bit
 * resolution. Plenty for choosing pivots; not for cryptography. O(1) per draw.
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
