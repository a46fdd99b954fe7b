/**
 * Evaluation of the introduction scorer as a predictor of new ties: `npx tsx bench/eval-introductions.ts`.
 * Writes bench/results/introductions-eval.json and .md. Runs in CI: about 40 s of CPU, one to three minutes of wall
 * time on two shared, loaded cores.
 * `--extra FILE` (repeatable) evaluates another temporal edge list the same way (SNAP's `SRC DST TIME` or
 * `SOURCE,TARGET,RATING,TIME`, KONECT's `SRC DST WEIGHT TIME`, tab- or comma-separated tables with a header,
 * names as ids and ISO times: bench/temporal-edges.ts; `--people-columns A,B` (for `TIME SRC DST` files),
 * `--time-column N` and `--time-unit s|ms|us|d` after a file override what is found from its data), and
 * `--only-extra` skips the two default datasets; both then write bench/results/introductions-eval-extra.{json,md}
 * instead, so the CI record is not overwritten.
 * Progress goes to stderr: a bar with the stage and an ETA on a terminal, a line per stage (and every 15 s)
 * otherwise. A million rows take about 2.5 minutes on two cores (bench/make-scale-file.ts writes such a file).
 *
 * Protocol, per dataset (../shared/data: CollegeMsg, SRC DST UNIXTS; email-Eu-core-temporal, SRC DST relative
 * seconds):
 * - rows sorted by time; the network (messages as events, sender DROVE, recipient REACHED; message-network.ts) is
 *   built from the first 80 % of the time span, and `now` is the cut-off;
 * - linked in training: any message either way (an acquaintance entry, acquaintance-graph.ts);
 * - positives: unordered pairs whose first message falls in the last 20 %, both people present in training,
 *   not linked in training;
 * - candidates, the same for every method: every unordered pair of training people not linked in training.
 *   Every method here (the product's scorer included: DESIGN.md's candidates are reachable through someone
 *   both trust) gives a score only to pairs with a common acquaintance; all other candidates score 0;
 * - on networks with more than WEDGE_BUDGET wedges, candidate pairs (and positives and AUC pairs) are those
 *   among a seeded sample of people, the same for every method; scores still use the whole network;
 * - precision@k and recall@k, k ∈ {10, 100, 1000}, over the global ranking of the candidates, ties broken by
 *   a seeded hash of the pair, the same for every method (never by person index, which follows join order in
 *   these files); AUC (Mann–Whitney, ties count ½) of all positives (at most 10,000, sampled with a fixed
 *   seed) against 10,000 candidate non-positives sampled with a fixed seed;
 * - methods: the scorer (the engine's rankCandidates / scorePair, i.e. what suggestForPerson ranks by) with
 *   weights fitted on the training window only; the scorer with the engine's default weights; plain
 *   Adamic-Adar; common neighbours; and, as "ideas", the scorer fitted within restricted families of weights
 *   (without degree normalisation, with γ ≥ 0 only, without openness, without tie recency, one penalty only,
 *   one openness half-life, one inner fold), each chosen on the inner folds like the scorer and reported on the test window
 *   only after the choice; and a forward check, the full grid fitted on inner fold 1 alone, whose fold-2 hits
 *   are out of sample (a test window inside the training window, for data whose own test window is thin).
 * - per person (per-person.ts), the product's own question rather than the global ranking the weights are fitted
 *   for: each person who made a new acquaintance gets their own list (the candidate pairs that include them);
 *   the share with a new acquaintance first and in their first ten, and the mean reciprocal rank, on the test
 *   window and on the forward check's fold.
 * - fitting: two inner folds inside the training window [t0, cut), L = cut − t0: network [t0, t0 + 0.6 L) with
 *   positives in the next 0.2 L, and network [t0, t0 + 0.8 L) with positives in [t0 + 0.8 L, cut]. Every
 *   weight setting of GRID is scored on both; the objective is Σ_folds ln(1 + hits@100) + ln(1 + hits@1000)
 *   (relative gains count alike on a fold with few positives and one with many), the mean AUC breaks ties.
 *   The test window is never looked at before the final scoring. The grid is scored by a shortcut, the
 *   engine's structure term (rankCandidates with the boost weights at zero) times the engine's pairBoost
 *   factors, which multiply; the scorer's test row is the engine end to end, and the shortcut's hits for the
 *   same weights are checked against it.
 *
 * Sectors: email-Eu-core's department labels are keyed by the ids of the static graph email-Eu-core.txt, which
 * differ from the temporal file's ids (PROVENANCE.md warns). The static graph minus its self-loops has exactly
 * as many edges as the temporal file has distinct pairs, so the two are aligned here by colour refinement
 * (1-dimensional Weisfeiler–Lehman on the directed graphs), and the alignment is used only if every temporal
 * edge between uniquely aligned nodes is an edge of the static graph. People in structurally indistinguishable
 * groups get a department only if the whole group shares it.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ProgressBar } from '../src/cli/progress.ts';
import { findEntry } from '../src/engine/introductions/acquaintance-graph.ts';
import { buildIntroductionIndex, type IntroductionIndex } from '../src/engine/introductions/introduction-index.ts';
import { openness, OPENNESS_DEFAULTS } from '../src/engine/introductions/openness.ts';
import { forEachCommonTie, pairBoost, PAIR_SCORE_DEFAULTS, scorePair, type PairScoreWeights } from '../src/engine/introductions/pair-score.ts';
import { rankCandidates, topK } from '../src/engine/introductions/rank-candidates.ts';
import { hashUnit, seededRng } from '../src/engine/rng.ts';
import { sharedPath } from '../test/support/shared.ts';
import { messageNetwork } from './message-network.ts';
import { pairedBootstrap, perPersonRanks, PERSON_KS, summarisePerPerson, type PerPerson } from './per-person.ts';
import { buildReport, fmt, markdown } from './eval-introductions-report.ts';
import { readTemporalEdges, type ReadOptions, type TemporalEdge, type TimeUnit } from './temporal-edges.ts';

const COMMAND = 'npx tsx bench/eval-introductions.ts';
const KS = [10, 100, 1000] as const;
const AUC_NEGATIVES = 10_000;
const AUC_MAX_POSITIVES = 10_000;
const SEED = 20_240_601;

type Row = TemporalEdge;

interface Dataset {
  name: string;
  file: string;
  rows: Row[];
  /** department (or other sector) per raw id, when known */
  sectors: Map<number, string> | null;
  sectorNote: string;
  /** how the file was read (temporal-edges.ts) */
  layout: string;
}

/**
 * Candidate pairs are scored only among a fixed, seeded sample of people when the training network has more
 * wedges (paths a–i–b, an upper bound on the pairs with a common acquaintance) than WEDGE_BUDGET: the pairs
 * scored grow with the square of the network, and a SNAP-size network has tens of millions. The network itself
 * is not sampled (common acquaintances, degrees and openness come from everyone); only which pairs are ranked,
 * for every method alike: positives and AUC pairs are drawn among the sampled people too. A sampled fraction f
 * of people keeps about f² of the pairs.
 */
const WEDGE_BUDGET = 2_000_000;

interface Sampling {
  /** wedges of the training network (first 80 % of the span) */
  wedges: number;
  /** share of people whose pairs are ranked (1: everyone) */
  fraction: number;
  /** whether a raw person id is in the sample */
  has: (rawId: number) => boolean;
}

function chooseSampling(rows: Row[], cut: number): Sampling {
  const pairs = new Set<string>();
  const degree = new Map<number, number>();
  for (const r of rows) {
    if (r.t >= cut || r.src === r.dst) continue;
    const k = r.src < r.dst ? `${r.src} ${r.dst}` : `${r.dst} ${r.src}`;
    if (pairs.has(k)) continue;
    pairs.add(k);
    degree.set(r.src, (degree.get(r.src) ?? 0) + 1);
    degree.set(r.dst, (degree.get(r.dst) ?? 0) + 1);
  }
  let wedges = 0;
  for (const d of degree.values()) wedges += (d * (d - 1)) / 2;
  if (wedges <= WEDGE_BUDGET) return { wedges, fraction: 1, has: () => true };
  const fraction = Math.sqrt(WEDGE_BUDGET / wedges);
  return { wedges, fraction, has: (id) => hashUnit(SEED, id, 7) < fraction };
}

// ---------------------------------------------------------------------------------------------- loading

/**
 * Colour refinement of a directed graph: colours start equal and are refined by (own colour, sorted colours
 * of out-neighbours, sorted colours of in-neighbours) until the number of classes stops growing. Colours are
 * canonical (the rank of the signature among all signatures), so two isomorphic graphs get the same colours.
 */
function colourRefinement(nodes: number[], edges: [number, number][]): Map<number, number> {
  const out = new Map<number, number[]>();
  const inn = new Map<number, number[]>();
  for (const v of nodes) {
    out.set(v, []);
    inn.set(v, []);
  }
  for (const [a, b] of edges) {
    out.get(a)!.push(b);
    inn.get(b)!.push(a);
  }
  let colour = new Map(nodes.map((v) => [v, 0]));
  let classes = 1;
  for (let round = 0; round < 50; round++) {
    const sig = new Map<number, string>();
    for (const v of nodes) {
      const o = out.get(v)!.map((w) => colour.get(w)!).sort((x, y) => x - y);
      const i = inn.get(v)!.map((w) => colour.get(w)!).sort((x, y) => x - y);
      sig.set(v, `${colour.get(v)}|${o.join(',')}|${i.join(',')}`);
    }
    const keys = [...new Set(sig.values())].sort();
    const rank = new Map(keys.map((k, j) => [k, j]));
    const next = new Map(nodes.map((v) => [v, rank.get(sig.get(v)!)!]));
    colour = next;
    if (keys.length === classes) break;
    classes = keys.length;
  }
  return colour;
}

function emailDepartments(rows: Row[]): { sectors: Map<number, string> | null; note: string } {
  const staticEdges: [number, number][] = [];
  for (const line of readFileSync(sharedPath('data/email-eu-core/email-Eu-core.txt'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [a, b] = line.trim().split(/\s+/).map(Number);
    if (a !== b) staticEdges.push([a, b]);
  }
  const labels = new Map<number, number>();
  for (const line of readFileSync(sharedPath('data/email-eu-core/email-Eu-core-department-labels.txt'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [v, d] = line.trim().split(/\s+/).map(Number);
    labels.set(v, d);
  }
  const seen = new Set<string>();
  const temporalEdges: [number, number][] = [];
  for (const r of rows) {
    if (r.src === r.dst) continue;
    const key = `${r.src} ${r.dst}`;
    if (seen.has(key)) continue;
    seen.add(key);
    temporalEdges.push([r.src, r.dst]);
  }
  const nodesOf = (edges: [number, number][]) => [...new Set(edges.flat())].sort((x, y) => x - y);
  const sNodes = nodesOf(staticEdges);
  const tNodes = nodesOf(temporalEdges);
  const sCol = colourRefinement(sNodes, staticEdges);
  const tCol = colourRefinement(tNodes, temporalEdges);
  const groups = (nodes: number[], col: Map<number, number>) => {
    const g = new Map<number, number[]>();
    for (const v of nodes) g.set(col.get(v)!, [...(g.get(col.get(v)!) ?? []), v]);
    return g;
  };
  const sGroups = groups(sNodes, sCol);
  const tGroups = groups(tNodes, tCol);
  const unique = new Map<number, number>();
  const sectors = new Map<number, string>();
  let grouped = 0;
  for (const [c, tv] of tGroups) {
    const sv = sGroups.get(c);
    if (!sv || sv.length !== tv.length) {
      return { sectors: null, note: 'departments not used: the temporal and static graphs do not align' };
    }
    if (tv.length === 1) unique.set(tv[0], sv[0]);
    const deps = new Set(sv.map((v) => labels.get(v)));
    if (deps.size === 1 && labels.has(sv[0])) {
      for (const v of tv) sectors.set(v, `dept-${labels.get(sv[0])}`);
      if (tv.length > 1) grouped += tv.length;
    }
  }
  const staticSet = new Set(staticEdges.map(([a, b]) => `${a} ${b}`));
  let checked = 0;
  for (const [a, b] of temporalEdges) {
    const sa = unique.get(a);
    const sb = unique.get(b);
    if (sa === undefined || sb === undefined) continue;
    if (!staticSet.has(`${sa} ${sb}`)) return { sectors: null, note: 'departments not used: the alignment contradicts an edge' };
    checked++;
  }
  return {
    sectors,
    note:
      `departments aligned by colour refinement: ${unique.size} of ${tNodes.length} people uniquely, ` +
      `${grouped} more in indistinguishable groups sharing a department, ${tNodes.length - sectors.size} without; ` +
      `all ${checked} temporal edges between uniquely aligned people are static edges`,
  };
}

// ---------------------------------------------------------------------------------------------- worlds

interface World {
  index: IntroductionIndex;
  n: number;
  /** epoch ms */
  now: number;
  positives: Set<number>;
  trainRows: number;
  testRows: number;
  /** the same index with openness at other half-lives, built on demand */
  opennessVariants: Map<number, IntroductionIndex>;
  /** 1 for the people whose pairs are ranked (Sampling) */
  inSample: Uint8Array;
  /** their indices */
  sampled: number[];
}

/**
 * Training network from rows with lo ≤ t < hi (message-network.ts), positives from hi ≤ t ≤ end. Louvain
 * communities only when asked (the test world, whose count is reported): bridging is fixed at 0 here, and on
 * files of millions of rows Louvain's graph is most of a world's building time.
 */
function buildWorld(ds: Dataset, lo: number, hi: number, end: number, sampling: Sampling, withCommunities: boolean): World {
  const network = messageNetwork(ds.rows, lo, hi, (id) => ds.sectors?.get(id));
  const index = buildIntroductionIndex(network.projection, {
    opennessHalfLifeDays: OPENNESS_DEFAULTS.halfLifeDays,
    communities: withCommunities ? { seed: SEED } : false,
  });
  const n = index.people.length;
  const inSample = new Uint8Array(n);
  const sampled: number[] = [];
  index.people.forEach((person, x) => {
    if (!sampling.has(Number(person.id))) return;
    inSample[x] = 1;
    sampled.push(x);
  });
  const positives = new Set<number>();
  let testRows = 0;
  for (const r of ds.rows) {
    if (r.t < hi || r.t > end) continue;
    testRows++;
    const a = index.indexOf.get(String(r.src));
    const b = index.indexOf.get(String(r.dst));
    if (a === undefined || b === undefined || a === b || !inSample[a] || !inSample[b]) continue;
    if (!isLinked(index, a, b)) positives.add(key(n, a, b));
  }
  const opennessVariants = new Map([[OPENNESS_DEFAULTS.halfLifeDays, index]]);
  return { index, n, now: hi * 1000, positives, trainRows: network.rows, testRows, opennessVariants, inSample, sampled };
}

/** The world's index with openness computed at another half-life (everything else shared). */
function indexWithOpenness(world: World, halfLifeDays: number): IntroductionIndex {
  let index = world.opennessVariants.get(halfLifeDays);
  if (index === undefined) {
    const base = world.index;
    index = { ...base, openness: openness(base.graph, { halfLifeDays }), options: { ...base.options, opennessHalfLifeDays: halfLifeDays } };
    world.opennessVariants.set(halfLifeDays, index);
  }
  return index;
}

function key(n: number, a: number, b: number): number {
  return a < b ? a * n + b : b * n + a;
}

/** Linked in training: any message either way, i.e. an acquaintance entry (tied or one-way). */
function isLinked(index: IntroductionIndex, a: number, b: number): boolean {
  return findEntry(index.graph, a, b) >= 0;
}

// ---------------------------------------------------------------------------------------------- scoring

/** Pairs with a score (a < b), in a fixed order, with what the metrics need per pair. */
interface Pairs {
  a: Uint32Array;
  b: Uint32Array;
  /** pair key → position */
  slot: Map<number, number>;
  positive: Uint8Array;
  /** seeded hash of the pair: the tie-break of every method */
  tiebreak: number[];
}

interface Ranking {
  a: number[];
  b: number[];
  raw: number[];
}

/**
 * The engine end to end: rankCandidates for every person (caps off, each unordered pair once), keeping the
 * candidates of the protocol (pairs one-way linked in training are candidates for the product, not here).
 */
function scorerRanking(world: World, index: IntroductionIndex, weights: PairScoreWeights): Ranking {
  const out: Ranking = { a: [], b: [], raw: [] };
  for (const x of world.sampled) {
    const r = rankCandidates(index, x, {
      now: world.now,
      weights,
      keep: Number.POSITIVE_INFINITY,
      maxIntermediaries: Number.POSITIVE_INFINITY,
      maxFanout: Number.POSITIVE_INFINITY,
      maxVisits: Number.POSITIVE_INFINITY,
      onlyGreaterIndex: true,
      ordered: false,
    });
    for (let k = 0; k < r.partner.length; k++) {
      const y = r.partner[k];
      if (!world.inSample[y] || isLinked(index, x, y)) continue;
      out.a.push(x);
      out.b.push(y);
      out.raw.push(r.raw[k]);
    }
  }
  return out;
}

function pairsOf(world: World, ranking: Ranking): Pairs {
  const m = ranking.a.length;
  const slot = new Map<number, number>();
  const positive = new Uint8Array(m);
  const tiebreak: number[] = new Array(m);
  for (let j = 0; j < m; j++) {
    const k = key(world.n, ranking.a[j], ranking.b[j]);
    slot.set(k, j);
    positive[j] = world.positives.has(k) ? 1 : 0;
    tiebreak[j] = hashUnit(SEED, ranking.a[j], ranking.b[j]);
  }
  return { a: Uint32Array.from(ranking.a), b: Uint32Array.from(ranking.b), slot, positive, tiebreak };
}

/** A ranking's scores in the order of `pairs` (0 for a pair it does not score). */
function aligned(world: World, pairs: Pairs, ranking: Ranking): Float64Array {
  const s = new Float64Array(pairs.a.length);
  for (let j = 0; j < ranking.a.length; j++) {
    const at = pairs.slot.get(key(world.n, ranking.a[j], ranking.b[j]));
    if (at === undefined) throw new Error('eval-introductions: a ranking scored a pair outside the candidate pairs');
    s[at] = ranking.raw[j];
  }
  return s;
}

/** Plain common neighbours or Adamic-Adar for every unlinked pair with a common acquaintance, by wedges. */
function baselineRanking(world: World, kind: 'adamic-adar' | 'common-neighbours'): Ranking {
  const g = world.index.graph;
  const n = world.n;
  const acc = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const out: Ranking = { a: [], b: [], raw: [] };
  for (const x of world.sampled) {
    const touched: number[] = [];
    for (let e = g.offsets[x]; e < g.offsets[x + 1]; e++) mark[g.neighbours[e]] = x;
    for (let e = g.offsets[x]; e < g.offsets[x + 1]; e++) {
      const i = g.neighbours[e];
      const d = g.offsets[i + 1] - g.offsets[i];
      const inc = kind === 'adamic-adar' ? 1 / Math.log(d) : 1;
      for (let f = g.offsets[i]; f < g.offsets[i + 1]; f++) {
        const y = g.neighbours[f];
        if (y <= x || mark[y] === x || !world.inSample[y]) continue;
        if (acc[y] === 0) touched.push(y);
        acc[y] += inc;
      }
    }
    for (const y of touched) {
      out.a.push(x);
      out.b.push(y);
      out.raw.push(acc[y]);
      acc[y] = 0;
    }
  }
  return out;
}

function baselinePair(world: World, kind: 'adamic-adar' | 'common-neighbours', a: number, b: number): number {
  const g = world.index.graph;
  let s = 0;
  forEachCommonTie(g, a, b, (i) => {
    s += kind === 'adamic-adar' ? 1 / Math.log(g.offsets[i + 1] - g.offsets[i]) : 1;
  });
  return s;
}

type Hits = Record<string, number>;

/**
 * Hits among the top k of the global ranking, ties broken by the seeded hash of the pair (the order of
 * rank-candidates.ts's topK with the hash as id). The k-th largest score is found by selection first, so only
 * the pairs at or above it are sorted: the grid calls this a thousand times on up to a million pairs.
 */
function topHits(pairs: Pairs, score: ArrayLike<number>): Hits {
  const order = topOrder(pairs, score);
  const hits: Hits = {};
  let h = 0;
  order.forEach((j, r) => {
    h += pairs.positive[j];
    if ((KS as readonly number[]).includes(r + 1)) hits[r + 1] = h;
  });
  for (const k of KS) if (hits[k] === undefined) hits[k] = h; // fewer scored pairs than k: the rest score 0
  return hits;
}

/** Positions (in `pairs`) of the top max(KS) of the global ranking, best first. */
function topOrder(pairs: Pairs, score: ArrayLike<number>): number[] {
  const m = pairs.a.length;
  const kMax = KS[KS.length - 1];
  const threshold = m > kMax ? kthLargest(Float64Array.from(score), kMax) : Number.NEGATIVE_INFINITY;
  const above: number[] = [];
  const s: number[] = [];
  const ids: number[] = [];
  for (let j = 0; j < m; j++) {
    if (!(score[j] >= threshold)) continue;
    above.push(j);
    s.push(score[j]);
    ids.push(pairs.tiebreak[j]);
  }
  return topK(s, ids, kMax).map((q) => above[q]);
}

/** Rank (1-based) within the top max(KS) of every positive pair a ranking puts there, by pair key. */
function positiveRanks(world: World, pairs: Pairs, score: ArrayLike<number>): Map<number, number> {
  const ranks = new Map<number, number>();
  topOrder(pairs, score).forEach((j, r) => {
    if (pairs.positive[j]) ranks.set(key(world.n, pairs.a[j], pairs.b[j]), r + 1);
  });
  return ranks;
}

const BOOTSTRAP_RESAMPLES = 2000;

interface HitsDifference {
  k: number;
  /** hits of the scorer − hits of the baseline on the test window */
  observed: number;
  /** 2.5 % and 97.5 % quantiles of the same difference over resampled positive sets */
  interval: [number, number];
  /** share of resamples in which the scorer has more hits than the baseline */
  scorerAhead: number;
}

/**
 * Paired bootstrap (per-person.ts) of the difference in items two rankings place in their top k: `ranks` map each
 * item (a positive pair by key, or a person) to its rank under each method, absent = beyond every k. Items are
 * resampled with replacement (a new draw of which pairs happened to form), both rankings fixed. It says how much
 * of an observed difference is the luck of a few items, when the test window holds few positives.
 */
function rankDifference(items: number[], ks: readonly number[], scorer: Map<number, number>, baseline: Map<number, number>, seed: number): HitsDifference[] {
  const rng = seededRng(seed);
  return ks.map((k) => {
    const inTop = (ranks: Map<number, number>, item: number) => ((ranks.get(item) ?? Number.POSITIVE_INFINITY) <= k ? 1 : 0);
    const b = pairedBootstrap(
      items.map((item) => inTop(scorer, item) - inTop(baseline, item)),
      BOOTSTRAP_RESAMPLES,
      rng,
    );
    return { k, observed: b.observed, interval: b.interval, scorerAhead: b.ahead };
  });
}

/** Scorer − baseline in hits@k (KS) of the global rankings, over the window's positive pairs. */
function hitsDifference(world: World, scorer: Map<number, number>, baseline: Map<number, number>): HitsDifference[] {
  return rankDifference([...world.positives], KS, scorer, baseline, SEED + 1);
}

/** Scorer − baseline in people with a new acquaintance in their own top k (PERSON_KS), over those people. */
function personalDifference(scorer: PersonalResult, baseline: PersonalResult): HitsDifference[] {
  return rankDifference([...scorer.ranks.keys()], PERSON_KS, scorer.ranks, baseline.ranks, SEED + 2);
}

/** Per-person summary and ranks of one method on a window (per-person.ts). */
function perPerson(world: World, pairs: Pairs, score: ArrayLike<number>): PersonalResult {
  const positives = [...world.positives].map((k): [number, number] => [Math.floor(k / world.n), k % world.n]);
  const ranks = perPersonRanks(positives, pairs, score);
  return { summary: summarisePerPerson(ranks), ranks };
}

/** The k-th largest value of `values` (reordered in place): iterative quickselect with three-way partitions. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1; // position in descending order
  for (;;) {
    if (lo >= hi) return values[lo];
    const pivot = values[(lo + hi) >>> 1];
    // [lo, lt) > pivot, [lt, i) = pivot, (gt, hi] < pivot
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i];
      if (v > pivot) {
        values[i] = values[lt];
        values[lt] = v;
        lt++;
        i++;
      } else if (v < pivot) {
        values[i] = values[gt];
        values[gt] = v;
        gt--;
      } else i++;
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
}

interface AucSample {
  positives: [number, number][];
  negatives: [number, number][];
}

function aucSample(world: World): AucSample {
  const rng = seededRng(SEED);
  let positives = [...world.positives].map((k): [number, number] => [Math.floor(k / world.n), k % world.n]);
  if (positives.length > AUC_MAX_POSITIVES) {
    for (let j = positives.length - 1; j > 0; j--) {
      const r = Math.floor(rng() * (j + 1));
      [positives[j], positives[r]] = [positives[r], positives[j]];
    }
    positives = positives.slice(0, AUC_MAX_POSITIVES);
  }
  const negatives: [number, number][] = [];
  const taken = new Set<number>();
  // small networks have fewer candidate non-positives than AUC_NEGATIVES: take at most half of them
  const m = world.sampled.length;
  // linked pairs among the sampled people: about fraction² of all of them
  const linked = world.index.graph.pairCount * (m / world.n) ** 2;
  const candidates = (m * (m - 1)) / 2 - linked - world.positives.size;
  const wanted = Math.min(AUC_NEGATIVES, Math.floor(candidates / 2));
  while (negatives.length < wanted) {
    const a = world.sampled[Math.floor(rng() * m)];
    const b = world.sampled[Math.floor(rng() * m)];
    if (a === b) continue;
    const k = key(world.n, a, b);
    if (taken.has(k) || world.positives.has(k) || isLinked(world.index, a, b)) continue;
    taken.add(k);
    negatives.push([Math.min(a, b), Math.max(a, b)]);
  }
  return { positives, negatives };
}

/** Mann–Whitney AUC: P(score of a positive > score of a negative), ties counting ½. */
function auc(pos: number[], neg: number[]): number {
  const all = [...pos.map((s) => ({ s, p: 1 })), ...neg.map((s) => ({ s, p: 0 }))].sort((x, y) => x.s - y.s);
  let rankSum = 0;
  for (let k = 0; k < all.length; ) {
    let m = k;
    while (m + 1 < all.length && all[m + 1].s === all[k].s) m++;
    const avg = (k + m) / 2 + 1;
    for (let q = k; q <= m; q++) if (all[q].p) rankSum += avg;
    k = m + 1;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

interface Metrics {
  precision: Record<string, number>;
  recall: Record<string, number>;
  hits: Hits;
  auc: number;
}

function metrics(world: World, hits: Hits, sample: AucSample, pairScore: (a: number, b: number) => number): Metrics {
  const precision: Record<string, number> = {};
  const recall: Record<string, number> = {};
  for (const k of KS) {
    precision[k] = hits[k] / k;
    recall[k] = world.positives.size > 0 ? hits[k] / world.positives.size : 0;
  }
  const value = auc(
    sample.positives.map(([a, b]) => pairScore(a, b)),
    sample.negatives.map(([a, b]) => pairScore(a, b)),
  );
  return { precision, recall, hits, auc: value };
}

// ---------------------------------------------------------------------------------------------- fitting

const GRID = {
  halfLifeDays: [7, 30, 120, Number.POSITIVE_INFINITY],
  degreePenalty: ['adamic-adar', 'resource-allocation'] as const,
  openness: [0, 0.3, 1, 3],
  opennessHalfLifeDays: [7, 30],
  degreeNormalisation: [-0.5, -0.25, 0, 0.25, 0.5],
  /** only on data with sectors */
  sectors: [0, 0.5, 2],
};

/** The weights the grid leaves alone: no boost but the fitted ones (bridging, complementarity, record: nothing to fit here). */
const NEUTRAL: Partial<PairScoreWeights> = { complementarity: 0, sectors: 0, bridging: 0, openness: 0, record: 0, degreeNormalisation: 0 };

export interface Setting {
  halfLifeDays: number;
  degreePenalty: PairScoreWeights['degreePenalty'];
  openness: number;
  opennessHalfLifeDays: number;
  degreeNormalisation: number;
  sectors: number;
}

function settings(hasSectors: boolean): Setting[] {
  const out: Setting[] = [];
  for (const halfLifeDays of GRID.halfLifeDays)
    for (const degreePenalty of GRID.degreePenalty)
      for (const w of GRID.openness)
        for (const opennessHalfLifeDays of w === 0 ? [OPENNESS_DEFAULTS.halfLifeDays] : GRID.opennessHalfLifeDays)
          for (const degreeNormalisation of GRID.degreeNormalisation)
            for (const sectors of hasSectors ? GRID.sectors : [0]) out.push({ halfLifeDays, degreePenalty, openness: w, opennessHalfLifeDays, degreeNormalisation, sectors });
  return out;
}

function weightsOf(s: Setting): PairScoreWeights {
  return { ...PAIR_SCORE_DEFAULTS, bridging: 0, halfLifeDays: s.halfLifeDays, degreePenalty: s.degreePenalty, openness: s.openness, degreeNormalisation: s.degreeNormalisation, sectors: s.sectors };
}

/**
 * One window prepared for fast scoring of many settings: the structure term per (half-life, penalty) and each
 * boost factor per value, all from the engine, aligned on the same pairs. score = structure × factors.
 */
interface Prepared {
  world: World;
  pairs: Pairs;
  structure: Map<string, Float64Array>;
  factor: Map<string, Float64Array>;
  sample: AucSample;
  sampleSlot: { positives: number[]; negatives: number[] };
  adamicAdar: Hits;
  /** rank of each positive Adamic-Adar puts in its top max(KS), by pair key (the paired bootstraps) */
  adamicAdarRanks: Map<number, number>;
  commonNeighbours: Hits;
  /** each person's own list (per-person.ts) under the baselines */
  personal: { adamicAdar: PersonalResult; commonNeighbours: PersonalResult };
}

interface PersonalResult {
  summary: PerPerson;
  /** rank of each person's first new acquaintance in their own list (Infinity: not in it) */
  ranks: Map<number, number>;
}

function prepare(world: World, hasSectors: boolean, tick: Tick): Prepared {
  const structure = new Map<string, Float64Array>();
  let pairs: Pairs | null = null;
  for (const h of GRID.halfLifeDays) {
    for (const pen of GRID.degreePenalty) {
      const ranking = scorerRanking(world, world.index, { ...PAIR_SCORE_DEFAULTS, ...NEUTRAL, halfLifeDays: h, degreePenalty: pen });
      pairs ??= pairsOf(world, ranking);
      structure.set(`${h}|${pen}`, aligned(world, pairs, ranking));
      tick(WORK.sweep);
    }
  }
  const p = pairs!;
  const factor = new Map<string, Float64Array>();
  const fill = (name: string, index: IntroductionIndex, w: Partial<PairScoreWeights>) => {
    const f = new Float64Array(p.a.length);
    const weights = { ...PAIR_SCORE_DEFAULTS, ...NEUTRAL, ...w };
    for (let j = 0; j < f.length; j++) f[j] = pairBoost(index, p.a[j], p.b[j], weights);
    factor.set(name, f);
    tick(WORK.factor);
  };
  for (const w of GRID.openness) for (const h of GRID.opennessHalfLifeDays) if (w > 0) fill(`o${w}|${h}`, indexWithOpenness(world, h), { openness: w });
  for (const g of GRID.degreeNormalisation) if (g !== 0) fill(`g${g}`, world.index, { degreeNormalisation: g });
  if (hasSectors) for (const s of GRID.sectors) if (s > 0) fill(`s${s}`, world.index, { sectors: s });
  const sample = aucSample(world);
  const slotOf = ([a, b]: [number, number]) => p.slot.get(key(world.n, a, b)) ?? -1;
  const aa = baselineRanking(world, 'adamic-adar');
  const aaPairs = pairsOf(world, aa);
  const adamicAdarRanks = positiveRanks(world, aaPairs, aa.raw);
  const adamicAdar = hitsOfRanks(adamicAdarRanks);
  tick(WORK.baseline);
  const cn = baselineRanking(world, 'common-neighbours');
  const cnPairs = pairsOf(world, cn);
  const commonNeighbours = topHits(cnPairs, cn.raw);
  tick(WORK.baseline);
  const personal = { adamicAdar: perPerson(world, aaPairs, aa.raw), commonNeighbours: perPerson(world, cnPairs, cn.raw) };
  return { world, pairs: p, structure, factor, sample, sampleSlot: { positives: sample.positives.map(slotOf), negatives: sample.negatives.map(slotOf) }, adamicAdar, adamicAdarRanks, commonNeighbours, personal };
}

/**
 * Progress, in units of work: roughly one engine sweep over every sampled person's two-hop neighbourhood
 * (what dominates on large files); the other steps are weighted from profiles of a million-row file.
 */
type Tick = (units: number) => void;

const WORK = { world: 1, sweep: 1, factor: 0.25, baseline: 0.5, setting: 0.01, engine: 1.5 };

function prepareWork(hasSectors: boolean): number {
  const fills = (GRID.openness.length - 1) * GRID.opennessHalfLifeDays.length + (GRID.degreeNormalisation.length - 1) + (hasSectors ? GRID.sectors.length - 1 : 0);
  return WORK.world + GRID.halfLifeDays.length * GRID.degreePenalty.length * WORK.sweep + fills * WORK.factor + 2 * WORK.baseline;
}

/** Hits at each k of KS from the ranks of the positives in the top max(KS) (the same counts as topHits). */
function hitsOfRanks(ranks: Map<number, number>): Hits {
  const hits: Hits = {};
  for (const k of KS) hits[k] = 0;
  for (const r of ranks.values()) for (const k of KS) if (r <= k) hits[k]++;
  return hits;
}

function shortcutScore(prep: Prepared, s: Setting): Float64Array {
  const base = prep.structure.get(`${s.halfLifeDays}|${s.degreePenalty}`)!;
  const factors = [
    s.openness > 0 ? prep.factor.get(`o${s.openness}|${s.opennessHalfLifeDays}`)! : null,
    s.degreeNormalisation !== 0 ? prep.factor.get(`g${s.degreeNormalisation}`)! : null,
    s.sectors > 0 ? prep.factor.get(`s${s.sectors}`)! : null,
  ].filter((f): f is Float64Array => f !== null);
  const out = Float64Array.from(base);
  for (const f of factors) for (let j = 0; j < out.length; j++) out[j] *= f[j];
  return out;
}

/** The shortcut's AUC on the window's sample, computed at the sampled pairs only. */
function shortcutAuc(prep: Prepared, s: Setting): number {
  const arrays = [
    prep.structure.get(`${s.halfLifeDays}|${s.degreePenalty}`)!,
    s.openness > 0 ? prep.factor.get(`o${s.openness}|${s.opennessHalfLifeDays}`)! : null,
    s.degreeNormalisation !== 0 ? prep.factor.get(`g${s.degreeNormalisation}`)! : null,
    s.sectors > 0 ? prep.factor.get(`s${s.sectors}`)! : null,
  ].filter((f): f is Float64Array => f !== null);
  const at = (j: number) => (j >= 0 ? arrays.reduce((acc, f) => acc * f[j], 1) : 0);
  return auc(prep.sampleSlot.positives.map(at), prep.sampleSlot.negatives.map(at));
}

interface Scored {
  setting: Setting;
  /** per fold */
  hits: Hits[];
}

const objective = (hits: Hits[]): number => hits.reduce((acc, h) => acc + Math.log1p(h[100]) + Math.log1p(h[1000]), 0);

interface Family {
  name: string;
  why: string;
  keep: (s: Setting) => boolean;
  /** the inner folds it is fitted on (indices) */
  folds: number[];
}

const FAMILIES: Family[] = [
  { name: 'scorer', why: 'the full grid, both inner folds', keep: () => true, folds: [0, 1] },
  { name: 'one inner fold', why: "the full grid on fold 2 alone (the previous procedure's single inner split)", keep: () => true, folds: [1] },
  { name: 'forward check', why: 'the full grid on fold 1 alone: its fold-2 hits are out of sample, a test inside the training window', keep: () => true, folds: [0] },
  { name: 'no degree normalisation', why: 'γ = 0', keep: (s) => s.degreeNormalisation === 0, folds: [0, 1] },
  { name: 'degree penalty only', why: 'γ ≥ 0 (well-connected people never favoured), as the previous grid', keep: (s) => s.degreeNormalisation >= 0, folds: [0, 1] },
  { name: 'no openness', why: 'w_o = 0', keep: (s) => s.openness === 0, folds: [0, 1] },
  { name: 'no tie recency', why: 'half-life ∞', keep: (s) => s.halfLifeDays === Number.POSITIVE_INFINITY, folds: [0, 1] },
  { name: 'Adamic-Adar penalty only', why: 'π(d) = 1/ln d', keep: (s) => s.degreePenalty === 'adamic-adar', folds: [0, 1] },
  { name: 'resource allocation only', why: 'π(d) = 1/d', keep: (s) => s.degreePenalty === 'resource-allocation', folds: [0, 1] },
  { name: 'openness half-life 7 d only', why: 'openness over the last weeks', keep: (s) => s.openness === 0 || s.opennessHalfLifeDays === 7, folds: [0, 1] },
  { name: 'openness half-life 30 d only', why: 'openness over the last months, the engine default', keep: (s) => s.openness === 0 || s.opennessHalfLifeDays === 30, folds: [0, 1] },
  { name: 'no sectors', why: 'w_s = 0 (data with sectors only)', keep: (s) => s.sectors === 0, folds: [0, 1] },
];

interface FamilyChoice {
  family: string;
  why: string;
  setting: Setting;
  objective: number;
  innerHits: Hits[];
  innerAuc: number;
}

function choose(family: Family, scored: Scored[], folds: Prepared[]): FamilyChoice {
  let best: Scored | null = null;
  let bestObjective = Number.NEGATIVE_INFINITY;
  let bestAuc = Number.NEGATIVE_INFINITY;
  for (const s of scored) {
    if (!family.keep(s.setting)) continue;
    const o = objective(family.folds.map((f) => s.hits[f]));
    if (o < bestObjective) continue;
    // AUC only to break ties of the objective (it is the slower part)
    const a = family.folds.reduce((acc, f) => acc + shortcutAuc(folds[f], s.setting), 0) / family.folds.length;
    if (o === bestObjective && a <= bestAuc) continue;
    best = s;
    bestObjective = o;
    bestAuc = a;
  }
  return { family: family.name, why: family.why, setting: best!.setting, objective: bestObjective, innerHits: best!.hits, innerAuc: bestAuc };
}

// ---------------------------------------------------------------------------------------------- main

export interface MethodResult extends Metrics {
  method: string;
  weights?: Setting;
}

export type DatasetResult = ReturnType<typeof evaluateDataset>;

function evaluateDataset(ds: Dataset) {
  const started = performance.now();
  const hasSectors = ds.sectors !== null;
  const t0 = ds.rows[0].t;
  const t1 = ds.rows[ds.rows.length - 1].t;
  const cut = t0 + 0.8 * (t1 - t0);
  const L = cut - t0;
  const sampling = chooseSampling(ds.rows, cut);
  const grid = settings(hasSectors);
  const total = 3 * prepareWork(hasSectors) + 2 * grid.length * WORK.setting + 2 * WORK.engine;
  const bar = new ProgressBar({ label: ds.name, total, unit: null, interval: process.stderr.isTTY ? 100 : 15_000 });
  let done = 0;
  let stage = '';
  const tick: Tick = (units) => bar.update((done += units), 0, stage);
  const at = (what: string) => {
    stage = `${ds.name}: ${what}`;
    tick(0);
  };
  const window = (what: string, lo: number, hi: number, end: number, withCommunities = false) => {
    at(`${what}: building the network`);
    const world = buildWorld(ds, lo, hi, end, sampling, withCommunities);
    tick(WORK.world);
    at(`${what}: scoring ${world.sampled.length.toLocaleString('en-US')} people's candidates`);
    return prepare(world, hasSectors, tick);
  };
  const folds = [window('inner fold 1 of 2', t0, t0 + 0.6 * L, t0 + 0.8 * L), window('inner fold 2 of 2', t0, t0 + 0.8 * L, cut)];
  at(`fitting ${grid.length} weight settings on the inner folds`);
  const scored: Scored[] = grid.map((setting) => {
    const hits = folds.map((f) => topHits(f.pairs, shortcutScore(f, setting)));
    tick(2 * WORK.setting);
    return { setting, hits };
  });
  const families = FAMILIES.filter((f) => hasSectors || f.name !== 'no sectors');
  const choices = families.map((f) => choose(f, scored, folds));
  const fitted = choices[0];
  // The forward check: chosen on fold 1 alone, compared with Adamic-Adar on fold 2, positive by positive.
  const forwardChoice = choices.find((c) => c.family === 'forward check')!;
  const f2 = folds[1];
  const forwardScore = shortcutScore(f2, forwardChoice.setting);
  const forward = hitsDifference(f2.world, positiveRanks(f2.world, f2.pairs, forwardScore), f2.adamicAdarRanks);
  const forwardPersonal = perPerson(f2.world, f2.pairs, forwardScore);
  const forwardPerPerson = {
    scorer: forwardPersonal.summary,
    adamicAdar: f2.personal.adamicAdar.summary,
    versusAdamicAdar: personalDifference(forwardPersonal, f2.personal.adamicAdar),
  };
  const fitMs = performance.now() - started;

  // The test window, used once.
  const test = window('test window', t0, cut, t1, true);
  const world = test.world;
  at('test window: the engine end to end');
  const sample = test.sample;
  const results: MethodResult[] = [];
  let fittedRanks = new Map<number, number>();
  const personal: ({ method: string } & PersonalResult)[] = [];
  const engine = (method: string, index: IntroductionIndex, weights: PairScoreWeights): Metrics => {
    const ranking = scorerRanking(world, index, weights);
    const pairs = pairsOf(world, ranking);
    fittedRanks = positiveRanks(world, pairs, ranking.raw);
    personal.push({ method, ...perPerson(world, pairs, ranking.raw) });
    const m = metrics(world, topHits(pairs, ranking.raw), sample, (a, b) => scorePair(index, a, b, { now: world.now, weights }).raw);
    tick(WORK.engine);
    return m;
  };
  const FITTED = 'scorer (weights fitted on the training window)';
  const fittedRow = engine(FITTED, indexWithOpenness(world, fitted.setting.opennessHalfLifeDays), weightsOf(fitted.setting));
  const scorerRanks = fittedRanks;
  const versusAdamicAdar = hitsDifference(world, scorerRanks, test.adamicAdarRanks);
  results.push({ method: FITTED, weights: fitted.setting, ...fittedRow });
  results.push({ method: 'scorer (engine defaults)', ...engine('scorer (engine defaults)', world.index, { ...PAIR_SCORE_DEFAULTS }) });
  personal.push({ method: 'Adamic-Adar', ...test.personal.adamicAdar }, { method: 'common neighbours', ...test.personal.commonNeighbours });
  const perPersonVersusAdamicAdar = personalDifference(personal[0], test.personal.adamicAdar);
  results.push({ method: 'Adamic-Adar', ...metrics(world, test.adamicAdar, sample, (a, b) => baselinePair(world, 'adamic-adar', a, b)) });
  results.push({ method: 'common neighbours', ...metrics(world, test.commonNeighbours, sample, (a, b) => baselinePair(world, 'common-neighbours', a, b)) });
  const ideas: MethodResult[] = choices.slice(1).map((c) => {
    const hits = topHits(test.pairs, shortcutScore(test, c.setting));
    const m = metrics(world, hits, { positives: [[0, 0]], negatives: [[0, 0]] }, () => 0);
    return { method: `idea: ${c.family}`, weights: c.setting, ...m, auc: shortcutAuc(test, c.setting) };
  });
  // The grid's shortcut against the engine end to end, for the fitted weights.
  const shortcutHits = topHits(test.pairs, shortcutScore(test, fitted.setting));
  const shortcutAgrees = KS.every((k) => shortcutHits[k] === fittedRow.hits[k]);

  bar.finish();
  let atDistance2 = 0;
  for (const k of world.positives) {
    let common = false;
    forEachCommonTie(world.index.graph, Math.floor(k / world.n), k % world.n, () => {
      common = true;
    });
    if (common) atDistance2++;
  }
  return {
    dataset: ds.name,
    file: ds.file,
    layout: ds.layout,
    sectors: ds.sectorNote,
    span: { from: t0, to: t1, cutoff: cut, unit: 'seconds' },
    training: { rows: world.trainRows, people: world.n, acquaintancePairs: world.index.graph.pairCount, communities: world.index.communities.count },
    sampling: { wedges: sampling.wedges, wedgeBudget: WEDGE_BUDGET, fraction: sampling.fraction, sampledPeople: world.sampled.length },
    test: { rows: world.testRows, positives: world.positives.size, positivesAtDistance2: atDistance2, scoredPairs: test.pairs.a.length },
    auc: { positives: sample.positives.length, negatives: sample.negatives.length, seed: SEED },
    fit: {
      innerFolds: folds.map((f, k) => ({
        network: k === 0 ? '[t0, t0 + 0.6 L)' : '[t0, t0 + 0.8 L)',
        positivesWindow: k === 0 ? '[t0 + 0.6 L, t0 + 0.8 L]' : '[t0 + 0.8 L, cut]',
        people: f.world.n,
        positives: f.world.positives.size,
        adamicAdarHits: f.adamicAdar,
        commonNeighboursHits: f.commonNeighbours,
      })),
      objective: 'Σ over inner folds of ln(1 + hits@100) + ln(1 + hits@1000); mean AUC breaks ties',
      grid: GRID,
      settings: grid.length,
      fixed: { minTrust: PAIR_SCORE_DEFAULTS.minTrust, undatedRecency: PAIR_SCORE_DEFAULTS.undatedRecency, bridging: 0, complementarity: 'no offers/seeks in these data', record: 'no introductions' },
      choices,
      shortcutAgreesWithEngine: shortcutAgrees,
    },
    results,
    ideas,
    versusAdamicAdar,
    perPerson: personal.map((p) => ({ method: p.method, ...p.summary })),
    perPersonVersusAdamicAdar,
    forwardVersusAdamicAdar: forward,
    forwardPerPerson,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    fitSeconds: Math.round(fitMs / 10) / 100,
  };
}


const USAGE =
  'usage: npm run eval:introductions -- [--only-extra] [--extra FILE [--people-columns A,B] [--time-column N] [--time-unit s|ms|us|d]]...\n' +
  '  --extra FILE          also evaluate this temporal edge list (repeatable; SRC DST … TIME per line, see bench/temporal-edges.ts)\n' +
  '  --people-columns A,B  for the FILE before it: the 1-based columns of the source and the target (1,2 otherwise)\n' +
  '  --time-column N       for the FILE before it: the 1-based column holding the time (found from the data otherwise)\n' +
  '  --time-unit U         for the FILE before it: numeric times in s, ms, us or d (found from their size otherwise)\n' +
  '  --only-extra          skip the two default datasets';

function load(file: string, options: ReadOptions): { rows: Row[]; layout: string } {
  const read = readTemporalEdges(file, options);
  console.log(`${path.basename(file)}: ${read.layout}`);
  for (const line of read.warning?.split('\n') ?? []) console.warn(`warning: ${line}`);
  return { rows: read.rows, layout: read.layout };
}

/** The two datasets of the issue, from ../shared/data (the email one with departments as sectors). */
function defaultDatasets(): Dataset[] {
  const college: Dataset = {
    name: 'college-msg',
    file: '../shared/data/college-msg/CollegeMsg.txt',
    ...load(sharedPath('data/college-msg/CollegeMsg.txt'), {}),
    sectors: null,
    sectorNote: 'none in the data',
  };
  const emailRead = load(sharedPath('data/email-eu-core/email-Eu-core-temporal.txt'), {});
  const departments = emailDepartments(emailRead.rows);
  const email: Dataset = {
    name: 'email-eu-core',
    file: '../shared/data/email-eu-core/email-Eu-core-temporal.txt',
    rows: emailRead.rows,
    layout: emailRead.layout,
    sectors: departments.sectors,
    sectorNote: departments.note,
  };
  return [college, email];
}

function main(): void {
  const started = performance.now();
  const args = process.argv.slice(2);
  const extras: Dataset[] = [];
  const fail = (message: string): never => {
    console.error(`eval-introductions: ${message}\n${USAGE}`);
    process.exit(2);
  };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--only-extra') continue;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return;
    }
    if (arg !== '--extra') fail(`unknown argument ${arg}`);
    const file = args[++k];
    if (!file || file.startsWith('--')) fail('--extra needs a file');
    const options: ReadOptions = {};
    while (['--time-column', '--time-unit', '--people-columns'].includes(args[k + 1])) {
      const flag = args[++k];
      const value = args[++k];
      if (flag === '--people-columns') {
        const cols = (value ?? '').split(',').map(Number);
        if (cols.length !== 2 || !cols.every((c) => Number.isInteger(c) && c >= 1) || cols[0] === cols[1]) fail(`--people-columns needs two different column numbers, as 2,3, not ${value}`);
        options.peopleColumns = [cols[0], cols[1]];
      } else if (flag === '--time-column') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) fail(`--time-column needs a column number (1 for the first), not ${value}`);
        options.timeColumn = n;
      } else {
        if (!['s', 'ms', 'us', 'd'].includes(value)) fail(`--time-unit is one of s, ms, us, d, not ${value}`);
        options.timeUnit = value as TimeUnit;
      }
    }
    let read: { rows: Row[]; layout: string };
    try {
      read = load(file, options);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return fail(err.code === 'ENOENT' ? `no such file: ${file}` : err.message);
    }
    const { rows, layout } = read;
    extras.push({ name: path.basename(file), file, rows, sectors: null, sectorNote: 'none', layout });
  }
  const onlyExtra = args.includes('--only-extra');
  if (onlyExtra && extras.length === 0) fail('--only-extra needs at least one --extra FILE');
  const datasets = [...(onlyExtra ? [] : defaultDatasets()), ...extras].map((ds) => {
    const r = evaluateDataset(ds);
    const sampled = r.sampling.fraction < 1 ? `; pairs among ${r.sampling.sampledPeople} sampled people (${r.sampling.wedges} wedges)` : '';
    console.log(`${ds.name}: ${r.seconds} s (fit ${r.fitSeconds} s)${sampled}`);
    for (const m of [...r.results, ...r.ideas]) console.log(`  ${m.method.padEnd(50)} hits@10/100/1000 ${m.hits[10]}/${m.hits[100]}/${m.hits[1000]}  AUC ${fmt(m.auc)}`);
    if (r.test.positives === 0) console.log('  no positives in the test window: nothing to predict (see the report)');
    for (const x of r.versusAdamicAdar) console.log(`  scorer − Adamic-Adar @${x.k}: ${x.observed} (95 % bootstrap ${x.interval[0]} … ${x.interval[1]}; ahead in ${Math.round(x.scorerAhead * 100)} %)`);
    return r;
  });
  const report = buildReport(datasets, Math.round((performance.now() - started) / 10) / 100, COMMAND);
  const dir = path.join(import.meta.dirname, 'results');
  const name = extras.length > 0 ? 'introductions-eval-extra' : 'introductions-eval';
  if (extras.length > 0) report.command = `${COMMAND} ${args.join(' ')}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, (_, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v), 2)}\n`);
  writeFileSync(path.join(dir, `${name}.md`), markdown(report, BOOTSTRAP_RESAMPLES));
  console.log(`wrote bench/results/${name}.{json,md} in ${report.seconds} s`);
}

main();
