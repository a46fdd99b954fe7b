/**
 * Whom should a person meet, and who should introduce them? (DESIGN.md, "Introductions".)
 *
 * Candidates b are at distance 2 in the acquaintance graph: not directly tied to a (a KNOWS tie either way, or
 * interactions both ways; someone a's event merely reached still qualifies, see acquaintance-graph.ts), not
 * already introduced (see introduction-index.ts for which introductions block a pair), in `sector` when one is
 * asked for, and reachable through at least one common tie whom both trust (t ≥ minTrust, and > 0). They are
 * ranked by pair-score.ts:
 *   raw = structure · (1 + w_c·complementarity) · (1 + w_s·sectorSimilarity) · (1 + w_b·bridging)
 *         · (1 + w_o·openness_a) · (1 + w_o·openness_b) / (deg a · deg b)^γ,
 *   score = raw / (1 + raw),
 * where structure is a trust-, recency- and record-weighted Adamic-Adar over the trusted common ties. Each
 * suggestion names the best introducer (the common tie both trust most, leaving out anyone who dismissed the pair
 * as theirs to introduce) and its reasons (explain-suggestion.ts).
 *
 * Two phases: rank-candidates.ts sweeps the two-hop neighbourhood with degree-aware caps (`maxIntermediaries`
 * strongest ties of a, `maxFanout` sampled neighbours per hub, `maxVisits` in all); the best
 * `finalists` are then rescored exactly (all common ties, not the sampled ones) and explained.
 *
 * Cost: O(d_a log d_a + min(Σ_{i∈N(a)} d_i, maxVisits) + finalists · (d_a + d_b)); memory O(n) scratch per call.
 * Measured p95 on Slashdot (82k people, 504k pairs) in bench/results/introductions-speed.md.
 */
import { normaliseLabel } from './coded-sets.ts';
import { checkInteger, checkNumber } from './errors.ts';
import { explainSuggestion, type IntroductionSuggestion } from './explain-suggestion.ts';
import { declinedIntroducersOf, resolvePerson, type IntroductionIndex } from './introduction-index.ts';
import { resolveWeights, scorePair, type PairScoreWeights } from './pair-score.ts';
import { RANK_CANDIDATES_DEFAULTS, rankCandidates } from './rank-candidates.ts';

const MODULE = 'introductions/suggest-for-person';

export interface SuggestForPersonOptions {
  limit: number;
  /** only partners in this sector (matched like offers and seeks: case and spacing ignored) */
  sector: string | null;
  /** drop suggestions scoring below this (0..1) */
  minScore: number;
  /** epoch ms for recency and introduction cool-downs; null: the index's latest time (no clock is read) */
  now: number | null;
  weights: Partial<PairScoreWeights>;
  /** expand only a's this-many strongest ties */
  maxIntermediaries: number;
  /** sample hubs' rows down to this many neighbours */
  maxFanout: number;
  /** total two-hop steps */
  maxVisits: number;
  /** how many of the swept candidates are rescored exactly when a cap cut the sweep (at least `limit`) */
  finalists: number;
  /** seed of hub sampling */
  seed: number;
}

export const SUGGEST_FOR_PERSON_DEFAULTS: SuggestForPersonOptions = {
  limit: 10,
  sector: null,
  minScore: 0,
  now: null,
  weights: {},
  maxIntermediaries: RANK_CANDIDATES_DEFAULTS.maxIntermediaries,
  maxFanout: RANK_CANDIDATES_DEFAULTS.maxFanout,
  maxVisits: RANK_CANDIDATES_DEFAULTS.maxVisits,
  finalists: 50,
  seed: RANK_CANDIDATES_DEFAULTS.seed,
};

export function suggestForPerson(
  index: IntroductionIndex,
  person: number | string,
  options: Partial<SuggestForPersonOptions> = {},
): IntroductionSuggestion[] {
  const o: SuggestForPersonOptions = { ...SUGGEST_FOR_PERSON_DEFAULTS, ...options };
  checkInteger(MODULE, 'limit', o.limit, 1, 1000);
  checkNumber(MODULE, 'minScore', o.minScore, 0, 1);
  checkInteger(MODULE, 'finalists', o.finalists, 1, Number.POSITIVE_INFINITY);
  if (o.now !== null) checkNumber(MODULE, 'now', o.now, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const weights = resolveWeights(MODULE, o.weights);
  const a = resolvePerson(index, person, MODULE);
  const now = o.now ?? index.latestTime;
  const sectorCode = o.sector === null ? null : (index.sectorVocabulary.codeOf.get(normaliseLabel(o.sector)) ?? -1);

  const finalists = Math.max(o.finalists, o.limit);
  const ranked = rankCandidates(index, a, {
    now,
    weights,
    sectorCode,
    keep: finalists,
    maxIntermediaries: o.maxIntermediaries,
    maxFanout: o.maxFanout,
    maxVisits: o.maxVisits,
    seed: o.seed,
  });
  // Without truncation the sweep's order is exact: only the shown suggestions need the full evaluation.
  const evaluate = ranked.truncated ? ranked.partner.length : Math.min(ranked.partner.length, o.limit);
  const evaluations = [];
  for (let k = 0; k < evaluate; k++) {
    const b = ranked.partner[k];
    const ev = scorePair(index, a, b, { now, weights, notVia: declinedIntroducersOf(index, a, b) });
    if (ev.introducer >= 0 && ev.score >= o.minScore) evaluations.push(ev);
  }
  evaluations.sort((x, y) => y.raw - x.raw || x.b - y.b);
  return evaluations.slice(0, o.limit).map((ev) => explainSuggestion(index, ev, now));
}
