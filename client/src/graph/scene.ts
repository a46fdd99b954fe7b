/**
 * The data behind the graph view: the graphology graph built once from /api/graph (positions, names,
 * communities, static scores) plus the timeline as flat typed arrays, and the "frame" (node sizes and edge
 * strengths at the slider time) that the reducers read.
 *
 * Scrubbing never touches the graph: `computeFrame` refills the frame arrays from the timeline (O(n + m) per
 * frame, linear interpolation between samples so motion is smooth), and the renderer refreshes.
 */
import { DirectedGraph } from 'graphology';
import type { GraphResponse, TimelineResponse } from '../../../src/api/contract.ts';

export interface NodeAttributes {
  x: number;
  y: number;
  label: string;
  community: number;
  sectors: string[];
  score: number;
  activity: number;
  /** on a neighbourhood's map, how many steps from the person it is around (0 for them); absent otherwise */
  hops?: number;
  /** row of this node in the frame arrays */
  i: number;
}

export interface EdgeAttributes {
  weight: number;
  /** row of this edge in the frame arrays */
  j: number;
}

export type SceneGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

export interface Timeline {
  times: Float64Array;
  /** what a node's value is: decayed activity or temporal PageRank (the server's `basis`) */
  basis: TimelineResponse['basis'];
  /** node row i at sample k: nodeSeries[i * T + k] */
  nodeSeries: Float32Array;
  /** 0 for nodes the timeline does not cover (drawn with their overall score) */
  nodeTimed: Uint8Array;
  /** edge row j at sample k; `edgeTimed[j]` is 0 for edges the timeline does not know (drawn statically) */
  edgeSeries: Float32Array;
  edgeTimed: Uint8Array;
  /** the network's summed activity at each sample (the server's `activity`), for the sparkline */
  totals: Float64Array;
  /** reference values for scaling (a high quantile of per-row maxima, robust to one huge spike) */
  nodeRef: number;
  edgeRef: number;
}

export interface Frame {
  /** fractional sample index the frame was computed at (NaN when static) */
  position: number;
  /** raw influence at the frame time */
  nodeValue: Float32Array;
  /** rendered size in pixels, 0 for nodes without influence at this time */
  nodeSize: Float32Array;
  /** 0..1 edge strength, 0 = not drawn */
  edgeStrength: Float32Array;
  /** ids of the most influential nodes at this time, whose labels are always drawn */
  topNodes: Set<string>;
  /** largest node value at this time (for the minimum-influence filter) */
  maxValue: number;
  /**
   * Zoomed out on a large graph only nodes with at least this value are drawn: the value of the
   * LOW_DETAIL_KEEP-th most influential node (0 for graphs smaller than that).
   */
  lowDetailValue: number;
}

export interface Scene {
  graph: SceneGraph;
  nodeIds: string[];
  edgeIds: string[];
  total: GraphResponse['total'];
  communities: number;
  timeline: Timeline | null;
  frame: Frame;
  /** the overall (all-time) view: the metric's static score and the undecayed weights */
  overall: { nodeValue: Float32Array; nodeSize: Float32Array; edgeStrength: Float32Array };
  sizes: SizeScale;
}

/**
 * The value drawn at (nearly) full size: the k-th largest, k = 0.5 % of the nodes (at least 1). A fixed
 * quantile would put hundreds of nodes of a big graph at full size; this keeps "big" for the few that are.
 */
export function sizeReference(values: ArrayLike<number>): number {
  const positive = Float64Array.from(Array.from(values).filter((v) => v > 0)).sort();
  if (positive.length === 0) return 1;
  const k = Math.max(1, Math.round(positive.length * 0.005));
  return positive[positive.length - k]!;
}

export interface SizeScale {
  min: number;
  max: number;
  /** size of a node with no influence at the frame time (a faint dot, not hidden, so the map stays legible) */
  ghost: number;
  topLabels: number;
}

/** How many nodes a zoomed-out large graph draws (the most influential at the frame time). */
export const LOW_DETAIL_KEEP = 5_000;

/** Pixel sizes by graph size: thousands of nodes share the same screen, so they get smaller. */
export function sizeScaleFor(order: number): SizeScale {
  if (order > 20_000) return { min: 0.8, max: 7, ghost: 0.5, topLabels: 8 };
  if (order > 2_000) return { min: 0.9, max: 9, ghost: 0.6, topLabels: 8 };
  return { min: 2, max: 20, ghost: 1.1, topLabels: 5 };
}

/** A person's name and sectors as edited, on the map in place (positions and scores stay); false when they are not on it. */
export function updatePerson(scene: Scene, person: { id: string; name: string; sectors: string[] }): boolean {
  if (!scene.graph.hasNode(person.id)) return false;
  scene.graph.mergeNodeAttributes(person.id, { label: person.name, sectors: [...person.sectors] });
  return true;
}

/** A number in [0, 1) from a string (FNV-1a): the same node always gets the same nudge. */
function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/**
 * The server lays the graph out afresh after every change; a map refreshed under the user keeps everyone where
 * they were (`placed` gives where, or null for someone new to the map). Someone new goes to the middle of their
 * linked neighbours already placed, nudged apart so two never coincide; linked to nobody placed, just outside
 * the drawing. Changes `response` in place.
 */
export function keepPlaces(response: GraphResponse, placed: (id: string) => { x: number; y: number } | null): void {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const fresh: GraphResponse['nodes'] = [];
  const at = new Map<string, { x: number; y: number }>();
  for (const n of response.nodes) {
    const p = placed(n.id);
    if (!p) {
      fresh.push(n);
      continue;
    }
    n.x = p.x;
    n.y = p.y;
    at.set(n.id, p);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (fresh.length === 0) return;
  if (at.size === 0) return; // nothing kept: the server's layout stands
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const neighbours = new Map<string, { x: number; y: number }[]>(fresh.map((n) => [n.id, []]));
  for (const e of response.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (a && neighbours.has(e.target)) neighbours.get(e.target)!.push(a);
    if (b && neighbours.has(e.source)) neighbours.get(e.source)!.push(b);
  }
  for (const n of fresh) {
    const near = neighbours.get(n.id)!;
    const angle = unitHash(n.id) * 2 * Math.PI;
    if (near.length > 0) {
      const r = span * 0.02;
      n.x = near.reduce((sum, p) => sum + p.x, 0) / near.length + r * Math.cos(angle);
      n.y = near.reduce((sum, p) => sum + p.y, 0) / near.length + r * Math.sin(angle);
    } else {
      const r = span * 0.55;
      n.x = (minX + maxX) / 2 + r * Math.cos(angle);
      n.y = (minY + maxY) / 2 + r * Math.sin(angle);
    }
  }
}

export function edgeKey(source: string, target: string): string {
  return `${source}->${target}`;
}

/** Builds the graph from the API response; parallel edges are merged (weights summed), self-loops dropped. */
export function buildScene(response: GraphResponse): Scene {
  const graph: SceneGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>({ multi: false, allowSelfLoops: false });
  const nodeIds: string[] = [];
  for (const n of response.nodes) {
    if (graph.hasNode(n.id)) continue;
    graph.addNode(n.id, {
      x: Number.isFinite(n.x) ? n.x : 0,
      y: Number.isFinite(n.y) ? n.y : 0,
      label: n.name,
      community: n.community,
      sectors: n.sectors,
      score: Number.isFinite(n.score) ? n.score : 0,
      activity: Number.isFinite(n.activity) ? n.activity : 0,
      ...(n.hops !== undefined ? { hops: n.hops } : {}),
      i: nodeIds.length,
    });
    nodeIds.push(n.id);
  }
  const edgeIds: string[] = [];
  for (const e of response.edges) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const key = edgeKey(e.source, e.target);
    const weight = Number(e.weight) || 0;
    if (graph.hasEdge(key)) {
      graph.updateEdgeAttribute(key, 'weight', (w) => (w ?? 0) + weight);
      continue;
    }
    graph.addDirectedEdgeWithKey(key, e.source, e.target, { weight, j: edgeIds.length });
    edgeIds.push(key);
  }
  const sizes = sizeScaleFor(nodeIds.length);
  const scene: Scene = {
    graph,
    nodeIds,
    edgeIds,
    total: response.total,
    communities: response.communities,
    timeline: null,
    sizes,
    frame: emptyFrame(nodeIds.length, edgeIds.length),
    overall: overallFrame(graph, nodeIds.length, edgeIds.length, sizes),
  };
  computeFrame(scene, Number.NaN);
  return scene;
}

/**
 * New static scores for the shown people (e.g. the introducer metric after an outcome is recorded): sizes and
 * the frame follow; positions, edges and the timeline are untouched, so nothing moves under the user. People
 * `scoreOf` does not know score 0.
 */
export function updateScores(scene: Scene, scoreOf: (id: string) => number | undefined): void {
  scene.graph.forEachNode((id, a) => {
    const v = scoreOf(id);
    a.score = v !== undefined && Number.isFinite(v) ? v : 0;
  });
  scene.overall = overallFrame(scene.graph, scene.nodeIds.length, scene.edgeIds.length, scene.sizes);
  computeFrame(scene, scene.frame.position);
}

function overallFrame(graph: SceneGraph, n: number, m: number, sizes: SizeScale): Scene['overall'] {
  const nodeValue = new Float32Array(n);
  const nodeSize = new Float32Array(n);
  const edgeStrength = new Float32Array(m);
  graph.forEachNode((_id, a) => {
    nodeValue[a.i] = a.score > 0 ? a.score : 0;
  });
  const ref = sizeReference(nodeValue);
  for (let i = 0; i < n; i++) nodeSize[i] = nodeValue[i]! > 0 ? scaleSize(nodeValue[i]!, ref, sizes) : sizes.min * 0.6;
  const weights = new Float64Array(m);
  graph.forEachEdge((_e, a) => {
    weights[a.j] = a.weight;
  });
  const wref = quantile(weights, 0.95) || 1;
  for (let j = 0; j < m; j++) edgeStrength[j] = weights[j]! > 0 ? Math.min(1, Math.sqrt(weights[j]! / wref)) : 0.1;
  return { nodeValue, nodeSize, edgeStrength };
}

function emptyFrame(n: number, m: number): Frame {
  return {
    position: Number.NaN,
    nodeValue: new Float32Array(n),
    nodeSize: new Float32Array(n),
    edgeStrength: new Float32Array(m),
    topNodes: new Set(),
    maxValue: 0,
    lowDetailValue: 0,
  };
}

/** True when every node sits at the origin, i.e. the server sent no layout. */
export function needsLayout(scene: Scene): boolean {
  let any = false;
  scene.graph.forEachNode((_n, a) => {
    if (a.x !== 0 || a.y !== 0) any = true;
  });
  return !any && scene.graph.order > 1;
}

/** The value below which a fraction q of the values lie (values are copied, not sorted in place). */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[at]!;
}

/** Attaches a timeline to the scene; rows are matched to graph nodes and edges by id. */
export function attachTimeline(scene: Scene, response: TimelineResponse): void {
  const T = response.times.length;
  if (T === 0) {
    scene.timeline = null;
    computeFrame(scene, Number.NaN);
    return;
  }
  const n = scene.nodeIds.length;
  const m = scene.edgeIds.length;
  const nodeSeries = new Float32Array(n * T);
  const nodeTimed = new Uint8Array(n);
  const edgeSeries = new Float32Array(m * T);
  const edgeTimed = new Uint8Array(m);
  const totals = new Float64Array(T);
  const nodeMax = new Float64Array(n);
  const { graph } = scene;
  response.nodes.forEach((id, row) => {
    if (!graph.hasNode(id)) return;
    const i = graph.getNodeAttribute(id, 'i');
    nodeTimed[i] = 1;
    const values = response.values[row] ?? [];
    let max = 0;
    for (let k = 0; k < T; k++) {
      const v = Math.max(0, Number(values[k]) || 0);
      nodeSeries[i * T + k] = v;
      totals[k] += v;
      if (v > max) max = v;
    }
    nodeMax[i] = max;
  });
  const edgeMax: number[] = [];
  for (const e of response.edges) {
    const key = edgeKey(e.source, e.target);
    if (!graph.hasEdge(key)) continue;
    const j = graph.getEdgeAttribute(key, 'j');
    edgeTimed[j] = 1;
    let max = 0;
    for (let k = 0; k < T; k++) {
      const v = Math.max(0, Number(e.values[k]) || 0);
      edgeSeries[j * T + k] += v;
      if (edgeSeries[j * T + k]! > max) max = edgeSeries[j * T + k]!;
    }
    edgeMax.push(max);
  }
  // A timeline with no influence anywhere (e.g. ties without events) says nothing over time: stay static.
  if (!totals.some((v) => v > 0)) {
    scene.timeline = null;
    computeFrame(scene, Number.NaN);
    return;
  }
  // The sparkline shows the whole network's pulse when the server sends it (with a PageRank basis the shown nodes'
  // values sum to about 1 at every time and would draw a flat line): on the map of trust how many ties stand, else
  // everyone's activity.
  const series = response.ties?.length === T ? response.ties : response.activity?.length === T ? response.activity : null;
  const pulse = series ? Float64Array.from(series, (v) => Math.max(0, Number(v) || 0)) : totals;
  scene.timeline = {
    times: Float64Array.from(response.times),
    basis: response.basis ?? 'activity',
    nodeSeries,
    nodeTimed,
    edgeSeries,
    edgeTimed,
    totals: pulse,
    nodeRef: sizeReference(nodeMax),
    edgeRef: edgeMax.length ? Math.max(quantile(edgeMax, 0.95), 1e-12) : 1,
  };
}

/** Fractional sample index of a time (clamped to the timeline). */
/** Node row i's value at a (fractional) timeline position, interpolated between samples as the frame draws it; 0 for a row the timeline does not cover. */
export function nodeValueAt(timeline: Timeline, i: number, position: number): number {
  if (!timeline.nodeTimed[i]) return 0;
  const T = timeline.times.length;
  const p = Math.min(T - 1, Math.max(0, position));
  const lo = Math.floor(p);
  const hi = Math.min(T - 1, lo + 1);
  const f = p - lo;
  return timeline.nodeSeries[i * T + lo]! * (1 - f) + timeline.nodeSeries[i * T + hi]! * f;
}

export function positionOf(timeline: Timeline, time: number): number {
  const { times } = timeline;
  const T = times.length;
  if (T === 1 || time <= times[0]!) return 0;
  if (time >= times[T - 1]!) return T - 1;
  let lo = 0;
  let hi = T - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= time) lo = mid;
    else hi = mid;
  }
  return lo + (time - times[lo]!) / (times[hi]! - times[lo]!);
}

export function timeAt(timeline: Timeline, position: number): number {
  const { times } = timeline;
  const k = Math.min(times.length - 1, Math.max(0, position));
  const lo = Math.floor(k);
  const hi = Math.min(times.length - 1, lo + 1);
  return times[lo]! + (times[hi]! - times[lo]!) * (k - lo);
}

/** Node size for a value: square root scale (area ∝ influence), clamped so one outlier cannot dwarf the rest. */
export function scaleSize(value: number, ref: number, sizes: SizeScale): number {
  if (!(value > 0) || !(ref > 0)) return 0;
  const r = Math.min(value / ref, 1.5);
  return sizes.min + (sizes.max - sizes.min) * Math.sqrt(r / 1.5);
}

/**
 * Fills the frame for a fractional sample position (NaN, or no timeline: the overall view, i.e. the metric's
 * static scores and the undecayed weights).
 */
export function computeFrame(scene: Scene, position: number): Frame {
  const { frame, timeline, sizes, overall } = scene;
  const n = scene.nodeIds.length;
  const m = scene.edgeIds.length;
  const timed = timeline !== null && Number.isFinite(position);
  let maxValue = 0;
  if (timed) {
    const T = timeline.times.length;
    const p = Math.min(T - 1, Math.max(0, position));
    const lo = Math.floor(p);
    const hi = Math.min(T - 1, lo + 1);
    const f = p - lo;
    const { nodeTimed, edgeSeries, edgeTimed, nodeRef, edgeRef } = timeline;
    for (let i = 0; i < n; i++) {
      if (!nodeTimed[i]) {
        frame.nodeValue[i] = 0;
        frame.nodeSize[i] = overall.nodeSize[i]!;
        continue;
      }
      const v = nodeValueAt(timeline, i, p);
      frame.nodeValue[i] = v;
      frame.nodeSize[i] = scaleSize(v, nodeRef, sizes);
      if (v > maxValue) maxValue = v;
    }
    for (let j = 0; j < m; j++) {
      if (edgeTimed[j]) {
        const w = edgeSeries[j * T + lo]! * (1 - f) + edgeSeries[j * T + hi]! * f;
        frame.edgeStrength[j] = w > 0 ? Math.min(1, Math.sqrt(w / edgeRef)) : 0;
      } else frame.edgeStrength[j] = overall.edgeStrength[j]! * 0.5;
    }
    frame.position = p;
  } else {
    frame.nodeValue.set(overall.nodeValue);
    frame.nodeSize.set(overall.nodeSize);
    frame.edgeStrength.set(overall.edgeStrength);
    for (let i = 0; i < n; i++) if (overall.nodeValue[i]! > maxValue) maxValue = overall.nodeValue[i]!;
    frame.position = Number.NaN;
  }
  frame.maxValue = maxValue;
  frame.lowDetailValue = n > LOW_DETAIL_KEEP ? Float32Array.from(frame.nodeValue).sort()[n - LOW_DETAIL_KEEP]! : 0;
  frame.topNodes = topK(scene.nodeIds, frame.nodeValue, sizes.topLabels);
  return frame;
}

/** The k ids with the largest positive values (ties broken by row order). O(n·k) with small k. */
export function topK(ids: readonly string[], values: ArrayLike<number>, k: number): Set<string> {
  const best: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const v = values[i]!;
    if (!(v > 0)) continue;
    if (best.length === k && v <= values[best[k - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && values[best[at - 1]!]! < v) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return new Set(best.map((i) => ids[i]!));
}
