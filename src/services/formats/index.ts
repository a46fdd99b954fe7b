/**
 * Import and export formats: parsers from text streams to domain records, writers from domain records to text.
 * Pure: no store, no clock. See parse-import.ts for reading, writers.ts for writing, catalog.ts for the list.
 */
export { FORMATS, type FormatColumn, type FormatInfo } from './catalog.ts';
export { buildExportGraph, type ExportData, type ExportGraph } from './export-graph.ts';
export { writeGexf, writeGraphml } from './graph-writers.ts';
export {
  collectImport,
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_DOCUMENT_BYTES,
  isFormatName,
  parseImport,
  parseOptionsSchema,
} from './parse-import.ts';
export {
  EXPORT_FORMAT_NAMES,
  FORMAT_NAMES,
  FormatUsageError,
  FormatWriteError,
  type ExportFormatName,
  type FormatName,
  type ImportBatch,
  type ImportRecord,
  type ImportSource,
  type ImportSummary,
  type ParsedRecord,
  type ParseError,
  type ParseOptions,
  type SkippedLine,
  type StreamingExportFormatName,
} from './types.ts';
export { streamExport, writeExport, type StreamingExportRecords } from './writers.ts';
