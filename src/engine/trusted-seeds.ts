/**
 * The seeds Trusted PageRank starts from when nobody names any. TrustRank (Gyöngyi, Garcia-Molina & Pedersen,
 * "Combating web spam with TrustRank", VLDB 2004) has a person vet a small seed set of pages that reach many
 * others; here the trust network proposes it, for the user to vet: the `count` people with the highest trust
 * PageRank (PageRank of the trust ties, rank gathering at whom the trusted trust), among those someone else trusts,
 * leaving out anyone flagged in a suspected collusion ring, so that a ring that trusted itself to the top is not let
 * in as a seed. O(n) over the ranking.
 */
import type { TieGraph } from './influence-graph.ts';

export function trustedSeeds(rankedByTrust: readonly string[], ties: TieGraph, flagged: ReadonlySet<string>, count: number): string[] {
  const seeds: string[] = [];
  for (const id of rankedByTrust) {
    if (seeds.length >= count) break;
    if (flagged.has(id) || !ties.hasNode(id) || ties.inDegree(id) === 0) continue;
    seeds.push(id);
  }
  return seeds;
}
