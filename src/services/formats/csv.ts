/**
 * A small RFC 4180 CSV reader and writer.
 *
 * The reader is fed one physical line at a time (from LineSplitter) and emits whole records with the line they
 * start on, so a quoted field that spans lines still gives the right line numbers for every later record.
 * - Fields are separated by `,`; a field in double quotes may contain `,`, `"` (written `""`) and line breaks.
 *   A line break inside quotes is read as `\n` (a CRLF file's `\r` is dropped with the line ending).
 * - A quote inside an unquoted field is kept as a character (lenient, as most tools are); text after a closing
 *   quote other than `,` is an error.
 * - Blank lines outside quotes are ignored.
 * - A quoted field still open after MAX_RECORD_CHARS (a stray quote) or at the end of the file is reported
 *   once at the line where the record started, and reading stops: everything after would be misread.
 *
 * Cost: linear in the input; unquoted lines are split with `String.split`.
 */

export const MAX_RECORD_CHARS = 1024 * 1024;

export type CsvEvent =
  | { kind: 'record'; line: number; fields: string[] }
  | { kind: 'error'; line: number; message: string }
  | { kind: 'fatal'; line: number; message: string };

export class CsvRecordReader {
  private fields: string[] = [];
  private field = '';
  /** the record being read continues on the next line, inside a quoted field */
  private open = false;
  /** the last field read was quoted and its closing quote was just read */
  private afterQuote = false;
  private startLine = 0;
  private size = 0;

  /** Reads one physical line; calls `emit` for each complete record or error. */
  line(text: string, line: number, emit: (event: CsvEvent) => void): void {
    let i = 0;
    if (this.open) {
      this.field += '\n';
      this.size += text.length + 1;
      if (this.size > MAX_RECORD_CHARS) {
        emit({
          kind: 'fatal',
          line: this.startLine,
          message: `a quoted field opened on this line is still open ${line - this.startLine} lines later (a stray quote?)`,
        });
        this.reset();
        return;
      }
      i = this.readQuoted(text, 0);
      if (i < 0) return;
    } else {
      if (text.length === 0) return;
      if (text.indexOf('"') === -1) {
        emit({ kind: 'record', line, fields: text.split(',') });
        return;
      }
      this.startLine = line;
      this.size = text.length;
    }
    // i is at the start of a field, or just after a closing quote
    for (;;) {
      if (this.afterQuote) {
        this.afterQuote = false;
        if (i === text.length) {
          // a quoted field closes the record
          this.fields.push(this.field);
          this.field = '';
          break;
        }
        if (text.charCodeAt(i) !== 44) {
          emit({
            kind: 'error',
            line: this.startLine,
            message: `column ${this.fields.length + 1}: unexpected text ${JSON.stringify(text.slice(i, i + 20))} after a closing quote`,
          });
          this.reset();
          return;
        }
        this.fields.push(this.field);
        this.field = '';
        i++;
        if (i === text.length) {
          this.fields.push('');
          break;
        }
        continue;
      }
      if (text.charCodeAt(i) === 34) {
        i = this.readQuoted(text, i + 1);
        if (i < 0) return;
        continue;
      }
      const comma = text.indexOf(',', i);
      if (comma === -1) {
        this.fields.push(text.slice(i));
        break;
      }
      this.fields.push(text.slice(i, comma));
      i = comma + 1;
      if (i === text.length) {
        this.fields.push('');
        break;
      }
    }
    const fields = this.fields;
    const start = this.startLine;
    this.reset();
    emit({ kind: 'record', line: start, fields });
  }

  /** Call at the end of the input. */
  end(emit: (event: CsvEvent) => void): void {
    if (this.open) {
      emit({ kind: 'fatal', line: this.startLine, message: 'a quoted field opened on this line is never closed' });
      this.reset();
    }
  }

  /**
   * Reads quoted text from `from` (just after an opening quote, or at the start of a continuation line).
   * Returns the index after the closing quote, or -1 when the line ends inside the quotes.
   */
  private readQuoted(text: string, from: number): number {
    let i = from;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote === -1) {
        this.field += text.slice(i);
        this.open = true;
        return -1;
      }
      this.field += text.slice(i, quote);
      if (text.charCodeAt(quote + 1) === 34) {
        this.field += '"';
        i = quote + 2;
        continue;
      }
      this.open = false;
      this.afterQuote = true;
      return quote + 1;
    }
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.open = false;
    this.afterQuote = false;
    this.size = 0;
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line with its `\n`. */
export function csvLine(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i]);
  }
  return `${line}\n`;
}
