/**
 * Does the server keep answering while the analysis works? The real server (its own process, `tsx
 * src/server.ts`) on Slashdot (82,168 people, 870,161 ties, imported once), started fresh for each run, so the
 * explorer's first page view finds nothing built: the page's four requests (meta, the graph of the 15,000 most
 * influential, the timeline, the suspected rings) are sent at once, as the client does, and GET /api/analysis
 * (answered by the request thread without Neo4j, what the explorer's progress line polls) is polled every 25 ms
 * until they have all answered; with the analysis in its thread, what it answers gives the steps' times. Runs alternate between the analysis in its own thread
 * (CATALYST_ANALYSIS=thread, the default) and in the request thread (inline), RUNS of each.
 *
 * Reported per mode, median over the runs: the page's time to answer, how many polls answered meanwhile,
 * and the slowest of them (the longest the server left a request waiting).
 *
 *   npx tsx bench/responsiveness.ts      (RUNS=3; writes bench/results/responsiveness.{json,md})
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalysisStatus } from '../src/api/contract.ts';
import { createServices } from '../src/services/index.ts';
import { Database } from '../src/store/database.ts';
import { findFreePort, startEmbeddedNeo4j } from '../src/store/embedded-neo4j.ts';
import { machine, machineMarkdown, median, quantile, round, startServerProcess, writeResults } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const MODES = ['thread', 'inline'] as const;
type Mode = (typeof MODES)[number];
const POLL_MS = 25;
const POLLED = '/api/analysis';
const PAGE = ['/api/meta', '/api/graph?metric=pagerank&limit=15000', '/api/timeline?steps=60&metric=pagerank&limit=50', '/api/rings'];

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(root, '../shared'));
const m = machine();
const dir = mkdtempSync(path.join(os.tmpdir(), 'catalyst-bench-responsiveness-'));
const neo4j = await startEmbeddedNeo4j({ dataDir: dir, port: await findFreePort(), log: () => {} });

const startServer = (mode: Mode) => startServerProcess({ NEO4J_URI: neo4j.uri, CATALYST_DEMO: 'off', CATALYST_ANALYSIS: mode, LOG_LEVEL: 'warn' });

interface Run {
  mode: Mode;
  pageMs: number;
  polls: number;
  /** polls that failed (no answer, or not 200) */
  failed: number;
  slowestPollMs: number;
  p99PollMs: number;
  /** the steps the analysis reported, each with when it was first seen (ms after the page was asked for) */
  steps: { label: string; atMs: number }[];
}

async function run(mode: Mode): Promise<Run> {
  const server = await startServer(mode);
  try {
    let done = false;
    const polls: number[] = [];
    const t0 = performance.now();
    const page = Promise.all(
      PAGE.map(async (p) => {
        const res = await fetch(server.url + p);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${p}: ${res.status}`);
      }),
    ).finally(() => (done = true));
    let failed = 0;
    const steps: Run['steps'] = [];
    while (!done) {
      const t = performance.now();
      try {
        const res = await fetch(server.url + POLLED);
        const body = (await res.json()) as AnalysisStatus;
        if (!res.ok) failed++;
        else if (body.stage && steps.at(-1)?.label !== body.stage.label) steps.push({ label: body.stage.label, atMs: round(t - t0, 0) });
      } catch {
        // e.g. ECONNRESET: a kept-alive connection the blocked server closed as the request went out
        failed++;
      }
      polls.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    await page;
    const r = { mode, pageMs: round(performance.now() - t0, 0), polls: polls.length, failed, slowestPollMs: round(Math.max(...polls), 0), p99PollMs: round(quantile(polls, 0.99), 0), steps };
    console.error(JSON.stringify({ ...r, steps: r.steps.length }));
    return r;
  } finally {
    await server.stop();
  }
}

const runs: Run[] = [];
let counts: { people: number; ties: number };
try {
  const db = await Database.connect({ uri: neo4j.uri });
  await db.applySchema();
  const services = createServices(db, () => {}, { analysis: 'inline' });
  await services.importer.import({ format: 'snap-temporal', open: () => createReadStream(path.join(shared, 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz')) });
  counts = await services.graph.counts();
  await db.close();
  for (let i = 0; i < RUNS; i++) for (const mode of i % 2 === 0 ? MODES : [...MODES].reverse()) runs.push(await run(mode));
} finally {
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}

const summary = MODES.map((mode) => {
  const mine = runs.filter((r) => r.mode === mode);
  return {
    mode,
    pageMs: median(mine.map((r) => r.pageMs)),
    polls: median(mine.map((r) => r.polls)),
    failed: mine.reduce((sum, r) => sum + r.failed, 0),
    slowestPollMs: median(mine.map((r) => r.slowestPollMs)),
    p99PollMs: median(mine.map((r) => r.p99PollMs)),
  };
});
const command = 'npx tsx bench/responsiveness.ts';
const md = [
  '# Responsiveness while the analysis works',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}, RUNS=${RUNS}). ${machineMarkdown(m)}`,
  '',
  `Slashdot (${counts!.people.toLocaleString('en')} people, ${counts!.ties.toLocaleString('en')} ties) in the embedded Neo4j; the server started afresh for each run`,
  `(it begins warming the analysis at once). The explorer's first page view sends ${PAGE.map((p) => `\`${p}\``).join(', ')} together;`,
  `GET ${POLLED} is polled every ${POLL_MS} ms until all four have answered. Modes alternate run by run; medians over ${RUNS} runs each.`,
  '',
  '| analysis | page answered (ms) | polls answered meanwhile | failed (all runs) | slowest poll (ms) | p99 (ms) |',
  '|---|---:|---:|---:|---:|---:|',
  ...summary.map((s) => `| ${s.mode === 'thread' ? 'own thread (default)' : 'request thread (inline)'} | ${s.pageMs} | ${s.polls} | ${s.failed} | ${s.slowestPollMs} | ${s.p99PollMs} |`),
  '',
  'Runs, in order:',
  '',
  '| # | analysis | page (ms) | polls | failed | slowest (ms) | p99 (ms) |',
  '|---:|---|---:|---:|---:|---:|---:|',
  ...runs.map((r, i) => `| ${i + 1} | ${r.mode} | ${r.pageMs} | ${r.polls} | ${r.failed} | ${r.slowestPollMs} | ${r.p99PollMs} |`),
  '',
  'The steps the analysis reported in the last run in its own thread (first seen, ms after the page was asked for):',
  '',
  '| ms | step |',
  '|---:|---|',
  ...(runs.filter((r) => r.mode === 'thread').at(-1)?.steps ?? []).map((x) => `| ${x.atMs} | ${x.label} |`),
].join('\n');
writeResults('responsiveness', { command, date: new Date().toISOString(), machine: m, runs, summary }, md);
console.log(md);
