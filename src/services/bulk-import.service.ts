/**
 * Bulk import: a file into a NEW embedded store through Neo4j's own bulk importer, storing exactly the same graph
 * as the online import (import.service.ts; store/bulk-import.ts says how). The importer writes the store far faster
 * than transactions can (Slashdot: 870k ties at over 50k/s). The store is not opened here: Neo4j starts on it when
 * it is next used (the server's start, or any catalyst command), applies the schema and builds the indexes then, as
 * it does on every start — so an import followed by `npm start` starts Neo4j once, not twice (bench/results/import.md
 * measures both the import and that first start).
 *
 * The flow: one pass over the file that validates every line (the same errors, all-or-nothing and skipInvalid as
 * online, through import-records.ts) and writes the importer's CSV files as it goes — one pass instead of the online
 * path's two, since nothing reaches the store before the whole file has been read: an invalid file only costs the
 * temporary CSV files, which are removed. Then the importer writes the store offline, its counts are checked
 * against the files, and the store is moved into place.
 *
 * Only into a store that does not exist yet, or (replaceEmptyStore) one that holds nothing: the importer cannot add
 * to a database.
 */
import { BulkImportUnsupportedError, ConflictError } from '../domain/errors.ts';
import { BulkImport, storeExists } from '../store/bulk-import.ts';
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
  /** opens the store (starts Neo4j on storeDir, connects, applies the schema): to check that an existing one is empty */
  open(opts: { awaitIndexes: boolean }): Promise<OpenStore>;
}

export type BulkImportProgress =
  | { phase: 'validating'; lines: number; bytes: number }
  | { phase: 'bulk-import'; percent: number };

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
  /** what the new store holds */
  stored: StoreCounts;
  /** milliseconds of each step, in order; they add up to `ms` */
  phases: {
    /** an existing store checked for emptiness (replaceEmptyStore), else 0 */
    checkMs: number;
    /** the pass over the file: validating and writing the CSV files */
    readMs: number;
    /** Neo4j's bulk importer, from starting its JVM to the store moved into place */
    bulkImportMs: number;
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
   * Imports the file into a new store, written and checked but not opened: whoever opens it next (target.open, the
   * server, any catalyst command) applies the schema and waits for the indexes, as on every start. Invalid files are
   * rejected as online (ImportRejectedError) and leave no store behind.
   */
  async import(req: BulkImportRequest): Promise<BulkImportResult> {
    const started = Date.now();
    const format = checkFormat(req.format);
    if (format === 'dismissals-csv') {
      throw new BulkImportUnsupportedError('dismissals-csv is imported online only (catalyst import --mode online, or POST /api/import): a few rows, not a new store');
    }
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
    return {
      // into a new store everything stored is new (a record the file repeats, once)
      ...importResult(format, scan, { written, created: { ...report.stored, dismissals: 0 } }, started, 0),
      nodes: report.nodes,
      relationships: report.relationships,
      stored: report.stored,
      phases: { checkMs, readMs, bulkImportMs: Date.now() - started - checkMs - readMs },
    };
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
