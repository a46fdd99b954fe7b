/**
 * Catalyst's browser client: wires the view state (state.ts, mirrored in the URL), the API (api.ts), the
 * graph view (graph/), the time bar, the filters, the search box and the person panel (panel/).
 *
 * Data flow: filters that change what the server computes (metric, sector, medium, limit) reload the graph;
 * polarity reloads only the timeline; time, colour mode, minimum influence, hover and selection are applied
 * locally through the reducers' state and a refresh. `window.__catalyst` exposes timings and state for the
 * browser tests and the render benchmark.
 */
import './styles.css';
import type { GraphResponse, MetaResponse, Person, TimelineResponse } from '../../src/api/contract.ts';
import type { PersonSnapshot } from '../../src/domain/model.ts';
import { api, ApiError, onWaiting, timelineBasis, waitingRequests } from './api.ts';
import { ensureLayout, type LayoutRun } from './graph/layout.ts';
import { communityColors, sectorColors, withSectors } from './graph/palette.ts';
import type { Palette, RenderState } from './graph/reducers.ts';
import { createGraphView, type GraphView } from './graph/renderer.ts';
import { attachTimeline, buildScene, keepPlaces, needsLayout, positionOf, timeAt, updatePerson, updateScores, type Scene } from './graph/scene.ts';
import { byId, firstName, formatCount, formatDate, formatNumber } from './panel/dom.ts';
import { createFilters, metricLabel, type Filters } from './panel/filters.ts';
import { communityNames, legendEntries, MOVEMENT_WINDOW_MS, movesCaption, renderLegend, renderTopList } from './panel/legend.ts';
import { restoredText } from './panel/person-editor.ts';
import { createPersonPanel, type PersonPanel } from './panel/person-panel.ts';
import { createSearch, matchName, type SearchHit, type SearchOptions } from './panel/search.ts';
import { createTimeBar, type TimeBar } from './panel/time-bar.ts';
import { createToast } from './panel/toast.ts';
import { renderRings, type SuspectedRing } from './panel/rings.ts';
import { createSeedsBox, type SeedsBox } from './panel/seeds.ts';
import { followAnalysis, renderProgress } from './panel/analysis-progress.ts';
import { focusBar, type FocusBar } from './panel/focus-bar.ts';
import { createNodeMenu, type NodeMenu, type NodeMenuItem } from './panel/node-menu.ts';
import {
  DEFAULT_VIEW,
  MAX_COMPARE,
  MAX_HOPS,
  needsGraphReload,
  needsTimelineReload,
  parseViewState,
  seedsFor,
  serializeViewState,
  Store,
  TRUSTED_METRIC,
  type CameraView,
  type DialogView,
  NO_TABLE_VIEW,
  type TableView,
  type ViewState,
} from './state.ts';

/** Nodes asked of the API when the link does not say: the whole demo world, a usable slice of a huge graph. */
export const DEFAULT_LIMIT = 15_000;
/** The API's cap on timeline rows; beyond it the extra nodes keep their overall size (scene.ts). */
const TIMELINE_MAX_LIMIT = 20_000;
const LIMIT_CHOICES = [500, 2_000, 5_000, 15_000, 50_000, 100_000];

interface Timings {
  /** ms since navigation start, when the first frame with nodes was drawn */
  firstRender: number | null;
  graphLoaded: number | null;
  /** graph JSON turned into the graphology scene */
  sceneBuilt: number | null;
  /** sigma constructed (it draws a first frame synchronously) */
  viewCreated: number | null;
  timelineLoaded: number | null;
  /** ms since navigation start when graph, timeline (if any) and first frame are all done */
  ready: number | null;
  nodes: number;
  edges: number;
}

interface CatalystHook {
  timings: Timings;
  ready: boolean;
  error: string | null;
  state(): Readonly<ViewState>;
  /** the map's render state (hover, selection, the lit path or group), or null before the map exists */
  render(): Readonly<RenderState> | null;
  position(): number;
  times(): number[];
  setPosition(position: number): void;
  nodeDisplay(id: string): unknown;
  nodeSizes(): Record<string, number>;
  /** the person panel's chart: its times and the values of its main line, or null when none is drawn */
  panelChart(): { times: number[]; values: number[]; compared: { label: string; values: (number | null)[] }[] } | null;
  visibleNodeCount(): number;
  renderedNodeCount(): number;
  select(id: string | null): Promise<void>;
  /** requests waiting for their answer (polls of /api/analysis aside) */
  waiting(): number;
  highlightPath(path: string[] | null): void;
  exportPng(): Promise<{ type: string; size: number; signature: number[] }>;
  exportGexf(): Promise<string>;
  view(): GraphView | null;
}

declare global {
  interface Window {
    __catalyst: CatalystHook;
  }
}

const store = new Store<ViewState>(parseViewState(location.search));
const timings: Timings = { firstRender: null, graphLoaded: null, sceneBuilt: null, viewCreated: null, timelineLoaded: null, ready: null, nodes: 0, edges: 0 };

let meta: MetaResponse | null = null;
let view: GraphView | null = null;
let scene: Scene | null = null;
let layoutRun: LayoutRun | null = null;
let position = Number.NaN;
let timeBar: TimeBar | null = null;
let panel: PersonPanel | null = null;
let filters: Filters | null = null;
let seedsBox: SeedsBox | null = null;
/** the line over the map naming the neighbourhood it keeps to */
let focusLine: FocusBar | null = null;
/** the seeds the shown map's Trusted PageRank ran with (none for another metric) */
let shownSeeds: ReadonlySet<string> = new Set();
/** what the legend was last drawn for: the scene, colour mode, palette and scores (see updateSidePanels) */
let shownLegend: readonly unknown[] = [];
/** counts in-place score updates (rescoreIntroducers), which can rename a community after its most prominent person */
let scoresVersion = 0;
/** suspected collusion rings in the stored data (all-time, from the influence graph) */
let rings: readonly SuspectedRing[] | null = null;
/** the links the map draws (the server's choice when the view leaves it open) */
let shownLayer: 'influence' | 'ties' = 'influence';
/** People the Table's "Show on the map" lit, until its line is closed or cleared (a hover lights others meanwhile). */
let pinnedGroup: string[] | null = null;

let graphController: AbortController | null = null;
let timelineController: AbortController | null = null;
let sectorPalette = new Map<string, string>();
let palette: Palette = { community: new Map(), sector: sectorPalette };
let renderedNodes = 0;

const statusEl = byId('status');
const toast = createToast(byId('toast'));
const graphEl = byId('graph');

/**
 * The line over the map. A `waiting` text ("Loading the network…") may be replaced by the server's progress while
 * requests wait on its analysis, and comes back when the progress goes; other texts (errors, "Nobody matches…")
 * stay as they are.
 */
function setStatus(text: string, kind: 'info' | 'error' = 'info', opts: { waiting?: boolean } = {}): void {
  statusEl.textContent = text;
  statusEl.className = `status ${text ? 'show' : ''} ${kind}`;
  delete statusEl.dataset.progress;
  if (opts.waiting) statusEl.dataset.waiting = '';
  else delete statusEl.dataset.waiting;
}

/** The waiting text the progress replaced, to put back when it goes. */
let replacedWaiting: string | null = null;

followAnalysis({
  onWaiting,
  status: (signal) => api.analysis(signal),
  show: (view) => {
    const showingProgress = statusEl.dataset.progress !== undefined;
    if (!showingProgress && statusEl.textContent !== '' && statusEl.dataset.waiting === undefined) return;
    if (!showingProgress) replacedWaiting = statusEl.dataset.waiting !== undefined ? statusEl.textContent : null;
    renderProgress(statusEl, view);
    statusEl.className = 'status show info';
    statusEl.dataset.progress = '';
  },
  hide: () => {
    if (statusEl.dataset.progress === undefined) return;
    setStatus(replacedWaiting ?? '', 'info', { waiting: replacedWaiting !== null });
    replacedWaiting = null;
  },
});

function currentTime(): number | null {
  if (!scene?.timeline || !Number.isFinite(position)) return null;
  return timeAt(scene.timeline, position);
}

// ---------------------------------------------------------------- URL

/** The view as the address's query, with its "?" (empty for the default view). */
function viewQuery(): string {
  const q = serializeViewState(store.get());
  return q ? `?${q}` : '';
}

let urlTimer: ReturnType<typeof setTimeout> | undefined;
let applyingHistory = false;
store.subscribe((s, prev) => {
  if (applyingHistory) return;
  clearTimeout(urlTimer);
  const push = s.person !== prev.person || s.focus !== prev.focus;
  const write = () => {
    const url = `${location.pathname}${viewQuery()}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  if (push) write();
  else urlTimer = setTimeout(write, 250);
});
window.addEventListener('popstate', () => {
  const next = parseViewState(location.search);
  // Back or Forward to another person asks first, as selectPerson does; kept, the address goes back to this view.
  if (!mayLeavePanel(next.person === store.get().person)) {
    history.pushState(null, '', `${location.pathname}${viewQuery()}${location.hash}`);
    return;
  }
  applyingHistory = true;
  try {
    store.set(next);
  } finally {
    applyingHistory = false;
  }
});

// ---------------------------------------------------------------- reacting to state

store.subscribe((s, prev) => {
  if (!meta) return;
  if (s.focus !== prev.focus) panel?.focusChanged();
  if (needsGraphReload(s, prev)) {
    void loadGraph();
    return;
  }
  if (needsTimelineReload(s, prev)) void loadTimeline();
  if (view && (s.color !== prev.color || s.minInfluence !== prev.minInfluence)) {
    view.setState({ colorMode: s.color, minInfluence: s.minInfluence });
    updateSidePanels();
  }
  if (s.person !== prev.person) void applySelection(s.person, true);
  if (s.time !== prev.time && applyingHistory && scene?.timeline) setPosition(s.time === null ? Number.NaN : positionOf(scene.timeline, s.time), true);
  if (s.metric !== prev.metric) timeBar?.refreshLabel();
  // the profile's Trusted PageRank runs with the user's seeds
  if (s.seeds !== prev.seeds) panel?.refreshScores();
  // a profile opening draws its chart with the people compared with; one shown draws it again
  if (s.person === prev.person && s.compare.join(',') !== prev.compare.join(',')) panel?.compareChanged();
  if (s.camera && applyingHistory && view) view.setCamera(s.camera, true);
  if (applyingHistory && JSON.stringify(s.dialog) !== JSON.stringify(prev.dialog)) void showDialog(s.dialog);
});

// ---------------------------------------------------------------- time

let topListTimer = 0;
function setPosition(p: number, final: boolean): void {
  position = p;
  view?.setTimePosition(p);
  const t = currentTime();
  panel?.setTime(t);
  timeBar?.setPosition(p);
  // The side list is DOM work: at most ~6 updates a second while playing.
  const now = performance.now();
  if (final || now - topListTimer > 160) {
    topListTimer = now;
    updateSidePanels();
  }
  if (final) {
    store.set({ time: t === null ? null : Math.round(t / 86_400_000) * 86_400_000 });
    panel?.refreshScores();
  }
}

/** What node size is over time, by the timeline's basis (the size caption). */
const OVER_TIME: Record<TimelineResponse['basis'], string> = {
  activity: 'decayed influence',
  pagerank: 'influence PageRank',
  introducer: 'introducer score',
  trust: 'trust PageRank',
};

const TRUSTED_OVER_TIME = { pagerank: 'Trusted PageRank', trust: 'trust PageRank from the seeds' } as const;

/** Metrics made of events and introductions, the same whichever links the map draws. */
const RECORD_METRICS = new Set(['activity', 'introducer']);

function updateSidePanels(): void {
  if (!scene) return;
  const t = currentTime();
  // Over time the server's timeline gives each person's decayed influence (activity), temporal PageRank or
  // introducer score; all-time uses the metric.
  const metric = store.get().metric;
  const basis = scene.timeline?.basis ?? 'activity';
  // Trusted PageRank travels in time with its seeds, as influence or trust PageRank from them
  const overTime = metric === TRUSTED_METRIC && (basis === 'pagerank' || basis === 'trust') ? TRUSTED_OVER_TIME[basis] : OVER_TIME[basis];
  // on the map of trust, a structural metric is computed on the ties (activity and introducer come from records)
  const onTies = shownLayer === 'ties' && !RECORD_METRICS.has(metric) ? ' of the trust ties' : '';
  const sizedBy = t === null ? `${metricLabel(metric)}${onTies}` : `${overTime.charAt(0).toUpperCase()}${overTime.slice(1)} on ${formatDate(t)}`;
  byId('size-caption').textContent = t === null ? `Node size: ${sizedBy}, all time` : `Node size: ${overTime} on ${formatDate(t)}`;
  byId('top-date').textContent = t === null ? 'all time' : formatDate(t);
  // the whole ranking behind the list, as the API ranks it at this time, for a spreadsheet
  const s = store.get();
  const csv = byId<HTMLAnchorElement>('top-csv');
  csv.href = api.rankingCsvUrl({ metric, layer: shownLayer, at: t, sector: s.sector, medium: s.medium, polarity: s.polarity, seeds: seedsFor(s) });
  csv.title = `Download everyone's rank by ${metricLabel(metric)}${t === null ? '' : ` on ${formatDate(t)}`} as CSV (rank, id, name, score)`;
  // over time, the list says how each one moved since a year before (when the timeline reaches back that far)
  const since = t !== null && scene.timeline && t - MOVEMENT_WINDOW_MS >= scene.timeline.times[0]! ? t - MOVEMENT_WINDOW_MS : null;
  renderTopList(byId('top-list'), scene, palette, store.get().color, {
    onSelect: (id) => selectPerson(id),
    onHover: (id) => view?.setState({ hovered: id }),
    seeds: shownSeeds,
    since: since === null ? null : { time: since, position: positionOf(scene.timeline!, since) },
  });
  const moves = byId('top-moves');
  moves.hidden = since === null;
  moves.textContent = since === null ? '' : movesCaption(since, scene.graph.order);
  // the legend does not follow the slider: drawn again only when what it shows changed, so a row under the pointer
  // (lighting its people) is not replaced while the map plays
  const legendKey = [scene, store.get().color, palette, scoresVersion] as const;
  if (!legendKey.every((x, k) => x === shownLegend[k])) {
    shownLegend = legendKey;
    renderLegend(byId('legend'), legendEntries(scene, store.get().color, palette), {
      onHover: (ids) => view?.setState({ group: ids ?? pinnedGroup }),
      onShow: (ids) => view?.revealNodes(ids, { close: true }),
    });
  }
  updateRings(sizedBy, metric === TRUSTED_METRIC);
}

/** The suspected rings, with where the map's current sizes rank their members. */
function updateRings(sizedBy: string, trusted: boolean): void {
  // hidden until the server has answered (or when it could not); "none found" says the guard ran
  byId('rings-section').hidden = rings === null;
  byId('rings-count').textContent = rings && rings.length > 1 ? String(rings.length) : '';
  if (!scene || rings === null) return;
  const { graph, frame } = scene;
  // 1 + how many shown people the map sizes larger: a pass per member asked (rings are small; none, no pass)
  const rankOf = (id: string) => {
    if (!graph.hasNode(id)) return null;
    const v = frame.nodeValue[graph.getNodeAttribute(id, 'i')] ?? 0;
    let larger = 0;
    for (const x of frame.nodeValue) if (x > v) larger++;
    return { rank: larger + 1, of: frame.nodeValue.length };
  };
  renderRings(byId('rings'), rings, {
    rankOf,
    metric: { label: sizedBy, trusted, seeds: shownSeeds },
    onSelect: (id) => selectPerson(id),
    onHover: (ids) => highlightGroup(ids),
    onShow: (ids) => view?.revealNodes(ids, { close: true }),
    onTrusted: () => store.set({ metric: TRUSTED_METRIC }),
  });
}

/** Asks the server for the suspected rings (after the data changed); the sidebar lists them. */
async function loadRings(signal: AbortSignal): Promise<void> {
  try {
    const next = (await api.rings(signal)).rings;
    if (signal.aborted) return;
    rings = next;
  } catch (err) {
    if (signal.aborted) return;
    // the rest of the map stands without them; the section stays as it was
    console.error('Suspected rings could not be loaded:', err);
    return;
  }
  updateSidePanels();
}

// ---------------------------------------------------------------- loading

function graphLimit(): number {
  return store.get().limit ?? DEFAULT_LIMIT;
}

interface DataRequest {
  controller: AbortController;
  graph: Promise<GraphResponse>;
}

function requestGraph(): DataRequest {
  const controller = new AbortController();
  const s = store.get();
  const graph = api.graph({ metric: s.metric, layer: s.layer, sector: s.sector, medium: s.medium, seeds: seedsFor(s), focus: s.focus, hops: s.hops, limit: graphLimit() }, controller.signal);
  graph.catch(() => {});
  return { controller, graph };
}

/** The first graph request leaves with the page, in parallel with /api/meta (boot consumes it). */
let prefetched: DataRequest | null = requestGraph();

/**
 * Loads the map (the prefetched request, or a new one) and its timeline. `keep`: a refresh under the user (an
 * event changed), which keeps the camera there and leaves the open panel as it is.
 */
async function loadGraph(keep: { camera: CameraView } | null = null): Promise<void> {
  graphController?.abort();
  timelineController?.abort();
  const request = prefetched ?? requestGraph();
  prefetched = null;
  const { controller } = request;
  graphController = controller;
  const s = store.get();
  setStatus('Loading the network…', 'info', { waiting: true });
  let response;
  try {
    response = await request.graph;
  } catch (err) {
    if (controller.signal.aborted) return;
    return fail(err);
  }
  if (controller.signal.aborted) return;
  timings.graphLoaded ??= performance.now();
  // The timeline is asked for only now: the server computes it in one go, and asking earlier would hold up
  // the graph and /api/meta behind it. The overall view needs no timeline, so the map does not wait.
  const timelineP = fetchTimeline(response.nodes.length, response.layer ?? 'influence', controller.signal);
  timelineP?.catch(() => {});
  void loadRings(controller.signal);

  layoutRun?.stop();
  nodeMenu?.close();
  view?.teardown();
  view = null;
  // a new map lets go of the people the Table lit on the old one
  if (pinnedGroup) {
    pinnedGroup = null;
    toast.hide();
  }
  const next = buildScene(response);
  timings.sceneBuilt ??= performance.now();
  scene = next;
  position = Number.NaN;
  timings.nodes = next.graph.order;
  timings.edges = next.graph.size;
  palette = { community: communityColors(next.graph.mapNodes((_n, a) => a.community)), sector: sectorPalette };
  layoutRun = needsLayout(next) ? ensureLayout(next.graph) : null;

  view = createGraphView(graphEl, {
    scene: next,
    palette,
    state: {
      colorMode: s.color,
      minInfluence: s.minInfluence,
      selected: s.person && next.graph.hasNode(s.person) ? s.person : null,
      neighbourhoodOf: response.focus?.id ?? null,
    },
    camera: keep?.camera ?? s.camera,
    onClick: (node) => {
      if (node) selectPerson(node);
    },
    onContextMenu: (node, at) => openNodeMenu(node, at),
    onCamera: (camera) => cameraChanged(camera),
    onRender: () => {
      renderedNodes = next.graph.order;
      if (timings.firstRender === null && next.graph.order > 0) timings.firstRender = performance.now();
    },
  });
  timings.viewCreated ??= performance.now();
  const links = response.layer === 'ties' ? 'trust ties' : 'influence links';
  shownLayer = response.layer ?? 'influence';
  filters?.setShownLayer(response.layer);
  seedsBox?.show(response.seeds ?? null);
  shownSeeds = new Set((response.seeds ?? []).map((x) => x.id));
  focusLine?.show(response.focus ? { ...response.focus, shown: next.graph.order, total: response.total.nodes } : null);
  byId('stats').textContent =
    response.total.nodes > next.graph.order
      ? `${formatCount(next.graph.order)} of ${formatCount(response.total.nodes)} people · ${formatCount(next.graph.size)} ${links}`
      : `${formatCount(next.graph.order)} people · ${formatCount(next.graph.size)} ${links}`;
  updateSidePanels();
  setStatus(next.graph.order === 0 ? 'Nobody matches these filters.' : '');

  await applyTimeline(timelineP, controller);
  if (controller.signal.aborted) return;
  // a map of the selected person's neighbourhood stays framed whole around them
  if (s.person && !keep) await applySelection(s.person, !s.camera, !(s.focus === s.person && !s.camera));
  timings.ready ??= performance.now();
  window.__catalyst.ready = true;
}

/**
 * The timeline of the shown nodes (`shown` = how many the graph has): fewer samples for big graphs. None when
 * nothing stored has a time (e.g. a network of ties only): the server would compute a timeline of zeros.
 */
function fetchTimeline(shown: number, layer: 'influence' | 'ties', signal?: AbortSignal): Promise<TimelineResponse> | null {
  if (meta && meta.timeRange === null) return null;
  const s = store.get();
  const steps = shown > 5_000 ? 60 : 120;
  const limit = Math.max(1, Math.min(graphLimit(), TIMELINE_MAX_LIMIT));
  const query = { metric: s.metric, basis: timelineBasis(s.metric, layer), layer: s.layer, sector: s.sector, medium: s.medium, polarity: s.polarity, seeds: seedsFor(s), focus: s.focus, hops: s.hops, steps, limit };
  return api.timeline(query, signal).catch((err: unknown) => {
    // Timelines exist for activity-like metrics; for a static one, fall back to activity over time.
    if (err instanceof ApiError && err.status === 400 && s.metric !== 'activity') return api.timeline({ ...query, metric: 'activity' }, signal);
    throw err;
  });
}

async function applyTimeline(timelineP: Promise<TimelineResponse> | null, controller: AbortController): Promise<void> {
  const target = scene;
  if (!target || !view) return;
  let timeline: TimelineResponse | null = null;
  try {
    timeline = timelineP ? await timelineP : null;
  } catch (err) {
    if (controller.signal.aborted) return;
    setStatus(`No timeline: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
  if (controller.signal.aborted || scene !== target) return;
  if (timelineP) timings.timelineLoaded ??= performance.now();
  if (timeline) attachTimeline(target, timeline);
  const tl = target.timeline;
  const wanted = store.get().time;
  // No time in the link: the overall view (the metric's all-time score); play or scrub to travel in time.
  const p = tl && wanted !== null ? positionOf(tl, wanted) : Number.NaN;
  timeBar?.setTimeline(tl?.times ?? null, tl?.totals ?? null);
  setPosition(p, false);
}

async function loadTimeline(): Promise<void> {
  if (!scene) return;
  timelineController?.abort();
  const controller = new AbortController();
  timelineController = controller;
  await applyTimeline(fetchTimeline(scene.graph.order, shownLayer, controller.signal), controller);
}

/** The metric made of recorded introductions and their outcomes: the only one they change. */
const INTRODUCTION_METRIC = 'introducer';

let rescoreController: AbortController | null = null;
/**
 * After an introduction is recorded or its outcome set, the map sized by the introducer metric takes the new
 * scores in place: sizes and the side ranking follow, positions stay (a graph reload would re-run the layout
 * under the user); the timeline, made of introducer scores too, is fetched again.
 */
async function rescoreIntroducers(): Promise<void> {
  const target = scene;
  if (!target || !view || store.get().metric !== INTRODUCTION_METRIC) return;
  rescoreController?.abort();
  const controller = new AbortController();
  rescoreController = controller;
  try {
    const limit = Math.max(1, Math.min(target.total.nodes, 100_000));
    const ranked = await api.influence({ metric: INTRODUCTION_METRIC, at: null, limit }, controller.signal);
    if (controller.signal.aborted || scene !== target || !view) return;
    const scoreOf = new Map(ranked.items.map((r) => [r.id, r.score]));
    updateScores(target, (id) => scoreOf.get(id));
    scoresVersion++;
    view.setTimePosition(position);
    updateSidePanels();
    void loadTimeline();
  } catch (err) {
    if (controller.signal.aborted) return;
    setStatus(`Could not refresh the introducer scores: ${err instanceof ApiError ? err.message : String(err)}`, 'error');
  }
}

/**
 * After a profile was edited in the panel, the map takes the new name and sectors in place: the label, the colour
 * by sector (a new sector gets the next colour, the others keep theirs) and the side lists follow; positions stay.
 */
function personChanged(person: Person): void {
  sectorPalette = withSectors(sectorPalette, person.sectors);
  palette = { ...palette, sector: sectorPalette };
  if (scene) updatePerson(scene, person);
  view?.setPalette(palette);
  updateSidePanels();
}

/**
 * After the panel changed what the map is made of (an event recorded, deleted or restored; someone added or
 * deleted; a tie changed while the map draws trust), the store's description (time range, kinds, media) and the
 * map (scores, links, the timeline) are asked for again. The map is rebuilt under the user without moving anyone:
 * people keep their places, someone new appears among those they are linked to (or on the rim), and the camera,
 * the time and the open panel stay.
 */
async function recordsChanged(): Promise<void> {
  try {
    meta = await api.meta();
    panel?.setMeta(meta);
    filters?.setMeta(meta);
  } catch (err) {
    setStatus(`Could not refresh: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return;
  }
  const old = scene;
  if (!old || !view) return;
  const camera = view.getCamera();
  const request = requestGraph();
  graphController?.abort();
  graphController = request.controller;
  let response: GraphResponse;
  try {
    response = await request.graph;
  } catch (err) {
    if (request.controller.signal.aborted) return;
    setStatus(`Could not refresh the map: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return;
  }
  if (request.controller.signal.aborted || scene !== old) return;
  keepPlaces(response, (id) => (old.graph.hasNode(id) ? { x: old.graph.getNodeAttribute(id, 'x'), y: old.graph.getNodeAttribute(id, 'y') } : (formerPlaces.get(id) ?? null)));
  prefetched = { controller: request.controller, graph: Promise.resolve(response) };
  graphController = null; // loadGraph aborts the request before it, which is this one
  await loadGraph({ camera });
}

/** An event's date clicked in the panel: the map goes to that day (from the overall view too). */
function seekTime(ms: number): void {
  const tl = scene?.timeline;
  if (!tl) return;
  setPosition(positionOf(tl, ms), true);
}

function fail(err: unknown): void {
  const message = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  window.__catalyst.error = message;
  setStatus(message, 'error');
}

// ---------------------------------------------------------------- selection

/**
 * Opens someone else's profile (or, with null, closes it), unless the open one holds work typed and not saved
 * (a profile edit, an event being recorded, a trust being changed, someone being added) that the user, asked,
 * chooses to keep.
 */
function selectPerson(id: string | null): void {
  const adding = panel?.adding ?? false;
  if (!mayLeavePanel(id === store.get().person && !adding)) return;
  // the form for someone new is not in the view state: it gives way (or closes) here
  if (adding && id === store.get().person) void applySelection(id, true);
  else store.set({ reach: null, person: id });
}

/**
 * Whether the panel may move on (`staying`: it keeps what it shows): yes unless it holds unsaved work the user,
 * asked, keeps.
 */
function mayLeavePanel(staying: boolean): boolean {
  const unsaved = staying ? null : panel?.unsaved();
  return !unsaved || window.confirm(`Discard ${unsaved}? It is not saved.`);
}

/** "+ Person": the panel becomes a form for someone new (the open profile first closes, asking as a pick would). */
function startAddingPerson(): void {
  if (!panel) return;
  if (!panel.adding) {
    if (!mayLeavePanel(false)) return;
    store.set({ reach: null, person: null });
    panel.showNew();
  }
  document.body.classList.add('panel-open');
  showSidebar(false);
  byId('panel').querySelector<HTMLInputElement>('input[aria-label=Name]')?.focus();
}

/**
 * The open profile's person was deleted (the user said yes to what goes with them): the panel closes without asking
 * about its other forms, which went with them, the map is rebuilt without them, nobody else moving, and the line at
 * the map's foot offers Undo with everything the delete answered (`snapshot`).
 */
function personDeleted(snapshot: PersonSnapshot): void {
  const { id, name } = snapshot.person;
  if (scene?.graph.hasNode(id)) formerPlaces.set(id, { x: scene.graph.getNodeAttribute(id, 'x'), y: scene.graph.getNodeAttribute(id, 'y') });
  deletions.push(snapshot);
  store.set({ reach: null, person: null });
  void recordsChanged();
  offerUndo(`Deleted ${name}.`);
}

/** Where people deleted from this page stood on the map: an Undo puts them back there, not on the rim. */
const formerPlaces = new Map<string, { x: number; y: number }>();
/** What the deletes made from this page answered, the last one last: each Undo puts back the latest. */
const deletions: PersonSnapshot[] = [];

/** Shows `text` with an Undo of the latest delete not undone yet, if any ("Undo delete of Ana" after another Undo). */
function offerUndo(text: string, afterUndo = false): void {
  const last = deletions.at(-1);
  if (!last) {
    toast.show(text);
    return;
  }
  toast.show(text, { action: { label: afterUndo ? `Undo delete of ${last.person.name}` : 'Undo', run: () => undoDelete() } });
}

/**
 * Undo of the latest delete: the person comes back with what went with them (except what names people or events
 * deleted since, which the line then names), in their old place on the map, and their profile opens again. An
 * earlier delete from this page is offered next.
 */
async function undoDelete(): Promise<void> {
  const snapshot = deletions.pop();
  if (!snapshot) return;
  let text: string;
  try {
    text = restoredText(await api.restorePerson(snapshot));
  } catch (err) {
    const why = `Could not restore ${snapshot.person.name}: ${err instanceof Error ? err.message : String(err)}`;
    // refused (someone was stored under their id since): it never will be; the server or the network failing: kept to try again
    if (err instanceof ApiError && err.status < 500) {
      toast.show(why, { kind: 'error' });
      return;
    }
    deletions.push(snapshot);
    toast.show(why, { kind: 'error', action: { label: 'Try again', run: () => undoDelete() } });
    return;
  }
  offerUndo(text, true);
  await recordsChanged();
  selectPerson(snapshot.person.id);
}

/** Someone was added in the panel: the map is rebuilt with them (on its rim, linked to nobody yet), then their profile opens. */
async function personAdded(person: Person): Promise<void> {
  sectorPalette = withSectors(sectorPalette, person.sectors);
  palette = { ...palette, sector: sectorPalette };
  await recordsChanged();
  if (panel?.adding) store.set({ reach: null, person: person.id });
}
// closing or reloading the page asks too
window.addEventListener('beforeunload', (e) => {
  if (panel?.unsaved()) e.preventDefault();
});

async function applySelection(id: string | null, animate: boolean, fly = true): Promise<void> {
  view?.setState({ selected: id, path: null });
  if (!id) {
    panel?.hide();
    document.body.classList.remove('panel-open');
    return;
  }
  document.body.classList.add('panel-open');
  showSidebar(false);
  if (fly && view && scene?.graph.hasNode(id)) {
    // Fly once the panel has opened (the stage narrows) and, without server positions, once the layout settled.
    const target = view;
    const fly = () => requestAnimationFrame(() => view === target && store.get().person === id && target.focusNode(id, { duration: animate ? 700 : 0 }));
    if (layoutRun) void layoutRun.done.then(fly);
    else fly();
  }
  await panel?.show(id);
}

let nodeMenu: NodeMenu | null = null;
/** The right-click menu of a person on the map: their profile, their neighbourhood, a comparison, the Table. */
function openNodeMenu(id: string, at: { x: number; y: number }): void {
  if (!scene?.graph.hasNode(id)) return;
  const name = scene.graph.getNodeAttribute(id, 'label');
  const s = store.get();
  const items: NodeMenuItem[] = [];
  if (s.person !== id) items.push({ label: 'Open profile', run: () => selectPerson(id) });
  items.push(
    s.focus === id
      ? { label: 'Show everyone again', title: 'Let go of the neighbourhood the map keeps to', run: () => focusOn(null) }
      : { label: 'Neighbourhood', title: `Keep the map to the people within ${s.hops === 1 ? 'a step' : `${s.hops} steps`} of ${firstName(name)}, either way`, run: () => focusOn(id) },
  );
  const selected = s.person && s.person !== id && scene.graph.hasNode(s.person) ? scene.graph.getNodeAttribute(s.person, 'label') : null;
  if (selected && !s.compare.includes(id) && s.compare.length < MAX_COMPARE) {
    items.push({ label: `Compare with ${firstName(selected)}'s curve`, title: `Draw ${firstName(name)}'s influence over time beside ${selected}'s`, run: () => store.set({ compare: [...s.compare, id] }) });
  }
  items.push({ label: 'Find in the Table', title: `Every ranking of ${name} side by side`, run: () => void openTable({ ...NO_TABLE_VIEW, q: name }) });
  nodeMenu ??= createNodeMenu(byId('graph').parentElement!);
  // just under the pointer, so the person's label stays in view
  nodeMenu.open({ x: at.x + 4, y: at.y + 16 }, name, items);
}

/** Keeps the map to a person's neighbourhood (the steps chosen last), or shows everyone again (null); the camera frames what is shown. */
function focusOn(id: string | null): void {
  store.set({ focus: id, hops: id ? store.get().hops : DEFAULT_VIEW.hops, camera: null });
}

/** On a narrow screen the view controls slide in over the map (styles.css); elsewhere this changes nothing seen. */
function showSidebar(open: boolean): void {
  document.body.classList.toggle('side-open', open);
  byId('side-toggle').setAttribute('aria-expanded', String(open));
}

let revealTimer: ReturnType<typeof setTimeout> | undefined;
/** Lights what a hover points at (a path or a group); if the hover lasts, brings its people into view. */
function light(patch: { path: string[] | null } | { group: string[] | null }, nodes: string[] | null): void {
  view?.setState(patch);
  clearTimeout(revealTimer);
  if (nodes) revealTimer = setTimeout(() => view?.revealNodes(nodes), 350);
}
/** Lights the path a – introducer – b. */
function highlightPath(path: string[] | null): void {
  light({ path }, path);
}
/** Lights a group (a suspected ring) and the ties among them; when the hover ends, the group pinned from the Table again. */
function highlightGroup(ids: string[] | null): void {
  light({ group: ids ?? pinnedGroup }, ids);
}

/** The Table's "Show on the map": lights the people of its page (those on the map) and frames them, saying so below. */
function showPinned(ids: string[], what: string): void {
  const onMap = ids.filter((id) => scene?.graph.hasNode(id) ?? false);
  const unpin = () => {
    pinnedGroup = null;
    view?.setState({ group: null });
  };
  if (onMap.length === 0) {
    toast.show(`None of the ${what} is on the map (it shows the ${scene?.graph.order.toLocaleString('en-US') ?? 0} most influential).`);
    return;
  }
  pinnedGroup = onMap;
  view?.setState({ group: onMap });
  view?.revealNodes(onMap, { close: true });
  const missing = ids.length - onMap.length;
  toast.show(`Lit on the map: ${what}${missing > 0 ? ` (${missing} not on the map)` : ''}.`, {
    action: {
      label: 'Clear',
      run: () => {
        unpin();
        toast.hide();
      },
    },
    onClose: unpin,
  });
}

let cameraTimer: ReturnType<typeof setTimeout> | undefined;
function cameraChanged(camera: { x: number; y: number; ratio: number }): void {
  clearTimeout(cameraTimer);
  cameraTimer = setTimeout(() => store.set({ camera }), 400);
}

// ---------------------------------------------------------------- boot

async function boot(): Promise<void> {
  setStatus('Connecting…', 'info', { waiting: true });
  try {
    meta = await api.meta();
  } catch (err) {
    prefetched?.controller.abort();
    fail(err);
    return;
  }
  sectorPalette = sectorColors(meta.sectors);
  palette = { ...palette, sector: sectorPalette };

  filters = createFilters(
    {
      metric: byId<HTMLSelectElement>('metric'),
      colorMode: byId('color-mode'),
      layer: byId('layer'),
      sector: byId<HTMLSelectElement>('sector'),
      medium: byId<HTMLSelectElement>('medium'),
      polarity: byId('polarity'),
      minInfluence: byId<HTMLInputElement>('min-influence'),
      minInfluenceValue: byId('min-influence-value'),
      reset: byId<HTMLButtonElement>('reset-filters'),
    },
    meta,
    store,
  );

  const limitSelect = byId<HTMLSelectElement>('limit');
  const people = meta.counts.people;
  for (const n of LIMIT_CHOICES) {
    if (n >= people * 2 && n !== DEFAULT_LIMIT) continue;
    limitSelect.append(new Option(`${formatCount(n)} people`, String(n)));
  }
  limitSelect.value = String(graphLimit());
  limitSelect.parentElement!.hidden = people <= 500;
  limitSelect.addEventListener('change', () => store.set({ limit: Number(limitSelect.value) === DEFAULT_LIMIT ? null : Number(limitSelect.value) }));

  timeBar = createTimeBar(
    {
      root: byId('timebar'),
      overall: byId<HTMLButtonElement>('overall'),
      slider: byId<HTMLInputElement>('time'),
      play: byId<HTMLButtonElement>('play'),
      speed: byId<HTMLSelectElement>('speed'),
      date: byId('date'),
      sparkline: byId<HTMLCanvasElement>('sparkline'),
      ticks: byId('ticks'),
    },
    { onChange: (p, final) => setPosition(p, final), overallLabel: () => `All time · ${metricLabel(store.get().metric)}` },
  );

  /** People by name: matches on the map at once (best match, then most influential), then the API's. */
  const findPeople: Pick<SearchOptions, 'local' | 'remote'> = {
    local: (q) => {
      if (!scene) return [];
      const hits: (SearchHit & { score: number })[] = [];
      scene.graph.forEachNode((id, a) => {
        const score = matchName(a.label, q);
        if (score >= 0) hits.push({ id, name: a.label, sectors: a.sectors, inGraph: true, score: score * 1e6 + (scene!.frame.nodeValue[a.i] ?? 0) });
      });
      return hits.sort((a, b) => b.score - a.score).slice(0, 10);
    },
    remote: async (q, signal) => {
      const res = await api.searchPeople(q, 10, signal);
      return res.items.map((p) => ({ id: p.id, name: p.name, sectors: p.sectors, inGraph: scene?.graph.hasNode(p.id) ?? false }));
    },
  };

  seedsBox = createSeedsBox(byId('seeds'), { store, find: findPeople });

  panel = createPersonPanel({
    root: byId('panel'),
    api,
    meta,
    sectorColor: (s) => sectorPalette.get(s) ?? '#6b7385',
    findPeople,
    reach: { target: () => store.get().reach, onTarget: (id) => store.set({ reach: id }) },
    compare: { ids: () => store.get().compare, onChange: (ids) => store.set({ compare: ids }) },
    communityName: (c) => (scene ? (communityNames(scene, palette).get(c) ?? null) : null),
    metric: () => store.get().metric,
    seeds: () => store.get().seeds,
    layer: () => store.get().layer ?? shownLayer,
    time: currentTime,
    inGraph: (id) => scene?.graph.hasNode(id) ?? false,
    nameOf: nameOnMap,
    onClose: () => selectPerson(null),
    onHighlightPath: (path) => highlightPath(path),
    onSelectPerson: (id) => selectPerson(id),
    onIntroductionsChanged: () => void rescoreIntroducers(),
    onPersonChanged: (person) => personChanged(person),
    onEventsChanged: () => recordsChanged(),
    onPersonAdded: (person) => void personAdded(person),
    onPersonDeleted: (snapshot) => personDeleted(snapshot),
    // the map of trust ties is rebuilt in place; the influence map does not draw them
    onTiesChanged: () => {
      if (shownLayer === 'ties') void recordsChanged();
    },
    onSeekTime: (ms) => seekTime(ms),
    onShowSectors: (sector) => void openSectors(sector),
    focus: { current: () => store.get().focus, onChange: (id) => focusOn(id) },
  });

  focusLine = focusBar({
    root: byId('focus-bar'),
    maxHops: MAX_HOPS,
    onHops: (hops) => store.set({ hops, camera: null }),
    onOpen: (id) => selectPerson(id),
    onClear: () => focusOn(null),
  });

  createSearch({
    input: byId<HTMLInputElement>('search'),
    list: byId('search-list'),
    ...findPeople,
    onSelect: (hit) => {
      if (store.get().person === hit.id) void applySelection(hit.id, true);
      else selectPerson(hit.id);
    },
  });

  byId('add-person').addEventListener('click', () => startAddingPerson());
  // The import dialog loads with its first use; after an import the page reloads with the same view (URL),
  // so the metrics, filters, time range and map all come from the updated store.
  let importDialog: Promise<{ open(): void }> | null = null;
  byId('import').addEventListener('click', () => {
    importDialog ??= import('./panel/import-dialog.ts').then(({ createImportDialog }) => createImportDialog({ api, onShowNetwork: () => location.reload() }));
    void importDialog.then((d) => d.open());
  });
  byId('introductions').addEventListener('click', () => void openBoard());
  byId('sectors').addEventListener('click', () => void openSectors(null));
  byId('table').addEventListener('click', () => void openTable());
  byId('stats').addEventListener('click', () => void openNetwork());
  byId('share').addEventListener('click', async () => {
    const button = byId<HTMLButtonElement>('share');
    try {
      await navigator.clipboard.writeText(location.href);
      button.textContent = 'Link copied';
    } catch {
      button.textContent = 'Copy from the address bar';
    }
    setTimeout(() => (button.textContent = 'Copy link'), 1800);
  });
  byId('export-png').addEventListener('click', async () => {
    if (!view) return;
    const { download, viewToPng } = await exporters();
    download(await viewToPng(view), `catalyst-${exportStamp()}.png`);
  });
  byId('export-gexf').addEventListener('click', async () => {
    if (!view) return;
    const { download, viewToGexf } = await exporters();
    download(new Blob([viewToGexf(view, { time: currentTime(), metric: store.get().metric })], { type: 'application/gexf+xml' }), `catalyst-${exportStamp()}.gexf`);
  });
  const zoom = (f: number) => {
    const camera = view?.sigma.getCamera();
    if (!camera) return;
    if (f > 1) void camera.animatedUnzoom({ duration: 250, factor: f });
    else void camera.animatedZoom({ duration: 250, factor: 1 / f });
  };
  byId('side-toggle').addEventListener('click', () => showSidebar(!document.body.classList.contains('side-open')));
  byId('scrim').addEventListener('click', () => showSidebar(false));
  byId('zoom-in').addEventListener('click', () => zoom(1 / 1.5));
  byId('zoom-out').addEventListener('click', () => zoom(1.5));
  byId('zoom-reset').addEventListener('click', () => view?.resetCamera());
  document.addEventListener('keydown', (e) => {
    // not while typing: Escape in a search box or a drafted message must not close the panel (and lose the draft)
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if (e.key !== 'Escape' || typing) return;
    if (document.body.classList.contains('side-open')) showSidebar(false);
    else if (store.get().person || panel?.adding) selectPerson(null);
  });

  await loadGraph();
  // a link with a dialog open opens it over the map it was open on
  const linked = store.get().dialog;
  if (linked) void showDialog(linked);
}

/** "Introductions": every recorded introduction, loaded with its first use. */
let board: Promise<{ open(): void; close(): void }> | null = null;
async function openBoard(): Promise<void> {
  board ??= import('./panel/introductions-board.ts').then(({ createIntroductionsBoard }) =>
    createIntroductionsBoard({
      api,
      sectors: meta?.peopleSectors ?? [],
      nameOf: nameOnMap,
      onSelectPerson: (id) => selectPerson(id),
      onIntroductionsChanged: () => void rescoreIntroducers(),
      // the open panel's history and introducer record may have changed
      onClose: (changed) => {
        dialogClosed('introductions');
        const id = store.get().person;
        if (changed && id) void panel?.show(id);
      },
    }),
  );
  store.set({ dialog: { name: 'introductions' } });
  (await board).open();
}

/** "Sectors": the sectors side by side at the map's time, at `sector` (else the map's), loaded with its first use. */
let sectorsDialog: Promise<{ open(sector?: string | null): void; close(): void }> | null = null;
async function openSectors(sector: string | null): Promise<void> {
  sectorsDialog ??= import('./panel/sectors-dialog.ts').then(({ createSectorsDialog }) =>
    createSectorsDialog({
      api,
      at: () => dialogTime(),
      sector: () => store.get().sector,
      color: (s) => sectorPalette.get(s) ?? '#6b7385',
      onSelectPerson: (id) => selectPerson(id),
      onShowSector: (s) => store.set({ layer: 'influence', sector: s }),
      onChoose: (s) => {
        if (store.get().dialog?.name === 'sectors') store.set({ dialog: { name: 'sectors', sector: s } });
      },
      onClose: () => dialogClosed('sectors'),
    }),
  );
  store.set({ dialog: { name: 'sectors', sector } });
  (await sectorsDialog).open(sector);
}

/** "Network": the map's network in numbers, loaded with its first use. */
let networkDialog: Promise<{ open(): void; close(): void }> | null = null;
async function openNetwork(): Promise<void> {
  networkDialog ??= import('./panel/network-dialog.ts').then(({ createNetworkDialog }) =>
    createNetworkDialog({
      api,
      view: () => {
        const s = store.get();
        return { layer: shownLayer, sector: s.sector, medium: s.medium, focus: s.focus, hops: s.hops };
      },
      onSelectPerson: (id) => selectPerson(id),
      onClose: () => dialogClosed('network'),
    }),
  );
  store.set({ dialog: { name: 'network' } });
  (await networkDialog).open();
}

/** The name a person has on the map, or null when the map does not show them. */
function nameOnMap(id: string): string | null {
  return scene?.graph.hasNode(id) ? (scene.graph.getNodeAttribute(id, 'label') as string) : null;
}

/** "Table": everyone with several rankings side by side, on the map's layer, time and slice, loaded with its first use. */
let tableDialog: Promise<{ open(view?: TableView | null): void; close(): void }> | null = null;
async function openTable(view: TableView | null = null): Promise<void> {
  tableDialog ??= import('./panel/table-dialog.ts').then(({ createTableDialog }) =>
    createTableDialog({
      api,
      metrics: () => meta?.metrics ?? [],
      mapMetric: () => store.get().metric,
      slice: () => {
        const s = store.get();
        return { layer: shownLayer, at: dialogTime(), sector: s.sector, medium: s.medium, polarity: s.polarity, seeds: seedsFor(s), focus: s.focus, hops: s.hops };
      },
      series: (id) => {
        const tl = scene?.timeline;
        if (!tl || !scene!.graph.hasNode(id)) return null;
        const i = scene!.graph.getNodeAttribute(id, 'i');
        const T = tl.times.length;
        return tl.nodeTimed[i] ? { values: tl.nodeSeries.subarray(i * T, (i + 1) * T), times: tl.times, position } : null;
      },
      seriesLabel: () => {
        const basis = scene?.timeline?.basis;
        if (!basis) return null;
        return store.get().metric === TRUSTED_METRIC && (basis === 'pagerank' || basis === 'trust') ? TRUSTED_OVER_TIME[basis] : OVER_TIME[basis];
      },
      community: (c) => {
        const entry = scene ? communityNames(scene, palette).get(c) : undefined;
        return entry ? { name: entry.note ? `${entry.label}, ${entry.note}` : entry.label, color: entry.color } : null;
      },
      followAnalysis: (show, hide) => followAnalysis({ onWaiting, status: (signal) => api.analysis(signal), show, hide }),
      onSelectPerson: (id) => selectPerson(id),
      onClose: () => dialogClosed('table'),
      onShow: (ids, what) => showPinned(ids, what),
      onView: (v) => {
        if (store.get().dialog?.name === 'table') store.set({ dialog: { name: 'table', ...v } });
      },
    }),
  );
  store.set({ dialog: { name: 'table', ...(view ?? NO_TABLE_VIEW) } });
  (await tableDialog).open(view);
}

/**
 * The time a dialog opens at: the map's, or while the map's timeline is still on its way (a link with a dialog and a
 * time, just opened), the link's day.
 */
function dialogTime(): number | null {
  return scene?.timeline ? currentTime() : store.get().time;
}

/** A dialog closed: the link no longer opens it (unless another took its place). */
function dialogClosed(name: DialogView['name']): void {
  if (store.get().dialog?.name === name) store.set({ dialog: null });
}

/** Opens the dialog a link (or Back and Forward) names, and closes the others. */
async function showDialog(wanted: DialogView | null): Promise<void> {
  for (const [name, handle] of [['introductions', board], ['sectors', sectorsDialog], ['table', tableDialog], ['network', networkDialog]] as const) {
    if (handle && wanted?.name !== name) (await handle).close();
  }
  if (wanted?.name === 'sectors') await openSectors(wanted.sector);
  else if (wanted?.name === 'table') await openTable(wanted);
  else if (wanted?.name === 'introductions') await openBoard();
  else if (wanted?.name === 'network') await openNetwork();
}

/** The exporters (GEXF writer, image export) load on first use, not with the page. */
function exporters() {
  return import('./graph/export.ts');
}

function exportStamp(): string {
  const t = currentTime();
  return t === null ? 'static' : new Date(t).toISOString().slice(0, 10);
}

window.__catalyst = {
  timings,
  ready: false,
  error: null,
  state: () => store.get(),
  render: () => (view ? { ...view.state, path: view.state.path ? [...view.state.path] : null } : null),
  position: () => position,
  times: () => (scene?.timeline ? Array.from(scene.timeline.times) : []),
  setPosition: (p) => setPosition(p, true),
  nodeDisplay: (id) => {
    const d = view?.sigma.getNodeDisplayData(id);
    return d ? { ...d } : null;
  },
  nodeSizes: () => {
    const out: Record<string, number> = {};
    if (!view || !scene) return out;
    scene.graph.forEachNode((id) => {
      const d = view!.sigma.getNodeDisplayData(id);
      if (d) out[id] = d.size;
    });
    return out;
  },
  panelChart: () => {
    const chart = panel?.chart;
    const data = chart?.plot.data;
    return data ? { times: Array.from(data[0]), values: Array.from(data[1] as ArrayLike<number>), compared: chart!.compared.map((c) => ({ label: c.label, values: [...c.values] })) } : null;
  },
  visibleNodeCount: () => view?.visibleNodeCount() ?? 0,
  renderedNodeCount: () => renderedNodes,
  select: async (id) => {
    store.set({ reach: null, person: id });
    await new Promise((r) => setTimeout(r, 0));
  },
  waiting: () => waitingRequests(),
  highlightPath: (path) => highlightPath(path),
  exportPng: async () => {
    if (!view) throw new Error('no view');
    const { viewToPng } = await exporters();
    const blob = await viewToPng(view);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { type: blob.type, size: bytes.length, signature: Array.from(bytes.slice(0, 8)) };
  },
  exportGexf: async () => {
    if (!view) return '';
    const { viewToGexf } = await exporters();
    return viewToGexf(view, { time: currentTime(), metric: store.get().metric });
  },
  view: () => view,
};

void boot();
