/**
 * Influence analysis over the stored graph: rankings by any metric (static or at a time t, sliced by sector,
 * medium and polarity), a person's profile, decay curves, communities, and the graph and timeline the
 * explorer draws.
 *
 * The store is read once per graph version into a projection (typed columns), then into an interaction table
 * (time-ordered, fades resolved) and the static influence graph; every write bumps the version and the next
 * request rebuilds, or, when only introductions or dismissals were written, re-reads just those and keeps the
 * rest. Metric results are cached per version and query.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { NotFoundError, UnprocessableError, ValidationError } from '../domain/errors.ts';
import type { Projection } from '../domain/projection.ts';
import { breakdownAll, personBreakdown, sectorDistances, type SectorDistanceMatrix } from '../engine/breakdowns.ts';
import { CentralityInputError, computeMetric, isMetricName, METRICS, type MetricName } from '../engine/centrality/index.ts';
import { csrOf } from '../engine/csr.ts';
import { communities as louvain, type CommunitiesResult } from '../engine/communities.ts';
import { buildInfluenceGraph, buildTieGraph, type InfluenceGraph, type TieGraph } from '../engine/influence-graph.ts';
import { introducerCurve, introducerScores, introducerScoreSeries, type IntroducerScore } from '../engine/introductions/index.ts';
import { layout, type Positions } from '../engine/layout.ts';
import { neighbourhood } from '../engine/neighbourhood.ts';
import { networkStats, type NetworkStats } from '../engine/network-stats.ts';
import { collusionRings, type Ring } from '../engine/rings.ts';
import { sectorOverview, type SectorOverview } from '../engine/sector-overview.ts';
import { trustedSeeds } from '../engine/trusted-seeds.ts';
import { analyzeCurve } from '../engine/time/curve-analysis.ts';
import { decayCurve, influenceAt, sampleTimes } from '../engine/time/curves.ts';
import { decayedProjection } from '../engine/time/decayed-projection.ts';
import { pagerankRanker } from '../engine/time/temporal-pagerank.ts';
import { tieStandsAt, trustRanker } from '../engine/time/trust-at.ts';
import { InfluenceInputError } from '../engine/time/errors.ts';
import { DAY_MS } from '../engine/time/fade.ts';
import { groupCurves, type GroupBy, type GroupCurves } from '../engine/time/group-curves.ts';
import { buildInteractionTable, type InteractionTable } from '../engine/time/interaction-table.ts';
import type {
  BreakdownTimelineResponse,
  CommunitiesResponse,
  CurveResponse,
  GraphResponse,
  InfluenceResponse,
  IntroducerRecord,
  MetaResponse,
  NetworkResponse,
  PeopleTableResponse,
  Polarity,
  ProfileResponse,
  RankedItem,
  RingsResponse,
  SectorsResponse,
  TimelineBasis,
  TimelineResponse,
} from '../api/contract.ts';
import type { GraphRepository } from '../store/graph.repository.ts';
import type { ProgressSink } from './analysis.ts';
import type { VersionSource } from './graph-version.ts';
import { recall, remember } from './bounded-cache.ts';
import { cell, matches, nameOrder, parseSort, rankIndex, rankingOrder, scoreRange, type RankIndex, type Ranking } from './people-table.ts';

/**
 * Over time, the credit of a fruitful introduction halves every this many days (the all-time score does not
 * decay): an introducer's influence rises with their successes and fades when they stop.
 */
export const INTRODUCER_HALF_LIFE_DAYS = 365;

/** Metrics served besides the centralities: decayed activity and introducer credit. */
export const EXTRA_METRICS = {
  activity: 'Activity influence: the summed (decayed, at t) magnitude of the events a person drove — the default for "influence at t".',
  introducer:
    `Introducer influence: smoothed success rate × credited value of the introductions a person made, a success counting as far as others vouch for the two people introduced; at a time t, the introductions made by t, their credit halving every ${INTRODUCER_HALF_LIFE_DAYS} days up to t.`,
} as const;
export type ServedMetric = MetricName | keyof typeof EXTRA_METRICS;

/** Above this many people, betweenness is estimated from sampled pivots and closeness is refused. */
export const EXACT_PATH_METRICS_MAX_NODES = 5_000;
/** Trusted PageRank's seeds when none are given: this many of the most trusted people (trust PageRank). */
export const DEFAULT_SEEDS = 10;
const PERSONALIZED = 'pagerank-personalized' satisfies MetricName;
export const BETWEENNESS_SAMPLES = 256;
/** The table's columns when none are asked for, and the most it takes. */
export const TABLE_COLUMNS = ['activity', 'pagerank', 'betweenness', 'degree', 'introducer'] as const;
export const TABLE_COLUMNS_MAX = 12;
/**
 * The table's columns read off each one's all-time influence curve (what a profile's chart shows), besides the
 * metrics: how slowly their influence fades, and how often it came back.
 */
export const CURVE_COLUMNS = {
  fade: "Fade: the days a person's influence takes to halve after its peaks (their median; a peak that never halves counts the days seen after it, so at least that), on which fad, steady and lasting are judged; longest first",
  comeback:
    'Comeback: their strongest comeback, the influence at a new peak after at least 180 days below 5 % of its highest (with how long they had been dormant, and how many comebacks in all); strongest first',
} as const;
export type CurveColumn = keyof typeof CURVE_COLUMNS;
const isCurveColumn = (name: string): name is CurveColumn => Object.hasOwn(CURVE_COLUMNS, name);

/**
 * Which graph the centralities run on: `influence` (people → the people their events reached, weighted by
 * magnitude) or `ties` (KNOWS: "a trusts b" makes b influential over a, weighted by trust). Unset: influence,
 * unless it has no edges and ties exist (a who-knows-whom import such as a SNAP friendship file).
 */
export type Layer = 'influence' | 'ties';

export interface RankQuery {
  metric: string;
  layer?: Layer | null;
  at?: number | null;
  sector?: string | null;
  medium?: string | null;
  polarity?: Polarity;
  seeds?: string[] | null;
  limit: number;
  offset: number;
}

interface AnalysisState {
  version: number;
  /** the version of the last change to people, events or ties (GraphVersion.graph) this state was read at */
  graphVersion: number;
  projection: Projection;
  table: InteractionTable;
  graph: InfluenceGraph;
  builtMs: number;
  rankings: Map<string, { ids: string[]; scores: Float64Array }>;
  tieGraph?: TieGraph;
  communities: Partial<Record<Layer, CommunitiesResult>>;
  positions: Partial<Record<Layer, Positions>>;
  sectorMatrix?: SectorDistanceMatrix;
  rings?: Ring[];
  /** Trusted PageRank's default seeds (null: no one is trusted by anyone), computed once per version */
  defaultSeeds?: string[] | null;
  introducers?: Record<string, IntroducerScore>;
  /** the introducer scores at recent times (decayed up to each), for rankings and profiles at t */
  introducersAt: Map<number, Record<string, IntroducerScore>>;
  /** each person's all-time activity (the explorer's node attribute), computed once per version */
  activity?: Record<string, number>;
  /** recent timelines by query: the explorer asks again on every reload of the same view */
  timelines: Map<string, TimelineResponse>;
  /** influence by sector and by medium over time, by `${by}|${steps}` */
  groupCurves?: Map<string, GroupCurves>;
  /** each one's fade and comebacks, from their all-time activity curve, by projection index, computed once per version */
  curveSummaries?: CurveSummaries;
  /** the sectors side by side at recent times (null: all time), with SECTOR_CARRIERS_MAX carriers each */
  sectorOverviews?: Map<number | null, SectorOverview>;
  /** the influence graphs of recent sector/medium slices, and who takes part in each (explorer views) */
  slices: Map<string, Slice>;
  /** the network in numbers, by layer and slice */
  networks?: Map<string, NetworkStats>;
}

/** What each one's all-time activity curve says of their fade and comebacks, by projection index. */
interface CurveSummaries {
  /** the days the fade class is judged on (NaN: no influence) */
  fadeDays: Float64Array;
  /** 1 when fadeDays is a lower bound (influence that never halved within the data) */
  censored: Uint8Array;
  fadeClass: CurveResponse['fadeClass'][];
  /** the strongest comeback's peak influence (0: none), the dormancy before it (NaN: none), and how many in all */
  comeback: Float64Array;
  dormantDays: Float64Array;
  comebacks: Uint32Array;
}

/** A slice of the static influence graph to events of one sector and/or medium, and the people it involves. */
interface Slice {
  graph: InfluenceGraph;
  /** drivers and reached people of the slice's events */
  members: Set<string>;
  /** each person's activity (summed magnitude of the events they drove) in the slice */
  activity: Record<string, number>;
}

/** Slices kept per graph version (one per sector/medium pair the explorer shows). */
const SLICE_CACHE = 8;

/** Timelines kept per graph version (each is at most limit × steps numbers; a PageRank one costs seconds). */
const TIMELINE_CACHE = 8;
/** Rankings at a time kept per version, the least recently used dropped first (all-time ones are all kept). */
export const TIMED_RANKINGS_CACHE = 64;
const INTRODUCERS_AT_CACHE = 16;
const SECTOR_OVERVIEW_CACHE = 8;
/** GET /api/sectors: carriers per sector, at most */
export const SECTOR_CARRIERS_MAX = 50;
/** The profile's metrics it computes at the asked time; the others are all-time there. */
const PROFILE_TIMED_METRICS: ReadonlySet<ServedMetric> = new Set(['activity', 'pagerank', 'pagerank-personalized', 'introducer']);

/** Per ranking, where everyone stands in it; per projection, everyone by name (both live as long as what they index). */
const rankIndexes = new WeakMap<Ranking, RankIndex>();
const nameOrders = new WeakMap<Projection, string[]>();

/** Each node's index in a layout, built once per layout (the explorer's every map looks its people up in it). */
const positionIndexes = new WeakMap<Positions, Map<string, number>>();
function positionIndex(pos: Positions): Map<string, number> {
  let index = positionIndexes.get(pos);
  if (!index) positionIndexes.set(pos, (index = new Map(pos.nodes.map((n, i) => [n, i]))));
  return index;
}

export class InfluenceService {
  private state: AnalysisState | null = null;
  private loading: Promise<AnalysisState> | null = null;
  private loadingVersion = -1;

  constructor(
    private readonly graphRepo: GraphRepository,
    private readonly version: VersionSource,
    private readonly log: (msg: string) => void = () => {},
    /** told each step of a build as it starts, and how far the long ones are (analysis.ts) */
    private readonly progress: ProgressSink = () => {},
  ) {}

  /**
   * The current analysis state, rebuilt when the stored graph changed; when only introductions or dismissals
   * changed, the graphs are kept and only those are read again. Concurrent callers share one load.
   */
  async current(): Promise<AnalysisState> {
    const v = this.version.current;
    if (this.state && this.state.version === v) return this.state;
    if (this.loading && this.loadingVersion === v) return this.loading;
    this.loadingVersion = v;
    const g = this.version.graph;
    const base = this.state?.graphVersion === g ? this.state : null;
    this.loading = (async () => {
      const state = (base && (await this.withIntroductions(base, v))) ?? (await this.load(v, g));
      if (this.version.current === v) this.state = state;
      return state;
    })();
    try {
      return await this.loading;
    } finally {
      if (this.loadingVersion === v) this.loading = null;
    }
  }

  private async load(v: number, g: number): Promise<AnalysisState> {
    const t0 = performance.now();
    const counts = await this.graphRepo.counts();
    const total = counts.people + counts.events + counts.ties;
    const label = `Reading ${inWords([`${counts.people.toLocaleString('en')} people`, counts.events > 0 ? `${counts.events.toLocaleString('en')} events` : '', counts.ties > 0 ? `${counts.ties.toLocaleString('en')} ties` : ''])} from Neo4j`;
    this.progress({ name: 'read', label, done: 0, total });
    const projection = await this.graphRepo.loadProjection({}, (rows) => this.progress({ name: 'read', label, done: rows, total }));
    const t1 = performance.now();
    this.progress({ name: 'build', label: 'Building the influence graph', done: null, total: null });
    const table = buildInteractionTable(projection);
    const graph = buildInfluenceGraph(table);
    const t2 = performance.now();
    this.log(
      `projection v${v}: ${projection.people.length} people, ${projection.events.count} events, ${projection.ties.count} ties ` +
        `read in ${Math.round(t1 - t0)} ms; interaction table and influence graph (${graph.order} nodes, ${graph.size} edges) in ${Math.round(t2 - t1)} ms`,
    );
    return { version: v, graphVersion: g, projection, table, graph, builtMs: t2 - t0, timelines: new Map(), slices: new Map(), rankings: new Map(), introducersAt: new Map(), communities: {}, positions: {} };
  }

  /**
   * `base` with the stored introductions and dismissals read again (nothing else changed since it was read):
   * its graphs and every result that does not depend on introductions are kept; the introducer scores and the
   * rankings and timelines by them are dropped. Null when a record names someone `base` does not know.
   */
  private async withIntroductions(base: AnalysisState, v: number): Promise<AnalysisState | null> {
    const t0 = performance.now();
    const records = await this.graphRepo.loadIntroductionRecords(base.projection.indexOf);
    if (!records) return null;
    this.log(
      `introductions v${v}: ${records.introductions.length} introductions, ${records.dismissals.length} dismissals read in ` +
        `${Math.round(performance.now() - t0)} ms (people, events and ties unchanged since v${base.graphVersion})`,
    );
    const byIntroductions = (metric: string) => metric === 'introducer';
    return {
      ...base,
      version: v,
      projection: { ...base.projection, ...records },
      introducers: undefined,
      introducersAt: new Map(),
      rankings: new Map([...base.rankings].filter(([key]) => !byIntroductions(key.split('|')[0]!))),
      // a timeline's key starts [steps, metric, basis, …]: its people are picked by the metric, valued by the basis
      timelines: new Map(
        [...base.timelines].filter(([key]) => {
          const [, metric, basis] = JSON.parse(key) as unknown[];
          return !byIntroductions(metric as string) && !byIntroductions(basis as string);
        }),
      ),
      slices: new Map(base.slices),
      communities: { ...base.communities },
      positions: { ...base.positions },
    };
  }

  /**
   * A full refresh, so the first requests after a change are fast: the projection, then what the explorer's
   * first view needs (PageRank, the communities and the layout of the default map), then every other static
   * metric the API serves. Returns the time each step took (ms).
   */
  async warm(): Promise<Record<string, number>> {
    const timings: Record<string, number> = {};
    const s = await this.current();
    timings.projection = s.builtMs;
    // Between steps, requests that came in meanwhile are answered first: the explorer's map, waiting on the layout,
    // need not wait for the other metrics too.
    const time = async (name: string, work: () => unknown) => {
      const t = performance.now();
      work();
      timings[name] = performance.now() - t;
      await new Promise((resolve) => setImmediate(resolve));
    };
    const layer = this.layer(s, null);
    await time('pagerank', () => this.ranking(s, { metric: 'pagerank', layer }));
    await time('communities', () => this.communities(s, layer));
    await time('layout', () => this.positions(s, layer));
    const large = s.graph.order > EXACT_PATH_METRICS_MAX_NODES;
    for (const metric of ['activity', ...Object.keys(METRICS), 'introducer']) {
      if (metric === 'pagerank-personalized' || (large && (metric === 'closeness' || metric === 'harmonic')) || metric in timings) continue;
      await time(metric, () => this.ranking(s, { metric }));
    }
    if (layer !== 'influence') await time('communities (influence)', () => this.communities(s, 'influence'));
    return timings;
  }

  async meta(): Promise<MetaResponse> {
    const s = await this.current();
    const p = s.projection;
    return {
      counts: { people: p.people.length, events: p.events.count, ties: p.ties.count, introductions: p.introductions.length },
      sectors: [...new Set([...p.events.sectors, ...p.people.flatMap((x) => x.sectors)])].sort(),
      peopleSectors: [...new Set(p.people.flatMap((x) => x.sectors))].sort(),
      eventSectors: [...new Set(p.events.sectors)].sort(),
      skills: [...new Set(p.people.flatMap((x) => [...x.offers, ...x.seeks]))].sort(),
      media: [...p.events.media].sort(),
      kinds: [...p.events.kinds].sort(),
      timeRange: timeRangeOf(s),
      metrics: [
        { name: 'activity', description: EXTRA_METRICS.activity, higherIsMoreInfluential: true },
        ...Object.values(METRICS).map((m) => ({ name: m.name, description: m.description, higherIsMoreInfluential: m.higherIsMoreInfluential })),
        { name: 'introducer', description: EXTRA_METRICS.introducer, higherIsMoreInfluential: true },
      ],
    };
  }

  async rank(q: RankQuery): Promise<InfluenceResponse> {
    const s = await this.current();
    const ranking = this.ranking(s, q);
    const items: RankedItem[] = [];
    const end = Math.min(ranking.ids.length, q.offset + q.limit);
    for (let i = q.offset; i < end; i++) {
      const id = ranking.ids[i]!;
      items.push({ id, name: s.projection.people[s.projection.indexOf.get(id)!]!.name, score: ranking.scores[i]!, rank: i + 1 });
    }
    const seeds = this.seeds(s, q.metric, q.seeds);
    return {
      items,
      total: ranking.ids.length,
      metric: q.metric,
      at: q.at == null ? null : new Date(q.at).toISOString(),
      ...(seeds ? { seeds: this.namedSeeds(s, seeds) } : {}),
    };
  }

  /**
   * Everyone with several rankings side by side (each column exactly `/api/influence` for its metric, on the same
   * layer, time and slice), ordered by one of them (`-` reverses: least influential first) or by name, filtered by
   * part of a name or id, a page at a time.
   */
  async table(
    q: Omit<RankQuery, 'metric'> & {
      columns: string[];
      sort: string;
      q: string | null;
      community?: number | null;
      lists?: string | null;
      /** only the people within `hops` steps of this person, as the map's neighbourhood */
      focus?: string | null;
      hops?: number;
    },
  ): Promise<PeopleTableResponse> {
    const s = await this.current();
    const p = s.projection;
    const columns: (ServedMetric | CurveColumn)[] = [...new Set(q.columns.map((c) => (isCurveColumn(c) ? c : checkMetric(c))))];
    const sort = parseSort(q.sort);
    if (sort.by !== 'name' && !columns.includes(sort.by as ServedMetric)) {
      throw new ValidationError(`sort: "${q.sort}" is neither name nor one of the columns (${columns.join(', ')}), with or without a leading -`, { sort: q.sort });
    }
    const layer = this.layer(s, q.layer);
    const rankings = columns.map((metric) =>
      isCurveColumn(metric) ? this.curveRanking(s, metric) : this.ranking(s, { ...q, metric, layer, seeds: metric === PERSONALIZED ? q.seeds : null }),
    );
    const indexes = rankings.map((r) => this.rankIndex(r, p.indexOf));
    let order: string[];
    if (sort.by === 'name') {
      const byName = (nameOrders.get(p) ?? nameOrders.set(p, nameOrder(p.people)).get(p))!;
      order = sort.reverse ? [...byName].reverse() : byName;
    } else {
      const k = columns.indexOf(sort.by as ServedMetric);
      order = rankingOrder(rankings[k]!, indexes[k]!, sort.reverse);
    }
    const needle = q.q?.trim() || null;
    const communities = this.communities(s, layer).communities;
    const community = q.community ?? null;
    const lists = q.lists ?? null;
    const around = this.around(s, q, layer);
    const keep = (id: string) => {
      const person = p.people[p.indexOf.get(id)!]!;
      return (
        (needle === null || matches(person, needle)) &&
        (community === null || communities[id] === community) &&
        (lists === null || person.sectors.includes(lists)) &&
        (around === null || around.has(id))
      );
    };
    const rows = needle !== null || community !== null || lists !== null || around !== null ? order.filter(keep) : order;
    const seeds = columns.includes(PERSONALIZED) ? this.seeds(s, PERSONALIZED, q.seeds) : null;
    const at = q.at == null ? null : new Date(q.at).toISOString();
    const curves = columns.some(isCurveColumn) ? this.curveSummaries(s) : null;
    return {
      columns: columns.map((metric, k) => ({
        metric,
        // a curve is all time, whatever the time asked
        at: isCurveColumn(metric) ? null : at,
        higherIsMoreInfluential: isCurveColumn(metric) || metric === 'activity' || metric === 'introducer' || METRICS[metric].higherIsMoreInfluential,
        ...scoreRange(rankings[k]!),
      })),
      items: rows.slice(q.offset, q.offset + q.limit).map((id) => {
        const i = p.indexOf.get(id)!;
        const person = p.people[i]!;
        const cells = rankings.map((r, k) => {
          const c = cell(r, indexes[k]!, i);
          if (columns[k] === 'fade') return { ...c, fadeClass: curves!.fadeClass[i]!, censored: curves!.censored[i] === 1 };
          if (columns[k] === 'comeback') {
            const dormant = curves!.dormantDays[i]!;
            return { ...c, comebacks: curves!.comebacks[i]!, dormantDays: Number.isFinite(dormant) ? dormant : null };
          }
          return c;
        });
        return { id, name: person.name, sectors: person.sectors, community: communities[id] ?? null, cells };
      }),
      total: rows.length,
      of: p.people.length,
      sort: q.sort,
      layer,
      ...(seeds ? { seeds: this.namedSeeds(s, seeds) } : {}),
      ...(around && q.focus ? { focus: { id: q.focus, name: this.person(s, q.focus).name, hops: q.hops ?? 1 } } : {}),
    };
  }

  /** Everyone by a curve column (fade: longest first; comeback: strongest first), cached with the version's rankings. */
  private curveRanking(s: AnalysisState, column: CurveColumn): Ranking {
    const key = `curve:${column}`;
    const cached = s.rankings.get(key);
    if (cached) return cached;
    const curves = this.curveSummaries(s);
    const values = column === 'fade' ? curves.fadeDays : curves.comeback;
    const ranking = sortedRanking(s.projection.people, (id) => values[s.projection.indexOf.get(id)!]!, false);
    s.rankings.set(key, ranking);
    return ranking;
  }

  /**
   * Each one's fade and comebacks, read off the same all-time activity curve as their profile's (365 points from
   * the first event to the last), once per version, with its progress: about a third of a millisecond a person.
   */
  private curveSummaries(s: AnalysisState): CurveSummaries {
    if (s.curveSummaries) return s.curveSummaries;
    const people = s.projection.people;
    const n = people.length;
    const out: CurveSummaries = {
      fadeDays: new Float64Array(n),
      censored: new Uint8Array(n),
      fadeClass: new Array(n),
      comeback: new Float64Array(n),
      dormantDays: new Float64Array(n).fill(Number.NaN),
      comebacks: new Uint32Array(n),
    };
    const label = `Reading ${n.toLocaleString('en')} influence curves (fade, comebacks)`;
    // the profile's range: the events' span, or with no event the span analyse falls back to
    const { from, to } = Number.isFinite(s.table.firstAt) && Number.isFinite(s.table.lastAt) ? { from: s.table.firstAt, to: s.table.lastAt } : this.span(s);
    for (let i = 0; i < n; i++) {
      if (i % 250 === 0) this.progress({ name: 'curves', label, done: i, total: n });
      const c = engineInput(() => decayCurve(s.table, people[i]!.id, { from, to, step: null, points: 365, basis: 'activity' }));
      const a = analyzeCurve({ times: c.times, values: c.total });
      out.fadeDays[i] = a.fadeDays ?? Number.NaN;
      out.censored[i] = a.fadeCensored ? 1 : 0;
      out.fadeClass[i] = a.fadeClass ?? 'none';
      out.comebacks[i] = a.resurgences.length;
      for (const r of a.resurgences) {
        if (r.value <= out.comeback[i]!) continue;
        out.comeback[i] = r.value;
        out.dormantDays[i] = r.gapDays;
      }
    }
    s.curveSummaries = out;
    return out;
  }

  /** Where everyone stands in a ranking, computed once per ranking. */
  private rankIndex(r: Ranking, indexOf: ReadonlyMap<string, number>): RankIndex {
    return rankIndexes.get(r) ?? rankIndexes.set(r, rankIndex(r, indexOf)).get(r)!;
  }

  /**
   * The people whose introductions bear most fruit: everyone who made one, by introducer score (then smoothed
   * success rate, then how many they made), with the record the score is made of.
   */
  async introducerRecords(limit: number): Promise<IntroducerRecord[]> {
    const s = await this.current();
    const records = Object.entries(this.introducers(s))
      .filter(([, r]) => r.made > 0)
      .sort(([a, x], [b, y]) => y.score - x.score || y.successRate - x.successRate || y.made - x.made || (a < b ? -1 : a > b ? 1 : 0));
    return records.slice(0, limit).map(([id, r]) => ({
      id,
      name: this.person(s, id).name,
      made: r.made,
      succeeded: r.succeeded,
      counted: r.counted,
      failed: r.failed,
      declined: r.declined,
      open: r.open,
      successRate: r.successRate,
      creditedValue: r.creditedValue,
      score: r.score,
    }));
  }

  /** The full ordering for a query (cached per version). Ties keep id order so ranks are stable. */
  private ranking(s: AnalysisState, q: Omit<RankQuery, 'limit' | 'offset'>): { ids: string[]; scores: Float64Array } {
    const metric = checkMetric(q.metric);
    const polarity = q.polarity ?? 'total';
    const seeds = this.seeds(s, metric, q.seeds);
    const layer = this.layer(s, q.layer);
    // the time is the key's third part: rankings at a time are the bounded ones (bounded-cache.ts)
    const key = [metric, layer, q.at ?? '', q.sector ?? '', q.medium ?? '', polarity, seeds ? [...seeds].sort().join(',') : ''].join('|');
    const timed = q.at != null;
    const cached = recall(s.rankings, key, timed);
    if (cached) return cached;
    this.progress({ name: 'metric', label: `Ranking by ${metric}${layer === 'ties' ? ' on the trust ties' : ''}${q.at != null ? ` at ${new Date(q.at).toISOString().slice(0, 10)}` : ''}`, done: null, total: null });
    const scores = engineInput(() => this.scores(s, metric, { ...q, layer, polarity, seeds }));
    const lowerFirst = metric !== 'activity' && metric !== 'introducer' && !METRICS[metric].higherIsMoreInfluential;
    const ranking = sortedRanking(s.projection.people, (id) => scores[id] ?? 0, lowerFirst);
    remember(s.rankings, key, ranking, timed, (k) => k.split('|')[2] !== '', TIMED_RANKINGS_CACHE);
    return ranking;
  }

  private scores(
    s: AnalysisState,
    metric: ServedMetric,
    q: { layer: Layer; at?: number | null; sector?: string | null; medium?: string | null; polarity: Polarity; seeds: string[] | null },
  ): Record<string, number> {
    const p = s.projection;
    if (metric === 'introducer') return Object.fromEntries(Object.entries(this.introducers(s, q.at ?? null)).map(([id, r]) => [id, r.score]));
    if (metric === 'activity') return activityScores(s.table, q);
    if (q.layer === 'ties') {
      if (q.sector || q.medium || q.polarity !== 'total') {
        throw new ValidationError('sector, medium and polarity slice events; the ties layer has none (use layer=influence)');
      }
      const ties = q.at != null ? buildTieGraph(s.projection, { at: q.at }) : this.tieGraph(s);
      return computeMetric(metric, ties, {
        seeds: q.seeds,
        getEdgeWeight: 'trust',
        orientation: 'influenced-to-influencer',
        betweennessSamples: ties.order > EXACT_PATH_METRICS_MAX_NODES ? BETWEENNESS_SAMPLES : null,
      });
    }
    const sliced = q.at != null || q.sector || q.medium || q.polarity !== 'total';
    // a static, sign-free sector/medium slice is the explorer's, built once per version
    const staticSlice = q.at == null && q.polarity === 'total' ? this.slice(s, q) : null;
    const graph = staticSlice
      ? staticSlice.graph
      : sliced
        ? buildInfluenceGraph(s.table, { at: q.at ?? null, sector: q.sector ?? null, medium: q.medium ?? null, polarity: q.polarity })
        : s.graph;
    const large = graph.order > EXACT_PATH_METRICS_MAX_NODES;
    if (large && (metric === 'closeness' || metric === 'harmonic')) {
      throw new UnprocessableError(
        `metric "${metric}" is exact only, and O(n·m) on ${graph.order.toLocaleString('en-US')} people is too slow; use betweenness (sampled) or pagerank`,
      );
    }
    return computeMetric(metric, graph, {
      seeds: q.seeds,
      betweennessSamples: large ? BETWEENNESS_SAMPLES : null,
    });
  }

  /**
   * The seeds a ranking by `metric` runs with: for Trusted PageRank, the ones asked for (each checked, once), or
   * by default the DEFAULT_SEEDS most trusted people, most trusted first; null for every other metric, which has none.
   */
  private seeds(s: AnalysisState, metric: string, asked: readonly string[] | null | undefined): string[] | null {
    if (metric !== PERSONALIZED) return null;
    if (asked?.length) {
      for (const id of asked) if (!s.projection.indexOf.has(id)) throw new NotFoundError('Person', id);
      return [...new Set(asked)];
    }
    const seeds = this.defaultSeeds(s);
    if (!seeds) {
      throw new ValidationError(
        `metric "${PERSONALIZED}" needs trusted seeds: add seeds=ID,ID,… (people you know to be genuine); with trust ties stored, the ${DEFAULT_SEEDS} most trusted are taken`,
      );
    }
    return seeds;
  }

  /**
   * Trusted PageRank's seeds when none are given (engine/trusted-seeds.ts): the DEFAULT_SEEDS people with the
   * highest trust PageRank (the ties layer's, all time) whom someone trusts, in no suspected ring. Null when nobody
   * trusts anybody. A starting point: the explorer lets the user change it.
   */
  private defaultSeeds(s: AnalysisState): string[] | null {
    if (s.defaultSeeds !== undefined) return s.defaultSeeds;
    const ties = this.tieGraph(s);
    const seeds =
      ties.size === 0
        ? []
        : trustedSeeds(this.ranking(s, { metric: 'pagerank', layer: 'ties' }).ids, ties, new Set(this.rings(s).flatMap((r) => r.members)), DEFAULT_SEEDS);
    s.defaultSeeds = seeds.length > 0 ? seeds : null;
    return s.defaultSeeds;
  }

  /** The seeds as the API answers them: each with the name. */
  private namedSeeds(s: AnalysisState, seeds: readonly string[]): { id: string; name: string }[] {
    return seeds.map((id) => ({ id, name: this.person(s, id).name }));
  }

  /**
   * Everyone's record and score as an introducer: all time (undecayed), or at `at` (introductions made by then,
   * with the outcomes recorded since, their value halving every INTRODUCER_HALF_LIFE_DAYS up to then).
   */
  private introducers(s: AnalysisState, at: number | null = null): Record<string, IntroducerScore> {
    if (at === null) {
      s.introducers ??= introducerScores(s.projection);
      return s.introducers;
    }
    let scores = s.introducersAt.get(at);
    if (!scores) {
      scores = introducerScores(s.projection, { now: at, valueHalfLifeDays: INTRODUCER_HALF_LIFE_DAYS });
      if (s.introducersAt.size >= INTRODUCERS_AT_CACHE) s.introducersAt.delete(s.introducersAt.keys().next().value!);
      s.introducersAt.set(at, scores);
    }
    return scores;
  }

  private tieGraph(s: AnalysisState): TieGraph {
    s.tieGraph ??= buildTieGraph(s.projection);
    return s.tieGraph;
  }

  /** The layer asked for, or the default: influence unless it has no edges and there are ties. */
  private layer(s: AnalysisState, asked: Layer | null | undefined): Layer {
    if (asked) return asked;
    return s.graph.size === 0 && s.projection.ties.count > 0 ? 'ties' : 'influence';
  }

  private layerGraph(s: AnalysisState, layer: Layer): InfluenceGraph | TieGraph {
    return layer === 'ties' ? this.tieGraph(s) : s.graph;
  }

  private communities(s: AnalysisState, layer: Layer = this.layer(s, null)): CommunitiesResult {
    if (!s.communities[layer]) this.progress({ name: 'communities', label: `Finding communities (Louvain) ${layer === 'ties' ? 'in the trust ties' : 'in the influence graph'}`, done: null, total: null });
    s.communities[layer] ??= louvain(this.layerGraph(s, layer), { seed: 0, getEdgeWeight: layer === 'ties' ? 'trust' : 'weight' });
    return s.communities[layer]!;
  }

  private positions(s: AnalysisState, layer: Layer): Positions {
    if (!s.positions[layer]) {
      const t0 = performance.now();
      const graph = this.layerGraph(s, layer);
      const communities = this.communities(s, layer).communities;
      const label = `Laying out ${graph.order.toLocaleString('en')} people (ForceAtlas2)`;
      this.progress({ name: 'layout', label, done: 0, total: null });
      const p = layout(graph, { communities, onIteration: (done, total) => this.progress({ name: 'layout', label, done, total }) });
      s.positions[layer] = p;
      this.log(`layout v${s.version} (${layer}): ${graph.order} nodes, ${p.iterations} ForceAtlas2 iterations in ${Math.round(performance.now() - t0)} ms`);
    }
    return s.positions[layer]!;
  }

  private person(s: AnalysisState, id: string) {
    const i = s.projection.indexOf.get(id);
    if (i === undefined) throw new NotFoundError('Person', id);
    return s.projection.people[i]!;
  }

  /**
   * A person's profile at `at` (null: all time). Trusted PageRank is among the scores when it can run: with the
   * `seeds` given, or the default ones (some trust tie stored).
   */
  async profile(id: string, at: number | null, seeds: string[] | null = null, layer: Layer | null = null): Promise<ProfileResponse> {
    const s = await this.current();
    const person = this.person(s, id);
    const scores: ProfileResponse['scores'] = {};
    const large = s.graph.order > EXACT_PATH_METRICS_MAX_NODES;
    const trusted = seeds?.length ? this.seeds(s, PERSONALIZED, seeds) : this.defaultSeeds(s);
    const metrics: ServedMetric[] = ['activity', 'pagerank', ...(trusted ? [PERSONALIZED as ServedMetric] : []), 'betweenness', 'degree', 'constraint', 'introducer'];
    for (const metric of large ? metrics.filter((m) => m !== 'constraint') : metrics) {
      // the path metrics stay all-time: computing them again at every slider position would cost seconds
      const when = PROFILE_TIMED_METRICS.has(metric) ? at : null;
      const r = this.ranking(s, { metric, at: when, seeds: metric === PERSONALIZED ? trusted : null });
      scores[metric] = { ...jointRank(r, r.ids.indexOf(id)), at: when == null ? null : new Date(when).toISOString() };
    }
    s.sectorMatrix ??= sectorDistances(s.table);
    const b = personBreakdown(s.table, id, { at, sectorMatrix: s.sectorMatrix });
    const byValue = <T extends string>(entries: [T, number][], key: string) =>
      entries
        .filter(([, v]) => v > 0)
        .sort((x, y) => y[1] - x[1])
        .map(([name, v]) => ({ [key]: name, influence: v }));
    const curve = this.analyse(s, id, 'activity', s.table.firstAt, s.table.lastAt, null);
    const intro = this.introducers(s, at)[id];
    return {
      person,
      at: at == null ? null : new Date(at).toISOString(),
      scores,
      sectorProfile: byValue(Object.entries(b.bySector).map(([k, v]) => [k, v.total]), 'sector') as ProfileResponse['sectorProfile'],
      sectorReach: Object.entries(b.crossSector)
        .map(([sector, r]) => ({ sector, reach: r.reach }))
        .sort((x, y) => y.reach - x.reach),
      mediumProfile: byValue(Object.entries(b.byMedium).map(([k, v]) => [k, v.total]), 'medium') as ProfileResponse['mediumProfile'],
      polarity: { total: b.overall.total, positive: b.overall.positive, negative: b.overall.negative, controversy: b.overall.controversy, signed: b.overall.signed },
      fadeClass: curve.fadeClass,
      halfLifeDays: curve.halfLifeDays,
      resurgences: curve.resurgences,
      introducer: intro
        ? {
            made: intro.made,
            succeeded: intro.succeeded,
            counted: intro.counted,
            failed: intro.failed,
            open: intro.open,
            successRate: intro.successRate,
            creditedValue: intro.creditedValue,
            score: intro.score,
          }
        : null,
      // on the layer the map shows, so its legend names it
      community: this.communities(s, this.layer(s, layer)).communities[id] ?? null,
      flags: this.ringFlag(s, id),
    };
  }

  async curve(id: string, q: { from?: number | null; to?: number | null; stepDays?: number | null; metric?: CurveResponse['metric'] }): Promise<CurveResponse> {
    const s = await this.current();
    this.person(s, id);
    const span = this.span(s, { introductions: q.metric === 'introducer' });
    const from = q.from ?? span.from;
    const to = q.to ?? span.to;
    if (!(to > from)) throw new ValidationError(`"to" (${new Date(to).toISOString()}) must be after "from" (${new Date(from).toISOString()})`);
    return this.analyse(s, id, q.metric ?? 'activity', from, to, q.stepDays ?? null);
  }

  /**
   * The time range views cover: the events' (a year to now without any). `introductions`: widened to the
   * introductions made and their outcomes, up to now, so the introducer score over time shows an outcome
   * recorded today on a network whose events ended months ago. `ties`: widened to the days the trust ties were
   * formed, for the map of trust (data of dated ties alone has a history too).
   */
  private span(s: AnalysisState, widen: { introductions?: boolean; ties?: boolean } = {}): { from: number; to: number } {
    let from = s.table.firstAt;
    let to = s.table.lastAt;
    const include = (t: number) => {
      if (!(t >= from)) from = t;
      if (!(t <= to)) to = t;
    };
    if (widen.introductions) {
      const now = Date.now();
      for (const intro of s.projection.introductions) {
        if (intro.status === 'suggested') continue;
        for (const t of [intro.at, intro.outcomeAt]) if (t <= now) include(t);
      }
    }
    if (widen.ties) {
      const range = tieDateRange(s.projection);
      if (range) for (const t of [range.from, range.to]) include(t);
    }
    if (Number.isFinite(from)) return { from, to: to > from ? to : from + DAY_MS };
    const now = Date.now();
    return { from: now - 365 * DAY_MS, to: now };
  }

  private analyse(s: AnalysisState, id: string, metric: CurveResponse['metric'], from: number, to: number, stepDays: number | null): CurveResponse {
    if (!Number.isFinite(from) || !Number.isFinite(to)) ({ from, to } = this.span(s, { introductions: metric === 'introducer' }));
    const step = stepDays ? stepDays * DAY_MS : null;
    if (step !== null && (to - from) / step > 20_000) {
      throw new ValidationError(`step of ${stepDays} days over this range gives more than 20,000 points; use a larger step`);
    }
    const c = engineInput(() => {
      if (metric !== 'introducer') return decayCurve(s.table, id, { from, to, step, points: step ? null : 365, basis: metric === 'activity' ? 'activity' : 'strength' });
      // the introducer score at each time, as /api/influence?metric=introducer&at= gives it
      const times = Array.from(sampleTimes({ from, to, step, points: step ? null : 365 }));
      const total = Array.from(introducerCurve(s.projection, s.projection.indexOf.get(id)!, times, { valueHalfLifeDays: INTRODUCER_HALF_LIFE_DAYS }));
      return { times, total, positive: undefined, negative: undefined };
    });
    const a = analyzeCurve({ times: c.times, values: c.total });
    return {
      id,
      metric,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      stepDays: c.times.length > 1 ? (c.times[1]! - c.times[0]!) / DAY_MS : 0,
      points: c.times.map((t, i) => ({ t: Math.round(t), value: c.total[i]! })),
      positive: c.positive,
      negative: c.negative,
      peaks: a.peaks.map((pk) => ({ t: pk.at, value: pk.value, halfLifeDays: pk.halfLifeDays })),
      resurgences: a.resurgences.map((r) => ({ t: r.at, value: r.value, afterDormantDays: r.gapDays })),
      dormancy: a.dormancies.map((d) => ({ from: d.from, to: d.to })),
      fadeClass: a.fadeClass ?? 'none',
      halfLifeDays: a.fadeHalfLifeDays,
      period: a.periodicity ? { days: a.periodicity.periodDays, strength: a.periodicity.strength } : null,
    };
  }

  private rings(s: AnalysisState): Ring[] {
    s.rings ??= collusionRings(s.graph, this.communities(s, 'influence').communities);
    return s.rings;
  }

  private ringFlag(s: AnalysisState, id: string): ProfileResponse['flags'] {
    const ring = this.rings(s).find((r) => r.members.includes(id));
    return ring ? { ring: true, reason: ring.reason } : { ring: false };
  }

  /** Suspected collusion rings (engine/rings.ts), with their members' names and the evidence. */
  async ringsSummary(): Promise<RingsResponse> {
    const s = await this.current();
    return {
      rings: this.rings(s).map((r) => ({
        members: r.members.map((m) => ({ id: m, name: this.person(s, m).name })),
        closedness: r.closedness,
        density: r.density,
        reason: r.reason,
      })),
    };
  }

  async communitiesSummary(): Promise<CommunitiesResponse> {
    const s = await this.current();
    const c = this.communities(s);
    const pr = this.ranking(s, { metric: 'pagerank' });
    const groups = new Map<number, { members: string[]; sectors: Map<string, number> }>();
    for (const id of pr.ids) {
      const k = c.communities[id];
      if (k === undefined) continue;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { members: [], sectors: new Map() }));
      g.members.push(id);
      for (const sector of this.person(s, id).sectors) g.sectors.set(sector, (g.sectors.get(sector) ?? 0) + 1);
    }
    return {
      count: c.count,
      modularity: c.modularity,
      communities: [...groups.entries()]
        .map(([id, g]) => ({
          id,
          size: g.members.length,
          top: g.members.slice(0, 5).map((m) => ({ id: m, name: this.person(s, m).name })),
          sectors: [...g.sectors.entries()].sort((a, b) => b[1] - a[1]).map(([sector, count]) => ({ sector, count })),
        }))
        .sort((a, b) => b.size - a.size),
    };
  }

  /**
   * The nodes (top `limit` by the metric) and the edges among them. With a sector and/or medium, the view is the
   * slice of influence through events of that sector and medium, as in GET /api/influence: the people those
   * events involve, ranked by the metric on the slice, and the slice's edges.
   */
  async graphView(q: {
    metric: string;
    layer?: Layer | null;
    sector?: string | null;
    medium?: string | null;
    seeds?: string[] | null;
    focus?: string | null;
    hops?: number;
    limit: number;
    maxEdges: number;
  }): Promise<GraphResponse> {
    const s = await this.current();
    const layer = this.layer(s, q.layer);
    const { selected, scores, around } = this.shown(s, q, layer);
    const pos = this.positions(s, layer);
    const community = this.communities(s, layer).communities;
    const slice = this.slice(s, q);
    const activity = slice?.activity ?? (s.activity ??= activityScores(s.table, { polarity: 'total' }));
    const posIndex = positionIndex(pos);
    const nodes = selected.map((id, k) => {
      const person = this.person(s, id);
      const i = posIndex.get(id)!;
      return {
        id,
        name: person.name,
        sectors: person.sectors,
        community: community[id] ?? -1,
        score: scores[k]!,
        activity: activity[id] ?? 0,
        x: round(pos.x[i]!),
        y: round(pos.y[i]!),
        ...(around ? { hops: around.get(id)! } : {}),
      };
    });
    const edges = this.edgesAmong(s, layer, new Set(selected), slice?.graph ?? null, q.maxEdges);
    const graph = this.layerGraph(s, layer);
    const seeds = this.seeds(s, q.metric, q.seeds);
    const total = around
      ? { nodes: around.size, edges: this.edgeCountAmong(s, layer, around.keys(), slice?.graph ?? null) }
      : slice
        ? { nodes: slice.members.size, edges: slice.graph.size }
        : { nodes: graph.order, edges: graph.size };
    return {
      nodes,
      edges,
      metric: q.metric,
      layer,
      at: null,
      total,
      communities: this.communities(s, layer).count,
      ...(seeds ? { seeds: this.namedSeeds(s, seeds) } : {}),
      ...(around && q.focus ? { focus: { id: q.focus, name: this.person(s, q.focus).name, hops: q.hops ?? 1 } } : {}),
    };
  }

  /**
   * The network the map draws in numbers (engine/network-stats.ts): its layer, or on the influence layer a sector's or
   * medium's slice (the people its events involve, and their links), or a person's neighbourhood on either, with the
   * layer's communities.
   */
  async network(q: { layer?: Layer | null; sector?: string | null; medium?: string | null; focus?: string | null; hops?: number }): Promise<NetworkResponse> {
    const s = await this.current();
    const layer = this.layer(s, q.layer);
    const slice = layer === 'influence' ? this.slice(s, q) : null;
    const around = this.around(s, q, layer);
    const key = JSON.stringify([layer, slice ? [q.sector ?? null, q.medium ?? null] : null, around ? [q.focus, q.hops ?? 1] : null]);
    s.networks ??= new Map();
    let stats = s.networks.get(key);
    if (!stats) {
      // a neighbourhood counts its people (and the focused one), a slice the people its events involve
      const only = around ? new Set(around.keys()) : (slice?.members ?? null);
      stats = networkStats(slice?.graph ?? this.layerGraph(s, layer), { only });
      if (s.networks.size >= SLICE_CACHE) s.networks.delete(s.networks.keys().next().value!);
      s.networks.set(key, stats);
    }
    const communities = this.communities(s, layer);
    // the layer's communities the people counted belong to (all of them, on the whole layer)
    const counted = around ? [...around.keys()] : slice ? [...slice.members] : null;
    const among = counted ? new Set(counted.map((id) => communities.communities[id]).filter((c) => c !== undefined)).size : communities.count;
    const named = (top: NetworkStats['maxIn']) => (top ? { ...top, name: this.person(s, top.id).name } : null);
    return {
      layer,
      sector: slice ? (q.sector ?? null) : null,
      medium: slice ? (q.medium ?? null) : null,
      ...stats,
      reciprocity: Number.isNaN(stats.reciprocity) ? null : stats.reciprocity,
      maxIn: named(stats.maxIn),
      maxOut: named(stats.maxOut),
      communities: { count: among, modularity: Number.isNaN(communities.modularity) ? null : communities.modularity },
      ...(around && q.focus ? { focus: { id: q.focus, name: this.person(s, q.focus).name, hops: q.hops ?? 1 } } : {}),
    };
  }

  /**
   * The explorer's people: the top `limit` by the metric, on the sector/medium slice when one is asked for; with
   * `focus`, only the people within `hops` steps of that person on the links the map draws (`around`: each one's
   * steps away), the focused person always among them.
   */
  private shown(
    s: AnalysisState,
    q: { metric: string; sector?: string | null; medium?: string | null; seeds?: string[] | null; focus?: string | null; hops?: number; limit: number },
    layer: Layer,
  ): { selected: string[]; scores: number[]; around: Map<string, number> | null } {
    const ranking = this.ranking(s, { metric: q.metric, layer, sector: q.sector, medium: q.medium, seeds: q.seeds });
    const members = this.slice(s, q)?.members ?? null;
    const around = this.around(s, q, layer);
    const selected: string[] = [];
    const scores: number[] = [];
    for (let i = 0; i < ranking.ids.length && selected.length < q.limit; i++) {
      const id = ranking.ids[i]!;
      if (around ? !around.has(id) : members && !members.has(id)) continue;
      selected.push(id);
      scores.push(ranking.scores[i]!);
    }
    if (around && q.focus && !selected.includes(q.focus)) {
      const k = Math.min(selected.length, q.limit - 1);
      selected.splice(k, 1, q.focus);
      scores.splice(k, 1, ranking.scores[ranking.ids.indexOf(q.focus)] ?? 0);
    }
    return { selected, scores, around };
  }

  /**
   * Everyone within `hops` steps of `focus`, either way, on the links the map draws (the trust ties, the influence
   * graph, or a slice's), with how many steps away; null without a focus. An unknown person → 404.
   */
  private around(s: AnalysisState, q: { sector?: string | null; medium?: string | null; focus?: string | null; hops?: number }, layer: Layer): Map<string, number> | null {
    if (!q.focus) return null;
    this.person(s, q.focus);
    const graph = layer === 'ties' ? this.tieGraph(s) : (this.slice(s, q)?.graph ?? s.graph);
    return neighbourhood(graph, q.focus, q.hops ?? 1);
  }

  /** The static influence graph of events of `sector` and/or `medium`, and the people they involve; null for no slice. */
  private slice(s: AnalysisState, q: { sector?: string | null; medium?: string | null }): Slice | null {
    if (!q.sector && !q.medium) return null;
    const key = JSON.stringify([q.sector ?? null, q.medium ?? null]);
    let slice = s.slices.get(key);
    if (!slice) {
      const graph = buildInfluenceGraph(s.table, { sector: q.sector ?? null, medium: q.medium ?? null });
      const members = new Set<string>();
      graph.forEachNode((id) => {
        if (graph.degree(id) > 0) members.add(id);
      });
      const activity = activityScores(s.table, { polarity: 'total', sector: q.sector, medium: q.medium });
      for (const [id, v] of Object.entries(activity)) if (v > 0) members.add(id);
      slice = { graph, members, activity };
      if (s.slices.size >= SLICE_CACHE) s.slices.delete(s.slices.keys().next().value!);
      s.slices.set(key, slice);
    }
    return slice;
  }

  /** Edges among `keep`: of the layer's graph, or of a slice's graph when given. */
  private edgesAmong(s: AnalysisState, layer: Layer, keep: Set<string>, sliced: InfluenceGraph | null, maxEdges: number): GraphResponse['edges'] {
    const edges: GraphResponse['edges'] = [];
    this.forEachEdgeAmong(s, layer, keep, sliced, (source, target, weight) => edges.push({ source, target, weight: round(weight) }));
    if (edges.length > maxEdges) {
      edges.sort((a, b) => b.weight - a.weight);
      edges.length = maxEdges;
    }
    return edges;
  }

  /** How many edges run among `keep` (both ends in it) on the layer's graph, or a slice's: counted on its CSR. */
  private edgeCountAmong(s: AnalysisState, layer: Layer, keep: Iterable<string>, sliced: InfluenceGraph | null): number {
    const graph: AbstractGraph = layer === 'ties' ? this.tieGraph(s) : (sliced ?? s.graph);
    const { order, indexOf, outOffsets, outTargets } = csrOf(graph, { getEdgeWeight: null });
    const kept = new Uint8Array(order);
    for (const id of keep) {
      const i = indexOf.get(id);
      if (i !== undefined) kept[i] = 1;
    }
    let count = 0;
    for (let u = 0; u < order; u++) {
      if (!kept[u]) continue;
      for (let k = outOffsets[u]!, end = outOffsets[u + 1]!; k < end; k++) if (kept[outTargets[k]!]) count++;
    }
    return count;
  }

  /**
   * Calls `visit` with each edge among `keep` (both ends in it) of the layer's graph (trust on the ties), or of a slice's
   * graph when given. When `keep`'s people have few edges (a small neighbourhood of a large graph), only theirs are
   * looked at; otherwise one pass over every edge, which graphology runs faster than person by person (on Slashdot
   * the whole map's GET /api/graph took 0.6–0.8 s person by person against 0.35–0.45 s in one pass, the baseline of
   * bench/neighbourhood.ts).
   */
  private forEachEdgeAmong(
    s: AnalysisState,
    layer: Layer,
    keep: Set<string>,
    sliced: InfluenceGraph | null,
    visit: (source: string, target: string, weight: number) => void,
  ): void {
    const graph: AbstractGraph = layer === 'ties' ? this.tieGraph(s) : (sliced ?? s.graph);
    const weight = layer === 'ties' ? 'trust' : 'weight';
    const each = (_e: string, attrs: Attributes, source: string, target: string) => {
      if (keep.has(source) && keep.has(target)) visit(source, target, attrs[weight] as number);
    };
    let theirs = 0;
    for (const id of keep) if (graph.hasNode(id)) theirs += graph.outDegree(id);
    if (theirs * 3 >= graph.size) {
      graph.forEachEdge(each);
      return;
    }
    for (const source of keep) if (graph.hasNode(source)) graph.forEachOutEdge(source, each);
  }

  /**
   * Influence of the shown people over time, and the decayed weight of the edges among them, at `steps` evenly
   * spaced times over the whole event range: what the explorer's time slider scrubs through. `basis` says what
   * a person's value is at each time: `activity`, the decayed influence of the events they drove, or
   * `pagerank`, temporal PageRank (influence PageRank of the decayed projection at that time, DESIGN.md's
   * temporal centrality) above the floor share every person gets without influence, which also credits whom
   * one influenced: reaching influential people counts more; or `introducer`, the introducer score at that time
   * (introductions made by then, their credit halving every INTRODUCER_HALF_LIFE_DAYS).
   */
  async timeline(q: {
    steps: number;
    metric: string;
    basis?: TimelineBasis;
    layer?: Layer | null;
    sector?: string | null;
    medium?: string | null;
    polarity?: Polarity;
    seeds?: string[] | null;
    focus?: string | null;
    hops?: number;
    limit: number;
    maxEdges: number;
  }): Promise<TimelineResponse> {
    const s = await this.current();
    const seeds = this.seeds(s, q.metric, q.seeds);
    const cacheKey = JSON.stringify([
      q.steps,
      q.metric,
      q.basis ?? 'activity',
      q.layer ?? null,
      q.sector ?? null,
      q.medium ?? null,
      q.polarity ?? 'total',
      q.focus ?? null,
      q.focus ? (q.hops ?? 1) : null,
      q.limit,
      q.maxEdges,
      seeds && [...seeds].sort(),
    ]);
    const cached = s.timelines.get(cacheKey);
    if (cached) return cached;
    const response = this.computeTimeline(s, { ...q, seeds });
    if (s.timelines.size >= TIMELINE_CACHE) s.timelines.delete(s.timelines.keys().next().value!);
    s.timelines.set(cacheKey, response);
    return response;
  }

  private computeTimeline(s: AnalysisState, q: Parameters<InfluenceService['timeline']>[0]): TimelineResponse {
    const layer = this.layer(s, q.layer);
    const nodes = this.shown(s, q, layer).selected;
    const span = this.span(s, { introductions: q.basis === 'introducer', ties: layer === 'ties' });
    const steps = Math.max(2, q.steps);
    const times = Array.from({ length: steps }, (_, k) => Math.round(span.from + ((span.to - span.from) * k) / (steps - 1)));
    const polarity = q.polarity ?? 'total';
    const index = nodes.map((id) => s.projection.indexOf.get(id)!);
    const values = nodes.map(() => new Array<number>(steps).fill(0));
    const keep = new Set(nodes);
    // influence edges carry their decayed weight at each time; a tie carries its trust from the day it was formed (since)
    const edgeList = this.edgesAmong(s, layer, keep, layer === 'influence' ? (this.slice(s, q)?.graph ?? null) : null, q.maxEdges);
    const tieGraph = layer === 'ties' ? this.tieGraph(s) : null;
    const tieSince = tieGraph ? edgeList.map((e) => tieGraph.getDirectedEdgeAttribute(e.source, e.target, 'since') ?? Number.NaN) : [];
    // edges keyed by their people's dense indices (numbers: no string building per edge and step)
    const n = s.projection.people.length;
    const pairKey = (src: number, dst: number) => src * n + dst;
    const indexOf = s.projection.indexOf;
    const edgeIndex = new Map(edgeList.map((e, i) => [pairKey(indexOf.get(e.source)!, indexOf.get(e.target)!), i]));
    const edgeValues = edgeList.map(() => new Array<number>(steps).fill(0));
    const basis = q.basis ?? 'activity';
    // Trusted PageRank travels in time with its seeds: every jump lands on them, at every time
    const seeds = q.seeds ?? null;
    const rank = basis === 'pagerank' ? pagerankRanker(s.table, { seeds }) : null;
    const trust = basis === 'trust' ? trustRanker(s.projection, { seeds }) : null;
    const introducer =
      basis === 'introducer' ? introducerScoreSeries(s.projection, times, index, { valueHalfLifeDays: INTRODUCER_HALF_LIFE_DAYS }) : null;
    const activity = new Array<number>(steps).fill(0);
    // PageRank shown above the floor everyone gets for existing ((1 − α)/n plus the dangling share): someone with no
    // influence (trust) at t sits on the floor, so they vanish like a zero of activity
    const aboveFloor = (scores: Float64Array | null, k: number) => {
      let floor = Number.POSITIVE_INFINITY;
      if (scores) for (let p = 0; p < scores.length; p++) if (scores[p]! < floor) floor = scores[p]!;
      for (let i = 0; i < index.length; i++) values[i]![k] = scores ? round(scores[index[i]!]! - floor) : 0;
    };
    for (let k = 0; k < steps; k++) {
      const needEdges = (layer === 'influence' && edgeList.length > 0) || rank !== null;
      const d = needEdges ? decayedProjection(s.table, { at: times[k]!, medium: q.medium ?? null, sector: q.sector ?? null, polarity }) : null;
      const v = influenceAt(s.table, times[k]!, { sector: q.sector ?? null, medium: q.medium ?? null });
      const part = polarity === 'positive' ? v.positive : polarity === 'negative' ? v.negative : v.total;
      let sum = 0;
      for (let p = 0; p < part.length; p++) sum += part[p]!;
      activity[k] = round(sum);
      if (introducer) {
        for (let i = 0; i < index.length; i++) values[i]![k] = round(introducer[i]![k]!);
      } else if (rank && d) {
        // nobody has influence before the first event: PageRank's uniform jump share would show everyone
        aboveFloor(d.count > 0 ? rank(d) : null, k);
      } else if (trust) {
        aboveFloor(trust(times[k]!), k);
      } else {
        for (let i = 0; i < index.length; i++) values[i]![k] = round(part[index[i]!]!);
      }
      if (tieGraph) {
        for (let e = 0; e < edgeList.length; e++) edgeValues[e]![k] = tieStandsAt(tieSince[e]!, times[k]!) ? edgeList[e]!.weight : 0;
        continue;
      }
      if (edgeList.length === 0 || !d) continue;
      for (let j = 0; j < d.count; j++) {
        const e = edgeIndex.get(pairKey(d.src[j]!, d.dst[j]!));
        if (e !== undefined) edgeValues[e]![k] = round(d.weight[j]!);
      }
    }
    const edges = edgeList.map((e, i) => ({ source: e.source, target: e.target, values: edgeValues[i]! }));
    return {
      times,
      basis,
      activity,
      ...(tieGraph ? { ties: tiesStanding(s.projection.ties, times) } : {}),
      ...(seeds && (rank || trust) ? { seeds } : {}),
      nodes,
      values,
      edges,
    };
  }

  /**
   * The sectors side by side at `at` (null: all time): their influence, how much of one counts in another, and the
   * `carriers` people carrying the most into each from elsewhere.
   */
  async sectors(q: { at: number | null; carriers: number }): Promise<SectorsResponse> {
    const s = await this.current();
    s.sectorOverviews ??= new Map();
    let o = s.sectorOverviews.get(q.at);
    if (!o) {
      this.progress({ name: 'sectors', label: `Summing influence by sector${q.at != null ? ` at ${new Date(q.at).toISOString().slice(0, 10)}` : ''}`, done: null, total: null });
      s.sectorMatrix ??= sectorDistances(s.table);
      o = sectorOverview(s.table, { at: q.at, sectorMatrix: s.sectorMatrix, carriers: SECTOR_CARRIERS_MAX });
      if (s.sectorOverviews.size >= SECTOR_OVERVIEW_CACHE) s.sectorOverviews.delete(s.sectorOverviews.keys().next().value!);
      s.sectorOverviews.set(q.at, o);
    }
    const people = s.projection.people;
    return {
      at: o.at === null ? null : new Date(o.at).toISOString(),
      model: { ...o.transferModel },
      sectors: o.sectors,
      shared: o.shared,
      distance: o.distance,
      transfer: o.transfer,
      configured: o.configured,
      flow: o.flow,
      carriers: o.carriers.map((list) => list.slice(0, q.carriers).map((c) => ({ id: people[c.person]!.id, name: people[c.person]!.name, own: c.own, imported: c.imported, from: c.from }))),
    };
  }

  /**
   * The influence earned in each sector (or through each medium) at `steps` evenly spaced times from the first event
   * to the last: the whole network's activity, split by where it was earned.
   */
  async breakdownTimeline(q: { by: GroupBy; polarity: Polarity; steps: number }): Promise<BreakdownTimelineResponse> {
    const s = await this.current();
    if (!Number.isFinite(s.table.firstAt)) return { by: q.by, polarity: q.polarity, times: [], groups: [] };
    s.groupCurves ??= new Map();
    const key = `${q.by}|${q.steps}`;
    let c = s.groupCurves.get(key);
    if (!c) {
      this.progress({ name: 'sectors', label: `Summing influence by ${q.by} over time`, done: null, total: null });
      c = groupCurves(s.table, { by: q.by, from: s.table.firstAt, to: s.table.lastAt, points: q.steps });
      s.groupCurves.set(key, c);
    }
    const K = c.times.length;
    const groups = c.groups.map((name, g) => {
      const values = new Array<number>(K);
      for (let k = 0; k < K; k++) {
        const pos = c.positive[g * K + k]!;
        const neg = c.negative[g * K + k]!;
        values[k] = q.polarity === 'positive' ? pos : q.polarity === 'negative' ? neg : pos + neg;
      }
      return { name, values, sum: values.reduce((a, b) => a + b, 0) };
    });
    groups.sort((x, y) => y.sum - x.sum || (x.name < y.name ? -1 : 1));
    return { by: q.by, polarity: q.polarity, times: Array.from(c.times), groups: groups.map(({ name, values }) => ({ name, values })) };
  }

  /** Every person's breakdown at t (for exports and batch analyses). */
  async breakdowns(at: number | null) {
    const s = await this.current();
    s.sectorMatrix ??= sectorDistances(s.table);
    return breakdownAll(s.table, { at, sectorMatrix: s.sectorMatrix });
  }
}

/** The earliest and latest day a trust tie was formed (its `since`); null when none is dated. O(ties). */
function tieDateRange(projection: Projection): { from: number; to: number } | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const t of projection.ties.since) {
    if (t < from) from = t;
    if (t > to) to = t;
  }
  return from <= to ? { from, to } : null;
}

/**
 * The data's time range for /api/meta: the events', or with no events the dated trust ties' (a network of ties
 * alone still has a history for the map of trust); null when nothing stored has a time.
 */
function timeRangeOf(s: AnalysisState): MetaResponse['timeRange'] {
  const range = Number.isFinite(s.table.firstAt) ? { from: s.table.firstAt, to: s.table.lastAt } : tieDateRange(s.projection);
  return range ? { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() } : null;
}

/** How many ties stand at each of the (ascending) times: formed by then, or undated; self-ties left out. */
function tiesStanding(ties: Projection['ties'], times: number[]): number[] {
  const dated: number[] = [];
  let always = 0;
  for (let k = 0; k < ties.count; k++) {
    if (ties.from[k] === ties.to[k]) continue;
    if (Number.isFinite(ties.since[k]!)) dated.push(ties.since[k]!);
    else always++;
  }
  dated.sort((a, b) => a - b);
  let j = 0;
  return times.map((t) => {
    while (j < dated.length && tieStandsAt(dated[j]!, t)) j++;
    return always + j;
  });
}

/** Bad input the engine detects (an option out of range, a seed that is not a node) is the caller's error: 400. */
function engineInput<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof CentralityInputError || err instanceof InfluenceInputError) throw new ValidationError(err.message);
    throw err;
  }
}

function checkMetric(metric: string): ServedMetric {
  if (metric in EXTRA_METRICS || isMetricName(metric)) return metric as ServedMetric;
  throw new ValidationError(`Unknown metric "${metric}"; metrics: ${['activity', ...Object.keys(METRICS), 'introducer'].join(', ')}`, { metric });
}

/**
 * Activity influence per person: Σ over the events they drove of magnitude × fade(t − at) (at t), or of
 * magnitude alone (static), with the chosen polarity part, optionally one sector or medium.
 */
function activityScores(
  table: InteractionTable,
  q: { at?: number | null; sector?: string | null; medium?: string | null; polarity: Polarity },
): Record<string, number> {
  const people = table.projection.people;
  const out: Record<string, number> = {};
  if (q.at != null) {
    const v = influenceAt(table, q.at, { sector: q.sector ?? null, medium: q.medium ?? null });
    const part = q.polarity === 'positive' ? v.positive : q.polarity === 'negative' ? v.negative : v.total;
    people.forEach((p, i) => (out[p.id] = part[i]!));
    return out;
  }
  const ev = table.projection.events;
  const sector = q.sector ? ev.sectors.indexOf(q.sector) : -1;
  const medium = q.medium ? ev.media.indexOf(q.medium) : -1;
  const d = table.drives;
  for (let p = 0; p < people.length; p++) {
    let sum = 0;
    for (let j = d.offset[p]!; j < d.offset[p + 1]!; j++) {
      const e = d.event[j]!;
      if (q.sector && ev.sector[e] !== sector) continue;
      if (q.medium && ev.medium[e] !== medium) continue;
      sum += q.polarity === 'positive' ? d.positive[j]! : q.polarity === 'negative' ? d.negative[j]! : d.positive[j]! + d.negative[j]!;
    }
    out[people[p]!.id] = sum;
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * Everyone ordered by a score, the most influential first (the highest, or the lowest when `lowerFirst`), scores
 * that are not numbers last, equal scores in id order so ranks are stable.
 */
function sortedRanking(people: readonly { id: string }[], score: (id: string) => number, lowerFirst: boolean): { ids: string[]; scores: Float64Array } {
  const ids = people.map((p) => p.id);
  const value = (id: string) => {
    const v = score(id);
    return Number.isFinite(v) ? v : lowerFirst ? Infinity : -Infinity;
  };
  ids.sort((a, b) => (lowerFirst ? value(a) - value(b) : value(b) - value(a)) || (a < b ? -1 : a > b ? 1 : 0));
  return { ids, scores: Float64Array.from(ids, (id) => score(id)) };
}

/**
 * A person's place in a ranking, ties shared: rank 1 + the number ranked strictly ahead (competition ranking, as
 * "joint 4th"), and how many others share the score. The list's own order among equal scores is arbitrary: the
 * 1,700 people with no introduction used to get ranks up to 1,789 by it.
 */
export function jointRank(r: { scores: ArrayLike<number> }, at: number): { score: number; rank: number; of: number; tied: number } {
  const score = r.scores[at]!;
  let first = at;
  while (first > 0 && r.scores[first - 1] === score) first--;
  let last = at;
  while (last + 1 < r.scores.length && r.scores[last + 1] === score) last++;
  return { score, rank: first + 1, of: r.scores.length, tied: last - first };
}

/** "a", "a and b", "a, b and c" of the non-empty parts. */
function inWords(parts: string[]): string {
  const kept = parts.filter(Boolean);
  return kept.length <= 1 ? (kept[0] ?? '') : `${kept.slice(0, -1).join(', ')} and ${kept.at(-1)}`;
}
