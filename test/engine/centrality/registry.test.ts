import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  CentralityInputError,
  METRICS,
  METRIC_NAMES,
  betweenness,
  closeness,
  computeAll,
  computeMetric,
  constraint,
  degree,
  eigenvector,
  harmonic,
  hits,
  isMetricName,
  pagerank,
} from '../../../src/engine/centrality/index.ts';
import { loadSmallGraph } from './reference-graphs.ts';

/** A small influence graph: edges run influencer → influenced, weight = strength. */
function influenceGraph(): DirectedGraph {
  const graph = new DirectedGraph();
  for (const [influencer, influenced, weight] of [
    ['ana', 'bo', 3],
    ['ana', 'cy', 2],
    ['ana', 'di', 1],
    ['bo', 'cy', 1],
    ['cy', 'bo', 1],
    ['di', 'ed', 2],
    ['ed', 'fay', 1],
  ] as const) {
    graph.mergeEdge(influencer, influenced, { weight });
  }
  return graph;
}

describe('centrality registry', () => {
  it('lists every metric the API serves, each with a description and a ranking direction', () => {
    expect(Object.keys(METRICS).sort()).toEqual([...METRIC_NAMES].sort());
    for (const name of METRIC_NAMES) {
      expect(METRICS[name].name).toBe(name);
      expect(METRICS[name].description.length).toBeGreaterThan(20);
    }
    expect(METRICS.constraint.higherIsMoreInfluential).toBe(false);
    expect(METRIC_NAMES.filter((name) => !METRICS[name].higherIsMoreInfluential)).toEqual(['constraint']);
    expect(isMetricName('pagerank')).toBe(true);
    expect(isMetricName('toString')).toBe(false);
  });

  it('ranks influencers first on an influencer → influenced graph', () => {
    const graph = influenceGraph();
    for (const name of ['pagerank', 'eigenvector', 'closeness', 'harmonic'] as const) {
      const scores = computeMetric(name, graph);
      const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0][0];
      expect(best, name).toBe('ana');
    }
  });

  it('runs PageRank, eigenvector, closeness and harmonic against the edges, weighted where tie strength matters', () => {
    const graph = influenceGraph();
    expect(computeMetric('pagerank', graph)).toEqual(pagerank(graph, { direction: 'reverse', getEdgeWeight: 'weight' }).scores);
    expect(computeMetric('eigenvector', graph)).toEqual(eigenvector(graph, { direction: 'reverse', getEdgeWeight: 'weight' }).scores);
    expect(computeMetric('closeness', graph)).toEqual(closeness(graph, { direction: 'reverse' }));
    expect(computeMetric('harmonic', graph)).toEqual(harmonic(graph, { direction: 'reverse' }));
    expect(computeMetric('betweenness', graph)).toEqual(betweenness(graph));
    expect(computeMetric('weighted-degree', graph)).toEqual(degree(graph, { getEdgeWeight: 'weight', normalized: false }));
    expect(computeMetric('constraint', graph)).toEqual(constraint(graph, { getEdgeWeight: 'weight' }));
    expect(computeMetric('hits-hub', graph)).toEqual(hits(graph).hubs);
  });

  it("runs with the edges for orientation 'influenced-to-influencer', and passes options through", () => {
    const graph = influenceGraph();
    const options = { orientation: 'influenced-to-influencer', getEdgeWeight: null, alpha: 0.5 } as const;
    expect(computeMetric('pagerank', graph, options)).toEqual(pagerank(graph, { getEdgeWeight: null, alpha: 0.5 }).scores);
    expect(computeMetric('closeness', graph, options)).toEqual(closeness(graph));
    expect(computeMetric('betweenness', graph, { betweennessSamples: 3, seed: 5 })).toEqual(betweenness(graph, { samples: 3, seed: 5 }));
  });

  it('personalised PageRank needs seeds', () => {
    const graph = influenceGraph();
    expect(() => computeMetric('pagerank-personalized', graph)).toThrow(/'pagerank-personalized' needs seeds/);
    expect(computeMetric('pagerank-personalized', graph, { seeds: ['bo'] })).toEqual(
      pagerank(graph, { direction: 'reverse', seeds: ['bo'] }).scores,
    );
  });

  it('rejects an unknown metric or orientation with a CentralityInputError', () => {
    const graph = influenceGraph();
    expect(() => computeMetric('fame', graph)).toThrow(CentralityInputError);
    expect(() => computeMetric('fame', graph)).toThrow(/centrality: unknown metric "fame"/);
    expect(() => computeMetric('pagerank', graph, { orientation: 'up' as 'influencer-to-influenced' })).toThrow(/orientation must be/);
  });

  it('computeAll returns every metric for every node, personalised PageRank only with seeds', () => {
    const graph = influenceGraph();
    const all = computeAll(graph);
    expect(Object.keys(all).sort()).toEqual(METRIC_NAMES.filter((name) => name !== 'pagerank-personalized').sort());
    for (const [name, scores] of Object.entries(all)) {
      expect(Object.keys(scores!).sort(), name).toEqual(graph.nodes().sort());
      expect(scores, name).toEqual(computeMetric(name, graph));
    }
    expect(Object.keys(computeAll(graph, { seeds: ['ana'] }))).toContain('pagerank-personalized');
  });

  it('works on an undirected graph, where orientation makes no difference', () => {
    const graph: UndirectedGraph = loadSmallGraph('florentine_families');
    expect(computeMetric('pagerank', graph)).toEqual(computeMetric('pagerank', graph, { orientation: 'influenced-to-influencer' }));
    expect(computeMetric('closeness', graph)).toEqual(closeness(graph));
  });
});
