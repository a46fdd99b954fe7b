/**
 * The interaction table: a projection's events flattened once into typed columns, so decayed projections,
 * curves and breakdowns at many times t are cheap. Build it once per projection (and fade config) and reuse it.
 *
 * What it holds (people and events by their dense projection index):
 * - `rows`: one row per (event, driver, reached person): src = driver, dst = reached, at, positive =
 *   m·w·(1+v)/2 and negative = m·w·(1−v)/2 (m magnitude, w REACHED weight, v valence; their sum is the
 *   sign-free amount m·w), the event (for its sector and medium), its fade (code, p1, p2: see fade.ts) and
 *   `pair`, the dense id of the directed (src, dst) pair, so parallel rows merge into one edge by indexing.
 *   Rows are grouped by src (CSR: src p's rows are [offset[p], offset[p+1])) and in time order within a
 *   group: a person's outgoing influence is one contiguous, time-sorted run, and the pairs of one src are
 *   numbered contiguously, so every hot loop streams through memory. Every driver of an event carries its
 *   full magnitude. A driver who also reached themself adds no row unless `selfLoops` is set.
 * - `pairs`: the distinct directed (src, dst) pairs, by src: the static influence graph's edges.
 * - `drives`: per person (same CSR layout, time order inside), the events they DROVE with positive/negative
 *   magnitude (no REACHED weight) and fade: activity, including broadcasts, which reach no one.
 * - `order`: all events with a time, in time order. `fades`: per-event fade columns. `withFades` swaps the
 *   fade config, recopying only the fade columns. Events without a finite time are left out (`skippedEvents`).
 *
 * Direction convention (DESIGN.md): influence flows from the people who DROVE an event to the people it REACHED.
 *
 * Cost: O(E) to order events by time (LSD radix sort on the float bits; a check skips it when they already
 * come in order), O(L + R + n) for L links, R rows, n people with counting sorts and no hashing. At ~1M rows
 * random memory access is what costs (~50 ns each on the bench machine), so events are first copied into
 * time-ordered 64-byte records and rows are placed in two phases, a handful of random accesses per row.
 * Memory ≈ 57 bytes per row and 45 per DROVE link kept; 64 bytes per event and 12 per row while building.
 * Why not graphology: ~400 bytes and ~7 µs per edge (GOTCHAS.md); the graph is built from this table only
 * when asked for (influence-graph.ts).
 */
import type { LinkColumns, Projection } from '../../domain/projection.ts';
import { InfluenceInputError, invalidOption, withDefaults } from './errors.ts';
import { DEFAULT_FADE_CONFIG, type FadeConfig, resolveFades, type ResolvedFades } from './fade.ts';

const MODULE = 'interaction-table';

export interface InteractionTableOptions {
  /** fade defaults by kind and sector (events' own fades always win) */
  fades: FadeConfig;
  /** keep rows where a driver reaches themself (dropped by default: nobody influences themself) */
  selfLoops: boolean;
}

export const DEFAULTS: InteractionTableOptions = { fades: DEFAULT_FADE_CONFIG, selfLoops: false };

/** Per-person series in CSR form: person p's entries are [offset[p], offset[p+1]), in time order. */
export interface PersonSeries {
  /** length people + 1 */
  offset: Uint32Array;
  event: Uint32Array;
  at: Float64Array;
  positive: Float64Array;
  negative: Float64Array;
  /** the event's fade, copied per entry (see fade.ts `evaluateFade`) */
  code: Uint8Array;
  p1: Float64Array;
  p2: Float64Array;
}

/** The driver × reached rows, a PersonSeries by src. */
export interface InteractionRows extends PersonSeries {
  count: number;
  src: Uint32Array;
  dst: Uint32Array;
  pair: Uint32Array;
}

export interface InteractionTable {
  readonly type: 'interaction-table';
  projection: Projection;
  /** number of people (node indices 0..people−1) */
  people: number;
  fades: ResolvedFades;
  /** events with a finite time, in time order (ties by index) */
  order: Uint32Array;
  rows: InteractionRows;
  /** distinct directed pairs, ordered by src (pair k of src p lies in [pairOffset[p], pairOffset[p+1])) */
  pairs: { count: number; src: Uint32Array; dst: Uint32Array; offset: Uint32Array };
  drives: PersonSeries;
  /** first and last event time (NaN when there are no events) */
  firstAt: number;
  lastAt: number;
  skippedEvents: number;
  selfLoops: boolean;
}

export function buildInteractionTable(projection: Projection, options?: Partial<InteractionTableOptions>): InteractionTable {
  const opts = withDefaults(DEFAULTS, options);
  if (typeof opts.selfLoops !== 'boolean') throw invalidOption(MODULE, 'selfLoops', 'must be a boolean', opts.selfLoops);
  checkProjection(projection);
  const { events } = projection;
  const people = projection.people.length;
  const E = events.count;
  const fades = resolveFades(events, opts.fades);
  const order = timeOrder(events.at, E);
  const V = order.length;

  // Random memory access dominates at this size (~50 ns each), so events are first laid out in time order,
  // one 64-byte record each, and every later pass reads links and records sequentially.
  const rank = new Int32Array(E).fill(-1);
  for (let i = 0; i < V; i++) rank[order[i]] = i;
  const record = new Float64Array(V * RECORD);
  for (let e = 0; e < E; e++) {
    const i = rank[e];
    if (i < 0) continue;
    const o = i * RECORD;
    record[o] = events.at[e];
    record[o + 1] = events.magnitude[e];
    record[o + 2] = events.valence[e];
    record[o + 3] = fades.code[e];
    record[o + 4] = fades.p1[e];
    record[o + 5] = fades.p2[e];
    record[o + 6] = e;
  }
  const drove = linksByPosition(projection.drove, rank, V);
  const reached = linksByPosition(projection.reached, rank, V);

  // Rows per src, placed in time order (phase 1: position, dst, weight), then filled from the records in
  // row order (phase 2), so each src's run is time-sorted.
  const rowOffset = new Uint32Array(people + 1);
  for (let i = 0; i < V; i++) {
    for (let a = drove.offset[i]; a < drove.offset[i + 1]; a++) {
      const d = drove.person[a];
      let n = 0;
      for (let b = reached.offset[i]; b < reached.offset[i + 1]; b++) if (opts.selfLoops || reached.person[b] !== d) n++;
      rowOffset[d + 1] += n;
    }
  }
  prefixSum(rowOffset);
  const rowCount = rowOffset[people];
  const rows: InteractionRows = {
    ...emptySeries(rowOffset, rowCount),
    count: rowCount,
    src: new Uint32Array(rowCount),
    dst: new Uint32Array(rowCount),
    pair: new Uint32Array(rowCount),
  };
  const rowPosition = new Uint32Array(rowCount);
  const rowWeight = new Float64Array(rowCount);
  const cursor = rowOffset.slice(0, people);
  for (let i = 0; i < V; i++) {
    for (let a = drove.offset[i]; a < drove.offset[i + 1]; a++) {
      const d = drove.person[a];
      for (let b = reached.offset[i]; b < reached.offset[i + 1]; b++) {
        const t = reached.person[b];
        if (!opts.selfLoops && t === d) continue;
        const r = cursor[d]++;
        rowPosition[r] = i;
        rows.dst[r] = t;
        rowWeight[r] = reached.weight[b];
      }
    }
  }
  for (let p = 0; p < people; p++) rows.src.fill(p, rowOffset[p], rowOffset[p + 1]);
  for (let r = 0; r < rowCount; r++) {
    const o = rowPosition[r] * RECORD;
    const amount = record[o + 1] * rowWeight[r];
    const v = record[o + 2];
    rows.at[r] = record[o];
    rows.positive[r] = (amount * (1 + v)) / 2;
    rows.negative[r] = (amount * (1 - v)) / 2;
    rows.code[r] = record[o + 3];
    rows.p1[r] = record[o + 4];
    rows.p2[r] = record[o + 5];
    rows.event[r] = record[o + 6];
  }

  // Pairs: within each src's run, number each new dst (a marker per person, no hashing).
  const lastSrc = new Int32Array(people).fill(-1);
  const pairOf = new Uint32Array(people);
  const pairSrc = new Uint32Array(rowCount);
  const pairDst = new Uint32Array(rowCount);
  const pairOffset = new Uint32Array(people + 1);
  let pairCount = 0;
  for (let p = 0; p < people; p++) {
    pairOffset[p] = pairCount;
    for (let r = rowOffset[p]; r < rowOffset[p + 1]; r++) {
      const t = rows.dst[r];
      if (lastSrc[t] !== p) {
        lastSrc[t] = p;
        pairOf[t] = pairCount;
        pairSrc[pairCount] = p;
        pairDst[pairCount] = t;
        pairCount++;
      }
      rows.pair[r] = pairOf[t];
    }
  }
  pairOffset[people] = pairCount;

  // Activity: each person's DROVE links in time order, the same two phases.
  const driveOffset = new Uint32Array(people + 1);
  for (let a = 0; a < drove.person.length; a++) driveOffset[drove.person[a] + 1]++;
  prefixSum(driveOffset);
  const driveCount = driveOffset[people];
  const drives = emptySeries(driveOffset, driveCount);
  const drivePosition = new Uint32Array(driveCount);
  const driveCursor = driveOffset.slice(0, people);
  for (let i = 0; i < V; i++) {
    for (let a = drove.offset[i]; a < drove.offset[i + 1]; a++) drivePosition[driveCursor[drove.person[a]]++] = i;
  }
  for (let k = 0; k < driveCount; k++) {
    const o = drivePosition[k] * RECORD;
    const m = record[o + 1];
    const v = record[o + 2];
    drives.at[k] = record[o];
    drives.positive[k] = (m * (1 + v)) / 2;
    drives.negative[k] = (m * (1 - v)) / 2;
    drives.code[k] = record[o + 3];
    drives.p1[k] = record[o + 4];
    drives.p2[k] = record[o + 5];
    drives.event[k] = record[o + 6];
  }

  return {
    type: 'interaction-table',
    projection,
    people,
    fades,
    order,
    rows,
    pairs: { count: pairCount, src: pairSrc.slice(0, pairCount), dst: pairDst.slice(0, pairCount), offset: pairOffset },
    drives,
    firstAt: order.length ? events.at[order[0]] : Number.NaN,
    lastAt: order.length ? events.at[order[order.length - 1]] : Number.NaN,
    skippedEvents: E - order.length,
    selfLoops: opts.selfLoops,
  };
}

/** The same table with every event's fade re-resolved under `config`: O(E + L + R), only fade columns copied. */
export function withFades(table: InteractionTable, config: FadeConfig): InteractionTable {
  const fades = resolveFades(table.projection.events, config);
  const rows = { ...table.rows, code: new Uint8Array(table.rows.count), p1: new Float64Array(table.rows.count), p2: new Float64Array(table.rows.count) };
  const n = table.drives.event.length;
  const drives = { ...table.drives, code: new Uint8Array(n), p1: new Float64Array(n), p2: new Float64Array(n) };
  copyFades(rows, fades);
  copyFades(drives, fades);
  return { ...table, fades, rows, drives };
}

/** `source` itself when it is a table, else a table built from the projection with `options`. */
export function asInteractionTable(source: Projection | InteractionTable, options?: Partial<InteractionTableOptions>): InteractionTable {
  return isInteractionTable(source) ? source : buildInteractionTable(source, options);
}

export function isInteractionTable(value: unknown): value is InteractionTable {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'interaction-table';
}

/** First index in sorted `values[start..end)` whose value is > t. */
export function upperBound(values: Float64Array, start: number, end: number, t: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in sorted `values[start..end)` whose value is ≥ t. */
export function lowerBound(values: Float64Array, start: number, end: number, t: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function copyFades(series: PersonSeries, fades: ResolvedFades): void {
  const { event, code, p1, p2 } = series;
  for (let k = 0; k < event.length; k++) {
    const e = event[k];
    code[k] = fades.code[e];
    p1[k] = fades.p1[e];
    p2[k] = fades.p2[e];
  }
}

/** Indices of the events with a finite time, sorted by time, ties by index. */
function timeOrder(at: Float64Array, count: number): Uint32Array {
  let valid = 0;
  let sorted = true;
  let previous = -Infinity;
  for (let e = 0; e < count; e++) {
    const t = at[e];
    if (!Number.isFinite(t)) continue;
    valid++;
    if (t < previous) sorted = false;
    previous = t;
  }
  const order = new Uint32Array(valid);
  let k = 0;
  for (let e = 0; e < count; e++) if (Number.isFinite(at[e])) order[k++] = e;
  return sorted ? order : radixSortByTime(order, at);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Stable LSD radix sort of `indices` by at[index]: the IEEE-754 bits mapped to unsigned integers that order
 * like the numbers (flip every bit of negatives, the sign bit of the rest), eight 8-bit passes (256 buckets
 * keep the scatter cache-friendly), a pass skipped when every key shares its digit. O(8·n).
 */
function radixSortByTime(indices: Uint32Array, at: Float64Array): Uint32Array {
  const n = indices.length;
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  const [low, high] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  let index: Uint32Array = indices;
  let lo: Uint32Array = new Uint32Array(n);
  let hi: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    scratch[0] = at[index[i]] + 0; // + 0 turns −0 into +0
    let h = words[high];
    let l = words[low];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let nextIndex: Uint32Array = new Uint32Array(n);
  let nextLo: Uint32Array = new Uint32Array(n);
  let nextHi: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const key = pass < 4 ? lo : hi;
    const shift = (pass % 4) * 8;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i] >>> shift) & 0xff]++;
    if (counts[(key[0] >>> shift) & 0xff] === n) continue; // every key has this digit
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    const carryLo = pass < 3; // the low word is not needed after the last pass that reads it
    for (let i = 0; i < n; i++) {
      const slot = counts[(key[i] >>> shift) & 0xff]++;
      nextIndex[slot] = index[i];
      nextHi[slot] = hi[i];
      if (carryLo) nextLo[slot] = lo[i];
    }
    [index, nextIndex] = [nextIndex, index];
    [hi, nextHi] = [nextHi, hi];
    if (carryLo) [lo, nextLo] = [nextLo, lo];
  }
  return index;
}

/** Floats per event record: at, magnitude, valence, fade code, p1, p2, event index, (padding to 64 bytes). */
const RECORD = 8;

/** DROVE or REACHED links grouped by the time position of their event (events without a time dropped). */
function linksByPosition(links: LinkColumns, rank: Int32Array, positions: number): { offset: Uint32Array; person: Uint32Array; weight: Float64Array } {
  const offset = new Uint32Array(positions + 1);
  for (let k = 0; k < links.count; k++) {
    const i = rank[links.event[k]];
    if (i >= 0) offset[i + 1]++;
  }
  prefixSum(offset);
  const person = new Uint32Array(offset[positions]);
  const weight = new Float64Array(offset[positions]);
  const cursor = offset.slice(0, positions);
  for (let k = 0; k < links.count; k++) {
    const i = rank[links.event[k]];
    if (i < 0) continue;
    const slot = cursor[i]++;
    person[slot] = links.person[k];
    weight[slot] = links.weight[k];
  }
  return { offset, person, weight };
}

function prefixSum(offsets: Uint32Array): void {
  for (let i = 1; i < offsets.length; i++) offsets[i] += offsets[i - 1];
}

function emptySeries(offset: Uint32Array, count: number): PersonSeries {
  return {
    offset,
    event: new Uint32Array(count),
    at: new Float64Array(count),
    positive: new Float64Array(count),
    negative: new Float64Array(count),
    code: new Uint8Array(count),
    p1: new Float64Array(count),
    p2: new Float64Array(count),
  };
}

function checkProjection(projection: Projection): void {
  const p = projection as Partial<Projection> | null;
  if (!p || !Array.isArray(p.people) || !p.events || !p.drove || !p.reached) {
    throw new InfluenceInputError(MODULE, 'invalid_option', 'expected a Projection (people, events, drove, reached)');
  }
  const E = p.events.count;
  const n = p.people.length;
  for (const [links, what] of [
    [p.drove, 'DROVE'],
    [p.reached, 'REACHED'],
  ] as const) {
    for (let k = 0; k < links.count; k++) {
      if (links.event[k] >= E) throw new InfluenceInputError(MODULE, 'invalid_option', `a ${what} link points at event ${links.event[k]}, beyond the ${E} events`);
      if (links.person[k] >= n) throw new InfluenceInputError(MODULE, 'invalid_option', `a ${what} link points at person ${links.person[k]}, beyond the ${n} people`);
    }
  }
}
