/**
 * Eigenvector centrality: a node is central when central nodes point at it.
 *
 * x is the principal eigenvector of Aᵀ (x(v) ∝ Σ_{u→v} w(u,v) x(u); on an undirected graph simply of A),
 * found as networkx `eigenvector_centrality` does: power iteration on (A + I)ᵀ, whose identity shift makes it
 * converge on bipartite graphs too, from x = 1/n, L2-normalised after every step. Bonacich, "Power and
 * centrality: a family of measures", American Journal of Sociology 92 (1987). For a directed graph this uses
 * in-edges, like networkx; `direction: 'reverse'` uses out-edges (on an influencer → influenced graph, a node is
 * central when it influences central nodes).
 *
 * networkx stops when the L1 change is below n·tol; we stop below `tolerance` itself (default 1e-12) and return
 * `converged: false` at the cap instead of throwing (GOTCHAS.md). Weights default to none, as in networkx.
 *
 * Why our own kernel: graphology-metrics rebuilds its index on every call and throws on non-convergence.
 * Cost: O(n + arcs) per iteration; memory 2 Float64 vectors of n plus the cached CSR.
 */
import { type AnyGraph, type EdgeWeight, type FlowDirection, assertGraph, csrOf, orient, toRecord } from '../csr.ts';
import { type IterativeResult, checkInteger, checkNonNegativeWeights, checkNumber, checkOneOf, withDefaults } from './common.ts';

export interface EigenvectorOptions {
  /** default null (unweighted, as networkx); an attribute name or function to weight the adjacency matrix */
  getEdgeWeight?: EdgeWeight;
  /** 'out' (score from in-edges, networkx, default) or 'reverse' (score from out-edges) */
  direction?: FlowDirection;
  /** stop when the L1 change of one iteration is below this (default 1e-12) */
  tolerance?: number;
  /** iteration cap, default 1000 */
  maxIterations?: number;
}

export const DEFAULTS: Required<EigenvectorOptions> = {
  getEdgeWeight: null,
  direction: 'out',
  tolerance: 1e-12,
  maxIterations: 1000,
};

const MODULE = 'eigenvector';

export function eigenvector(graph: AnyGraph, options?: EigenvectorOptions): IterativeResult {
  assertGraph(graph, MODULE);
  const o = withDefaults(DEFAULTS, options);
  const direction = checkOneOf(MODULE, 'direction', o.direction, ['out', 'reverse'] as const);
  const tolerance = checkNumber(MODULE, 'tolerance', o.tolerance, 0, Infinity);
  const maxIterations = checkInteger(MODULE, 'maxIterations', o.maxIterations, 1);
  const csr = orient(csrOf(graph, { getEdgeWeight: o.getEdgeWeight }), direction);
  checkNonNegativeWeights(MODULE, csr);
  const n = csr.order;
  if (n === 0) return { scores: {}, iterations: 0, converged: true, residual: 0 };

  const { inOffsets, inSources, inWeights } = csr;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let iterations = 0;
  let residual = Infinity;
  let converged = false;
  while (iterations < maxIterations) {
    let squares = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v];
      for (let k = inOffsets[v], end = inOffsets[v + 1]; k < end; k++) sum += x[inSources[k]] * inWeights[k];
      next[v] = sum;
      squares += sum * sum;
    }
    const norm = Math.sqrt(squares) || 1;
    residual = 0;
    for (let v = 0; v < n; v++) {
      next[v] /= norm;
      residual += Math.abs(next[v] - x[v]);
    }
    const previous = x;
    x = next;
    next = previous;
    iterations++;
    if (residual < tolerance) {
      converged = true;
      break;
    }
  }
  return { scores: toRecord(csr, x), iterations, converged, residual };
}
