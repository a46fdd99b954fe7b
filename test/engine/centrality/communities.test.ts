import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { communities } from '../../../src/engine/communities.ts';
import { loadBitcoinOtc, loadSmallGraph } from './reference-graphs.ts';

describe('communities (Louvain on the undirected view)', () => {
  it('splits two triangles joined by a bridge into the two triangles', () => {
    const graph = new UndirectedGraph();
    for (const [a, b] of [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a3', 'a1'],
      ['b1', 'b2'],
      ['b2', 'b3'],
      ['b3', 'b1'],
      ['a1', 'b1'],
    ]) {
      graph.mergeEdge(a, b);
    }
    const result = communities(graph);
    expect(result.count).toBe(2);
    const { a1, a2, a3, b1, b2, b3 } = result.communities;
    expect(new Set([a1, a2, a3]).size).toBe(1);
    expect(new Set([b1, b2, b3]).size).toBe(1);
    expect(a1).not.toBe(b1);
    // Q = Σ_c (L_c/m − (d_c/2m)²) = 2·(3/7 − (7/14)²)
    expect(result.modularity).toBeCloseTo(2 * (3 / 7 - 0.25), 12);
  });

  it('is deterministic for a seed and finds the karate club’s known structure (Q ≈ 0.42)', () => {
    const graph = loadSmallGraph('karate_club');
    const a = communities(graph, { getEdgeWeight: null, seed: 1 });
    expect(communities(graph, { getEdgeWeight: null, seed: 1 })).toEqual(a);
    expect(a.count).toBeGreaterThanOrEqual(3);
    expect(a.count).toBeLessThanOrEqual(5);
    expect(a.modularity).toBeGreaterThan(0.4);
    expect(a.modularity).toBeLessThan(0.43);
  });

  it('terminates on a directed graph by symmetrising it (A + Aᵀ)', () => {
    const graph = loadBitcoinOtc();
    const result = communities(graph, { seed: 3 });
    expect(Object.keys(result.communities)).toHaveLength(graph.order);
    expect(result.count).toBeGreaterThan(1);
    expect(result.modularity).toBeGreaterThan(0.3);
  });

  it('sums reciprocal directed ties into one undirected tie', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 5 });
    graph.mergeEdge('b', 'a', { weight: 5 });
    graph.mergeEdge('c', 'd', { weight: 1 });
    graph.mergeEdge('b', 'c', { weight: 1 });
    const result = communities(graph);
    expect(result.communities.a).toBe(result.communities.b);
    expect(result.communities.a).not.toBe(result.communities.c);
  });

  it('gives each node of an edgeless graph its own community', () => {
    const graph = new UndirectedGraph();
    graph.addNode('x');
    graph.addNode('y');
    const result = communities(graph);
    expect(result.count).toBe(2);
    expect(Number.isNaN(result.modularity)).toBe(true);
  });
});
