/**
 * Typed calls to the Catalyst API. Response types come from the server's contract (type-only imports, so no
 * server code is bundled). Errors are thrown as `ApiError` carrying the API's `{ error: { code, message } }`
 * so the UI can show the server's message as is.
 */
import type {
  AnalysisStatus,
  BreakdownTimelineResponse,
  CurveResponse,
  FormatsResponse,
  GraphResponse,
  NetworkResponse,
  ImportProgressResponse,
  ImportResponse,
  InfluenceResponse,
  IntroductionsSummaryResponse,
  MetaResponse,
  OpportunitiesResponse,
  PeopleTableResponse,
  Polarity,
  ProfileResponse,
  RingsResponse,
  SectorsResponse,
  SuggestionsResponse,
  IntroductionPathResponse,
  TimelineResponse,
} from '../../src/api/contract.ts';
import type {
  Dismissal,
  EventInput,
  EventRole,
  InfluenceEvent,
  Introduction,
  IntroductionPatch,
  IntroductionStatus,
  Page,
  Person,
  PersonCreate,
  PersonFootprint,
  PersonPatch,
  PersonRestored,
  PersonSnapshot,
  Tie,
  TieDirection,
  TieOrder,
  TiePatch,
} from '../../src/domain/model.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** What a ranking is of: the map's layer, time and slice (sector, medium and polarity slice events; Trusted PageRank's seeds). */
export interface RankingSlice {
  layer: string | null;
  at: number | null;
  sector: string | null;
  medium: string | null;
  polarity: Polarity;
  seeds: string[] | null;
}

function sliceQuery(q: RankingSlice): Query {
  return {
    layer: q.layer,
    at: q.at === null ? null : new Date(q.at).toISOString(),
    sector: q.sector,
    medium: q.medium,
    polarity: q.polarity === 'total' ? null : q.polarity,
    seeds: q.seeds?.join(','),
  };
}

/** A page of the table: its metric columns, the sort (`name` or a column, `-` reversing it), a name filter; with a focus, the map's neighbourhood only. */
export interface TableQuery extends RankingSlice, Partial<Neighbourhood> {
  columns: readonly string[];
  sort: string;
  q: string;
  /** only the people of this community, or who list this sector */
  community: number | null;
  lists: string | null;
  limit: number | null;
  offset: number | null;
}

function tableQuery(q: TableQuery): Query {
  const around = q.focus ? neighbourhoodQuery({ focus: q.focus, hops: q.hops ?? 1 }) : {};
  return { columns: q.columns.join(','), sort: q.sort, q: q.q.trim(), community: q.community, lists: q.lists, ...sliceQuery(q), ...around, limit: q.limit, offset: q.offset || null };
}

/** Requests waiting for their answer (the progress line follows the server while there are some); its own polls of /api/analysis do not count. */
let waiting = 0;
const waitingListeners = new Set<(waiting: number) => void>();

/** Calls `listener` with the number of requests waiting, each time it changes; returns the unsubscribe. */
export function onWaiting(listener: (waiting: number) => void): () => void {
  waitingListeners.add(listener);
  return () => waitingListeners.delete(listener);
}

/** How many requests wait for their answer now. */
export function waitingRequests(): number {
  return waiting;
}

function countWaiting(delta: number): void {
  waiting += delta;
  for (const listener of waitingListeners) listener(waiting);
}

/**
 * The browser opens at most six connections to the server (HTTP/1.1) and queues the rest: a profile asks for more
 * than six things at once, and while they all wait on the server's analysis, the status line's poll of
 * /api/analysis would wait behind them, so it could never say what they wait for. The page's own requests take
 * at most MAX_PARALLEL connections at a time (the others queue here, in order), which leaves one for the poll.
 */
export const MAX_PARALLEL = 5;
let active = 0;
const queued: { start(): void; abort(): void }[] = [];

/** Waits for one of the MAX_PARALLEL places (rejects with an AbortError when `signal` aborts first); returns its release. */
function place(signal?: AbortSignal): Promise<() => void> {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    active--;
    const next = queued.shift();
    if (next) next.start();
  };
  if (signal?.aborted) return Promise.reject(new DOMException('The request was aborted', 'AbortError'));
  if (active < MAX_PARALLEL) {
    active++;
    return Promise.resolve(release);
  }
  return new Promise((resolve, reject) => {
    const entry = {
      start: () => {
        signal?.removeEventListener('abort', entry.abort);
        active++;
        resolve(release);
      },
      abort: () => {
        const k = queued.indexOf(entry);
        if (k >= 0) queued.splice(k, 1);
        reject(new DOMException('The request was aborted', 'AbortError'));
      },
    };
    signal?.addEventListener('abort', entry.abort, { once: true });
    queued.push(entry);
  });
}

/** Requests running and queued now (for tests). */
export function requestSlots(): { active: number; queued: number } {
  return { active, queued: queued.length };
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const counted = path !== '/api/analysis';
  if (counted) countWaiting(1);
  let release: (() => void) | null = null;
  try {
    // the status poll goes at once, on the connection left free
    if (counted) release = await place(signal);
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        signal,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError(0, 'network_error', 'The server could not be reached. Is Catalyst running?');
    }
    return answer<T>(res.status, await res.text(), method, path);
  } finally {
    release?.();
    if (counted) countWaiting(-1);
  }
}

/** The parsed body of an answer, or the API's error as an ApiError. */
function answer<T>(status: number, text: string, method: string, path: string): T {
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (status < 200 || status >= 300) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(status, error?.code ?? `http_${status}`, error?.message ?? `${method} ${path} failed with HTTP ${status}`, error?.details);
  }
  return parsed as T;
}

export interface ImportQuery {
  format: string;
  skipInvalid: boolean;
  /** SNAP formats: the sector of the events they create */
  sector: string | null;
  /** an id for GET /api/import/progress/:id while the server checks and writes */
  progress: string | null;
}

/**
 * POST /api/import with the file as the body. Through XMLHttpRequest, not fetch: only it reports upload
 * progress (`onUpload(sent, total)`); once the body is sent the server validates and writes it.
 */
function importFile(file: Blob, q: ImportQuery, onUpload: (sent: number, total: number) => void, signal?: AbortSignal): Promise<ImportResponse> {
  const path = withQuery('/api/import', { format: q.format, skipInvalid: q.skipInvalid ? 'true' : null, sector: q.sector, progress: q.progress });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onUpload(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      try {
        resolve(answer<ImportResponse>(xhr.status, xhr.responseText, 'POST', path));
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload did not reach the server. Is Catalyst running?'));
    xhr.onabort = () => reject(new DOMException('The import was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** A person's neighbourhood the map keeps to: everyone within `hops` steps of `focus`; focus null = everyone. */
export interface Neighbourhood {
  focus: string | null;
  hops: number;
}

const neighbourhoodQuery = (q: Neighbourhood): Query => ({ focus: q.focus, hops: q.focus ? q.hops : null });

export interface GraphQuery extends Neighbourhood {
  metric: string;
  /** the links: influence or trust ties; null = the server's choice */
  layer: 'influence' | 'ties' | null;
  sector: string | null;
  medium: string | null;
  /** Trusted PageRank's seeds; null = the server's default (the most trusted) */
  seeds: string[] | null;
  limit: number | null;
}

export interface TimelineQuery extends Neighbourhood {
  metric: string;
  /** each person's value over time: decayed activity, temporal PageRank, the introducer score or trust PageRank at each time */
  basis: 'activity' | 'pagerank' | 'introducer' | 'trust';
  layer: 'influence' | 'ties' | null;
  sector: string | null;
  medium: string | null;
  polarity: Polarity;
  seeds: string[] | null;
  steps: number;
  limit: number | null;
}

/**
 * What node size means over time on the map drawing `layer`: the introducer metric travels in time as the introducer
 * score at each moment and activity as decayed activity, on either map. On the map of trust every other metric (a
 * structure of the ties) travels as trust PageRank (PageRank of the ties standing at each moment); on the influence
 * map the PageRank metrics travel as temporal PageRank (PageRank of the decayed influence graph at each moment), the
 * others as decayed activity. The caption says which.
 */
export function timelineBasis(metric: string, layer: 'influence' | 'ties'): TimelineQuery['basis'] {
  if (metric === 'introducer' || metric === 'activity') return metric;
  if (layer === 'ties') return 'trust';
  return metric === 'pagerank' || metric === 'pagerank-personalized' ? 'pagerank' : 'activity';
}

export const api = {
  /** what the server's analysis is doing (answered at once, even mid-build) */
  analysis: (signal?: AbortSignal) => request<AnalysisStatus>('GET', '/api/analysis', undefined, signal),
  meta: (signal?: AbortSignal) => request<MetaResponse>('GET', '/api/meta', undefined, signal),
  /** suspected collusion rings: accounts whose influence comes from each other alone */
  rings: (signal?: AbortSignal) => request<RingsResponse>('GET', '/api/rings', undefined, signal),
  /** The address of the whole ranking as CSV (GET /api/influence.csv), for a download link. */
  rankingCsvUrl: (q: RankingSlice & { metric: string }) => withQuery('/api/influence.csv', { metric: q.metric, ...sliceQuery(q) }),
  /** a page of the table of everyone: several rankings side by side (GET /api/influence/table) */
  table: (q: TableQuery, signal?: AbortSignal) => request<PeopleTableResponse>('GET', withQuery('/api/influence/table', tableQuery(q)), undefined, signal),
  /** The address of the whole table as CSV (GET /api/influence/table.csv), for a download link. */
  tableCsvUrl: (q: Omit<TableQuery, 'limit' | 'offset'>) => withQuery('/api/influence/table.csv', tableQuery({ ...q, limit: null, offset: null })),
  /** the influence earned in each sector, or through each medium, at evenly spaced times */
  breakdownTimeline: (by: BreakdownTimelineResponse['by'], signal?: AbortSignal) =>
    request<BreakdownTimelineResponse>('GET', withQuery('/api/breakdown/timeline', { by, steps: 120 }), undefined, signal),
  /** the sectors side by side at `at` (epoch ms; null: all time), with who carries influence into each */
  sectors: (at: number | null, signal?: AbortSignal) =>
    request<SectorsResponse>('GET', withQuery('/api/sectors', { at: at === null ? null : new Date(at).toISOString(), carriers: 8 }), undefined, signal),
  /** the network the map draws in numbers: its links, or a sector's or medium's slice of influence */
  network: (q: { layer: 'influence' | 'ties' | null; sector: string | null; medium: string | null } & Neighbourhood, signal?: AbortSignal) =>
    request<NetworkResponse>('GET', withQuery('/api/network', { layer: q.layer, sector: q.sector, medium: q.medium, ...neighbourhoodQuery(q) }), undefined, signal),
  graph: (q: GraphQuery, signal?: AbortSignal) =>
    request<GraphResponse>('GET', withQuery('/api/graph', { metric: q.metric, layer: q.layer, sector: q.sector, medium: q.medium, seeds: q.seeds?.join(','), ...neighbourhoodQuery(q), limit: q.limit }), undefined, signal),
  timeline: (q: TimelineQuery, signal?: AbortSignal) =>
    request<TimelineResponse>(
      'GET',
      withQuery('/api/timeline', { steps: q.steps, metric: q.metric, basis: q.basis === 'activity' ? null : q.basis, layer: q.layer, sector: q.sector, medium: q.medium, polarity: q.polarity === 'total' ? null : q.polarity, seeds: q.seeds?.join(','), ...neighbourhoodQuery(q), limit: q.limit }),
      undefined,
      signal,
    ),
  influence: (q: { metric: string; at: string | null; sector?: string | null; medium?: string | null; polarity?: Polarity; limit?: number; offset?: number }, signal?: AbortSignal) =>
    request<InfluenceResponse>('GET', withQuery('/api/influence', q), undefined, signal),
  searchPeople: (q: string, limit = 10, signal?: AbortSignal) =>
    request<{ items: Person[]; total: number }>('GET', withQuery('/api/people', { q, limit }), undefined, signal),
  /** `seeds`: for the profile's Trusted PageRank (null: the server's default); `layer`: whose community it names (the map's) */
  profile: (id: string, at: string | null, signal?: AbortSignal, seeds: string[] | null = null, layer: string | null = null) =>
    request<ProfileResponse>('GET', withQuery(`/api/people/${encodeURIComponent(id)}/influence`, { at, seeds: seeds?.join(','), layer }), undefined, signal),
  curve: (id: string, q: { from?: string; to?: string; metric?: CurveResponse['metric'] }, signal?: AbortSignal) =>
    request<CurveResponse>('GET', withQuery(`/api/people/${encodeURIComponent(id)}/curve`, q), undefined, signal),
  /** whom a person should meet, and through whom; `sector`: only people in that sector */
  suggestions: (person: string, limit = 5, signal?: AbortSignal, sector: string | null = null) =>
    request<SuggestionsResponse>('GET', withQuery('/api/introductions/suggestions', { person, limit, sector }), undefined, signal),
  /** the most trusted chain of introductions from one person to another */
  introductionPath: (from: string, to: string, maxHops: number | null = null, signal?: AbortSignal) =>
    request<IntroductionPathResponse>('GET', withQuery('/api/introductions/path', { from, to, maxHops }), undefined, signal),
  /** the pairs a person is best placed to introduce */
  introducerSuggestions: (introducer: string, limit = 5, signal?: AbortSignal, sector: string | null = null) =>
    request<SuggestionsResponse>('GET', withQuery('/api/introductions/suggestions', { introducer, limit, sector }), undefined, signal),
  /** the best introductions to make across the whole network */
  opportunities: (limit = 20, signal?: AbortSignal, sector: string | null = null) =>
    request<OpportunitiesResponse>('GET', withQuery('/api/introductions/opportunities', { limit, sector }), undefined, signal),
  recordIntroduction: (body: { introducer: string; a: string; b: string; status?: IntroductionStatus; note: string }) => request<Introduction>('POST', '/api/introductions', body),
  /** introductions a person made or was part of, newest first */
  introductions: (person: string, limit = 20, signal?: AbortSignal) =>
    request<Page<Introduction>>('GET', withQuery('/api/introductions', { person, limit }), undefined, signal),
  /** every introduction, newest first, in some statuses (comma-separated), recorded in a time range [since, before) */
  allIntroductions: (
    q: { status?: string | null; since?: string | null; before?: string | null; outcomeSince?: string | null; outcomeBefore?: string | null; limit: number; offset: number },
    signal?: AbortSignal,
  ) =>
    request<Page<Introduction>>('GET', withQuery('/api/introductions', q), undefined, signal),
  introductionsSummary: (waitingDays: number, introducers: number, signal?: AbortSignal) =>
    request<IntroductionsSummaryResponse>('GET', withQuery('/api/introductions/summary', { waitingDays, introducers }), undefined, signal),
  /** `by` does not want the pair {a, b} suggested again (by one of the two: to nobody; by an introducer: to her) */
  dismiss: (body: { by: string; a: string; b: string }) => request<Dismissal>('POST', '/api/dismissals', body),
  undismiss: (id: string) => request<void>('DELETE', `/api/dismissals/${encodeURIComponent(id)}`),
  /** the suggestions a person dismissed, newest first */
  dismissals: (by: string, limit = 50, signal?: AbortSignal) => request<Page<Dismissal>>('GET', withQuery('/api/dismissals', { by, limit }), undefined, signal),
  updateIntroduction: (id: string, patch: IntroductionPatch) => request<Introduction>('PATCH', `/api/introductions/${encodeURIComponent(id)}`, patch),
  person: (id: string, signal?: AbortSignal) => request<Person>('GET', `/api/people/${encodeURIComponent(id)}`, undefined, signal),
  /** a person's ties: those they give (out) or receive (in), by trust or id */
  ties: (q: { person: string; direction: TieDirection; order?: TieOrder; limit: number; offset: number }, signal?: AbortSignal) =>
    request<Page<Tie>>('GET', withQuery('/api/ties', q), undefined, signal),
  createTie: (body: { id?: string; from: string; to: string; trust: number; since?: string | null; lastContact?: string | null }) => request<Tie>('POST', '/api/ties', body),
  updateTie: (id: string, patch: TiePatch) => request<Tie>('PATCH', `/api/ties/${encodeURIComponent(id)}`, patch),
  deleteTie: (id: string) => request<void>('DELETE', `/api/ties/${encodeURIComponent(id)}`),
  /** adds someone; without an id the server makes one from the name (a given id that is taken answers 409) */
  createPerson: (body: PersonCreate) => request<Person>('POST', '/api/people', body),
  /** what deleting a person would take with them, counted */
  personFootprint: (id: string) => request<PersonFootprint>('GET', `/api/people/${encodeURIComponent(id)}/footprint`),
  /** deletes a person, with their ties, the events only they drove, their introductions and dismissals: answers all of it */
  deletePerson: (id: string) => request<PersonSnapshot>('DELETE', `/api/people/${encodeURIComponent(id)}`),
  /** puts a deleted person back from what deletePerson answered (the Undo): what came back, and what could not */
  restorePerson: (snapshot: PersonSnapshot) => request<PersonRestored>('POST', '/api/people/restore', snapshot),
  /** changes who a person is (name, sectors, offers, seeks); answers the person as stored */
  updatePerson: (id: string, patch: PersonPatch) => request<Person>('PATCH', `/api/people/${encodeURIComponent(id)}`, patch),
  /** the events a person drove, was reached by, or either (role any), newest first */
  events: (person: string, q: { role?: EventRole; limit: number; offset: number }, signal?: AbortSignal) =>
    request<Page<InfluenceEvent>>('GET', withQuery('/api/events', { person, ...q }), undefined, signal),
  createEvent: (body: EventInput) => request<InfluenceEvent>('POST', '/api/events', body),
  deleteEvent: (id: string) => request<void>('DELETE', `/api/events/${encodeURIComponent(id)}`),
  formats: (signal?: AbortSignal) => request<FormatsResponse>('GET', '/api/formats', undefined, signal),
  importFile,
  importProgress: (id: string, signal?: AbortSignal) => request<ImportProgressResponse>('GET', `/api/import/progress/${encodeURIComponent(id)}`, undefined, signal),
};

export type Api = typeof api;
