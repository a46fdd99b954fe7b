/**
 * Every metric against NetworkX 3.6.1 (../shared/reference/*.json, rounded there to 12 decimals, so 5e-13 is
 * the floor of any deviation). The directed graphs' exact betweenness lives in betweenness.test.ts, beside the
 * sampled estimate that reuses it.
 */
import { describe, expect, it } from 'vitest';
import { loadReference } from '../../support/shared.ts';
import {
  betweenness,
  closeness,
  constraint,
  coreNumber,
  degree,
  effectiveSize,
  eigenvector,
  harmonic,
  hits,
  pagerank,
} from '../../../src/engine/centrality/index.ts';
import { type SmallGraphName, loadCollegeMsg, loadBitcoinOtc, loadSmallGraph, maxDeviation } from './reference-graphs.ts';

const TIGHT = 1e-9;

describe.each(['karate_club', 'les_miserables', 'florentine_families'] as SmallGraphName[])('NetworkX reference: %s (undirected)', (name) => {
  const graph = loadSmallGraph(name);
  const reference = loadReference(name);

  it('is built as the reference was', () => {
    expect([graph.order, graph.size]).toEqual([reference.nodes, reference.edges]);
  });

  const cases: [string, () => Record<string, number>][] = [
    ['pagerank_unweighted', () => pagerank(graph, { getEdgeWeight: null }).scores],
    ['pagerank_weighted', () => pagerank(graph, { getEdgeWeight: 'weight' }).scores],
    ['eigenvector_unweighted', () => eigenvector(graph, { getEdgeWeight: null }).scores],
    ['betweenness_normalized_unweighted', () => betweenness(graph)],
    ['closeness_unweighted', () => closeness(graph)],
    ['harmonic_unweighted', () => harmonic(graph)],
    ['degree_centrality', () => degree(graph)],
    ['core_number', () => coreNumber(graph)],
    ['constraint_unweighted', () => constraint(graph, { getEdgeWeight: null })],
    ['effective_size_unweighted', () => effectiveSize(graph, { getEdgeWeight: null })],
  ];
  it.each(cases)('%s within 1e-9', (metric, compute) => {
    expect(maxDeviation(compute(), reference.metrics[metric])).toBeLessThanOrEqual(TIGHT);
  });
});

describe.each([
  ['bitcoin_otc', loadBitcoinOtc],
  ['college_msg', loadCollegeMsg],
] as const)('NetworkX reference: %s (directed influence graph)', (name, load) => {
  const graph = load();
  const reference = loadReference(name);
  const n = graph.order;

  it('is built as the reference was', () => {
    expect([graph.order, graph.size]).toEqual([reference.nodes, reference.edges]);
  });

  it.each([
    ['influence_pagerank_weighted', 'weight'],
    ['influence_pagerank_unweighted', null],
  ] as const)('%s: reproduces networkx exactly with its stopping rule (L1 change < n·1e-12)', (metric, getEdgeWeight) => {
    const result = pagerank(graph, { direction: 'reverse', getEdgeWeight, tolerance: n * 1e-12 });
    expect(result.converged).toBe(true);
    expect(maxDeviation(result.scores, reference.metrics[metric])).toBeLessThanOrEqual(1e-11);
  });

  it.each([
    ['influence_pagerank_weighted', 'weight'],
    ['influence_pagerank_unweighted', null],
  ] as const)('%s: our tighter default stays within networkx’s own truncation error (5e-9)', (metric, getEdgeWeight) => {
    const result = pagerank(graph, { direction: 'reverse', getEdgeWeight });
    expect(result.converged).toBe(true);
    expect(result.residual).toBeLessThan(1e-12);
    expect(maxDeviation(result.scores, reference.metrics[metric])).toBeLessThanOrEqual(5e-9);
  });

  it('hits hubs and authorities (weighted, each summing to 1) within 1e-9', () => {
    const result = hits(graph);
    expect(result.converged).toBe(true);
    expect(maxDeviation(result.hubs, reference.metrics.hits_hubs)).toBeLessThanOrEqual(TIGHT);
    expect(maxDeviation(result.authorities, reference.metrics.hits_authorities)).toBeLessThanOrEqual(TIGHT);
  });

  it('in- and out-degree centrality within 1e-9', () => {
    expect(maxDeviation(degree(graph, { mode: 'in' }), reference.metrics.in_degree_centrality)).toBeLessThanOrEqual(TIGHT);
    expect(maxDeviation(degree(graph, { mode: 'out' }), reference.metrics.out_degree_centrality)).toBeLessThanOrEqual(TIGHT);
  });
});
