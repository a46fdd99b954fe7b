/** Introductions: (introducer)-[:MADE]->(:Introduction)-[:INTRODUCED {side}]->(a), (b). */
import { closedIntroductionStatuses, type Introduction, type IntroductionPatch, type Page } from '../domain/model.ts';
import { iso } from './convert.ts';
import type { Database, Row, WriteTx } from './database.ts';

interface IntroductionRow extends Row {
  id: string;
  introducer: string;
  a: string;
  b: string;
  atMs: number;
  status: Introduction['status'];
  value: number | null;
  note: string;
}

export function introductionFromRow(r: IntroductionRow): Introduction {
  return { id: r.id, introducer: r.introducer, a: r.a, b: r.b, at: iso(r.atMs), status: r.status, value: r.value ?? null, note: r.note ?? '' };
}

function toRow(i: Introduction) {
  return { id: i.id, introducer: i.introducer, a: i.a, b: i.b, atMs: Date.parse(i.at), status: i.status, value: i.value, note: i.note };
}

export class IntroductionsRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Introduction | null> {
    const rows = await this.db.read<IntroductionRow>('get-introduction', { id });
    return rows[0] ? introductionFromRow(rows[0]) : null;
  }

  async list(opts: { offset: number; limit: number; person?: string | null }): Promise<Page<Introduction>> {
    const person = opts.person ?? null;
    const [rows, count] = await Promise.all([
      this.db.read<IntroductionRow>('list-introductions', { offset: opts.offset, limit: opts.limit, person }),
      this.db.read<{ total: number }>('count-introductions', { person }),
    ]);
    return { items: rows.map(introductionFromRow), total: count[0]?.total ?? 0 };
  }

  /** An introduction between a and b (either order) that is not closed yet, if any. */
  async findOpen(a: string, b: string): Promise<{ id: string; introducer: string; status: string } | null> {
    const rows = await this.db.read<{ id: string; introducer: string; status: string }>('find-open-introduction', {
      a,
      b,
      closed: closedIntroductionStatuses,
    });
    return rows[0] ?? null;
  }

  /** Returns false when one of the three people does not exist (nothing written). */
  async create(intro: Introduction): Promise<boolean> {
    const rows = await this.db.write('create-introduction', { row: toRow(intro) });
    return rows.length > 0;
  }

  async update(id: string, patch: IntroductionPatch): Promise<boolean> {
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return (await this.db.write('update-introduction', { id, patch: clean })).length > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.write('delete-introduction', { id })).length > 0;
  }

  static async upsert(tx: WriteTx, intros: Introduction[]): Promise<void> {
    if (intros.length > 0) await tx.run('upsert-introductions', { rows: intros.map(toRow) });
  }
}
