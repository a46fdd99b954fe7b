/**
 * Closeness centrality: how near a node is to the others, in hops.
 *
 * As networkx `closeness_centrality` (unweighted): C(u) = (r − 1) / Σ_v d(v, u) over the r nodes (u included)
 * that can reach u, scaled by (r − 1)/(n − 1) — the Wasserman–Faust correction for disconnected graphs (networkx
 * `wf_improved=True`, the default). Bavelas (1950); Wasserman & Faust, "Social Network Analysis" (1994), p. 201.
 * 0 for a node nothing reaches, and for every node when n ≤ 1. On a directed graph networkx measures distances
 * *to* u (it runs on the reversed graph); `direction: 'reverse'` measures distances *from* u instead, which on an
 * influencer → influenced graph rewards influencers who reach many people in few steps.
 *
 * Why our own: breadth-first searches over the cached CSR with one reused workspace, and the networkx
 * definition (graphology-metrics' closeness differs on disconnected graphs). Cost: O(n · (n + arcs)) time,
 * O(n) memory.
 */
import { type AnyGraph, type FlowDirection, assertGraph, csrOf, toRecord } from '../csr.ts';
import { BreadthFirstWorkspace } from './breadth-first.ts';
import { checkOneOf, withDefaults } from './common.ts';

export interface ClosenessOptions {
  /** 'out' (distances to the node, networkx, default) or 'reverse' (distances from the node) */
  direction?: FlowDirection;
  /** scale by the reachable share (r − 1)/(n − 1), networkx `wf_improved` (default true) */
  wassermanFaust?: boolean;
}

export const DEFAULTS: Required<ClosenessOptions> = {
  direction: 'out',
  wassermanFaust: true,
};

const MODULE = 'closeness';

export function closeness(graph: AnyGraph, options?: ClosenessOptions): Record<string, number> {
  assertGraph(graph, MODULE);
  const o = withDefaults(DEFAULTS, options);
  const direction = checkOneOf(MODULE, 'direction', o.direction, ['out', 'reverse'] as const);
  const csr = csrOf(graph, { getEdgeWeight: null });
  const n = csr.order;
  // Distances to u are distances from u along in-arcs.
  const [offsets, neighbors] = direction === 'out' ? [csr.inOffsets, csr.inSources] : [csr.outOffsets, csr.outTargets];
  const workspace = new BreadthFirstWorkspace(n);
  const values = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const reached = workspace.search(offsets, neighbors, u);
    let total = 0;
    for (let i = 1; i < reached; i++) total += workspace.distance[workspace.queue[i]];
    if (total > 0 && n > 1) {
      values[u] = (reached - 1) / total;
      if (o.wassermanFaust) values[u] *= (reached - 1) / (n - 1);
    }
  }
  return toRecord(csr, values);
}
