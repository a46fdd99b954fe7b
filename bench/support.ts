/** Shared by the benchmarks: the machine's description, order statistics, a fresh store, and writing results. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
