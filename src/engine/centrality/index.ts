/**
 * Static centrality: the registry of metrics the API serves, by name, and the algorithms behind them.
 *
 * Convention (DESIGN.md): on a directed graph, edges run from influencer to influenced (DROVE → REACHED; a rated
 * person → the rater; a sender → the recipient), with tie strength in the `weight` attribute. Metrics that
 * should accumulate at influencers therefore run against the edges: PageRank and eigenvector centrality with
 * `direction: 'reverse'` (networkx on the reversed graph, the references' "influence PageRank"), closeness and
 * harmonic with distances *from* the node. A projection built the other way round (edges influenced →
 * influencer, e.g. "a trusts b" as a → b) passes `orientation: 'influenced-to-influencer'`. Undirected graphs
 * are unaffected.
 *
 * Weights: PageRank, eigenvector, HITS, weighted degree, constraint and effective size read tie strength via
 * `getEdgeWeight` (default 'weight'; a missing attribute counts 1). Path metrics (betweenness, closeness,
 * harmonic) count hops: a strength is not a length. Degree, in/out-degree and k-core count ties.
 *
 * Each algorithm's own DEFAULTS mirror networkx's defaults for the same function (so a bare call reproduces
 * networkx: PageRank and HITS weighted by 'weight', eigenvector, degree and Burt's measures unweighted); the
 * registry always passes weights explicitly.
 *
 * Every metric returns `{ nodeKey: value }` for every node. `higherIsMoreInfluential` says how to rank:
 * constraint is the one where lower is better (less constrained = more brokerage).
 *
 * Costs: PageRank, eigenvector, HITS O(arcs) per iteration; degree, k-core O(n + arcs); constraint, effective
 * size O(Σ deg²); closeness, harmonic and exact betweenness O(n · arcs), one search per node. Measured: exact
 * betweenness on bitcoin-otc (5.9k nodes, 36k arcs) ~4 s of CPU; on soc-Slashdot (82k nodes, 948k arcs) one
 * betweenness source costs ~31 ms of CPU, so exact would take ~40 min: above ~10k nodes pass
 * `betweennessSamples` (k sources cost k × that). Closeness and harmonic have no sampled form here, so
 * `computeAll` is meant for graphs of up to ~10k nodes; on larger ones compute the metrics you need.
 */
import type { AnyGraph, EdgeWeight, FlowDirection } from '../csr.ts';
import { betweenness } from './betweenness.ts';
import { constraint, effectiveSize } from './brokerage.ts';
import { closeness } from './closeness.ts';
import { degree } from './degree.ts';
import { eigenvector } from './eigenvector.ts';
import { CentralityInputError } from './errors.ts';
import { harmonic } from './harmonic.ts';
import { type HitsResult, hits } from './hits.ts';
import { coreNumber } from './k-core.ts';
import { type Seeds, pagerank } from './pagerank.ts';
import { withDefaults } from './common.ts';

export { betweenness, closeness, constraint, coreNumber, degree, effectiveSize, eigenvector, harmonic, hits, pagerank };
export { CentralityInputError };
export type { Seeds };

export const METRIC_NAMES = [
  'pagerank',
  'pagerank-personalized',
  'eigenvector',
  'betweenness',
  'closeness',
  'harmonic',
  'degree',
  'in-degree',
  'out-degree',
  'weighted-degree',
  'hits-hub',
  'hits-authority',
  'k-core',
  'constraint',
  'effective-size',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

export interface MetricOptions {
  /** how tie strength is read by the weighted metrics: attribute name, function or null; default 'weight' */
  getEdgeWeight?: EdgeWeight;
  /** which way a directed graph's edges run; default 'influencer-to-influenced' */
  orientation?: 'influencer-to-influenced' | 'influenced-to-influencer';
  /** trusted seed nodes (or seed weights) for 'pagerank-personalized'; default null */
  seeds?: Seeds | null;
  /** PageRank damping factor, default 0.85 */
  alpha?: number;
  /** betweenness pivots: null (default) for exact, k for a sampled estimate */
  betweennessSamples?: number | null;
  /** seed for the sampled betweenness pivots, default 0 */
  seed?: number;
}

export const DEFAULTS: Required<MetricOptions> = {
  getEdgeWeight: 'weight',
  orientation: 'influencer-to-influenced',
  seeds: null,
  alpha: 0.85,
  betweennessSamples: null,
  seed: 0,
};

export interface MetricDefinition {
  name: MetricName;
  description: string;
  /** true when a higher value means more influential; false for constraint (lower = more brokerage) */
  higherIsMoreInfluential: boolean;
  /** whether it reads tie strength through getEdgeWeight */
  weighted: boolean;
  /** whether it needs `seeds` */
  needsSeeds: boolean;
  compute(graph: AnyGraph, options?: MetricOptions): Record<string, number>;
}

const MODULE = 'centrality';

/** Direction that makes rank, eigenvector score and reach accumulate at influencers. */
function towardInfluencers(o: Required<MetricOptions>): FlowDirection {
  return o.orientation === 'influencer-to-influenced' ? 'reverse' : 'out';
}

function resolve(options: MetricOptions | undefined): Required<MetricOptions> {
  const o = withDefaults(DEFAULTS, options);
  if (o.orientation !== 'influencer-to-influenced' && o.orientation !== 'influenced-to-influencer') {
    throw new CentralityInputError(MODULE, `orientation must be 'influencer-to-influenced' or 'influenced-to-influencer', got ${String(o.orientation)}`);
  }
  return o;
}

function hitsOf(graph: AnyGraph, o: Required<MetricOptions>): HitsResult {
  return hits(graph, { getEdgeWeight: o.getEdgeWeight });
}

function define(
  name: MetricName,
  description: string,
  flags: { higherIsMoreInfluential?: boolean; weighted: boolean; needsSeeds?: boolean },
  run: (graph: AnyGraph, o: Required<MetricOptions>) => Record<string, number>,
): MetricDefinition {
  return {
    name,
    description,
    higherIsMoreInfluential: flags.higherIsMoreInfluential ?? true,
    weighted: flags.weighted,
    needsSeeds: flags.needsSeeds ?? false,
    compute: (graph, options) => run(graph, resolve(options)),
  };
}

export const METRICS: Readonly<Record<MetricName, MetricDefinition>> = {
  pagerank: define(
    'pagerank',
    'Influence PageRank: the share of time a random walk against the flow of influence spends at the node (weighted, α = 0.85).',
    { weighted: true },
    (graph, o) => pagerank(graph, { getEdgeWeight: o.getEdgeWeight, alpha: o.alpha, direction: towardInfluencers(o) }).scores,
  ),
  'pagerank-personalized': define(
    'pagerank-personalized',
    'Trust-anchored PageRank: as pagerank, but every jump lands on the trusted seeds, so rings that rate each other up gain little.',
    { weighted: true, needsSeeds: true },
    (graph, o) => {
      if (o.seeds === null) throw new CentralityInputError(MODULE, "'pagerank-personalized' needs seeds");
      return pagerank(graph, { getEdgeWeight: o.getEdgeWeight, alpha: o.alpha, direction: towardInfluencers(o), seeds: o.seeds }).scores;
    },
  ),
  eigenvector: define(
    'eigenvector',
    'Eigenvector centrality: influential when it influences influential people (weighted, L2-normalised).',
    { weighted: true },
    (graph, o) => eigenvector(graph, { getEdgeWeight: o.getEdgeWeight, direction: towardInfluencers(o) }).scores,
  ),
  betweenness: define(
    'betweenness',
    'Betweenness: the share of shortest paths (in hops) between others that pass through the node; normalised.',
    { weighted: false },
    (graph, o) => betweenness(graph, { samples: o.betweennessSamples, seed: o.seed }),
  ),
  closeness: define(
    'closeness',
    'Closeness: how few hops the node needs to reach the people it can influence (Wasserman–Faust corrected).',
    { weighted: false },
    (graph, o) => closeness(graph, { direction: towardInfluencers(o) }),
  ),
  harmonic: define(
    'harmonic',
    'Harmonic reach: the sum of 1/hops to every person the node can influence.',
    { weighted: false },
    (graph, o) => harmonic(graph, { direction: towardInfluencers(o) }),
  ),
  degree: define('degree', 'Degree centrality: ties in and out, divided by n − 1.', { weighted: false }, (graph) => degree(graph)),
  'in-degree': define('in-degree', 'In-degree centrality: incoming ties divided by n − 1.', { weighted: false }, (graph) =>
    degree(graph, { mode: 'in' }),
  ),
  'out-degree': define('out-degree', 'Out-degree centrality: outgoing ties divided by n − 1.', { weighted: false }, (graph) =>
    degree(graph, { mode: 'out' }),
  ),
  'weighted-degree': define('weighted-degree', 'Strength: the summed weight of all ties in and out.', { weighted: true }, (graph, o) =>
    degree(graph, { getEdgeWeight: o.getEdgeWeight, normalized: false }),
  ),
  'hits-hub': define(
    'hits-hub',
    'HITS hub score: points at good authorities (on an influencer → influenced graph, the influencers); sums to 1.',
    { weighted: true },
    (graph, o) => hitsOf(graph, o).hubs,
  ),
  'hits-authority': define(
    'hits-authority',
    'HITS authority score: pointed at by good hubs (on an influencer → influenced graph, the influenced); sums to 1.',
    { weighted: true },
    (graph, o) => hitsOf(graph, o).authorities,
  ),
  'k-core': define('k-core', 'Core number: the deepest k-core (every member has ≥ k ties) the node belongs to.', { weighted: false }, (graph) =>
    coreNumber(graph),
  ),
  constraint: define(
    'constraint',
    "Burt's constraint: how much the node's contacts are tied to each other; lower means more brokerage (NaN when isolated).",
    { weighted: true, higherIsMoreInfluential: false },
    (graph, o) => constraint(graph, { getEdgeWeight: o.getEdgeWeight }),
  ),
  'effective-size': define(
    'effective-size',
    "Burt's effective size: contacts less their redundancy; higher means more brokerage (NaN when isolated).",
    { weighted: true },
    (graph, o) => effectiveSize(graph, { getEdgeWeight: o.getEdgeWeight }),
  ),
};

export function isMetricName(name: unknown): name is MetricName {
  return typeof name === 'string' && (METRIC_NAMES as readonly string[]).includes(name);
}

/** One metric by name. Throws CentralityInputError for an unknown name or missing seeds. */
export function computeMetric(name: string, graph: AnyGraph, options?: MetricOptions): Record<string, number> {
  if (!isMetricName(name)) {
    throw new CentralityInputError(MODULE, `unknown metric "${name}"; known: ${METRIC_NAMES.join(', ')}`);
  }
  return METRICS[name].compute(graph, options);
}

/** Every metric (pagerank-personalized only when seeds are given), each once; HITS runs once for both scores. */
export function computeAll(graph: AnyGraph, options?: MetricOptions): Partial<Record<MetricName, Record<string, number>>> {
  const o = resolve(options);
  const out: Partial<Record<MetricName, Record<string, number>>> = {};
  let hitsResult: HitsResult | null = null;
  for (const name of METRIC_NAMES) {
    if (METRICS[name].needsSeeds && o.seeds === null) continue;
    if (name === 'hits-hub' || name === 'hits-authority') {
      hitsResult ??= hitsOf(graph, o);
      out[name] = name === 'hits-hub' ? hitsResult.hubs : hitsResult.authorities;
    } else {
      out[name] = METRICS[name].compute(graph, o);
    }
  }
  return out;
}
