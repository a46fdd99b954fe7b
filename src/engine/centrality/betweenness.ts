/**
 * Shortest-path betweenness centrality, exact or from sampled pivots.
 *
 * B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st, the share of shortest s–t paths (in hops) through v, by Brandes'
 * algorithm: one breadth-first search per source s counting paths σ, then dependencies accumulated in reverse
 * order, δ(v) = Σ_{w: v pred of w} σ_v/σ_w · (1 + δ(w)). Brandes, "A faster algorithm for betweenness
 * centrality", J. Math. Sociology 25 (2001). Directed graphs follow arcs, as networkx does.
 *
 * Sampled (`samples: k < n`): only k pivot sources, drawn without replacement by the seeded `rng`, and the
 * sums rescaled to estimate the full one (Brandes & Pich, "Centrality estimation in large networks", IJBC
 * 2007). Scaling is networkx 3.6's: with normalisation, 1/(k(n−2)) for nodes that were not pivots and
 * 1/((k−1)(n−2)) for pivots (a pivot cannot lie inside its own paths), so k = n gives the exact values.
 *
 * Normalisation (networkx `normalized=True`, default): divided by (n−1)(n−2), the ordered pairs that could pass
 * through v; undirected sums count each pair from both ends, so this is the usual 2/((n−1)(n−2)) there.
 * Unnormalised undirected values are halved, as networkx.
 *
 * Why our own (GOTCHAS.md): graphology-metrics counts paths in a Uint32Array (they overflow on grids: values of
 * 1e8), reads the `weight` attribute as a length unless told otherwise, and has no sampling. Here path counts
 * are Float64, paths are hop counts (an influence weight is a strength, not a length), and the search runs on
 * the cached CSR. Cost: O(k · (n + arcs)) time for k sources (k = n exact), O(n) memory.
 */
import { type AnyGraph, assertGraph, csrOf, toRecord } from '../csr.ts';
import { type Rng, seededRng } from '../rng.ts';
import { CentralityInputError } from './errors.ts';
import { checkInteger, withDefaults } from './common.ts';

export interface BetweennessOptions {
  /** number of pivot sources to sample; null (default) for exact betweenness over all n sources */
  samples?: number | null;
  /** seed of the default pivot generator (default 0) */
  seed?: number;
  /** a generator in [0, 1) to draw pivots with instead of the seeded one */
  rng?: Rng | null;
  /** divide by (n−1)(n−2), as networkx (default true) */
  normalized?: boolean;
}

export const DEFAULTS: Required<BetweennessOptions> = {
  samples: null,
  seed: 0,
  rng: null,
  normalized: true,
};

const MODULE = 'betweenness';

export function betweenness(graph: AnyGraph, options?: BetweennessOptions): Record<string, number> {
  assertGraph(graph, MODULE);
  const o = withDefaults(DEFAULTS, options);
  const csr = csrOf(graph, { getEdgeWeight: null });
  const n = csr.order;

  let pivots: Uint32Array | null = null;
  if (o.samples !== null) {
    const k = checkInteger(MODULE, 'samples', o.samples, 1);
    if (k < n) {
      if (o.rng !== null && typeof o.rng !== 'function') throw new CentralityInputError(MODULE, 'rng must be a function');
      pivots = samplePivots(n, k, o.rng ?? seededRng(checkInteger(MODULE, 'seed', o.seed, 0)));
    }
  }

  const { outOffsets, outTargets } = csr;
  const centrality = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  // (1 + δ(w)) / σ(w), once w's dependency is complete: what each shortest path into w carries back.
  const carried = new Float64Array(n);
  const order = new Uint32Array(n);

  const sourceCount = pivots === null ? n : pivots.length;
  for (let p = 0; p < sourceCount; p++) {
    const s = pivots === null ? p : pivots[p];
    distance[s] = 0;
    paths[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = order[head++];
      const next = distance[u] + 1;
      const pathsU = paths[u];
      for (let k = outOffsets[u], end = outOffsets[u + 1]; k < end; k++) {
        const v = outTargets[k];
        const dv = distance[v];
        if (dv < 0) {
          distance[v] = next;
          paths[v] = pathsU;
          order[tail++] = v;
        } else if (dv === next) {
          paths[v] += pathsU;
        }
      }
    }
    // Reverse visiting order: each node pulls from its successors on shortest paths, all complete by then.
    // δ(v) = σ(v) Σ_{v→w, d(w) = d(v)+1} (1 + δ(w))/σ(w): one division per node, no scattered writes.
    for (let i = tail - 1; i >= 0; i--) {
      const v = order[i];
      const next = distance[v] + 1;
      let sum = 0;
      for (let k = outOffsets[v], end = outOffsets[v + 1]; k < end; k++) {
        const w = outTargets[k];
        if (distance[w] === next) sum += carried[w];
      }
      const dependency = paths[v] * sum;
      carried[v] = (1 + dependency) / paths[v];
      if (i > 0) centrality[v] += dependency;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      distance[v] = -1;
      paths[v] = 0;
    }
  }

  rescale(centrality, n, csr.directed, o.normalized, pivots);
  return toRecord(csr, centrality);
}

/** k distinct nodes by a partial Fisher–Yates shuffle. */
function samplePivots(n: number, k: number, rng: Rng): Uint32Array {
  const nodes = new Uint32Array(n);
  for (let i = 0; i < n; i++) nodes[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const swap = nodes[i];
    nodes[i] = nodes[j];
    nodes[j] = swap;
  }
  return nodes.slice(0, k);
}

/** networkx 3.6 `_rescale` with endpoints excluded. */
function rescale(centrality: Float64Array, n: number, directed: boolean, normalized: boolean, pivots: Uint32Array | null): void {
  const pairs = n - 1;
  if (pairs < 2) return;
  const correction = directed ? 1 : 2;
  if (pivots === null) {
    const scale = normalized ? 1 / (pairs * (pairs - 1)) : 1 / correction;
    for (let v = 0; v < n; v++) centrality[v] *= scale;
    return;
  }
  const k = pivots.length;
  // k = 1: a lone pivot has no pairs to lie on, so networkx gives it NaN.
  const scaleSource = k > 1 ? (normalized ? 1 / ((k - 1) * (pairs - 1)) : pairs / ((k - 1) * correction)) : Number.NaN;
  const scaleOther = normalized ? 1 / (k * (pairs - 1)) : pairs / (k * correction);
  const isPivot = new Uint8Array(n);
  for (const p of pivots) isPivot[p] = 1;
  for (let v = 0; v < n; v++) centrality[v] *= isPivot[v] ? scaleSource : scaleOther;
}
