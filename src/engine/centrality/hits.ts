/**
 * HITS hubs and authorities (Kleinberg, "Authoritative sources in a hyperlinked environment", JACM 46, 1999).
 *
 * A good hub points at good authorities, a good authority is pointed at by good hubs: with A the weighted
 * adjacency matrix (A[u][v] = w(u→v)), authorities a are the principal eigenvector of AᵀA (the top right
 * singular vector of A) and hubs h = A a. Both are scaled to sum to 1, as networkx `hits(normalized=True)`.
 * On an influence graph with edges influencer → influenced, hubs are the influencers and authorities the
 * influenced. On a connected, non-bipartite undirected graph hubs equal authorities.
 *
 * networkx finds the singular vector with ARPACK (`svds`, random start); we power-iterate a ← AᵀA a from the
 * uniform vector, normalising to sum 1 each time, until the L1 change is below `tolerance`. The two agree
 * whenever the top singular value is simple (on a connected graph unless it is bipartite; where it is not,
 * ARPACK's answer depends on its random start and ours on the uniform one). Weights: networkx's hits reads the
 * `weight` attribute (through `adjacency_matrix`), so the default here is 'weight' too.
 *
 * Why our own kernel: graphology-metrics' hits rebuilds its index each call and throws on non-convergence.
 * Cost: O(n + arcs) per iteration (two sparse products), ~log(tolerance)/log((σ₂/σ₁)²) iterations; memory 3
 * Float64 vectors of n plus the cached CSR.
 */
import { type AnyGraph, type EdgeWeight, assertGraph, csrOf, toRecord } from '../csr.ts';
import { checkInteger, checkNonNegativeWeights, checkNumber, withDefaults } from './common.ts';

export interface HitsOptions {
  /** default 'weight' (missing attribute = 1), as networkx; null for unweighted */
  getEdgeWeight?: EdgeWeight;
  /** stop when the L1 change of the authority vector is below this (default 1e-12) */
  tolerance?: number;
  /** iteration cap, default 10000 */
  maxIterations?: number;
}

export const DEFAULTS: Required<HitsOptions> = {
  getEdgeWeight: 'weight',
  tolerance: 1e-12,
  maxIterations: 10000,
};

export interface HitsResult {
  /** sum to 1 (all 0 when the graph has no edges) */
  hubs: Record<string, number>;
  /** sum to 1 (all 0 when the graph has no edges) */
  authorities: Record<string, number>;
  iterations: number;
  converged: boolean;
  residual: number;
}

const MODULE = 'hits';

export function hits(graph: AnyGraph, options?: HitsOptions): HitsResult {
  assertGraph(graph, MODULE);
  const o = withDefaults(DEFAULTS, options);
  const tolerance = checkNumber(MODULE, 'tolerance', o.tolerance, 0, Infinity);
  const maxIterations = checkInteger(MODULE, 'maxIterations', o.maxIterations, 1);
  const csr = csrOf(graph, { getEdgeWeight: o.getEdgeWeight });
  checkNonNegativeWeights(MODULE, csr);
  const n = csr.order;
  const { outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = csr;

  // h = A a: h(u) = Σ_{u→v} w a(v).
  const hubsOf = (a: Float64Array, h: Float64Array): void => {
    for (let u = 0; u < n; u++) {
      let sum = 0;
      for (let k = outOffsets[u], end = outOffsets[u + 1]; k < end; k++) sum += outWeights[k] * a[outTargets[k]];
      h[u] = sum;
    }
  };

  let a = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const h = new Float64Array(n);
  let iterations = 0;
  let residual = n === 0 ? 0 : Infinity;
  let converged = n === 0;
  while (!converged && iterations < maxIterations) {
    hubsOf(a, h);
    // a' = Aᵀ h: a'(v) = Σ_{u→v} w h(u).
    let total = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = inOffsets[v], end = inOffsets[v + 1]; k < end; k++) sum += inWeights[k] * h[inSources[k]];
      next[v] = sum;
      total += sum;
    }
    residual = 0;
    for (let v = 0; v < n; v++) {
      next[v] = total > 0 ? next[v] / total : 0;
      residual += Math.abs(next[v] - a[v]);
    }
    const previous = a;
    a = next;
    next = previous;
    iterations++;
    if (residual < tolerance) converged = true;
  }

  hubsOf(a, h);
  let hubTotal = 0;
  for (let u = 0; u < n; u++) hubTotal += h[u];
  for (let u = 0; u < n; u++) h[u] = hubTotal > 0 ? h[u] / hubTotal : 0;
  return { hubs: toRecord(csr, h), authorities: toRecord(csr, a), iterations, converged, residual };
}
