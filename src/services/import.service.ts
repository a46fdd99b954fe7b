/**
 * Import: a file in one of the formats (services/formats) into the store, all or nothing.
 *
 * Two passes over the source: the first parses and validates every line without writing; if any line is
 * invalid nothing is written and every bad line is reported (unless skipInvalid). The second parses again and
 * writes. Imports of up to SINGLE_TRANSACTION_RECORDS records are written in one transaction; larger ones (a
 * million-edge SNAP file does not fit one transaction's state) store their people first, then one transaction
 * per batch with WRITERS in flight, after a validation pass that guarantees the data is well-formed. Into a
 * non-empty database every write is an idempotent MERGE, so a run interrupted by an outage is completed by
 * running it again; into an empty one events and ties are CREATEd (after an interruption, clear and re-run).
 */
import { createHash } from 'node:crypto';
import { ImportRejectedError, ValidationError } from '../domain/errors.ts';
import type { Introduction } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import { withTieId } from '../store/ties.repository.ts';
import {
  FORMATS,
  FORMAT_NAMES,
  FormatUsageError,
  isFormatName,
  parseImport,
  type FormatName,
  type ImportRecord,
  type ImportSource,
  type ParseError,
  type ParseOptions,
} from './formats/index.ts';
import type { GraphVersion } from './graph-version.ts';
import { batchSize, emptyBatch, ensurePeople, writeBatch, writeBatchInTx, type RecordBatch } from './record-writer.ts';

export { FORMATS };
export const formatNames = (): string[] => [...FORMAT_NAMES];

/** Larger imports are written one transaction per batch (after full validation). */
export const SINGLE_TRANSACTION_RECORDS = 10_000;
/** Concurrent write transactions of a large import (Neo4j runs each on one core; MERGE keeps them consistent). */
const WRITERS = 2;
/** How many invalid lines an error report lists at most. */
const MAX_REPORTED_ERRORS = 1000;

export interface ImportProgress {
  phase: 'validating' | 'writing';
  lines: number;
  bytes: number;
}

export interface ImportRequest {
  format: string;
  /** opens the source; called once per pass */
  open: () => ImportSource;
  skipInvalid?: boolean;
  options?: Omit<ParseOptions, 'onProgress'>;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  format: FormatName;
  lines: number;
  written: { people: number; events: number; ties: number; introductions: number };
  skipped: { line: number; message: string }[];
  ms: number;
  /** records written per second, over the whole import (both passes) */
  rowsPerSecond: number;
  transactions: number;
}

export class ImportService {
  constructor(
    private readonly db: Database,
    private readonly version: GraphVersion,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async import(req: ImportRequest): Promise<ImportResult> {
    const started = Date.now();
    const format = this.checkFormat(req.format);
    const options = req.options ?? {};

    // Pass 1: validate everything, write nothing.
    const errors: ParseError[] = [];
    const people = new Set<string>();
    let records = 0;
    let lines = 0;
    const pass1 = this.parse(format, req.open(), options, (l, b) => req.onProgress?.({ phase: 'validating', lines: l, bytes: b }));
    for (;;) {
      const next = await pass1.next();
      if (next.done) {
        lines = next.value.lines;
        if (next.value.stoppedEarly && !errors.some((e) => e.fatal)) errors.push({ line: lines, message: `line ${lines}: parsing stopped`, fatal: true });
        break;
      }
      records += next.value.records.length;
      for (const r of next.value.records) addPeopleOf(r.record, people);
      for (const e of next.value.errors) errors.push(e);
    }
    const fatal = errors.find((e) => e.fatal);
    if (fatal || (errors.length > 0 && !req.skipInvalid)) {
      const shown = errors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({ line: e.line, message: stripLinePrefix(e.message) }));
      const first = shown[0]!;
      throw new ImportRejectedError(
        `${fatal ? 'The file cannot be read as ' + format : `${errors.length} invalid line${errors.length === 1 ? '' : 's'}`}; nothing was written. ` +
          `First problem: line ${first.line}: ${first.message}` +
          (fatal || req.skipInvalid ? '' : ' (use skip-invalid to write the valid rows)'),
        shown,
      );
    }

    // Pass 2: write. A large import first stores every person it refers to, then writes the rest in
    // concurrent batches — with CREATE instead of MERGE when the database was empty (nothing can clash:
    // the file's ids were checked for duplicates in pass 1).
    const single = records <= SINGLE_TRANSACTION_RECORDS;
    let mode: 'merge' | 'fresh' = 'merge';
    if (!single) {
      const stored = (await this.db.read<{ people: number; events: number; ties: number; introductions: number }>('count-all'))[0];
      if (stored && stored.people + stored.events + stored.ties + stored.introductions === 0) mode = 'fresh';
      req.onProgress?.({ phase: 'writing', lines: 0, bytes: 0 });
      await ensurePeople(this.db, people);
    }
    const all = emptyBatch();
    const written = { people: 0, events: 0, ties: 0, introductions: 0 };
    let transactions = 0;
    const inFlight = new Set<Promise<void>>();
    const pass2 = this.parse(format, req.open(), options, (l, b) => req.onProgress?.({ phase: 'writing', lines: l, bytes: b }));
    for (;;) {
      const next = await pass2.next();
      if (next.done) break;
      const batch = this.toBatch(format, next.value.records.map((r) => r.record));
      written.people += batch.people.length + batch.ensurePeople.length;
      written.events += batch.events.length;
      written.ties += batch.ties.length;
      written.introductions += batch.introductions.length;
      if (single) appendBatch(all, batch);
      else {
        // Keep WRITERS transactions in flight while the next batch is parsed; a failure stops the import.
        if (inFlight.size >= WRITERS) await Promise.race(inFlight);
        const write: Promise<void> = writeBatch(this.db, batch, { mode, peopleEnsured: true }).then(() => {
          inFlight.delete(write);
          transactions += 1;
        });
        write.catch(() => {});
        inFlight.add(write);
      }
    }
    await Promise.all(inFlight);
    if (single && (batchSize(all) > 0 || all.ensurePeople.length > 0)) {
      await this.db.writeTx((tx) => writeBatchInTx(tx, all));
      transactions += 1;
    }
    if (transactions > 0) this.version.bump();
    const ms = Date.now() - started;
    const total = written.events + written.ties + written.introductions + written.people;
    return {
      format,
      lines,
      written,
      skipped: errors.map((e) => ({ line: e.line, message: stripLinePrefix(e.message) })),
      ms,
      rowsPerSecond: Math.round(total / Math.max(ms / 1000, 0.001)),
      transactions,
    };
  }

  private checkFormat(format: string): FormatName {
    if (!isFormatName(format)) {
      throw new ValidationError(`Unknown format "${format}"; formats: ${FORMAT_NAMES.join(', ')}`, { format });
    }
    return format;
  }

  private parse(format: FormatName, source: ImportSource, options: ParseOptions, onProgress: (lines: number, bytes: number) => void) {
    try {
      return parseImport(format, source, { ...options, onProgress });
    } catch (err) {
      if (err instanceof FormatUsageError) throw new ValidationError(err.message);
      throw err;
    }
  }

  /** Parsed records → a write batch. SNAP files only know ids: their people never overwrite stored names. */
  private toBatch(format: FormatName, records: ImportRecord[]): RecordBatch {
    const b = emptyBatch();
    const idOnly = format === 'snap-signed' || format === 'snap-temporal';
    const importedAt = this.now().toISOString();
    for (const r of records) {
      switch (r.type) {
        case 'person':
          if (idOnly) b.ensurePeople.push(r.value.id);
          else b.people.push(r.value);
          break;
        case 'event':
          b.events.push(r.value);
          break;
        case 'tie':
          b.ties.push(withTieId(r.value));
          break;
        case 'introduction': {
          const v = r.value;
          const at = v.at ?? importedAt;
          const intro: Introduction = { ...v, at, id: v.id ?? introductionId(v.introducer, v.a, v.b, at) };
          b.introductions.push(intro);
          break;
        }
      }
    }
    return b;
  }
}

/** Every person id a record names. */
function addPeopleOf(r: ImportRecord, into: Set<string>): void {
  switch (r.type) {
    case 'person':
      into.add(r.value.id);
      break;
    case 'event':
      for (const d of r.value.drivers) into.add(d.person);
      for (const x of r.value.reached) into.add(x.person);
      break;
    case 'tie':
      into.add(r.value.from);
      into.add(r.value.to);
      break;
    case 'introduction':
      into.add(r.value.introducer);
      into.add(r.value.a);
      into.add(r.value.b);
      break;
  }
}

function appendBatch(into: RecordBatch, from: RecordBatch): void {
  for (const key of ['people', 'ensurePeople', 'events', 'ties', 'introductions'] as const) {
    const target = into[key] as unknown[];
    for (const item of from[key]) target.push(item);
  }
}

/** A stable id for an introduction row that has none, so importing it twice adds nothing. */
function introductionId(introducer: string, a: string, b: string, at: string): string {
  return `intro-${createHash('sha1').update(`${introducer}\u0000${a}\u0000${b}\u0000${at}`).digest('hex').slice(0, 16)}`;
}

function stripLinePrefix(message: string): string {
  return message.replace(/^line \d+: /, '');
}
