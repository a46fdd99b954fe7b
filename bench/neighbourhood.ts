/**
 * The explorer's neighbourhood focus (GET /api/graph?focus=ID&hops=H, and its timeline) on the real server (its own
 * process) over a real Neo4j, on Slashdot's map of trust (82,168 people, 870,161 ties, imported as KNOWS ties) and on
 * bitcoin-otc's ratings (5,881 people, 35,592 dated events):
 *   - the map of a neighbourhood, 1, 2 and 3 steps around five people (ranked #1, #10, #100, #1,000 and in the middle by
 *     PageRank on the map's links), each asked REQUESTS times in turn with a baseline: the map without a focus, as the
 *     explorer first asks it (GET /api/graph?limit=15000), after one pair not counted;
 *   - on bitcoin-otc, whose events are dated, the map's timeline (120 samples of temporal PageRank) of each
 *     neighbourhood the first time it is asked (cold; the server keeps each timeline once computed), against the
 *     whole map's timeline asked the first time.
 *
 *   npx tsx bench/neighbourhood.ts        (writes bench/results/neighbourhood.{json,md})
 */
import os from 'node:os';
import path from 'node:path';
import { benchStore, forEachServedDataset, machine, machineMarkdown, median, paired, round, timedGet, writeResults } from './support.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 5);
/** the explorer's default map: its first request */
const MAP = 'limit=15000';
const TIMELINE = 'metric=pagerank&basis=pagerank&steps=120&limit=5000';
const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(root, '../shared'));
const m = machine();
const store = await benchStore('neighbourhood');

interface Row {
  dataset: string;
  hops: number;
  /** the focused people's PageRank ranks, and the medians over them */
  ranks: number[];
  people: number;
  shown: number;
  edges: number;
  p50: number;
  p95: number;
  baseP50: number;
  ratio: number;
  /** bitcoin-otc: the first timeline of each neighbourhood (median), and the whole map's first */
  timelineCold: number | null;
  timelineBase: number | null;
}
const rows: Row[] = [];
const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

try {
  // the explorer's first view, and the server's own warm-up, not counted
  await forEachServedDataset(store, shared, `/api/graph?${MAP}`, async (d, base) => {
    const meta = await getJson<{ timeRange: unknown }>(`${base}/api/meta`);
    const ranking = await getJson<{ items: { id: string }[]; total: number }>(`${base}/api/influence?limit=100000`);
    const picks = [1, 10, 100, 1000, Math.ceil(ranking.total / 2)].filter((r) => r <= ranking.total);
    const timelineBase = meta.timeRange ? round((await timedGet(`${base}/api/timeline?${TIMELINE}`)).ms, 0) : null;
    for (const hops of [1, 2, 3]) {
      const runs: { people: number; shown: number; edges: number; p50: number; p95: number; baseP50: number; timeline: number | null }[] = [];
      for (const rank of picks) {
        const focus = `focus=${encodeURIComponent(ranking.items[rank - 1]!.id)}&hops=${hops}`;
        const timeline = meta.timeRange ? (await timedGet(`${base}/api/timeline?${TIMELINE}&${focus}`)).ms : null;
        const r = await paired(`${base}/api/graph?${MAP}&${focus}`, `${base}/api/graph?${MAP}`, REQUESTS, 1);
        const g = await getJson<{ nodes: unknown[]; edges: unknown[]; total: { nodes: number } }>(`${base}/api/graph?${MAP}&${focus}`);
        runs.push({ people: g.total.nodes, shown: g.nodes.length, edges: g.edges.length, p50: r.p50, p95: r.p95, baseP50: r.baseP50, timeline });
        console.error(d.name, `#${rank}`, `${hops} steps`, JSON.stringify(runs.at(-1)));
      }
      const med = (f: (x: (typeof runs)[number]) => number) => round(median(runs.map(f)), 1);
      rows.push({
        dataset: d.name,
        hops,
        ranks: picks,
        people: med((x) => x.people),
        shown: med((x) => x.shown),
        edges: med((x) => x.edges),
        p50: med((x) => x.p50),
        p95: round(Math.max(...runs.map((x) => x.p95)), 1),
        baseP50: med((x) => x.baseP50),
        ratio: round(median(runs.map((x) => x.p50 / x.baseP50)), 2),
        timelineCold: meta.timeRange ? round(median(runs.map((x) => x.timeline!)), 0) : null,
        timelineBase,
      });
    }
  });
} finally {
  await store.close();
}

const command = 'npx tsx bench/neighbourhood.ts';
const md = [
  '# A neighbourhood on the map: GET /api/graph?focus=ID&hops=H',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  '',
  'The real server in its own process over an embedded Neo4j, each dataset imported through the ImportService first, its warm-up',
  `let finish. For each number of steps, five people are focused on (ranked ${rows[0]?.ranks.map((r) => `#${r.toLocaleString('en-US')}`).join(', ')} by PageRank on the`,
  `map's links); each focused map is asked ${REQUESTS} times in turn with the baseline, the map without a focus as the explorer first asks it`,
  '(`GET /api/graph?limit=15000`), after one pair not counted. Each column is the median over the five people (p95: the largest of',
  'theirs); × baseline is the median of each one\'s p50 / the baseline\'s over the same pairs. **Timeline, cold**: on dated data, the first',
  "timeline of each neighbourhood (120 samples of temporal PageRank; the server keeps it once computed), against the whole map's first.",
  '',
  '| dataset | steps | people in it | shown | edges shown | p50 ms | p95 ms | baseline p50 ms | × baseline | timeline, cold ms | whole map\'s timeline, cold ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.dataset} | ${r.hops} | ${r.people.toLocaleString('en-US')} | ${r.shown.toLocaleString('en-US')} | ${r.edges.toLocaleString('en-US')} | ${r.p50} | ${r.p95} | ${r.baseP50} | ${r.ratio} | ${r.timelineCold ?? '–'} | ${r.timelineBase ?? '–'} |`,
  ),
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults('neighbourhood', { command, date: new Date().toISOString(), machine: m, requests: REQUESTS, rows }, md);
console.log(md);
