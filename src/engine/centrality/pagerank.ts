/**
 * PageRank, optionally personalised by a seed set, by power iteration over the graph's CSR.
 *
 * Computes the stationary distribution of a surfer who follows an out-arc u→v with probability
 * α·w(u,v)/W(u) (W(u) = summed out-weight of u) and otherwise jumps to a node drawn from the personalisation
 * vector p (uniform without seeds):
 *     x'(v) = α Σ_{u→v} x(u) w(u,v)/W(u)  +  α D(x) d(v)  +  (1−α) p(v),     D(x) = Σ_{u dangling} x(u)
 * where a dangling node (W(u) = 0) hands its mass to the dangling distribution d: p by default, as networkx
 * does when `dangling` is not given, or uniform. Page, Brin, Motwani & Winograd, "The PageRank citation
 * ranking: bringing order to the Web" (1999); personalised PageRank as trust propagation from known-good
 * seeds: Gyöngyi, Garcia-Molina & Pedersen, "Combating web spam with TrustRank" (VLDB 2004). A ring of
 * accounts that rate each other up can keep the rank that enters it, but little enters when the jumps land on
 * seeds outside it.
 *
 * `direction: 'reverse'` runs it on the reversed graph: rank accumulates at the sources of edges. On an
 * influence graph whose edges run influencer → influenced, that ranks influencers ("influence PageRank").
 *
 * Matches networkx `pagerank` (same start x = 1/n, same update): networkx stops when the L1 change is below
 * n·tol; we stop when it is below `tolerance` itself (default 1e-12, ≈ networkx's tol = 1e-12/n), because
 * n·1e-6 stops after 2–3 iterations on large graphs (GOTCHAS.md). No throw on non-convergence: the result
 * says `converged: false` and keeps the last iterate.
 *
 * Why our own kernel: graphology-metrics' pagerank rebuilds its index on every call and throws away the
 * result when it does not converge (GOTCHAS.md); it has no personalisation. Cost: O(n + arcs) per
 * iteration, ~log(tolerance)/log(α) iterations (≈170 at the defaults); memory 4 Float64 vectors of n plus the
 * cached CSR (`csrOf`).
 */
import { type AnyGraph, type Csr, type EdgeWeight, type FlowDirection, assertGraph, csrOf, orient, toRecord } from '../csr.ts';
import { CentralityInputError } from './errors.ts';
import { type IterativeResult, checkInteger, checkNonNegativeWeights, checkNumber, checkOneOf, withDefaults } from './common.ts';

/** Seed nodes, each weighing 1, or seed weights by node key (≥ 0, not all 0; missing nodes weigh 0). */
export type Seeds = readonly string[] | Readonly<Record<string, number>>;

export interface PagerankOptions {
  /** default 'weight' (missing attribute = 1); null for unweighted */
  getEdgeWeight?: EdgeWeight;
  /** damping factor α, default 0.85 */
  alpha?: number;
  /** 'out' (rank flows along edges, default) or 'reverse' (rank accumulates at edge sources) */
  direction?: FlowDirection;
  /** personalisation: jumps land on these nodes only; null (default) for uniform jumps */
  seeds?: Seeds | null;
  /** where dangling nodes' mass goes: 'personalization' (the jump distribution; networkx default) or 'uniform' */
  dangling?: 'personalization' | 'uniform';
  /** stop when the L1 change of one iteration is below this (default 1e-12); 0 runs exactly maxIterations */
  tolerance?: number;
  /** iteration cap, default 1000 */
  maxIterations?: number;
}

export const DEFAULTS: Required<PagerankOptions> = {
  getEdgeWeight: 'weight',
  alpha: 0.85,
  direction: 'out',
  seeds: null,
  dangling: 'personalization',
  tolerance: 1e-12,
  maxIterations: 1000,
};

export interface PagerankVector {
  /** indexed like `csr.keys`; sums to 1 */
  values: Float64Array;
  iterations: number;
  converged: boolean;
  residual: number;
}

export interface PagerankKernelOptions {
  alpha: number;
  /** jump distribution indexed like `csr.keys`, summing to 1; null for uniform */
  personalization: Float64Array | null;
  dangling: 'personalization' | 'uniform';
  tolerance: number;
  maxIterations: number;
}

const MODULE = 'pagerank';

export function pagerank(graph: AnyGraph, options?: PagerankOptions): IterativeResult {
  assertGraph(graph, MODULE);
  const o = withDefaults(DEFAULTS, options);
  const direction = checkOneOf(MODULE, 'direction', o.direction, ['out', 'reverse'] as const);
  const csr = orient(csrOf(graph, { getEdgeWeight: o.getEdgeWeight }), direction);
  const result = pagerankKernel(csr, {
    alpha: o.alpha,
    personalization: o.seeds === null ? null : personalizationVector(csr, o.seeds),
    dangling: o.dangling,
    tolerance: o.tolerance,
    maxIterations: o.maxIterations,
  });
  return { scores: toRecord(csr, result.values), iterations: result.iterations, converged: result.converged, residual: result.residual };
}

/** The jump distribution of a seed set, indexed like `csr.keys`, summing to 1. */
export function personalizationVector(csr: Csr, seeds: Seeds): Float64Array {
  const p = new Float64Array(csr.order);
  const entries: [string, unknown][] = Array.isArray(seeds)
    ? (seeds as readonly string[]).map((key) => [key, 1])
    : Object.entries(seeds as Record<string, unknown>);
  if (entries.length === 0) throw new CentralityInputError(MODULE, 'seeds is empty; pass null for uniform jumps');
  let total = 0;
  for (const [key, weight] of entries) {
    const i = csr.indexOf.get(key);
    if (i === undefined) throw new CentralityInputError(MODULE, `seed "${key}" is not a node of the graph`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new CentralityInputError(MODULE, `seed "${key}" has weight ${String(weight)}; seed weights must be finite and ≥ 0`);
    }
    // An array seed listed twice still weighs 1, as a set would.
    p[i] = Array.isArray(seeds) ? 1 : weight;
  }
  for (let i = 0; i < p.length; i++) total += p[i];
  if (!(total > 0)) throw new CentralityInputError(MODULE, 'seed weights sum to 0');
  for (let i = 0; i < p.length; i++) p[i] /= total;
  return p;
}

/**
 * The power iteration itself, on a CSR already oriented the way rank should flow (see `orient`). Exposed for
 * callers that keep their own CSR (temporal PageRank on decayed weights).
 */
export function pagerankKernel(csr: Csr, options: PagerankKernelOptions): PagerankVector {
  const alpha = checkNumber(MODULE, 'alpha', options.alpha, 0, 1);
  const tolerance = checkNumber(MODULE, 'tolerance', options.tolerance, 0, Infinity);
  const maxIterations = checkInteger(MODULE, 'maxIterations', options.maxIterations, 1);
  const dangling = checkOneOf(MODULE, 'dangling', options.dangling, ['personalization', 'uniform'] as const);
  checkNonNegativeWeights(MODULE, csr);
  const n = csr.order;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true, residual: 0 };

  const { inOffsets, inSources, inWeights, outStrength, weighted } = csr;
  const p = options.personalization;
  if (p !== null && p.length !== n) throw new CentralityInputError(MODULE, 'personalization has the wrong length');
  const d = dangling === 'uniform' ? null : p;
  const uniform = 1 / n;

  // share[u] = x(u)/W(u): what u sends along each unit of out-weight.
  const inverseStrength = new Float64Array(n);
  let danglingCount = 0;
  for (let u = 0; u < n; u++) {
    if (outStrength[u] > 0) inverseStrength[u] = 1 / outStrength[u];
    else danglingCount++;
  }
  const danglingNodes = new Uint32Array(danglingCount);
  for (let u = 0, k = 0; u < n; u++) if (outStrength[u] === 0) danglingNodes[k++] = u;

  // With seeds, the walk starts where it jumps to: a node the seeds cannot reach then stays at exactly 0 (with
  // jumps and dangling mass landing on the seeds), instead of keeping the remains of a uniform start (α^k / n, a
  // difference of nothing that would still order such nodes). The fixed point is the same from any start.
  let x = p === null ? new Float64Array(n).fill(uniform) : Float64Array.from(p);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  let iterations = 0;
  let residual = Infinity;
  let converged = false;

  while (iterations < maxIterations) {
    let danglingMass = 0;
    for (let k = 0; k < danglingCount; k++) danglingMass += x[danglingNodes[k]];
    for (let u = 0; u < n; u++) share[u] = x[u] * inverseStrength[u];
    const danglingTerm = alpha * danglingMass;
    const jump = 1 - alpha;

    residual = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = inOffsets[v + 1];
      if (weighted) {
        for (let k = inOffsets[v]; k < end; k++) sum += share[inSources[k]] * inWeights[k];
      } else {
        for (let k = inOffsets[v]; k < end; k++) sum += share[inSources[k]];
      }
      const value = alpha * sum + danglingTerm * (d === null ? uniform : d[v]) + jump * (p === null ? uniform : p[v]);
      residual += Math.abs(value - x[v]);
      next[v] = value;
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
  return { values: x, iterations, converged, residual };
}
