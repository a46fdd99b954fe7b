/**
 * Writes batches of records (people, events, ties, introductions, dismissals) to the store in dependency order,
 * each batch in one transaction: people first, then the people only referenced by id, then events with their
 * links, ties, introductions and dismissals. Every write is a MERGE by id, so writing the same batch twice changes
 * nothing. A write answers how many records of each kind were new (people: also those created bare, by id).
 */
import { emptyCounts, type RecordCounts } from '../domain/import-counts.ts';
import type { Dismissal, InfluenceEvent, Introduction, Person, Tie } from '../domain/model.ts';
import type { Database, WriteTx } from '../store/database.ts';
import { DismissalsRepository } from '../store/dismissals.repository.ts';
import { EventsRepository } from '../store/events.repository.ts';
import { IntroductionsRepository } from '../store/introductions.repository.ts';
import { PeopleRepository } from '../store/people.repository.ts';
import { TiesRepository } from '../store/ties.repository.ts';

export interface RecordBatch {
  /** people to create or overwrite */
  people: Person[];
  /** ids to create as bare people when they do not exist (never overwrites) */
  ensurePeople: string[];
  events: InfluenceEvent[];
  ties: Tie[];
  introductions: Introduction[];
  dismissals: Dismissal[];
}

export function emptyBatch(): RecordBatch {
  return { people: [], ensurePeople: [], events: [], ties: [], introductions: [], dismissals: [] };
}

export function batchSize(b: RecordBatch): number {
  return b.people.length + b.events.length + b.ties.length + b.introductions.length + b.dismissals.length;
}

/** Every person id a batch refers to, so missing ones can be created first. */
export function referencedPeople(b: RecordBatch): string[] {
  const ids = new Set<string>(b.ensurePeople);
  for (const e of b.events) {
    for (const d of e.drivers) ids.add(d.person);
    for (const r of e.reached) ids.add(r.person);
  }
  for (const t of b.ties) {
    ids.add(t.from);
    ids.add(t.to);
  }
  for (const i of b.introductions) {
    ids.add(i.introducer);
    ids.add(i.a);
    ids.add(i.b);
  }
  for (const d of b.dismissals) {
    ids.add(d.by);
    ids.add(d.a);
    ids.add(d.b);
  }
  for (const p of b.people) ids.delete(p.id);
  return [...ids];
}

/** UNWIND chunk size: large enough to amortise round trips, small enough for modest transaction state. */
const CHUNK = 5_000;

export interface WriteOptions {
  /**
   * 'merge' (default): idempotent MERGE by id. 'fresh': CREATE events and ties — only for an import into an
   * empty database whose file was validated (unique ids), where nothing can clash.
   */
  mode?: 'merge' | 'fresh';
  /** every person the batch refers to is stored already (skips the per-batch MERGE of bare people) */
  peopleEnsured?: boolean;
}

/** Writes the batch; answers how many of each kind were new (a retried transaction counts its last attempt). */
export async function writeBatchInTx(tx: WriteTx, b: RecordBatch, opts: WriteOptions = {}): Promise<RecordCounts> {
  const fresh = opts.mode === 'fresh';
  const created = emptyCounts();
  for (const part of chunks(b.people)) created.people += await PeopleRepository.upsert(tx, part);
  if (!opts.peopleEnsured) for (const part of chunks(referencedPeople(b))) created.people += await PeopleRepository.ensure(tx, part);
  for (const part of chunks(b.events)) created.events += await (fresh ? EventsRepository.createFresh(tx, part) : EventsRepository.upsert(tx, part));
  for (const part of chunks(b.ties)) created.ties += await (fresh ? TiesRepository.createFresh(tx, part) : TiesRepository.upsert(tx, part));
  for (const part of chunks(b.introductions)) created.introductions += await IntroductionsRepository.upsert(tx, part);
  for (const part of chunks(b.dismissals)) created.dismissals += await DismissalsRepository.upsert(tx, part);
  return created;
}

export async function writeBatch(db: Database, b: RecordBatch, opts: WriteOptions = {}): Promise<RecordCounts> {
  if (batchSize(b) === 0 && b.ensurePeople.length === 0) return emptyCounts();
  return db.writeTx((tx) => writeBatchInTx(tx, b, opts));
}

/** Creates bare people (named by id) for the ids not stored yet, in batches; answers how many were new. */
export async function ensurePeople(db: Database, ids: Iterable<string>): Promise<number> {
  let created = 0;
  let part: string[] = [];
  for (const id of ids) {
    part.push(id);
    if (part.length === 10_000) {
      const batch = part;
      created += await db.writeTx((tx) => PeopleRepository.ensure(tx, batch));
      part = [];
    }
  }
  if (part.length > 0) created += await db.writeTx((tx) => PeopleRepository.ensure(tx, part));
  return created;
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}
