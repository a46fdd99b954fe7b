import { DirectedGraph, MultiDirectedGraph, MultiGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { CentralityInputError } from '../../../src/engine/centrality/errors.ts';
import { type Csr, csrOf, csrVersion, invalidateCsr, reverseCsr } from '../../../src/engine/csr.ts';

/** Out-arcs as "source>target:weight" strings, row by row, for readable assertions. */
function outArcs(csr: Csr): string[] {
  const arcs: string[] = [];
  for (let u = 0; u < csr.order; u++) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) arcs.push(`${csr.keys[u]}>${csr.keys[csr.outTargets[k]]}:${csr.outWeights[k]}`);
  }
  return arcs;
}

function inArcs(csr: Csr): string[] {
  const arcs: string[] = [];
  for (let v = 0; v < csr.order; v++) {
    for (let k = csr.inOffsets[v]; k < csr.inOffsets[v + 1]; k++) arcs.push(`${csr.keys[csr.inSources[k]]}>${csr.keys[v]}:${csr.inWeights[k]}`);
  }
  return arcs;
}

describe('csr: layout', () => {
  it('directed: out- and in-rows sorted by neighbour index, strengths summed', () => {
    const graph = new DirectedGraph();
    for (const key of ['a', 'b', 'c']) graph.addNode(key);
    graph.addEdge('c', 'a', { weight: 3 });
    graph.addEdge('a', 'c', { weight: 2 });
    graph.addEdge('a', 'b', { weight: 1 });
    const csr = csrOf(graph, { getEdgeWeight: 'weight' });
    expect(csr).toMatchObject({ directed: true, weighted: true, order: 3, arcCount: 3, selfLoops: 0, minWeight: 1 });
    expect(outArcs(csr)).toEqual(['a>b:1', 'a>c:2', 'c>a:3']);
    expect(inArcs(csr)).toEqual(['c>a:3', 'a>b:1', 'a>c:2']);
    expect([...csr.outStrength]).toEqual([3, 0, 3]);
    expect([...csr.inStrength]).toEqual([3, 1, 2]);
    expect(csr.indexOf.get('c')).toBe(2);
  });

  it('merges parallel edges: weights summed, or 1 when unweighted', () => {
    const graph = new MultiDirectedGraph();
    graph.mergeNode('a');
    graph.mergeNode('b');
    graph.addEdge('a', 'b', { weight: 2 });
    graph.addEdge('a', 'b', { weight: 5 });
    graph.addEdge('b', 'a', { weight: 1 });
    expect(outArcs(csrOf(graph, { getEdgeWeight: 'weight' }))).toEqual(['a>b:7', 'b>a:1']);
    expect(outArcs(csrOf(graph, { getEdgeWeight: null }))).toEqual(['a>b:1', 'b>a:1']);
  });

  it('undirected: both arcs per edge, one per self-loop, in-rows are the out-rows', () => {
    const graph = new MultiUndirectedGraph();
    graph.mergeNode('a');
    graph.mergeNode('b');
    graph.addEdge('a', 'b', { weight: 2 });
    graph.addEdge('b', 'a', { weight: 3 });
    graph.addEdge('b', 'b', { weight: 4 });
    const csr = csrOf(graph, { getEdgeWeight: 'weight' });
    expect(csr.directed).toBe(false);
    expect(outArcs(csr)).toEqual(['a>b:5', 'b>a:5', 'b>b:4']);
    expect(csr.inSources).toBe(csr.outTargets);
    expect(csr.selfLoops).toBe(1);
    expect(reverseCsr(csr)).toBe(csr);
  });

  it('mixed: directed, an undirected edge becomes two arcs', () => {
    const graph = new MultiGraph({ type: 'mixed' });
    graph.mergeNode('a');
    graph.mergeNode('b');
    graph.mergeNode('c');
    graph.addDirectedEdge('a', 'b');
    graph.addUndirectedEdge('b', 'c');
    const csr = csrOf(graph, { getEdgeWeight: null });
    expect(csr.directed).toBe(true);
    expect(outArcs(csr)).toEqual(['a>b:1', 'b>c:1', 'c>b:1']);
  });

  it('reverseCsr swaps the directions without copying', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 2 });
    const csr = csrOf(graph, { getEdgeWeight: 'weight' });
    const reversed = reverseCsr(csr);
    expect(outArcs(reversed)).toEqual(['b>a:2']);
    expect(reversed.outTargets).toBe(csr.inSources);
    expect(reversed.outStrength).toBe(csr.inStrength);
  });
});

describe('csr: weights', () => {
  const graph = new DirectedGraph();
  graph.mergeEdge('a', 'b', { weight: '4' });
  graph.mergeEdge('b', 'c', {});
  graph.mergeEdge('c', 'a', { weight: null, strength: 0.5 });

  it('reads an attribute: numeric strings coerced, missing values count 1', () => {
    expect(outArcs(csrOf(graph, { getEdgeWeight: 'weight' }))).toEqual(['a>b:4', 'b>c:1', 'c>a:1']);
  });

  it('reads a function, given the edge, its attributes, source and target', () => {
    const getEdgeWeight = (_edge: string, attributes: Record<string, unknown>, source: string): number =>
      source === 'a' ? 10 : ((attributes.strength as number | undefined) ?? 2);
    expect(outArcs(csrOf(graph, { getEdgeWeight }))).toEqual(['a>b:10', 'b>c:2', 'c>a:0.5']);
  });

  it('rejects a weight that is not a finite number', () => {
    const bad = new DirectedGraph();
    bad.mergeEdge('a', 'b', { weight: 'heavy' });
    expect(() => csrOf(bad, { getEdgeWeight: 'weight' })).toThrow(CentralityInputError);
    expect(() => csrOf(bad, { getEdgeWeight: 'weight' })).toThrow(/csr: edge ".*" has weight = "heavy"/);
    expect(() => csrOf(bad, { getEdgeWeight: () => Number.NaN })).toThrow(/getEdgeWeight returned NaN/);
  });
});

describe('csr: cache', () => {
  it('returns the same CSR for the same graph and weight reader, another for another reader', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 2 });
    const weighted = csrOf(graph, { getEdgeWeight: 'weight' });
    expect(csrOf(graph, { getEdgeWeight: 'weight' })).toBe(weighted);
    expect(csrOf(graph, { getEdgeWeight: null })).not.toBe(weighted);
    const reader = (): number => 3;
    expect(csrOf(graph, { getEdgeWeight: reader })).toBe(csrOf(graph, { getEdgeWeight: reader }));
  });

  it('keeps at most 8 weight readers per graph, dropping the oldest', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b');
    const first = csrOf(graph, { getEdgeWeight: null });
    for (let i = 0; i < 7; i++) csrOf(graph, { getEdgeWeight: () => i });
    expect(csrOf(graph, { getEdgeWeight: null })).toBe(first);
    csrOf(graph, { getEdgeWeight: () => 8 });
    expect(csrOf(graph, { getEdgeWeight: null })).not.toBe(first);
  });

  it('rebuilds after any structural or edge-attribute change graphology reports', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 1 });
    const mutations: [string, () => void][] = [
      ['addNode', () => graph.addNode('c')],
      ['addEdge', () => graph.addEdge('b', 'c', { weight: 1 })],
      ['setEdgeAttribute', () => graph.setEdgeAttribute('a', 'b', 'weight', 5)],
      ['updateEachEdgeAttributes', () => graph.updateEachEdgeAttributes((_e, attributes) => ({ ...attributes, weight: 2 }))],
      ['dropEdge', () => graph.dropEdge('b', 'c')],
      ['dropNode', () => graph.dropNode('c')],
      ['clearEdges', () => graph.clearEdges()],
      ['clear', () => graph.clear()],
    ];
    for (const [name, mutate] of mutations) {
      const before = csrOf(graph, { getEdgeWeight: 'weight' });
      mutate();
      const after = csrOf(graph, { getEdgeWeight: 'weight' });
      expect(after, name).not.toBe(before);
      expect(after.version, name).toBeGreaterThan(before.version);
    }
  });

  it('keeps the CSR across node attribute changes, and rebuilds on invalidateCsr after in-place mutation', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 1 });
    const before = csrOf(graph, { getEdgeWeight: 'weight' });
    graph.setNodeAttribute('a', 'name', 'Ana');
    expect(csrOf(graph, { getEdgeWeight: 'weight' })).toBe(before);

    // graphology cannot see this one.
    graph.getEdgeAttributes('a', 'b').weight = 9;
    expect(csrOf(graph, { getEdgeWeight: 'weight' })).toBe(before);
    invalidateCsr(graph);
    const after = csrOf(graph, { getEdgeWeight: 'weight' });
    expect(after.outWeights[0]).toBe(9);
    expect(csrVersion(graph)).toBe(after.version);
  });

  it('rejects something that is not a graph', () => {
    expect(() => csrOf({} as DirectedGraph, { getEdgeWeight: null })).toThrow(/csr: the given graph is not a graphology instance/);
  });
});
