/**
 * Reading an import file for the store, shared by the online import (import.service.ts: Cypher over Bolt) and the
 * offline bulk import (bulk-import.service.ts: Neo4j's own bulk importer): one pass over the parser's batches that
 * collects the errors and the people the records name, the all-or-nothing rule, and parsed records → write batches.
 */
import { createHash } from 'node:crypto';
import { ImportRejectedError, ValidationError } from '../domain/errors.ts';
import { emptyCounts, type RecordCounts } from '../domain/import-counts.ts';
import type { Introduction } from '../domain/model.ts';
import { withTieId } from '../store/ties.repository.ts';
import {
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
import { emptyBatch, type RecordBatch } from './record-writer.ts';

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
  /** stops the import between batches when aborted (ImportCancelledError, saying what was stored) */
  signal?: AbortSignal;
}

export type WrittenCounts = RecordCounts;

export interface ImportResult {
  format: FormatName;
  lines: number;
  /** the records the file holds, each written (created or overwritten by id) */
  written: WrittenCounts;
  /** of those, the ones not stored before (people: also those a line names who were created bare, by id) */
  created: WrittenCounts;
  skipped: { line: number; message: string }[];
  ms: number;
  /** records written per second, over the whole import */
  rowsPerSecond: number;
  transactions: number;
}

/** What one pass over the source found. */
export interface ImportScan {
  lines: number;
  records: number;
  errors: ParseError[];
}

export interface ReadOptions {
  onProgress?: (lines: number, bytes: number) => void;
  /** collects every person id the records name */
  people?: Set<string>;
  /** receives each batch's records in file order; awaited, so a slow consumer slows the reading down */
  onRecords?: (records: ImportRecord[]) => Promise<void> | void;
  /** checked before each batch: reading stops with ReadStopped once it is aborted */
  signal?: AbortSignal;
}

/** Thrown by readImport when its signal is aborted; the caller says what it means for the store. */
export class ReadStopped extends Error {}

export function checkFormat(format: string): FormatName {
  if (!isFormatName(format)) {
    throw new ValidationError(`Unknown format "${format}"; formats: ${FORMAT_NAMES.join(', ')}`, { format });
  }
  return format;
}

/** One pass over `source`: parses every line, hands the records on, and collects the errors. Writes nothing itself. */
export async function readImport(
  format: FormatName,
  source: ImportSource,
  options: Omit<ParseOptions, 'onProgress'>,
  read: ReadOptions = {},
): Promise<ImportScan> {
  const errors: ParseError[] = [];
  let records = 0;
  let batches: ReturnType<typeof parseImport>;
  try {
    batches = parseImport(format, source, { ...options, onProgress: read.onProgress });
  } catch (err) {
    if (err instanceof FormatUsageError) throw new ValidationError(err.message);
    throw err;
  }
  for (;;) {
    if (read.signal?.aborted) throw new ReadStopped('the import was cancelled');
    const next = await batches.next();
    if (next.done) {
      const lines = next.value.lines;
      if (next.value.stoppedEarly && !errors.some((e) => e.fatal)) errors.push({ line: lines, message: `line ${lines}: parsing stopped`, fatal: true });
      return { lines, records, errors };
    }
    const batch = next.value.records.map((r) => r.record);
    records += batch.length;
    if (read.people) for (const r of batch) addPeopleOf(r, read.people);
    for (const e of next.value.errors) errors.push(e);
    if (read.onRecords) await read.onRecords(batch);
  }
}

/** The all-or-nothing rule: a file that cannot be read, or has invalid lines without skipInvalid, is rejected. */
export function rejectInvalid(format: FormatName, scan: ImportScan, skipInvalid: boolean | undefined): void {
  const { errors } = scan;
  const fatal = errors.find((e) => e.fatal);
  if (!fatal && (errors.length === 0 || skipInvalid)) return;
  const shown = skippedLines(errors.slice(0, MAX_REPORTED_ERRORS));
  const first = shown[0]!;
  throw new ImportRejectedError(
    `${fatal ? 'The file cannot be read as ' + format : `${errors.length} invalid line${errors.length === 1 ? '' : 's'}`}; nothing was written. ` +
      `First problem: line ${first.line}: ${first.message}` +
      (fatal || skipInvalid ? '' : ' (use skip-invalid to write the valid rows)'),
    shown,
  );
}

export { emptyCounts };

/** Adds what a batch writes to `into` (people: the records that define or name a person). */
export function countBatch(into: WrittenCounts, batch: RecordBatch): void {
  into.people += batch.people.length + batch.ensurePeople.length;
  into.events += batch.events.length;
  into.ties += batch.ties.length;
  into.introductions += batch.introductions.length;
  into.dismissals += batch.dismissals.length;
}

export function addCounts(into: WrittenCounts, more: WrittenCounts): void {
  for (const k of Object.keys(into) as (keyof WrittenCounts)[]) into[k] += more[k];
}

export function importResult(
  format: FormatName,
  scan: ImportScan,
  { written, created }: { written: WrittenCounts; created: WrittenCounts },
  startedAt: number,
  transactions: number,
): ImportResult {
  const ms = Date.now() - startedAt;
  const total = written.events + written.ties + written.introductions + written.dismissals + written.people;
  return {
    format,
    lines: scan.lines,
    written,
    created,
    skipped: skippedLines(scan.errors),
    ms,
    rowsPerSecond: Math.round(total / Math.max(ms / 1000, 0.001)),
    transactions,
  };
}

/**
 * Parsed records → a write batch. SNAP files only know ids: their people never overwrite stored names.
 * An introduction without an id gets a stable one from its people and time (`importedAt` when it has no time).
 */
export function toBatch(format: FormatName, records: ImportRecord[], importedAt: string): RecordBatch {
  const b = emptyBatch();
  const idOnly = isIdOnly(format);
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
      case 'dismissal': {
        const v = r.value;
        b.dismissals.push({ by: v.by, a: v.a, b: v.b, at: v.at ?? importedAt, id: v.id ?? dismissalId(v.by, v.a, v.b) });
        break;
      }
    }
  }
  return b;
}

/**
 * The SNAP formats only know people by id. Their parsers emit a person record for every id before the first record
 * that names it, so the people a SNAP file refers to are exactly its person records.
 */
export function isIdOnly(format: FormatName): boolean {
  return format === 'snap-signed' || format === 'snap-temporal';
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
    case 'dismissal':
      into.add(r.value.by);
      into.add(r.value.a);
      into.add(r.value.b);
      break;
  }
}

/** A stable id for a dismissal row that has none: one per person and pair, in either order. */
function dismissalId(by: string, a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `dismissal-${createHash('sha1').update(`${by}\u0000${x}\u0000${y}`).digest('hex').slice(0, 16)}`;
}

/** A stable id for an introduction row that has none, so importing it twice adds nothing. */
function introductionId(introducer: string, a: string, b: string, at: string): string {
  return `intro-${createHash('sha1').update(`${introducer}\u0000${a}\u0000${b}\u0000${at}`).digest('hex').slice(0, 16)}`;
}

function skippedLines(errors: ParseError[]): { line: number; message: string }[] {
  return errors.map((e) => ({ line: e.line, message: e.message.replace(/^line \d+: /, '') }));
}
