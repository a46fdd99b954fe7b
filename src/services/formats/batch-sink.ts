/**
 * Collects what a parser produces into batches of a bounded size, and keeps the running totals.
 *
 * Parsers call `record`, `error`, `skip` synchronously for each line; the driver takes the full batches out
 * (`takeReady`) between chunks of the source, so at most one chunk's worth of batches waits in memory.
 */
import type { FormatName, ImportBatch, ImportRecord, ImportSummary, ParseError } from './types.ts';

export class BatchSink {
  private current: ImportBatch = emptyBatch();
  private currentSize = 0;
  private ready: ImportBatch[] = [];
  /** set once a fatal error was reported: parsers must not be fed further lines */
  stopped = false;
  readonly summary: ImportSummary;

  constructor(
    format: FormatName,
    private readonly batchSize: number,
    private readonly maxErrors: number,
  ) {
    this.summary = {
      format,
      lines: 0,
      bytes: 0,
      records: { person: 0, event: 0, tie: 0, introduction: 0, dismissal: 0 },
      errors: 0,
      skipped: 0,
      stoppedEarly: false,
    };
  }

  record(line: number, record: ImportRecord): void {
    this.current.records.push({ line, record });
    this.summary.records[record.type]++;
    this.grow();
  }

  /** `message` without the `line N: ` prefix, which is added here */
  error(line: number, message: string): void {
    if (this.stopped) return;
    this.current.errors.push({ line, message: `line ${line}: ${message}` });
    this.summary.errors++;
    if (this.summary.errors >= this.maxErrors) {
      this.fatal(line, `too many errors (${this.maxErrors}); stopped reading`);
      return;
    }
    this.grow();
  }

  /** An error after which nothing more is read. */
  fatal(line: number, message: string): void {
    if (this.stopped) return;
    const error: ParseError = { line, message: `line ${line}: ${message}`, fatal: true };
    this.current.errors.push(error);
    this.summary.errors++;
    this.summary.stoppedEarly = true;
    this.stopped = true;
  }

  skip(line: number, reason: string): void {
    this.current.skipped.push({ line, reason });
    this.summary.skipped++;
    this.grow();
  }

  /** Full batches, removed from the sink. */
  takeReady(): ImportBatch[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** Everything left, as a last (possibly short) batch, or nothing when empty. */
  flush(): ImportBatch[] {
    if (this.currentSize > 0 || this.current.errors.length > 0) {
      this.ready.push(this.current);
      this.current = emptyBatch();
      this.currentSize = 0;
    }
    return this.takeReady();
  }

  private grow(): void {
    if (++this.currentSize >= this.batchSize) {
      this.ready.push(this.current);
      this.current = emptyBatch();
      this.currentSize = 0;
    }
  }
}

function emptyBatch(): ImportBatch {
  return { records: [], errors: [], skipped: [] };
}
