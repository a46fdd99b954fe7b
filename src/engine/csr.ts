/**
 * Compressed sparse row (CSR) view of a graphology graph: the compact arrays every centrality kernel iterates.
 *
 * Why our own: graphology-metrics rebuilds a neighbourhood index on every call (0.9–3.2 µs per edge) and a
 * graphology edge costs ~380 bytes, while a CSR costs 12 bytes per arc and direction (GOTCHAS.md). We build it
 * once per graph version and weight reader, and every metric shares it.
 *
 * Layout: node i (0..n−1, in `graph.nodes()` order, `keys[i]` ↔ `indexOf`) has its out-arcs at
 * `outTargets[outOffsets[i] .. outOffsets[i+1])` with weights `outWeights[…]`, and its in-arcs likewise in
 * `inOffsets`/`inSources`/`inWeights`. Every row is sorted by neighbour index.
 * - Parallel edges are merged into one arc: weights summed, or weight 1 when unweighted (`getEdgeWeight: null`),
 *   so an unweighted CSR is the simple graph networkx would hold.
 * - Self-loops are kept as one arc u→u (as in networkx's adjacency matrix); kernels that must skip them do.
 * - Undirected graph: each edge {u,v} gives arcs u→v and v→u; the in-arrays are the out-arrays (same objects).
 *   A mixed graph is directed, its undirected edges becoming two arcs.
 *
 * Weights (`EdgeWeight`, read the same way in every metric): an attribute name, a function
 * `(edge, attributes, source, target) => number`, or `null` for unweighted. A missing (undefined/null) attribute
 * counts as 1 (graphology's and networkx's `.get(weight, 1)`); a numeric string such as "4" is coerced (graphology
 * would silently count it as 1); anything else that is not a finite number throws. The CSR accepts negative
 * weights and records `minWeight`; kernels that need non-negative weights check it.
 *
 * Cache: `csrOf(graph, { getEdgeWeight })` returns the CSR cached for that graph (WeakMap, so it dies with the
 * graph) and that weight reader (attribute name, `null`, or the function's identity; pass the same function
 * object to share a CSR; at most 8 readers per graph are kept, oldest dropped first). graphology has no version
 * counter, so the cache keeps its own: it bumps on every structural or edge-attribute event the graph emits
 * (edge/node added or dropped, cleared, edge attributes updated) and on `invalidateCsr(graph)`, which callers
 * must use after mutating an attributes object in place, the one change graphology cannot see.
 *
 * Cost: O(n + m) time in three counting-sort passes; memory 8(n+1) + 24·arcs bytes for a directed graph
 * (half for an undirected one), plus 32 bytes per raw arc while building.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { CentralityInputError } from './centrality/errors.ts';

/** How an edge's weight is read: attribute name, function, or `null` (every edge weighs 1). */
export type EdgeWeight = string | ((edge: string, attributes: Attributes, source: string, target: string) => number) | null;

/** 'out': the algorithm as networkx defines it on the graph as given (PageRank flows along edges).
 *  'reverse': the same algorithm on the reversed graph (PageRank accumulates at the sources of edges). */
export type FlowDirection = 'out' | 'reverse';

/** Any graphology graph (Graph, DirectedGraph, UndirectedGraph, multi or not). */
export type AnyGraph = AbstractGraph;

export interface Csr {
  /** The cache version this CSR was built at (see `csrVersion`). */
  readonly version: number;
  readonly directed: boolean;
  /** false when built with `getEdgeWeight: null`: every weight is 1. */
  readonly weighted: boolean;
  /** n */
  readonly order: number;
  /** number of merged out-arcs (for an undirected graph, 2 per edge, 1 per self-loop) */
  readonly arcCount: number;
  /** number of nodes carrying a self-loop */
  readonly selfLoops: number;
  /** smallest arc weight (Infinity when there are no arcs) */
  readonly minWeight: number;
  readonly keys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly outOffsets: Uint32Array;
  readonly outTargets: Uint32Array;
  readonly outWeights: Float64Array;
  readonly inOffsets: Uint32Array;
  readonly inSources: Uint32Array;
  readonly inWeights: Float64Array;
  /** summed out-arc weights per node (out-degree when unweighted) */
  readonly outStrength: Float64Array;
  /** summed in-arc weights per node */
  readonly inStrength: Float64Array;
}

export interface CsrOptions {
  getEdgeWeight: EdgeWeight;
}

interface CacheState {
  version: number;
  entries: Map<string | null | ((...args: never[]) => number), Csr>;
}

const cache = new WeakMap<object, CacheState>();

// CSRs kept per graph: enough for the readers a service uses (null, 'weight', a few functions), while a caller
// that passes a fresh closure on every call cannot grow the cache without bound.
const MAX_ENTRIES_PER_GRAPH = 8;

// Every event after which a cached CSR may be stale. Node attribute updates cannot change it.
const MUTATION_EVENTS = [
  'nodeAdded',
  'nodeDropped',
  'edgeAdded',
  'edgeDropped',
  'cleared',
  'edgesCleared',
  'edgeAttributesUpdated',
  'eachEdgeAttributesUpdated',
] as const;

function stateOf(graph: AnyGraph): CacheState {
  let state = cache.get(graph);
  if (state === undefined) {
    const created: CacheState = { version: 0, entries: new Map() };
    const bump = (): void => {
      created.version++;
      created.entries.clear();
    };
    for (const event of MUTATION_EVENTS) graph.on(event, bump);
    cache.set(graph, created);
    state = created;
  }
  return state;
}

/** The CSR of `graph` for this weight reader, built on first use and cached until the graph changes. */
export function csrOf(graph: AnyGraph, options: CsrOptions): Csr {
  assertGraph(graph, 'csr');
  const { getEdgeWeight } = options;
  const state = stateOf(graph);
  let csr = state.entries.get(getEdgeWeight);
  if (csr === undefined) {
    csr = buildCsr(graph, getEdgeWeight, state.version);
    if (state.entries.size >= MAX_ENTRIES_PER_GRAPH) state.entries.delete(state.entries.keys().next().value!);
    state.entries.set(getEdgeWeight, csr);
  }
  return csr;
}

/** Drops the cached CSRs of `graph` and bumps its version (needed only after in-place attribute mutation). */
export function invalidateCsr(graph: AnyGraph): void {
  const state = cache.get(graph);
  if (state === undefined) return;
  state.version++;
  state.entries.clear();
}

/** The cache version of `graph`: 0 until the first change seen after the first `csrOf`. */
export function csrVersion(graph: AnyGraph): number {
  return cache.get(graph)?.version ?? 0;
}

/** The same arcs with every direction flipped (no copy). An undirected CSR is its own reverse. */
export function reverseCsr(csr: Csr): Csr {
  if (!csr.directed) return csr;
  return {
    ...csr,
    outOffsets: csr.inOffsets,
    outTargets: csr.inSources,
    outWeights: csr.inWeights,
    inOffsets: csr.outOffsets,
    inSources: csr.outTargets,
    inWeights: csr.outWeights,
    outStrength: csr.inStrength,
    inStrength: csr.outStrength,
  };
}

/** `csr` itself for 'out', its reverse for 'reverse'. */
export function orient(csr: Csr, direction: FlowDirection): Csr {
  return direction === 'reverse' ? reverseCsr(csr) : csr;
}

export function assertGraph(graph: unknown, module: string): asserts graph is AnyGraph {
  const g = graph as Partial<AnyGraph> | null;
  if (g === null || typeof g !== 'object' || typeof g.forEachEdge !== 'function' || typeof g.order !== 'number') {
    throw new CentralityInputError(module, 'the given graph is not a graphology instance');
  }
}

type WeightReader = (edge: string, attributes: Attributes, source: string, target: string) => number;

function weightReader(getEdgeWeight: EdgeWeight): WeightReader {
  if (getEdgeWeight === null) return () => 1;
  if (typeof getEdgeWeight === 'function') {
    return (edge, attributes, source, target) => {
      const w = getEdgeWeight(edge, attributes, source, target);
      if (typeof w !== 'number' || !Number.isFinite(w)) {
        throw new CentralityInputError('csr', `getEdgeWeight returned ${String(w)} for edge "${edge}"; weights must be finite numbers`);
      }
      return w;
    };
  }
  if (typeof getEdgeWeight !== 'string') {
    throw new CentralityInputError('csr', 'getEdgeWeight must be an attribute name, a function or null');
  }
  const name = getEdgeWeight;
  return (edge, attributes) => {
    const value: unknown = attributes[name];
    if (value === undefined || value === null) return 1;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '') {
      const coerced = Number(value);
      if (Number.isFinite(coerced)) return coerced;
    }
    throw new CentralityInputError('csr', `edge "${edge}" has ${name} = ${JSON.stringify(value)}; weights must be finite numbers`);
  };
}

function buildCsr(graph: AnyGraph, getEdgeWeight: EdgeWeight, version: number): Csr {
  const n = graph.order;
  const keys = graph.nodes();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(keys[i], i);
  const directed = graph.type !== 'undirected';
  const weighted = getEdgeWeight !== null;
  const readWeight = weightReader(getEdgeWeight);

  // 1. Raw arcs in edge order (an undirected edge gives both arcs, a self-loop one).
  const capacity = graph.directedSize + 2 * graph.undirectedSize;
  const rawSource = new Uint32Array(capacity);
  const rawTarget = new Uint32Array(capacity);
  const rawWeight = new Float64Array(capacity);
  let raw = 0;
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const w = readWeight(edge, attributes, source, target);
    const s = indexOf.get(source)!;
    const t = indexOf.get(target)!;
    rawSource[raw] = s;
    rawTarget[raw] = t;
    rawWeight[raw] = w;
    raw++;
    if (undirected && s !== t) {
      rawSource[raw] = t;
      rawTarget[raw] = s;
      rawWeight[raw] = w;
      raw++;
    }
  });

  // 2. Stable counting sort by source, then by target: in-rows sorted by source, duplicates adjacent.
  const bySource = countingSort(n, raw, rawSource);
  const targetOffsets = offsetsOf(n, raw, rawTarget);
  const cursor = targetOffsets.slice(0, n);
  const sortedSource = new Uint32Array(raw);
  const sortedWeight = new Float64Array(raw);
  for (let k = 0; k < raw; k++) {
    const a = bySource[k];
    const slot = cursor[rawTarget[a]]++;
    sortedSource[slot] = rawSource[a];
    sortedWeight[slot] = rawWeight[a];
  }

  // 3. Merge parallel arcs within each in-row.
  const inOffsets = new Uint32Array(n + 1);
  let arcs = 0;
  for (let t = 0; t < n; t++) {
    inOffsets[t] = arcs;
    const end = targetOffsets[t + 1];
    for (let k = targetOffsets[t]; k < end; k++) {
      const s = sortedSource[k];
      if (arcs > inOffsets[t] && sortedSource[arcs - 1] === s) {
        if (weighted) sortedWeight[arcs - 1] += sortedWeight[k];
      } else {
        sortedSource[arcs] = s;
        sortedWeight[arcs] = sortedWeight[k];
        arcs++;
      }
    }
  }
  inOffsets[n] = arcs;
  const inSources = sortedSource.slice(0, arcs);
  const inWeights = sortedWeight.slice(0, arcs);

  // 4. Out-rows by transposing the in-rows (sorted by target as a by-product); undirected rows are symmetric.
  let outOffsets: Uint32Array = inOffsets;
  let outTargets: Uint32Array = inSources;
  let outWeights: Float64Array = inWeights;
  if (directed) {
    outOffsets = offsetsOf(n, arcs, inSources);
    const outCursor = outOffsets.slice(0, n);
    outTargets = new Uint32Array(arcs);
    outWeights = new Float64Array(arcs);
    for (let t = 0; t < n; t++) {
      for (let k = inOffsets[t]; k < inOffsets[t + 1]; k++) {
        const slot = outCursor[inSources[k]]++;
        outTargets[slot] = t;
        outWeights[slot] = inWeights[k];
      }
    }
  }

  const outStrength = new Float64Array(n);
  const inStrength = directed ? new Float64Array(n) : outStrength;
  let selfLoops = 0;
  let minWeight = Infinity;
  for (let u = 0; u < n; u++) {
    let sum = 0;
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
      const w = outWeights[k];
      sum += w;
      if (w < minWeight) minWeight = w;
      if (outTargets[k] === u) selfLoops++;
    }
    outStrength[u] = sum;
  }
  if (directed) {
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = inOffsets[v]; k < inOffsets[v + 1]; k++) sum += inWeights[k];
      inStrength[v] = sum;
    }
  }

  return {
    version,
    directed,
    weighted,
    order: n,
    arcCount: arcs,
    selfLoops,
    minWeight,
    keys,
    indexOf,
    outOffsets,
    outTargets,
    outWeights,
    inOffsets,
    inSources,
    inWeights,
    outStrength,
    inStrength,
  };
}

/** Row offsets (length n+1) of `count` items keyed by `row`. */
export function offsetsOf(n: number, count: number, row: Uint32Array): Uint32Array {
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < count; k++) offsets[row[k] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  return offsets;
}

/** Permutation of 0..count−1 that orders the items by `row`, stably. */
export function countingSort(n: number, count: number, row: Uint32Array): Uint32Array {
  const cursor = offsetsOf(n, count, row);
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k++) order[cursor[row[k]]++] = k;
  return order;
}

/** Scores by node key from a dense vector indexed like `csr.keys`. */
export function toRecord(csr: Csr, values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  const { keys } = csr;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    // A node may be called "__proto__"; plain assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: values[i], enumerable: true, writable: true, configurable: true });
    else out[key] = values[i];
  }
  return out;
}
