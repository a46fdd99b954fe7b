/**
 * Turns an import source (chunks of bytes or text) into text chunks and then into numbered lines.
 *
 * - Bytes are decoded as UTF-8 with a streaming decoder, so a character split across two chunks is decoded
 *   once whole. A leading byte-order mark is dropped (by the decoder for bytes, by hand for text).
 * - A gzip source (first bytes 1f 8b, e.g. SNAP's `.txt.gz`) is decompressed on the fly; `bytesRead` then counts
 *   the compressed bytes, which is what a progress bar over the file size needs.
 * - Lines end at `\n`; a `\r` before it (CRLF files) is dropped. A last line without a terminator counts.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ImportSource } from './types.ts';

/** A line longer than this is not a line of any of our formats (a binary file, or a one-line document). */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

export class ByteCounter {
  bytes = 0;
}

/** Raised by the gzip stage when compressed data is corrupt; the driver reports it as a fatal parse error. */
export class CorruptSourceError extends Error {
  override name = 'CorruptSourceError';
}

/**
 * The source as text chunks. Counts source bytes into `counter` as they are read. With `chunksAreLines`, every
 * chunk (even an empty one) is passed on as one piece, each byte chunk decoded on its own.
 */
export async function* decodeSource(
  source: ImportSource,
  counter: ByteCounter,
  chunksAreLines = false,
): AsyncGenerator<string, void, undefined> {
  const iterator = toAsyncIterator(source);
  let first = true;
  let decoder: TextDecoder | null = null;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = next.value;
      if (typeof chunk === 'string') {
        counter.bytes += Buffer.byteLength(chunk, 'utf8');
        if (first && chunk.charCodeAt(0) === 0xfeff) {
          first = false;
          if (chunk.length > 1 || chunksAreLines) yield chunk.slice(1);
          continue;
        }
        first = false;
        if (chunk.length > 0 || chunksAreLines) yield chunk;
        continue;
      }
      counter.bytes += chunk.length;
      if (chunksAreLines) {
        const text = new TextDecoder('utf-8').decode(chunk);
        yield first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        first = false;
        continue;
      }
      if (chunk.length === 0) continue;
      if (first && chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
        yield* gunzipText(chunk, iterator, counter);
        return;
      }
      first = false;
      decoder ??= new TextDecoder('utf-8');
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield text;
    }
    if (decoder) {
      const tail = decoder.decode();
      if (tail.length > 0) yield tail;
    }
  } finally {
    await iterator.return?.();
  }
}

async function* gunzipText(
  firstChunk: Uint8Array,
  rest: AsyncIterator<string | Uint8Array>,
  counter: ByteCounter,
): AsyncGenerator<string, void, undefined> {
  async function* compressed(): AsyncGenerator<Uint8Array> {
    yield firstChunk;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      counter.bytes += chunk.length;
      yield chunk;
    }
  }
  const gunzip = Readable.from(compressed(), { objectMode: false }).pipe(createGunzip());
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield text;
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) {
      throw new CorruptSourceError(`the gzip-compressed source is corrupt (${error.message})`);
    }
    throw error;
  } finally {
    gunzip.destroy();
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

function toAsyncIterator(source: ImportSource): AsyncIterator<string | Uint8Array> {
  // a whole string or buffer is one chunk (iterating it would give characters or numbers)
  if (typeof source === 'string' || source instanceof Uint8Array) source = [source];
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const sync = source[Symbol.iterator]();
  return {
    next: async () => sync.next(),
    return: async () => sync.return?.() ?? { done: true, value: undefined },
  };
}

/**
 * Splits text chunks into lines and hands each to `onLine` synchronously with its 1-based number.
 * `lines` is the number of lines handed out so far.
 */
export class LineSplitter {
  lines = 0;
  private rest = '';

  constructor(private readonly onLine: (text: string, line: number) => void) {}

  /** Returns false when a line grew past MAX_LINE_CHARS without ending (the caller reports it). */
  push(chunk: string): boolean {
    let newline = chunk.indexOf('\n');
    if (newline === -1) {
      // Only the new chunk is searched, so a long line arriving in many chunks costs linear time.
      this.rest += chunk;
      return this.rest.length <= MAX_LINE_CHARS;
    }
    if (this.rest.length > 0) {
      this.pushLine(this.rest + chunk.slice(0, newline));
      this.rest = '';
    } else {
      this.pushLine(chunk.slice(0, newline));
    }
    let start = newline + 1;
    for (;;) {
      newline = chunk.indexOf('\n', start);
      if (newline === -1) break;
      const end = newline > start && chunk.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.onLine(chunk.slice(start, end), ++this.lines);
      start = newline + 1;
    }
    this.rest = chunk.slice(start);
    return this.rest.length <= MAX_LINE_CHARS;
  }

  /** A whole line given on its own (source chunks that are lines). */
  pushLine(text: string): void {
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    this.onLine(end === text.length ? text : text.slice(0, end), ++this.lines);
  }

  end(): void {
    if (this.rest.length > 0) {
      const text = this.rest;
      this.rest = '';
      this.pushLine(text);
    }
  }
}
