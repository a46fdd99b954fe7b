/** The network in numbers: checked by hand on a small graph, and against a plain count on a random one and on bitcoin-otc. */
import { readFileSync } from 'node:fs';
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { degreeBins, networkStats } from '../../src/engine/network-stats.ts';
import { sharedPath } from '../support/shared.ts';

/** The same numbers counted the plain way: sets of pairs, a breadth-first search for the components. */
function plainCount(nodes: readonly string[], pairs: readonly [string, string][]) {
  const links = new Set<string>();
  for (const [a, b] of pairs) if (a !== b) links.add(`${a}\u0000${b}`);
  const neighbours = new Map(nodes.map((x) => [x, new Set<string>()]));
  const inDeg = new Map(nodes.map((x) => [x, 0]));
  const outDeg = new Map(nodes.map((x) => [x, 0]));
  let returned = 0;
  for (const key of links) {
    const [a, b] = key.split('\u0000') as [string, string];
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
    outDeg.set(a, outDeg.get(a)! + 1);
    inDeg.set(b, inDeg.get(b)! + 1);
    if (links.has(`${b}\u0000${a}`)) returned++;
  }
  const seen = new Set<string>();
  const sizes: number[] = [];
  for (const start of nodes) {
    if (seen.has(start)) continue;
    seen.add(start);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) for (const v of neighbours.get(queue[i]!)!) if (!seen.has(v)) (seen.add(v), queue.push(v));
    sizes.push(queue.length);
  }
  const n = nodes.length;
  return {
    people: n,
    links: links.size,
    density: links.size / (n * (n - 1)),
    reciprocity: returned / links.size,
    components: { count: sizes.length, largest: Math.max(...sizes) },
    isolated: nodes.filter((x) => neighbours.get(x)!.size === 0).length,
    maxInDegree: Math.max(...inDeg.values()),
    maxOutDegree: Math.max(...outDeg.values()),
    inDegrees: [...inDeg.values()],
    outDegrees: [...outDeg.values()],
  };
}

function graphOf(nodes: readonly string[], pairs: readonly [string, string][]): DirectedGraph {
  const g = new DirectedGraph();
  for (const x of nodes) g.addNode(x);
  for (const [a, b] of pairs) g.mergeEdge(a, b);
  return g;
}

function expectAgreement(nodes: readonly string[], pairs: readonly [string, string][]) {
  const got = networkStats(graphOf(nodes, pairs));
  const want = plainCount(nodes, pairs);
  expect(got).toMatchObject({ people: want.people, links: want.links, components: want.components, isolated: want.isolated });
  expect(got.density).toBeCloseTo(want.density, 15);
  expect(got.reciprocity).toBeCloseTo(want.reciprocity, 15);
  expect(got.maxIn?.degree).toBe(want.maxInDegree);
  expect(got.maxOut?.degree).toBe(want.maxOutDegree);
  expect(got.inDegrees).toEqual(degreeBins(want.inDegrees));
  expect(got.outDegrees).toEqual(degreeBins(want.outDegrees));
}

describe('networkStats', () => {
  it('counts a small graph as by hand: a returned link, a self-loop left out, two components and an isolated person', () => {
    // a ⇄ b, b → c, c → c (self-loop), d → e; f alone
    const s = networkStats(graphOf(['a', 'b', 'c', 'd', 'e', 'f'], [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'c'], ['d', 'e']]));
    expect(s).toMatchObject({ people: 6, links: 4, components: { count: 3, largest: 3 }, isolated: 1, maxIn: { id: 'a', degree: 1 }, maxOut: { id: 'b', degree: 2 } });
    expect(s.density).toBeCloseTo(4 / 30, 15);
    expect(s.linksPerPerson).toBeCloseTo(4 / 6, 15);
    expect(s.reciprocity).toBeCloseTo(2 / 4, 15);
    expect(s.outDegrees).toEqual([
      { from: 0, to: 0, count: 3 },
      { from: 1, to: 1, count: 2 },
      { from: 2, to: 3, count: 1 },
    ]);
  });

  it('counts only the people asked for, and the links among them', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];
    const pairs: [string, string][] = [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'c'], ['d', 'e']];
    const only = new Set(['a', 'b', 'd', 'f']);
    const s = networkStats(graphOf(nodes, pairs), { only });
    const want = plainCount([...only], pairs.filter(([x, y]) => only.has(x) && only.has(y)));
    expect(s).toMatchObject({ people: 4, links: 2, components: want.components, isolated: 2, reciprocity: 1 });
    expect(s.density).toBeCloseTo(2 / 12, 15);
    expect(s.inDegrees.reduce((sum, b) => sum + b.count, 0)).toBe(4);
  });

  it('says nothing is returned or largest on a graph without links', () => {
    const s = networkStats(graphOf(['a', 'b'], []));
    expect(s).toMatchObject({ links: 0, density: 0, components: { count: 2, largest: 1 }, isolated: 2, maxIn: null, maxOut: null });
    expect(s.reciprocity).toBeNaN();
    expect(networkStats(new DirectedGraph())).toMatchObject({ people: 0, links: 0, density: 0, linksPerPerson: 0 });
  });

  it('bins degrees by doubling', () => {
    expect(degreeBins([0, 1, 2, 3, 4, 7, 8, 15, 16])).toEqual([
      { from: 0, to: 0, count: 1 },
      { from: 1, to: 1, count: 1 },
      { from: 2, to: 3, count: 2 },
      { from: 4, to: 7, count: 2 },
      { from: 8, to: 15, count: 2 },
      { from: 16, to: 31, count: 1 },
    ]);
  });

  it('agrees with the plain count on a random graph with returned links, self-loops and repeats', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const nodes = Array.from({ length: 400 }, (_, i) => `n${i}`);
    const pairs: [string, string][] = [];
    for (let k = 0; k < 900; k++) {
      const a = nodes[Math.floor(rand() * 400)]!;
      const b = nodes[Math.floor(rand() * 400)]!;
      pairs.push([a, b]);
      if (rand() < 0.3) pairs.push([b, a]);
    }
    expectAgreement(nodes, pairs);
  });

  it('agrees with the plain count on bitcoin-otc (ratee → rater, as the influence layer reads it)', () => {
    const rows = readFileSync(sharedPath('data/bitcoin-otc/soc-sign-bitcoinotc.csv'), 'utf8').trim().split('\n');
    const pairs = rows.map((line) => {
      const [rater, ratee] = line.split(',');
      return [ratee!, rater!] as [string, string];
    });
    const nodes = [...new Set(pairs.flat())];
    expect(nodes.length).toBe(5881);
    expectAgreement(nodes, pairs);
  });
});
