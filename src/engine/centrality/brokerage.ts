/**
 * Structural holes: Burt's constraint and effective size, measures of brokerage.
 *
 * Burt, "Structural Holes: The Social Structure of Competition" (1992), with networkx's definitions
 * (`constraint`, `effective_size`). Let N(i) be i's neighbours (in- or out-, self excluded), the mutual weight
 * m(i,j) = a(i→j) + a(j→i), and p(i,j) = m(i,j) / Σ_{k∈N(i)} m(i,k) the share of i's ties invested in j.
 * - constraint c(i) = Σ_{j∈N(i)} ( p(i,j) + Σ_{q∈N(i)} p(i,q) p(q,j) )². Low when i's contacts are not tied to
 *   each other: i bridges a structural hole. A bridge between two groups has low constraint.
 * - effective size e(i) = Σ_{j∈N(i)} ( 1 − Σ_{q∈N(i)} p(i,q) m(j,q) / max_k m(j,k) ): the number of contacts,
 *   less their redundancy. Unweighted on an undirected graph it equals Borgatti's n − 2t/n (t ties among the
 *   n contacts), which networkx uses there.
 * Both are NaN for a node without neighbours (networkx). Unweighted, every arc weighs 1 (networkx
 * `weight=None`). Differences from networkx, on purpose: self-loops are ignored (networkx lets a loop count as
 * a contact); on a directed graph a node with in-ties only is measured (networkx returns NaN when it has no
 * out-ties).
 *
 * Why our own: graphology-metrics has neither; networkx recomputes every normalised weight inside the double
 * sum. Here the mutual-tie lists are built once from the CSR and the inner sums walk two sorted rows through a
 * stamped marker array. Cost: O(n + arcs + Σ_q deg(q)²) time, O(n + arcs) memory.
 */
import { type AnyGraph, type Csr, type EdgeWeight, assertGraph, csrOf, toRecord } from '../csr.ts';
import { checkNonNegativeWeights, withDefaults } from './common.ts';

export interface BrokerageOptions {
  /** default null (every tie weighs 1, as networkx); an attribute name or function for weighted ties */
  getEdgeWeight?: EdgeWeight;
}

export const DEFAULTS: Required<BrokerageOptions> = {
  getEdgeWeight: null,
};

/** Undirected mutual ties: m(i,j) = a(i→j) + a(j→i), each row sorted, self-loops dropped. */
interface MutualTies {
  offsets: Uint32Array;
  neighbors: Uint32Array;
  weights: Float64Array;
  /** Σ_j m(i,j) */
  total: Float64Array;
  /** max_j m(i,j) */
  max: Float64Array;
}

function mutualTies(csr: Csr): MutualTies {
  const n = csr.order;
  const { outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = csr;
  const offsets = new Uint32Array(n + 1);
  const neighbors = new Uint32Array(2 * csr.arcCount);
  const weights = new Float64Array(2 * csr.arcCount);
  const total = new Float64Array(n);
  const max = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = count;
    // Merge the sorted out-row and in-row (on an undirected graph both are the same row: m = 2w).
    let a = outOffsets[i];
    let b = inOffsets[i];
    const aEnd = outOffsets[i + 1];
    const bEnd = inOffsets[i + 1];
    while (a < aEnd || b < bEnd) {
      const ja = a < aEnd ? outTargets[a] : n;
      const jb = b < bEnd ? inSources[b] : n;
      let j: number;
      let m = 0;
      if (ja <= jb) {
        j = ja;
        m += outWeights[a++];
      } else {
        j = jb;
      }
      if (jb === j) m += inWeights[b++];
      if (j === i) continue;
      neighbors[count] = j;
      weights[count] = m;
      count++;
      total[i] += m;
      if (m > max[i]) max[i] = m;
    }
  }
  offsets[n] = count;
  return { offsets, neighbors: neighbors.subarray(0, count), weights: weights.subarray(0, count), total, max };
}

function prepare(graph: AnyGraph, options: BrokerageOptions | undefined, module: string): { csr: Csr; ties: MutualTies } {
  assertGraph(graph, module);
  const o = withDefaults(DEFAULTS, options);
  const csr = csrOf(graph, { getEdgeWeight: o.getEdgeWeight });
  checkNonNegativeWeights(module, csr);
  return { csr, ties: mutualTies(csr) };
}

/** Burt's constraint c(i); lower means more brokerage. */
export function constraint(graph: AnyGraph, options?: BrokerageOptions): Record<string, number> {
  const { csr, ties } = prepare(graph, options, 'constraint');
  const n = csr.order;
  const { offsets, neighbors, weights, total } = ties;
  const stamp = new Int32Array(n).fill(-1);
  const slot = new Uint32Array(n);
  const invest = new Float64Array(n); // p(i,j) + Σ_q p(i,q) p(q,j), by slot
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    if (start === end) {
      values[i] = Number.NaN;
      continue;
    }
    for (let k = start; k < end; k++) {
      const j = neighbors[k];
      stamp[j] = i;
      slot[j] = k - start;
      invest[k - start] = total[i] > 0 ? weights[k] / total[i] : 0;
    }
    for (let k = start; k < end; k++) {
      const q = neighbors[k];
      if (total[i] === 0 || total[q] === 0) continue;
      const piq = weights[k] / total[i];
      for (let l = offsets[q], lEnd = offsets[q + 1]; l < lEnd; l++) {
        const j = neighbors[l];
        if (stamp[j] === i) invest[slot[j]] += (piq * weights[l]) / total[q];
      }
    }
    let c = 0;
    for (let s = 0; s < end - start; s++) c += invest[s] * invest[s];
    values[i] = c;
  }
  return toRecord(csr, values);
}

/** Burt's effective size e(i): non-redundant contacts; higher means more brokerage. */
export function effectiveSize(graph: AnyGraph, options?: BrokerageOptions): Record<string, number> {
  const { csr, ties } = prepare(graph, options, 'effective-size');
  const n = csr.order;
  const { offsets, neighbors, weights, total, max } = ties;
  const stamp = new Int32Array(n).fill(-1);
  const share = new Float64Array(n); // p(i,q) for q ∈ N(i)
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    if (start === end) {
      values[i] = Number.NaN;
      continue;
    }
    for (let k = start; k < end; k++) {
      stamp[neighbors[k]] = i;
      share[neighbors[k]] = total[i] > 0 ? weights[k] / total[i] : 0;
    }
    let size = 0;
    for (let k = start; k < end; k++) {
      const j = neighbors[k];
      let redundancy = 0;
      if (max[j] > 0) {
        for (let l = offsets[j], lEnd = offsets[j + 1]; l < lEnd; l++) {
          const q = neighbors[l];
          if (stamp[q] === i) redundancy += share[q] * weights[l];
        }
        redundancy /= max[j];
      }
      size += 1 - redundancy;
    }
    values[i] = size;
  }
  return toRecord(csr, values);
}
