/**
 * Collusion rings: groups of accounts that build their influence on each other alone — alias accounts that
 * rate each other up (DESIGN.md idea 7). Flags, with the evidence, for people to look at; rankings resist them
 * separately (PageRank personalised on trusted seeds).
 *
 * On the influence graph (edges influencer → influenced, `weight`), with communities from Louvain:
 *   1. a community is *closed* when at least `minClosedness` of the influence weight its members send and of the
 *      weight they receive stays inside it (support that never crosses the group's boundary);
 *   2. inside a closed community of `minSize`..`maxSize` members (maxSize also capped at `maxShare` of everyone),
 *      the *core* is the members with at least `minMutual` reciprocated ties (u → v and v → u) to other members;
 *   3. the core is flagged when its mutual-tie density (reciprocated pairs / possible pairs) is at least
 *      `minDensity` — the mark of accounts that all vouch for all the others.
 * An isolated but genuine group (a club that only talks among itself) is closed too, but rarely this densely
 * reciprocal; thresholds are options, and the output says why each ring was flagged.
 *
 * Cost: O(n + m) given the communities.
 */
import type { AnyGraph } from './csr.ts';

export interface RingOptions {
  minSize: number;
  maxSize: number;
  /** a ring may hold at most this share of all people */
  maxShare: number;
  minClosedness: number;
  minMutual: number;
  minDensity: number;
}

export const DEFAULTS: RingOptions = { minSize: 3, maxSize: 60, maxShare: 0.05, minClosedness: 0.95, minMutual: 2, minDensity: 0.6 };

export interface Ring {
  members: string[];
  /** the community it was found in, and that community's size */
  community: number;
  communitySize: number;
  /** share of the community's influence (sent and received) that stays inside it */
  closedness: number;
  /** reciprocated pairs among the members / possible pairs */
  density: number;
  reason: string;
}

export function collusionRings(graph: AnyGraph, communityOf: Record<string, number>, options: Partial<RingOptions> = {}): Ring[] {
  const o = { ...DEFAULTS, ...options };
  const groups = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const c = communityOf[node];
    if (c === undefined) return;
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(node);
  });
  const weight = (attrs: Record<string, unknown>) => (typeof attrs.weight === 'number' ? attrs.weight : 1);
  const maxSize = Math.min(o.maxSize, Math.max(o.minSize, Math.floor(graph.order * o.maxShare)));
  const rings: Ring[] = [];
  for (const [community, members] of groups) {
    if (members.length < o.minSize) continue;
    const inside = new Set(members);
    let sent = 0;
    let sentInside = 0;
    let received = 0;
    let receivedInside = 0;
    for (const m of members) {
      graph.forEachOutEdge(m, (_e, attrs, _s, t) => {
        sent += weight(attrs);
        if (inside.has(t)) sentInside += weight(attrs);
      });
      graph.forEachInEdge(m, (_e, attrs, s) => {
        received += weight(attrs);
        if (inside.has(s)) receivedInside += weight(attrs);
      });
    }
    if (sent === 0 || received === 0) continue;
    const closedness = Math.min(sentInside / sent, receivedInside / received);
    if (closedness < o.minClosedness) continue;
    const mutual = new Map<string, Set<string>>();
    for (const m of members) {
      const partners = new Set<string>();
      graph.forEachOutNeighbor(m, (t) => {
        if (t !== m && inside.has(t) && graph.hasDirectedEdge(t, m)) partners.add(t);
      });
      mutual.set(m, partners);
    }
    // Peel to the members with enough reciprocated ties among the remaining ones.
    const core = new Set(members.filter((m) => mutual.get(m)!.size >= o.minMutual));
    for (let changed = true; changed; ) {
      changed = false;
      for (const m of core) {
        let k = 0;
        for (const p of mutual.get(m)!) if (core.has(p)) k++;
        if (k < o.minMutual) {
          core.delete(m);
          changed = true;
        }
      }
    }
    if (core.size < o.minSize || core.size > maxSize) continue;
    let pairs = 0;
    for (const m of core) for (const p of mutual.get(m)!) if (core.has(p)) pairs++;
    const density = pairs / 2 / ((core.size * (core.size - 1)) / 2);
    if (density < o.minDensity) continue;
    const list = [...core].sort();
    rings.push({
      members: list,
      community,
      communitySize: members.length,
      closedness,
      density,
      reason:
        `${list.length} accounts whose influence comes from each other: ${Math.round(density * 100)} % of their possible pairs ` +
        `vouch for each other both ways, and ${Math.round(closedness * 100)} % of their group's influence never leaves it`,
    });
  }
  return rings.sort((a, b) => b.members.length - a.members.length || (a.members[0]! < b.members[0]! ? -1 : 1));
}
