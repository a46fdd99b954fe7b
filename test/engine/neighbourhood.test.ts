/** A person's neighbourhood: everyone within a number of steps, along links either way. */
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { MAX_HOPS, neighbourhood } from '../../src/engine/neighbourhood.ts';
import { InfluenceInputError } from '../../src/engine/time/errors.ts';

/** a → b → c → d, e → a (e only points in), f alone, and x → y elsewhere */
function chain(): DirectedGraph {
  const g = new DirectedGraph();
  for (const n of ['a', 'b', 'c', 'd', 'e', 'f', 'x', 'y']) g.addNode(n);
  g.addEdge('a', 'b');
  g.addEdge('b', 'c');
  g.addEdge('c', 'd');
  g.addEdge('e', 'a');
  g.addEdge('x', 'y');
  return g;
}

describe('neighbourhood', () => {
  it('reaches along links either way, nearest first, with the steps to each', () => {
    const g = chain();
    expect(Object.fromEntries(neighbourhood(g, 'b', 1))).toEqual({ b: 0, a: 1, c: 1 });
    const steps = [...neighbourhood(g, 'b', 2).values()];
    expect(steps).toEqual([...steps].sort((p, q) => p - q));
    expect(Object.fromEntries(neighbourhood(g, 'b', 2))).toEqual({ b: 0, a: 1, c: 1, d: 2, e: 2 });
    expect(Object.fromEntries(neighbourhood(g, 'd', 3))).toEqual({ d: 0, c: 1, b: 2, a: 3 });
    // in-links count as much as out-links: e only points at a
    expect(Object.fromEntries(neighbourhood(g, 'a', 1))).toEqual({ a: 0, b: 1, e: 1 });
  });

  it('is the person alone when they have no link, or are not in the graph', () => {
    expect(Object.fromEntries(neighbourhood(chain(), 'f', 3))).toEqual({ f: 0 });
    expect(Object.fromEntries(neighbourhood(chain(), 'nobody', 2))).toEqual({ nobody: 0 });
  });

  it('agrees with a breadth-first search over an undirected copy, on a random graph', () => {
    const g = new DirectedGraph();
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) g.addNode(String(i));
    for (let k = 0; k < 450; k++) g.mergeEdge(String(Math.floor(rand() * 300)), String(Math.floor(rand() * 300)));
    const adjacency = new Map<string, Set<string>>();
    g.forEachNode((n) => adjacency.set(n, new Set()));
    g.forEachEdge((_e, _a, s, t) => {
      adjacency.get(s)!.add(t);
      adjacency.get(t)!.add(s);
    });
    for (const source of ['0', '17', '123']) {
      for (let hops = 1; hops <= MAX_HOPS; hops++) {
        const expected = new Map([[source, 0]]);
        let frontier = [source];
        for (let step = 1; step <= hops; step++) {
          frontier = frontier.flatMap((u) => [...adjacency.get(u)!].filter((v) => !expected.has(v)).map((v) => (expected.set(v, step), v)));
        }
        expect(Object.fromEntries(neighbourhood(g, source, hops)), `${source} within ${hops}`).toEqual(Object.fromEntries(expected));
      }
    }
  });

  it('takes 1 to MAX_HOPS steps, and says so otherwise', () => {
    for (const hops of [0, MAX_HOPS + 1, 1.5, Number.NaN]) {
      expect(() => neighbourhood(chain(), 'a', hops)).toThrow(InfluenceInputError);
    }
    expect(() => neighbourhood(chain(), 'a', 0)).toThrow(/hops/);
  });
});
