/**
 * The candidate partners of one person a, ranked by the raw score of pair-score.ts, in one sweep over the
 * two-hop neighbourhood: the first phase of suggestForPerson, and the global ranking of the evaluation.
 *
 * For every intermediary i of a that a trusts (t(a→i) ≥ minTrust), and every neighbour b of i that trusts i,
 * b ≠ a, b not directly tied to a (acquaintance-graph.ts: a one-way reach does not count), b not blocked by an
 * introduction and in the requested sector:
 *     structure[b] += t(a→i)·r(a,i) · t(b→i)·r(b,i) · ρ(i) · π(deg i)
 * and i becomes b's introducer if it beats the previous one (pair-score.ts). Then raw[b] = structure[b] · boost.
 * Without caps this is exactly pair-score.ts's raw for every b at distance 2 (up to float summation order).
 *
 * Caps, so a person next to hubs costs bounded time (Slashdot's largest degree is 2,554):
 * - only the `maxIntermediaries` neighbours of a with the strongest t(a→i)·r(a,i) are expanded;
 * - a neighbour row longer than `maxFanout` is sampled: `maxFanout` entries at a fixed stride from a seeded
 *   start, so b's reached only through an over-cap hub may be missed and their structure undercounted;
 * - at most `maxVisits` (i, b) steps in all; the strongest intermediaries go first.
 * `truncated` says whether a cap cut anything; suggestForPerson then rescores its finalists exactly.
 *
 * Cost: O(d_a log d_a + min(Σ_{i ∈ N(a)} d_i, maxVisits) + c log k) for c touched candidates, keeping k;
 * memory O(n) scratch per graph, allocated on first use and reused (the index itself is never written).
 */
import { degree } from './acquaintance-graph.ts';
import { hasCode } from './coded-sets.ts';
import { checkInteger, IntroductionInputError } from './errors.ts';
import { isBlocked, type IntroductionIndex } from './introduction-index.ts';
import { degreePenalty, pairBoost, recency, recordFactor, trustEnough, type PairScoreWeights } from './pair-score.ts';
import { hashUnit } from '../rng.ts';

const MODULE = 'introductions/rank-candidates';

export interface RankCandidatesOptions {
  now: number;
  weights: PairScoreWeights;
  /** only partners with this sector code; −1 for none (no partner qualifies), null for any */
  sectorCode: number | null;
  /** keep only the best this many (Infinity: all) */
  keep: number;
  maxIntermediaries: number;
  maxFanout: number;
  maxVisits: number;
  /** only partners with a larger index than a (to enumerate each unordered pair once) */
  onlyGreaterIndex: boolean;
  /** false: every candidate (keep must be Infinity), in no particular order, for callers that rank globally */
  ordered: boolean;
  seed: number;
}

export const RANK_CANDIDATES_DEFAULTS: Omit<RankCandidatesOptions, 'now' | 'weights'> = {
  sectorCode: null,
  keep: 100,
  maxIntermediaries: 200,
  maxFanout: 1000,
  maxVisits: 150_000,
  onlyGreaterIndex: false,
  ordered: true,
  seed: 1,
};

export interface RankedCandidates {
  /** partners, best first (ties: lower index first); in sweep order with `ordered: false` */
  partner: Uint32Array;
  raw: Float64Array;
  introducer: Int32Array;
  /** whether a cap cut the sweep */
  truncated: boolean;
  /** (i, b) steps taken */
  visits: number;
}

const UNTOUCHED = 0;
const CANDIDATE = 1;
const EXCLUDED = 2;

export function rankCandidates(
  index: IntroductionIndex,
  a: number,
  options: Pick<RankCandidatesOptions, 'now' | 'weights'> & Partial<RankCandidatesOptions>,
): RankedCandidates {
  const o: RankCandidatesOptions = { ...RANK_CANDIDATES_DEFAULTS, ...options };
  checkInteger(MODULE, 'keep', o.keep, 1, Number.POSITIVE_INFINITY);
  checkInteger(MODULE, 'maxIntermediaries', o.maxIntermediaries, 1, Number.POSITIVE_INFINITY);
  checkInteger(MODULE, 'maxFanout', o.maxFanout, 1, Number.POSITIVE_INFINITY);
  checkInteger(MODULE, 'maxVisits', o.maxVisits, 1, Number.POSITIVE_INFINITY);
  if (!o.ordered && o.keep !== Number.POSITIVE_INFINITY) throw new IntroductionInputError(MODULE, 'invalid_option', 'ordered: false keeps every candidate: keep must be Infinity');
  const g = index.graph;
  const scratch = scratchFor(g);
  /** every person whose scratch entries this call changes, to clean them afterwards */
  const touched: number[] = [];
  try {
    return sweep(index, a, o, scratch, touched);
  } finally {
    const { state, structure, bestIntroducer, bestIntroducerScore } = scratch;
    state[a] = UNTOUCHED;
    for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) state[g.neighbours[e]] = UNTOUCHED;
    for (const b of touched) {
      state[b] = UNTOUCHED;
      structure[b] = 0;
      bestIntroducerScore[b] = 0;
      bestIntroducer[b] = -1;
    }
  }
}

function sweep(index: IntroductionIndex, a: number, o: RankCandidatesOptions, scratch: Scratch, touched: number[]): RankedCandidates {
  const g = index.graph;
  const w = o.weights;
  const now = o.now;
  const { offsets, neighbours, trustOut, trustIn, lastContact, tied } = g;
  const { state, structure, bestIntroducer, bestIntroducerScore } = scratch;
  state[a] = EXCLUDED;
  // Directly tied people are never candidates; someone a only reached one way (or who only reached a) may be.
  for (let e = offsets[a]; e < offsets[a + 1]; e++) if (tied[e] === 1) state[neighbours[e]] = EXCLUDED;

  // Intermediaries a trusts, strongest first (ties: smaller degree first, then index).
  const entries: number[] = [];
  const strength = new Float64Array(offsets[a + 1] - offsets[a]);
  for (let e = offsets[a]; e < offsets[a + 1]; e++) {
    const i = neighbours[e];
    if (!trustEnough(trustOut[e], w) || degree(g, i) < 2) continue;
    strength[e - offsets[a]] = trustOut[e] * recency(lastContact[e], now, w);
    entries.push(e);
  }
  const base = offsets[a];
  entries.sort((x, y) => strength[y - base] - strength[x - base] || degree(g, neighbours[x]) - degree(g, neighbours[y]) || x - y);
  const intermediaries = Math.min(entries.length, o.maxIntermediaries);
  let truncated = intermediaries < entries.length;

  let visits = 0;
  for (let k = 0; k < intermediaries && !(visits >= o.maxVisits); k++) {
    const ea = entries[k];
    const i = neighbours[ea];
    const d = degree(g, i);
    const tA = trustOut[ea];
    const rA = recency(lastContact[ea], now, w);
    const rho = recordFactor(index, i, w);
    const baseContribution = tA * rA * rho * degreePenalty(d, w);
    if (baseContribution === 0) continue;
    const sampled = d > o.maxFanout;
    let steps = sampled ? o.maxFanout : d;
    if (sampled) truncated = true;
    if (visits + steps > o.maxVisits) {
      steps = o.maxVisits - visits;
      truncated = true;
    }
    const stride = sampled ? d / o.maxFanout : 1;
    const start = sampled ? hashUnit(o.seed, a, i) * stride : 0;
    const row = offsets[i];
    for (let s = 0; s < steps; s++) {
      const f = sampled ? row + Math.floor(start + s * stride) : row + s;
      const b = neighbours[f];
      const st = state[b];
      if (st === EXCLUDED) continue;
      if (st === UNTOUCHED) {
        if (
          (o.onlyGreaterIndex && b < a) ||
          (o.sectorCode !== null && (o.sectorCode < 0 || !hasCode(index.sectors, b, o.sectorCode))) ||
          isBlocked(index, a, b, now)
        ) {
          state[b] = EXCLUDED;
          touched.push(b);
          continue;
        }
        state[b] = CANDIDATE;
        touched.push(b);
      }
      const tB = trustIn[f];
      if (!trustEnough(tB, w)) continue;
      const rB = recency(lastContact[f], now, w);
      structure[b] += baseContribution * tB * rB;
      const introducerScore = Math.min(tA, tB) * Math.sqrt(rA * rB) * rho;
      if (introducerScore > bestIntroducerScore[b] || bestIntroducer[b] < 0) {
        bestIntroducerScore[b] = introducerScore;
        bestIntroducer[b] = i;
      }
    }
    visits += steps;
  }

  // Keep the best `keep` by raw score: a bounded min-heap when keep is small, a full sort otherwise (none when
  // the caller ranks the candidates itself).
  const partnersAll: number[] = [];
  const rawAll: number[] = [];
  for (const b of touched) {
    if (state[b] !== CANDIDATE || bestIntroducer[b] < 0) continue;
    partnersAll.push(b);
    rawAll.push(structure[b] * pairBoost(index, a, b, w));
  }
  const order = o.ordered ? topK(rawAll, partnersAll, o.keep) : partnersAll.map((_, j) => j);
  const partner = new Uint32Array(order.length);
  const raw = new Float64Array(order.length);
  const introducer = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const b = partnersAll[order[k]];
    partner[k] = b;
    raw[k] = rawAll[order[k]];
    introducer[k] = bestIntroducer[b];
  }
  return { partner, raw, introducer, truncated, visits };
}

interface Scratch {
  state: Uint8Array;
  structure: Float64Array;
  bestIntroducer: Int32Array;
  bestIntroducerScore: Float64Array;
}

// Per-graph scratch arrays, reused across calls and left clean after each (calls are synchronous, so never
// interleaved): allocating and zeroing four arrays over all people per call cost more than the sweep itself
// for most people on an 82k-person graph.
const scratches = new WeakMap<object, Scratch>();

function scratchFor(graph: { n: number }): Scratch {
  let s = scratches.get(graph);
  if (s === undefined) {
    s = {
      state: new Uint8Array(graph.n),
      structure: new Float64Array(graph.n),
      bestIntroducer: new Int32Array(graph.n).fill(-1),
      bestIntroducerScore: new Float64Array(graph.n),
    };
    scratches.set(graph, s);
  }
  return s;
}

/** Positions of the k largest scores, best first; ties broken by the smaller id. O(c log k). */
export function topK(score: readonly number[], id: readonly number[], k: number): number[] {
  const c = score.length;
  const better = (x: number, y: number): boolean => score[x] > score[y] || (score[x] === score[y] && id[x] < id[y]);
  if (k >= c) {
    const all = Array.from({ length: c }, (_, j) => j);
    return all.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
  }
  // min-heap of positions, worst at the root
  const heap: number[] = [];
  const down = (p: number): void => {
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let worst = p;
      if (l < heap.length && better(heap[worst], heap[l])) worst = l;
      if (r < heap.length && better(heap[worst], heap[r])) worst = r;
      if (worst === p) return;
      [heap[p], heap[worst]] = [heap[worst], heap[p]];
      p = worst;
    }
  };
  const up = (p: number): void => {
    while (p > 0) {
      const parent = (p - 1) >> 1;
      if (!better(heap[parent], heap[p])) return;
      [heap[p], heap[parent]] = [heap[parent], heap[p]];
      p = parent;
    }
  };
  for (let j = 0; j < c; j++) {
    if (heap.length < k) {
      heap.push(j);
      up(heap.length - 1);
    } else if (better(j, heap[0])) {
      heap[0] = j;
      down(0);
    }
  }
  return heap.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
}
