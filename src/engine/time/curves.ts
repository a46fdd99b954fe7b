/**
 * Decay curves: a person's influence sampled over a time range, and everyone's influence at one time t.
 *
 * Two bases, both sign-free in `total` with the positive/negative split beside it:
 *   activity  A_p(t) = Σ_{e DROVE by p, at_e ≤ t} m_e · fade_e(t − at_e)                   (broadcasts count)
 *   strength  S_p(t) = Σ_{rows p→v, at_e ≤ t} m_e · w_ev · fade_e(t − at_e)
 *            = p's weighted out-strength on the decayed projection at t: the influence p HAS over the people
 *              their events reached (DESIGN.md direction convention), i.e. their temporal degree centrality.
 *   positive/negative: the same with m·(1+v)/2 and m·(1−v)/2; total = positive + negative.
 * A third, costlier basis, temporal PageRank (or any centrality) at each sample t, is `temporalCentralityCurves`
 * with `rank: pagerankRanker(table)`: it recomputes the decayed projection and runs the ranker per sample, so its
 * point count is capped (maxPoints 60).
 *
 * Sampling a person's series at K sorted times, grouped by fade (events sharing a model and parameters):
 *   exponential: running sum decayed by e^{−r·Δt} between samples              O(n_g + K)
 *   window:      sliding-window sum with two pointers                          O(n_g + K)
 *   none:        cumulative sum                                                O(n_g + K)
 *   power:       direct sum (no recurrence exists)                             O(n_g · K)
 * so a curve costs O(n_p·G + K·G) for n_p entries in G fade groups (G is 1–3 unless many events carry their
 * own fade), plus the power-law part. `influenceAt` is O(L) (activity) or O(R) (strength) for all people.
 */
import type { Projection } from '../../domain/projection.ts';
import { decayedProjection, dictionaryMask, type InfluenceEdges, type Polarity, POLARITIES } from './decayed-projection.ts';
import { checkInteger, checkNumber, checkOneOf, checkTime, InfluenceInputError, invalidOption, unknownPerson, withDefaults } from './errors.ts';
import { evaluateFade, FADE_EXPONENTIAL, FADE_NONE, FADE_POWER, FADE_WINDOW } from './fade.ts';
import type { InteractionTable, PersonSeries } from './interaction-table.ts';

const MODULE = 'curves';

export const CURVE_BASES = ['activity', 'strength'] as const;
export type CurveBasis = (typeof CURVE_BASES)[number];

/** Sample times: from..to (epoch ms) either every `step` ms or at `points` evenly spaced times (ends included). */
export interface SampleSpec {
  from: number;
  to: number;
  /** ms between samples; takes precedence over `points` */
  step: number | null;
  /** number of samples, both ends included */
  points: number | null;
  /** refuse more samples than this (a typo in `step` should fail, not allocate gigabytes) */
  maxPoints: number;
}

export const SAMPLE_DEFAULTS: Omit<SampleSpec, 'from' | 'to'> = { step: null, points: 365, maxPoints: 20_000 };

export interface CurveOptions extends Omit<SampleSpec, 'from' | 'to'> {
  basis: CurveBasis;
  /** count only events in this sector (or these sectors); null for all */
  sector: string | readonly string[] | null;
  /** count only events through this medium (or these media); null for all */
  medium: string | readonly string[] | null;
}

export const DEFAULTS: CurveOptions = { ...SAMPLE_DEFAULTS, basis: 'activity', sector: null, medium: null };

export interface DecayCurve {
  person: string;
  basis: CurveBasis;
  /** epoch ms */
  times: number[];
  total: number[];
  positive: number[];
  negative: number[];
}

/** The evenly spaced sample times of a spec. */
export function sampleTimes(spec: Partial<SampleSpec> & { from: number; to: number }): Float64Array {
  const s = withDefaults({ ...SAMPLE_DEFAULTS, from: spec.from, to: spec.to }, spec);
  checkTime(MODULE, 'from', s.from);
  checkTime(MODULE, 'to', s.to);
  if (s.from > s.to) throw invalidOption(MODULE, 'from', `must not be after "to" (${s.to})`, s.from);
  checkInteger(MODULE, 'maxPoints', s.maxPoints, 1);
  let count: number;
  let step: number;
  if (s.step !== null) {
    checkNumber(MODULE, 'step', s.step, Number.MIN_VALUE, Infinity);
    count = Math.floor((s.to - s.from) / s.step + 1e-9) + 1;
    step = s.step;
  } else {
    checkInteger(MODULE, 'points', s.points, 1);
    count = s.from === s.to ? 1 : (s.points as number);
    step = count > 1 ? (s.to - s.from) / (count - 1) : 0;
  }
  if (count > s.maxPoints) {
    throw invalidOption(MODULE, s.step !== null ? 'step' : 'points', `gives ${count} samples, more than maxPoints = ${s.maxPoints}`, s.step ?? s.points);
  }
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = s.from + i * step;
  if (s.step === null && count > 1) times[count - 1] = s.to;
  return times;
}

/** One person's decay curve over [from, to]. */
export function decayCurve(table: InteractionTable, person: string, options: Partial<CurveOptions> & { from: number; to: number }): DecayCurve {
  const opts = checkCurveOptions(withDefaults({ ...DEFAULTS, from: options.from, to: options.to }, options));
  const index = personIndex(table.projection, person);
  const times = sampleTimes(opts);
  const K = times.length;
  const positive = new Float64Array(K);
  const negative = new Float64Array(K);
  const series = opts.basis === 'activity' ? table.drives : table.rows;
  const filter = eventFilter(table, opts);
  sampleSeries(series, series.offset[index], series.offset[index + 1], times, positive, negative, 0, filter);
  const total = new Array<number>(K);
  for (let i = 0; i < K; i++) total[i] = positive[i] + negative[i];
  return { person, basis: opts.basis, times: Array.from(times), total, positive: Array.from(positive), negative: Array.from(negative) };
}

/** Curves of many people (all when `people` is null) on the same samples, row-major: person i at [i·K, (i+1)·K). */
export interface DecayCurveBatch {
  basis: CurveBasis;
  times: Float64Array;
  people: string[];
  points: number;
  total: Float64Array;
  positive: Float64Array;
  negative: Float64Array;
}

/** Memory: 24·people·K bytes. */
export function decayCurves(
  table: InteractionTable,
  options: Partial<CurveOptions> & { from: number; to: number; people?: readonly string[] | null },
): DecayCurveBatch {
  const opts = checkCurveOptions(withDefaults({ ...DEFAULTS, from: options.from, to: options.to }, options));
  const indices = options.people ? options.people.map((p) => personIndex(table.projection, p)) : table.projection.people.map((_, i) => i);
  const times = sampleTimes(opts);
  const K = times.length;
  const positive = new Float64Array(indices.length * K);
  const negative = new Float64Array(indices.length * K);
  const series = opts.basis === 'activity' ? table.drives : table.rows;
  const filter = eventFilter(table, opts);
  for (let i = 0; i < indices.length; i++) {
    const p = indices[i];
    sampleSeries(series, series.offset[p], series.offset[p + 1], times, positive, negative, i * K, filter);
  }
  const total = new Float64Array(indices.length * K);
  for (let k = 0; k < total.length; k++) total[k] = positive[k] + negative[k];
  return { basis: opts.basis, times, people: indices.map((i) => table.projection.people[i].id), points: K, total, positive, negative };
}

export interface InfluenceAtOptions {
  basis: CurveBasis;
  sector: string | readonly string[] | null;
  medium: string | readonly string[] | null;
}

export const INFLUENCE_AT_DEFAULTS: InfluenceAtOptions = { basis: 'activity', sector: null, medium: null };

/** Everyone's influence at t, indexed like `projection.people`. */
export interface InfluenceVector {
  at: number;
  basis: CurveBasis;
  total: Float64Array;
  positive: Float64Array;
  negative: Float64Array;
}

/** Everyone's decayed influence at `at`: O(L) for activity, O(R) for strength. */
export function influenceAt(table: InteractionTable, at: number, options?: Partial<InfluenceAtOptions>): InfluenceVector {
  const opts = withDefaults(INFLUENCE_AT_DEFAULTS, options);
  checkTime(MODULE, 'at', at);
  checkOneOf(MODULE, 'basis', opts.basis, CURVE_BASES);
  const n = table.people;
  const positive = new Float64Array(n);
  const negative = new Float64Array(n);
  const filter = eventFilter(table, opts);
  const series = opts.basis === 'activity' ? table.drives : table.rows;
  const { code, p1, p2 } = series;
  for (let p = 0; p < n; p++) {
    let pos = 0;
    let neg = 0;
    const end = series.offset[p + 1];
    for (let j = series.offset[p]; j < end; j++) {
      const t0 = series.at[j];
      if (t0 > at) break;
      const e = series.event[j];
      if (filter !== null && !filter(e)) continue;
      const f = evaluateFade(code[j], p1[j], p2[j], at - t0);
      pos += series.positive[j] * f;
      neg += series.negative[j] * f;
    }
    positive[p] = pos;
    negative[p] = neg;
  }
  const total = new Float64Array(n);
  for (let p = 0; p < n; p++) total[p] = positive[p] + negative[p];
  return { at, basis: opts.basis, total, positive, negative };
}

export interface RankOptions extends InfluenceAtOptions {
  /** which part orders the ranking */
  polarity: Polarity;
  limit: number;
  offset: number;
}

export const RANK_DEFAULTS: RankOptions = { ...INFLUENCE_AT_DEFAULTS, polarity: 'total', limit: 100, offset: 0 };

export interface RankedPerson {
  rank: number;
  id: string;
  name: string;
  total: number;
  positive: number;
  negative: number;
}

export interface InfluenceRanking {
  at: number;
  basis: CurveBasis;
  polarity: Polarity;
  /** people with influence > 0 under this polarity */
  ranked: number;
  items: RankedPerson[];
}

/** People ordered by influence at `at` (ties by person index), the page [offset, offset+limit). Zeros are left out. */
export function rankByInfluenceAt(table: InteractionTable, at: number, options?: Partial<RankOptions>): InfluenceRanking {
  const opts = withDefaults(RANK_DEFAULTS, options);
  checkOneOf(MODULE, 'polarity', opts.polarity, POLARITIES);
  checkInteger(MODULE, 'limit', opts.limit, 0);
  checkInteger(MODULE, 'offset', opts.offset, 0);
  const vector = influenceAt(table, at, opts);
  const key = vector[opts.polarity];
  const { ranked, page } = topByValue(key, opts.offset + opts.limit);
  const { people } = table.projection;
  const items = page.slice(opts.offset).map((p, i) => ({
    rank: opts.offset + i + 1,
    id: people[p].id,
    name: people[p].name,
    total: vector.total[p],
    positive: vector.positive[p],
    negative: vector.negative[p],
  }));
  return { at, basis: opts.basis, polarity: opts.polarity, ranked, items };
}

/**
 * The indices of the `count` largest positive values, by value descending then index, and how many are
 * positive. Finds the count-th largest value with a native sort of the values, then sorts only the indices at
 * or above it: O(n log n) in native code instead of a comparator sort of every index.
 */
function topByValue(values: Float64Array, count: number): { ranked: number; page: number[] } {
  let ranked = 0;
  for (let p = 0; p < values.length; p++) if (values[p] > 0) ranked++;
  if (count === 0 || ranked === 0) return { ranked, page: [] };
  const positive = new Float64Array(ranked);
  for (let p = 0, k = 0; p < values.length; p++) if (values[p] > 0) positive[k++] = values[p];
  positive.sort();
  const threshold = positive[Math.max(0, ranked - count)];
  const page: number[] = [];
  for (let p = 0; p < values.length; p++) if (values[p] >= threshold && values[p] > 0) page.push(p);
  page.sort((a, b) => values[b] - values[a] || a - b);
  return { ranked, page: page.slice(0, count) };
}

/** Scores per person index (length = people) for a decayed projection. */
export type EdgeRanker = (edges: InfluenceEdges) => ArrayLike<number>;

export interface TemporalCentralityOptions extends Omit<SampleSpec, 'from' | 'to'> {
  /** the centrality to run on the decayed projection at each sample: `pagerankRanker(table)` from
   *  temporal-pagerank.ts (influence PageRank, direction 'reverse'), or any (edges) => scores by person index */
  rank: EdgeRanker;
  polarity: Polarity;
  sector: string | readonly string[] | null;
  medium: string | readonly string[] | null;
  epsilon: number;
}

export const TEMPORAL_CENTRALITY_DEFAULTS: Omit<TemporalCentralityOptions, 'rank'> = {
  step: null,
  points: 24,
  maxPoints: 60,
  polarity: 'total',
  sector: null,
  medium: null,
  epsilon: 1e-6,
};

export interface CentralityCurves {
  times: number[];
  people: string[];
  /** values[i][k]: person i's score at times[k] */
  values: number[][];
}

/**
 * Temporal centrality of some people at each sample: the ranker runs on the decayed projection at every t.
 * Cost: K × (O(R) projection + the ranker's cost); K is capped by `maxPoints` (default 60).
 */
export function temporalCentralityCurves(
  table: InteractionTable,
  people: readonly string[],
  options: Partial<TemporalCentralityOptions> & { from: number; to: number; rank: EdgeRanker },
): CentralityCurves {
  const opts = withDefaults({ ...TEMPORAL_CENTRALITY_DEFAULTS, from: options.from, to: options.to, rank: options.rank }, options);
  if (typeof opts.rank !== 'function') throw invalidOption(MODULE, 'rank', 'must be a function (edges) => scores', opts.rank);
  const indices = people.map((p) => personIndex(table.projection, p));
  const times = sampleTimes(opts);
  const values = indices.map(() => new Array<number>(times.length).fill(0));
  for (let k = 0; k < times.length; k++) {
    const edges = decayedProjection(table, { at: times[k], polarity: opts.polarity, sector: opts.sector, medium: opts.medium, epsilon: opts.epsilon });
    const scores = opts.rank(edges);
    if (!scores || scores.length !== table.people) {
      throw new InfluenceInputError(MODULE, 'invalid_option', `the ranker returned ${scores?.length} scores for ${table.people} people`);
    }
    for (let i = 0; i < indices.length; i++) values[i][k] = scores[indices[i]];
  }
  return { times: Array.from(times), people: [...people], values };
}

/** Whether an event (by index) passes the sector/medium filter; null when there is no filter. */
type EventFilter = ((event: number) => boolean) | null;

function eventFilter(table: InteractionTable, opts: { sector: string | readonly string[] | null; medium: string | readonly string[] | null }): EventFilter {
  const { events } = table.projection;
  const sectors = dictionaryMask(opts.sector, events.sectors, 'sector');
  const media = dictionaryMask(opts.medium, events.media, 'medium');
  if (sectors === null && media === null) return null;
  const { sector, medium } = events;
  return (e) => (sectors === null || sectors[sector[e]] === 1) && (media === null || media[medium[e]] === 1);
}

/**
 * Adds Σ mass·fade(t − at) of series entries [start, end) at each sorted time into outPos/outNeg[outOffset + i].
 * Entries are in time order. Grouped by fade so exponential, window and none run in O(n + K) per group.
 */
export function sampleSeries(
  series: PersonSeries,
  start: number,
  end: number,
  times: Float64Array,
  outPos: Float64Array,
  outNeg: Float64Array,
  outOffset: number,
  filter: EventFilter = null,
): void {
  const n = end - start;
  if (n <= 0) return;
  const { code, p1, p2 } = series;
  // Group entries by fade (code, p1, p2); most people have one to three groups.
  const groupCode: number[] = [];
  const groupP1: number[] = [];
  const groupP2: number[] = [];
  const groupOf = new Int32Array(n);
  const groupSize: number[] = [];
  for (let j = 0; j < n; j++) {
    const k = start + j;
    if (filter !== null && !filter(series.event[k])) {
      groupOf[j] = -1;
      continue;
    }
    const c = code[k];
    const a = p1[k];
    const b = p2[k];
    let g = groupCode.length - 1;
    while (g >= 0 && !(groupCode[g] === c && groupP1[g] === a && groupP2[g] === b)) g--;
    if (g < 0) {
      g = groupCode.length;
      groupCode.push(c);
      groupP1.push(a);
      groupP2.push(b);
      groupSize.push(0);
    }
    groupOf[j] = g;
    groupSize[g]++;
  }
  const G = groupCode.length;
  if (G === 0) return;
  // Entries of each group, still in time order.
  const groupStart = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) groupStart[g + 1] = groupStart[g] + groupSize[g];
  const cursor = groupStart.slice(0, G);
  const members = new Int32Array(groupStart[G]);
  for (let j = 0; j < n; j++) if (groupOf[j] >= 0) members[cursor[groupOf[j]]++] = start + j;

  const { at, positive, negative } = series;
  const K = times.length;
  for (let g = 0; g < G; g++) {
    const first = groupStart[g];
    const last = groupStart[g + 1];
    const c = groupCode[g];
    const a = groupP1[g];
    const b = groupP2[g];
    if (c === FADE_EXPONENTIAL) {
      let pos = 0;
      let neg = 0;
      let next = first;
      for (let i = 0; i < K; i++) {
        const t = times[i];
        if (i > 0 && (pos !== 0 || neg !== 0)) {
          const decay = Math.exp(-a * (t - times[i - 1]));
          pos *= decay;
          neg *= decay;
        }
        while (next < last && at[members[next]] <= t) {
          const m = members[next++];
          const f = Math.exp(-a * (t - at[m]));
          pos += positive[m] * f;
          neg += negative[m] * f;
        }
        outPos[outOffset + i] += pos;
        outNeg[outOffset + i] += neg;
      }
    } else if (c === FADE_WINDOW || c === FADE_NONE) {
      // Sliding sum of the entries with t − window ≤ at ≤ t (window = ∞ for none).
      const span = c === FADE_WINDOW ? a : Infinity;
      let pos = 0;
      let neg = 0;
      let hi = first;
      let lo = first;
      for (let i = 0; i < K; i++) {
        const t = times[i];
        while (hi < last && at[members[hi]] <= t) {
          pos += positive[members[hi]];
          neg += negative[members[hi]];
          hi++;
        }
        while (lo < hi && t - at[members[lo]] > span) {
          pos -= positive[members[lo]];
          neg -= negative[members[lo]];
          lo++;
        }
        if (lo === hi) {
          // Exact zero when the window is empty, whatever the rounding of the running sum.
          pos = 0;
          neg = 0;
        }
        outPos[outOffset + i] += pos;
        outNeg[outOffset + i] += neg;
      }
    } else if (c === FADE_POWER) {
      let hi = first;
      for (let i = 0; i < K; i++) {
        const t = times[i];
        while (hi < last && at[members[hi]] <= t) hi++;
        let pos = 0;
        let neg = 0;
        for (let k = first; k < hi; k++) {
          const m = members[k];
          const f = Math.pow(1 + (t - at[m]) * a, -b);
          pos += positive[m] * f;
          neg += negative[m] * f;
        }
        outPos[outOffset + i] += pos;
        outNeg[outOffset + i] += neg;
      }
    } else {
      throw new InfluenceInputError(MODULE, 'invalid_option', `unknown fade code ${c}`);
    }
  }
}

function checkCurveOptions<T extends CurveOptions & { from: number; to: number }>(opts: T): T {
  checkOneOf(MODULE, 'basis', opts.basis, CURVE_BASES);
  return opts;
}

function personIndex(projection: Projection, person: string): number {
  const index = projection.indexOf.get(person);
  if (index === undefined) throw unknownPerson(MODULE, person);
  return index;
}
