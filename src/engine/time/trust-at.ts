/**
 * The trust network at a time: the KNOWS ties standing at `at` (formed by then, since ≤ at, or undated) as an edge
 * list, a → b weighted by a's trust in b, and its PageRank ("trust PageRank at t"): rank gathers at the trusted, as
 * in the ties layer's static PageRank (centrality on the tie graph, oriented influenced → influencer), and with
 * every tie standing the two agree. What the time slider shows on the map of trust.
 */
import type { Projection } from '../../domain/projection.ts';
import type { InfluenceEdges } from './decayed-projection.ts';
import { checkTime } from './errors.ts';
import { pagerankOfEdges, type TemporalPagerankOptions } from './temporal-pagerank.ts';

const MODULE = 'trust-at';

/** Whether the tie stands at `at`: formed by then, or with no date (taken as always there). */
export function tieStandsAt(since: number, at: number): boolean {
  return !(since > at);
}

/** The ties standing at `at` (self-ties left out), one edge each, weighted by trust. O(ties). */
export function tieEdgesAt(projection: Projection, at: number): InfluenceEdges {
  checkTime(MODULE, 'at', at);
  const { ties } = projection;
  let count = 0;
  for (let k = 0; k < ties.count; k++) if (ties.from[k] !== ties.to[k] && tieStandsAt(ties.since[k]!, at)) count++;
  const src = new Uint32Array(count);
  const dst = new Uint32Array(count);
  const weight = new Float64Array(count);
  let j = 0;
  for (let k = 0; k < ties.count; k++) {
    if (ties.from[k] === ties.to[k] || !tieStandsAt(ties.since[k]!, at)) continue;
    src[j] = ties.from[k]!;
    dst[j] = ties.to[k]!;
    weight[j] = ties.trust[k]!;
    j++;
  }
  return { people: projection.people.length, at, polarity: 'total', count, src, dst, weight, positive: weight, negative: new Float64Array(count), events: new Uint32Array(count) };
}

/**
 * A ranker of trust PageRank at a time: everyone's (indexed like projection.people, summing to 1), or null when no
 * tie stands yet. The ids are gathered once for every time asked.
 */
export function trustRanker(projection: Projection, options?: Partial<Omit<TemporalPagerankOptions, 'direction'>>): (at: number) => Float64Array | null {
  const keys = projection.people.map((p) => p.id);
  return (at) => {
    const edges = tieEdgesAt(projection, at);
    return edges.count === 0 ? null : pagerankOfEdges(edges, keys, projection.indexOf, { ...options, direction: 'out' }).values;
  };
}
