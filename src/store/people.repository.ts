/** People: create, read, update, delete, and idempotent batch upserts. */
import type { Page, Person, PersonFootprint, PersonPatch } from '../domain/model.ts';
import type { Database, WriteTx } from './database.ts';

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

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.write('delete-person', { id });
    return rows.length > 0;
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
