/**
 * Degree centrality: how many ties a node has (or how much tie weight, its strength).
 *
 * mode 'all' counts in + out arcs (networkx `degree_centrality`; on an undirected graph the degree), 'in' and
 * 'out' one side (`in_degree_centrality`, `out_degree_centrality`; the same as 'all' on an undirected graph).
 * Normalised, as networkx, by n − 1 (so a directed 'all' can exceed 1), and 1 for every node when n ≤ 1.
 * A self-loop counts twice in an undirected degree and once on each side of a directed one, as in networkx.
 * With `getEdgeWeight` it sums weights instead (networkx `G.degree(weight=…)`, Barrat et al. PNAS 2004
 * "strength"). Parallel edges count once, with summed weight (see csr.ts).
 *
 * Cost: O(n + arcs) over the cached CSR; memory one Float64 vector of n.
 */
import { type AnyGraph, type EdgeWeight, assertGraph, csrOf, toRecord } from '../csr.ts';
import { checkOneOf, withDefaults } from './common.ts';

export interface DegreeOptions {
  /** 'all' (default), 'in' or 'out' */
  mode?: 'all' | 'in' | 'out';
  /** default null (count ties); an attribute name or function to sum weights */
  getEdgeWeight?: EdgeWeight;
  /** divide by n − 1, as networkx's degree centralities (default true) */
  normalized?: boolean;
}

export const DEFAULTS: Required<DegreeOptions> = {
  mode: 'all',
  getEdgeWeight: null,
  normalized: true,
};

const MODULE = 'degree';

export function degree(graph: AnyGraph, options?: DegreeOptions): Record<string, number> {
  assertGraph(graph, MODULE);
  const o = withDefaults(DEFAULTS, options);
  const mode = checkOneOf(MODULE, 'mode', o.mode, ['all', 'in', 'out'] as const);
  const csr = csrOf(graph, { getEdgeWeight: o.getEdgeWeight });
  const n = csr.order;
  const { outOffsets, outTargets, outWeights, outStrength, inStrength } = csr;
  const values = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (!csr.directed) {
      // Each row holds the self-loop once; networkx counts it twice.
      let loop = 0;
      for (let k = outOffsets[u], end = outOffsets[u + 1]; k < end; k++) if (outTargets[k] === u) loop = outWeights[k];
      values[u] = outStrength[u] + loop;
    } else if (mode === 'in') values[u] = inStrength[u];
    else if (mode === 'out') values[u] = outStrength[u];
    else values[u] = inStrength[u] + outStrength[u];
  }
  if (o.normalized) {
    if (n <= 1) values.fill(1);
    else for (let u = 0; u < n; u++) values[u] /= n - 1;
  }
  return toRecord(csr, values);
}
