/**
 * The projection: the stored graph as compact columns, handed from the store to the engine.
 *
 * People, events, their DROVE and REACHED links, KNOWS ties, introductions and dismissed suggestions, with every
 * person and event referred to by its dense index (0..n-1) so the engine can run over typed arrays. Times are
 * epoch milliseconds (NaN when absent). Strings that repeat (kind, sector, medium) are dictionary-coded.
 *
 * Direction convention (DESIGN.md): influence flows from the people who DROVE an event to the people it
 * REACHED. An event without REACHED links is a broadcast: it counts toward its drivers' activity only.
 */
import type { FadeSpec, IntroductionStatus } from './model.ts';

export interface ProjectedPerson {
  id: string;
  name: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
}

export interface EventColumns {
  count: number;
  id: string[];
  /** epoch ms */
  at: Float64Array;
  magnitude: Float64Array;
  /** −1..1 */
  valence: Float64Array;
  /** index into `kinds` */
  kind: Uint16Array;
  /** index into `sectors` */
  sector: Uint16Array;
  /** index into `media` */
  medium: Uint16Array;
  /** the event's own fade model, or null for the configured default */
  fade: (FadeSpec | null)[];
  kinds: string[];
  sectors: string[];
  media: string[];
}

/** Person–event links (DROVE or REACHED), one row per link. */
export interface LinkColumns {
  count: number;
  event: Uint32Array;
  person: Uint32Array;
  /** REACHED weight (1 for DROVE) */
  weight: Float64Array;
}

export interface TieColumns {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  /** 0..1, directed: `from` trusts `to` this much */
  trust: Float64Array;
  /** epoch ms or NaN */
  since: Float64Array;
  /** epoch ms or NaN */
  lastContact: Float64Array;
}

export interface ProjectedIntroduction {
  id: string;
  introducer: number;
  a: number;
  b: number;
  /** epoch ms */
  at: number;
  status: IntroductionStatus;
  value: number | null;
  /** epoch ms the outcome came (a closed status); NaN when open or not known (model.ts, introductionSchema) */
  outcomeAt: number;
}

/**
 * An introduction's status as it stood at `now` (epoch ms; null: as it stands): null before it was made; an
 * outcome dated after `now` reads as `made` (outcome to come). An outcome without a date counts from
 * the introduction's own time.
 */
export function statusAt(intro: ProjectedIntroduction, now: number | null): IntroductionStatus | null {
  if (now === null) return intro.status;
  if (intro.at > now) return null;
  return intro.outcomeAt > now ? 'made' : intro.status;
}

/** A dismissed suggestion: `by` does not want the pair {a, b} suggested (model.ts, dismissalSchema). */
export interface ProjectedDismissal {
  by: number;
  a: number;
  b: number;
}

export interface Projection {
  people: ProjectedPerson[];
  indexOf: Map<string, number>;
  events: EventColumns;
  drove: LinkColumns;
  reached: LinkColumns;
  ties: TieColumns;
  introductions: ProjectedIntroduction[];
  dismissals: ProjectedDismissal[];
}

/** Growable column builder used by the store and by tests to assemble a Projection. */
export class ProjectionBuilder {
  private people: ProjectedPerson[] = [];
  private indexOf = new Map<string, number>();
  private ev = {
    id: [] as string[],
    at: [] as number[],
    magnitude: [] as number[],
    valence: [] as number[],
    kind: [] as number[],
    sector: [] as number[],
    medium: [] as number[],
    fade: [] as (FadeSpec | null)[],
  };
  private eventIndex = new Map<string, number>();
  private dict = { kinds: new Map<string, number>(), sectors: new Map<string, number>(), media: new Map<string, number>() };
  private drove = { event: [] as number[], person: [] as number[], weight: [] as number[] };
  private reached = { event: [] as number[], person: [] as number[], weight: [] as number[] };
  private ties = { from: [] as number[], to: [] as number[], trust: [] as number[], since: [] as number[], lastContact: [] as number[] };
  private introductions: ProjectedIntroduction[] = [];
  private dismissals: ProjectedDismissal[] = [];

  /** Adds a person (or returns the index of one already added). */
  person(p: ProjectedPerson | string): number {
    const key = typeof p === 'string' ? p : p.id;
    const existing = this.indexOf.get(key);
    if (existing !== undefined) {
      if (typeof p !== 'string') this.people[existing] = p;
      return existing;
    }
    const i = this.people.length;
    this.people.push(typeof p === 'string' ? { id: p, name: p, sectors: [], offers: [], seeks: [] } : p);
    this.indexOf.set(key, i);
    return i;
  }

  event(e: {
    id: string;
    at: number;
    magnitude: number;
    valence: number;
    kind: string;
    sector: string;
    medium: string;
    fade?: FadeSpec | null;
  }): number {
    const existing = this.eventIndex.get(e.id);
    if (existing !== undefined) return existing;
    const i = this.ev.id.length;
    this.eventIndex.set(e.id, i);
    this.ev.id.push(e.id);
    this.ev.at.push(e.at);
    this.ev.magnitude.push(e.magnitude);
    this.ev.valence.push(e.valence);
    this.ev.kind.push(code(this.dict.kinds, e.kind));
    this.ev.sector.push(code(this.dict.sectors, e.sector));
    this.ev.medium.push(code(this.dict.media, e.medium));
    this.ev.fade.push(e.fade ?? null);
    return i;
  }

  drive(eventId: string, personId: string): void {
    const e = this.eventIndex.get(eventId);
    if (e === undefined) return;
    this.drove.event.push(e);
    this.drove.person.push(this.person(personId));
    this.drove.weight.push(1);
  }

  reach(eventId: string, personId: string, weight = 1): void {
    const e = this.eventIndex.get(eventId);
    if (e === undefined) return;
    this.reached.event.push(e);
    this.reached.person.push(this.person(personId));
    this.reached.weight.push(weight);
  }

  tie(from: string, to: string, trust: number, since = Number.NaN, lastContact = Number.NaN): void {
    this.ties.from.push(this.person(from));
    this.ties.to.push(this.person(to));
    this.ties.trust.push(trust);
    this.ties.since.push(since);
    this.ties.lastContact.push(lastContact);
  }

  /**
   * Puts the ties added so far in order of (from, to) person index, keeping the order of a repeated pair: with
   * people added in id order, the ties' order is then a function of the data, not of how the store returns them.
   * A counting sort on `from`, then each person's ties by `to`: O(ties + people) but for the small per-person sorts.
   */
  sortTies(): void {
    const t = this.ties;
    const m = t.from.length;
    const start = new Uint32Array(this.people.length + 1);
    for (let k = 0; k < m; k++) start[t.from[k]! + 1]!++;
    for (let i = 0; i < this.people.length; i++) start[i + 1]! += start[i]!;
    const order = new Uint32Array(m);
    const next = start.slice(0, this.people.length);
    for (let k = 0; k < m; k++) order[next[t.from[k]!]!++] = k;
    for (let i = 0; i < this.people.length; i++) {
      const run = order.subarray(start[i]!, start[i + 1]!);
      // stable by `to` (then by position, for repeated pairs)
      if (run.length > 1) run.sort((a, b) => t.to[a]! - t.to[b]! || a - b);
    }
    const pick = <T>(column: T[]): T[] => Array.from(order, (k) => column[k]!);
    this.ties = { from: pick(t.from), to: pick(t.to), trust: pick(t.trust), since: pick(t.since), lastContact: pick(t.lastContact) };
  }

  introduction(i: {
    id: string;
    introducer: string;
    a: string;
    b: string;
    at: number;
    status: IntroductionStatus;
    value: number | null;
    /** epoch ms; absent or NaN: not known */
    outcomeAt?: number;
  }): void {
    this.introductions.push({
      id: i.id,
      introducer: this.person(i.introducer),
      a: this.person(i.a),
      b: this.person(i.b),
      at: i.at,
      status: i.status,
      value: i.value,
      outcomeAt: i.outcomeAt ?? Number.NaN,
    });
  }

  dismissal(d: { by: string; a: string; b: string }): void {
    this.dismissals.push({ by: this.person(d.by), a: this.person(d.a), b: this.person(d.b) });
  }

  build(): Projection {
    const links = (l: { event: number[]; person: number[]; weight: number[] }): LinkColumns => ({
      count: l.event.length,
      event: Uint32Array.from(l.event),
      person: Uint32Array.from(l.person),
      weight: Float64Array.from(l.weight),
    });
    return {
      people: this.people,
      indexOf: this.indexOf,
      events: {
        count: this.ev.id.length,
        id: this.ev.id,
        at: Float64Array.from(this.ev.at),
        magnitude: Float64Array.from(this.ev.magnitude),
        valence: Float64Array.from(this.ev.valence),
        kind: Uint16Array.from(this.ev.kind),
        sector: Uint16Array.from(this.ev.sector),
        medium: Uint16Array.from(this.ev.medium),
        fade: this.ev.fade,
        kinds: [...this.dict.kinds.keys()],
        sectors: [...this.dict.sectors.keys()],
        media: [...this.dict.media.keys()],
      },
      drove: links(this.drove),
      reached: links(this.reached),
      ties: {
        count: this.ties.from.length,
        from: Uint32Array.from(this.ties.from),
        to: Uint32Array.from(this.ties.to),
        trust: Float64Array.from(this.ties.trust),
        since: Float64Array.from(this.ties.since),
        lastContact: Float64Array.from(this.ties.lastContact),
      },
      introductions: this.introductions,
      dismissals: this.dismissals,
    };
  }
}

function code(dict: Map<string, number>, value: string): number {
  let c = dict.get(value);
  if (c === undefined) {
    c = dict.size;
    if (c > 0xffff) throw new Error('projection: more than 65,535 distinct kinds, sectors or media');
    dict.set(value, c);
  }
  return c;
}
