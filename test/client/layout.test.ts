/**
 * The client's layout fallback (used only when the server sends no positions): the cache key is stable for
 * the same graph, positions survive the localStorage round trip, and a cached layout is applied without
 * starting a worker.
 */
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../src/api/contract.ts';
import { decodePositions, encodePositions, ensureLayout, graphLayoutKey, seedPositions } from '../../client/src/graph/layout.ts';
import { buildScene, needsLayout } from '../../client/src/graph/scene.ts';

function response(order: string[], edges: [string, string][] = [['a', 'b'], ['b', 'c']]): GraphResponse {
  return {
    nodes: order.map((id, k) => ({ id, name: id, sectors: [], community: k % 2, score: 1, activity: 1, x: 0, y: 0 })),
    edges: edges.map(([source, target]) => ({ source, target, weight: 1 })),
    metric: 'pagerank',
    at: null,
    total: { nodes: order.length, edges: edges.length },
    communities: 2,
  };
}

/** A Storage over a Map: the browser's localStorage interface, nothing more. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('layout cache', () => {
  it('keys a graph by its node ids and edge count, whatever the order the API sent', () => {
    const a = buildScene(response(['a', 'b', 'c']));
    const b = buildScene(response(['c', 'a', 'b']));
    const c = buildScene(response(['a', 'b', 'c'], [['a', 'b']]));
    const d = buildScene(response(['a', 'b', 'x']));
    expect(graphLayoutKey(a.graph)).toBe(graphLayoutKey(b.graph));
    expect(graphLayoutKey(a.graph)).not.toBe(graphLayoutKey(c.graph));
    expect(graphLayoutKey(a.graph)).not.toBe(graphLayoutKey(d.graph));
    expect(graphLayoutKey(a.graph)).toMatch(/^catalyst:layout:3:/);
  });

  it('seeds distinct, deterministic positions and round-trips them through storage encoding', () => {
    const scene = buildScene(response(['a', 'b', 'c']));
    expect(needsLayout(scene)).toBe(true);
    seedPositions(scene.graph);
    const seeded = scene.graph.mapNodes((_n, a) => [a.x, a.y]);
    expect(new Set(seeded.map((p) => p.join(','))).size).toBe(3);
    const again = buildScene(response(['a', 'b', 'c']));
    seedPositions(again.graph);
    expect(again.graph.mapNodes((_n, a) => [a.x, a.y])).toEqual(seeded);

    const encoded = encodePositions(scene.graph);
    const fresh = buildScene(response(['a', 'b', 'c']));
    expect(decodePositions(fresh.graph, encoded)).toBe(true);
    fresh.graph.forEachNode((n, a) => {
      expect(a.x).toBeCloseTo(scene.graph.getNodeAttribute(n, 'x'), 3);
      expect(a.y).toBeCloseTo(scene.graph.getNodeAttribute(n, 'y'), 3);
    });
    // A cache entry for a graph of another size is ignored.
    expect(decodePositions(buildScene(response(['a', 'b'], [['a', 'b']])).graph, encoded)).toBe(false);
  });

  it('applies a cached layout at once, without a worker', async () => {
    const storage = new MemoryStorage();
    const first = buildScene(response(['a', 'b', 'c']));
    seedPositions(first.graph);
    first.graph.setNodeAttribute('b', 'x', 123.5);
    storage.setItem(graphLayoutKey(first.graph), encodePositions(first.graph));
    const scene = buildScene(response(['b', 'c', 'a'])); // same graph, other order
    const run = ensureLayout(scene.graph, { storage });
    expect(await run.done).toBe('cached');
    scene.graph.forEachNode((n, a) => {
      expect(a.x).toBeCloseTo(first.graph.getNodeAttribute(n, 'x'), 3);
      expect(a.y).toBeCloseTo(first.graph.getNodeAttribute(n, 'y'), 3);
    });
    expect(scene.graph.getNodeAttribute('b', 'x')).toBeCloseTo(123.5);
  });
});
