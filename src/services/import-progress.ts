/**
 * Progress of the imports running through the API, by an id the client chooses (POST /api/import?progress=ID),
 * so a browser can draw a real bar while the server checks every line and then writes them
 * (GET /api/import/progress/ID). The import itself still answers its own POST; this only reports.
 *
 * Kept in memory, per process: an entry lives while its import runs and KEEP_MS after it ends, and at most
 * MAX_ENTRIES are kept (the oldest finished ones go first), so an id nobody asks about again costs nothing.
 */
import type { ImportProgress } from './import-records.ts';

export type ImportOutcome = 'done' | 'failed' | 'cancelled';
export type ImportPhase = ImportProgress['phase'] | ImportOutcome;

export interface ImportProgressState {
  id: string;
  phase: ImportPhase;
  /** lines read in the current pass */
  lines: number;
  /** bytes of the file read in the current pass (compressed bytes for a gzipped file) */
  bytes: number;
  /** size of the file as received */
  totalBytes: number;
  /** ms since the import started */
  elapsedMs: number;
  /** when failed or cancelled: what happened (for a cancelled import, what was stored before it stopped) */
  message?: string;
  /**
   * once ended: whether anything was stored (true when done; false when refused, or cancelled before any batch
   * was committed); absent while running, and when an import failed part-way through writing
   */
  stored?: boolean;
}

export const KEEP_MS = 5 * 60_000;
export const MAX_ENTRIES = 200;

interface Entry {
  state: Omit<ImportProgressState, 'elapsedMs'>;
  started: number;
  ended: number | null;
}

export class ImportProgressBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Registers an import; false when an import with this id is still running (the id must be fresh). */
  start(id: string, totalBytes: number): boolean {
    this.prune();
    const existing = this.entries.get(id);
    if (existing && existing.ended === null) return false;
    this.entries.delete(id);
    this.entries.set(id, { state: { id, phase: 'validating', lines: 0, bytes: 0, totalBytes }, started: this.clock(), ended: null });
    return true;
  }

  update(id: string, p: ImportProgress): void {
    const e = this.entries.get(id);
    if (!e || e.ended !== null) return;
    e.state.phase = p.phase;
    e.state.lines = p.lines;
    e.state.bytes = p.bytes;
  }

  finish(id: string, outcome: ImportOutcome, end: { message?: string; stored?: boolean } = {}): void {
    const e = this.entries.get(id);
    if (!e || e.ended !== null) return;
    e.state.phase = outcome;
    if (end.message !== undefined) e.state.message = end.message;
    if (outcome === 'done') e.state.stored = true;
    else if (end.stored !== undefined) e.state.stored = end.stored;
    e.ended = this.clock();
  }

  get(id: string): ImportProgressState | null {
    this.prune();
    const e = this.entries.get(id);
    if (!e) return null;
    return { ...e.state, elapsedMs: (e.ended ?? this.clock()) - e.started };
  }

  private prune(): void {
    const now = this.clock();
    for (const [id, e] of this.entries) if (e.ended !== null && now - e.ended > KEEP_MS) this.entries.delete(id);
    if (this.entries.size < MAX_ENTRIES) return;
    // Map order is insertion order: the oldest finished entries go first; running imports are never dropped.
    for (const [id, e] of this.entries) {
      if (this.entries.size < MAX_ENTRIES) break;
      if (e.ended !== null) this.entries.delete(id);
    }
  }
}
