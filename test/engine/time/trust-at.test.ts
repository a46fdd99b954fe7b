import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import { computeMetric } from '../../../src/engine/centrality/index.ts';
import { buildTieGraph } from '../../../src/engine/influence-graph.ts';
import { tieEdgesAt, trustRanker } from '../../../src/engine/time/trust-at.ts';
import { demoProjection } from '../introductions/demo-world.ts';
import { DAY, T0 } from './fixtures.ts';

/** The ties layer's static PageRank, as /api/influence?layer=ties&at= ranks it: on the tie graph at `at`, by trust. */
function staticTrustPagerank(p: ReturnType<ProjectionBuilder['build']>, at: number): Record<string, number> {
  return computeMetric('pagerank', buildTieGraph(p, { at }), { getEdgeWeight: 'trust', orientation: 'influenced-to-influencer' });
}

describe('the trust network at a time', () => {
  const b = new ProjectionBuilder();
  b.tie('a', 'b', 0.9, T0);
  b.tie('c', 'b', 0.6, T0 + 10 * DAY);
  b.tie('b', 'c', 0.3, T0 + 20 * DAY);
  b.tie('d', 'a', 0.5); // undated: always there
  b.tie('e', 'e', 1, T0); // a self-tie counts nowhere
  const p = b.build();
  const pairs = (at: number) => {
    const e = tieEdgesAt(p, at);
    return Array.from(e.src, (s, k) => `${p.people[s]!.id}>${p.people[e.dst[k]!]!.id}:${e.weight[k]}`);
  };

  it('holds the ties formed by then, and the undated ones, weighted by trust', () => {
    expect(pairs(T0 - DAY)).toEqual(['d>a:0.5']);
    expect(pairs(T0)).toEqual(['a>b:0.9', 'd>a:0.5']);
    expect(pairs(T0 + 15 * DAY)).toEqual(['a>b:0.9', 'c>b:0.6', 'd>a:0.5']);
    expect(pairs(T0 + 20 * DAY)).toEqual(['a>b:0.9', 'c>b:0.6', 'b>c:0.3', 'd>a:0.5']);
    expect(() => tieEdgesAt(p, Number.NaN)).toThrow(/trust-at/);
  });

  it('ranks the trusted: PageRank of the ties standing, the same as the ties layer computes at that time', () => {
    const rank = trustRanker(p);
    for (const at of [T0 - DAY, T0, T0 + 15 * DAY, T0 + 30 * DAY]) {
      const values = rank(at)!;
      const expected = staticTrustPagerank(p, at);
      p.people.forEach((person, i) => expect(values[i], `${person.id} at day ${(at - T0) / DAY}`).toBeCloseTo(expected[person.id]!, 8));
    }
    // b, trusted by a and c, tops once c's tie stands; before it, a (trusted by d) passes on to b alone
    const late = rank(T0 + 15 * DAY)!;
    expect(late[p.indexOf.get('b')!]).toBeGreaterThan(late[p.indexOf.get('a')!]!);
  });

  it('with seeds, ranks as Trusted PageRank on the ties standing: rank flows out from the seeds only', () => {
    const rank = trustRanker(p, { seeds: ['c'] });
    for (const at of [T0, T0 + 15 * DAY, T0 + 30 * DAY]) {
      const values = rank(at)!;
      const expected = computeMetric('pagerank-personalized', buildTieGraph(p, { at }), { getEdgeWeight: 'trust', orientation: 'influenced-to-influencer', seeds: ['c'] });
      p.people.forEach((person, i) => expect(values[i], `${person.id} at day ${(at - T0) / DAY}`).toBeCloseTo(expected[person.id]!, 8));
    }
    // c trusts only b: a, trusted by d alone, whom no seed reaches, gets nothing
    const late = rank(T0 + 15 * DAY)!;
    expect(late[p.indexOf.get('a')!]).toBe(0);
    expect(late[p.indexOf.get('b')!]).toBeGreaterThan(0.3);
  });

  it('is nothing before any tie stands', () => {
    const early = new ProjectionBuilder();
    early.tie('a', 'b', 0.9, T0);
    expect(trustRanker(early.build())(T0 - DAY)).toBeNull();
  });

  it('agrees with the ties layer on the demo world, through its history', () => {
    const demo = demoProjection();
    const rank = trustRanker(demo);
    const since = Array.from(demo.ties.since).filter(Number.isFinite).sort((x, y) => x - y);
    // early, midway and after the last tie was formed
    for (const at of [since[Math.floor(since.length / 10)]!, since[Math.floor(since.length / 2)]!, since.at(-1)! + DAY]) {
      const values = rank(at)!;
      const expected = staticTrustPagerank(demo, at);
      let worst = 0;
      demo.people.forEach((person, i) => (worst = Math.max(worst, Math.abs(values[i]! - expected[person.id]!))));
      expect(worst).toBeLessThan(1e-8);
    }
  });
});
