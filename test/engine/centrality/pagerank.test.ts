import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { CentralityInputError } from '../../../src/engine/centrality/errors.ts';
import { pagerank, pagerankKernel, personalizationVector } from '../../../src/engine/centrality/pagerank.ts';
import { seededRng } from '../../../src/engine/rng.ts';
import { csrOf } from '../../../src/engine/csr.ts';
import { loadSmallGraph, maxDeviation } from './reference-graphs.ts';

/**
 * An influence graph (edges influencer → influenced, i.e. ratee → rater) of 40 honest people who rate a few
 * others each, plus a ring: 6 aliases and the account they boost, all rating each other 10/10 (the aliases
 * rate the boosted account 10 times over), and rating a few honest people to look normal. One honest person
 * once rated one alias.
 */
function ratingRing(): { graph: DirectedGraph; honest: string[]; ring: string[] } {
  const graph = new DirectedGraph();
  const rng = seededRng(11);
  const honest = Array.from({ length: 40 }, (_, i) => `h${i}`);
  const ring = ['ring-boosted', ...Array.from({ length: 6 }, (_, i) => `ring${i}`)];
  for (const key of [...honest, ...ring]) graph.addNode(key);
  const rate = (rater: string, ratee: string, rating: number): void => {
    if (rater !== ratee) graph.updateEdge(ratee, rater, (a) => ({ weight: ((a.weight as number | undefined) ?? 0) + rating }));
  };
  for (const rater of honest) {
    for (let j = 0; j < 4; j++) rate(rater, honest[Math.floor(rng() * honest.length)], 1 + Math.floor(rng() * 5));
  }
  for (const a of ring) for (const b of ring) rate(a, b, b === 'ring-boosted' ? 100 : 10);
  for (const alias of ring) rate(alias, honest[Math.floor(rng() * honest.length)], 2);
  rate('h0', 'ring0', 1);
  return { graph, honest, ring };
}

describe('personalised PageRank against a rating ring', () => {
  const { graph, ring } = ratingRing();
  const share = (scores: Record<string, number>): number => ring.reduce((sum, key) => sum + scores[key], 0);
  const top = (scores: Record<string, number>, k: number): string[] =>
    Object.entries(scores)
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([key]) => key);

  const plain = pagerank(graph, { direction: 'reverse' });
  const anchored = pagerank(graph, { direction: 'reverse', seeds: ['h5', 'h17', 'h30'] });

  it('without seeds the ring keeps its share of the jumps and pushes the boosted account into the top 3', () => {
    expect(share(plain.scores)).toBeGreaterThan(0.1);
    expect(top(plain.scores, 3)).toContain('ring-boosted');
  });

  it('with seeds among honest people the ring gets a small fraction of that, and drops out of the top 10', () => {
    expect(anchored.converged).toBe(true);
    expect(share(anchored.scores)).toBeLessThan(share(plain.scores) / 5);
    expect(top(anchored.scores, 10).some((key) => key.startsWith('ring'))).toBe(false);
  });

  it('gives exactly 0 to whom the seeds cannot reach, so they tie rather than be ordered by rounding', () => {
    // a closed ring that nobody the seeds reach was influenced by: edges ratee → rater, rank flowing back to ratees
    const g = new DirectedGraph();
    for (const [s, t] of [
      ['a', 'b'],
      ['b', 'c'],
      ['x', 'y'],
      ['y', 'x'],
      ['y', 'z'],
      ['z', 'x'],
    ]) g.mergeEdge(s!, t!, { weight: 1 });
    const scores = pagerank(g, { direction: 'reverse', seeds: ['c'] }).scores;
    expect([scores.x, scores.y, scores.z]).toEqual([0, 0, 0]);
    expect(scores.c! + scores.b! + scores.a!).toBeCloseTo(1, 12);
    // plain PageRank gives the ring its share
    expect(pagerank(g, { direction: 'reverse' }).scores.x).toBeGreaterThan(0.1);
  });

  it('scores still sum to 1', () => {
    const total = Object.values(anchored.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });
});

describe('pagerank options', () => {
  const karate = loadSmallGraph('karate_club');

  it('seeds on every node equal plain PageRank; a weight map is normalised', () => {
    const everyone = pagerank(karate, { seeds: karate.nodes() }).scores;
    expect(maxDeviation(everyone, pagerank(karate).scores)).toBeLessThan(1e-15);
    const weighted = pagerank(karate, { seeds: { '0': 2, '33': 2 } }).scores;
    expect(maxDeviation(weighted, pagerank(karate, { seeds: ['0', '33', '33'] }).scores)).toBeLessThan(1e-15);
  });

  it("direction 'reverse' is PageRank on the reversed graph", () => {
    const graph = new DirectedGraph();
    const reversed = new DirectedGraph();
    for (const [s, t, w] of [
      ['a', 'b', 1],
      ['b', 'c', 2],
      ['c', 'a', 1],
      ['c', 'd', 3],
      ['e', 'a', 1],
    ] as const) {
      graph.mergeEdge(s, t, { weight: w });
      reversed.mergeEdge(t, s, { weight: w });
    }
    expect(maxDeviation(pagerank(graph, { direction: 'reverse' }).scores, pagerank(reversed).scores)).toBeLessThan(1e-15);
  });

  it('runs a fixed number of iterations with tolerance 0, and never throws for lack of convergence', () => {
    const result = pagerank(karate, { tolerance: 0, maxIterations: 7 });
    expect(result).toMatchObject({ iterations: 7, converged: false });
    expect(result.residual).toBeGreaterThan(0);
  });

  it('the kernel runs on a CSR with a personalisation vector', () => {
    const csr = csrOf(karate, { getEdgeWeight: 'weight' });
    const p = personalizationVector(csr, ['0']);
    const vector = pagerankKernel(csr, { alpha: 0.85, personalization: p, dangling: 'personalization', tolerance: 1e-12, maxIterations: 1000 });
    const viaGraph = pagerank(karate, { seeds: ['0'] }).scores;
    expect(vector.values[csr.indexOf.get('0')!]).toBe(viaGraph['0']);
  });

  it('handles the empty graph', () => {
    expect(pagerank(new DirectedGraph())).toEqual({ scores: {}, iterations: 0, converged: true, residual: 0 });
  });

  it('rejects bad input with errors that name the module', () => {
    expect(() => pagerank(karate, { seeds: ['nobody'] })).toThrow(/pagerank: seed "nobody" is not a node/);
    expect(() => pagerank(karate, { seeds: [] })).toThrow(CentralityInputError);
    expect(() => pagerank(karate, { seeds: { '0': 0 } })).toThrow(/seed weights sum to 0/);
    expect(() => pagerank(karate, { seeds: { '0': -1 } })).toThrow(/must be finite and ≥ 0/);
    expect(() => pagerank(karate, { alpha: 1.5 })).toThrow(/pagerank: alpha must be a number in \[0, 1\]/);
    expect(() => pagerank(karate, { direction: 'sideways' as 'out' })).toThrow(/direction must be one of/);
    expect(() => pagerank(karate, { maxIterations: 0 })).toThrow(CentralityInputError);
    const negative = new DirectedGraph();
    negative.mergeEdge('a', 'b', { weight: -1 });
    expect(() => pagerank(negative)).toThrow(/pagerank: edge weights must be ≥ 0/);
    expect(() => pagerank({} as DirectedGraph)).toThrow(/pagerank: the given graph is not a graphology instance/);
  });
});
