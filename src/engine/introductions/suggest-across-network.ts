/**
 * The best introductions to make across the whole network: every pair, whoever introduces it. This is the
 * question a community's organiser asks ("which introductions would do the most good here?"), next to the
 * person's and the introducer's own (suggest-for-person.ts, suggest-for-introducer.ts), and it is the global
 * ranking the evaluation scores (bench/eval-introductions.ts).
 *
 * Sweep: each possible introducer i pairs the contacts who trust it enough (its `maxContacts` most trusting,
 * as suggestForIntroducer does); a pair (a, b) gathers, over the introducers it shares,
 *   structure(a, b) = Σ_i t(a→i)·r(a,i) · t(b→i)·r(b,i) · ρ(i) · π(deg i)
 * in a dense scratch row of a (O(n) memory, no table of pairs), and raw = structure · boost(a, b) (pair-score.ts)
 * for each pair not tied, not blocked (introduced, or hidden by one of the two) and, with `sector`, with one of
 * the two in it. The best `finalists` by that sweep are then scored exactly (scorePair: all trusted common ties,
 * the introducer chosen, leaving out anyone who will not introduce the pair) and explained.
 *
 * The sweep costs Σ_i c_i² two-hop steps for introducer i's c_i trusting contacts. Within `maxVisits` every
 * contact of every introducer is swept and the ranking is exact (the same as scoring every pair one by one).
 * Beyond it, each introducer keeps her `maxContacts` most trusting contacts (as suggestForIntroducer does) and
 * the introducers with the most trust mass (Σ_{x<y} q_x q_y · ρ(i) · π(deg i), the most they can add in all)
 * are swept first until the budget is spent; the result says how many were.
 *
 * Cost: O(n + Σ_i d_i + min(Σ_i c_i², maxVisits) + finalists · (d_a + d_b)); memory O(n + Σ_i c_i).
 *
 * The result keeps its finalists (`sweep`): after introductions that only take pairs out (a request, an
 * introduction made, a suggestion hidden), carryAcrossNetwork scores them again instead of sweeping.
 */
import { degree } from './acquaintance-graph.ts';
import { hasCode, normaliseLabel } from './coded-sets.ts';
import { checkInteger, checkNumber } from './errors.ts';
import { explainSuggestion, type IntroductionSuggestion } from './explain-suggestion.ts';
import { declinedIntroducersOf, isBlocked, onlyTakesPairsOut, type IntroductionIndex } from './introduction-index.ts';
import { degreePenalty, pairBoost, recordFactor, resolveWeights, scorePair, type PairEvaluation, type PairScoreWeights } from './pair-score.ts';
import { topK } from './rank-candidates.ts';
import { trustingContacts, type SuggestForIntroducerOptions } from './suggest-for-introducer.ts';

const MODULE = 'introductions/suggest-across-network';

/**
 * suggestForIntroducer's options (limit, sector, minScore, now, weights), with maxContacts applying only when
 * the network is too large to sweep whole.
 */
export interface SuggestAcrossNetworkOptions extends SuggestForIntroducerOptions {
  /** two-hop steps of the sweep in all */
  maxVisits: number;
  /** how many of the swept pairs are scored exactly (at least `limit`) */
  finalists: number;
}

export const SUGGEST_ACROSS_NETWORK_DEFAULTS: SuggestAcrossNetworkOptions = {
  limit: 20,
  sector: null,
  minScore: 0,
  now: null,
  weights: {},
  maxContacts: 100,
  maxVisits: 5_000_000,
  finalists: 200,
};

export interface NetworkSuggestions {
  items: IntroductionSuggestion[];
  /** people trusted by at least two others (who could introduce anyone) */
  introducers: number;
  /** how many of them the sweep covered (all of them unless maxVisits ran out) */
  introducersSwept: number;
  /** whether some introducer's contacts were cut to maxContacts */
  contactsCapped: boolean;
  /** what carryAcrossNetwork needs to follow a change to introductions without sweeping again */
  sweep: SweepState;
}

/** The sweep's best pairs and how it ranked them. */
export interface SweepState {
  /** the pairs the sweep kept (its best `finalists`), as a·n + b, less those taken out since */
  pool: number[];
  /** no pair outside the pool scored above this in the sweep (0: every pair with a score is in it) */
  floor: number;
  now: number;
  weights: PairScoreWeights;
  limit: number;
  minScore: number;
}

export function suggestAcrossNetwork(index: IntroductionIndex, options: Partial<SuggestAcrossNetworkOptions> = {}): NetworkSuggestions {
  const o: SuggestAcrossNetworkOptions = { ...SUGGEST_ACROSS_NETWORK_DEFAULTS, ...options };
  checkInteger(MODULE, 'limit', o.limit, 1, 1000);
  checkNumber(MODULE, 'minScore', o.minScore, 0, 1);
  checkInteger(MODULE, 'maxContacts', o.maxContacts, 2, Number.POSITIVE_INFINITY);
  checkInteger(MODULE, 'maxVisits', o.maxVisits, 0, Number.POSITIVE_INFINITY);
  checkInteger(MODULE, 'finalists', o.finalists, 1, Number.POSITIVE_INFINITY);
  if (o.now !== null) checkNumber(MODULE, 'now', o.now, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const w = resolveWeights(MODULE, o.weights);
  const now = o.now ?? index.latestTime;
  const g = index.graph;
  const n = g.n;
  const sectorCode = o.sector === null ? null : (index.sectorVocabulary.codeOf.get(normaliseLabel(o.sector)) ?? -1);
  const settings = { now, weights: w, limit: o.limit, minScore: o.minScore };
  if (sectorCode === -1) return { items: [], introducers: 0, introducersSwept: 0, contactsCapped: false, sweep: { ...settings, pool: [], floor: 0 } };

  // Each introducer's contacts who trust her enough, most trusting first; cut to maxContacts only when sweeping
  // them all would pass the budget (so a small network is ranked exactly).
  const keptOf: Int32Array[] = new Array(n);
  const strengthOf: Float64Array[] = new Array(n);
  const base = new Float64Array(n);
  const candidates: number[] = [];
  let uncut = 0;
  for (let i = 0; i < n; i++) {
    const { person, strength } = trustingContacts(index, i, now, w, Number.POSITIVE_INFINITY);
    if (person.length < 2) continue;
    base[i] = recordFactor(index, i, w) * degreePenalty(degree(g, i), w);
    if (!(base[i] > 0)) continue;
    keptOf[i] = Int32Array.from(person);
    strengthOf[i] = Float64Array.from(strength);
    uncut += person.length * (person.length - 1);
    candidates.push(i);
  }
  let contactsCapped = false;
  if (uncut > o.maxVisits) {
    for (const i of candidates) {
      if (keptOf[i].length <= o.maxContacts) continue;
      keptOf[i] = keptOf[i].subarray(0, o.maxContacts);
      strengthOf[i] = strengthOf[i].subarray(0, o.maxContacts);
      contactsCapped = true;
    }
  }
  // what each can add in all: Σ_{x<y} q_x q_y · ρ(i) · π(deg i)
  const mass = candidates.map((i) => {
    let sum = 0;
    let squares = 0;
    for (const q of strengthOf[i]) {
      sum += q;
      squares += q * q;
    }
    return ((sum * sum - squares) / 2) * base[i];
  });

  // Sweep the introducers with the most to add first, while the budget lasts.
  const order = topK(mass, candidates, candidates.length);
  const swept = new Uint8Array(n);
  let visits = 0;
  let introducersSwept = 0;
  for (const k of order) {
    const i = candidates[k];
    const c = keptOf[i].length;
    if (visits + c * (c - 1) > o.maxVisits) break;
    visits += c * (c - 1);
    swept[i] = 1;
    introducersSwept++;
  }

  // Who introduces whom, read from the side of each contact: the swept introducers a is a kept contact of.
  const count = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (swept[i]) for (const a of keptOf[i]) count[a + 1]++;
  for (let p = 0; p < n; p++) count[p + 1] += count[p];
  const viaOffsets = count.slice();
  const via = new Int32Array(count[n]);
  const viaStrength = new Float64Array(count[n]);
  const fill = count.subarray(0, n).slice();
  for (let i = 0; i < n; i++) {
    if (!swept[i]) continue;
    keptOf[i].forEach((a, k) => {
      via[fill[a]] = i;
      viaStrength[fill[a]] = strengthOf[i][k];
      fill[a]++;
    });
  }

  const inSector = (p: number) => sectorCode === null || hasCode(index.sectors, p, sectorCode);
  const keep = Math.max(o.finalists, o.limit);
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  /** seenBy[b] = a: b is in a's touched list already (acc[b] can stay 0: an undated tie may weigh nothing) */
  const seenBy = new Int32Array(n).fill(-1);
  const tiedTo = new Int32Array(n).fill(-1);
  // the best `keep` pairs so far: a bounded pool, cut back to `keep` by topK whenever it doubles
  let poolRaw: number[] = [];
  let poolA: number[] = [];
  let poolB: number[] = [];
  let floor = 0;
  const prune = () => {
    const ids = poolA.map((a, k) => a * n + poolB[k]);
    const best = topK(poolRaw, ids, keep);
    poolRaw = best.map((k) => poolRaw[k]);
    poolA = best.map((k) => poolA[k]);
    poolB = best.map((k) => poolB[k]);
    floor = poolRaw.length === keep ? poolRaw[keep - 1] : 0;
  };
  for (let a = 0; a < n; a++) {
    if (viaOffsets[a] === viaOffsets[a + 1]) continue;
    let m = 0;
    for (let v = viaOffsets[a]; v < viaOffsets[a + 1]; v++) {
      const i = via[v];
      const qa = viaStrength[v] * base[i];
      const kept = keptOf[i];
      const strength = strengthOf[i];
      for (let k = 0; k < kept.length; k++) {
        const b = kept[k];
        if (b <= a) continue;
        if (seenBy[b] !== a) {
          seenBy[b] = a;
          touched[m++] = b;
        }
        acc[b] += qa * strength[k];
      }
    }
    if (m === 0) continue;
    for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) if (g.tied[e] === 1) tiedTo[g.neighbours[e]] = a;
    const aInSector = inSector(a);
    for (let t = 0; t < m; t++) {
      const b = touched[t];
      const structure = acc[b];
      acc[b] = 0;
      if (tiedTo[b] === a || !(aInSector || inSector(b)) || isBlocked(index, a, b, now)) continue;
      const raw = structure * pairBoost(index, a, b, w);
      if (!(raw > 0) || raw < floor) continue;
      poolRaw.push(raw);
      poolA.push(a);
      poolB.push(b);
      if (poolRaw.length >= 2 * keep) prune();
    }
  }
  prune();

  const sweep: SweepState = { ...settings, pool: poolA.map((a, k) => a * n + poolB[k]), floor };
  const ranked = rankPool(index, sweep);
  return {
    items: ranked.evaluations.slice(0, o.limit).map((ev) => explainSuggestion(index, ev, now)),
    introducers: candidates.length,
    introducersSwept,
    contactsCapped,
    sweep: { ...sweep, pool: ranked.pool },
  };
}

/**
 * The pool's pairs scored exactly (scorePair: all trusted common ties, leaving out anyone who will not introduce
 * the pair), best first, and the pool less the pairs now blocked or without an introducer.
 */
function rankPool(index: IntroductionIndex, sweep: SweepState): { evaluations: PairEvaluation[]; pool: number[] } {
  const n = index.people.length;
  const evaluations: PairEvaluation[] = [];
  const pool: number[] = [];
  for (const key of sweep.pool) {
    const a = Math.floor(key / n);
    const b = key - a * n;
    if (isBlocked(index, a, b, sweep.now)) continue;
    const ev = scorePair(index, a, b, { now: sweep.now, weights: sweep.weights, notVia: declinedIntroducersOf(index, a, b) });
    if (ev.introducer < 0) continue;
    pool.push(key);
    if (ev.score >= sweep.minScore) evaluations.push(ev);
  }
  evaluations.sort((x, y) => y.raw - x.raw || x.a - y.a || x.b - y.b);
  return { evaluations, pool };
}

/**
 * The network's list after introductions or dismissals were recorded, from the list before, without sweeping
 * again; null when that cannot be done exactly (then sweep).
 *
 * When `after` only takes pairs out (onlyTakesPairsOut: the same graph, time and success rates, so every other
 * pair scores as before), the pool's pairs are scored again, the blocked ones left out, and the new introducer
 * chosen where one declined. A pair outside the pool scored at most `floor` in the sweep, and with every
 * contact swept (the exact case) a pair's exact score is its sweep score: the ranked pairs above `floor` are the
 * top of the list a new sweep would give. With fewer than `limit` of them, null. When the sweep was cut
 * (contactsCapped), a pair just below the floor may score higher exactly, as it may in any cut sweep: the
 * carried list is then as approximate as a new sweep's, not identical to it.
 *
 * Cost: O(n + I + D) for the check, then O(finalists · (d_a + d_b)) for the scoring.
 */
export function carryAcrossNetwork(before: IntroductionIndex, after: IntroductionIndex, previous: NetworkSuggestions): NetworkSuggestions | null {
  if (!onlyTakesPairsOut(before, after)) return null;
  const { evaluations, pool } = rankPool(after, previous.sweep);
  const { floor, limit, now } = previous.sweep;
  // with a full pool, only the pairs above its floor are sure to be ahead of every pair outside it
  if (floor > 0 && evaluations.filter((ev) => ev.raw > floor).length < limit) return null;
  return {
    items: evaluations.slice(0, limit).map((ev) => explainSuggestion(after, ev, now)),
    introducers: previous.introducers,
    introducersSwept: previous.introducersSwept,
    contactsCapped: previous.contactsCapped,
    sweep: { ...previous.sweep, pool },
  };
}
