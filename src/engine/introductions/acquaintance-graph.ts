/**
 * The acquaintance graph of a Projection: who knows whom, undirected, over CSR typed arrays, with the directed
 * trust of each side and the recency of the tie.
 *
 * Two people are acquainted when (configurable) a KNOWS tie exists in either direction, or an interaction
 * does: an event one of them DROVE that REACHED the other (DESIGN.md: influence flows from drivers to the
 * people reached). Each undirected pair is stored once in each person's row; rows are sorted by neighbour
 * index so "are x and y acquainted" is a binary search and common neighbours a merge.
 *
 * Acquainted is not the same as already tied. DESIGN.md's candidates are "pairs not directly tied": a pair is
 * `tied` (never suggested to each other) when either declared a KNOWS tie, or each has reached the other (they
 * have corresponded). A one-way reach (Ana's post or talk reached Omar, or one unanswered message) makes them
 * acquainted, so it counts as a common tie and in openness, but it does not rule out an introduction: the
 * one reached may never have met the other.
 *
 * Per row entry (x, i):
 * - trustOut = trust(x → i): x's declared KNOWS trust when x declared one (the last one wins when repeated);
 *   otherwise derived from the interactions between them,
 *       trust(x → i) = 1 − exp(−v / s),  v = sent(x → i) + w_in · sent(i → x),
 *   with s = `interactionTrustScale` (3: one message gives 0.28, three 0.63, ten 0.96) and w_in =
 *   `incomingInteractionWeight` (being written to counts less than writing); `sent` sums REACHED weights. A
 *   tie declared only by i (i KNOWS x) with no interaction gives x's trust in i `undeclaredTrust`. Volume
 *   only: recency is applied separately, at scoring time, against an explicit `now`.
 * - trustIn = trust(i → x), the same rule seen from i.
 * - lastContact: the latest of the tie's lastContact (or its `since` when lastContact is absent) and the
 *   interactions' times, epoch ms, NaN when nothing is dated.
 * - firstContact: the earliest of the tie's `since` (or lastContact when since is absent) and the
 *   interactions' times: when the two got acquainted (for openness, introduction-index.ts).
 * - volume: interaction weight in both directions.
 *
 * Events whose drivers × reached exceed `maxEventPairs` are treated as broadcasts for acquaintance (a mass
 * mailing does not make its recipients acquainted with the sender); events without REACHED add nothing.
 * Self-ties are dropped.
 *
 * Cost: O(T + P + (T + P) log d) time for T ties and P driver–reached pairs (a per-row numeric sort of
 * packed keys), memory ~30 bytes per arc while building and ~38 bytes per stored entry (2 per undirected pair).
 * Written over typed arrays rather than a graphology graph: GOTCHAS.md measures ~380 bytes and ~6 µs per
 * graphology edge, too much for the 1M-tie graphs this must serve.
 */
import type { LinkColumns, Projection } from '../../domain/projection.ts';
import { checkNumber, IntroductionInputError } from './errors.ts';

const MODULE = 'introductions/acquaintance-graph';

export interface AcquaintanceOptions {
  /** a KNOWS tie, either way, makes two people acquainted */
  fromTies: boolean;
  /** an interaction (DROVE → REACHED), either way, makes two people acquainted */
  fromInteractions: boolean;
  /** s in trust = 1 − exp(−volume / s) for trust derived from interactions */
  interactionTrustScale: number;
  /** weight of being written to, relative to writing, in derived trust */
  incomingInteractionWeight: number;
  /** trust(x → i) when x declared no tie to i and never interacted with i (i declared a tie to x) */
  undeclaredTrust: number;
  /** events with more driver × reached pairs than this are broadcasts: no acquaintance */
  maxEventPairs: number;
}

export const ACQUAINTANCE_DEFAULTS: AcquaintanceOptions = {
  fromTies: true,
  fromInteractions: true,
  interactionTrustScale: 3,
  incomingInteractionWeight: 0.5,
  undeclaredTrust: 0.2,
  maxEventPairs: 10_000,
};

export interface AcquaintanceGraph {
  /** number of people (rows) */
  n: number;
  /** n + 1 row starts into the entry arrays */
  offsets: Uint32Array;
  /** neighbour of each entry, ascending within a row */
  neighbours: Uint32Array;
  /** trust(row → neighbour), 0..1 */
  trustOut: Float32Array;
  /** trust(neighbour → row), 0..1 */
  trustIn: Float32Array;
  /** epoch ms of the latest contact, NaN when undated */
  lastContact: Float64Array;
  /** epoch ms of the first contact, NaN when undated */
  firstContact: Float64Array;
  /** interaction weight between the two, both directions */
  volume: Float32Array;
  /** bit 1: row declared KNOWS → neighbour; bit 2: neighbour declared KNOWS → row */
  declared: Uint8Array;
  /** 1 when the two are directly tied (a KNOWS tie either way, or interactions both ways), 0 for a one-way reach */
  tied: Uint8Array;
  /** undirected acquaintance pairs */
  pairCount: number;
  /** latest time seen in ties and events (epoch ms), NaN when nothing is dated */
  latestTime: number;
}

const KNOWS = 0;
const INTERACTION = 1;

export function buildAcquaintanceGraph(projection: Projection, options: Partial<AcquaintanceOptions> = {}): AcquaintanceGraph {
  const o: AcquaintanceOptions = { ...ACQUAINTANCE_DEFAULTS, ...options };
  checkNumber(MODULE, 'interactionTrustScale', o.interactionTrustScale, Number.MIN_VALUE, Number.POSITIVE_INFINITY);
  checkNumber(MODULE, 'incomingInteractionWeight', o.incomingInteractionWeight, 0, Number.POSITIVE_INFINITY);
  checkNumber(MODULE, 'undeclaredTrust', o.undeclaredTrust, 0, 1);
  checkNumber(MODULE, 'maxEventPairs', o.maxEventPairs, 0, Number.POSITIVE_INFINITY);
  const n = projection.people.length;
  const { ties, events } = projection;
  let latestTime = Number.NaN;

  // 1. Arcs: one per tie and one per (driver, reached) pair.
  const droveBy = groupByEvent(projection.drove, events.count);
  const reachedBy = groupByEvent(projection.reached, events.count);
  let arcCount = 0;
  if (o.fromTies) arcCount += ties.count;
  if (o.fromInteractions) {
    for (let e = 0; e < events.count; e++) {
      const pairs = (droveBy.start[e + 1] - droveBy.start[e]) * (reachedBy.start[e + 1] - reachedBy.start[e]);
      if (pairs <= o.maxEventPairs) arcCount += pairs;
    }
  }
  const arcFrom = new Uint32Array(arcCount);
  const arcTo = new Uint32Array(arcCount);
  const arcKind = new Uint8Array(arcCount);
  const arcValue = new Float32Array(arcCount);
  const arcTime = new Float64Array(arcCount);
  const arcFirst = new Float64Array(arcCount);
  let arcs = 0;
  if (o.fromTies) {
    for (let t = 0; t < ties.count; t++) {
      const from = ties.from[t];
      const to = ties.to[t];
      if (from >= n || to >= n) throw new IntroductionInputError(MODULE, 'invalid_option', `tie ${t} refers to a person index out of range`);
      if (from === to) continue;
      arcFrom[arcs] = from;
      arcTo[arcs] = to;
      arcKind[arcs] = KNOWS;
      const trust = ties.trust[t];
      arcValue[arcs] = Number.isNaN(trust) ? Number.NaN : Math.min(1, Math.max(0, trust));
      const at = Number.isNaN(ties.lastContact[t]) ? ties.since[t] : ties.lastContact[t];
      arcTime[arcs] = at;
      arcFirst[arcs] = Number.isNaN(ties.since[t]) ? ties.lastContact[t] : ties.since[t];
      if (!(at <= latestTime)) latestTime = Number.isNaN(at) ? latestTime : at;
      arcs++;
    }
  }
  if (o.fromInteractions) {
    for (let e = 0; e < events.count; e++) {
      const d0 = droveBy.start[e];
      const d1 = droveBy.start[e + 1];
      const r0 = reachedBy.start[e];
      const r1 = reachedBy.start[e + 1];
      if ((d1 - d0) * (r1 - r0) > o.maxEventPairs) continue;
      const at = events.at[e];
      if (!(at <= latestTime)) latestTime = Number.isNaN(at) ? latestTime : at;
      for (let d = d0; d < d1; d++) {
        const driver = droveBy.person[d];
        for (let r = r0; r < r1; r++) {
          const reached = reachedBy.person[r];
          if (driver === reached) continue;
          arcFrom[arcs] = driver;
          arcTo[arcs] = reached;
          arcKind[arcs] = INTERACTION;
          arcValue[arcs] = reachedBy.weight[r];
          arcTime[arcs] = at;
          arcFirst[arcs] = at;
          arcs++;
        }
      }
    }
  }

  // 2. Each arc enters both endpoints' rows as a packed key col·K + (arc·2 + direction), sorted per row.
  const K = 2 * arcs + 2;
  if (n * K > Number.MAX_SAFE_INTEGER) throw new IntroductionInputError(MODULE, 'invalid_option', `too many people × ties to index (${n} × ${arcs})`);
  const rowStart = new Uint32Array(n + 1);
  for (let a = 0; a < arcs; a++) {
    rowStart[arcFrom[a] + 1]++;
    rowStart[arcTo[a] + 1]++;
  }
  for (let x = 0; x < n; x++) rowStart[x + 1] += rowStart[x];
  const cursor = rowStart.slice(0, n);
  const keys = new Float64Array(2 * arcs);
  for (let a = 0; a < arcs; a++) {
    keys[cursor[arcFrom[a]]++] = arcTo[a] * K + a * 2; // direction 0: the row's person is the arc's source
    keys[cursor[arcTo[a]]++] = arcFrom[a] * K + a * 2 + 1; // direction 1: the row's person is the arc's target
  }
  for (let x = 0; x < n; x++) if (rowStart[x + 1] - rowStart[x] > 1) keys.subarray(rowStart[x], rowStart[x + 1]).sort();

  // 3. Merge the keys of one neighbour into one entry.
  const offsets = new Uint32Array(n + 1);
  const neighbours = new Uint32Array(2 * arcs);
  const trustOut = new Float32Array(2 * arcs);
  const trustIn = new Float32Array(2 * arcs);
  const lastContact = new Float64Array(2 * arcs);
  const firstContact = new Float64Array(2 * arcs);
  const volume = new Float32Array(2 * arcs);
  const declared = new Uint8Array(2 * arcs);
  const tied = new Uint8Array(2 * arcs);
  const scale = o.interactionTrustScale;
  const wIn = o.incomingInteractionWeight;
  let out = 0;
  for (let x = 0; x < n; x++) {
    let p = rowStart[x];
    const end = rowStart[x + 1];
    while (p < end) {
      const col = Math.floor(keys[p] / K);
      let declOut = Number.NaN;
      let declIn = Number.NaN;
      let flags = 0;
      let volOut = 0;
      let volIn = 0;
      let reachedOut = false;
      let reachedIn = false;
      let last = Number.NaN;
      let first = Number.NaN;
      for (; p < end; p++) {
        const key = keys[p];
        const c = Math.floor(key / K);
        if (c !== col) break;
        const rest = key - c * K;
        const a = Math.floor(rest / 2);
        const incoming = rest - a * 2 === 1;
        if (arcKind[a] === KNOWS) {
          if (incoming) {
            declIn = arcValue[a];
            flags |= 2;
          } else {
            declOut = arcValue[a];
            flags |= 1;
          }
        } else if (incoming) {
          volIn += arcValue[a];
          reachedIn = true;
        } else {
          volOut += arcValue[a];
          reachedOut = true;
        }
        const at = arcTime[a];
        if (!(at <= last)) last = Number.isNaN(at) ? last : at;
        const since = arcFirst[a];
        if (!(since >= first)) first = Number.isNaN(since) ? first : since;
      }
      neighbours[out] = col;
      trustOut[out] = deriveTrust(declOut, volOut + wIn * volIn, scale, o.undeclaredTrust);
      trustIn[out] = deriveTrust(declIn, volIn + wIn * volOut, scale, o.undeclaredTrust);
      lastContact[out] = last;
      firstContact[out] = first;
      volume[out] = volOut + volIn;
      declared[out] = flags;
      tied[out] = flags !== 0 || (reachedOut && reachedIn) ? 1 : 0;
      out++;
    }
    offsets[x + 1] = out;
  }
  return {
    n,
    offsets,
    neighbours: neighbours.slice(0, out),
    trustOut: trustOut.slice(0, out),
    trustIn: trustIn.slice(0, out),
    lastContact: lastContact.slice(0, out),
    firstContact: firstContact.slice(0, out),
    volume: volume.slice(0, out),
    declared: declared.slice(0, out),
    tied: tied.slice(0, out),
    pairCount: out / 2,
    latestTime,
  };
}

function deriveTrust(declaredTrust: number, volume: number, scale: number, undeclared: number): number {
  if (!Number.isNaN(declaredTrust)) return declaredTrust;
  if (volume > 0) return 1 - Math.exp(-volume / scale);
  return undeclared;
}

/** Groups link rows by event (counting sort): rows of event e are start[e] .. start[e + 1]. */
export function groupByEvent(links: LinkColumns, eventCount: number): { start: Uint32Array; person: Uint32Array; weight: Float64Array } {
  const start = new Uint32Array(eventCount + 1);
  for (let k = 0; k < links.count; k++) start[links.event[k] + 1]++;
  for (let e = 0; e < eventCount; e++) start[e + 1] += start[e];
  const cursor = start.slice(0, eventCount);
  const person = new Uint32Array(links.count);
  const weight = new Float64Array(links.count);
  for (let k = 0; k < links.count; k++) {
    const at = cursor[links.event[k]]++;
    person[at] = links.person[k];
    weight[at] = links.weight[k];
  }
  return { start, person, weight };
}

/** Whether x and y are directly tied (see the header): a KNOWS tie either way or interactions both ways. O(log deg x). */
export function areTied(graph: AcquaintanceGraph, x: number, y: number): boolean {
  const e = findEntry(graph, x, y);
  return e >= 0 && graph.tied[e] === 1;
}

/** The entry of `y` in `x`'s row, or −1 when they are not acquainted. O(log deg x). */
export function findEntry(graph: AcquaintanceGraph, x: number, y: number): number {
  let lo = graph.offsets[x];
  let hi = graph.offsets[x + 1] - 1;
  const nb = graph.neighbours;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = nb[mid];
    if (v === y) return mid;
    if (v < y) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function degree(graph: AcquaintanceGraph, x: number): number {
  return graph.offsets[x + 1] - graph.offsets[x];
}
