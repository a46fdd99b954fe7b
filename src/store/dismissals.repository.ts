/** Dismissed suggestions: (by)-[:DISMISSED]->(:Dismissal {id, at})-[:OF {side}]->(a), (b). */
import type { Dismissal, Page } from '../domain/model.ts';
import { iso } from './convert.ts';
import type { Database, Row, WriteTx } from './database.ts';

export interface DismissalRow extends Row {
  id: string;
  by: string;
  a: string;
  b: string;
  atMs: number;
}

export function dismissalFromRow(r: DismissalRow): Dismissal {
  return { id: r.id, by: r.by, a: r.a, b: r.b, at: iso(r.atMs) };
}

export class DismissalsRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Dismissal | null> {
    const rows = await this.db.read<DismissalRow>('get-dismissal', { id });
    return rows[0] ? dismissalFromRow(rows[0]) : null;
  }

  /** Newest first; those `by` made, or all. */
  async list(opts: { offset: number; limit: number; by?: string | null }): Promise<Page<Dismissal>> {
    const rows = await this.db.read<DismissalRow & { total: number }>('list-dismissals', { by: opts.by ?? null, offset: opts.offset, limit: opts.limit });
    return { items: rows.filter((r) => r.id !== null).map(dismissalFromRow), total: rows[0]?.total ?? 0 };
  }

  /** The id of the dismissal `by` already made of {a, b}, if any. */
  async find(by: string, a: string, b: string): Promise<string | null> {
    const rows = await this.db.read<{ id: string }>('find-dismissal', { by, a, b });
    return rows[0]?.id ?? null;
  }

  /** Returns false when one of the three people does not exist (nothing written). */
  async create(d: Dismissal): Promise<boolean> {
    const rows = await this.db.write('create-dismissal', { row: { id: d.id, by: d.by, a: d.a, b: d.b, atMs: Date.parse(d.at) } });
    return rows.length > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.write('delete-dismissal', { id })).length > 0;
  }

  /**
   * Creates or updates dismissals by id; one whose person already dismissed the pair under another id is left out.
   * Answers how many were new.
   */
  static async upsert(tx: WriteTx, dismissals: Dismissal[]): Promise<number> {
    if (dismissals.length === 0) return 0;
    return (await tx.runCounting('upsert-dismissals', { rows: dismissals.map((d) => ({ id: d.id, by: d.by, a: d.a, b: d.b, atMs: Date.parse(d.at) })) })).nodes;
  }
}
