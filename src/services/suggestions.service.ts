/**
 * Introduction suggestions: whom a person should meet and who can introduce them, or which pairs an
 * introducer is best placed to bring together. The index (acquaintances, trust, communities, introducer
 * records) is built once per graph version from the same projection the influence service reads.
 */
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  buildIntroductionIndex,
  findEntry,
  introductionPath,
  IntroductionInputError,
  INTRODUCTION_PATH_DEFAULTS,
  suggestForIntroducer,
  suggestForPerson,
  type IntroductionIndex,
  type IntroductionSuggestion,
} from '../engine/introductions/index.ts';
import type { IntroductionPathResponse, Suggestion, SuggestionsResponse } from '../api/contract.ts';
import type { InfluenceService } from './influence.service.ts';

export interface SuggestionQuery {
  person?: string | null;
  introducer?: string | null;
  limit: number;
  sector?: string | null;
  minScore: number;
}

export class SuggestionsService {
  private cached: { version: number; index: IntroductionIndex } | null = null;

  constructor(
    private readonly influence: InfluenceService,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  async index(): Promise<IntroductionIndex> {
    const state = await this.influence.current();
    if (this.cached?.version === state.version) return this.cached.index;
    const t0 = performance.now();
    const index = buildIntroductionIndex(state.projection);
    this.log(`introduction index v${state.version}: ${index.people.length} people in ${Math.round(performance.now() - t0)} ms`);
    this.cached = { version: state.version, index };
    return index;
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
    const named = (pid: string) => ({ id: pid, name: index.people[index.indexOf.get(pid)!]?.name ?? pid });
    return {
      items: raw.map(
        (s): Suggestion => ({
          a: named(s.a),
          b: named(s.b),
          introducer: named(s.introducer),
          score: s.score,
          reasons: s.reasons as unknown as Suggestion['reasons'],
        }),
      ),
    };
  }

  /**
   * The most trusted chain of introductions from one person to another (introduction-path.ts), each hop a tie
   * both sides trust at least as much as a suggestion's introducer must be trusted.
   */
  async path(q: { from: string; to: string; maxHops: number }): Promise<IntroductionPathResponse> {
    if (q.from === q.to) throw new ValidationError(`"from" and "to" are the same person ("${q.from}"): a chain joins two different people`);
    const index = await this.index();
    const from = index.indexOf.get(q.from);
    if (from === undefined) throw new NotFoundError('Person', q.from);
    const to = index.indexOf.get(q.to);
    if (to === undefined) throw new NotFoundError('Person', q.to);
    const { minTrust } = INTRODUCTION_PATH_DEFAULTS;
    const found = introductionPath(index.graph, from, to, { maxHops: q.maxHops, minTrust });
    const ref = (i: number) => ({ id: index.people[i]!.id, name: index.people[i]!.name });
    const e = findEntry(index.graph, from, to);
    return {
      from: ref(from),
      to: ref(to),
      alreadyTied: e >= 0 && index.graph.tied[e] === 1,
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
