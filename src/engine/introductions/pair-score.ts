/**
 * The score of a suggested introduction between a and b, and its parts, computed exactly for one pair.
 *
 *   raw(a, b)   = structure(a, b) · boost(a, b)
 *   boost(a, b) = (1 + w_c · C) · (1 + w_s · J) · (1 + w_b · B) · (1 + w_o · o_a) · (1 + w_o · o_b) / (d_a · d_b)^γ
 *   score(a, b) = raw / (1 + raw)                                 (monotone, in [0, 1), for `minScore`)
 *
 * The score is read by people and by `minScore`: raw / (1 + raw) is ½ at raw = 1 and keeps strong pairs apart
 * (raw 5 → 0.83, 10 → 0.91, 20 → 0.95), where 1 − e^−raw read 0.99 for every raw above 4.6 (a quarter of the demo
 * world's 100 best introductions).
 *
 * structure: a trust- and recency-weighted Adamic-Adar over the common ties both sides trust,
 *   structure = Σ_{i ∈ N(a) ∩ N(b), t(a→i) ≥ τ, t(b→i) ≥ τ}  t(a→i)·r(a,i) · t(b→i)·r(b,i) · ρ(i) · π(deg i)
 *   t: directed trust (acquaintance-graph.ts); r(x,i) = 2^(−(now − lastContact)/halfLife), `undatedRecency`
 *   when the tie is undated; τ = `minTrust` (and trust must be > 0: someone either side distrusts never
 *   counts); π(d) = 1/ln d (Adamic & Adar 2003) or 1/d (resource allocation, Zhou et al. 2009); ρ(i) =
 *   max(0, 1 + w_r · (successRate(i) − prior mean)): the introducer's smoothed record, 1 without data.
 * C, complementarity in [0, 1]: ½ (|offers(b) ∩ seeks(a)| / |seeks(a)| + |offers(a) ∩ seeks(b)| / |seeks(b)|),
 *   a term being 0 when that side seeks nothing.
 * J, sector similarity: Jaccard of the two sector sets. B: 1 when a and b sit in different communities.
 * o_a, o_b: openness (openness.ts), how much each has lately been making new acquaintances, 1 = average:
 *   both sides must be receptive for an introduction to work.
 * (d_a · d_b)^−γ: degree normalisation of the two people (γ = `degreeNormalisation`, in [−1, 2]; 0 = none,
 *   ½ = Salton's cosine applied to the weighted sum): with γ > 0 well-connected people no longer share common
 *   ties with everyone by sheer number; γ < 0 leans the other way, towards preferential attachment (people who
 *   already know many tend to make the next acquaintances too). Off by default in the product; the evaluation
 *   fits it per dataset, in both directions.
 *
 * Defaults: complementarity is the product's reason to exist (DESIGN.md idea 6: two parties who complement
 * each other), so w_c = 8: a pair meeting every stated need of both sides is worth 9 times one meeting none,
 * and meeting one need in four (C = ¼) is worth 3×, about what being in the top tenth of the network's
 * openness (o ≈ 7, 1 + w_o·o ≈ 3) is worth. Openness is a hint of receptiveness, not a reason to meet: the
 * evaluation, which predicts new ties only, fits w_o between 0.3 and 3 on training windows
 * (bench/results/introductions-eval*.md); the product ranks introductions worth making, so it takes the low
 * end, w_o = 0.3, and a very active stranger does not outrank the funder who seeks one's skills (the demo
 * world's Ana and Omar, test/engine/introductions/demo-story.test.ts).
 *
 * The introducer is the common tie maximising min(t(a→i), t(b→i)) · √(r(a,i) r(b,i)) · ρ(i): the one both
 * trust most, recently in touch, with a good record. Plain Adamic-Adar, resource allocation and the number of
 * common ties (unweighted, all common ties) are reported beside it.
 *
 * Cost: O(min(d_a, d_b) · log max(d_a, d_b)) when degrees differ a lot, O(d_a + d_b) otherwise (a merge of two
 * sorted rows), plus O(|sectors| + |offers| + |seeks|) for the affinities.
 */
import { degree, type AcquaintanceGraph } from './acquaintance-graph.ts';
import { overlapCount, setSize } from './coded-sets.ts';
import { isBridging } from './communities.ts';
import { checkNumber, IntroductionInputError } from './errors.ts';
import type { IntroductionIndex } from './introduction-index.ts';

const MODULE = 'introductions/pair-score';
export const DAY_MS = 86_400_000;

export interface PairScoreWeights {
  /** half-life of tie recency in days; Infinity ignores recency */
  halfLifeDays: number;
  /** recency factor of an undated tie */
  undatedRecency: number;
  /** π(d): 1/ln d or 1/d */
  degreePenalty: 'adamic-adar' | 'resource-allocation';
  /** least trust each side must have in an introducer */
  minTrust: number;
  /** w_c, weight of complementarity */
  complementarity: number;
  /** w_s, weight of sector similarity */
  sectors: number;
  /** w_b, weight of bridging two communities (introductions across communities add the most) */
  bridging: number;
  /** w_r, weight of the introducer's record */
  record: number;
  /** w_o, weight of each side's openness to new acquaintances */
  openness: number;
  /** γ: raw is divided by (deg a · deg b)^γ (0: no normalisation, 0.5: Salton) */
  degreeNormalisation: number;
}

export const PAIR_SCORE_DEFAULTS: PairScoreWeights = {
  halfLifeDays: 90,
  undatedRecency: 0.5,
  degreePenalty: 'adamic-adar',
  minTrust: 0.1,
  complementarity: 8,
  sectors: 0.5,
  bridging: 0.25,
  record: 1,
  openness: 0.3,
  degreeNormalisation: 0,
};

export function resolveWeights(module: string, weights: Partial<PairScoreWeights> | undefined): PairScoreWeights {
  const w: PairScoreWeights = { ...PAIR_SCORE_DEFAULTS, ...weights };
  checkNumber(module, 'weights.halfLifeDays', w.halfLifeDays, Number.MIN_VALUE, Number.POSITIVE_INFINITY);
  checkNumber(module, 'weights.undatedRecency', w.undatedRecency, 0, 1);
  checkNumber(module, 'weights.minTrust', w.minTrust, 0, 1);
  checkNumber(module, 'weights.complementarity', w.complementarity, 0, Number.POSITIVE_INFINITY);
  checkNumber(module, 'weights.sectors', w.sectors, 0, Number.POSITIVE_INFINITY);
  checkNumber(module, 'weights.bridging', w.bridging, -1, Number.POSITIVE_INFINITY);
  checkNumber(module, 'weights.record', w.record, 0, Number.POSITIVE_INFINITY);
  checkNumber(module, 'weights.openness', w.openness, 0, Number.POSITIVE_INFINITY);
  checkNumber(module, 'weights.degreeNormalisation', w.degreeNormalisation, -1, 2);
  if (w.degreePenalty !== 'adamic-adar' && w.degreePenalty !== 'resource-allocation') {
    throw new IntroductionInputError(module, 'invalid_option', `weights.degreePenalty must be "adamic-adar" or "resource-allocation"`);
  }
  return w;
}

/** Recency factor of a tie last in contact at `at` (epoch ms, NaN if undated), seen at `now`. */
export function recency(at: number, now: number, w: PairScoreWeights): number {
  if (w.halfLifeDays === Number.POSITIVE_INFINITY) return 1;
  if (Number.isNaN(at) || Number.isNaN(now)) return w.undatedRecency;
  const age = now - at;
  return age <= 0 ? 1 : 2 ** (-age / (w.halfLifeDays * DAY_MS));
}

export function degreePenalty(d: number, w: PairScoreWeights): number {
  return w.degreePenalty === 'adamic-adar' ? 1 / Math.log(d) : 1 / d;
}

/** ρ(i): 1 + w_r · (smoothed success rate − prior mean), floored at 0. */
export function recordFactor(index: IntroductionIndex, i: number, w: PairScoreWeights): number {
  if (w.record === 0) return 1;
  const f = 1 + w.record * (index.records.successRate[i] - index.records.priorMean);
  return f > 0 ? f : 0;
}

export function trustEnough(t: number, w: PairScoreWeights): boolean {
  return t > 0 && t >= w.minTrust;
}

export interface PairAffinity {
  /** |offers(a) ∩ seeks(b)| */
  aOffersBSeeks: number;
  /** |offers(b) ∩ seeks(a)| */
  bOffersASeeks: number;
  sharedSectors: number;
  /** C */
  complementarity: number;
  /** J */
  sectorSimilarity: number;
  /** B */
  bridging: boolean;
  /** o_a, o_b */
  opennessA: number;
  opennessB: number;
  /** (d_a d_b)^−γ, 1 when γ = 0 */
  degreeFactor: number;
  /** (1 + w_c C)(1 + w_s J)(1 + w_b B)(1 + w_o o_a)(1 + w_o o_b)(d_a d_b)^−γ */
  boost: number;
}

export function pairAffinity(index: IntroductionIndex, a: number, b: number, w: PairScoreWeights): PairAffinity {
  const seeksA = setSize(index.seeks, a);
  const seeksB = setSize(index.seeks, b);
  const bOffersASeeks = seeksA > 0 ? overlapCount(index.offers, b, index.seeks, a) : 0;
  const aOffersBSeeks = seeksB > 0 ? overlapCount(index.offers, a, index.seeks, b) : 0;
  const complementarity = 0.5 * ((seeksA > 0 ? bOffersASeeks / seeksA : 0) + (seeksB > 0 ? aOffersBSeeks / seeksB : 0));
  const sa = setSize(index.sectors, a);
  const sb = setSize(index.sectors, b);
  const sharedSectors = sa > 0 && sb > 0 ? overlapCount(index.sectors, a, index.sectors, b) : 0;
  const sectorSimilarity = sharedSectors > 0 ? sharedSectors / (sa + sb - sharedSectors) : 0;
  const bridging = isBridging(index.communities, a, b);
  const opennessA = index.openness[a];
  const opennessB = index.openness[b];
  const degreeFactor = degreeNormalisationFactor(index.graph, a, b, w);
  const boost =
    (1 + w.complementarity * complementarity) *
    (1 + w.sectors * sectorSimilarity) *
    (1 + (bridging ? w.bridging : 0)) *
    (1 + w.openness * opennessA) *
    (1 + w.openness * opennessB) *
    degreeFactor;
  return { aOffersBSeeks, bOffersASeeks, sharedSectors, complementarity, sectorSimilarity, bridging, opennessA, opennessB, degreeFactor, boost };
}

/** (deg a · deg b)^−γ; 1 when γ = 0 or either has no acquaintance. */
export function degreeNormalisationFactor(graph: AcquaintanceGraph, a: number, b: number, w: PairScoreWeights): number {
  if (w.degreeNormalisation === 0) return 1;
  const product = degree(graph, a) * degree(graph, b);
  return product > 0 ? product ** -w.degreeNormalisation : 1;
}

/** The multiplier alone, cheap enough for every touched candidate. */
export function pairBoost(index: IntroductionIndex, a: number, b: number, w: PairScoreWeights): number {
  let boost = 1;
  if (w.complementarity > 0) {
    const seeksA = setSize(index.seeks, a);
    const seeksB = setSize(index.seeks, b);
    if (seeksA > 0 || seeksB > 0) {
      const c =
        0.5 *
        ((seeksA > 0 ? overlapCount(index.offers, b, index.seeks, a) / seeksA : 0) +
          (seeksB > 0 ? overlapCount(index.offers, a, index.seeks, b) / seeksB : 0));
      boost *= 1 + w.complementarity * c;
    }
  }
  if (w.sectors > 0) {
    const sa = setSize(index.sectors, a);
    const sb = setSize(index.sectors, b);
    if (sa > 0 && sb > 0) {
      const shared = overlapCount(index.sectors, a, index.sectors, b);
      if (shared > 0) boost *= 1 + (w.sectors * shared) / (sa + sb - shared);
    }
  }
  if (w.bridging !== 0 && isBridging(index.communities, a, b)) boost *= 1 + w.bridging;
  if (w.openness > 0) boost *= (1 + w.openness * index.openness[a]) * (1 + w.openness * index.openness[b]);
  return boost * degreeNormalisationFactor(index.graph, a, b, w);
}

export interface PairEvaluation {
  a: number;
  b: number;
  /** number of common ties (all, whatever the trust) */
  commonTies: number;
  /** Σ 1/ln deg over all common ties */
  adamicAdar: number;
  /** Σ 1/deg over all common ties */
  resourceAllocation: number;
  /** common ties both sides trust at least `minTrust` */
  trustedIntroducers: number;
  structure: number;
  /** the chosen introducer, −1 when no common tie is trusted by both */
  introducer: number;
  introducerScore: number;
  /** entry of the introducer in a's row and in b's row (−1 when none) */
  entryA: number;
  entryB: number;
  affinity: PairAffinity;
  raw: number;
  score: number;
}

export interface ScorePairOptions {
  now: number;
  weights: PairScoreWeights;
  /** count only this introducer in `structure` and choose it (suggestions for an introducer) */
  via?: number;
  /** never choose these as the introducer (they will not introduce the pair); they still count in `structure` */
  notVia?: readonly number[];
}

/** Exact evaluation of the pair (a, b). Does not check that they are untied or unblocked. */
export function scorePair(index: IntroductionIndex, a: number, b: number, options: ScorePairOptions): PairEvaluation {
  const g = index.graph;
  const w = options.weights;
  const now = options.now;
  const via = options.via ?? -1;
  const notVia = options.notVia ?? [];
  let commonTies = 0;
  let adamicAdar = 0;
  let resourceAllocation = 0;
  let trustedIntroducers = 0;
  let structure = 0;
  let introducer = -1;
  let introducerScore = -1;
  let entryA = -1;
  let entryB = -1;
  forEachCommonTie(g, a, b, (i, ea, eb) => {
    const d = degree(g, i);
    commonTies++;
    adamicAdar += 1 / Math.log(d);
    resourceAllocation += 1 / d;
    const tA = g.trustOut[ea];
    const tB = g.trustOut[eb];
    if (!trustEnough(tA, w) || !trustEnough(tB, w)) return;
    trustedIntroducers++;
    if (via >= 0 && i !== via) return;
    const rA = recency(g.lastContact[ea], now, w);
    const rB = recency(g.lastContact[eb], now, w);
    const rho = recordFactor(index, i, w);
    structure += tA * rA * tB * rB * rho * degreePenalty(d, w);
    const s = Math.min(tA, tB) * Math.sqrt(rA * rB) * rho;
    if (s > introducerScore && (notVia.length === 0 || !notVia.includes(i))) {
      introducerScore = s;
      introducer = i;
      entryA = ea;
      entryB = eb;
    }
  });
  const affinity = pairAffinity(index, a, b, w);
  const raw = structure * affinity.boost;
  return {
    a,
    b,
    commonTies,
    adamicAdar,
    resourceAllocation,
    trustedIntroducers,
    structure,
    introducer,
    introducerScore: introducer >= 0 ? introducerScore : 0,
    entryA,
    entryB,
    affinity,
    raw,
    score: raw / (1 + raw),
  };
}

/**
 * Calls visit(i, entry of i in a's row, entry of i in b's row) for every common neighbour, in index order.
 * Gallops (binary search of the shorter row in the longer) when one row is 16× longer than the other.
 */
export function forEachCommonTie(g: AcquaintanceGraph, a: number, b: number, visit: (i: number, entryA: number, entryB: number) => void): void {
  const nb = g.neighbours;
  let pa = g.offsets[a];
  const endA = g.offsets[a + 1];
  let pb = g.offsets[b];
  const endB = g.offsets[b + 1];
  const da = endA - pa;
  const db = endB - pb;
  if (da === 0 || db === 0) return;
  if (da * 16 < db || db * 16 < da) {
    const shortIsA = da < db;
    let p = shortIsA ? pa : pb;
    const end = shortIsA ? endA : endB;
    let lo = shortIsA ? pb : pa;
    const hiEnd = shortIsA ? endB : endA;
    for (; p < end; p++) {
      const v = nb[p];
      let hi = hiEnd - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const m = nb[mid];
        if (m === v) {
          found = mid;
          break;
        }
        if (m < v) lo = mid + 1;
        else hi = mid - 1;
      }
      if (found >= 0) {
        lo = found + 1;
        if (shortIsA) visit(v, p, found);
        else visit(v, found, p);
      }
    }
    return;
  }
  while (pa < endA && pb < endB) {
    const x = nb[pa];
    const y = nb[pb];
    if (x === y) {
      visit(x, pa, pb);
      pa++;
      pb++;
    } else if (x < y) pa++;
    else pb++;
  }
}
