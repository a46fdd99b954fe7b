/** Shared by the benchmarks: the machine's description, order statistics, a fresh store, and writing results. */
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../src/services/index.ts';
import { Database } from '../src/store/database.ts';
import { findFreePort, startEmbeddedNeo4j } from '../src/store/embedded-neo4j.ts';

export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');

export function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Writes bench/results/<name>.json and .md. */
export function writeResults(name: string, json: unknown, markdown: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}

export function machineMarkdown(m: ReturnType<typeof machine>): string {
  return `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average at start ${m.loadAverage.join(' / ')}.`;
}

/**
 * The real server in its own process (`node --import tsx src/server.ts`) on a free port with `env` added,
 * answered once GET /api/health answers; stop() sends SIGTERM and waits for it to exit.
 */
export async function startServerProcess(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      if (i > 1200) throw new Error('the server did not start within 2 minutes');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A fresh embedded Neo4j in a temporary directory (`catalyst-bench-NAME-…`), its schema applied, and the services over
 * it; close() closes the driver, stops Neo4j and removes the directory.
 */
export async function benchStore(name: string, options: Parameters<typeof createServices>[2] = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `catalyst-bench-${name}-`));
  const neo4j = await startEmbeddedNeo4j({ dataDir: dir, port: await findFreePort(), log: () => {} });
  const db = await Database.connect({ uri: neo4j.uri });
  await db.applySchema();
  return {
    neo4j,
    db,
    services: createServices(db, () => {}, options),
    async close() {
      await db.close();
      await neo4j.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One GET, its body read: how long it took and how big the answer was; a non-2xx answer throws with its message. */
export async function timedGet(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}

/**
 * `url` and the baseline asked in turn, `requests` times each after `warmup` of each not counted, so both see the same
 * moments of the machine (a collection, another process): each one's p50 and p95, and the answer's size.
 */
export async function paired(
  url: string,
  baseline: string,
  requests: number,
  warmup = 5,
): Promise<{ p50: number; p95: number; bytes: number; baseP50: number; baseP95: number }> {
  for (let i = 0; i < warmup; i++) {
    await timedGet(baseline);
    await timedGet(url);
  }
  const ms: number[] = [];
  const base: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    base.push((await timedGet(baseline)).ms);
    const r = await timedGet(url);
    ms.push(r.ms);
    bytes = r.bytes;
  }
  return { p50: round(median(ms), 1), p95: round(quantile(ms, 0.95), 1), bytes, baseP50: round(median(base), 1), baseP95: round(quantile(base, 0.95), 1) };
}

/** Waits until the server's analysis has been idle at three polls in a row, 500 ms apart (its warm-up done). */
export async function idle(base: string): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 500));
    const status = (await (await fetch(`${base}/api/analysis`)).json()) as { stage: unknown; calls: number };
    quiet = status.stage === null && status.calls === 0 ? quiet + 1 : 0;
  }
}

/** The two datasets the server benchmarks run on: Slashdot's map of trust (82,168 people) and bitcoin-otc's dated ratings. */
export const SERVED_DATASETS = [
  { name: 'soc-slashdot0902 (trust ties)', format: 'snap-temporal', file: 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz' },
  { name: 'bitcoin-otc (rating events)', format: 'snap-signed', file: 'data/bitcoin-otc/soc-sign-bitcoinotc.csv' },
] as const;

/**
 * For each of SERVED_DATASETS in turn: the store emptied, the dataset (read from `shared`) imported through the
 * ImportService, the real server started over it, `first` asked of it (the explorer's first request) and its warm-up
 * let finish, none of it counted; then `run` with the server's address, and the server stopped.
 */
export async function forEachServedDataset(
  store: Awaited<ReturnType<typeof benchStore>>,
  shared: string,
  first: string,
  run: (dataset: (typeof SERVED_DATASETS)[number], base: string) => Promise<void>,
): Promise<void> {
  for (const d of SERVED_DATASETS) {
    await store.services.graph.clear();
    const t0 = performance.now();
    await store.services.importer.import({ format: d.format, open: () => createReadStream(path.join(shared, d.file)) });
    console.error(`${d.name}: imported in ${Math.round(performance.now() - t0)} ms`);
    const server = await startServerProcess({ NEO4J_URI: store.neo4j.uri, CATALYST_DEMO: 'off', LOG_LEVEL: 'warn' });
    try {
      await timedGet(`${server.url}${first}`);
      await idle(server.url);
      await run(d, server.url);
    } finally {
      await server.stop();
    }
  }
}
