/**
 * The person-to-person influence projection as a compact edge list: static, or decayed at a time t.
 *
 *   static:      w(u→v) = Σ_{rows e: u drove e, e reached v} m_e·w_ev·π_e
 *   decayed at t: w_t(u→v) = Σ_{same rows, at_e ≤ t} m_e·w_ev·π_e · fade_e(t − at_e)
 *   π_e = 1 (total), (1+v_e)/2 (positive) or (1−v_e)/2 (negative); m magnitude, w REACHED weight, v valence.
 * Rows can be restricted to an event-time range [from, to], to some sectors and to some media. Edges whose
 * weight is ≤ `epsilon` are dropped (a long-faded tie is no tie). The positive and negative sums are returned
 * beside the chosen weight, whatever the polarity.
 *
 * This is the hot path behind the influence graph (influence-graph.ts) and temporal centrality: centrality
 * kernels can read `src`/`dst`/`weight` directly instead of a graphology graph (whose construction costs
 * ~7 µs per edge, GOTCHAS.md).
 *
 * Cost: O(R_range + P + n log) time for R_range rows in the time range, P distinct pairs and n people (one fade
 * evaluation per row, streaming: rows and pairs are grouped by src), 20·P bytes of scratch, output 48 bytes per
 * kept edge. Edges come out ordered by src.
 */
import { checkNumber, checkOneOf, checkTime, invalidOption, withDefaults } from './errors.ts';
import { FADE_EXPONENTIAL, FADE_POWER, FADE_WINDOW } from './fade.ts';
import { type InteractionTable, lowerBound, upperBound } from './interaction-table.ts';

const MODULE = 'decayed-projection';

export const POLARITIES = ['total', 'positive', 'negative'] as const;
export type Polarity = (typeof POLARITIES)[number];

export interface DecayedProjectionOptions {
  /** epoch ms: decay to this time (events after it count nothing); null for the static projection */
  at: number | null;
  /** keep only events at or after this time (epoch ms) */
  from: number | null;
  /** keep only events at or before this time (epoch ms) */
  to: number | null;
  /** keep only events in this sector (or any of these); unknown names match nothing */
  sector: string | readonly string[] | null;
  /** keep only events through this medium (or any of these) */
  medium: string | readonly string[] | null;
  /** which part of the influence is the edge weight */
  polarity: Polarity;
  /** edges whose weight is ≤ epsilon are dropped */
  epsilon: number;
}

export const DEFAULTS: DecayedProjectionOptions = {
  at: null,
  from: null,
  to: null,
  sector: null,
  medium: null,
  polarity: 'total',
  epsilon: 1e-6,
};

/** Merged directed edges (one per pair), indices into the projection's people. */
export interface InfluenceEdges {
  /** number of people (node indices 0..people−1) */
  people: number;
  at: number | null;
  polarity: Polarity;
  count: number;
  src: Uint32Array;
  dst: Uint32Array;
  /** the edge weight for the chosen polarity */
  weight: Float64Array;
  /** the positive and negative parts (they sum to the total) */
  positive: Float64Array;
  negative: Float64Array;
  /** number of (event, driver, reached) rows merged into the edge */
  events: Uint32Array;
}

export function decayedProjection(table: InteractionTable, options?: Partial<DecayedProjectionOptions>): InfluenceEdges {
  const opts = checkOptions(withDefaults(DEFAULTS, options));
  const { rows, pairs } = table;
  const events = table.projection.events;
  const sectorMask = dictionaryMask(opts.sector, events.sectors, 'sector');
  const mediumMask = dictionaryMask(opts.medium, events.media, 'medium');

  const pos = new Float64Array(pairs.count);
  const neg = new Float64Array(pairs.count);
  const cnt = new Uint32Array(pairs.count);
  const at = opts.at;
  const decayed = at !== null;
  const now = at ?? 0;
  const from = opts.from ?? -Infinity;
  const until = Math.min(opts.to ?? Infinity, at ?? Infinity);
  const filtered = sectorMask !== null || mediumMask !== null;
  const { offset, code, p1, p2, pair: pairOf, positive, negative, event } = rows;
  const times = rows.at;
  for (let p = 0; p < table.people; p++) {
    // p's rows are time-sorted: cut them to [from, until] by binary search when needed.
    let start = offset[p];
    let end = offset[p + 1];
    if (start === end) continue;
    if (times[start] < from) start = lowerBound(times, start, end, from);
    if (start < end && times[end - 1] > until) end = upperBound(times, start, end, until);
    for (let r = start; r < end; r++) {
      if (filtered) {
        const e = event[r];
        if (sectorMask !== null && sectorMask[events.sector[e]] === 0) continue;
        if (mediumMask !== null && mediumMask[events.medium[e]] === 0) continue;
      }
      let f = 1;
      if (decayed) {
        // evaluateFade inlined (hot loop); rows up to `until` ≤ at have Δ ≥ 0
        const delta = now - times[r];
        const c = code[r];
        if (c === FADE_EXPONENTIAL) f = Math.exp(-p1[r] * delta);
        else if (c === FADE_POWER) f = Math.pow(1 + delta * p1[r], -p2[r]);
        else if (c === FADE_WINDOW) f = delta <= p1[r] ? 1 : 0;
      }
      const k = pairOf[r];
      pos[k] += positive[r] * f;
      neg[k] += negative[r] * f;
      cnt[k]++;
    }
  }

  let kept = 0;
  const weightOf = (p: number) => (opts.polarity === 'total' ? pos[p] + neg[p] : opts.polarity === 'positive' ? pos[p] : neg[p]);
  for (let p = 0; p < pairs.count; p++) if (cnt[p] > 0 && weightOf(p) > opts.epsilon) kept++;
  const out: InfluenceEdges = {
    people: table.people,
    at,
    polarity: opts.polarity,
    count: kept,
    src: new Uint32Array(kept),
    dst: new Uint32Array(kept),
    weight: new Float64Array(kept),
    positive: new Float64Array(kept),
    negative: new Float64Array(kept),
    events: new Uint32Array(kept),
  };
  let k = 0;
  for (let p = 0; p < pairs.count; p++) {
    if (cnt[p] === 0) continue;
    const w = weightOf(p);
    if (!(w > opts.epsilon)) continue;
    out.src[k] = pairs.src[p];
    out.dst[k] = pairs.dst[p];
    out.weight[k] = w;
    out.positive[k] = pos[p];
    out.negative[k] = neg[p];
    out.events[k] = cnt[p];
    k++;
  }
  return out;
}

/**
 * A 0/1 mask over a dictionary (sectors or media) for the names asked for, or null for "no filter".
 * Names that are not in the dictionary match nothing.
 */
export function dictionaryMask(names: string | readonly string[] | null, dictionary: readonly string[], option: string): Uint8Array | null {
  if (names === null) return null;
  const list = typeof names === 'string' ? [names] : names;
  if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) {
    throw invalidOption(MODULE, option, 'must be a name, a list of names or null', names);
  }
  const wanted = new Set(list);
  const mask = new Uint8Array(Math.max(1, dictionary.length));
  for (let i = 0; i < dictionary.length; i++) if (wanted.has(dictionary[i])) mask[i] = 1;
  return mask;
}

function checkOptions(opts: DecayedProjectionOptions): DecayedProjectionOptions {
  if (opts.at !== null) checkTime(MODULE, 'at', opts.at);
  if (opts.from !== null) checkTime(MODULE, 'from', opts.from);
  if (opts.to !== null) checkTime(MODULE, 'to', opts.to);
  if (opts.from !== null && opts.to !== null && opts.from > opts.to) {
    throw invalidOption(MODULE, 'from', `must not be after "to" (${opts.to})`, opts.from);
  }
  checkOneOf(MODULE, 'polarity', opts.polarity, POLARITIES);
  checkNumber(MODULE, 'epsilon', opts.epsilon, 0, Infinity);
  return opts;
}
