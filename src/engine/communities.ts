/**
 * Communities by modularity (Louvain), always on the undirected view of the graph.
 *
 * Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech.
 * (2008), through graphology-communities-louvain (it does the job at the speed we need, STYLE.md rule 9).
 * Modularity Q = 1/(2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j) on the undirected view, where the weight of
 * {u, v} is w(u→v) + w(v→u) (A + Aᵀ; parallel edges merged, self-loops kept).
 *
 * Why the undirected view: directed Louvain (graphology's and networkx's) oscillated without end on a
 * 300k-node directed graph (GOTCHAS.md), while the undirected one always terminates: each pass strictly raises
 * modularity. Deterministic: the random visiting order is driven by a seeded rng.
 *
 * Cost: building the view O(n + arcs) from the cached CSR; Louvain roughly O(arcs) per pass, a few passes in
 * practice; memory one graphology copy of the undirected view (~380 bytes per edge).
 */
import louvainModule from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import { type AnyGraph, type EdgeWeight, assertGraph, csrOf } from './csr.ts';
import { CentralityInputError } from './centrality/errors.ts';
import { checkNonNegativeWeights, checkNumber, withDefaults } from './centrality/common.ts';
import { type Rng, seededRng } from './rng.ts';

export interface CommunitiesOptions {
  /** default 'weight' (missing attribute = 1); null for unweighted */
  getEdgeWeight?: EdgeWeight;
  /** modularity resolution γ, default 1 (higher: more, smaller communities) */
  resolution?: number;
  /** seed of the default generator (default 0) */
  seed?: number;
  /** a generator in [0, 1) to use instead of the seeded one */
  rng?: Rng | null;
}

export const DEFAULTS: Required<CommunitiesOptions> = {
  getEdgeWeight: 'weight',
  resolution: 1,
  seed: 0,
  rng: null,
};

export interface CommunitiesResult {
  /** community index (0..count−1) by node key */
  communities: Record<string, number>;
  count: number;
  /** modularity of the partition on the undirected view (NaN when the graph has no edges) */
  modularity: number;
}

const MODULE = 'communities';

// The package is CommonJS with an ESM-style .d.ts: under NodeNext the default import is typed as the module
// object, while at run time it is the louvain function itself. Accept both shapes.
type Louvain = typeof louvainModule.default;
const louvain: Louvain = typeof louvainModule === 'function' ? (louvainModule as unknown as Louvain) : louvainModule.default;

export function communities(graph: AnyGraph, options?: CommunitiesOptions): CommunitiesResult {
  assertGraph(graph, MODULE);
  const o = withDefaults(DEFAULTS, options);
  const resolution = checkNumber(MODULE, 'resolution', o.resolution, 0, Infinity);
  if (o.rng !== null && typeof o.rng !== 'function') throw new CentralityInputError(MODULE, 'rng must be a function');
  const rng = o.rng ?? seededRng(o.seed);
  const csr = csrOf(graph, { getEdgeWeight: o.getEdgeWeight });
  checkNonNegativeWeights(MODULE, csr);

  const view = new UndirectedGraph();
  for (const key of csr.keys) view.addNode(key);
  const { outOffsets, outTargets, outWeights, keys } = csr;
  for (let u = 0; u < csr.order; u++) {
    for (let k = outOffsets[u], end = outOffsets[u + 1]; k < end; k++) {
      const v = outTargets[k];
      // Each undirected CSR row holds both ends of an edge: add it once, from its lower end.
      if (!csr.directed && v < u) continue;
      const edge = view.edge(keys[u], keys[v]);
      if (edge === undefined) view.addEdge(keys[u], keys[v], { weight: outWeights[k] });
      else view.updateEdgeAttribute(edge, 'weight', (w: number) => w + outWeights[k]);
    }
  }

  const result = louvain.detailed(view, { getEdgeWeight: 'weight', resolution, rng });
  return { communities: result.communities, count: result.count, modularity: result.modularity };
}
