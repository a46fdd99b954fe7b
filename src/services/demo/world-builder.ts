/**
 * The demo generator's working state: who the people are (with the hidden traits that drive their
 * behaviour), the ties between them, and the events and introductions drafted so far. The phases (people,
 * ties, introductions, events, archetypes) read and extend it; `finish()` turns it into plain records with
 * deterministic ids.
 */
import {
  tieId,
  type FadeSpec,
  type InfluenceEvent,
  type IntroductionInput,
  type IntroductionStatus,
  type Person,
  type TieInput,
} from '../../domain/model.ts';
import type { Rng } from './rng.ts';
import type { DemoMedium, DemoSector } from './vocabulary.ts';

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;

/**
 * What part a person plays in the generated world.
 * - member: ordinary background person (drives and receives background activity);
 * - archetype: a planted pattern whose own events are written by hand (never a background driver);
 * - connector: the planted introducer, whose ties are written by hand;
 * - ring: a collusion-ring account, cut off from ordinary activity;
 * - recruit: a peripheral account that nobody trusts and that points at the ring.
 */
export type DemoRole = 'member' | 'archetype' | 'connector' | 'ring' | 'recruit';

export interface Profile {
  person: Person;
  sectors: DemoSector[];
  role: DemoRole;
  /** How much background activity the person drives (heavy-tailed; 0 = never drives). */
  activity: number;
  /** How attractive the person is as a tie target. */
  prominence: number;
  /** Favoured media with weights. */
  media: Partial<Record<DemoMedium, number>>;
  /** When the person is active, epoch ms [from, to). */
  activeFrom: number;
  activeTo: number;
}

export interface DraftEvent {
  at: number;
  title: string;
  kind: string;
  sector: string;
  medium: string;
  valence: number;
  magnitude: number;
  fade: FadeSpec | null;
  drivers: { person: string; role: string }[];
  reached: { person: string; weight: number }[];
}

export interface DraftIntroduction {
  at: number;
  introducer: string;
  a: string;
  b: string;
  status: IntroductionStatus;
  value: number | null;
  note: string;
  /** epoch ms the outcome came; null while open */
  outcomeAt: number | null;
}

export interface DraftTie {
  from: string;
  to: string;
  trust: number;
  since: number;
  lastContact: number;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function toIsoString(ms: number): string {
  return new Date(ms).toISOString();
}

export class WorldBuilder {
  readonly profiles: Profile[] = [];
  readonly byId = new Map<string, Profile>();
  readonly events: DraftEvent[] = [];
  readonly introductions: DraftIntroduction[] = [];
  private readonly ties = new Map<string, DraftTie>();
  /** Unordered pairs that must never be tied (the demo story's seeker and funder). */
  private readonly forbiddenPairs = new Set<string>();
  private readonly introducedPairs = new Set<string>();
  private neighbourCache: Map<string, string[]> | null = null;
  private reachableCache: Map<string, string[]> | null = null;
  private sectorCache: Map<DemoSector, string[]> | null = null;

  constructor(
    readonly startMs: number,
    readonly endMs: number,
  ) {}

  get spanMs(): number {
    return this.endMs - this.startMs;
  }

  /** A time at fraction f of the covered period (0 = start, 1 = end). */
  timeAt(f: number): number {
    return this.startMs + f * this.spanMs;
  }

  addProfile(profile: Profile): void {
    if (this.byId.has(profile.person.id)) throw new Error(`demo world: duplicate person id ${profile.person.id}`);
    this.profiles.push(profile);
    this.byId.set(profile.person.id, profile);
    this.sectorCache = null;
    this.reachableCache = null;
  }

  profile(id: string): Profile {
    const p = this.byId.get(id);
    if (!p) throw new Error(`demo world: unknown person ${id}`);
    return p;
  }

  /** Changes a person's part (e.g. a member becomes a recruit), dropping what depended on it. */
  setRole(id: string, role: DemoRole): void {
    this.profile(id).role = role;
    this.sectorCache = null;
    this.reachableCache = null;
  }

  forbidPair(a: string, b: string): void {
    this.forbiddenPairs.add(pairKey(a, b));
  }

  isForbidden(a: string, b: string): boolean {
    return this.forbiddenPairs.has(pairKey(a, b));
  }

  hasTie(from: string, to: string): boolean {
    return this.ties.has(`${from}|${to}`);
  }

  tie(from: string, to: string): DraftTie | undefined {
    return this.ties.get(`${from}|${to}`);
  }

  tiedEitherWay(a: string, b: string): boolean {
    return this.hasTie(a, b) || this.hasTie(b, a);
  }

  /** Adds a tie unless it is a self-tie, forbidden, or already present (then the first one stands). */
  addTie(tie: DraftTie): boolean {
    if (tie.from === tie.to || this.isForbidden(tie.from, tie.to)) return false;
    const key = `${tie.from}|${tie.to}`;
    if (this.ties.has(key)) return false;
    this.ties.set(key, tie);
    this.neighbourCache = null;
    this.reachableCache = null;
    return true;
  }

  /** Adds or replaces a tie (for planted ties that must have given trust). */
  setTie(tie: DraftTie): void {
    if (tie.from === tie.to) throw new Error(`demo world: self-tie on ${tie.from}`);
    if (this.isForbidden(tie.from, tie.to)) throw new Error(`demo world: tie ${tie.from} -> ${tie.to} is forbidden`);
    this.ties.set(`${tie.from}|${tie.to}`, tie);
    this.neighbourCache = null;
    this.reachableCache = null;
  }

  allTies(): DraftTie[] {
    return [...this.ties.values()];
  }

  /** People tied to `id` in either direction, in a stable order. */
  neighbours(id: string): string[] {
    if (!this.neighbourCache) {
      const cache = new Map<string, string[]>();
      const seen = new Map<string, Set<string>>();
      const link = (a: string, b: string): void => {
        let s = seen.get(a);
        if (!s) {
          s = new Set();
          seen.set(a, s);
          cache.set(a, []);
        }
        if (!s.has(b)) {
          s.add(b);
          cache.get(a)!.push(b);
        }
      };
      for (const t of this.ties.values()) {
        link(t.from, t.to);
        link(t.to, t.from);
      }
      this.neighbourCache = cache;
    }
    return this.neighbourCache.get(id) ?? [];
  }

  /** Neighbours who take part in ordinary activity (not ring accounts or recruits). */
  reachableNeighbours(id: string): string[] {
    this.reachableCache ??= new Map();
    let list = this.reachableCache.get(id);
    if (!list) {
      list = this.neighbours(id).filter((n) => isReachable(this.profile(n).role));
      this.reachableCache.set(id, list);
    }
    return list;
  }

  /** People of a sector who take part in ordinary activity (members, archetypes, the connector). */
  sectorPeople(sector: DemoSector): string[] {
    if (!this.sectorCache) {
      const cache = new Map<DemoSector, string[]>();
      for (const p of this.profiles) {
        if (!isReachable(p.role)) continue;
        for (const s of p.sectors) {
          const list = cache.get(s) ?? [];
          list.push(p.person.id);
          cache.set(s, list);
        }
      }
      this.sectorCache = cache;
    }
    return this.sectorCache.get(sector) ?? [];
  }

  /**
   * Picks up to `count` people an event reaches: mostly the drivers' ties, the rest sector peers; never the
   * drivers, never ring accounts or recruits.
   */
  sampleReach(rng: Rng, drivers: readonly string[], sector: DemoSector, count: number, localShare = 0.65): { person: string; weight: number }[] {
    const chosen = new Set<string>();
    const exclude = new Set(drivers);
    const local = drivers.length === 1 ? this.reachableNeighbours(drivers[0]) : drivers.flatMap((d) => this.reachableNeighbours(d));
    const peers = this.sectorPeople(sector);
    for (let attempt = 0; chosen.size < count && attempt < count * 8; attempt++) {
      const pool = local.length > 0 && rng.chance(localShare) ? local : peers;
      if (pool.length === 0) break;
      const candidate = rng.pick(pool);
      if (!exclude.has(candidate)) chosen.add(candidate);
    }
    return [...chosen].map((person) => ({ person, weight: rng.chance(0.85) ? 1 : round(rng.float(0.3, 2.5), 2) }));
  }

  addEvent(event: DraftEvent): void {
    if (event.drivers.length === 0) throw new Error('demo world: an event needs a driver');
    this.events.push(event);
  }

  wasIntroduced(a: string, b: string): boolean {
    return this.introducedPairs.has(pairKey(a, b));
  }

  addIntroduction(intro: DraftIntroduction): void {
    if (intro.a === intro.b || intro.a === intro.introducer || intro.b === intro.introducer) {
      throw new Error(`demo world: introduction by ${intro.introducer} of ${intro.a} and ${intro.b} names someone twice`);
    }
    this.introducedPairs.add(pairKey(intro.a, intro.b));
    this.introductions.push(intro);
  }

  /** Plain records with deterministic ids; events and introductions in time order. */
  finish(): { people: Person[]; events: InfluenceEvent[]; ties: TieInput[]; introductions: IntroductionInput[] } {
    const eventWidth = Math.max(5, String(this.events.length).length);
    const events = this.events
      .map((e, order) => ({ e, order }))
      .sort((x, y) => x.e.at - y.e.at || x.order - y.order)
      .map(({ e }, i): InfluenceEvent => ({
        id: `e-${String(i + 1).padStart(eventWidth, '0')}`,
        title: e.title,
        at: toIsoString(e.at),
        kind: e.kind,
        sector: e.sector,
        medium: e.medium,
        valence: e.valence,
        magnitude: e.magnitude,
        fade: e.fade ? { ...e.fade } : null,
        drivers: e.drivers.map((d) => ({ person: d.person, role: d.role })),
        reached: e.reached.map((r) => ({ person: r.person, weight: r.weight })),
      }));
    const ties = this.allTies().map(
      (t): TieInput => ({
        id: tieId(t.from, t.to),
        from: t.from,
        to: t.to,
        trust: t.trust,
        since: toIsoString(t.since),
        lastContact: toIsoString(t.lastContact),
      }),
    );
    const introWidth = Math.max(4, String(this.introductions.length).length);
    const introductions = this.introductions
      .map((x, order) => ({ x, order }))
      .sort((p, q) => p.x.at - q.x.at || p.order - q.order)
      .map(({ x }, i): IntroductionInput => ({
        id: `i-${String(i + 1).padStart(introWidth, '0')}`,
        introducer: x.introducer,
        a: x.a,
        b: x.b,
        at: toIsoString(x.at),
        status: x.status,
        value: x.value,
        note: x.note,
        outcomeAt: x.outcomeAt === null ? null : toIsoString(x.outcomeAt),
      }));
    return { people: this.profiles.map((p) => p.person), events, ties, introductions };
  }
}

export function isReachable(role: DemoRole): boolean {
  return role === 'member' || role === 'archetype' || role === 'connector';
}
