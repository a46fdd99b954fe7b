/**
 * Import: a file in one of the formats (services/formats) into the store, all or nothing, online (Cypher over Bolt).
 *
 * Two passes over the source: the first parses and validates every line without writing; if any line is
 * invalid nothing is written and every bad line is reported (unless skipInvalid). The second parses again and
 * writes. Imports of up to SINGLE_TRANSACTION_RECORDS records are written in one transaction; larger ones (a
 * million-edge SNAP file does not fit one transaction's state) store their people first, then one transaction
 * per batch with WRITERS in flight, after a validation pass that guarantees the data is well-formed. Into a
 * non-empty database every write is an idempotent MERGE, so a run interrupted by an outage is completed by
 * running it again; into an empty one events and ties are CREATEd (after an interruption, clear and re-run).
 * The offline path for a fresh embedded store is bulk-import.service.ts; both read files through import-records.ts.
 *
 * Cancelling (`signal`, aborted when the API's client goes away) stops between batches: while checking, or before
 * a single-transaction write, nothing has been written; a batched write lets the transactions in flight finish and
 * reports what they stored (ImportCancelledError), since running the same import again completes it.
 */
import { ImportCancelledError } from '../domain/errors.ts';
import type { Database } from '../store/database.ts';
import { FORMATS, FORMAT_NAMES } from './formats/index.ts';
import type { Change, GraphVersion } from './graph-version.ts';
import {
  addCounts,
  checkFormat,
  countBatch,
  emptyCounts,
  importResult,
  readImport,
  ReadStopped,
  rejectInvalid,
  toBatch,
  type ImportRequest,
  type ImportResult,
  type WrittenCounts,
} from './import-records.ts';
import { batchSize, emptyBatch, ensurePeople, writeBatch, writeBatchInTx, type RecordBatch } from './record-writer.ts';

export { FORMATS };
export type { ImportProgress, ImportRequest, ImportResult } from './import-records.ts';
export const formatNames = (): string[] => [...FORMAT_NAMES];

/** Larger imports are written one transaction per batch (after full validation). */
export const SINGLE_TRANSACTION_RECORDS = 10_000;
/** Concurrent write transactions of a large import (Neo4j runs each on one core; MERGE keeps them consistent). */
const WRITERS = 2;

export class ImportService {
  constructor(
    private readonly db: Database,
    private readonly version: GraphVersion,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async import(req: ImportRequest): Promise<ImportResult> {
    const started = Date.now();
    const format = checkFormat(req.format);
    const options = req.options ?? {};

    const nothingWritten = (phase: string) =>
      new ImportCancelledError(`The import was cancelled while ${phase}; nothing was written`, false, { phase, written: emptyCounts(), transactions: 0 });

    // Pass 1: validate everything, write nothing.
    const people = new Set<string>();
    let scan;
    try {
      scan = await readImport(format, req.open(), options, {
        people,
        signal: req.signal,
        onProgress: (lines, bytes) => req.onProgress?.({ phase: 'validating', lines, bytes }),
      });
    } catch (err) {
      throw err instanceof ReadStopped ? nothingWritten('checking the file') : err;
    }
    rejectInvalid(format, scan, req.skipInvalid);
    if (req.signal?.aborted) throw nothingWritten('checking the file');

    // Pass 2: write. A large import first stores every person it refers to, then writes the rest in
    // concurrent batches — with CREATE instead of MERGE when the database was empty (nothing can clash:
    // the file's ids were checked for duplicates in pass 1).
    const single = scan.records <= SINGLE_TRANSACTION_RECORDS;
    let mode: 'merge' | 'fresh' = 'merge';
    if (!single) {
      const stored = (await this.db.read<{ people: number; events: number; ties: number; introductions: number }>('count-all'))[0];
      if (stored && stored.people + stored.events + stored.ties + stored.introductions === 0) mode = 'fresh';
      req.onProgress?.({ phase: 'writing', lines: 0, bytes: 0 });
    }
    const all = emptyBatch();
    const written = emptyCounts();
    /** what was not stored before */
    const created = emptyCounts();
    if (!single) created.people = await ensurePeople(this.db, people);
    /** what committed transactions stored (a batched import's people first) */
    const committed = emptyCounts();
    if (!single) committed.people = people.size;
    let transactions = 0;
    const inFlight = new Set<Promise<void>>();
    try {
      await readImport(format, req.open(), options, {
        signal: req.signal,
        onProgress: (lines, bytes) => req.onProgress?.({ phase: 'writing', lines, bytes }),
        onRecords: async (records) => {
          const batch = toBatch(format, records, this.now().toISOString());
          countBatch(written, batch);
          if (single) {
            appendBatch(all, batch);
            return;
          }
          // Keep WRITERS transactions in flight while the next batch is parsed; a failure stops the import.
          if (inFlight.size >= WRITERS) await Promise.race(inFlight);
          const write: Promise<void> = writeBatch(this.db, batch, { mode, peopleEnsured: true }).then((fresh) => {
            inFlight.delete(write);
            addCounts(created, fresh);
            transactions += 1;
            countBatch(committed, { ...batch, people: [], ensurePeople: [] });
          });
          write.catch(() => {});
          inFlight.add(write);
        },
      });
    } catch (err) {
      if (!(err instanceof ReadStopped)) throw err;
      if (single) throw nothingWritten('reading the file to write it');
      await Promise.allSettled(inFlight);
      if (Object.values(committed).every((c) => c === 0)) throw nothingWritten('writing');
      this.version.bump(changeOf(committed));
      throw partlyWritten(committed, transactions, mode);
    }
    await Promise.all(inFlight);
    if (single && req.signal?.aborted) throw nothingWritten('reading the file to write it');
    if (single && (batchSize(all) > 0 || all.ensurePeople.length > 0)) {
      addCounts(created, await this.db.writeTx((tx) => writeBatchInTx(tx, all)));
      transactions += 1;
    }
    if (transactions > 0) this.version.bump(changeOf(written));
    return importResult(format, scan, { written, created }, started, transactions);
  }
}

/**
 * What an import changed: a file of introductions or dismissals only (a CRM's history, a board's CSV) leaves the
 * graphs as they were, so the analysis re-reads the introductions alone. Someone an introduction names who was not stored yet is
 * stored bare; the analysis, finding a person it does not know, then reads everything again (influence.service.ts).
 */
export function changeOf(written: WrittenCounts): Change {
  return written.people + written.events + written.ties === 0 ? 'introductions' : 'graph';
}

/** A batched import cancelled part-way: what its committed transactions stored, and how to complete it. */
function partlyWritten(committed: WrittenCounts, transactions: number, mode: 'merge' | 'fresh'): ImportCancelledError {
  const stored = (['people', 'events', 'ties', 'introductions', 'dismissals'] as const)
    .filter((k) => committed[k] > 0)
    .map((k) => `${committed[k].toLocaleString('en-US')} ${k}`)
    .join(', ');
  const complete =
    mode === 'merge'
      ? 'importing the same file again completes it'
      : 'the database was empty before: clear it (catalyst clear --yes) and import the file again';
  return new ImportCancelledError(
    `The import was cancelled while writing; ${stored} had been stored when it stopped: ${complete}`,
    true,
    { phase: 'writing', written: committed, transactions, mode },
  );
}

function appendBatch(into: RecordBatch, from: RecordBatch): void {
  for (const key of ['people', 'ensurePeople', 'events', 'ties', 'introductions', 'dismissals'] as const) {
    const target = into[key] as unknown[];
    for (const item of from[key]) target.push(item);
  }
}
