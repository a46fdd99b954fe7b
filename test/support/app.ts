/**
 * Starts the real app on a free port against the suite's real Neo4j (test/global-setup.ts), with an empty
 * database. Test files run one after another (vitest.config.ts), so each may clear the database.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { Database } from '../../src/store/database.ts';

export interface TestApp {
  url: string;
  services: Services;
  db: Database;
  /** empties the database */
  clear(): Promise<void>;
  close(): Promise<void>;
  get(path: string): Promise<{ status: number; body: any; headers: Headers }>;
  send(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: any; headers: Headers }>;
}

export function neo4jUri(): string {
  return process.env.NEO4J_URI ?? inject('neo4jUri');
}

export async function connectTestDb(): Promise<Database> {
  const db = await Database.connect({
    uri: neo4jUri(),
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE,
  });
  await db.applySchema();
  return db;
}

export async function startTestApp(
  opts: { bodyLimit?: string; importLimit?: string; keepData?: boolean; log?: (msg: string) => void } = {},
): Promise<TestApp> {
  const db = await connectTestDb();
  const services = createServices(db, opts.log);
  if (!opts.keepData) await services.graph.clear();
  const { app } = createApp({
    config: { bodyLimit: opts.bodyLimit ?? '1mb', importLimit: opts.importLimit ?? '200mb' },
    services,
    logger: pino({ level: 'silent' }),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const res = await fetch(url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').startsWith('application/json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    url,
    services,
    db,
    clear: () => services.graph.clear(),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await services.analysis.close();
      await db.close();
    },
    get: (path) => send('GET', path),
    send,
  };
}

/**
 * The app on the demo world (seed 42) for a whole test file: started before its tests, closed after them; `ready`
 * receives it (the file keeps it in its own `t`).
 */
export function useDemoApp(ready: (app: TestApp) => void, opts: Parameters<typeof startTestApp>[0] = {}): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(opts);
    await app.services.demo.load({ seed: 42 });
    ready(app);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });
}
