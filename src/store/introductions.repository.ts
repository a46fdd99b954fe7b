/** Introductions: (introducer)-[:MADE]->(:Introduction)-[:INTRODUCED {side}]->(a), (b). */
import { closedIntroductionStatuses, type Introduction, type IntroductionPatch, type IntroductionStatus, type Page } from '../domain/model.ts';
import { iso, isoOrNull } from './convert.ts';
import type { Database, Row, WriteTx } from './database.ts';

export interface IntroductionRow extends Row {
  id: string;
  introducer: string;
  a: string;
  b: string;
  atMs: number;
  status: Introduction['status'];
  value: number | null;
  note: string;
  outcomeAtMs: number | null;
}

/** Which introductions a list holds: those a person made or was part of, in some statuses, recorded in a time range. */
export interface IntroductionFilter {
  person?: string | null;
  status?: IntroductionStatus[] | null;
  /** epoch ms: recorded at or after */
  since?: number | null;
  /** epoch ms: recorded before */
  before?: number | null;
  /** epoch ms: with an outcome dated at or after */
  outcomeSince?: number | null;
  /** epoch ms: with an outcome dated before */
  outcomeBefore?: number | null;
}

/** The closed introductions of one status whose outcome came in one month (UTC). */
export interface OutcomeTally extends Row {
  status: IntroductionStatus;
  year: number;
  month: number;
  count: number;
}

/** One group of the summary: introductions of one status recorded in one month. */
export interface IntroductionTally extends Row {
  status: IntroductionStatus;
  year: number;
  month: number;
  count: number;
  /** the sum of their values (null counts 0) */
  value: number;
  /** how many of them were recorded before the time asked about */
  before: number;
}

export function introductionFromRow(r: IntroductionRow): Introduction {
  return {
    id: r.id,
    introducer: r.introducer,
    a: r.a,
    b: r.b,
    at: iso(r.atMs),
    status: r.status,
    value: r.value ?? null,
    note: r.note ?? '',
    outcomeAt: isoOrNull(r.outcomeAtMs),
  };
}

function toRow(i: Introduction) {
  const outcomeAtMs = i.outcomeAt === null ? null : Date.parse(i.outcomeAt);
  return { id: i.id, introducer: i.introducer, a: i.a, b: i.b, atMs: Date.parse(i.at), status: i.status, value: i.value, note: i.note, outcomeAtMs };
}

export class IntroductionsRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Introduction | null> {
    const rows = await this.db.read<IntroductionRow>('get-introduction', { id });
    return rows[0] ? introductionFromRow(rows[0]) : null;
  }

  async list(opts: { offset: number; limit: number } & IntroductionFilter): Promise<Page<Introduction>> {
    const filter = {
      person: opts.person ?? null,
      statuses: opts.status ?? null,
      sinceMs: opts.since ?? null,
      beforeMs: opts.before ?? null,
      outcomeSinceMs: opts.outcomeSince ?? null,
      outcomeBeforeMs: opts.outcomeBefore ?? null,
    };
    const [rows, count] = await Promise.all([
      this.db.read<IntroductionRow>('list-introductions', { offset: opts.offset, limit: opts.limit, ...filter }),
      this.db.read<{ total: number }>('count-introductions', filter),
    ]);
    return { items: rows.map(introductionFromRow), total: count[0]?.total ?? 0 };
  }

  /** Counts by status and by month recorded (UTC), with the sum of values and how many were recorded before `beforeMs`. */
  summarize(beforeMs: number): Promise<IntroductionTally[]> {
    return this.db.read<IntroductionTally>('summarize-introductions', { beforeMs });
  }

  /** How many closed introductions have a dated outcome, and the median days from introduction to outcome. */
  /** The dated outcomes counted by status and by the month they came in (UTC). */
  outcomeMonths(): Promise<OutcomeTally[]> {
    return this.db.read<OutcomeTally>('summarize-outcome-months', {});
  }

  async outcomeTimes(): Promise<{ dated: number; medianDays: number | null }> {
    const rows = await this.db.read<{ dated: number; medianDays: number | null }>('summarize-outcome-times', {});
    return { dated: rows[0]?.dated ?? 0, medianDays: rows[0]?.medianDays ?? null };
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

  /** Sets the patch's status, value and note; its outcomeAt too when it has one (null clears it). */
  async update(id: string, patch: IntroductionPatch): Promise<boolean> {
    const { outcomeAt, ...fields } = patch;
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const params = { id, patch: clean, setOutcome: outcomeAt !== undefined, outcomeAtMs: outcomeAt == null ? null : Date.parse(outcomeAt) };
    return (await this.db.write('update-introduction', params)).length > 0;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.write('delete-introduction', { id })).length > 0;
  }

  /** Creates or updates introductions by id; answers how many were new. */
  static async upsert(tx: WriteTx, intros: Introduction[]): Promise<number> {
    return intros.length > 0 ? (await tx.runCounting('upsert-introductions', { rows: intros.map(toRow) })).nodes : 0;
  }
}
