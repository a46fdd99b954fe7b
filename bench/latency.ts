/**
 * Latency under load: the real server (its own process, `tsx src/server.ts`) on bitcoin-otc and on the demo
 * world, hit by concurrent clients from this process. Measures, warm:
 *   - decay curves (365 points) of random people:            GET /api/people/:id/curve
 *   - the cached static ranking:                              GET /api/influence?metric=pagerank&limit=50
 *   - rankings by decayed activity at random times (uncached): GET /api/influence?metric=activity&at=…&limit=50
 * at each concurrency level (1: the service time; 8: with queueing), with the analysis in its own thread (the default)
 * and in the request thread (CATALYST_ANALYSIS=inline).
 * Goals: curve p95 ≤ 20 ms, ranking p95 ≤ 50 ms warm.
 *
 *   npx tsx bench/latency.ts        (writes bench/results/latency.{json,md})
 */
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRng } from '../src/engine/rng.ts';
import { benchStore, machine, machineMarkdown, quantile, round, startServerProcess, writeResults } from './support.ts';

const CONCURRENCY_LEVELS = (process.env.CONCURRENCY ?? '1,8').split(',').map(Number);
const REQUESTS = Number(process.env.REQUESTS ?? 600);
const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(root, '../shared'));
const m = machine();
const store = await benchStore('latency');
const { neo4j, services } = store;

const MODES = ['thread', 'inline'] as const;
const startServer = (mode: (typeof MODES)[number]) => startServerProcess({ NEO4J_URI: neo4j.uri, CATALYST_DEMO: 'off', CATALYST_ANALYSIS: mode, LOG_LEVEL: 'warn' });

/** REQUESTS requests from CONCURRENCY concurrent loops; latency of each in ms. */
async function load(url: string, path: (i: number) => string, concurrency = 8): Promise<{ latencies: number[]; seconds: number; errors: number }> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const t = performance.now();
        const res = await fetch(url + path(i));
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (!res.ok) errors++;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000, errors };
}

function summary(name: string, concurrency: number, r: { latencies: number[]; seconds: number; errors: number }) {
  return {
    name,
    concurrency,
    requests: r.latencies.length,
    errors: r.errors,
    requestsPerSecond: Math.round(r.latencies.length / r.seconds),
    p50: round(quantile(r.latencies, 0.5)),
    p95: round(quantile(r.latencies, 0.95)),
    p99: round(quantile(r.latencies, 0.99)),
  };
}

const results: { dataset: string; analysis: (typeof MODES)[number]; rows: ReturnType<typeof summary>[] }[] = [];
try {
  for (const [d, dataset] of ['demo world (seed 42)', 'bitcoin-otc'].entries()) {
    await services.graph.clear();
    if (dataset === 'bitcoin-otc') {
      const file = path.join(shared, 'data/bitcoin-otc/soc-sign-bitcoinotc.csv');
      await services.importer.import({ format: 'snap-signed', open: () => createReadStream(file) });
    } else await services.demo.load({ seed: 42 });
    // the order alternates from one dataset to the next (Neo4j's cache is warmer for the second server)
    for (const analysis of d % 2 === 0 ? MODES : [...MODES].reverse()) {
      const server = await startServer(analysis);
      try {
        const meta = (await (await fetch(`${server.url}/api/meta`)).json()) as { timeRange: { from: string; to: string } };
        const people = ((await (await fetch(`${server.url}/api/influence?metric=pagerank&limit=100000`)).json()) as { items: { id: string }[] }).items.map((i) => i.id);
        const rng = seededRng(11);
        const from = Date.parse(meta.timeRange.from);
        const to = Date.parse(meta.timeRange.to);
        const randomPerson = () => encodeURIComponent(people[Math.floor(rng() * people.length)]!);
        // warm-up: the projection, the static ranking and the JIT
        await load(server.url, () => `/api/people/${randomPerson()}/curve`);
        const rows: ReturnType<typeof summary>[] = [];
        for (const c of CONCURRENCY_LEVELS) {
          rows.push(summary('decay curve, 365 points', c, await load(server.url, () => `/api/people/${randomPerson()}/curve`, c)));
          rows.push(summary('ranking, pagerank (cached)', c, await load(server.url, () => '/api/influence?metric=pagerank&limit=50', c)));
          rows.push(
            summary(
              'ranking, activity at a random t (uncached)',
              c,
              await load(server.url, () => `/api/influence?metric=activity&limit=50&at=${new Date(from + rng() * (to - from)).toISOString()}`, c),
            ),
          );
          rows.push(summary('profile', c, await load(server.url, () => `/api/people/${randomPerson()}/influence`, c)));
        }
        console.error(dataset, analysis, JSON.stringify(rows));
        results.push({ dataset, analysis, rows });
      } finally {
        await server.stop();
      }
    }
  }
} finally {
  await store.close();
}

const command = 'npx tsx bench/latency.ts';
const md = [
  '# API latency under load (warm)',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  `The server runs in its own process; clients in the bench process send ${REQUESTS} requests per row after a warm-up, one at a time`,
  '(concurrency 1: the service time) and 8 at a time (with queueing), with the analysis in its own thread (the default: each answer',
  'crosses from it to the request thread) and in the request thread (CATALYST_ANALYSIS=inline), the same requests in both.',
  'Goals: decay curve p95 ≤ 20 ms; ranking p95 ≤ 50 ms warm.',
  '',
  '| dataset | analysis | request | concurrency | req/s | p50 ms | p95 ms | p99 ms | errors |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.flatMap((d) => d.rows.map((r) => `| ${d.dataset} | ${d.analysis} | ${r.name} | ${r.concurrency} | ${r.requestsPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`)),
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults('latency', { command, date: new Date().toISOString(), machine: m, concurrency: CONCURRENCY_LEVELS, requests: REQUESTS, results }, md);
console.log(md);
