/**
 * Evaluation of the introduction scorer as a predictor of new ties: `npx tsx bench/eval-introductions.ts`.
 * Writes bench/results/introductions-eval.json and .md. Runs in CI; about a minute on two cores.
 * `--extra FILE` (repeatable) evaluates another temporal edge list the same way (`SRC DST TIME`, or SNAP's
 * `SOURCE,TARGET,RATING,TIME`), and `--only-extra` skips the two default datasets; both then write
 * bench/results/introductions-eval-extra.{json,md} instead, so the CI record is not overwritten.
 *
 * Protocol, per dataset (../shared/data: CollegeMsg, SRC DST UNIXTS; email-Eu-core-temporal, SRC DST relative
 * seconds):
 * - rows sorted by time; the network (one event per message: sender DROVE, recipient REACHED) is built from the
 *   first 80 % of the time span, and `now` is the cut-off;
 * - positives: unordered pairs whose first message falls in the last 20 %, both people present in training,
 *   not linked in training;
 * - candidates: every unordered pair of training people not linked in training; each method scores the pairs at
 *   distance 2 (all others score 0, for every method alike);
 * - precision@k and recall@k, k ∈ {10, 100, 1000}, over the global ranking, ties broken by a seeded hash of
 *   the pair, the same for every method; AUC (Mann–Whitney, ties count ½) of all positives (at most 10,000,
 *   sampled with a fixed seed) against 10,000 candidate non-positives sampled with a fixed seed;
 * - methods: the scorer (the engine's rankCandidates / scorePair, i.e. what suggestForPerson ranks by), with
 *   weights fitted on the training window only; the same without its openness factor (an ablation); the
 *   scorer with the engine's default weights; plain Adamic-Adar; common neighbours.
 * - fitting: the training window is split again 80/20 in time; a small grid (below) is scored on that inner
 *   split by P@100 + P@1000 (AUC breaks ties) and the best weights are then used, unchanged, on the real split.
 *   The test window is never looked at before the final scoring.
 *
 * Sectors: email-Eu-core's department labels are keyed by the ids of the static graph email-Eu-core.txt, which
 * differ from the temporal file's ids (PROVENANCE.md warns). The static graph minus its self-loops has exactly
 * as many edges as the temporal file has distinct pairs, so the two are aligned here by colour refinement
 * (1-dimensional Weisfeiler–Lehman on the directed graphs), and the alignment is used only if every temporal
 * edge between uniquely aligned nodes is an edge of the static graph. People in structurally indistinguishable
 * groups get a department only if the whole group shares it.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectionBuilder } from '../src/domain/projection.ts';
import { buildIntroductionIndex, type IntroductionIndex } from '../src/engine/introductions/introduction-index.ts';
import { forEachCommonTie, pairBoost, PAIR_SCORE_DEFAULTS, scorePair, type PairScoreWeights } from '../src/engine/introductions/pair-score.ts';
import { rankCandidates, topK } from '../src/engine/introductions/rank-candidates.ts';
import { OPENNESS_DEFAULTS } from '../src/engine/introductions/openness.ts';
import { hashUnit, seededRng } from '../src/engine/introductions/seeded-rng.ts';
import { sharedPath } from '../test/support/shared.ts';

const COMMAND = 'npx tsx bench/eval-introductions.ts';
const KS = [10, 100, 1000] as const;
const AUC_NEGATIVES = 10_000;
const AUC_MAX_POSITIVES = 10_000;
const SEED = 20_240_601;

interface Row {
  src: number;
  dst: number;
  /** seconds */
  t: number;
}

interface Dataset {
  name: string;
  file: string;
  rows: Row[];
  /** department (or other sector) per raw id, when known */
  sectors: Map<number, string> | null;
  sectorNote: string;
}

// ---------------------------------------------------------------------------------------------- loading

/** `SRC DST TIME` (whitespace), or SNAP signed-rating CSV `SOURCE,TARGET,RATING,TIME` (time 4th). */
function readRows(file: string): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.trim().split(/[\s,]+/).map(Number);
    const t = line.includes(',') && cells.length >= 4 ? cells[3] : cells[2];
    if (cells.some((c) => Number.isNaN(c))) continue; // a header line
    rows.push({ src: cells[0], dst: cells[1], t });
  }
  // stable: equal times keep file order
  return rows.map((r, k) => ({ r, k })).sort((x, y) => x.r.t - y.r.t || x.k - y.k).map((x) => x.r);
}

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
}

/** Training network from rows with lo ≤ t < hi, positives from hi ≤ t ≤ end. */
function buildWorld(ds: Dataset, lo: number, hi: number, end: number, opennessHalfLifeDays: number): World {
  const train = ds.rows.filter((r) => r.t >= lo && r.t < hi);
  const test = ds.rows.filter((r) => r.t >= hi && r.t <= end);
  const p = new ProjectionBuilder();
  const ids = [...new Set(train.flatMap((r) => (r.src === r.dst ? [] : [r.src, r.dst])))].sort((x, y) => x - y);
  for (const id of ids) {
    const sector = ds.sectors?.get(id);
    p.person({ id: String(id), name: String(id), sectors: sector ? [sector] : [], offers: [], seeks: [] });
  }
  train.forEach((r, k) => {
    if (r.src === r.dst) return;
    const id = `m${k}`;
    p.event({ id, at: r.t * 1000, magnitude: 1, valence: 0, kind: 'message', sector: 'general', medium: 'message' });
    p.drive(id, String(r.src));
    p.reach(id, String(r.dst));
  });
  const index = buildIntroductionIndex(p.build(), { opennessHalfLifeDays, communities: { seed: SEED } });
  const n = index.people.length;
  const positives = new Set<number>();
  for (const r of test) {
    const a = index.indexOf.get(String(r.src));
    const b = index.indexOf.get(String(r.dst));
    if (a === undefined || b === undefined || a === b) continue;
    if (!isTied(index, a, b)) positives.add(key(n, a, b));
  }
  return { index, n, now: hi * 1000, positives, trainRows: train.length, testRows: test.length };
}

function key(n: number, a: number, b: number): number {
  return a < b ? a * n + b : b * n + a;
}

function isTied(index: IntroductionIndex, a: number, b: number): boolean {
  const g = index.graph;
  let lo = g.offsets[a];
  let hi = g.offsets[a + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (g.neighbours[mid] === b) return true;
    if (g.neighbours[mid] < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------- scoring

/** Every pair at distance 2 once (a < b), with a score per method. */
interface Scored {
  a: Uint32Array;
  b: Uint32Array;
  score: Float64Array;
}

const NEUTRAL: Partial<PairScoreWeights> = { complementarity: 0, sectors: 0, bridging: 0, openness: 0, record: 0 };

/** The scorer's structure term for every pair at distance 2 (boost weights zero), via rankCandidates. */
function structureOfAll(world: World, weights: PairScoreWeights): Scored {
  const a: number[] = [];
  const b: number[] = [];
  const s: number[] = [];
  for (let x = 0; x < world.n; x++) {
    const r = rankCandidates(world.index, x, {
      now: world.now,
      weights,
      keep: Number.POSITIVE_INFINITY,
      maxIntermediaries: Number.POSITIVE_INFINITY,
      maxFanout: Number.POSITIVE_INFINITY,
      maxVisits: Number.POSITIVE_INFINITY,
      onlyGreaterIndex: true,
    });
    for (let k = 0; k < r.partner.length; k++) {
      a.push(x);
      b.push(r.partner[k]);
      s.push(r.raw[k]);
    }
  }
  return { a: Uint32Array.from(a), b: Uint32Array.from(b), score: Float64Array.from(s) };
}

function withBoost(world: World, structure: Scored, weights: PairScoreWeights): Scored {
  const score = new Float64Array(structure.score.length);
  for (let j = 0; j < score.length; j++) score[j] = structure.score[j] * pairBoost(world.index, structure.a[j], structure.b[j], weights);
  return { a: structure.a, b: structure.b, score };
}

/** Plain common neighbours or Adamic-Adar for every pair at distance 2, by wedge enumeration. */
function baselineOfAll(world: World, kind: 'adamic-adar' | 'common-neighbours'): Scored {
  const g = world.index.graph;
  const n = world.n;
  const acc = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const a: number[] = [];
  const b: number[] = [];
  const s: number[] = [];
  for (let x = 0; x < n; x++) {
    const touched: number[] = [];
    for (let e = g.offsets[x]; e < g.offsets[x + 1]; e++) mark[g.neighbours[e]] = x;
    for (let e = g.offsets[x]; e < g.offsets[x + 1]; e++) {
      const i = g.neighbours[e];
      const d = g.offsets[i + 1] - g.offsets[i];
      const inc = kind === 'adamic-adar' ? 1 / Math.log(d) : 1;
      for (let f = g.offsets[i]; f < g.offsets[i + 1]; f++) {
        const y = g.neighbours[f];
        if (y <= x || mark[y] === x) continue;
        if (acc[y] === 0) touched.push(y);
        acc[y] += inc;
      }
    }
    for (const y of touched) {
      a.push(x);
      b.push(y);
      s.push(acc[y]);
      acc[y] = 0;
    }
  }
  return { a: Uint32Array.from(a), b: Uint32Array.from(b), score: Float64Array.from(s) };
}

function baselinePair(world: World, kind: 'adamic-adar' | 'common-neighbours', a: number, b: number): number {
  const g = world.index.graph;
  let s = 0;
  forEachCommonTie(g, a, b, (i) => {
    s += kind === 'adamic-adar' ? 1 / Math.log(g.offsets[i + 1] - g.offsets[i]) : 1;
  });
  return s;
}

interface Metrics {
  precision: Record<string, number>;
  recall: Record<string, number>;
  hits: Record<string, number>;
  auc: number;
}

/** Hits among the top k of the global ranking (ties broken by a seeded hash of the pair). */
function topHits(world: World, scored: Scored): Record<string, number> {
  const m = scored.score.length;
  const score: number[] = new Array(m);
  const tiebreak: number[] = new Array(m);
  for (let j = 0; j < m; j++) {
    score[j] = scored.score[j];
    tiebreak[j] = hashUnit(SEED, scored.a[j], scored.b[j]);
  }
  const order = topK(score, tiebreak, KS[KS.length - 1]);
  const hits: Record<string, number> = {};
  let h = 0;
  order.forEach((j, r) => {
    if (world.positives.has(key(world.n, scored.a[j], scored.b[j]))) h++;
    if ((KS as readonly number[]).includes(r + 1)) hits[r + 1] = h;
  });
  for (const k of KS) if (hits[k] === undefined) hits[k] = h; // fewer scored pairs than k: the rest score 0
  return hits;
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
  while (negatives.length < AUC_NEGATIVES) {
    const a = Math.floor(rng() * world.n);
    const b = Math.floor(rng() * world.n);
    if (a === b) continue;
    const k = key(world.n, a, b);
    if (taken.has(k) || world.positives.has(k) || isTied(world.index, a, b)) continue;
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

function metrics(world: World, scored: Scored, sample: AucSample, pairScore: (a: number, b: number) => number): Metrics {
  const hits = topHits(world, scored);
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
  opennessHalfLifeDays: [7, 30],
  halfLifeDays: [7, 30, 120, Number.POSITIVE_INFINITY],
  degreePenalty: ['adamic-adar', 'resource-allocation'] as const,
  openness: [0, 0.3, 1, 3],
  sectors: [0, 0.5, 2],
  bridging: [0, 0.25],
};

interface Fit {
  opennessHalfLifeDays: number;
  weights: PairScoreWeights;
  objective: number;
  innerHits: Record<string, number>;
  innerPositives: number;
  evaluated: number;
  adamicAdarInnerHits: Record<string, number>;
}

function fit(ds: Dataset, t0: number, cut: number): Fit {
  const innerCut = t0 + 0.8 * (cut - t0);
  const hasSectors = ds.sectors !== null;
  let best: Fit | null = null;
  let bestAuc = -1;
  let evaluated = 0;
  let aaHits: Record<string, number> = {};
  for (const h of GRID.opennessHalfLifeDays) {
    const world = buildWorld(ds, t0, innerCut, cut, h);
    if (h === GRID.opennessHalfLifeDays[0]) aaHits = topHits(world, baselineOfAll(world, 'adamic-adar'));
    const sample = aucSample(world);
    for (const halfLifeDays of GRID.halfLifeDays) {
      for (const degreePenalty of GRID.degreePenalty) {
        const structural: PairScoreWeights = { ...PAIR_SCORE_DEFAULTS, ...NEUTRAL, halfLifeDays, degreePenalty };
        const structure = structureOfAll(world, structural);
        for (const openness of GRID.openness) {
          for (const sectors of hasSectors ? GRID.sectors : [0]) {
            for (const bridging of GRID.bridging) {
              const weights: PairScoreWeights = { ...PAIR_SCORE_DEFAULTS, halfLifeDays, degreePenalty, openness, sectors, bridging };
              const hits = topHits(world, withBoost(world, structure, weights));
              evaluated++;
              const objective = hits[100] / 100 + hits[1000] / 1000;
              if (best !== null && objective < best.objective) continue;
              // AUC only to break ties of the objective (it costs a scorePair per sampled pair)
              const a = auc(
                sample.positives.map(([x, y]) => scorePair(world.index, x, y, { now: world.now, weights }).raw),
                sample.negatives.map(([x, y]) => scorePair(world.index, x, y, { now: world.now, weights }).raw),
              );
              if (best !== null && objective === best.objective && a <= bestAuc) continue;
              bestAuc = a;
              best = { opennessHalfLifeDays: h, weights, objective, innerHits: hits, innerPositives: world.positives.size, evaluated: 0, adamicAdarInnerHits: aaHits };
            }
          }
        }
      }
    }
  }
  return { ...best!, evaluated, adamicAdarInnerHits: aaHits };
}

// ---------------------------------------------------------------------------------------------- main

interface MethodResult extends Metrics {
  method: string;
}

function evaluateDataset(ds: Dataset) {
  const started = performance.now();
  const t0 = ds.rows[0].t;
  const t1 = ds.rows[ds.rows.length - 1].t;
  const cut = t0 + 0.8 * (t1 - t0);
  const fitted = fit(ds, t0, cut);
  const fitMs = performance.now() - started;

  const world = buildWorld(ds, t0, cut, t1, fitted.opennessHalfLifeDays);
  const defaultsWorld = fitted.opennessHalfLifeDays === OPENNESS_DEFAULTS.halfLifeDays ? world : buildWorld(ds, t0, cut, t1, OPENNESS_DEFAULTS.halfLifeDays);
  const sample = aucSample(world);
  const results: MethodResult[] = [];
  const scorerOf = (w: World, weights: PairScoreWeights) => {
    // the engine end to end: rankCandidates with the final weights (not the grid's structure × boost shortcut)
    const all = structureOfAll(w, weights);
    return metrics(w, all, sample, (a, b) => scorePair(w.index, a, b, { now: w.now, weights }).raw);
  };
  results.push({ method: 'scorer (weights fitted on the training window)', ...scorerOf(world, fitted.weights) });
  results.push({ method: 'scorer (fitted, openness weight 0: ablation)', ...scorerOf(world, { ...fitted.weights, openness: 0 }) });
  results.push({ method: 'scorer (engine defaults)', ...scorerOf(defaultsWorld, { ...PAIR_SCORE_DEFAULTS }) });
  results.push({
    method: 'Adamic-Adar',
    ...metrics(world, baselineOfAll(world, 'adamic-adar'), sample, (a, b) => baselinePair(world, 'adamic-adar', a, b)),
  });
  results.push({
    method: 'common neighbours',
    ...metrics(world, baselineOfAll(world, 'common-neighbours'), sample, (a, b) => baselinePair(world, 'common-neighbours', a, b)),
  });

  let atDistance2 = 0;
  for (const k of world.positives) {
    const a = Math.floor(k / world.n);
    const b = k % world.n;
    let common = false;
    forEachCommonTie(world.index.graph, a, b, () => {
      common = true;
    });
    if (common) atDistance2++;
  }
  return {
    dataset: ds.name,
    file: ds.file,
    sectors: ds.sectorNote,
    span: { from: t0, to: t1, cutoff: cut, unit: 'seconds' },
    training: { rows: world.trainRows, people: world.n, acquaintancePairs: world.index.graph.pairCount, communities: world.index.communities.count },
    test: { rows: world.testRows, positives: world.positives.size, positivesAtDistance2: atDistance2 },
    auc: { positives: sample.positives.length, negatives: sample.negatives.length, seed: SEED },
    fit: {
      innerSplit: 'training window split 80/20 in time; objective P@100 + P@1000, AUC breaks ties',
      grid: GRID,
      evaluated: fitted.evaluated,
      opennessHalfLifeDays: fitted.opennessHalfLifeDays,
      weights: fitted.weights,
      innerPositives: fitted.innerPositives,
      innerHits: fitted.innerHits,
      adamicAdarInnerHits: fitted.adamicAdarInnerHits,
    },
    results,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    fitSeconds: Math.round(fitMs / 10) / 100,
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 1000) / 1000,
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

function markdown(report: ReturnType<typeof buildReport>): string {
  const lines: string[] = [];
  lines.push('# Introduction scorer as a predictor of new ties');
  lines.push('');
  lines.push(`Command: \`${report.command}\` — ${report.date}`);
  lines.push('');
  const m = report.machine;
  lines.push(`Machine: ${m.os}; ${m.cpu}, ${m.cores} cores; ${m.memoryGiB} GiB; Node ${m.node}; load average ${m.loadAverage.join(', ')}. Total ${report.seconds} s.`);
  lines.push('');
  lines.push(
    'Protocol (bench/eval-introductions.ts): network from the first 80 % of the time span; positives = unordered pairs that first interact in the last 20 %, both people seen in training, not linked in training. Global ranking of all unlinked training pairs (pairs not at distance 2 score 0 for every method; ties broken by the same seeded hash). AUC: all positives vs 10,000 sampled unlinked non-positive pairs. The scorer\'s weights are fitted on an 80/20 split of the training window only; the test window is used once, for the numbers below.',
  );
  for (const d of report.datasets) {
    lines.push('');
    lines.push(`## ${d.dataset}`);
    lines.push('');
    lines.push(
      `\`${d.file}\`. Training: ${d.training.rows.toLocaleString('en')} rows (messages or ratings), ${d.training.people.toLocaleString('en')} people, ${d.training.acquaintancePairs.toLocaleString('en')} acquainted pairs, ${d.training.communities} Louvain communities. Test: ${d.test.rows.toLocaleString('en')} rows, **${d.test.positives} positives**, ${d.test.positivesAtDistance2} of them at distance 2 in training (the rest cannot be ranked by any method here). Sectors: ${d.sectors}.`,
    );
    lines.push('');
    lines.push('| method | P@10 | P@100 | P@1000 | R@10 | R@100 | R@1000 | hits@100 | hits@1000 | AUC |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of d.results) {
      lines.push(
        `| ${r.method} | ${fmt(r.precision[10])} | ${fmt(r.precision[100])} | ${fmt(r.precision[1000])} | ${fmt(r.recall[10])} | ${fmt(r.recall[100])} | ${fmt(r.recall[1000])} | ${r.hits[100]} | ${r.hits[1000]} | ${fmt(r.auc)} |`,
      );
    }
    const w = d.fit.weights;
    lines.push('');
    lines.push(
      `Fitted on the inner split (${d.fit.innerPositives} inner positives; ${d.fit.evaluated} weight settings; inner hits@100/@1000: scorer ${d.fit.innerHits[100]}/${d.fit.innerHits[1000]}, Adamic-Adar ${d.fit.adamicAdarInnerHits[100]}/${d.fit.adamicAdarInnerHits[1000]}): ` +
        `halfLifeDays ${w.halfLifeDays}, degreePenalty ${w.degreePenalty}, openness ${w.openness} (openness half-life ${d.fit.opennessHalfLifeDays} days), sectors ${w.sectors}, bridging ${w.bridging}; fixed: minTrust ${w.minTrust}, undatedRecency ${w.undatedRecency}, complementarity ${w.complementarity} (no offers/seeks in these data), record ${w.record} (no introductions). ${d.seconds} s (fit ${d.fitSeconds} s).`,
    );
  }
  lines.push('');
  lines.push('## Reading the numbers');
  lines.push('');
  for (const note of report.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}

function buildReport(datasets: ReturnType<typeof evaluateDataset>[], seconds: number) {
  const notes: string[] = [];
  for (const d of datasets) {
    const scorer = d.results[0];
    const aa = d.results.find((r) => r.method === 'Adamic-Adar')!;
    const verdict = scorer.hits[100] > aa.hits[100] ? 'beats' : scorer.hits[100] === aa.hits[100] ? 'ties' : 'trails';
    notes.push(
      `${d.dataset}: the fitted scorer ${verdict} plain Adamic-Adar at k = 100 (${scorer.hits[100]} vs ${aa.hits[100]} hits of ${d.test.positives} positives); AUC ${fmt(scorer.auc)} vs ${fmt(aa.auc)}.`,
    );
  }
  const defaults = datasets.some((d) => d.dataset === 'college-msg');
  if (defaults) {
    notes.push(
      'Few pairs form in the test windows (CollegeMsg activity fades after its first months; email-Eu-core has a gap, then a short burst at the very end of its span), so hits@100 are single digits and one hit moves precision@100 by 0.01: read P@100 as counts, and AUC and P@1000 as the steadier signals.',
    );
    notes.push(
      'The same protocol on a third temporal dataset, outside the CI run (`--only-extra --extra ../shared/data/bitcoin-otc/soc-sign-bitcoinotc.csv`), is recorded in introductions-eval-extra.md.',
    );
  }
  notes.push(
    'What the scorer adds to Adamic-Adar: tie recency, trust derived from message volume, and openness (how many new acquaintances each side made lately). The ablation row (fitted weights with openness 0) shows how much of the gain openness carries.',
  );
  return { command: COMMAND, date: new Date().toISOString(), machine: machine(), seconds, datasets, notes };
}

function main(): void {
  const started = performance.now();
  const args = process.argv.slice(2);
  const extras: Dataset[] = [];
  for (let k = 0; k < args.length; k++) {
    if (args[k] !== '--extra') continue;
    const file = args[++k];
    if (!file) throw new Error('eval-introductions: --extra needs a file');
    extras.push({ name: path.basename(file), file, rows: readRows(file), sectors: null, sectorNote: 'none' });
  }
  const onlyExtra = args.includes('--only-extra');
  const college: Dataset = {
    name: 'college-msg',
    file: '../shared/data/college-msg/CollegeMsg.txt',
    rows: readRows(sharedPath('data/college-msg/CollegeMsg.txt')),
    sectors: null,
    sectorNote: 'none in the data',
  };
  const emailRows = readRows(sharedPath('data/email-eu-core/email-Eu-core-temporal.txt'));
  const departments = emailDepartments(emailRows);
  const email: Dataset = {
    name: 'email-eu-core',
    file: '../shared/data/email-eu-core/email-Eu-core-temporal.txt',
    rows: emailRows,
    sectors: departments.sectors,
    sectorNote: departments.note,
  };
  const datasets = [...(onlyExtra ? [] : [college, email]), ...extras].map((ds) => {
    const r = evaluateDataset(ds);
    console.log(`${ds.name}: ${r.seconds} s`);
    for (const m of r.results) console.log(`  ${m.method.padEnd(50)} hits@10/100/1000 ${m.hits[10]}/${m.hits[100]}/${m.hits[1000]}  AUC ${fmt(m.auc)}`);
    return r;
  });
  const report = buildReport(datasets, Math.round((performance.now() - started) / 10) / 100);
  const dir = path.join(import.meta.dirname, 'results');
  const name = extras.length > 0 ? 'introductions-eval-extra' : 'introductions-eval';
  if (extras.length > 0) report.command = `${COMMAND} ${args.join(' ')}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(report, (_, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v), 2)}\n`);
  writeFileSync(path.join(dir, `${name}.md`), markdown(report));
  console.log(`wrote bench/results/${name}.{json,md} in ${report.seconds} s`);
}

main();
