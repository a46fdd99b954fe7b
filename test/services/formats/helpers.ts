/**
 * Small helpers for the format tests: feeding text to a parser in awkward pieces, and collecting results.
 */
import { collectImport, type FormatName, type ImportRecord, type ParseOptions } from '../../../src/services/formats/index.ts';

/** `text` as UTF-8 byte chunks of `size` bytes, so multi-byte characters and CRLF pairs get split. */
export function byteChunks(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/** Parses `text` (as one string) and returns everything. */
export function parseText(format: FormatName, text: string, options: ParseOptions = {}) {
  return collectImport(format, [text], options);
}

/** Line numbers of the errors. */
export function errorLines(result: { errors: { line: number }[] }): number[] {
  return result.errors.map((error) => error.line);
}

/** The values of the records of one type, in order. */
export function valuesOf<T extends ImportRecord['type']>(
  result: { records: { record: { type: string; value: unknown } }[] },
  type: T,
): unknown[] {
  return result.records.filter((entry) => entry.record.type === type).map((entry) => entry.record.value);
}
