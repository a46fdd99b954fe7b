/**
 * sigma's nodeReducer / edgeReducer for the influence map. They only read: the graph (positions, names,
 * communities), the current frame (sizes and edge strengths at the slider time, scene.ts) and a small
 * `RenderState` (colour mode, hover, selection, the highlighted introduction path, filters, level of detail).
 * Nothing here writes to the graph; every visual change is "update RenderState, then refresh".
 */
import type { ColorMode } from '../state.ts';
import { DIM_NODE_COLOR, glColor, HIGHLIGHT_EDGE_COLOR, OTHER_COLOR } from './palette.ts';
import type { EdgeAttributes, NodeAttributes, Scene } from './scene.ts';

export interface RenderState {
  colorMode: ColorMode;
  hovered: string | null;
  selected: string | null;
  /** the person whose neighbourhood the map shows: always drawn, named and ringed, as the selected person is */
  neighbourhoodOf: string | null;
  /** an introduction path a – introducer – b to highlight (nodes not in the graph are ignored) */
  path: readonly string[] | null;
  /** a group to light with every edge among its members (a suspected ring); the path takes precedence */
  group: readonly string[] | null;
  /** hide nodes whose value is below this fraction of the frame's largest value */
  minInfluence: number;
  /** zoomed out on a large graph: only the LOW_DETAIL_KEEP most influential nodes are drawn (scene.ts) */
  lowDetail: boolean;
}

export const INITIAL_RENDER_STATE: Readonly<RenderState> = Object.freeze({
  colorMode: 'community',
  hovered: null,
  selected: null,
  neighbourhoodOf: null,
  path: null,
  group: null,
  minInfluence: 0,
  lowDetail: false,
});

export interface Palette {
  community: ReadonlyMap<number, string>;
  sector: ReadonlyMap<string, string>;
}

/** The nodes that stay lit while something is hovered or a path or group is highlighted; null when nothing is. */
export interface Focus {
  nodes: Set<string>;
  /** the node whose incident edges are lit (hover), or null for a path (only path edges are lit) */
  center: string | null;
  /** what is lit: a hovered node's neighbourhood, a path (gold edges, every name shown) or a group (soft edges) */
  kind: 'hover' | 'path' | 'group';
  /** the lit edges of a path or a group */
  pathEdges: Set<string>;
  /**
   * Light focus (hover on a large graph): the neighbourhood is lit but the rest is left as it is, so a hover
   * only re-renders the neighbourhood (a partial refresh) instead of every node and edge.
   */
  light: boolean;
}

/** A lit group of at most this many shows every member's name. */
export const GROUP_LABELS_UP_TO = 12;

/** Above this many nodes, hover uses light focus. */
export const LIGHT_FOCUS_ABOVE = 5_000;

export function focusOf(scene: Scene, state: Readonly<RenderState>): Focus | null {
  const { graph } = scene;
  if (state.path && state.path.length > 0) {
    const nodes = new Set<string>(state.path.filter((n) => graph.hasNode(n)));
    const pathEdges = new Set<string>();
    for (let k = 0; k + 1 < state.path.length; k++) {
      const u = state.path[k]!;
      const v = state.path[k + 1]!;
      if (!graph.hasNode(u) || !graph.hasNode(v)) continue;
      for (const e of graph.edges(u, v)) pathEdges.add(e);
      for (const e of graph.edges(v, u)) pathEdges.add(e);
    }
    return { nodes, center: null, kind: 'path', pathEdges, light: false };
  }
  if (state.group && state.group.length > 0) {
    const nodes = new Set<string>(state.group.filter((n) => graph.hasNode(n)));
    const pathEdges = new Set<string>();
    for (const u of nodes) graph.forEachOutEdge(u, (e, _a, _s, v) => void (nodes.has(v) && pathEdges.add(e)));
    return { nodes, center: null, kind: 'group', pathEdges, light: false };
  }
  if (state.hovered && graph.hasNode(state.hovered)) {
    const nodes = new Set(graph.neighbors(state.hovered));
    nodes.add(state.hovered);
    return { nodes, center: state.hovered, kind: 'hover', pathEdges: new Set(), light: scene.nodeIds.length > LIGHT_FOCUS_ABOVE };
  }
  return null;
}


export interface DisplayNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  hidden: boolean;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
}

export interface DisplayEdge {
  size: number;
  color: string;
  hidden: boolean;
  zIndex: number;
}

export interface ReducerInputs {
  scene: Scene;
  state: Readonly<RenderState>;
  palette: Palette;
  /** recomputed by the renderer when hover or path changes (focusOf) */
  focus: Focus | null;
}

export function nodeColor(attrs: NodeAttributes, mode: ColorMode, palette: Palette): string {
  if (mode === 'sector') return palette.sector.get(attrs.sectors[0] ?? '') ?? OTHER_COLOR;
  return palette.community.get(attrs.community) ?? OTHER_COLOR;
}

/** How opaque a person is drawn by steps from the one whose neighbourhood the map shows (nearer: brighter). */
const FAR_ALPHA: Record<number, number> = { 2: 0.6, 3: 0.35 };

export function reduceNode(inputs: ReducerInputs, node: string, attrs: NodeAttributes): DisplayNode {
  const { scene, state, palette, focus } = inputs;
  const { frame, sizes } = scene;
  const value = frame.nodeValue[attrs.i] ?? 0;
  const size = frame.nodeSize[attrs.i] ?? 0;
  // the selected person, and the one whose neighbourhood is shown, are always drawn, named and ringed
  const marked = state.selected === node || state.neighbourhoodOf === node;
  const inFocus = focus !== null && focus.nodes.has(node);
  const out: DisplayNode = {
    x: attrs.x,
    y: attrs.y,
    size: size > 0 ? size : sizes.ghost,
    color: nodeColor(attrs, state.colorMode, palette),
    label: attrs.label,
    hidden: false,
    forceLabel: frame.topNodes.has(node),
    highlighted: marked,
    zIndex: size > 0 ? 1 : 0,
  };
  // on a neighbourhood's map, the people further away are fainter (two steps at 60 %, three at 35 %), unless lit
  const far = !inFocus && attrs.hops !== undefined && attrs.hops >= 2 ? (FAR_ALPHA[attrs.hops] ?? FAR_ALPHA[3]!) : 1;
  if (far < 1 && size > 0) out.color = cachedAlpha(out.color, far);
  if (size <= 0) {
    // No influence at this time: a faint dot keeps the map legible without competing with active nodes.
    out.color = cachedAlpha(out.color, 0.28 * far);
    out.label = null;
    out.forceLabel = false;
  }
  const keep = marked || inFocus;
  if (!keep) {
    if (state.minInfluence > 0 && value < state.minInfluence * frame.maxValue) out.hidden = true;
    if (state.lowDetail && value < frame.lowDetailValue) out.hidden = true;
  }
  if (focus !== null) {
    if (inFocus) {
      out.zIndex = 3;
      out.label = attrs.label;
      // a path names everyone on it, a small group (a ring) its members; a large one keeps the usual labels
      out.forceLabel =
        node === focus.center || focus.kind === 'path' || (focus.kind === 'group' && focus.nodes.size <= GROUP_LABELS_UP_TO) || out.forceLabel;
    } else if (!focus.light) {
      out.color = DIM_NODE_COLOR;
      out.label = null;
      out.forceLabel = false;
      out.zIndex = 0;
    }
  }
  if (marked) {
    out.zIndex = 4;
    out.forceLabel = true;
    out.label = attrs.label;
    if (out.size < sizes.min * 2) out.size = sizes.min * 2;
  }
  return out;
}

/** rgba strings by colour and alpha step, so a frame of thousands of edges does not build thousands of strings */
const alphaCache = new Map<string, string>();
export function cachedAlpha(hex: string, alpha: number): string {
  const step = Math.round(Math.min(1, Math.max(0, alpha)) * 64);
  const key = `${hex}/${step}`;
  let color = alphaCache.get(key);
  if (color === undefined) {
    color = glColor(hex, step / 64);
    alphaCache.set(key, color);
  }
  return color;
}

export function reduceEdge(inputs: ReducerInputs, edge: string, attrs: EdgeAttributes, source: string, target: string): DisplayEdge {
  const { scene, state, focus, palette } = inputs;
  const strength = scene.frame.edgeStrength[attrs.j] ?? 0;
  const large = scene.nodeIds.length > 2_000;
  // Edges take their source's colour, faint: strong recent influence shows as a brighter, thicker line.
  const sourceColor = nodeColor(scene.graph.getNodeAttributes(source), state.colorMode, palette);
  const out: DisplayEdge = {
    size: (large ? 0.2 : 0.3) + (large ? 0.8 : 1.6) * strength,
    color: cachedAlpha(sourceColor, (large ? 0.04 : 0.05) + (large ? 0.16 : 0.3) * strength),
    hidden: strength <= 0,
    zIndex: 0,
  };
  if (focus !== null) {
    const lit = focus.kind === 'hover' ? source === focus.center || target === focus.center : focus.pathEdges.has(edge);
    if (lit) {
      out.hidden = false;
      out.color = focus.kind === 'path' ? HIGHLIGHT_EDGE_COLOR : cachedAlpha('#dfe6f5', 0.3 + 0.6 * strength);
      out.size = Math.max(out.size, focus.kind === 'path' ? 2.5 : 1);
      out.zIndex = 2;
    } else if (!focus.light) {
      out.hidden = true;
    }
  } else if (state.selected !== null && (source === state.selected || target === state.selected) && strength > 0) {
    out.color = cachedAlpha('#dfe6f5', 0.1 + 0.4 * strength);
    out.zIndex = 1;
  }
  return out;
}

/** The reducers as sigma wants them; `inputs` is read on every call, so mutating it and refreshing is enough. */
export function createReducers(inputs: ReducerInputs) {
  const { graph } = inputs.scene;
  return {
    nodeReducer: (node: string, attrs: NodeAttributes) => reduceNode(inputs, node, attrs),
    edgeReducer: (edge: string, attrs: EdgeAttributes) => reduceEdge(inputs, edge, attrs, graph.source(edge), graph.target(edge)),
  };
}
