/**
 * Communities of the acquaintance graph, for the "bridges two communities" reason of a suggestion.
 *
 * Louvain (Blondel et al. 2008, graphology-communities-louvain) on the undirected, unweighted view, seeded:
 * GOTCHAS.md saw directed Louvain oscillate without end on large graphs; the undirected variant only moves a
 * node for a modularity gain above 1e-10, so it terminates. The library exposes no iteration cap, so the cap
 * here is on size: above `maxPairs` acquaintance pairs communities are skipped (every person gets −1 and no
 * pair counts as bridging) rather than risk an unbounded build; pass precomputed labels instead.
 *
 * Cost: building the graphology graph ~6 µs and ~380 bytes per pair (GOTCHAS.md), then Louvain
 * O(passes · pairs); 4–13 s on 82k people / 504k pairs on a loaded two-core machine
 * (bench/results/introductions-speed.md). Build the index once per graph version and keep it.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { AcquaintanceGraph } from './acquaintance-graph.ts';
import { checkNumber } from './errors.ts';
import { seededRng } from '../rng.ts';

const MODULE = 'introductions/communities';

// The package is CommonJS with an ESM-style `export default` in its types: under NodeNext the default import
// is typed as the module object, while at run time it is the function itself. Accept both shapes.
type Louvain = typeof louvainModule.default;
const louvain: Louvain =
  typeof louvainModule === 'function' ? (louvainModule as unknown as Louvain) : louvainModule.default;

export interface CommunityOptions {
  /** seed of Louvain's visiting order */
  seed: number;
  /** Louvain resolution (1 = classic modularity) */
  resolution: number;
  /** above this many acquaintance pairs, skip Louvain (all −1) */
  maxPairs: number;
}

export const COMMUNITY_DEFAULTS: CommunityOptions = { seed: 42, resolution: 1, maxPairs: 5_000_000 };

export interface Communities {
  /** community label per person, −1 when unknown */
  label: Int32Array;
  count: number;
}

export function acquaintanceCommunities(graph: AcquaintanceGraph, options: Partial<CommunityOptions> = {}): Communities {
  const o: CommunityOptions = { ...COMMUNITY_DEFAULTS, ...options };
  checkNumber(MODULE, 'resolution', o.resolution, Number.MIN_VALUE, Number.POSITIVE_INFINITY);
  const label = new Int32Array(graph.n).fill(-1);
  if (graph.pairCount > o.maxPairs || graph.n === 0) return { label, count: 0 };
  const g = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (let x = 0; x < graph.n; x++) g.addNode(x);
  for (let x = 0; x < graph.n; x++) {
    for (let e = graph.offsets[x]; e < graph.offsets[x + 1]; e++) {
      const y = graph.neighbours[e];
      if (y > x) g.addUndirectedEdge(x, y);
    }
  }
  const mapping = louvain(g, { getEdgeWeight: null, resolution: o.resolution, rng: seededRng(o.seed) });
  let count = 0;
  for (const key in mapping) {
    const c = mapping[key];
    label[Number(key)] = c;
    if (c + 1 > count) count = c + 1;
  }
  return { label, count };
}

export function isBridging(communities: Communities, a: number, b: number): boolean {
  const ca = communities.label[a];
  const cb = communities.label[b];
  return ca >= 0 && cb >= 0 && ca !== cb;
}
