/**
 * Writers for every exportable format.
 *
 * - `streamExport(format, records)`: the line formats (people-csv, ties-csv, introductions-csv, dismissals-csv,
 *   events-ndjson)
 *   as an async stream of text chunks, from a sync or async iterable of records, so a large export never holds
 *   more than one chunk (`Readable.from(streamExport(...))` pipes it to a file or an HTTP response).
 * - `writeExport(format, data)`: any exportable format as one string; gexf and graphml through
 *   `buildExportGraph`.
 * The SNAP formats are import-only: they cannot carry people's names, sectors, trust, or events other than
 * ratings and messages.
 *
 * Round trip: for every writer, write → parse → write gives the same text.
 */
import type { DismissalRecord, InfluenceEvent, IntroductionInput, Person, TieInput } from '../../domain/model.ts';
import { eventLine } from './events-ndjson.ts';
import { buildExportGraph, type ExportData } from './export-graph.ts';
import { writeGexf, writeGraphml } from './graph-writers.ts';
import { dismissalsTable, headerLine, introductionsTable, peopleTable, rowLine, tiesTable, type TableFormat } from './tables.ts';
import {
  EXPORT_FORMAT_NAMES,
  FormatUsageError,
  type ExportFormatName,
  type StreamingExportFormatName,
} from './types.ts';

export interface StreamingExportRecords {
  'people-csv': Person;
  'ties-csv': TieInput;
  'introductions-csv': IntroductionInput;
  'dismissals-csv': DismissalRecord;
  'events-ndjson': InfluenceEvent;
}

type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/** Records per chunk of a streamed export. */
const RECORDS_PER_CHUNK = 1000;

export async function* streamExport<F extends StreamingExportFormatName>(
  format: F,
  records: AnyIterable<StreamingExportRecords[F]>,
): AsyncGenerator<string, void, undefined> {
  const line = lineWriter(format) as (record: StreamingExportRecords[F]) => string;
  const table = tableOf(format);
  let chunk = table ? headerLine(table) : '';
  let count = 0;
  for await (const record of records) {
    chunk += line(record);
    if (++count === RECORDS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      count = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The whole export as one string. */
export function writeExport(format: ExportFormatName, data: ExportData): string {
  switch (format) {
    case 'people-csv':
      return writeTable(peopleTable, data.people);
    case 'ties-csv':
      return writeTable(tiesTable, data.ties);
    case 'introductions-csv':
      return writeTable(introductionsTable, data.introductions ?? []);
    case 'dismissals-csv':
      return writeTable(dismissalsTable, data.dismissals ?? []);
    case 'events-ndjson':
      return (data.events ?? []).map(eventLine).join('');
    case 'gexf':
      return writeGexf(buildExportGraph(data));
    case 'graphml':
      return writeGraphml(buildExportGraph(data));
    default:
      throw new FormatUsageError(
        `export is not supported for format "${String(format)}"; exportable formats: ${EXPORT_FORMAT_NAMES.join(', ')}`,
      );
  }
}

function writeTable<T>(table: TableFormat<T>, records: readonly T[]): string {
  let text = headerLine(table as TableFormat<unknown>);
  for (const record of records) text += rowLine(table, record);
  return text;
}

function tableOf(format: StreamingExportFormatName): TableFormat<unknown> | null {
  switch (format) {
    case 'people-csv':
      return peopleTable as TableFormat<unknown>;
    case 'ties-csv':
      return tiesTable as TableFormat<unknown>;
    case 'introductions-csv':
      return introductionsTable as TableFormat<unknown>;
    case 'dismissals-csv':
      return dismissalsTable as TableFormat<unknown>;
    default:
      return null;
  }
}

function lineWriter(format: StreamingExportFormatName): (record: never) => string {
  if (format === 'events-ndjson') return eventLine;
  const table = tableOf(format);
  if (!table) {
    throw new FormatUsageError(
      `streamed export is not supported for format "${String(format)}"; use people-csv, ties-csv, introductions-csv or events-ndjson`,
    );
  }
  return (record: unknown) => rowLine(table, record);
}
