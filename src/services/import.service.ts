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
 */
import type { Database } from '../store/database.ts';
import { FORMATS, FORMAT_NAMES } from './formats/index.ts';
import type { GraphVersion } from './graph-version.ts';
import {
  checkFormat,
  countBatch,
  emptyCounts,
  importResult,
  readImport,
  rejectInvalid,
  toBatch,
  type ImportRequest,
  type ImportResult,
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

    // Pass 1: validate everything, write nothing.
    const people = new Set<string>();
    const scan = await readImport(format, req.open(), options, {
      people,
      onProgress: (lines, bytes) => req.onProgress?.({ phase: 'validating', lines, bytes }),
    });
    rejectInvalid(format, scan, req.skipInvalid);

    // Pass 2: write. A large import first stores every person it refers to, then writes the rest in
    // concurrent batches — with CREATE instead of MERGE when the database was empty (nothing can clash:
    // the file's ids were checked for duplicates in pass 1).
    const single = scan.records <= SINGLE_TRANSACTION_RECORDS;
    let mode: 'merge' | 'fresh' = 'merge';
    if (!single) {
      const stored = (await this.db.read<{ people: number; events: number; ties: number; introductions: number }>('count-all'))[0];
      if (stored && stored.people + stored.events + stored.ties + stored.introductions === 0) mode = 'fresh';
      req.onProgress?.({ phase: 'writing', lines: 0, bytes: 0 });
      await ensurePeople(this.db, people);
    }
    const all = emptyBatch();
    const written = emptyCounts();
    let transactions = 0;
    const inFlight = new Set<Promise<void>>();
    await readImport(format, req.open(), options, {
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
        const write: Promise<void> = writeBatch(this.db, batch, { mode, peopleEnsured: true }).then(() => {
          inFlight.delete(write);
          transactions += 1;
        });
        write.catch(() => {});
        inFlight.add(write);
      },
    });
    await Promise.all(inFlight);
    if (single && (batchSize(all) > 0 || all.ensurePeople.length > 0)) {
      await this.db.writeTx((tx) => writeBatchInTx(tx, all));
      transactions += 1;
    }
    if (transactions > 0) this.version.bump();
    return importResult(format, scan, written, started, transactions);
  }
}

function appendBatch(into: RecordBatch, from: RecordBatch): void {
  for (const key of ['people', 'ensurePeople', 'events', 'ties', 'introductions'] as const) {
    const target = into[key] as unknown[];
    for (const item of from[key]) target.push(item);
  }
}
