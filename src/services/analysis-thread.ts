/**
 * The analysis thread's side (analysis.ts): opens its own connection to the store, runs the analysis services
 * inline, and answers the calls the request thread sends (analysis-client.ts). Loaded by
 * analysis-thread-entry.mjs, which registers the TypeScript loader first.
 *
 * Every call carries the store's version as the request thread knows it; the services here read it from that,
 * so a write's version bump reaches them with the first call after it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../domain/errors.ts';
import { Database, mapDriverError, type ConnectionOptions } from '../store/database.ts';
import { GraphRepository } from '../store/graph.repository.ts';
import { createInlineAnalysis, INFLUENCE_METHODS, SUGGESTIONS_METHODS, type Analysis, type AnalysisStage } from './analysis.ts';
import type { VersionSource } from './graph-version.ts';

export interface ThreadData {
  module: string;
  connection: ConnectionOptions;
}

export type Target = 'influence' | 'suggestions';

/** Request thread → analysis thread. */
export type ToThread =
  | { type: 'call'; id: number; target: Target; method: string; args: unknown[]; version: VersionSource }
  | { type: 'close' };

/** An error as it crosses threads: an AppError keeps its status, code and details. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  app?: { status: number; code: string; details: unknown };
}

/** Analysis thread → request thread. */
export type FromThread =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: ThreadError }
  | { type: 'log'; msg: string }
  | { type: 'progress'; stage: AnalysisStage }
  | { type: 'closed' };

/** A step's progress is posted at most this often (a new step at once). */
const PROGRESS_EVERY_MS = 100;

const METHODS: Record<Target, ReadonlySet<string>> = { influence: new Set(INFLUENCE_METHODS), suggestions: new Set(SUGGESTIONS_METHODS) };

function toThreadError(raw: unknown): ThreadError {
  const err = mapDriverError(raw);
  if (err instanceof AppError) return { name: err.name, message: err.message, stack: err.stack, app: { status: err.status, code: err.code, details: err.details } };
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, stack: e.stack };
}

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('analysis-thread.ts runs in a worker thread (see analysis-client.ts)');
  const data = workerData as ThreadData;
  const post = (m: FromThread) => port.postMessage(m);
  const seen = { current: 0, graph: 0 };
  const version: VersionSource = {
    get current() {
      return seen.current;
    },
    get graph() {
      return seen.graph;
    },
  };
  let last = { name: '', label: '', at: 0 };
  const progress = (stage: AnalysisStage) => {
    const now = performance.now();
    const sameStep = stage.name === last.name && stage.label === last.label;
    if (sameStep && now - last.at < PROGRESS_EVERY_MS && stage.done !== stage.total) return;
    last = { name: stage.name, label: stage.label, at: now };
    post({ type: 'progress', stage });
  };
  // Connected on the first call. A connection that fails (Neo4j restarting) is answered to the calls waiting on it,
  // and the next call tries again, rather than the thread keeping the failure for good.
  let opened: Promise<{ db: Database; analysis: Analysis }> | null = null;
  const open = () =>
    (opened ??= Database.connect(data.connection).then(
      (db) => ({ db, analysis: createInlineAnalysis(new GraphRepository(db), version, (msg) => post({ type: 'log', msg }), progress) }),
      (err: unknown) => {
        opened = null;
        throw err;
      },
    ));

  port.on('message', (m: ToThread) => {
    if (m.type === 'close') {
      void (opened ?? Promise.reject(new Error('never connected')))
        .then(({ db }) => db.close(), () => {})
        .finally(() => post({ type: 'closed' }));
      return;
    }
    // Messages arrive in the order they were sent and the version only grows; keep the newest seen.
    seen.current = Math.max(seen.current, m.version.current);
    seen.graph = Math.max(seen.graph, m.version.graph);
    void (async () => {
      try {
        if (!METHODS[m.target]?.has(m.method)) throw new Error(`The analysis has no method ${m.target}.${m.method}`);
        const { analysis } = await open();
        const target = analysis[m.target] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
        post({ type: 'result', id: m.id, value: await target[m.method]!(...m.args) });
      } catch (err) {
        post({ type: 'error', id: m.id, error: toThreadError(err) });
      }
    })();
  });
}

main();
