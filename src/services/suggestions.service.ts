/**
 * Introduction suggestions: whom a person should meet and who can introduce them, or which pairs an
 * introducer is best placed to bring together. The index (acquaintances, trust, communities, introducer
 * records) is built once per graph version from the same projection the influence service reads.
 */
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  buildIntroductionIndex,
  carryAcrossNetwork,
  findEntry,
  introductionPath,
  IntroductionInputError,
  INTRODUCTION_PATH_DEFAULTS,
  isHidden,
  refusedIntroductions,
  suggestAcrossNetwork,
  suggestForIntroducer,
  suggestForPerson,
  withIntroductionRecords,
  type IntroductionIndex,
  type IntroductionSuggestion,
  type NetworkSuggestions,
} from '../engine/introductions/index.ts';
import type { IntroductionPathResponse, OpportunitiesResponse, Suggestion, SuggestionsResponse } from '../api/contract.ts';
import type { InfluenceService } from './influence.service.ts';
import type { ProgressSink } from './analysis.ts';

export interface SuggestionQuery {
  person?: string | null;
  introducer?: string | null;
  limit: number;
  sector?: string | null;
  minScore: number;
}

/** The most the network-wide list gives (its API's largest limit); computed once per graph version and sector. */
export const MAX_OPPORTUNITIES = 100;
const OPPORTUNITY_CACHE = 8;

export class SuggestionsService {
  private cached: { version: number; graphVersion: number; index: IntroductionIndex } | null = null;
  /** the network-wide lists of one index (one graph version), by sector */
  private opportunitiesCache: { index: IntroductionIndex; bySector: Map<string, NetworkSuggestions> } | null = null;

  constructor(
    private readonly influence: InfluenceService,
    private readonly log: (msg: string) => void = () => {},
    private readonly progress: ProgressSink = () => {},
  ) {}

  /**
   * The index of the current graph version. When only introductions or dismissals changed since the last one,
   * its graph, communities and affinities are kept and only the records are refreshed (withIntroductionRecords).
   */
  async index(): Promise<IntroductionIndex> {
    const state = await this.influence.current();
    if (this.cached?.version === state.version) return this.cached.index;
    const t0 = performance.now();
    // the same people array: the influence service refreshed only the introductions of the state indexed before
    const kept = this.cached?.graphVersion === state.graphVersion && this.cached.index.people === state.projection.people;
    if (!kept) this.progress({ name: 'index', label: `Indexing ${state.projection.people.length.toLocaleString('en')} people's acquaintances for introductions`, done: null, total: null });
    const index = kept ? withIntroductionRecords(this.cached!.index, state.projection) : buildIntroductionIndex(state.projection);
    this.log(`introduction index v${state.version}: ${index.people.length} people in ${Math.round(performance.now() - t0)} ms${kept ? ` (introductions only; the rest kept from v${this.cached!.version})` : ''}`);
    this.cached = { version: state.version, graphVersion: state.graphVersion, index };
    return index;
  }

  /** Builds the index of the current version ahead of the first request; answers how many people it holds. */
  async warm(): Promise<{ people: number }> {
    return { people: (await this.index()).people.length };
  }

  async suggest(q: SuggestionQuery): Promise<SuggestionsResponse> {
    if (!q.person === !q.introducer) {
      throw new ValidationError('Give exactly one of "person" (whom should they meet?) or "introducer" (whom should they introduce?)');
    }
    const index = await this.index();
    const id = (q.person ?? q.introducer)!;
    if (!index.indexOf.has(id)) throw new NotFoundError('Person', id);
    let raw: IntroductionSuggestion[];
    try {
      raw = q.person
        ? suggestForPerson(index, id, { limit: q.limit, sector: q.sector ?? null, minScore: q.minScore })
        : suggestForIntroducer(index, id, { limit: q.limit, sector: q.sector ?? null, minScore: q.minScore });
    } catch (err) {
      if (err instanceof IntroductionInputError) throw new ValidationError(err.message);
      throw err;
    }
    return { items: raw.map((s) => named(index, s)) };
  }

  /**
   * The best introductions to make across the whole network, whoever makes them (suggest-across-network.ts).
   * The sweep runs once per graph version and sector (the first call on a large network takes a while), and
   * again after introductions only when they did more than take pairs out (carried); `limit` and `minScore`
   * cut its list.
   */
  async opportunities(q: { limit: number; sector?: string | null; minScore: number }): Promise<OpportunitiesResponse> {
    const index = await this.index();
    if (this.opportunitiesCache?.index !== index) this.opportunitiesCache = { index, bySector: this.carried(this.opportunitiesCache, index) };
    const cache = this.opportunitiesCache.bySector;
    const key = q.sector ?? '';
    let found = cache.get(key);
    if (!found) {
      const t0 = performance.now();
      found = suggestAcrossNetwork(index, { limit: MAX_OPPORTUNITIES, sector: q.sector ?? null });
      this.log(
        `opportunities${q.sector ? ` (${q.sector})` : ''}: ${found.introducersSwept} of ${found.introducers} introducers swept in ${Math.round(performance.now() - t0)} ms`,
      );
      if (cache.size >= OPPORTUNITY_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(key, found);
    }
    return {
      items: found.items
        .filter((s) => s.score >= q.minScore)
        .slice(0, q.limit)
        .map((s) => named(index, s)),
      introducers: found.introducers,
      introducersSwept: found.introducersSwept,
      exact: found.introducersSwept === found.introducers && !found.contactsCapped,
    };
  }

  /**
   * The lists of the index before, followed to `index` without a sweep when only pairs were taken out since
   * (a request recorded, an introduction made, a suggestion hidden: carryAcrossNetwork); the others are dropped.
   */
  private carried(previous: { index: IntroductionIndex; bySector: Map<string, NetworkSuggestions> } | null, index: IntroductionIndex): Map<string, NetworkSuggestions> {
    const lists = new Map<string, NetworkSuggestions>();
    if (!previous || previous.bySector.size === 0) return lists;
    const t0 = performance.now();
    for (const [sector, found] of previous.bySector) {
      const next = carryAcrossNetwork(previous.index, index, found);
      if (next) lists.set(sector, next);
    }
    this.log(`opportunities: ${lists.size} of ${previous.bySector.size} lists carried over without a sweep in ${Math.round(performance.now() - t0)} ms`);
    return lists;
  }

  /**
   * The most trusted chain of introductions from one person to another (introduction-path.ts), each hop a tie
   * both sides trust at least as much as a suggestion's introducer must be trusted, and no hop an introduction
   * its introducer refused or either side of it hid (their dismissals).
   */
  async path(q: { from: string; to: string; maxHops: number }): Promise<IntroductionPathResponse> {
    if (q.from === q.to) throw new ValidationError(`"from" and "to" are the same person ("${q.from}"): a chain joins two different people`);
    const index = await this.index();
    const from = index.indexOf.get(q.from);
    if (from === undefined) throw new NotFoundError('Person', q.from);
    const to = index.indexOf.get(q.to);
    if (to === undefined) throw new NotFoundError('Person', q.to);
    const { minTrust } = INTRODUCTION_PATH_DEFAULTS;
    // no hop asks for an introduction its introducer will not make, or one either side of it hid
    const found = introductionPath(index.graph, from, to, { maxHops: q.maxHops, minTrust, refuses: refusedIntroductions(index, from) });
    const ref = (i: number) => ({ id: index.people[i]!.id, name: index.people[i]!.name });
    const e = findEntry(index.graph, from, to);
    return {
      from: ref(from),
      to: ref(to),
      alreadyTied: e >= 0 && index.graph.tied[e] === 1,
      hidden: isHidden(index, from, to),
      path: found && {
        people: found.people.map(ref),
        hops: found.hops.map((h) => ({
          from: index.people[h.from]!.id,
          to: index.people[h.to]!.id,
          trustForward: h.trustForward,
          trustBack: h.trustBack,
          lastContact: Number.isNaN(h.lastContact) ? null : new Date(h.lastContact).toISOString(),
        })),
        strength: found.strength,
      },
      maxHops: q.maxHops,
      minTrust,
    };
  }
}

/** An engine suggestion as the API gives it: each person with their name. */
function named(index: IntroductionIndex, s: IntroductionSuggestion): Suggestion {
  const person = (pid: string) => ({ id: pid, name: index.people[index.indexOf.get(pid)!]?.name ?? pid });
  return { a: person(s.a), b: person(s.b), introducer: person(s.introducer), score: s.score, reasons: s.reasons as unknown as Suggestion['reasons'] };
}
