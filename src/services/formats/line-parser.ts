/**
 * The shape of a line-by-line parser: fed every physical line in order (blank and comment lines included, so
 * it can count them), it reports records, errors and skipped lines to the sink synchronously.
 */
import type { BatchSink } from './batch-sink.ts';

export interface LineParser {
  line(text: string, line: number, sink: BatchSink): void;
  /** After the last line; `lines` is how many lines were read. */
  end(sink: BatchSink, lines: number): void;
}

/** A first line that says which other kind of file this is, or null. */
export function sniffOtherFormat(text: string): string | null {
  const head = text.trimStart();
  if (head.startsWith('<')) {
    if (/<graphml\b/.test(head)) return 'a GraphML document (format graphml)';
    if (/<gexf\b/.test(head)) return 'a GEXF document (format gexf)';
    return 'an XML document (formats gexf, graphml)';
  }
  if (head.startsWith('{')) return 'JSON (format events-ndjson takes one JSON event per line)';
  if (head.startsWith('[')) return 'a JSON array (format events-ndjson takes one JSON event per line, not an array)';
  return null;
}

/** Up to 60 characters of a line, quoted, for messages. */
export function excerpt(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
