/**
 * The sigma v3 view of a scene. The renderer only reads the graph; appearance changes go through the
 * reducers (reducers.ts) reading `RenderState` and the scene's frame. Events update that state, then
 * refresh. `createGraphView` returns a handle whose `teardown()` kills sigma and removes every listener.
 *
 * Large graphs (thousands of nodes): edges and labels are skipped while the camera moves, labels are drawn
 * only above a size threshold, and when zoomed out only the most influential nodes are drawn (RenderState.lowDetail).
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { CameraState, NodeDisplayData } from 'sigma/types';
import type { CameraView } from '../state.ts';
import { FRAME_REACH, framing } from './framing.ts';
import { HIGHLIGHT_EDGE_COLOR, LABEL_COLOR } from './palette.ts';
import { createReducers, focusOf, type Palette, type ReducerInputs, type RenderState, INITIAL_RENDER_STATE } from './reducers.ts';
import { computeFrame, type EdgeAttributes, type NodeAttributes, type Scene } from './scene.ts';

/** Pixels left around the framed graph, for node discs and labels. */
const FRAME_MARGIN = 40;

export type SceneSigma = Sigma<NodeAttributes, EdgeAttributes>;

export interface GraphViewOptions {
  scene: Scene;
  palette: Palette;
  state?: Partial<RenderState>;
  camera?: CameraView | null;
  onHover?: (node: string | null) => void;
  onClick?: (node: string | null) => void;
  /** a right-click on a node, at that point of the container (pixels from its top left); the browser's menu does not open */
  onContextMenu?: (node: string, at: { x: number; y: number }) => void;
  onCamera?: (camera: CameraView) => void;
  /** called after each render (the first call is the first paint) */
  onRender?: () => void;
}

export interface GraphView {
  readonly sigma: SceneSigma;
  readonly scene: Scene;
  readonly state: Readonly<RenderState>;
  /** number of nodes the reducers leave visible */
  visibleNodeCount(): number;
  setTimePosition(position: number): void;
  setState(patch: Partial<RenderState>): void;
  setPalette(palette: Palette): void;
  /** moves the camera to a node (animated) */
  focusNode(node: string, opts?: { ratio?: number; duration?: number }): void;
  /**
   * If some of these nodes are off screen, moves the camera so that all are in view (without zooming in);
   * `close`: always, coming as close as their spread allows.
   */
  revealNodes(nodes: readonly string[], opts?: { close?: boolean }): void;
  getCamera(): CameraView;
  setCamera(camera: CameraView, animate?: boolean): void;
  /** frames the bulk of the graph (a few far outliers may stay outside) */
  resetCamera(animate?: boolean): void;
  teardown(): void;
}

export const LABEL_FONT = 'Inter, "Segoe UI", "Helvetica Neue", system-ui, sans-serif';
/** A graph above this many nodes gets the large-graph settings. */
export const LARGE_GRAPH = 5_000;
/** Camera ratio above which a large graph drops its small nodes (ratio > 1 = zoomed out). */
export const LOW_DETAIL_RATIO = 0.5;

type LabelData = Partial<NodeDisplayData> & { x: number; y: number; size: number; label: string | null };

/**
 * Labels with a dark halo, readable over edges on the dark background. A label that would overlap one already
 * drawn in this frame is skipped (sigma's label grid thins labels per cell, but forced labels of the most
 * influential nodes bypass it). The boxes are reset per frame, and per canvas (the PNG export renders with a
 * temporary sigma that shares these settings).
 */
function labelDrawer() {
  let boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  let canvas: CanvasRenderingContext2D | null = null;
  const draw = (context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void => {
    if (!data.label) return;
    if (context !== canvas) {
      canvas = context;
      boxes = [];
    }
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const x = data.x + data.size + 4;
    const y = data.y + size / 3;
    const box = { x0: x - 2, y0: y - size, x1: x + context.measureText(data.label).width + 2, y1: y + 4 };
    if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) return;
    boxes.push(box);
    paintLabel(context, data.label, x, y);
  };
  return { draw, reset: () => (boxes = []) };
}

function paintLabel(context: CanvasRenderingContext2D, label: string, x: number, y: number): void {
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = 'rgba(14,17,23,0.85)';
  context.strokeText(label, x, y);
  context.fillStyle = LABEL_COLOR;
  context.fillText(label, x, y);
}

/** Hover: a dark rounded card with the name, the node ringed. */
function drawHover(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void {
  const size = settings.labelSize + 1;
  context.font = `600 ${size}px ${settings.labelFont}`;
  const label = data.label ?? '';
  const padX = 8;
  const w = context.measureText(label).width + padX * 2;
  const h = size + 10;
  const x = data.x + data.size + 6;
  const y = data.y - h / 2;
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.lineWidth = 2;
  context.strokeStyle = 'rgba(255,255,255,0.85)';
  context.stroke();
  if (!label) return;
  context.shadowColor = 'rgba(0,0,0,0.5)';
  context.shadowBlur = 10;
  context.fillStyle = '#1b2130';
  context.beginPath();
  context.roundRect(x, y, w, h, 6);
  context.fill();
  context.shadowBlur = 0;
  context.strokeStyle = 'rgba(255,255,255,0.12)';
  context.lineWidth = 1;
  context.stroke();
  context.fillStyle = '#ffffff';
  context.fillText(label, x + padX, data.y + size / 3);
}

export function createGraphView(container: HTMLElement, options: GraphViewOptions): GraphView {
  const { scene } = options;
  const large = scene.graph.order > LARGE_GRAPH;
  const state: RenderState = { ...INITIAL_RENDER_STATE, ...options.state };
  const inputs: ReducerInputs = { scene, state, palette: options.palette, focus: null };
  inputs.focus = focusOf(scene, state);
  const reducers = createReducers(inputs);
  const labels = labelDrawer();

  const sigma: SceneSigma = new Sigma<NodeAttributes, EdgeAttributes>(scene.graph, container, {
    nodeReducer: reducers.nodeReducer,
    edgeReducer: reducers.edgeReducer,
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelFont: LABEL_FONT,
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: LABEL_COLOR },
    labelDensity: large ? 0.4 : 0.8,
    labelGridCellSize: large ? 150 : 110,
    labelRenderedSizeThreshold: large ? 14 : 11,
    defaultDrawNodeLabel: labels.draw as unknown as Settings<NodeAttributes, EdgeAttributes>['defaultDrawNodeLabel'],
    defaultDrawNodeHover: drawHover as unknown as Settings<NodeAttributes, EdgeAttributes>['defaultDrawNodeHover'],
    defaultNodeColor: '#7aa2f7',
    defaultEdgeColor: 'rgba(154,168,199,0.2)',
    zIndex: !large,
    stagePadding: 48,
    minCameraRatio: 0.01,
    maxCameraRatio: 6,
    itemSizesReference: 'screen',
  });

  // The introduction path may run over ties that are not influence edges: draw it on its own layer (under
  // the nodes) from the nodes' display positions, without touching the graph.
  sigma.createCanvasContext('introPath', { afterLayer: 'edges' } as Parameters<SceneSigma['createCanvasContext']>[1]);
  const pathCanvas = sigma.getCanvases()['introPath']!;
  const pathContext = pathCanvas.getContext('2d')!;

  function drawPath(): void {
    const { width, height } = sigma.getDimensions();
    pathContext.clearRect(0, 0, width, height);
    const path = state.path;
    if (!path || path.length < 2) return;
    const points = path.map((n) => sigma.getNodeDisplayData(n)).map((d) => (d ? sigma.framedGraphToViewport(d) : null));
    pathContext.save();
    pathContext.lineCap = 'round';
    for (let k = 0; k + 1 < points.length; k++) {
      const p = points[k];
      const q = points[k + 1];
      if (!p || !q) continue;
      pathContext.strokeStyle = 'rgba(245,214,122,0.25)';
      pathContext.lineWidth = 9;
      pathContext.beginPath();
      pathContext.moveTo(p.x, p.y);
      pathContext.lineTo(q.x, q.y);
      pathContext.stroke();
      pathContext.strokeStyle = HIGHLIGHT_EDGE_COLOR;
      pathContext.lineWidth = 2.5;
      pathContext.setLineDash([7, 5]);
      pathContext.stroke();
      pathContext.setLineDash([]);
    }
    pathContext.restore();
  }

  sigma.on('beforeRender', labels.reset);
  const onAfterRender = () => {
    drawPath();
    options.onRender?.();
  };
  sigma.on('afterRender', onAfterRender);
  // sigma's constructor already drew the first frame (its afterRender fired before anyone could listen).
  options.onRender?.();

  function visibleNodeCount(): number {
    let count = 0;
    scene.graph.forEachNode((n) => {
      const d = sigma.getNodeDisplayData(n);
      if (d && !d.hidden) count++;
    });
    return count;
  }

  function refresh(): void {
    sigma.refresh({ skipIndexation: true });
  }

  /** Applies a new focus; light focus (large graphs) re-renders only the old and new neighbourhoods. */
  function refocus(): void {
    const before = inputs.focus;
    const after = focusOf(scene, state);
    inputs.focus = after;
    if ((before === null || before.light) && (after === null || after.light) && (before || after)) {
      const nodes = new Set<string>([...(before?.nodes ?? []), ...(after?.nodes ?? [])]);
      const edges = new Set<string>();
      for (const center of [before?.center, after?.center]) if (center && scene.graph.hasNode(center)) scene.graph.forEachEdge(center, (e) => edges.add(e));
      sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
      return;
    }
    refresh();
  }

  sigma.on('enterNode', ({ node }) => {
    state.hovered = node;
    container.style.cursor = 'pointer';
    refocus();
    options.onHover?.(node);
  });
  sigma.on('leaveNode', () => {
    state.hovered = null;
    container.style.cursor = '';
    refocus();
    options.onHover?.(null);
  });
  sigma.on('clickNode', ({ node }) => options.onClick?.(node));
  sigma.on('clickStage', () => options.onClick?.(null));
  sigma.on('rightClickNode', ({ node, event }) => {
    if (!options.onContextMenu) return;
    event.original.preventDefault();
    event.preventSigmaDefault();
    options.onContextMenu(node, { x: event.x, y: event.y });
  });

  const camera = sigma.getCamera();

  /**
   * Centres the camera on the points with room around them: framed coordinates span ~[0, 1] at ratio 1, and the
   * ratio is at least `minRatio` (the current one, to pan without zooming in; a small one to come close).
   */
  function fly(points: readonly { x: number; y: number }[], minRatio: number): void {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.min(1.2, Math.max(0.15, Math.max(x1 - x0, y1 - y0) * 1.6, minRatio));
    void camera.animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 450, easing: 'quadraticInOut' });
  }

  /**
   * Camera that frames the graph but for far-off outliers (framing.ts), fitted to the viewport's width and
   * height with a margin for node discs and labels. Small graphs are framed whole, as sigma frames a graph at
   * ratio 1.
   */
  function coreCamera(): CameraState {
    const xs: number[] = [];
    const ys: number[] = [];
    scene.graph.forEachNode((n) => {
      const d = sigma.getNodeDisplayData(n);
      if (d) {
        xs.push(d.x);
        ys.push(d.y);
      }
    });
    const box = xs.length < 20 ? null : framing(xs, ys, FRAME_REACH);
    if (!box) return { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const x = (box.x0 + box.x1) / 2;
    const y = (box.y0 + box.y1) / 2;
    const { width, height } = sigma.getDimensions();
    const [w, h] = [width - 2 * FRAME_MARGIN, height - 2 * FRAME_MARGIN];
    if (w <= 0 || h <= 0) return { x, y, ratio: 1, angle: 0 };
    // viewport distances shrink in proportion to the ratio: measure the box at ratio 1, then scale
    const atOne = { x, y, ratio: 1, angle: 0 };
    const p0 = sigma.framedGraphToViewport({ x: box.x0, y: box.y0 }, { cameraState: atOne });
    const p1 = sigma.framedGraphToViewport({ x: box.x1, y: box.y1 }, { cameraState: atOne });
    const ratio = Math.max(Math.abs(p1.x - p0.x) / w, Math.abs(p1.y - p0.y) / h);
    return { x, y, ratio: Math.min(1.2, Math.max(0.05, ratio)), angle: 0 };
  }
  const onCameraUpdated = (s: CameraState) => {
    if (large) {
      const low = s.ratio > LOW_DETAIL_RATIO;
      if (low !== state.lowDetail) {
        state.lowDetail = low;
        sigma.scheduleRefresh();
      }
    }
    options.onCamera?.({ x: s.x, y: s.y, ratio: s.ratio });
  };
  camera.on('updated', onCameraUpdated);
  if (options.camera) camera.setState(options.camera);
  else camera.setState(coreCamera());
  if (large) state.lowDetail = camera.getState().ratio > LOW_DETAIL_RATIO;

  const resizeObserver = new ResizeObserver(() => sigma.scheduleRender());
  resizeObserver.observe(container);

  let killed = false;
  const view: GraphView = {
    sigma,
    scene,
    get state() {
      return state;
    },
    visibleNodeCount,
    setTimePosition(position) {
      computeFrame(scene, position);
      refresh();
    },
    setState(patch) {
      Object.assign(state, patch);
      const keys = Object.keys(patch);
      if (keys.every((k) => k === 'hovered')) {
        refocus();
        return;
      }
      if ('hovered' in patch || 'path' in patch || 'group' in patch) inputs.focus = focusOf(scene, state);
      refresh();
    },
    setPalette(palette) {
      inputs.palette = palette;
      refresh();
    },
    focusNode(node, opts = {}) {
      const d = sigma.getNodeDisplayData(node);
      if (!d) return;
      void camera.animate({ x: d.x, y: d.y, ratio: opts.ratio ?? Math.min(camera.getState().ratio, 0.35) }, { duration: opts.duration ?? 700, easing: 'quadraticInOut' });
    },
    revealNodes(nodes, opts = {}) {
      const points = nodes.map((n) => sigma.getNodeDisplayData(n)).filter((d): d is NodeDisplayData => !!d);
      if (points.length === 0) return;
      if (opts.close) {
        fly(points, 0.04);
        return;
      }
      const { width, height } = sigma.getDimensions();
      const margin = 100;
      const offscreen = points.some((p) => {
        const v = sigma.framedGraphToViewport(p);
        return v.x < margin || v.y < margin || v.x > width - margin || v.y > height - margin;
      });
      if (!offscreen) return;
      fly(points, camera.getState().ratio);
    },
    getCamera() {
      const s = camera.getState();
      return { x: s.x, y: s.y, ratio: s.ratio };
    },
    setCamera(c, animate = false) {
      if (animate) void camera.animate({ ...c, angle: 0 }, { duration: 500 });
      else camera.setState({ ...c, angle: 0 });
    },
    resetCamera(animate = true) {
      const target = coreCamera();
      if (animate) void camera.animate(target, { duration: 500, easing: 'quadraticInOut' });
      else camera.setState(target);
    },
    teardown() {
      if (killed) return;
      killed = true;
      resizeObserver.disconnect();
      camera.off('updated', onCameraUpdated);
      sigma.removeAllListeners();
      sigma.kill();
      container.style.cursor = '';
    },
  };
  return view;
}

