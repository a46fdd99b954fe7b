/** KNOWS ties: directed, one per ordered pair, with trust and dates. */
import { tieId, type Page, type Tie, type TieInput, type TieListQuery, type TiePatch } from '../domain/model.ts';
import { isoOrNull, msOrNull } from './convert.ts';
import type { Database, Row, WriteTx } from './database.ts';

export interface TieRow extends Row {
  id: string;
  from: string;
  to: string;
  trust: number | null;
  sinceMs: number | null;
  lastContactMs: number | null;
}

export function tieFromRow(r: TieRow): Tie {
  return {
    id: r.id ?? tieId(r.from, r.to),
    from: r.from,
    to: r.to,
    trust: r.trust ?? 0.5,
    since: isoOrNull(r.sinceMs),
    lastContact: isoOrNull(r.lastContactMs),
  };
}

function tieRow(t: Tie) {
  return { id: t.id, from: t.from, to: t.to, trust: t.trust, sinceMs: msOrNull(t.since), lastContactMs: msOrNull(t.lastContact) };
}

export function withTieId(t: TieInput): Tie {
  // Spelled out rather than spread: a million-tie import makes this a hot path, and spreading costs several times more.
  return { id: t.id ?? tieId(t.from, t.to), from: t.from, to: t.to, trust: t.trust, since: t.since, lastContact: t.lastContact };
}

export class TiesRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Tie | null> {
    const rows = await this.db.read<TieRow>('get-tie', { id, from: null, to: null });
    return rows[0] ? tieFromRow(rows[0]) : null;
  }

  async between(from: string, to: string): Promise<Tie | null> {
    const rows = await this.db.read<TieRow>('get-tie', { id: null, from, to });
    return rows[0] ? tieFromRow(rows[0]) : null;
  }

  async list(opts: TieListQuery): Promise<Page<Tie>> {
    const person = opts.person ?? null;
    const direction = opts.direction ?? 'both';
    const [rows, count] = await Promise.all([
      this.db.read<TieRow>('list-ties', { offset: opts.offset, limit: opts.limit, person, direction, order: opts.order ?? 'id' }),
      this.db.read<{ total: number }>('count-ties', { person, direction }),
    ]);
    return { items: rows.map(tieFromRow), total: count[0]?.total ?? 0 };
  }

  async upsertOne(tie: Tie): Promise<void> {
    await this.db.writeTx((tx) => TiesRepository.upsert(tx, [tie]));
  }

  async update(id: string, patch: TiePatch): Promise<boolean> {
    const rows = await this.db.write('update-tie', {
      id,
      trust: patch.trust ?? null,
      setSince: patch.since !== undefined,
      sinceMs: msOrNull(patch.since),
      setLastContact: patch.lastContact !== undefined,
      lastContactMs: msOrNull(patch.lastContact),
    });
    return rows.length > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.write('delete-tie', { id })).length > 0;
  }

  /** Creates or updates ties, one per ordered pair; answers how many were new. */
  static async upsert(tx: WriteTx, ties: Tie[]): Promise<number> {
    return ties.length > 0 ? (await tx.runCounting('upsert-ties', { rows: ties.map(tieRow) })).relationships : 0;
  }

  /** Creates ties without MERGE: only for an import into an empty database. */
  static async createFresh(tx: WriteTx, ties: Tie[]): Promise<number> {
    return ties.length > 0 ? (await tx.runCounting('create-ties-fresh', { rows: ties.map(tieRow) })).relationships : 0;
  }
}
