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
import os from 'node:os';
import path from 'node:path';
import { benchStore, forEachServedDataset, machine, machineMarkdown, paired, round, timedGet, writeResults } from './support.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 30);
const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(root, '../shared'));
const m = machine();
const store = await benchStore('table');

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
try {
  // the projection read and the default map's ranking first (what the explorer's first view does), and the server's
  // own warm-up (the map's layout, the introduction index) let finish, none of it counted
  await forEachServedDataset(store, shared, '/api/influence?limit=50', async (d, base) => {
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
      const r = await paired(`${base}/api/influence/${route}?${query}`, baseline, REQUESTS);
      rows.push({ dataset: d.name, request, query: `${route}?${query}`, cold: null, p50: r.p50, p95: r.p95, baseP50: r.baseP50, baseP95: r.baseP95, ratio: round(r.p50 / r.baseP50, 1), bytes: r.bytes });
      console.error(d.name, request, JSON.stringify(r));
    }
  });
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
