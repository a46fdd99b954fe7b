/**
 * Whole-graph reads: the projection for the engine (streamed into typed columns), exports, counts, and
 * clearing the database.
 */
import { tieId, type Dismissal, type InfluenceEvent, type Introduction, type Person, type Tie } from '../domain/model.ts';
import { ProjectionBuilder, type ProjectedIntroduction, type Projection } from '../domain/projection.ts';
import { fadeFromStored, isoOrNull, iso } from './convert.ts';
import type { Database } from './database.ts';
import { dismissalFromRow, type DismissalRow } from './dismissals.repository.ts';
import { eventFromRow } from './events.repository.ts';
import { introductionFromRow, type IntroductionRow } from './introductions.repository.ts';

/** An introduction as the projection takes it: people by id, times in epoch ms (outcomeAt NaN when unknown). */
type IntroductionRecord = Omit<ProjectedIntroduction, 'introducer' | 'a' | 'b'> & { introducer: string; a: string; b: string };

export interface ProjectionSlice {
  fromMs?: number | null;
  toMs?: number | null;
  sector?: string | null;
  medium?: string | null;
}

export interface StoreCounts {
  people: number;
  events: number;
  ties: number;
  introductions: number;
}

/** loadProjection reports its progress every this many rows. */
const PROGRESS_ROWS = 10_000;

export class GraphRepository {
  constructor(private readonly db: Database) {}

  async counts(): Promise<StoreCounts> {
    const rows = await this.db.read<StoreCounts & Record<string, unknown>>('count-all');
    return rows[0] ?? { people: 0, events: 0, ties: 0, introductions: 0 };
  }

  /**
   * Reads people, events (optionally a slice), ties, introductions and dismissals into a Projection.
   * `onRows`: told the number of people, events and ties read so far, every PROGRESS_ROWS rows.
   */
  async loadProjection(slice: ProjectionSlice = {}, onRows: ((rows: number) => void) | null = null): Promise<Projection> {
    const b = new ProjectionBuilder();
    let rows = 0;
    const counted = <T>(each: (row: T) => void) => (row: T) => {
      each(row);
      if (++rows % PROGRESS_ROWS === 0) onRows?.(rows);
    };
    await this.db.stream<Person>('load-people', {}, counted((p) => b.person(p)));
    await this.db.stream<{
      id: string;
      atMs: number;
      kind: string;
      sector: string;
      medium: string;
      valence: number;
      magnitude: number;
      fade: string | null;
      drivers: string[];
      reached: [string, number | null][];
    }>(
      'load-events',
      { fromMs: slice.fromMs ?? null, toMs: slice.toMs ?? null, sector: slice.sector ?? null, medium: slice.medium ?? null },
      counted((e) => {
        b.event({
          id: e.id,
          at: e.atMs,
          magnitude: e.magnitude ?? 1,
          valence: e.valence ?? 0,
          kind: e.kind ?? 'event',
          sector: e.sector ?? 'general',
          medium: e.medium ?? 'unspecified',
          fade: fadeFromStored(e.fade),
        });
        // by id, as the store's order of an event's links changes when someone is deleted and restored: the same
        // data then sums its influence in the same order, and the layout and communities come out the same
        for (const d of e.drivers.sort()) b.drive(e.id, d);
        for (const [p, w] of e.reached.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) b.reach(e.id, p, w ?? 1);
      }),
    );
    await this.db.stream<{ from: string; to: string; trust: number | null; sinceMs: number | null; lastContactMs: number | null }>(
      'load-ties',
      {},
      counted((t) => b.tie(t.from, t.to, t.trust ?? 0.5, t.sinceMs ?? Number.NaN, t.lastContactMs ?? Number.NaN)),
    );
    onRows?.(rows);
    // in order of their ends' ids (people came in id order), however the store returned them: cheaper here than
    // an ORDER BY (870k Slashdot ties: ~1 s more in Neo4j)
    b.sortTies();
    await this.streamIntroductionRecords(
      (i) => b.introduction(i),
      (d) => b.dismissal(d),
    );
    return b.build();
  }

  /**
   * Introductions and dismissed suggestions as a projection over these people holds them (`indexOf`: a
   * projection's), for a change that touched nothing else (graph-version.ts); null when one names someone not
   * in `indexOf` (then the whole projection must be read again).
   */
  async loadIntroductionRecords(indexOf: ReadonlyMap<string, number>): Promise<Pick<Projection, 'introductions' | 'dismissals'> | null> {
    const introductions: Projection['introductions'] = [];
    const dismissals: Projection['dismissals'] = [];
    let unknown = false;
    const person = (id: string) => {
      const i = indexOf.get(id);
      if (i === undefined) unknown = true;
      return i ?? -1;
    };
    await this.streamIntroductionRecords(
      (i) => introductions.push({ ...i, introducer: person(i.introducer), a: person(i.a), b: person(i.b) }),
      (d) => dismissals.push({ by: person(d.by), a: person(d.a), b: person(d.b) }),
    );
    return unknown ? null : { introductions, dismissals };
  }

  private async streamIntroductionRecords(
    onIntroduction: (i: IntroductionRecord) => void,
    onDismissal: (d: { by: string; a: string; b: string }) => void,
  ): Promise<void> {
    await this.db.stream<IntroductionRow>('load-introductions', {}, (i) =>
      onIntroduction({
        id: i.id,
        introducer: i.introducer,
        a: i.a,
        b: i.b,
        at: i.atMs,
        status: i.status,
        value: i.value ?? null,
        outcomeAt: i.outcomeAtMs ?? Number.NaN,
      }),
    );
    await this.db.stream<DismissalRow>('load-dismissals', {}, (d) => onDismissal({ by: d.by, a: d.a, b: d.b }));
  }

  async streamPeople(onPerson: (p: Person) => void): Promise<number> {
    return this.db.stream<Person>('load-people', {}, onPerson);
  }

  async streamEvents(onEvent: (e: InfluenceEvent) => void): Promise<number> {
    return this.db.stream('export-events', {}, (row) => onEvent(eventFromRow(row as Parameters<typeof eventFromRow>[0])));
  }

  async streamTies(onTie: (t: Tie) => void): Promise<number> {
    return this.db.stream<{ id: string | null; from: string; to: string; trust: number | null; sinceMs: number | null; lastContactMs: number | null }>(
      'load-ties',
      {},
      (t) => onTie({ id: t.id ?? tieId(t.from, t.to), from: t.from, to: t.to, trust: t.trust ?? 0.5, since: isoOrNull(t.sinceMs), lastContact: isoOrNull(t.lastContactMs) }),
    );
  }

  async streamDismissals(onDismissal: (d: Dismissal) => void): Promise<number> {
    return this.db.stream<DismissalRow>('load-dismissals', {}, (d) => onDismissal(dismissalFromRow(d)));
  }

  async streamIntroductions(onIntro: (i: Introduction) => void): Promise<number> {
    return this.db.stream<IntroductionRow>('load-introductions', {}, (i) => onIntro(introductionFromRow(i)));
  }

  /**
   * Deletes everything Catalyst stored, in batches (a large graph does not fit one transaction's memory):
   * relationships first, then the nodes, which then have nothing left to detach.
   */
  async clear(): Promise<void> {
    for (const query of ['delete-all-relationships', 'delete-all'] as const) {
      for (;;) {
        const rows = await this.db.write<{ deleted: number }>(query, { limit: 50_000 });
        if ((rows[0]?.deleted ?? 0) === 0) break;
      }
    }
  }
}
