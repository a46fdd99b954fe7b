import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../src/domain/projection.ts';
import { communities } from '../../src/engine/communities.ts';
import { buildInfluenceGraph } from '../../src/engine/influence-graph.ts';
import { collusionRings } from '../../src/engine/rings.ts';
import { buildInteractionTable } from '../../src/engine/time/interaction-table.ts';
import { ARCHETYPE_IDS, generateDemoWorld, RING_IDS } from '../../src/services/demo/index.ts';

function demoGraph(seed: number) {
  const w = generateDemoWorld({ seed });
  const b = new ProjectionBuilder();
  for (const p of w.people) b.person(p);
  for (const e of w.events) {
    b.event({ ...e, at: Date.parse(e.at) });
    for (const d of e.drivers) b.drive(e.id, d.person);
    for (const r of e.reached) b.reach(e.id, r.person, r.weight);
  }
  return buildInfluenceGraph(buildInteractionTable(b.build()));
}

/** n people in a wide reciprocal web, plus the given extra edges. */
function web(n: number, extra: [string, string][]) {
  const g = new DirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`p${i}`);
  for (let i = 0; i < n; i++) {
    for (const d of [1, 2, 3, 7]) g.mergeEdge(`p${i}`, `p${(i + d) % n}`, { weight: 1 });
  }
  for (const [a, b] of extra) {
    if (!g.hasNode(a)) g.addNode(a);
    if (!g.hasNode(b)) g.addNode(b);
    g.mergeEdge(a, b, { weight: 5 });
  }
  return g;
}

const clique = (ids: string[]) => ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b] as [string, string]));

describe('collusion rings', () => {
  it('flags exactly the demo world ring, for several seeds, and none of the archetypes', () => {
    for (const seed of [42, 7, 2024]) {
      const g = demoGraph(seed);
      const rings = collusionRings(g, communities(g, { seed: 0 }).communities);
      expect(rings).toHaveLength(1);
      expect(rings[0]!.members).toEqual([...RING_IDS].sort());
      for (const id of Object.values(ARCHETYPE_IDS)) expect(rings[0]!.members).not.toContain(id);
      expect(rings[0]!.reason).toContain('vouch for each other');
    }
  });

  it('flags an isolated clique that only vouches for itself', () => {
    const ring = ['r1', 'r2', 'r3', 'r4'];
    const g = web(120, clique(ring));
    const rings = collusionRings(g, communities(g, { seed: 1 }).communities);
    expect(rings.map((r) => r.members)).toEqual([ring]);
    expect(rings[0]!.density).toBe(1);
    expect(rings[0]!.closedness).toBe(1);
  });

  it('does not flag the same clique when its influence reaches the rest of the network', () => {
    const ring = ['r1', 'r2', 'r3', 'r4'];
    const outward = ring.flatMap((r, i) => [[r, `p${i * 10}`], [`p${i * 10 + 1}`, r]] as [string, string][]);
    const g = web(120, [...clique(ring), ...outward]);
    expect(collusionRings(g, communities(g, { seed: 1 }).communities)).toEqual([]);
  });

  it('does not flag a closed group without reciprocity (a one-way chain)', () => {
    const chain: [string, string][] = [
      ['c1', 'c2'],
      ['c2', 'c3'],
      ['c3', 'c4'],
      ['c4', 'c5'],
    ];
    const g = web(120, chain);
    expect(collusionRings(g, communities(g, { seed: 1 }).communities)).toEqual([]);
  });
});
