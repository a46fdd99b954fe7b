/**
 * Types shared by the import parsers and export writers.
 *
 * A parser turns a stream of text (or bytes) into batches of domain records, each tagged with the 1-based line
 * of the file it came from, plus per-record errors. The caller decides what to do with errors (reject the whole
 * file, or skip the bad records), so parsers never stop on a bad record; they stop only on a fatal error (the file
 * is not the declared format, a header is unusable, a quote is never closed, or `maxErrors` is reached).
 */
import type { DismissalRecord, InfluenceEvent, IntroductionInput, Person, TieInput } from '../../domain/model.ts';

export const FORMAT_NAMES = [
  'people-csv',
  'events-ndjson',
  'ties-csv',
  'introductions-csv',
  'dismissals-csv',
  'snap-signed',
  'snap-temporal',
  'gexf',
  'graphml',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formats that have a writer (the SNAP formats are import-only). */
export const EXPORT_FORMAT_NAMES = [
  'people-csv',
  'events-ndjson',
  'ties-csv',
  'introductions-csv',
  'dismissals-csv',
  'gexf',
  'graphml',
] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** The line-per-record formats that can be written as a stream of chunks. */
export type StreamingExportFormatName = 'people-csv' | 'events-ndjson' | 'ties-csv' | 'introductions-csv' | 'dismissals-csv';

export type ImportRecord =
  | { type: 'person'; value: Person }
  | { type: 'event'; value: InfluenceEvent }
  | { type: 'tie'; value: TieInput }
  | { type: 'introduction'; value: IntroductionInput }
  | { type: 'dismissal'; value: DismissalRecord };

export interface ParsedRecord {
  /** 1-based line of the file where the record starts */
  line: number;
  record: ImportRecord;
}

export interface ParseError {
  /** 1-based line of the file the error is about */
  line: number;
  /** the whole message, starting with `line N: `, ready to show */
  message: string;
  /** set when parsing stopped here: nothing after this line was read */
  fatal?: true;
}

/** A line deliberately not turned into a record (self-loop, header of a SNAP copy, derived influence edge). */
export interface SkippedLine {
  line: number;
  reason: string;
}

export interface ImportBatch {
  records: ParsedRecord[];
  errors: ParseError[];
  skipped: SkippedLine[];
}

/** What a whole parse produced; the return value of the `parseImport` generator. */
export interface ImportSummary {
  format: FormatName;
  /** lines read (physical lines, including blank and comment lines) */
  lines: number;
  /** bytes read from the source (compressed bytes for a gzip source) */
  bytes: number;
  records: { person: number; event: number; tie: number; introduction: number; dismissal: number };
  errors: number;
  skipped: number;
  /** true when a fatal error stopped the parse before the end of the source */
  stoppedEarly: boolean;
}

/** Text or bytes: as chunks (fs.createReadStream, an HTTP request, an array of chunks) or whole. */
export type ImportSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> | string | Uint8Array;

export interface ParseOptions {
  /** records + errors + skipped per batch; default 5000 */
  batchSize?: number;
  /** stop with a fatal error after this many errors; default unlimited */
  maxErrors?: number;
  /** called after every chunk of the source and once at the end */
  onProgress?(linesRead: number, bytesRead: number): void;
  /** each chunk of the source is one line without its terminator (e.g. from readline); default false */
  sourceIsLines?: boolean;
  /** snap-signed, snap-temporal: the sector of the events created; default 'general' */
  sector?: string;
  /**
   * snap-temporal: what a two-column line `SRC DST` (no time) becomes. 'ties' (default): a KNOWS tie SRC→DST with
   * trust `trust`; 'events': a message event at `untimedAt`; 'error': an error naming the line.
   */
  twoColumn?: 'ties' | 'events' | 'error';
  /** snap-temporal with twoColumn 'events': the ISO time given to untimed messages (required then) */
  untimedAt?: string;
  /** trust of ties created from two-column SNAP lines and of GEXF/GraphML edges without a trust; default 0.5 */
  trust?: number;
  /** snap-*, gexf, graphml: what an edge from a person to itself becomes; default 'skip' (noted in `skipped`) */
  selfLoops?: 'skip' | 'keep' | 'error';
  /** gexf, graphml: largest document accepted, in bytes (they are parsed whole); default 64 MiB */
  maxDocumentBytes?: number;
}

/** A wrong call (unknown format, invalid option, export of an import-only format): a client error, HTTP 400. */
export class FormatUsageError extends Error {
  override name = 'FormatUsageError';
}

/** A record that cannot be written faithfully (e.g. a list item containing the `;` list separator). */
export class FormatWriteError extends Error {
  override name = 'FormatWriteError';
}
