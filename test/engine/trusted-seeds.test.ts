import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../src/domain/projection.ts';
import { computeMetric } from '../../src/engine/centrality/index.ts';
import { buildTieGraph } from '../../src/engine/influence-graph.ts';
import { trustedSeeds } from '../../src/engine/trusted-seeds.ts';

describe("Trusted PageRank's default seeds", () => {
  // five people trust hub; hub trusts ana and bo; a ring of three trust each other fully and the hub trusts one of them
  const b = new ProjectionBuilder();
  for (const who of ['p1', 'p2', 'p3', 'p4', 'p5']) b.tie(who, 'hub', 0.9);
  b.tie('hub', 'ana', 0.8);
  b.tie('hub', 'bo', 0.4);
  for (const x of ['r1', 'r2', 'r3']) for (const y of ['r1', 'r2', 'r3']) if (x !== y) b.tie(x, y, 1);
  b.tie('hub', 'r1', 0.9);
  b.person('loner');
  const p = b.build();
  const ties = buildTieGraph(p);
  const scores = computeMetric('pagerank', ties, { getEdgeWeight: 'trust', orientation: 'influenced-to-influencer' });
  const ranked = Object.keys(scores).sort((x, y) => scores[y]! - scores[x]! || (x < y ? -1 : 1));

  it('takes the most trusted, most first, and only people someone trusts', () => {
    const none = new Set<string>();
    const seeds = trustedSeeds(ranked, ties, none, 100);
    expect(seeds).toEqual(ranked.filter((id) => ties.inDegree(id) > 0));
    expect(seeds).not.toContain('loner');
    expect(seeds).not.toContain('p1');
    expect(trustedSeeds(ranked, ties, none, 2)).toEqual(seeds.slice(0, 2));
  });

  it('leaves out a flagged ring, however trusted it made itself', () => {
    // the ring's closed loop keeps its members at the top of trust PageRank
    expect(ranked.slice(0, 3).sort()).toEqual(['r1', 'r2', 'r3']);
    const seeds = trustedSeeds(ranked, ties, new Set(['r1', 'r2', 'r3']), 2);
    expect(seeds).toEqual(['hub', 'ana']);
  });

  it('is empty when nobody trusts anybody', () => {
    const q = new ProjectionBuilder();
    q.person('a');
    q.person('b');
    const lone = buildTieGraph(q.build());
    expect(trustedSeeds(['a', 'b'], lone, new Set(), 10)).toEqual([]);
  });
});
