/**
 * The request thread's side of the analysis thread (analysis.ts): each call to `influence.X(…)` or
 * `suggestions.X(…)` is posted to the thread with the store's version and answered by it. The thread starts on
 * the first call and holds the analysis caches; the request thread holds none.
 *
 * - Errors come back as the app's errors with their status, code and details (a 404 stays a 404).
 * - If the thread dies (a crash, running out of memory), the calls it had are answered 503 with the reason,
 *   and the next call starts a new thread, which rebuilds from the store.
 * - The thread keeps the process alive only while a call is waiting on it, so a script that is done can exit.
 */
import { Worker } from 'node:worker_threads';
import { AnalysisUnavailableError, AppError } from '../domain/errors.ts';
import type { ConnectionOptions } from '../store/database.ts';
import { INFLUENCE_METHODS, SUGGESTIONS_METHODS, type Analysis, type AnalysisStage, type AnalysisStatus, type InfluenceApi, type SuggestionsApi } from './analysis.ts';
import type { FromThread, Target, ThreadData, ThreadError, ToThread } from './analysis-thread.ts';
import type { VersionSource } from './graph-version.ts';

/** How long close() waits for the thread to close its connection before stopping it. */
const CLOSE_WAIT_MS = 5_000;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Running {
  worker: Worker;
  pending: Map<number, Pending>;
  /** why it stopped, when it reported an error first */
  reason: string | null;
  /** the step it last reported, and when that step began (performance.now()) */
  stage: { stage: AnalysisStage; since: number } | null;
}

export function fromThreadError(e: ThreadError): Error {
  const err = e.app ? new AppError(e.app.status, e.app.code, e.message, e.app.details) : new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

export class AnalysisThread implements Analysis {
  readonly mode = 'thread';
  readonly influence: InfluenceApi;
  readonly suggestions: SuggestionsApi;
  private running: Running | null = null;
  private nextId = 1;
  private closed = false;
  /** threads started so far (a restart after a crash counts) */
  starts = 0;

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly version: VersionSource,
    private readonly log: (msg: string) => void = () => {},
  ) {
    this.influence = this.proxy<InfluenceApi>('influence', INFLUENCE_METHODS);
    this.suggestions = this.proxy<SuggestionsApi>('suggestions', SUGGESTIONS_METHODS);
  }

  /** The running thread, if any (for diagnostics and tests: terminating it is how a crash is simulated). */
  get worker(): Worker | null {
    return this.running?.worker ?? null;
  }

  status(): AnalysisStatus {
    const r = this.running;
    const calls = r?.pending.size ?? 0;
    const stage = calls > 0 && r?.stage ? { ...r.stage.stage, elapsedMs: Math.round(performance.now() - r.stage.since) } : null;
    return { mode: this.mode, calls, stage };
  }

  private proxy<T>(target: Target, methods: readonly string[]): T {
    return Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => this.call(target, method, args)])) as T;
  }

  private start(): Running {
    const data: ThreadData = { module: new URL('./analysis-thread.ts', import.meta.url).href, connection: this.connection };
    const worker = new Worker(new URL('./analysis-thread-entry.mjs', import.meta.url), { workerData: data, name: 'catalyst-analysis' });
    const running: Running = { worker, pending: new Map(), reason: null, stage: null };
    this.starts += 1;
    worker.unref();
    worker.on('message', (m: FromThread) => {
      if (m.type === 'log') this.log(m.msg);
      else if (m.type === 'progress') {
        const same = running.stage?.stage.name === m.stage.name && running.stage.stage.label === m.stage.label;
        running.stage = { stage: m.stage, since: same ? running.stage!.since : performance.now() };
      } else if (m.type === 'result' || m.type === 'error') {
        const p = running.pending.get(m.id);
        if (!p) return;
        running.pending.delete(m.id);
        if (running.pending.size === 0) {
          worker.unref();
          running.stage = null;
        }
        if (m.type === 'result') p.resolve(m.value);
        else p.reject(fromThreadError(m.error));
      }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      running.reason = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : err.message;
      this.log(`analysis thread failed: ${running.reason}`);
    });
    worker.on('exit', (code) => {
      if (this.running === running) this.running = null;
      const why = running.reason ?? (this.closed ? 'the server is shutting down' : `exit code ${code}`);
      for (const p of running.pending.values()) {
        p.reject(new AnalysisUnavailableError(`The analysis stopped before it answered (${why}); ${this.closed ? 'it is not running' : 'the next request starts it again'}`));
      }
      running.pending.clear();
    });
    return running;
  }

  private call(target: Target, method: string, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new AnalysisUnavailableError('The analysis is not running: the server is shutting down'));
    const running = (this.running ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      running.pending.set(id, { resolve, reject });
      running.worker.ref();
      const message: ToThread = { type: 'call', id, target, method, args, version: { current: this.version.current, graph: this.version.graph } };
      try {
        running.worker.postMessage(message);
      } catch (err) {
        // arguments that cannot be copied to another thread (a function): nothing was sent
        running.pending.delete(id);
        if (running.pending.size === 0) running.worker.unref();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.running;
    if (!running) return;
    const { worker } = running;
    worker.ref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const closedConnection = new Promise<void>((resolve) => worker.on('message', (m: FromThread) => m.type === 'closed' && resolve()));
    worker.postMessage({ type: 'close' } satisfies ToThread);
    await Promise.race([closedConnection, exited, new Promise((r) => setTimeout(r, CLOSE_WAIT_MS).unref())]);
    await worker.terminate();
    await exited;
  }
}
