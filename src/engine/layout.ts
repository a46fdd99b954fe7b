/**
 * Node positions for the explorer: deterministic (same graph → same picture on every reload) and cheap enough
 * for large graphs.
 *
 * Nodes start on a layout by community — each community on its own disc, discs spread on a spiral by size —
 * with seeded jitter, then ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2, Barnes–Hut for
 * large graphs) refines it for a number of iterations that shrinks with size, so layouts cost about the same
 * time whatever the graph (≈ iterations · n log n).
 *
 * People with no tie at all (e.g. just imported from a people file) take no part in the forces: FA2 would push
 * them anywhere around the picture, and the camera's fit with them. They are set out afterwards, in the graph's
 * node order, on a tidy grid in a band under the connected network. Components apart from the largest
 * (a closed ring, a pair) drift away under FA2's repulsion until gravity holds them, often off the picture:
 * each is brought in along its own direction to sit just outside the largest one.
 */
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import FA2_DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import iterateForceAtlas2 from 'graphology-layout-forceatlas2/iterate.js';
import type { AnyGraph } from './csr.ts';
import { seededRng } from './rng.ts';

// Under NodeNext the typings describe the CommonJS module object; at run time the default import is the function.
type ForceAtlas2 = typeof forceAtlas2Module.default;
const forceAtlas2: ForceAtlas2 =
  typeof forceAtlas2Module === 'function' ? (forceAtlas2Module as unknown as ForceAtlas2) : forceAtlas2Module.default;

/** graphology-layout-forceatlas2's matrices: floats per node (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed) and per edge. */
const PPN = 10;
const PPE = 3;

export interface LayoutOptions {
  /** community by node (from communities()); all in one when null */
  communities: Record<string, number> | null;
  /** ForceAtlas2 iterations; null picks by size */
  iterations: number | null;
  seed: number;
  /** called after each ForceAtlas2 iteration (progress of a long layout) */
  onIteration: ((done: number, total: number) => void) | null;
  /**
   * Barnes–Hut's accuracy above 2,000 nodes: a region this wide for its distance counts as one body. 1.2, Gephi's
   * default, rather than the library's 0.5: layouts 2.2–2.5× faster with the same quality
   * (bench/results/layout-theta.md: Slashdot 4.9 s instead of 10.6 s, bitcoin-otc 0.53 s instead of 1.36 s)
   */
  barnesHutTheta: number;
}

export const DEFAULTS: LayoutOptions = { communities: null, iterations: null, seed: 7, onIteration: null, barnesHutTheta: 1.2 };

export interface Positions {
  x: Float64Array;
  y: Float64Array;
  /** node keys, in graph order */
  nodes: string[];
  iterations: number;
}

export function layout(graph: AnyGraph, options: Partial<LayoutOptions> = {}): Positions {
  const o = { ...DEFAULTS, ...options };
  const nodes = graph.nodes();
  const n = nodes.length;
  const rng = seededRng(o.seed);
  const community = (node: string) => o.communities?.[node] ?? 0;

  const sizes = new Map<number, number>();
  for (const node of nodes) sizes.set(community(node), (sizes.get(community(node)) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const centre = new Map<number, { x: number; y: number; r: number }>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  order.forEach(([c, size], i) => {
    const dist = i === 0 ? 0 : Math.sqrt(n) * 2.2 * Math.sqrt(i / Math.max(order.length, 1)) + Math.sqrt(size);
    centre.set(c, { x: dist * Math.cos(i * golden), y: dist * Math.sin(i * golden), r: Math.sqrt(size) * 1.5 + 1 });
  });

  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const c = centre.get(community(node))!;
    const angle = rng() * 2 * Math.PI;
    const radius = c.r * Math.sqrt(rng());
    positions.set(node, { x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  }

  const iterations = o.iterations ?? (n <= 1000 ? 300 : n <= 5000 ? 120 : n <= 20000 ? 40 : 15);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (n > 1 && graph.size > 0 && iterations > 0) {
    const isolated: number[] = [];
    nodes.forEach((node, i) => {
      if (graph.degree(node) === 0) isolated.push(i);
    });
    const placed = forceAtlas2Positions(graph, (node) => positions.get(node)!, iterations, o.onIteration, o.barnesHutTheta);
    nodes.forEach((node, i) => {
      const p = placed.get(node);
      if (!p) return;
      x[i] = p.x;
      y[i] = p.y;
    });
    packComponents(graph, nodes, x, y, new Set(isolated));
    if (isolated.length > 0) placeBelow(isolated, x, y, new Set(isolated));
  } else {
    nodes.forEach((node, i) => {
      x[i] = positions.get(node)!.x;
      y[i] = positions.get(node)!.y;
    });
  }
  return { x, y, nodes, iterations };
}

/**
 * ForceAtlas2 on the nodes of `graph` that have a tie, from `start`'s positions: what graphology-layout-forceatlas2's
 * layout function computes on a copy of the graph without the isolated nodes (unweighted, its inferred settings,
 * Barnes–Hut above 2,000 nodes at `barnesHutTheta`), built here from the graph itself and run one iteration at a
 * time, so a long layout can say how far it is. Without the copy, Slashdot's layout took 14.7 s instead of 16.0 s
 * (at θ = 0.5, median of 3 alternated). Positions by node.
 */
export function forceAtlas2Positions(
  graph: AnyGraph,
  start: (node: string) => { x: number; y: number },
  iterations: number,
  onIteration: ((done: number, total: number) => void) | null = null,
  barnesHutTheta = DEFAULTS.barnesHutTheta,
): Map<string, { x: number; y: number }> {
  const slot = new Map<string, number>();
  const connected: string[] = [];
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) return;
    slot.set(node, connected.length * PPN);
    connected.push(node);
  });
  const nodeMatrix = new Float32Array(connected.length * PPN);
  connected.forEach((node, k) => {
    const p = start(node);
    nodeMatrix.set([p.x, p.y, 0, 0, 0, 0, 1, 1, 1, 0], k * PPN);
  });
  const edgeMatrix = new Float32Array(graph.size * PPE);
  let e = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = slot.get(source)!;
    const t = slot.get(target)!;
    // unweighted: each edge weighs 1, and a node's mass is 1 + its degree
    nodeMatrix[s + 6] += 1;
    nodeMatrix[t + 6] += 1;
    edgeMatrix.set([s, t, 1], e);
    e += PPE;
  });
  const settings = { ...FA2_DEFAULTS, ...forceAtlas2.inferSettings(connected.length), barnesHutOptimize: connected.length > 2000, barnesHutTheta, adjustSizes: false };
  for (let it = 1; it <= iterations; it++) {
    iterateForceAtlas2(settings, nodeMatrix, edgeMatrix);
    onIteration?.(it, iterations);
  }
  return new Map(connected.map((node, k) => [node, { x: nodeMatrix[k * PPN]!, y: nodeMatrix[k * PPN + 1]! }]));
}

/**
 * Puts the `rows` nodes on a grid in a band under the others (the nodes not in `skip`), never wider than they are,
 * with the spacing of a typical node's neighbourhood; when that band would be more than half as tall as it is wide
 * (far more people without a tie than with one), the grid takes more columns, closer together, so the band stays
 * at most half as tall as the network is wide and the camera's fit keeps the network in view.
 */
function placeBelow(rows: number[], x: Float64Array, y: Float64Array, skip: Set<number>): void {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (skip.has(i)) continue;
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const width = Math.max(maxX - minX, maxY - minY, 1);
  const connected = x.length - skip.size;
  // About as far apart as connected nodes are, on average, in their bounding box; never wider than the network.
  let spacing = width / Math.max(1, Math.sqrt(connected));
  let cols = Math.max(1, Math.min(rows.length, Math.floor(width / spacing) + 1));
  // rows ≤ cols / 2 needs cols ≥ √(2n)
  const wanted = Math.min(rows.length, Math.ceil(Math.sqrt(2 * rows.length)));
  if (wanted > cols) {
    cols = wanted;
    spacing = width / (cols - 1);
  }
  const top = minY - 2 * spacing;
  rows.forEach((i, k) => {
    x[i] = minX + (k % cols) * spacing;
    y[i] = top - Math.floor(k / cols) * spacing;
  });
}

/**
 * Connected components of `graph` (edges in either direction) as lists of rows of `nodes`, largest first; the
 * rows in `skip` (people without a tie) are left out.
 */
function components(graph: AnyGraph, row: Map<string, number>, skip: Set<number>): number[][] {
  const seen = new Set<string>();
  const out: number[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start) || skip.has(row.get(start)!)) return;
    seen.add(start);
    const members: number[] = [];
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      members.push(row.get(node)!);
      graph.forEachNeighbor(node, (next) => {
        if (seen.has(next)) return;
        seen.add(next);
        stack.push(next);
      });
    }
    out.push(members);
  });
  return out.sort((a, b) => b.length - a.length);
}

function centreAndRadius(rows: number[], x: Float64Array, y: Float64Array): { cx: number; cy: number; r: number } {
  let cx = 0;
  let cy = 0;
  for (const i of rows) {
    cx += x[i]!;
    cy += y[i]!;
  }
  cx /= rows.length;
  cy /= rows.length;
  let r = 0;
  for (const i of rows) r = Math.max(r, Math.hypot(x[i]! - cx, y[i]! - cy));
  return { cx, cy, r };
}

/** The gap left between the largest component and the others, as a share of its radius. */
export const COMPONENT_GAP = 0.1;

/** Moves every component but the largest towards it, to sit at most COMPONENT_GAP outside its radius. */
function packComponents(graph: AnyGraph, nodes: string[], x: Float64Array, y: Float64Array, skip: Set<number>): void {
  const row = new Map(nodes.map((n, i) => [n, i]));
  const parts = components(graph, row, skip);
  if (parts.length < 2) return;
  const main = centreAndRadius(parts[0]!, x, y);
  for (const part of parts.slice(1)) {
    const c = centreAndRadius(part, x, y);
    const dx = c.cx - main.cx;
    const dy = c.cy - main.cy;
    const d = Math.hypot(dx, dy);
    const target = main.r * (1 + COMPONENT_GAP) + c.r;
    if (d <= target || d === 0) continue;
    const shift = (target - d) / d;
    for (const i of part) {
      x[i] = x[i]! + dx * shift;
      y[i] = y[i]! + dy * shift;
    }
  }
}

