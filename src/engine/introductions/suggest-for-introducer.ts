/**
 * Which pairs should this person introduce to each other? Burt's structural holes (Burt 1992): pairs among
 * the introducer's contacts who are not directly tied to each other (acquaintance-graph.ts: a one-way reach
 * does not count), ranked by what the introducer's own tie to each contributes to the pair's score
 * (pair-score.ts), that is
 *   raw(a, b | i) = t(a→i)·r(a,i) · t(b→i)·r(b,i) · ρ(i) · π(deg i) · boost(a, b)
 * with boost = (1 + w_c·C) (1 + w_s·J) (1 + w_b·B) (1 + w_o·o_a) (1 + w_o·o_b) / (d_a d_b)^γ (pair-score.ts):
 * complementarity × the trust of both sides in i × bridging (and sector similarity, recency), on the same
 * scale as suggestForPerson's scores for the same introducer. Pairs already introduced (see
 * introduction-index.ts) are left out, and so are the pairs the introducer dismissed; with `sector`, at least one
 * of the two must be in it.
 *
 * Cap: only the `maxContacts` contacts who trust i most (t(c→i)·r(c,i), at least minTrust) are paired, so
 * pairs involving a hub's weaker contacts are not considered.
 *
 * Cost: O(d_i log d_i + Σ_{c ∈ C} d_c + |C|² + limit · (d_a + d_b)) for the |C| ≤ maxContacts contacts kept;
 * memory O(n) per call.
 */
import { degree } from './acquaintance-graph.ts';
import { hasCode, normaliseLabel } from './coded-sets.ts';
import { checkInteger, checkNumber } from './errors.ts';
import { explainSuggestion, type IntroductionSuggestion } from './explain-suggestion.ts';
import { declinedIntroducersOf, isBlocked, resolvePerson, type IntroductionIndex } from './introduction-index.ts';
import { degreePenalty, pairBoost, recency, recordFactor, resolveWeights, scorePair, trustEnough, type PairScoreWeights } from './pair-score.ts';
import { topK } from './rank-candidates.ts';

const MODULE = 'introductions/suggest-for-introducer';

export interface SuggestForIntroducerOptions {
  limit: number;
  /** at least one of the pair in this sector */
  sector: string | null;
  minScore: number;
  /** epoch ms; null: the index's latest time */
  now: number | null;
  weights: Partial<PairScoreWeights>;
  /** pair only the contacts who trust the introducer most */
  maxContacts: number;
}

export const SUGGEST_FOR_INTRODUCER_DEFAULTS: SuggestForIntroducerOptions = {
  limit: 10,
  sector: null,
  minScore: 0,
  now: null,
  weights: {},
  maxContacts: 300,
};

export function suggestForIntroducer(
  index: IntroductionIndex,
  introducer: number | string,
  options: Partial<SuggestForIntroducerOptions> = {},
): IntroductionSuggestion[] {
  const o: SuggestForIntroducerOptions = { ...SUGGEST_FOR_INTRODUCER_DEFAULTS, ...options };
  checkInteger(MODULE, 'limit', o.limit, 1, 1000);
  checkNumber(MODULE, 'minScore', o.minScore, 0, 1);
  checkInteger(MODULE, 'maxContacts', o.maxContacts, 2, Number.POSITIVE_INFINITY);
  if (o.now !== null) checkNumber(MODULE, 'now', o.now, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const w = resolveWeights(MODULE, o.weights);
  const i = resolvePerson(index, introducer, MODULE);
  const now = o.now ?? index.latestTime;
  const g = index.graph;
  const sectorCode = o.sector === null ? null : (index.sectorVocabulary.codeOf.get(normaliseLabel(o.sector)) ?? -1);
  if (sectorCode === -1) return [];

  const { person, strength: q } = trustingContacts(index, i, now, w, o.maxContacts);
  const c = person.length;
  const inSector = person.map((p) => sectorCode === null || hasCode(index.sectors, p, sectorCode));
  const base = recordFactor(index, i, w) * degreePenalty(degree(g, i), w);

  const mark = new Int32Array(g.n).fill(-1);
  const pairA: number[] = [];
  const pairB: number[] = [];
  const raw: number[] = [];
  const id: number[] = [];
  for (let x = 0; x < c; x++) {
    const a = person[x];
    for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) if (g.tied[e] === 1) mark[g.neighbours[e]] = a;
    for (let y = x + 1; y < c; y++) {
      const b = person[y];
      if (mark[b] === a || !(inSector[x] || inSector[y]) || isBlocked(index, a, b, now) || declinedIntroducersOf(index, a, b).includes(i)) continue;
      pairA.push(a);
      pairB.push(b);
      raw.push(q[x] * q[y] * base * pairBoost(index, a, b, w));
      id.push(x * c + y);
    }
  }
  const best = topK(raw, id, o.limit);
  const out: IntroductionSuggestion[] = [];
  for (const k of best) {
    const ev = scorePair(index, pairA[k], pairB[k], { now, weights: w, via: i });
    if (ev.introducer === i && ev.score >= o.minScore) out.push(explainSuggestion(index, ev, now));
  }
  return out;
}

/**
 * The introducer's contacts who trust her enough (t ≥ minTrust), most trusting first by t(c→i)·r(c,i), at most
 * `max` of them, with that strength.
 */
export function trustingContacts(index: IntroductionIndex, i: number, now: number, w: PairScoreWeights, max: number): { person: number[]; strength: number[] } {
  const g = index.graph;
  const contacts: number[] = [];
  const strength: number[] = [];
  for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
    if (!trustEnough(g.trustIn[e], w)) continue;
    contacts.push(g.neighbours[e]);
    strength.push(g.trustIn[e] * recency(g.lastContact[e], now, w));
  }
  const kept = topK(strength, contacts, max);
  return { person: kept.map((k) => contacts[k]), strength: kept.map((k) => strength[k]) };
}
