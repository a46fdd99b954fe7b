/**
 * Core number: the largest k such that the node belongs to the k-core, the maximal subgraph in which every node
 * has degree ≥ k. Seidman, "Network structure and minimum degree", Social Networks 5 (1983); computed by the
 * bucket algorithm of Batagelj & Zaversnik, "An O(m) algorithm for cores decomposition of networks" (2003),
 * the one networkx `core_number` uses.
 *
 * networkx semantics: on a directed graph the degree is in + out and a reciprocated tie counts twice.
 * Self-loops are ignored (networkx refuses graphs that have them). Parallel edges count once (csr.ts).
 *
 * Why our own: graphology-metrics has no core decomposition. Cost: O(n + arcs) time and memory over the
 * cached CSR.
 */
import { type AnyGraph, assertGraph, csrOf, toRecord } from '../csr.ts';

export type KCoreOptions = Record<string, never>;

export const DEFAULTS: Required<KCoreOptions> = {};

const MODULE = 'k-core';

export function coreNumber(graph: AnyGraph, _options?: KCoreOptions): Record<string, number> {
  assertGraph(graph, MODULE);
  const csr = csrOf(graph, { getEdgeWeight: null });
  const n = csr.order;
  const { outOffsets, outTargets, inOffsets, inSources, directed } = csr;

  // Neighbour multiset of each node: out-row, plus in-row on a directed graph, without self-loops.
  const forEachNeighbor = (u: number, visit: (v: number) => void): void => {
    for (let k = outOffsets[u], end = outOffsets[u + 1]; k < end; k++) if (outTargets[k] !== u) visit(outTargets[k]);
    if (directed) for (let k = inOffsets[u], end = inOffsets[u + 1]; k < end; k++) if (inSources[k] !== u) visit(inSources[k]);
  };

  const degree = new Uint32Array(n);
  let maxDegree = 0;
  for (let u = 0; u < n; u++) {
    let d = 0;
    forEachNeighbor(u, () => d++);
    degree[u] = d;
    if (d > maxDegree) maxDegree = d;
  }

  // Nodes sorted by degree (vertices), each node's position, and where each degree's bucket starts.
  const bucketStart = new Uint32Array(maxDegree + 2);
  for (let u = 0; u < n; u++) bucketStart[degree[u] + 1]++;
  for (let d = 0; d <= maxDegree; d++) bucketStart[d + 1] += bucketStart[d];
  const vertices = new Uint32Array(n);
  const position = new Uint32Array(n);
  const cursor = bucketStart.slice();
  for (let u = 0; u < n; u++) {
    position[u] = cursor[degree[u]]++;
    vertices[position[u]] = u;
  }

  for (let i = 0; i < n; i++) {
    const v = vertices[i];
    const dv = degree[v];
    forEachNeighbor(v, (u) => {
      const du = degree[u];
      if (du > dv) {
        // Move u to the front of its bucket, then shrink the bucket past it: u's degree drops by one.
        const pu = position[u];
        const pw = bucketStart[du];
        const w = vertices[pw];
        if (u !== w) {
          vertices[pu] = w;
          position[w] = pu;
          vertices[pw] = u;
          position[u] = pw;
        }
        bucketStart[du]++;
        degree[u] = du - 1;
      }
    });
  }
  return toRecord(csr, degree);
}
