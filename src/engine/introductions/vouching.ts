/**
 * How much of an introducer's success counts: credit for a succeeded introduction only in so far as others vouch
 * for the two people it brought together. Reputation systems get gamed (DESIGN.md idea 7); without this, anyone
 * could record twenty people nobody knows, "introduce" them to one another, mark every introduction succeeded
 * and top the introducer ranking. With it, such introductions count for nothing until people outside the
 * introducer's own introductions know the people introduced.
 *
 * Vouching, v(y → x) in [0, 1]: what y's own records say about knowing x. The trust of y's KNOWS tie to x when y
 * declared one (`undeclaredTrust` when it has no trust value), else 1 − exp(−sent / s) for the weight y sent
 * to x (events y DROVE that REACHED x; s = `interactionTrustScale`; broadcasts over `maxEventPairs` pairs do
 * not count). Being written to by x is not vouching for x: anyone can write to anyone.
 *
 * For introducer i, the circle C_i is i and every person in an introduction i made (any status but `suggested`:
 * a request names i without i doing anything). For x in C_i:
 *   outside_i(x)  = Σ_{y ∉ C_i} v(y → x)
 *   standing_i(x) = min(1, outside_i(x) + Σ_{y ∈ C_i, y ≠ i, y ≠ x} v(y → x) · min(1, outside_i(y)))
 * People of the circle vouch for one another only as much as they are themselves vouched for from outside it,
 * and i's own vouching never counts. A succeeded introduction of a and b is credited
 *   credit = min(standing_i(a), standing_i(b))
 * (both sides must be somebody), so a ring of made-up people vouching for each other scores 0, and an honest
 * introducer's introductions of established people score 1.
 *
 * Known limits, stated in the README: a newcomer known only to the introducer and to the person they were
 * introduced to counts for nothing until someone else vouches for them; and a second account outside the
 * circle that vouches for the made-up people lifts them (the collusion rings of rings.ts, personalised PageRank
 * on trusted seeds, and the credits shown beside every record are what catch that).
 *
 * Time: at a time `now`, only what the voucher had said by then counts: a tie from its `since` (its
 * `lastContact` when it has no `since`; a tie with neither counts at every time) and a message from its event's
 * time. All time (`now` null, or at or after the latest of those times), every tie and message counts.
 *
 * Cost: O(T + P + n) for T ties and P driver–reached pairs to build everyone's vouchers, once per graph (kept
 * while the tie columns are the same), plus O(I) and O(Σ over succeeded introductions of the two people's
 * vouchers) per call; at an earlier time, the vouchers of the people looked at are merged again from their ties
 * and messages, O(their ties and messages) per call.
 */
import { statusAt, type Projection } from '../../domain/projection.ts';
import { ACQUAINTANCE_DEFAULTS, groupByEvent, type AcquaintanceOptions } from './acquaintance-graph.ts';

export type VouchingOptions = Pick<AcquaintanceOptions, 'interactionTrustScale' | 'undeclaredTrust' | 'maxEventPairs'>;

export const VOUCHING_DEFAULTS: VouchingOptions = {
  interactionTrustScale: ACQUAINTANCE_DEFAULTS.interactionTrustScale,
  undeclaredTrust: ACQUAINTANCE_DEFAULTS.undeclaredTrust,
  maxEventPairs: ACQUAINTANCE_DEFAULTS.maxEventPairs,
};

/** Vouchers by the person vouched for (CSR): rows start[x] .. start[x + 1] of `voucher` and `value`. */
interface VoucherRows {
  start: Uint32Array;
  voucher: Uint32Array;
  value: Float64Array;
}

/**
 * Everyone's vouchers, one entry per voucher, all time (`merged`), and what they are merged from (`arcs`): one
 * entry per tie (`declared` 1, `value` its trust) or message (`value` the weight it reached x with), in the
 * order the merge reads them, with the time it counts from (NaN: always). `latest`: the latest of those times
 * (−∞ when none is known). Depends on ties and events only, so it is built once per graph and kept (`tables`).
 */
interface VoucherTable {
  merged: VoucherRows;
  arcs: VoucherRows & { declared: Uint8Array; time: Float64Array };
  latest: number;
  /** the merge's O(n) scratch, built once with the table and reused by every call at a time */
  merger: RowMerger;
}

type VouchingSource = Pick<Projection, 'people' | 'ties' | 'events' | 'drove' | 'reached'>;

/**
 * Tables by the tie columns they were read from: introductions change far more often than ties and events, and
 * a projection refreshed for introductions only keeps the same columns (influence.service.ts), so recording an
 * introduction does not read a million ties again.
 */
const tables = new WeakMap<object, { n: number; source: Pick<VouchingSource, 'events' | 'drove' | 'reached'>; options: VouchingOptions; table: VoucherTable }>();

function voucherTable(source: VouchingSource, o: VouchingOptions): VoucherTable {
  const kept = tables.get(source.ties);
  if (
    kept &&
    kept.n === source.people.length &&
    kept.source.events === source.events &&
    kept.source.drove === source.drove &&
    kept.source.reached === source.reached &&
    kept.options.interactionTrustScale === o.interactionTrustScale &&
    kept.options.undeclaredTrust === o.undeclaredTrust &&
    kept.options.maxEventPairs === o.maxEventPairs
  ) {
    return kept.table;
  }
  const table = buildVoucherTable(source, o);
  tables.set(source.ties, { n: source.people.length, source: { events: source.events, drove: source.drove, reached: source.reached }, options: { ...o }, table });
  return table;
}

/**
 * The credit of each introduction of `projection.introductions`, in [0, 1], aligned with it: for a succeeded
 * one min(standing(a), standing(b)) within its introducer's circle; 1 for every other (only successes are
 * credited, so only they need vouching). `now`: introductions after it are left out of the circles, as the
 * records leave them out, and each has the status it had then (projection.ts, statusAt). `only`: credit the introductions of this introducer alone (the others read 1), for
 * one person's record over time.
 */
export function introductionCredits(
  projection: Pick<Projection, 'people' | 'introductions' | 'ties' | 'events' | 'drove' | 'reached'>,
  options: Partial<VouchingOptions> = {},
  now: number | null = null,
  only: number | null = null,
): Float64Array {
  const o: VouchingOptions = { ...VOUCHING_DEFAULTS, ...options };
  const n = projection.people.length;
  const intros = projection.introductions;
  const credits = new Float64Array(intros.length).fill(1);
  const counts = (k: number): boolean => {
    const t = intros[k];
    const status = statusAt(t, now);
    return status !== null && status !== 'suggested' && (only === null || t.introducer === only) && t.introducer < n && t.a < n && t.b < n;
  };
  const succeeded = (k: number): boolean => statusAt(intros[k], now) === 'succeeded';

  // each introducer's circle
  const circles = new Map<number, Set<number>>();
  for (let k = 0; k < intros.length; k++) {
    if (!counts(k)) continue;
    const { introducer, a, b } = intros[k];
    let circle = circles.get(introducer);
    if (!circle) circles.set(introducer, (circle = new Set([introducer])));
    circle.add(a);
    circle.add(b);
  }
  if (!intros.some((_, k) => counts(k) && succeeded(k))) return credits;
  const table = voucherTable(projection, o);
  const rows: Vouchers = now === null || now >= table.latest ? new AllTime(table.merged) : new VouchersAt(table, now);
  const { voucher, value } = rows;

  // min(1, outside_i(x)), once per introducer and person
  const outsideMemo = new Map<Set<number>, Map<number, number>>();
  const outside = (circle: Set<number>, x: number): number => {
    let memo = outsideMemo.get(circle);
    if (!memo) outsideMemo.set(circle, (memo = new Map()));
    let sum = memo.get(x);
    if (sum === undefined) {
      sum = 0;
      for (let e = rows.lo(x), end = rows.hi(x); e < end; e++) if (!circle.has(voucher[e])) sum += value[e];
      memo.set(x, (sum = Math.min(1, sum)));
    }
    return sum;
  };
  for (let k = 0; k < intros.length; k++) {
    if (!counts(k) || !succeeded(k)) continue;
    const { introducer, a, b } = intros[k];
    const circle = circles.get(introducer)!;
    const standing = (x: number): number => {
      let sum = 0;
      for (let e = rows.lo(x), end = rows.hi(x); e < end; e++) {
        const y = voucher[e];
        if (!circle.has(y)) sum += value[e];
        else if (y !== introducer) sum += value[e] * outside(circle, y);
        if (sum >= 1) return 1;
      }
      return sum;
    };
    credits[k] = a === b ? 0 : Math.min(standing(a), standing(b));
  }
  return credits;
}

/**
 * One person's vouchers as a merge of their arcs: per voucher, the declared trust of the last tie when there is
 * one, else 1 − exp(−sent / s) for the weight of the messages. `keep`: which arcs count. Emits each voucher once,
 * in the order first met.
 */
class RowMerger {
  private readonly declared: Float64Array;
  private readonly sent: Float64Array;
  private readonly seen: Int32Array;
  private readonly touched: number[] = [];

  constructor(n: number, private readonly scale: number) {
    this.declared = new Float64Array(n);
    this.sent = new Float64Array(n);
    this.seen = new Int32Array(n).fill(-1);
  }

  merge(arcs: VoucherTable['arcs'], x: number, keep: (a: number) => boolean, emit: (y: number, value: number) => void): void {
    const { declared, sent, seen, touched } = this;
    touched.length = 0;
    for (let a = arcs.start[x]; a < arcs.start[x + 1]; a++) {
      const y = arcs.voucher[a];
      if (y === x || !keep(a)) continue;
      if (seen[y] !== x) {
        seen[y] = x;
        declared[y] = Number.NaN;
        sent[y] = 0;
        touched.push(y);
      }
      if (arcs.declared[a]) declared[y] = arcs.value[a];
      else sent[y] += arcs.value[a];
    }
    for (const y of touched) emit(y, Number.isNaN(declared[y]) ? 1 - Math.exp(-sent[y] / this.scale) : declared[y]);
    // a later call for the same x must not read this one's marks
    for (const y of touched) seen[y] = -1;
  }
}

/** Where a person's vouchers are in `voucher` and `value`: entries lo(x) .. hi(x) − 1. */
interface Vouchers {
  voucher: ArrayLike<number>;
  value: ArrayLike<number>;
  lo(x: number): number;
  hi(x: number): number;
}

class AllTime implements Vouchers {
  readonly voucher: Uint32Array;
  readonly value: Float64Array;
  constructor(private readonly rows: VoucherRows) {
    this.voucher = rows.voucher;
    this.value = rows.value;
  }
  lo(x: number): number {
    return this.rows.start[x];
  }
  hi(x: number): number {
    return this.rows.start[x + 1];
  }
}

/** The vouchers at `now`, merged on first use from the arcs that count by then. */
class VouchersAt implements Vouchers {
  readonly voucher: number[] = [];
  readonly value: number[] = [];
  private readonly range = new Map<number, [number, number]>();
  private readonly keep: (a: number) => boolean;

  constructor(private readonly table: VoucherTable, now: number) {
    const { time } = table.arcs;
    this.keep = (a) => !(time[a] > now);
  }

  private row(x: number): [number, number] {
    let r = this.range.get(x);
    if (!r) {
      const lo = this.voucher.length;
      this.table.merger.merge(this.table.arcs, x, this.keep, (y, v) => {
        this.voucher.push(y);
        this.value.push(v);
      });
      this.range.set(x, (r = [lo, this.voucher.length]));
    }
    return r;
  }
  lo(x: number): number {
    return this.row(x)[0];
  }
  hi(x: number): number {
    return this.row(x)[1];
  }
}

/** Builds the table: arcs (x vouched for by y) sorted by x, then merged per (x, y). */
function buildVoucherTable(source: VouchingSource, o: VouchingOptions): VoucherTable {
  const n = source.people.length;
  const { ties, events, drove, reached } = source;
  // drivers by event, and how many people each event reached
  const droveBy = groupByEvent(drove, events.count);
  const driverStart = droveBy.start;
  const drivers = droveBy.person;
  const reachedStart = groupByEvent(reached, events.count).start;
  const counts = (e: number): boolean => (driverStart[e + 1] - driverStart[e]) * (reachedStart[e + 1] - reachedStart[e]) <= o.maxEventPairs;

  // 1. arcs, counted per person vouched for: ties first, in order (the last tie of a pair wins), then messages
  const rowStart = new Uint32Array(n + 1);
  for (let t = 0; t < ties.count; t++) if (ties.from[t] !== ties.to[t]) rowStart[ties.to[t] + 1]++;
  for (let k = 0; k < reached.count; k++) {
    const e = reached.event[k];
    if (counts(e)) rowStart[reached.person[k] + 1] += driverStart[e + 1] - driverStart[e];
  }
  for (let x = 0; x < n; x++) rowStart[x + 1] += rowStart[x];
  const total = rowStart[n];
  const arcs: VoucherTable['arcs'] = {
    start: rowStart,
    voucher: new Uint32Array(total),
    value: new Float64Array(total),
    declared: new Uint8Array(total),
    time: new Float64Array(total),
  };
  let latest = Number.NEGATIVE_INFINITY;
  const fill = rowStart.slice(0, n);
  for (let t = 0; t < ties.count; t++) {
    const x = ties.to[t];
    const y = ties.from[t];
    if (x === y) continue;
    const at = fill[x]++;
    arcs.voucher[at] = y;
    const trust = ties.trust[t];
    arcs.value[at] = Number.isNaN(trust) ? o.undeclaredTrust : Math.min(1, Math.max(0, trust));
    arcs.declared[at] = 1;
    const since = Number.isNaN(ties.since[t]) ? ties.lastContact[t] : ties.since[t];
    arcs.time[at] = since;
    if (since > latest) latest = since;
  }
  for (let k = 0; k < reached.count; k++) {
    const e = reached.event[k];
    if (!counts(e)) continue;
    const x = reached.person[k];
    for (let d = driverStart[e]; d < driverStart[e + 1]; d++) {
      const at = fill[x]++;
      arcs.voucher[at] = drivers[d];
      arcs.value[at] = reached.weight[k];
      arcs.time[at] = events.at[e];
      if (events.at[e] > latest) latest = events.at[e];
    }
  }

  // 2. per row, one entry per voucher
  const start = new Uint32Array(n + 1);
  const voucher = new Uint32Array(total);
  const value = new Float64Array(total);
  const merger = new RowMerger(n, o.interactionTrustScale);
  let out = 0;
  for (let x = 0; x < n; x++) {
    merger.merge(arcs, x, () => true, (y, v) => {
      voucher[out] = y;
      value[out] = v;
      out++;
    });
    start[x + 1] = out;
  }
  return { merged: { start, voucher: voucher.slice(0, out), value: value.slice(0, out) }, arcs, latest, merger };
}
