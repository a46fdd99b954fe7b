import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src/engine/layout.ts';

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

  it('lays out a graph of only isolated people without forces (community discs)', () => {
    const g = new DirectedGraph();
    for (let k = 0; k < 5; k++) g.addNode(`p${k}`);
    const p = layout(g);
    expect(p.nodes).toHaveLength(5);
    expect(new Set(Array.from(p.x, (x, i) => `${x},${p.y[i]}`)).size).toBe(5);
  });
});
