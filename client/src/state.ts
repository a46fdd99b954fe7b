/**
 * The client's one state object.
 *
 * `ViewState` is what a link restores: selected person (whom they want to reach, whom their chart is compared with), time, metric, links, colour mode,
 * filters, the dialog open over the map and (optionally) the camera. It lives in the query string (`parseViewState` / `serializeViewState`, both pure so they are unit
 * tested without a browser). Everything transient (hover, the highlighted introduction path, playing) lives in
 * the renderer's own small state (graph/reducers.ts) and never in the URL.
 */
import type { Polarity } from '../../src/api/contract.ts';

export type ColorMode = 'community' | 'sector';
/** The links the map draws: influence (events, drivers → reached) or trust ties (KNOWS, weighted by trust). */
export type Layer = 'influence' | 'ties';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  /** selected person id */
  person: string | null;
  /** whom the selected person wants to reach ("How to reach…" in their panel) */
  reach: string | null;
  /** the people whose curves a profile's chart draws beside its own ("Compare with"), at most MAX_COMPARE */
  compare: string[];
  /** slider time, epoch ms; null = the latest time of the timeline */
  time: number | null;
  /** influence metric used for node size */
  metric: string;
  /**
   * the people Trusted PageRank (metric pagerank-personalized) starts from; null = the server's default (the most
   * trusted). Kept while another metric is shown, and written to the link only with Trusted PageRank.
   */
  seeds: string[] | null;
  /** the links drawn; null = the server's choice (influence, or trust ties for data with no influence links) */
  layer: Layer | null;
  color: ColorMode;
  sector: string | null;
  medium: string | null;
  polarity: Polarity;
  /** the person whose neighbourhood the map keeps to (everyone within `hops` steps, either way); null = everyone */
  focus: string | null;
  /** how many steps the neighbourhood reaches, 1 to MAX_HOPS (written to the link only with a focus) */
  hops: number;
  /** hide nodes whose influence at the slider time is below this fraction (0..1) of the largest */
  minInfluence: number;
  /** how many nodes to ask the API for (the most influential ones); null = the client's default */
  limit: number | null;
  camera: CameraView | null;
  /** the dialog open over the map, so a link opens it too: the Sectors (at a sector), the Table, the Introductions board or the Network */
  dialog: DialogView | null;
}

/** A dialog a link can open. */
export type DialogView = { name: 'sectors'; sector: string | null } | ({ name: 'table' } & TableView) | { name: 'introductions' } | { name: 'network' };

/** What the Table shows besides the map's view: its sort, name filter, and the community and listed sector it keeps to. */
export interface TableView {
  sort: string | null;
  q: string | null;
  community: number | null;
  lists: string | null;
}

export const NO_TABLE_VIEW: Readonly<TableView> = Object.freeze({ sort: null, q: null, community: null, lists: null });

export const DEFAULT_METRIC = 'pagerank';
/** The metric that runs from seeds: PageRank whose every jump lands on people the user trusts. */
export const TRUSTED_METRIC = 'pagerank-personalized';
/** At most this many seeds in a link (ids are at most 200 characters each in the API). */
const MAX_SEEDS = 100;
/** At most this many people compared on a profile's chart. */
export const MAX_COMPARE = 3;
/** A neighbourhood reaches at most this many steps (the API's limit). */
export const MAX_HOPS = 3;

/** Ids from a link: comma-separated, each once; null for none or a malformed list. */
function parseIds(value: string | null, most: number): string[] | null {
  const s = text(value, 20_000);
  if (s === null) return null;
  const ids = [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))];
  return ids.length > 0 && ids.length <= most && ids.every((id) => id.length <= 200) ? ids : null;
}

/** The seeds the API is asked for with the view: its own with Trusted PageRank, none with any other metric. */
export function seedsFor(view: Pick<ViewState, 'metric' | 'seeds'>): string[] | null {
  return view.metric === TRUSTED_METRIC ? view.seeds : null;
}

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
  person: null,
  reach: null,
  compare: [],
  time: null,
  metric: DEFAULT_METRIC,
  seeds: null,
  layer: null,
  color: 'community',
  sector: null,
  medium: null,
  polarity: 'total',
  focus: null,
  hops: 1,
  minInfluence: 0,
  limit: null,
  camera: null,
  dialog: null,
});

const POLARITIES: readonly Polarity[] = ['total', 'positive', 'negative'];
const COLOR_MODES: readonly ColorMode[] = ['community', 'sector'];
const LAYERS: readonly Layer[] = ['influence', 'ties'];
/** Keys in the order they are written, so the same view always gives the same link. */
const KEYS = ['person', 'reach', 'cmp', 't', 'metric', 'seeds', 'layer', 'color', 'sector', 'medium', 'polarity', 'focus', 'hops', 'min', 'limit', 'cam', 'dialog', 'tsort', 'tq', 'tcom', 'tlists'] as const;

/**
 * A dialog from a link: `table` (with the Table's `tsort`, `tq`, `tcom` and `tlists`), `introductions`, `sectors` or
 * `sectors:NAME` (the sector chosen in it); null for anything else.
 */
export function parseDialog(value: string | null, q: URLSearchParams = new URLSearchParams()): DialogView | null {
  const v = text(value, 120);
  if (v === 'table') {
    const community = Number(q.get('tcom'));
    return {
      name: 'table',
      sort: text(q.get('tsort'), 100),
      q: text(q.get('tq'), 200),
      community: q.has('tcom') && Number.isInteger(community) && community >= 0 ? community : null,
      lists: text(q.get('tlists'), 100),
    };
  }
  if (v === 'introductions' || v === 'network') return { name: v };
  if (v === 'sectors') return { name: 'sectors', sector: null };
  if (v?.startsWith('sectors:')) return { name: 'sectors', sector: text(v.slice('sectors:'.length), 100) };
  return null;
}

/** The Table's own keys, written only with it open. */
function tableKeys(dialog: DialogView | null): Record<'tsort' | 'tq' | 'tcom' | 'tlists', string | null> {
  const table = dialog?.name === 'table' ? dialog : null;
  return {
    tsort: table?.sort ?? null,
    tq: table?.q ?? null,
    tcom: table?.community == null ? null : String(table.community),
    tlists: table?.lists ?? null,
  };
}

export function formatDialog(dialog: DialogView | null): string | null {
  if (!dialog) return null;
  return dialog.name === 'sectors' && dialog.sector ? `sectors:${dialog.sector}` : dialog.name;
}

function text(value: string | null, max = 200): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > max ? null : trimmed;
}

/** Accepts an ISO date or date-time (what we write) or epoch milliseconds. */
export function parseTime(value: string | null): number | null {
  const s = text(value, 40);
  if (s === null) return null;
  if (/^-?\d+$/.test(s)) {
    const ms = Number(s);
    return Number.isSafeInteger(ms) ? ms : null;
  }
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
}

/** Day precision when the time is midnight UTC (readable links), the full ISO string otherwise. */
export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function parseCamera(value: string | null): CameraView | null {
  const s = text(value, 80);
  if (s === null) return null;
  const parts = s.split(',').map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p))) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Reads a view from a query string (`?a=b` or `a=b`); unknown or malformed values fall back to the defaults. */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search.startsWith('?') || search.startsWith('#') ? search.slice(1) : search);
  const polarity = q.get('polarity') as Polarity | null;
  const color = q.get('color') as ColorMode | null;
  const min = Number(q.get('min'));
  const limit = Number(q.get('limit'));
  const layer = q.get('layer') as Layer | null;
  const hops = Number(q.get('hops'));
  const focus = text(q.get('focus'));
  // trust ties have no sector, medium or polarity: those slice events, so they go with the ties layer
  const ties = layer === 'ties';
  return {
    person: text(q.get('person')),
    // a chain to reach someone belongs to a selected person
    reach: q.has('person') ? text(q.get('reach')) : null,
    compare: parseIds(q.get('cmp'), MAX_COMPARE) ?? [],
    time: parseTime(q.get('t')),
    metric: text(q.get('metric'), 60) ?? DEFAULT_VIEW.metric,
    seeds: parseIds(q.get('seeds'), MAX_SEEDS),
    layer: layer && LAYERS.includes(layer) ? layer : DEFAULT_VIEW.layer,
    color: color && COLOR_MODES.includes(color) ? color : DEFAULT_VIEW.color,
    sector: ties ? null : text(q.get('sector'), 100),
    medium: ties ? null : text(q.get('medium'), 100),
    polarity: !ties && polarity && POLARITIES.includes(polarity) ? polarity : DEFAULT_VIEW.polarity,
    focus,
    hops: focus && Number.isInteger(hops) && hops >= 1 && hops <= MAX_HOPS ? hops : DEFAULT_VIEW.hops,
    minInfluence: q.has('min') && Number.isFinite(min) ? Math.min(1, Math.max(0, min)) : DEFAULT_VIEW.minInfluence,
    limit: q.has('limit') && Number.isInteger(limit) && limit > 0 ? limit : null,
    camera: parseCamera(q.get('cam')),
    dialog: parseDialog(q.get('dialog'), q),
  };
}

/** Writes a view as a query string without the leading `?`; default values are left out. */
export function serializeViewState(view: ViewState): string {
  const values: Record<(typeof KEYS)[number], string | null> = {
    person: view.person,
    reach: view.person === null ? null : view.reach,
    cmp: view.compare.length > 0 ? view.compare.join(',') : null,
    t: view.time === null ? null : formatTime(view.time),
    metric: view.metric === DEFAULT_VIEW.metric ? null : view.metric,
    seeds: seedsFor(view)?.join(',') ?? null,
    layer: view.layer,
    color: view.color === DEFAULT_VIEW.color ? null : view.color,
    sector: view.sector,
    medium: view.medium,
    polarity: view.polarity === DEFAULT_VIEW.polarity ? null : view.polarity,
    focus: view.focus,
    hops: view.focus && view.hops !== DEFAULT_VIEW.hops ? String(view.hops) : null,
    min: view.minInfluence > 0 ? String(round(view.minInfluence, 3)) : null,
    limit: view.limit === null ? null : String(view.limit),
    cam: view.camera ? [round(view.camera.x, 4), round(view.camera.y, 4), round(view.camera.ratio, 4)].join(',') : null,
    dialog: formatDialog(view.dialog),
    ...tableKeys(view.dialog),
  };
  const q = new URLSearchParams();
  for (const key of KEYS) {
    const v = values[key];
    if (v !== null && v !== '') q.set(key, v);
  }
  return q.toString();
}

export type Listener<T> = (state: Readonly<T>, previous: Readonly<T>) => void;

/** A minimal observable state: `set` merges a patch and notifies listeners only when something changed. */
export class Store<T extends object> {
  private state: T;
  private readonly listeners = new Set<Listener<T>>();

  constructor(initial: T) {
    this.state = { ...initial };
  }

  get(): Readonly<T> {
    return this.state;
  }

  set(patch: Partial<T>): void {
    const previous = this.state;
    let changed = false;
    for (const key of Object.keys(patch) as (keyof T)[]) {
      if (!sameValue(previous[key], patch[key])) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    this.state = { ...previous, ...patch };
    for (const listener of [...this.listeners]) listener(this.state, previous);
  }

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** The keys whose change needs new data from the API (the rest are applied locally). */
export function needsGraphReload(a: Readonly<ViewState>, b: Readonly<ViewState>): boolean {
  return (
    a.metric !== b.metric ||
    !sameValue(seedsFor(a), seedsFor(b)) ||
    a.layer !== b.layer ||
    a.sector !== b.sector ||
    a.medium !== b.medium ||
    a.focus !== b.focus ||
    (a.focus !== null && a.hops !== b.hops) ||
    a.limit !== b.limit
  );
}

export function needsTimelineReload(a: Readonly<ViewState>, b: Readonly<ViewState>): boolean {
  return needsGraphReload(a, b) || a.polarity !== b.polarity;
}
