/**
 * A terminal progress bar for long work: a bar when the total is known, rows, rows/s and ETA. On a TTY it
 * redraws one line; otherwise (CI, pipes) it prints a plain line every few seconds.
 */
export interface ProgressOptions {
  label: string;
  /** total units (e.g. bytes) for the bar and ETA; unknown when undefined */
  total?: number;
  stream?: NodeJS.WriteStream;
  /** minimum ms between redraws (default 100 on a TTY, 3000 otherwise) */
  interval?: number;
  /** what `rows` counts, shown with its rate ("rows" by default); null shows neither */
  unit?: string | null;
}

export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private done = 0;
  private rows = 0;
  private label: string;
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;

  constructor(private readonly opts: ProgressOptions) {
    this.label = opts.label;
    this.stream = opts.stream ?? process.stderr;
    this.tty = Boolean(this.stream.isTTY);
  }

  /** `done` in the units of `total` (e.g. bytes read), `rows` processed so far. */
  update(done: number, rows: number, label?: string): void {
    this.done = done;
    this.rows = rows;
    if (label && label !== this.label) {
      this.label = label;
      this.lastDraw = 0;
    }
    const now = Date.now();
    if (now - this.lastDraw < (this.opts.interval ?? (this.tty ? 100 : 3000))) return;
    this.lastDraw = now;
    this.draw(false);
  }

  finish(summary?: string): void {
    this.draw(true);
    if (this.tty) this.stream.write('\n');
    if (summary) this.stream.write(`${summary}\n`);
  }

  private draw(final: boolean): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.rows / elapsed : 0;
    const parts = [this.label];
    const total = this.opts.total;
    if (total && total > 0) {
      const frac = Math.min(1, final ? 1 : this.done / total);
      const width = 28;
      const filled = Math.round(frac * width);
      parts.push(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`);
      if (!final && frac > 0.001) parts.push(`ETA ${formatSeconds((elapsed / frac) * (1 - frac))}`);
    }
    const unit = this.opts.unit === undefined ? 'rows' : this.opts.unit;
    if (unit !== null) parts.push(`${this.rows.toLocaleString('en-US')} ${unit}`, `${Math.round(rate).toLocaleString('en-US')} ${unit}/s`);
    parts.push(formatSeconds(elapsed));
    const line = parts.join('  ');
    if (this.tty) this.stream.write(`\r${line.padEnd(100)}`);
    else this.stream.write(`${line}\n`);
  }
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${Math.round(s - m * 60).toString().padStart(2, '0')}s`;
}
