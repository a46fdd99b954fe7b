/**
 * `parseImport`: the one entry point for reading any import format as a stream of batches.
 *
 * ```ts
 * for await (const batch of parseImport('snap-signed', fs.createReadStream(file), { onProgress })) {
 *   await store.write(batch.records); // batch.errors, batch.skipped: per-line problems and notes
 * }
 * ```
 * The line formats are read chunk by chunk: at most a chunk's worth of batches waits in memory, and the source is
 * not read further until the caller asks for the next batch (back-pressure). GEXF and GraphML are read whole
 * first (see graph-documents.ts). Stopping the loop early closes the source.
 */
import { z } from 'zod';
import { isoTime } from '../../domain/model.ts';
import { BatchSink } from './batch-sink.ts';
import { EventsNdjsonParser } from './events-ndjson.ts';
import { importGraphDocument } from './graph-documents.ts';
import type { LineParser } from './line-parser.ts';
import { SnapSignedParser, SnapTemporalParser, type SnapOptions } from './snap.ts';
import { dismissalsTable, introductionsTable, peopleTable, TableParser, tiesTable } from './tables.ts';
import { ByteCounter, CorruptSourceError, decodeSource, LineSplitter, MAX_LINE_CHARS } from './text-source.ts';
import {
  FORMAT_NAMES,
  FormatUsageError,
  type FormatName,
  type ImportBatch,
  type ImportSource,
  type ImportSummary,
  type ParsedRecord,
  type ParseError,
  type ParseOptions,
  type SkippedLine,
} from './types.ts';

export const DEFAULT_BATCH_SIZE = 5000;
export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** The data options of `parseImport` (everything but `onProgress`), for validating API query parameters. */
export const parseOptionsSchema = z
  .strictObject({
    batchSize: z.number().int().min(1).max(1_000_000).default(DEFAULT_BATCH_SIZE),
    maxErrors: z.number().int().min(1).optional(),
    sourceIsLines: z.boolean().default(false),
    sector: z.string().trim().min(1).max(100).default('general'),
    twoColumn: z.enum(['ties', 'events', 'error']).default('ties'),
    untimedAt: isoTime.optional(),
    trust: z.number().min(0).max(1).default(0.5),
    selfLoops: z.enum(['skip', 'keep', 'error']).default('skip'),
    maxDocumentBytes: z.number().int().positive().default(DEFAULT_MAX_DOCUMENT_BYTES),
  })
  .refine((options) => options.twoColumn !== 'events' || options.untimedAt !== undefined, {
    message: "twoColumn 'events' needs untimedAt, the ISO time to give untimed messages",
    path: ['untimedAt'],
  });
type ResolvedOptions = z.output<typeof parseOptionsSchema>;

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/**
 * Parses `source` as `format`, yielding batches of records, errors and skipped lines in file order; the
 * generator's return value is the summary. Throws FormatUsageError at once for an unknown format or an invalid
 * option; problems in the data are never thrown, they are reported in the batches.
 */
export function parseImport(
  format: FormatName,
  source: ImportSource,
  options: ParseOptions = {},
): AsyncGenerator<ImportBatch, ImportSummary, undefined> {
  if (!isFormatName(format)) {
    throw new FormatUsageError(`unknown import format "${String(format)}"; formats: ${FORMAT_NAMES.join(', ')}`);
  }
  const { onProgress, ...data } = options;
  const parsed = parseOptionsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `option ${issue.path.join('.')}` : 'options';
    throw new FormatUsageError(`invalid import ${where}: ${issue.message}`);
  }
  const resolved = parsed.data;
  if (format === 'gexf' || format === 'graphml') return readDocument(format, source, resolved, onProgress);
  return readLines(format, lineParserFor(format, resolved), source, resolved, onProgress);
}

/** Everything at once, for small inputs and tests. */
export async function collectImport(
  format: FormatName,
  source: ImportSource,
  options: ParseOptions = {},
): Promise<{ records: ParsedRecord[]; errors: ParseError[]; skipped: SkippedLine[]; summary: ImportSummary }> {
  const records: ParsedRecord[] = [];
  const errors: ParseError[] = [];
  const skipped: SkippedLine[] = [];
  const batches = parseImport(format, source, options);
  for (;;) {
    const next = await batches.next();
    if (next.done) return { records, errors, skipped, summary: next.value };
    for (const record of next.value.records) records.push(record);
    for (const error of next.value.errors) errors.push(error);
    for (const skip of next.value.skipped) skipped.push(skip);
  }
}

function lineParserFor(format: Exclude<FormatName, 'gexf' | 'graphml'>, options: ResolvedOptions): LineParser {
  const snap: SnapOptions = {
    sector: options.sector,
    twoColumn: options.twoColumn,
    untimedAt: options.untimedAt ?? null,
    trust: options.trust,
    selfLoops: options.selfLoops,
  };
  switch (format) {
    case 'people-csv':
      return new TableParser(peopleTable);
    case 'ties-csv':
      return new TableParser(tiesTable);
    case 'introductions-csv':
      return new TableParser(introductionsTable);
    case 'dismissals-csv':
      return new TableParser(dismissalsTable);
    case 'events-ndjson':
      return new EventsNdjsonParser();
    case 'snap-signed':
      return new SnapSignedParser(snap);
    case 'snap-temporal':
      return new SnapTemporalParser(snap);
  }
}

/** Text handed to the line splitter at once; larger chunks are cut so batches can leave in between. */
const SLICE_CHARS = 256 * 1024;

async function* readLines(
  format: FormatName,
  parser: LineParser,
  source: ImportSource,
  options: ResolvedOptions,
  onProgress: ParseOptions['onProgress'],
): AsyncGenerator<ImportBatch, ImportSummary, undefined> {
  const sink = new BatchSink(format, options.batchSize, options.maxErrors ?? Infinity);
  const counter = new ByteCounter();
  const splitter = new LineSplitter((text, line) => {
    if (!sink.stopped) parser.line(text, line, sink);
  });
  const progress = () => {
    sink.summary.lines = splitter.lines;
    sink.summary.bytes = counter.bytes;
    onProgress?.(splitter.lines, counter.bytes);
  };
  try {
    for await (const text of decodeSource(source, counter, options.sourceIsLines)) {
      if (options.sourceIsLines) {
        splitter.pushLine(text);
      } else {
        for (let from = 0; from < text.length && !sink.stopped; from += SLICE_CHARS) {
          const slice = text.length <= SLICE_CHARS ? text : text.slice(from, from + SLICE_CHARS);
          if (!splitter.push(slice)) {
            sink.fatal(splitter.lines + 1, `line longer than ${MAX_LINE_CHARS} characters: is this a binary file, or a whole document on one line?`);
          }
          yield* sink.takeReady();
        }
      }
      progress();
      yield* sink.takeReady();
      if (sink.stopped) break;
    }
    if (!sink.stopped) {
      splitter.end();
      parser.end(sink, splitter.lines);
    }
  } catch (error) {
    if (!(error instanceof CorruptSourceError)) throw error;
    sink.fatal(splitter.lines + 1, error.message);
  }
  progress();
  yield* sink.flush();
  return sink.summary;
}

async function* readDocument(
  format: 'gexf' | 'graphml',
  source: ImportSource,
  options: ResolvedOptions,
  onProgress: ParseOptions['onProgress'],
): AsyncGenerator<ImportBatch, ImportSummary, undefined> {
  const sink = new BatchSink(format, options.batchSize, options.maxErrors ?? Infinity);
  const counter = new ByteCounter();
  const parts: string[] = [];
  let lines = 0;
  const progress = () => {
    sink.summary.lines = lines;
    sink.summary.bytes = counter.bytes;
    onProgress?.(lines, counter.bytes);
  };
  try {
    for await (const text of decodeSource(source, counter, options.sourceIsLines)) {
      if (options.sourceIsLines) {
        parts.push(text, '\n');
        lines++;
      } else {
        parts.push(text);
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      }
      if (counter.bytes > options.maxDocumentBytes) {
        sink.fatal(
          lines + 1,
          `the ${format} document is larger than ${formatBytes(options.maxDocumentBytes)}; ${format} is parsed whole in ` +
            'memory, so split it, raise maxDocumentBytes, or use the streaming CSV/NDJSON formats',
        );
        break;
      }
      progress();
    }
  } catch (error) {
    if (!(error instanceof CorruptSourceError)) throw error;
    sink.fatal(lines + 1, error.message);
  }
  if (!sink.stopped) {
    const text = parts.join('');
    parts.length = 0;
    if (text.length > 0 && !text.endsWith('\n')) lines++;
    for (const _ of importGraphDocument(format, text, options, sink)) yield* sink.takeReady();
  }
  progress();
  yield* sink.flush();
  return sink.summary;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
