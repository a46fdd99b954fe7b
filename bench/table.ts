/**
 * The table of everyone (GET /api/influence/table) on the real server (its own process) over a real Neo4j, on
 * Slashdot's map of trust (82,168 people, 870,161 ties, imported as KNOWS ties) and on bitcoin-otc's ratings
 * (5,881 people, 35,592 dated events):
 *   - cold: the first table of the default columns all time, once the server's warm-up has ranked every metric (the
 *     table's own work), at a time never asked before (each column ranked at that time first), and the fade and
 *     comeback columns (each one's all-time curve read and analysed, once per version);
 *   - warm, against a baseline asked in turn with it (the cached ranking GET /api/influence?limit=50): a page of the
 *     table, a page deep in it, sorted by name, reversed, filtered by name, at that time, and the whole table as CSV.
 * Warm rows: median and p95 of REQUESTS requests one at a time, each after a baseline request, after 5 pairs not counted.
 *
 *   npx tsx bench/table.ts        (writes bench/results/table.{json,md})
 */
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchStore, machine, machineMarkdown, median, quantile, round, startServerProcess, writeResults } from './support.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 30);
const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(root, '../shared'));
const m = machine();
const store = await benchStore('table');
const { neo4j, services } = store;

async function timedGet(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}

/**
 * `url` and the baseline asked in turn, REQUESTS times each after 5 of each not counted, so both see the same moments
 * of the machine (a collection, another process): each one's p50 and p95, and the ratio of the p50s.
 */
async function paired(url: string, baseline: string): Promise<{ p50: number; p95: number; bytes: number; baseP50: number; baseP95: number }> {
  for (let i = 0; i < 5; i++) {
    await timedGet(baseline);
    await timedGet(url);
  }
  const ms: number[] = [];
  const base: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    base.push((await timedGet(baseline)).ms);
    const r = await timedGet(url);
    ms.push(r.ms);
    bytes = r.bytes;
  }
  return { p50: round(median(ms), 1), p95: round(quantile(ms, 0.95), 1), bytes, baseP50: round(median(base), 1), baseP95: round(quantile(base, 0.95), 1) };
}

/** Waits until the analysis has been idle at three polls in a row, 500 ms apart. */
async function idle(base: string): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 500));
    const status = (await (await fetch(`${base}/api/analysis`)).json()) as { stage: unknown; calls: number };
    quiet = status.stage === null && status.calls === 0 ? quiet + 1 : 0;
  }
}

interface Row {
  dataset: string;
  request: string;
  query: string;
  cold: number | null;
  p50: number | null;
  p95: number | null;
  /** the baseline's, asked in turn with this row's requests */
  baseP50: number | null;
  baseP95: number | null;
  ratio: number | null;
  bytes: number;
}
const rows: Row[] = [];
const datasets = [
  { name: 'soc-slashdot0902 (trust ties)', format: 'snap-temporal', file: 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz' },
  { name: 'bitcoin-otc (rating events)', format: 'snap-signed', file: 'data/bitcoin-otc/soc-sign-bitcoinotc.csv' },
] as const;
try {
  for (const d of datasets) {
    await services.graph.clear();
    const t0 = performance.now();
    await services.importer.import({ format: d.format, open: () => createReadStream(path.join(shared, d.file)) });
    console.error(`${d.name}: imported in ${Math.round(performance.now() - t0)} ms`);
    const server = await startServerProcess({ NEO4J_URI: neo4j.uri, CATALYST_DEMO: 'off', LOG_LEVEL: 'warn' });
    try {
      const base = server.url;
      // the projection read and the default map's ranking first (what the explorer's first view does), and the
      // server's own warm-up (the map's layout, the introduction index) let finish, none of it counted
      await timedGet(`${base}/api/influence?limit=50`);
      await idle(base);
      const cold = async (request: string, query: string) => {
        const r = await timedGet(`${base}/api/influence/table?${query}`);
        rows.push({ dataset: d.name, request, query, cold: round(r.ms, 0), p50: null, p95: null, baseP50: null, baseP95: null, ratio: null, bytes: r.bytes });
        console.error(d.name, request, Math.round(r.ms), 'ms');
      };
      await cold('table, default columns, all time (cold)', '');
      const meta = (await (await fetch(`${base}/api/meta`)).json()) as { timeRange: { from: string; to: string } | null };
      // the middle of the events' span; Slashdot's ties are undated (all standing at any time), so any day does
      const at = meta.timeRange ? new Date((Date.parse(meta.timeRange.from) + Date.parse(meta.timeRange.to)) / 2).toISOString() : '2020-01-01T00:00:00.000Z';
      await cold('table, default columns, at a new time (cold)', `at=${at}`);
      await cold("fade and comeback: every one's curve read (cold)", 'columns=fade,comeback');

      const baseline = `${base}/api/influence?limit=50`;
      const total = ((await (await fetch(`${base}/api/influence/table?limit=1`)).json()) as { total: number }).total;
      const warmRows: [string, string, string][] = [
        ['table, first page', 'table', ''],
        ['table, a page deep in it', 'table', `offset=${Math.floor(total / 2)}`],
        ['table, sorted by name', 'table', 'sort=name'],
        ['table, least influential first', 'table', 'sort=-pagerank&columns=pagerank,betweenness,degree,activity,introducer'],
        ['table, filtered by name ("an")', 'table', 'q=an'],
        ['table at that time, first page', 'table', `at=${at}`],
        ['the whole table as CSV', 'table.csv', ''],
      ];
      for (const [request, route, query] of warmRows) {
        const r = await paired(`${base}/api/influence/${route}?${query}`, baseline);
        rows.push({ dataset: d.name, request, query: `${route}?${query}`, cold: null, p50: r.p50, p95: r.p95, baseP50: r.baseP50, baseP95: r.baseP95, ratio: round(r.p50 / r.baseP50, 1), bytes: r.bytes });
        console.error(d.name, request, JSON.stringify(r));
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  await store.close();
}

const command = 'npx tsx bench/table.ts';
const md = [
  '# The table of everyone: GET /api/influence/table',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  '',
  'The real server in its own process over an embedded Neo4j, each dataset imported through the ImportService first.',
  'Default columns: activity, PageRank, betweenness (sampled, 256 pivots, above 5,000 people), degree, introducer.',
  '**Cold**, all time: the first table after the server\'s warm-up (which ranks every metric all time, finds the communities, lays',
  'out the map and builds the introduction index) is done: the table\'s own work. **Cold**, at a new time: each column ranked at that',
  `time first (PageRank and betweenness on the decayed graph, or on the ties standing then). **Cold**, fade and comeback: each one's 365-point`,
  `all-time activity curve computed and analysed (once per version). **Warm**: ${REQUESTS} requests one at a time, each after one to the baseline (the cached ranking`,
  '`GET /api/influence?limit=50`, 3.4 kB), after 5 such pairs not counted; × baseline = the row\'s p50 / the baseline\'s p50 over the same pairs.',
  '',
  '| dataset | request | cold ms | warm p50 ms | warm p95 ms | baseline p50 ms | baseline p95 ms | × baseline p50 | answer bytes |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.dataset} | ${r.request} | ${r.cold ?? ''} | ${r.p50 ?? ''} | ${r.p95 ?? ''} | ${r.baseP50 ?? ''} | ${r.baseP95 ?? ''} | ${r.ratio ?? ''} | ${r.bytes.toLocaleString('en-US')} |`,
  ),
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults('table', { command, date: new Date().toISOString(), machine: m, requests: REQUESTS, rows }, md);
console.log(md);
