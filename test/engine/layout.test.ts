import { DirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { COMPONENT_GAP, forceAtlas2Positions, layout } from '../../src/engine/layout.ts';
import { seededRng } from '../../src/engine/rng.ts';

const forceAtlas2 = (typeof forceAtlas2Module === 'function' ? forceAtlas2Module : forceAtlas2Module.default) as unknown as typeof forceAtlas2Module.default;

/** Two rings of 12 joined by one edge, plus `isolates` people with no tie. */
function graphWith(isolates: number): DirectedGraph {
  const g = new DirectedGraph();
  for (let r = 0; r < 2; r++) for (let k = 0; k < 12; k++) g.addNode(`r${r}-${k}`);
  for (let r = 0; r < 2; r++) for (let k = 0; k < 12; k++) g.addEdge(`r${r}-${k}`, `r${r}-${(k + 1) % 12}`);
  g.addEdge('r0-0', 'r1-0');
  for (let k = 0; k < isolates; k++) g.addNode(`alone-${k}`);
  return g;
}

describe('layout', () => {
  it('is deterministic: the same graph gives the same picture', () => {
    const a = layout(graphWith(3), { seed: 3 });
    const b = layout(graphWith(3), { seed: 3 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(a.x.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
  });

  it('sets people with no tie on a grid under the connected network, not scattered by the forces', () => {
    const p = layout(graphWith(30));
    const at = (name: string) => p.nodes.indexOf(name);
    const connected = p.nodes.filter((n) => !n.startsWith('alone')).map(at);
    const alone = p.nodes.filter((n) => n.startsWith('alone')).map(at);
    const xs = connected.map((i) => p.x[i]!);
    const ys = connected.map((i) => p.y[i]!);
    const [minX, maxX, minY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys)];
    for (const i of alone) {
      expect(p.y[i]).toBeLessThan(minY);
      expect(p.x[i]).toBeGreaterThanOrEqual(minX - 1e-9);
      expect(p.x[i]).toBeLessThanOrEqual(maxX + 1e-9);
    }
    // a grid: every place distinct, a few rows of equal spacing
    const places = new Set(alone.map((i) => `${p.x[i]},${p.y[i]}`));
    expect(places.size).toBe(30);
    const rows = new Set(alone.map((i) => p.y[i]));
    expect(rows.size).toBeGreaterThan(1);
    expect(rows.size).toBeLessThan(30);
    // the band sits close under the network: no farther than the network is tall
    const height = Math.max(...ys) - minY;
    expect(minY - Math.max(...alone.map((i) => p.y[i]!))).toBeLessThan(Math.max(height, maxX - minX));
  });

  it('keeps the band of people with no tie at most half as tall as the network is wide, however many they are', () => {
    for (const isolates of [30, 600, 5000]) {
      const p = layout(graphWith(isolates));
      const connected = p.nodes.flatMap((n, i) => (n.startsWith('alone') ? [] : [i]));
      const alone = p.nodes.flatMap((n, i) => (n.startsWith('alone') ? [i] : []));
      const span = (ids: number[], v: Float64Array) => Math.max(...ids.map((i) => v[i]!)) - Math.min(...ids.map((i) => v[i]!));
      const width = Math.max(span(connected, p.x), span(connected, p.y));
      expect(span(alone, p.y), `${isolates} alone`).toBeLessThanOrEqual(width / 2 + 1e-9);
      expect(span(alone, p.x), `${isolates} alone`).toBeLessThanOrEqual(width + 1e-9);
      expect(new Set(alone.map((i) => `${p.x[i]},${p.y[i]}`)).size).toBe(isolates);
    }
  });

  it('brings the smaller components in to sit just outside the largest, wherever the forces left them', () => {
    const g = graphWith(0);
    for (let k = 0; k < 3; k++) g.mergeEdge(`tri-${k}`, `tri-${(k + 1) % 3}`);
    g.mergeEdge('pair-a', 'pair-b');
    const p = layout(g, { seed: 11 });
    const at = (name: string) => p.nodes.indexOf(name);
    const centre = (names: string[]) => {
      const cx = names.reduce((s, n) => s + p.x[at(n)]!, 0) / names.length;
      const cy = names.reduce((s, n) => s + p.y[at(n)]!, 0) / names.length;
      return { cx, cy, r: Math.max(...names.map((n) => Math.hypot(p.x[at(n)]! - cx, p.y[at(n)]! - cy))) };
    };
    const main = centre(p.nodes.filter((n) => n.startsWith('r')));
    for (const part of [['tri-0', 'tri-1', 'tri-2'], ['pair-a', 'pair-b']]) {
      const c = centre(part);
      const d = Math.hypot(c.cx - main.cx, c.cy - main.cy);
      expect(d).toBeLessThanOrEqual(main.r * (1 + COMPONENT_GAP) + c.r + 1e-9);
    }
  });

  it('lays out a graph of only isolated people without forces (community discs)', () => {
    const g = new DirectedGraph();
    for (let k = 0; k < 5; k++) g.addNode(`p${k}`);
    const p = layout(g);
    expect(p.nodes).toHaveLength(5);
    expect(new Set(Array.from(p.x, (x, i) => `${x},${p.y[i]}`)).size).toBe(5);
  });

  it("is graphology-layout-forceatlas2's own run, iteration by iteration, with and without Barnes–Hut", () => {
    for (const [n, m] of [[60, 150], [2_500, 6_000]] as const) {
      const rng = seededRng(n);
      const g = new DirectedGraph();
      for (let i = 0; i < n; i++) g.addNode(`n${i}`);
      for (let k = 0; k < m; k++) {
        const a = `n${Math.floor(rng() * n)}`;
        const b = `n${Math.floor(rng() * n)}`;
        if (a !== b && !g.hasEdge(a, b)) g.addEdge(a, b);
      }
      for (let k = 0; k < 5; k++) g.addNode(`alone-${k}`);
      const start = new Map(g.nodes().map((node) => [node, { x: rng() * 100, y: rng() * 100 }]));
      const reported: [number, number][] = [];
      const ours = forceAtlas2Positions(g, (node) => start.get(node)!, 12, (done, total) => reported.push([done, total]));
      // the library on a copy without the people with no tie, from the same places
      const copy = g.copy();
      copy.forEachNode((node) => (copy.degree(node) === 0 ? copy.dropNode(node) : copy.mergeNodeAttributes(node, start.get(node)!)));
      const settings = { ...forceAtlas2.inferSettings(copy), barnesHutOptimize: copy.order > 2000, barnesHutTheta: 1.2, adjustSizes: false };
      const theirs = forceAtlas2(copy, { iterations: 12, settings, getEdgeWeight: null });
      expect(ours.size).toBe(copy.order);
      for (const [node, p] of ours) expect(p, node).toEqual(theirs[node]);
      expect(reported).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, 12]));
    }
  });
});
