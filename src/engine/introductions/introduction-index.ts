/**
 * The introduction index: everything suggestions need, built once per Projection and then read only.
 *
 * - the acquaintance graph with directed trust and tie recency (acquaintance-graph.ts);
 * - Louvain communities on its undirected view (communities.ts), or labels given by the caller;
 * - sectors, offers and seeks dictionary-coded per person (coded-sets.ts; offers and seeks share a vocabulary);
 * - openness per person: how much each has lately been making new acquaintances (openness.ts);
 * - introducer records from past introductions (introducer-scores.ts), smoothed with a Beta prior, successes
 *   counted as far as others vouch for the people introduced (vouching.ts);
 * - the pairs that must not be suggested: a pair is blocked by any introduction between them that is not
 *   closed as `failed` or `declined` (suggested, made, accepted: one is under way; succeeded: they have met).
 *   A failed or declined introduction blocks the pair for `retryAfterDays` after its outcome (after it was
 *   made when the outcome has no date), then another introducer may try (Infinity: never again). Without a
 *   dated `now` a failed or declined introduction blocks too.
 *   A pair one of its two people dismissed ("not interested") is blocked for good;
 * - the introducers who will not introduce a pair (they dismissed it from their own suggestions): the pair leaves
 *   their list, and they are not named as its introducer.
 *
 * Introductions and dismissals touch only the last three (and `latestTime` when no tie or event is dated):
 * withIntroductionRecords refreshes them over an index whose people, ties and events did not change, in O(I + D)
 * plus vouching's pass over ties and messages, with no rebuild of the graph or its communities.
 *
 * Cost: the acquaintance graph's O((T + P) log d) plus Louvain (the dominant term on large graphs, see
 * communities.ts), O(I + D) for I introductions and D dismissals. Memory ~30 bytes per acquaintance entry plus
 * the graphology copy used transiently by Louvain.
 */
import type { ProjectedPerson, Projection } from '../../domain/projection.ts';
import { ACQUAINTANCE_DEFAULTS, buildAcquaintanceGraph, type AcquaintanceGraph, type AcquaintanceOptions } from './acquaintance-graph.ts';
import { codeSets, createVocabulary, type CodedSets, type Vocabulary } from './coded-sets.ts';
import { acquaintanceCommunities, COMMUNITY_DEFAULTS, type Communities, type CommunityOptions } from './communities.ts';
import { checkNumber, IntroductionInputError } from './errors.ts';
import { openness, OPENNESS_DEFAULTS } from './openness.ts';
import { INTRODUCER_SCORE_DEFAULTS, introducerRecordColumns, type BetaPrior, type IntroducerRecordColumns } from './introducer-scores.ts';
import { introductionCredits } from './vouching.ts';

const MODULE = 'introductions/introduction-index';
const DAY_MS = 86_400_000;

export interface IntroductionIndexOptions {
  acquaintance: Partial<AcquaintanceOptions>;
  /** Louvain options, or one label per person computed elsewhere, or false for none (nothing bridges) */
  communities: Partial<CommunityOptions> | Int32Array | false;
  /** half-life in days of a new tie in a person's openness */
  opennessHalfLifeDays: number;
  /** Beta prior of introducer success rates */
  prior: BetaPrior;
  /** days after a failed or declined introduction before the pair may be suggested again */
  retryAfterDays: number;
}

export const INTRODUCTION_INDEX_DEFAULTS: IntroductionIndexOptions = {
  acquaintance: ACQUAINTANCE_DEFAULTS,
  communities: COMMUNITY_DEFAULTS,
  opennessHalfLifeDays: OPENNESS_DEFAULTS.halfLifeDays,
  prior: INTRODUCER_SCORE_DEFAULTS.prior,
  retryAfterDays: 180,
};

export interface IntroductionIndex {
  people: readonly ProjectedPerson[];
  indexOf: ReadonlyMap<string, number>;
  graph: AcquaintanceGraph;
  communities: Communities;
  /** per person, 1 = the network's average rate of new acquaintances lately */
  openness: Float64Array;
  sectorVocabulary: Vocabulary;
  sectors: CodedSets;
  /** offers and seeks share this vocabulary */
  skillVocabulary: Vocabulary;
  offers: CodedSets;
  seeks: CodedSets;
  records: IntroducerRecordColumns;
  /** pairKey(a, b) → epoch ms until which the pair must not be suggested (Infinity: for good) */
  blockedUntil: ReadonlyMap<number, number>;
  /** pairKey(a, b) → the people who will not introduce the pair (their dismissals) */
  declinedIntroducers: ReadonlyMap<number, readonly number[]>;
  /** pairKey(a, b) of the pairs one of the two dismissed ("not interested"): also in blockedUntil, for good */
  hiddenPairs: ReadonlySet<number>;
  /**
   * the default `now` of suggestions: the latest time in ties and events, the network's latest activity (the
   * latest introduction when neither is dated; NaN when nothing is)
   */
  latestTime: number;
  options: IntroductionIndexOptions;
}

export function buildIntroductionIndex(projection: Projection, options: Partial<IntroductionIndexOptions> = {}): IntroductionIndex {
  const o: IntroductionIndexOptions = { ...INTRODUCTION_INDEX_DEFAULTS, ...options };
  checkNumber(MODULE, 'retryAfterDays', o.retryAfterDays, 0, Number.POSITIVE_INFINITY);
  const n = projection.people.length;
  const graph = buildAcquaintanceGraph(projection, o.acquaintance);

  let communities: Communities;
  if (o.communities === false) communities = { label: new Int32Array(n).fill(-1), count: 0 };
  else if (o.communities instanceof Int32Array) {
    if (o.communities.length !== n) {
      throw new IntroductionInputError(MODULE, 'invalid_option', `communities has ${o.communities.length} labels for ${n} people`);
    }
    let count = 0;
    for (const c of o.communities) if (c + 1 > count) count = c + 1;
    communities = { label: o.communities, count };
  } else communities = acquaintanceCommunities(graph, o.communities);

  const sectorVocabulary = createVocabulary();
  const sectors = codeSets(
    projection.people.map((p) => p.sectors),
    sectorVocabulary,
  );
  const skillVocabulary = createVocabulary();
  const offers = codeSets(
    projection.people.map((p) => p.offers),
    skillVocabulary,
  );
  const seeks = codeSets(
    projection.people.map((p) => p.seeks),
    skillVocabulary,
  );

  return withIntroductionRecords(
    {
      people: projection.people,
      indexOf: projection.indexOf,
      graph,
      communities,
      openness: openness(graph, { halfLifeDays: o.opennessHalfLifeDays }),
      sectorVocabulary,
      sectors,
      skillVocabulary,
      offers,
      seeks,
      options: o,
    },
    projection,
  );
}

/**
 * The index with the introducer records, blocked pairs, declined introducers and latest time of `projection`'s
 * introductions and dismissals. `projection` must have the index's people, ties and events (the same store
 * with only introductions or dismissals changed since): nothing else is recomputed.
 */
export function withIntroductionRecords(
  index: Omit<IntroductionIndex, 'records' | 'blockedUntil' | 'declinedIntroducers' | 'hiddenPairs' | 'latestTime'>,
  projection: Pick<Projection, 'people' | 'introductions' | 'dismissals' | 'ties' | 'events' | 'drove' | 'reached'>,
): IntroductionIndex {
  const o = index.options;
  const n = index.people.length;
  if (projection.people.length !== n) {
    throw new IntroductionInputError(MODULE, 'invalid_option', `the projection has ${projection.people.length} people, the index ${n}: build the index again`);
  }
  const records = introducerRecordColumns(projection.introductions, introductionCredits(projection, o.acquaintance), n, o.prior);
  const blockedUntil = new Map<number, number>();
  // the network's latest activity; introductions count only when no tie or event is dated (they are recorded at
  // the clock's time, and a request recorded today must not age every tie of a network imported last year)
  const dated = !Number.isNaN(index.graph.latestTime);
  let latestTime = index.graph.latestTime;
  for (const intro of projection.introductions) {
    if (intro.a >= n || intro.b >= n || intro.a === intro.b) continue;
    const closedWithoutFruit = intro.status === 'failed' || intro.status === 'declined';
    // the wait runs from the outcome when its date is known
    const until = closedWithoutFruit ? (Number.isFinite(intro.outcomeAt) ? intro.outcomeAt : intro.at) + o.retryAfterDays * DAY_MS : Number.POSITIVE_INFINITY;
    const key = pairKey(n, intro.a, intro.b);
    const previous = blockedUntil.get(key);
    // an undated closed introduction blocks for good: we cannot tell when the wait is over
    const value = Number.isNaN(until) ? Number.POSITIVE_INFINITY : until;
    if (previous === undefined || value > previous) blockedUntil.set(key, value);
    if (!dated && !(intro.at <= latestTime) && !Number.isNaN(intro.at)) latestTime = intro.at;
  }
  const declinedIntroducers = new Map<number, number[]>();
  const hiddenPairs = new Set<number>();
  for (const d of projection.dismissals) {
    if (d.a >= n || d.b >= n || d.by >= n || d.a === d.b) continue;
    const key = pairKey(n, d.a, d.b);
    if (d.by === d.a || d.by === d.b) {
      blockedUntil.set(key, Number.POSITIVE_INFINITY);
      hiddenPairs.add(key);
    } else {
      const list = declinedIntroducers.get(key);
      if (list) list.push(d.by);
      else declinedIntroducers.set(key, [d.by]);
    }
  }

  return {
    people: index.people,
    indexOf: index.indexOf,
    graph: index.graph,
    communities: index.communities,
    openness: index.openness,
    sectorVocabulary: index.sectorVocabulary,
    sectors: index.sectors,
    skillVocabulary: index.skillVocabulary,
    offers: index.offers,
    seeks: index.seeks,
    records,
    blockedUntil,
    declinedIntroducers,
    hiddenPairs,
    latestTime,
    options: o,
  };
}

/**
 * Whether `after` differs from `before` only by pairs taken out of suggestions: the same graph, communities,
 * options and time, the same success rates (so every pair scores as it did), no blocked pair freed and no
 * introducer's refusal withdrawn. A request, an introduction made or a dismissal does this; an outcome, which
 * moves the introducer's success rate, does not.
 */
export function onlyTakesPairsOut(before: IntroductionIndex, after: IntroductionIndex): boolean {
  if (after.graph !== before.graph || after.communities !== before.communities || after.openness !== before.openness) return false;
  if (after.options !== before.options || !Object.is(after.latestTime, before.latestTime)) return false;
  const r0 = before.records;
  const r1 = after.records;
  if (r0.priorMean !== r1.priorMean || r0.successRate.length !== r1.successRate.length) return false;
  for (let i = 0; i < r0.successRate.length; i++) if (r0.successRate[i] !== r1.successRate[i]) return false;
  for (const [key, until] of before.blockedUntil) if (!((after.blockedUntil.get(key) ?? Number.NEGATIVE_INFINITY) >= until)) return false;
  for (const [key, list] of before.declinedIntroducers) {
    const still = after.declinedIntroducers.get(key);
    if (!still || list.some((i) => !still.includes(i))) return false;
  }
  return true;
}

/** The key of the unordered pair {a, b}. Exact below 2^53 / n people. */
export function pairKey(n: number, a: number, b: number): number {
  return a < b ? a * n + b : b * n + a;
}

export function isBlocked(index: IntroductionIndex, a: number, b: number, now: number): boolean {
  if (index.blockedUntil.size === 0) return false;
  const until = index.blockedUntil.get(pairKey(index.people.length, a, b));
  return until !== undefined && (Number.isNaN(now) || now < until);
}

/** The people who will not introduce a and b (dismissed the pair from their own suggestions); empty when none. */
export function declinedIntroducersOf(index: IntroductionIndex, a: number, b: number): readonly number[] {
  if (index.declinedIntroducers.size === 0) return NONE;
  return index.declinedIntroducers.get(pairKey(index.people.length, a, b)) ?? NONE;
}
const NONE: readonly number[] = [];

/** Whether a or b dismissed the pair {a, b} ("not interested"). */
export function isHidden(index: IntroductionIndex, a: number, b: number): boolean {
  return index.hiddenPairs.size > 0 && index.hiddenPairs.has(pairKey(index.people.length, a, b));
}

/**
 * For chains from `from` (introduction-path.ts, `refuses`): whether `introducer` will not introduce `from` to
 * `to`, or one of the two hid the pair.
 */
export function refusedIntroductions(index: IntroductionIndex, from: number): (introducer: number, to: number) => boolean {
  return (introducer, to) => isHidden(index, from, to) || declinedIntroducersOf(index, from, to).includes(introducer);
}

/** Resolves a person given by dense index or by id; throws `unknown_person` otherwise. */
export function resolvePerson(index: IntroductionIndex, person: number | string, module: string): number {
  if (typeof person === 'number') {
    if (Number.isInteger(person) && person >= 0 && person < index.people.length) return person;
    throw new IntroductionInputError(module, 'unknown_person', `no person with index ${person}`, { person });
  }
  const p = index.indexOf.get(person);
  if (p === undefined) throw new IntroductionInputError(module, 'unknown_person', `no person with id "${person}"`, { person });
  return p;
}
