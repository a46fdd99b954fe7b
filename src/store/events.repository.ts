/** Events with their DROVE and REACHED links. */
import type { EventRole, InfluenceEvent, Page } from '../domain/model.ts';
import { fadeFromStored, fadeToStored, iso } from './convert.ts';
import type { Database, Row, WriteTx } from './database.ts';

export interface EventRow extends Row {
  id: string;
  title: string | null;
  atMs: number;
  kind: string;
  sector: string;
  medium: string;
  valence: number;
  magnitude: number;
  fade: string | null;
  drivers: { person: string; role: string | null }[];
  reached: { person: string; weight: number | null }[];
}

export function eventFromRow(r: EventRow): InfluenceEvent {
  return {
    id: r.id,
    title: r.title ?? '',
    at: iso(r.atMs),
    kind: r.kind,
    sector: r.sector,
    medium: r.medium,
    valence: r.valence,
    magnitude: r.magnitude,
    fade: fadeFromStored(r.fade),
    drivers: r.drivers.map((d) => ({ person: d.person, role: d.role ?? 'driver' })).sort((a, b) => a.person.localeCompare(b.person)),
    reached: r.reached.map((x) => ({ person: x.person, weight: x.weight ?? 1 })).sort((a, b) => a.person.localeCompare(b.person)),
  };
}

function nodeRow(e: InfluenceEvent) {
  return {
    id: e.id,
    title: e.title,
    atMs: Date.parse(e.at),
    kind: e.kind,
    sector: e.sector,
    medium: e.medium,
    valence: e.valence,
    magnitude: e.magnitude,
    fade: fadeToStored(e.fade),
  };
}

export class EventsRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<InfluenceEvent | null> {
    const rows = await this.db.read<EventRow>('get-events', { ids: [id] });
    return rows[0] ? eventFromRow(rows[0]) : null;
  }

  async list(opts: { offset: number; limit: number; person?: string | null; role?: EventRole }): Promise<Page<InfluenceEvent>> {
    const person = opts.person ?? null;
    const role = opts.role ?? 'any';
    const [rows, count] = await Promise.all([
      this.db.read<EventRow>('list-events', { offset: opts.offset, limit: opts.limit, person, role }),
      this.db.read<{ total: number }>('count-events', { person, role }),
    ]);
    return { items: rows.map(eventFromRow), total: count[0]?.total ?? 0 };
  }

  /** Creates one event and its links in one transaction; an existing id raises a ConflictError. */
  async create(event: InfluenceEvent): Promise<void> {
    await this.db.writeTx(async (tx) => {
      await tx.run('create-event', { row: nodeRow(event) });
      await EventsRepository.link(tx, [event]);
    });
  }

  /** Replaces an event's properties and links. */
  async replace(event: InfluenceEvent): Promise<void> {
    await this.db.writeTx(async (tx) => {
      await tx.run('unlink-event', { id: event.id });
      await EventsRepository.upsert(tx, [event]);
    });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.write('delete-event', { id })).length > 0;
  }

  /** Idempotent batch write of events and their links; the people must exist. Answers how many events were new. */
  static async upsert(tx: WriteTx, events: InfluenceEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const created = await tx.runCounting('upsert-events', { rows: events.map(nodeRow) });
    await EventsRepository.link(tx, events);
    return created.nodes;
  }

  /**
   * Creates events and their links without MERGE: only for an import into an empty database. A person named twice
   * among an event's drivers (or reached) gets one link with the last role (weight), as the MERGE of upsert does.
   */
  static async createFresh(tx: WriteTx, events: InfluenceEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const created = await tx.runCounting('create-events-fresh', {
      rows: events.map((e) => ({
        ...nodeRow(e),
        drivers: lastPerPerson(e.drivers).map(([person, d]) => ({ person, role: d.role })),
        reached: lastPerPerson(e.reached).map(([person, r]) => ({ person, weight: r.weight })),
      })),
    });
    return created.nodes;
  }

  private static async link(tx: WriteTx, events: InfluenceEvent[]): Promise<void> {
    const drivers = events.flatMap((e) => e.drivers.map((d) => ({ event: e.id, person: d.person, role: d.role })));
    const reached = events.flatMap((e) => e.reached.map((r) => ({ event: e.id, person: r.person, weight: r.weight })));
    if (drivers.length > 0) await tx.run('link-drivers', { rows: drivers });
    if (reached.length > 0) await tx.run('link-reached', { rows: reached });
  }
}

/** One entry per person, in order of first appearance, with the values of the last. */
function lastPerPerson<T extends { person: string }>(links: readonly T[]): [string, T][] {
  return [...new Map(links.map((l) => [l.person, l])).entries()];
}
