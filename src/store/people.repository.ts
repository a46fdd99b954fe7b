/** People: create, read, update, delete (and put back), and idempotent batch upserts. */
import type { Page, Person, PersonFootprint, PersonPatch, PersonRestored, PersonSnapshot } from '../domain/model.ts';
import { planRestore, restoreQuestion, type RestoreConflicts } from '../domain/person-restore.ts';
import type { Database, Row, WriteTx } from './database.ts';
import { dismissalFromRow, DismissalsRepository, type DismissalRow } from './dismissals.repository.ts';
import { eventFromRow, EventsRepository, type EventRow } from './events.repository.ts';
import { introductionFromRow, IntroductionsRepository, type IntroductionRow } from './introductions.repository.ts';
import { tieFromRow, TiesRepository, type TieRow } from './ties.repository.ts';

interface SnapshotRow extends Row {
  person: Person;
  ties: TieRow[];
  events: EventRow[];
  drove: { event: string; role: string | null }[];
  reached: { event: string; weight: number | null }[];
  introductions: IntroductionRow[];
  dismissals: DismissalRow[];
}

export class PeopleRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Person | null> {
    const rows = await this.db.read<Person>('get-person', { id });
    return rows[0] ?? null;
  }

  async list(opts: { offset: number; limit: number; q?: string | null }): Promise<Page<Person>> {
    const q = opts.q ?? null;
    const [items, count] = await Promise.all([
      this.db.read<Person>('list-people', { offset: opts.offset, limit: opts.limit, q }),
      this.db.read<{ total: number }>('count-people', { q }),
    ]);
    return { items, total: count[0]?.total ?? 0 };
  }

  /** Creates one person; a clash with an existing id raises a ConflictError (409). */
  async create(person: Person): Promise<void> {
    await this.db.write('create-person', { person: storedLists(person) });
  }

  async update(id: string, patch: PersonPatch): Promise<boolean> {
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const rows = await this.db.write('update-person', { id, patch: storedLists(clean) });
    return rows.length > 0;
  }

  /**
   * Deletes the person like delete(), answering everything that went with them, whole (person-snapshot), read in the
   * same transaction as the delete; null for an unknown id.
   */
  async deleteKeeping(id: string): Promise<PersonSnapshot | null> {
    return this.db.writeTx(async (tx) => {
      const [row] = await tx.run<SnapshotRow>('person-snapshot', { id });
      if (!row) return null;
      await tx.run('delete-person', { id });
      return {
        person: row.person,
        ties: row.ties.map(tieFromRow),
        events: row.events.map(eventFromRow),
        drove: row.drove.map((l) => ({ event: l.event, role: l.role ?? 'driver' })),
        reached: row.reached.map((l) => ({ event: l.event, weight: l.weight ?? 1 })),
        introductions: row.introductions.map(introductionFromRow),
        dismissals: row.dismissals.map(dismissalFromRow),
      };
    });
  }

  /**
   * Puts a deleted person back, in one transaction, with what of their snapshot the store lets come back
   * (planRestore, which sees the store as it is at that moment); a clash on their id is a ConflictError.
   */
  async restore(snapshot: PersonSnapshot): Promise<PersonRestored> {
    return this.db.writeTx(async (tx) => {
      const [conflicts] = await tx.run<RestoreConflicts & Row>('restore-conflicts', restoreQuestion(snapshot));
      const { keep, skipped } = planRestore(snapshot, conflicts!);
      await tx.run('create-person', { person: storedLists(keep.person) });
      const restored = {
        ties: await TiesRepository.upsert(tx, keep.ties),
        events: await EventsRepository.upsert(tx, keep.events),
        links: 0,
        introductions: await IntroductionsRepository.upsert(tx, keep.introductions),
        dismissals: await DismissalsRepository.upsert(tx, keep.dismissals),
      };
      const who = keep.person.id;
      const drove = keep.drove.map((l) => ({ event: l.event, person: who, role: l.role }));
      const reached = keep.reached.map((l) => ({ event: l.event, person: who, weight: l.weight }));
      if (drove.length > 0) restored.links += (await tx.runCounting('link-drivers', { rows: drove })).relationships;
      if (reached.length > 0) restored.links += (await tx.runCounting('link-reached', { rows: reached })).relationships;
      return { person: keep.person, restored, skipped };
    });
  }

  /** What deleting the person takes with them (delete-person), counted; null for an unknown id. */
  async footprint(id: string): Promise<PersonFootprint | null> {
    const rows = await this.db.read<PersonFootprint>('person-footprint', { id });
    return rows[0] ?? null;
  }

  /** The ids that are `base` or begin with `base-`: those a new id made from `base` must avoid. */
  async idsLike(base: string): Promise<Set<string>> {
    const rows = await this.db.read<{ id: string }>('find-person-ids-like', { base });
    return new Set(rows.map((r) => r.id));
  }

  async missing(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read<{ id: string }>('find-missing-people', { ids: [...new Set(ids)] });
    return rows.map((r) => r.id);
  }

  /** Creates or overwrites people by id; answers how many were new. */
  static async upsert(tx: WriteTx, people: Person[]): Promise<number> {
    return people.length > 0 ? (await tx.runCounting('upsert-people', { rows: people.map(storedLists) })).nodes : 0;
  }

  /** Creates people for ids not yet stored, named by their id (imports that only know ids). */
  static async ensure(tx: WriteTx, ids: string[]): Promise<number> {
    return ids.length > 0 ? (await tx.runCounting('ensure-people', { ids })).nodes : 0;
  }
}

/**
 * The stored form of a person's lists: an empty sectors/offers/seeks list is not stored (null: `SET p = $map` leaves
 * it out, `SET p += $map` and `SET p.x = null` remove it), the same as Neo4j's bulk importer, which cannot store an
 * empty array. Every read coalesces a missing list to [].
 */
function storedLists<T extends Partial<Pick<Person, 'sectors' | 'offers' | 'seeks'>>>(p: T): T {
  const out: Record<string, unknown> = { ...p };
  for (const key of ['sectors', 'offers', 'seeks'] as const) {
    const list = p[key];
    if (list !== undefined && list.length === 0) out[key] = null;
  }
  return out as T;
}
