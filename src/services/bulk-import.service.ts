/**
 * Bulk import: a file into a NEW embedded store through Neo4j's own bulk importer, storing exactly the same graph
 * as the online import (import.service.ts; store/bulk-import.ts says how). The importer writes the store far faster
 * than transactions can (Slashdot: 870k ties at over 50k/s), but then Neo4j has to start on the new store and build
 * its indexes: fixed costs of 15-20 s on 2 cores (bench/results/import.md).
 *
 * The flow: one pass over the file that validates every line (the same errors, all-or-nothing and skipInvalid as
 * online, through import-records.ts) and writes the importer's CSV files as it goes — one pass instead of the online
 * path's two, since nothing reaches the store before the whole file has been read: an invalid file only costs the
 * temporary CSV files, which are removed. Then the importer writes the store offline; then Neo4j is started on it
 * (target.open), people get their empty lists and the indexes are awaited. The caller gets the open store to use
 * and close.
 *
 * Only into a store that does not exist yet, or (replaceEmptyStore) one that holds nothing: the importer cannot add
 * to a database.
 */
import { ConflictError } from '../domain/errors.ts';
import { BulkImport, fillPersonLists, storeExists } from '../store/bulk-import.ts';
import type { OpenStore } from '../store/connect.ts';
import { GraphRepository, type StoreCounts } from '../store/graph.repository.ts';
import {
  checkFormat,
  countBatch,
  emptyCounts,
  importResult,
  isIdOnly,
  readImport,
  rejectInvalid,
  toBatch,
  type ImportRequest,
  type ImportResult,
  type ImportScan,
} from './import-records.ts';

export interface BulkImportTarget {
  /** the embedded store's folder (config.neo4j.embeddedDir) */
  storeDir: string;
  /** where the temporary CSV files go: on the same file system as storeDir (config.dataDir) */
  workDir: string;
  /** opens the store: starts Neo4j on storeDir, connects, applies the schema (waiting for indexes or not) */
  open(opts: { awaitIndexes: boolean }): Promise<OpenStore>;
}

export type BulkImportProgress =
  | { phase: 'validating'; lines: number; bytes: number }
  | { phase: 'bulk-import'; percent: number }
  | { phase: 'starting' }
  | { phase: 'indexing' };

export interface BulkImportRequest extends Omit<ImportRequest, 'onProgress'> {
  /** the store exists: check that it holds nothing (starting Neo4j once), then replace it */
  replaceEmptyStore?: boolean;
  onProgress?: (p: BulkImportProgress) => void;
  /** the bulk importer's own output (its progress dots left out) */
  log?: (line: string) => void;
}

/** ImportResult (`transactions` is 0: the store is written offline) with what the importer wrote and each step's time. */
export interface BulkImportResult extends ImportResult {
  nodes: number;
  relationships: number;
  /** milliseconds of each step, in order; they add up to `ms` */
  phases: {
    /** an existing store checked for emptiness (replaceEmptyStore), else 0 */
    checkMs: number;
    /** the pass over the file: validating and writing the CSV files */
    readMs: number;
    /** Neo4j's bulk importer, from starting its JVM to the store moved into place */
    bulkImportMs: number;
    /** starting Neo4j on the new store and connecting */
    startMs: number;
    /** creating constraints and indexes (a uniqueness constraint is built while it is created) */
    schemaMs: number;
    /** giving people their empty lists */
    finishMs: number;
    /** waiting for the remaining indexes to come online */
    indexesMs: number;
  };
}

export class BulkImportService {
  constructor(
    private readonly target: BulkImportTarget,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether the store exists already (then only replaceEmptyStore lets a bulk import in). */
  storeExists(): boolean {
    return storeExists(this.target.storeDir);
  }

  /**
   * Imports the file into a new store and returns it open, with indexes online; the caller closes it. Invalid files
   * are rejected as online (ImportRejectedError) and leave no store behind.
   */
  async import(req: BulkImportRequest): Promise<{ result: BulkImportResult; store: OpenStore }> {
    const started = Date.now();
    const format = checkFormat(req.format);
    const progress = req.onProgress ?? (() => {});
    await this.checkTarget(req.replaceEmptyStore ?? false);
    const checkMs = Date.now() - started;

    const files = await BulkImport.begin({ storeDir: this.target.storeDir, workDir: this.target.workDir });
    let scan: ImportScan;
    const written = emptyCounts();
    try {
      // People named by a record but defined by none get a bare node (named by id, empty lists). A SNAP file's are
      // its person records, written as they come; other formats' are known at the end.
      const referenced = isIdOnly(format) ? undefined : new Set<string>();
      const defined = new Set<string>();
      scan = await readImport(format, req.open(), req.options ?? {}, {
        people: referenced,
        onProgress: (lines, bytes) => progress({ phase: 'validating', lines, bytes }),
        onRecords: async (records) => {
          const batch = toBatch(format, records, this.now().toISOString());
          countBatch(written, batch);
          for (const id of batch.ensurePeople) files.barePerson(id);
          for (const p of batch.people) {
            files.person(p);
            defined.add(p.id);
          }
          for (const e of batch.events) files.event(e);
          for (const t of batch.ties) files.tie(t);
          for (const i of batch.introductions) files.introduction(i);
          await files.flush();
        },
      });
      rejectInvalid(format, scan, req.skipInvalid);
      for (const id of referenced ?? []) if (!defined.has(id)) files.barePerson(id);
    } catch (err) {
      await files.discard();
      throw err;
    }
    const readMs = Date.now() - started - checkMs;

    progress({ phase: 'bulk-import', percent: 0 });
    const report = await files.run({
      replaceEmptyStore: req.replaceEmptyStore,
      onProgress: (percent) => progress({ phase: 'bulk-import', percent }),
      log: req.log,
    });
    const bulkImportMs = Date.now() - started - checkMs - readMs;

    progress({ phase: 'starting' });
    const store = await this.target.open({ awaitIndexes: false });
    try {
      progress({ phase: 'indexing' });
      const finishStarted = Date.now();
      await fillPersonLists(store.db);
      const indexesStarted = Date.now();
      await store.db.awaitIndexes();
      const result: BulkImportResult = {
        ...importResult(format, scan, written, started, 0),
        nodes: report.nodes,
        relationships: report.relationships,
        phases: {
          checkMs,
          readMs,
          bulkImportMs,
          startMs: store.timings.startMs,
          schemaMs: store.timings.schemaMs,
          finishMs: indexesStarted - finishStarted,
          indexesMs: Date.now() - indexesStarted,
        },
      };
      return { result, store };
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  /** A bulk import needs a new store, or an existing one that holds nothing (checked by starting Neo4j on it). */
  private async checkTarget(replaceEmptyStore: boolean): Promise<void> {
    if (!this.storeExists()) return;
    if (!replaceEmptyStore) {
      throw new ConflictError(
        `A store exists in ${this.target.storeDir}; a bulk import only writes a new one (import online instead)`,
        { storeDir: this.target.storeDir },
      );
    }
    const store = await this.target.open({ awaitIndexes: false });
    let counts: StoreCounts;
    try {
      counts = await new GraphRepository(store.db).counts();
    } finally {
      await store.close();
    }
    if (counts.people + counts.events + counts.ties + counts.introductions > 0) {
      throw new ConflictError(
        `The store in ${this.target.storeDir} is not empty (${counts.people} people, ${counts.events} events, ` +
          `${counts.ties} ties, ${counts.introductions} introductions); a bulk import would replace it, so nothing was ` +
          'done. Import online, or clear it first (catalyst clear --yes)',
        { storeDir: this.target.storeDir, counts },
      );
    }
  }
}
