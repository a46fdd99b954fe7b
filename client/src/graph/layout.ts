/**
 * Positions when the server sends none (every x,y = 0): a deterministic start (nodes on a golden-angle
 * spiral, grouped by community), then ForceAtlas2 in a web worker for a bounded number of iterations, then the positions are
 * cached in localStorage under a key derived from the graph (node ids + edge count), so a reload shows the
 * same picture at once. Writing positions is layout, not display: reducers still never touch the graph.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { SceneGraph } from './scene.ts';
import { safeStorage } from '../panel/dom.ts';


const STORAGE_PREFIX = 'catalyst:layout:';

/** FNV-1a over the sorted node ids and the edge count: the same graph gets the same key on every reload. */
export function graphLayoutKey(graph: SceneGraph): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const id of graph.nodes().sort()) mix(`${id}\u0000`);
  mix(`#${graph.size}`);
  return `${STORAGE_PREFIX}${graph.order}:${h.toString(36)}`;
}

/**
 * Positions as one Float32Array (x0,y0,x1,y1,...) in sorted-id order (the order the key is computed in, so
 * the API may list nodes in any order), base64 in storage (~11 bytes per node).
 */
export function encodePositions(graph: SceneGraph): string {
  const xy = new Float32Array(graph.order * 2);
  graph
    .nodes()
    .sort()
    .forEach((n, k) => {
      xy[k * 2] = graph.getNodeAttribute(n, 'x');
      xy[k * 2 + 1] = graph.getNodeAttribute(n, 'y');
    });
  const bytes = new Uint8Array(xy.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodePositions(graph: SceneGraph, encoded: string): boolean {
  const binary = atob(encoded);
  if (binary.length !== graph.order * 8) return false;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const xy = new Float32Array(bytes.buffer);
  const rank = new Map(graph.nodes().sort().map((n, k) => [n, k]));
  graph.updateEachNodeAttributes((n, a) => ({ ...a, x: xy[rank.get(n)! * 2]!, y: xy[rank.get(n)! * 2 + 1]! }), { attributes: ['x', 'y'] });
  return true;
}

/** Golden-angle spiral, communities in consecutive arcs: a readable start for FA2. */
export function seedPositions(graph: SceneGraph): void {
  const nodes = graph.nodes().sort((a, b) => graph.getNodeAttribute(a, 'community') - graph.getNodeAttribute(b, 'community') || (a < b ? -1 : 1));
  const golden = Math.PI * (3 - Math.sqrt(5));
  const position = new Map<string, { x: number; y: number }>();
  nodes.forEach((n, k) => {
    const r = Math.sqrt(k + 1) * 10;
    position.set(n, { x: r * Math.cos(k * golden), y: r * Math.sin(k * golden) });
  });
  graph.updateEachNodeAttributes((n, a) => ({ ...a, ...position.get(n)! }), { attributes: ['x', 'y'] });
}

export interface LayoutRun {
  /** resolves when the layout stopped and positions were stored */
  done: Promise<'cached' | 'computed' | 'stopped'>;
  stop(): void;
}

/** Iterations for a graph of this size: enough to settle a few hundred nodes, bounded for big graphs. */
export function layoutIterations(order: number): number {
  if (order <= 1_000) return 600;
  if (order <= 10_000) return 250;
  return 100;
}

function applyPositions(graph: SceneGraph, xy: Float32Array): void {
  graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: xy[a.i * 2]!, y: xy[a.i * 2 + 1]! }), { attributes: ['x', 'y'] });
}

/**
 * Gives the graph positions: from the cache when there, else seeds them and runs ForceAtlas2 in a worker
 * (fa2.worker.ts), applying positions after each chunk of iterations; the renderer picks the moves up
 * through graph events. The final positions are cached.
 */
export function ensureLayout(graph: SceneGraph, opts: { iterations?: number; storage?: Storage | null } = {}): LayoutRun {
  const storage = opts.storage === undefined ? safeStorage() : opts.storage;
  const key = graphLayoutKey(graph);
  const cached = storage?.getItem(key);
  if (cached && decodePositions(graph, cached)) return { done: Promise.resolve('cached'), stop() {} };

  seedPositions(graph);
  // LinLog with hub dissuasion separates communities (Noack's energy model), which is what the map is read for.
  const settings = { ...forceAtlas2.inferSettings(graph), linLogMode: true, outboundAttractionDistribution: true, edgeWeightInfluence: 0.5, scalingRatio: 2, gravity: 1, strongGravityMode: false };
  const positions = new Float32Array(graph.order * 2);
  graph.forEachNode((_n, a) => {
    positions[a.i * 2] = a.x;
    positions[a.i * 2 + 1] = a.y;
  });
  const source = new Uint32Array(graph.size);
  const target = new Uint32Array(graph.size);
  const weight = new Float32Array(graph.size);
  let j = 0;
  graph.forEachEdge((_e, a, s, t, sa, ta) => {
    source[j] = sa.i;
    target[j] = ta.i;
    weight[j] = a.weight > 0 ? a.weight : 1;
    j++;
  });
  const iterations = opts.iterations ?? layoutIterations(graph.order);
  const worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
  let finish: (v: 'computed' | 'stopped') => void = () => {};
  const done = new Promise<'computed' | 'stopped'>((resolve) => {
    finish = resolve;
  });
  let stopped = false;
  const stop = (how: 'computed' | 'stopped' = 'stopped') => {
    if (stopped) return;
    stopped = true;
    worker.terminate();
    try {
      storage?.setItem(key, encodePositions(graph));
    } catch {
      // Storage full or disabled: the layout still works, it is just recomputed next time.
    }
    finish(how);
  };
  worker.onmessage = (event: MessageEvent<{ positions: Float32Array; finished: boolean }>) => {
    if (stopped) return;
    applyPositions(graph, event.data.positions);
    if (event.data.finished) stop('computed');
  };
  worker.onerror = () => stop('stopped');
  worker.postMessage({ positions, source, target, weight, settings, iterations, chunk: Math.max(10, Math.round(iterations / 12)) }, [positions.buffer, source.buffer, target.buffer, weight.buffer]);
  return { done, stop: () => stop('stopped') };
}

