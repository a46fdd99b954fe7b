/**
 * Render benchmark: how fast the browser client draws, in headless Chromium (software WebGL: --disable-gpu),
 * against the real app on its own embedded Neo4j (temporary data folder, free ports).
 *
 * Time to first render = navigation start → the first sigma `afterRender` with nodes drawn
 * (window.__catalyst.timings.firstRender, ms since navigation start). Also recorded: when the graph JSON
 * arrived, when the timeline arrived, when everything was ready, and the cost of what the user does next
 * (one full refresh, one time-slider frame, one hover), measured in the page.
 *
 * Scenarios:
 *   demo      the demo world (400 people, ~11k influence edges), default view
 *   slashdot  soc-Slashdot0902 (82,168 people, 948,464 links) imported the way `catalyst import --format
 *             snap-temporal` does (two-column rows become KNOWS ties, so the server shows its ties layer): the
 *             default capped view (15,000 nodes) and the whole graph (?limit=100000; the API caps edges)
 * The first load after an import is "cold" (the server computes its analysis and layout); then `runs` warm
 * loads, each in a fresh browser profile.
 *
 *   npx tsx bench/render.ts [--runs 5] [--skip-large] [--screenshots] [--report-only]
 *   (--screenshots saves the first warm load of each scenario as test-artifacts/render-<scenario>.png;
 *    --report-only rewrites render.md from render.json without measuring)
 *   (needs /usr/bin/chromium and, for the large graph, ../shared/data; writes bench/results/render.{json,md})
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { createServices } from '../src/services/index.ts';
import { Database } from '../src/store/database.ts';
import { findFreePort, startEmbeddedNeo4j } from '../src/store/embedded-neo4j.ts';
import { CHROMIUM, ensureClientBuilt, launchBrowser, screenshot, waitReady } from '../test/client/browser.ts';
import { machine, machineMarkdown, median, quantile, RESULTS_DIR, round, writeResults } from './support.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'skip-large': { type: 'boolean', default: false },
    screenshots: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs) || 5);
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const SLASHDOT = path.join(shared, 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz');

interface PageSample {
  firstRender: number;
  graphLoaded: number;
  timelineLoaded: number | null;
  ready: number;
  nodes: number;
  edges: number;
  visibleNodes: number;
  renderMs: number;
  scrubFrameMs: number | null;
  hoverMs: number;
}

interface ScenarioResult {
  name: string;
  dataset: string;
  url: string;
  cold: PageSample;
  warm: PageSample[];
  summary: Record<string, { median: number; p90: number; min: number; max: number } | null>;
}

function log(msg: string): void {
  process.stderr.write(`[render-bench] ${msg}\n`);
}

/** One page load in a fresh profile: timings from window.__catalyst, then in-page costs of common actions. */
async function measure(url: string, screenshotName?: string): Promise<PageSample> {
  const b = await launchBrowser();
  try {
    await b.page.goto(url, { timeout: 600_000 });
    await waitReady(b.page, 600_000);
    if (screenshotName) {
      await b.page.waitForTimeout(500);
      await screenshot(b.page, screenshotName);
    }
    return await b.page.evaluate(async () => {
      const c = window.__catalyst;
      const v = c.view()!;
      const time = (fn: () => void, n: number) => {
        const samples: number[] = [];
        for (let k = 0; k < n; k++) {
          const t0 = performance.now();
          fn();
          samples.push(performance.now() - t0);
        }
        samples.sort((a, b) => a - b);
        return samples[Math.floor(samples.length / 2)]!;
      };
      const renderMs = time(() => v.sigma.refresh(), 7);
      const times = c.times();
      let k = 0;
      const scrubFrameMs = times.length > 1 ? time(() => c.setPosition((k++ * 7) % times.length), 15) : null;
      const top = [...v.scene.frame.topNodes][0] ?? v.scene.nodeIds[0]!;
      let on = false;
      const hoverMs = time(() => {
        on = !on;
        v.setState({ hovered: on ? top : null });
      }, 10);
      v.setState({ hovered: null });
      const t = c.timings;
      return {
        firstRender: t.firstRender!,
        graphLoaded: t.graphLoaded!,
        timelineLoaded: t.timelineLoaded,
        ready: t.ready!,
        nodes: t.nodes,
        edges: t.edges,
        visibleNodes: c.visibleNodeCount(),
        renderMs,
        scrubFrameMs,
        hoverMs,
      };
    });
  } finally {
    if (b.errors.length) log(`page errors: ${b.errors.slice(0, 5).join(' | ')}`);
    await b.close();
  }
}

function summarize(samples: PageSample[]): ScenarioResult['summary'] {
  const keys = ['firstRender', 'graphLoaded', 'timelineLoaded', 'ready', 'renderMs', 'scrubFrameMs', 'hoverMs'] as const;
  const out: ScenarioResult['summary'] = {};
  for (const key of keys) {
    const xs = samples.map((s) => s[key]).filter((x): x is number => typeof x === 'number');
    out[key] = xs.length ? { median: round(median(xs), 1), p90: round(quantile(xs, 0.9), 1), min: round(Math.min(...xs), 1), max: round(Math.max(...xs), 1) } : null;
  }
  return out;
}

async function scenario(name: string, dataset: string, url: string): Promise<ScenarioResult> {
  log(`${name}: cold load of ${url}`);
  const cold = await measure(url);
  log(`${name}: cold first render ${round(cold.firstRender)} ms (${cold.nodes} nodes, ${cold.edges} edges)`);
  const warm: PageSample[] = [];
  for (let r = 0; r < RUNS; r++) {
    warm.push(await measure(url, args.screenshots && r === 0 ? `render-${name}.png` : undefined));
    log(`${name}: warm run ${r + 1}/${RUNS}: first render ${round(warm[r]!.firstRender)} ms`);
  }
  return { name, dataset, url, cold, warm, summary: summarize(warm) };
}

interface RenderResults {
  benchmark: 'render';
  command: string;
  machine: ReturnType<typeof machine>;
  chromium: string;
  chromiumArgs: string;
  runs: number;
  notes: string[];
  results: ScenarioResult[];
}

function markdown(r: RenderResults): string {
  const ms = (x: { median: number; p90: number } | null | undefined) => (x ? `${x.median} (p90 ${x.p90})` : '–');
  const rows = r.results.map((s) => {
    const first = s.warm[0] ?? s.cold;
    return `| ${s.name} | ${first.nodes} / ${first.edges} | ${first.visibleNodes} | ${round(s.cold.firstRender)} | ${ms(s.summary.firstRender)} | ${ms(s.summary.graphLoaded)} | ${ms(s.summary.timelineLoaded)} | ${ms(s.summary.ready)} | ${ms(s.summary.renderMs)} | ${ms(s.summary.scrubFrameMs)} | ${ms(s.summary.hoverMs)} |`;
  });
  return `# Render benchmark

Time to first render of the browser client (navigation start → first sigma \`afterRender\` with nodes drawn), in
headless Chromium with software WebGL (\`--disable-gpu\`), a fresh profile per load, against the real app on its
own embedded Neo4j. Cold = first load after the data was written (the server computes its analysis and layout);
warm = median (and 90th percentile) of ${r.runs} further loads. All times in ms since navigation start, except the
last three columns (cost of one action).

Command: \`${r.command}\`

${machineMarkdown(r.machine)} ${r.chromium}.

| scenario | nodes / edges loaded | nodes drawn at overview | cold first render | warm first render | graph JSON in | timeline in | ready | full refresh | slider frame | hover |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

- *nodes drawn at overview*: zoomed out, a large graph draws only its 5,000 most influential nodes (and their edges).
- *full refresh*: one \`sigma.refresh()\` of the current view (reducers over every node and edge, reindexing, drawing);
  *slider frame*: one time-slider step (frame from the timeline arrays + reducers + render; – when there is no
  timeline); *hover*: one hover on or off (a partial refresh of the neighbourhood on large graphs).
- The machine was shared with other work while this ran (see the load average); absolute numbers are noisy.
${r.notes.map((n) => `- ${n}`).join('\n')}
`;
}

if (args['report-only']) {
  // Rewrites render.md from render.json (e.g. after changing this report's layout) without measuring again.
  const saved = JSON.parse(readFileSync(path.join(RESULTS_DIR, 'render.json'), 'utf8')) as RenderResults;
  writeResults('render', saved, markdown(saved));
  process.stdout.write(markdown(saved));
  process.exit(0);
}

const m = machine();
const chromiumVersion = existsSync(CHROMIUM) ? execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() : 'missing';
ensureClientBuilt();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'catalyst-bench-render-'));
const neo4j = await startEmbeddedNeo4j({ dataDir, port: await findFreePort(), log: () => {} });
const db = await Database.connect({ uri: neo4j.uri });
await db.applySchema();
const services = createServices(db);
const { app } = createApp({ config: { bodyLimit: '1mb', importLimit: '200mb' }, services, logger: pino({ level: 'silent' }) });
const server: Server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const results: ScenarioResult[] = [];
const notes: string[] = [];

try {
  await services.graph.clear();
  const demo = await services.demo.load({ seed: 42 });
  log(`demo world loaded in ${demo.ms} ms`);
  results.push(await scenario('demo', 'demo world (seed 42)', `${base}/`));

  if (args['skip-large']) notes.push('The large graph was skipped (--skip-large).');
  else if (!existsSync(SLASHDOT)) notes.push(`The large graph was skipped: ${SLASHDOT} is missing.`);
  else {
    await services.graph.clear();
    const t0 = performance.now();
    const imported = await services.importer.import({ format: 'snap-temporal', open: () => createReadStream(SLASHDOT) });
    const importMs = performance.now() - t0;
    log(`slashdot imported in ${round(importMs / 1000, 1)} s: ${JSON.stringify(imported.written)}`);
    notes.push(
      `soc-Slashdot0902 imported with snap-temporal (two-column rows → KNOWS ties, as the CLI does) in ${round(importMs / 1000, 1)} s: ` +
        `${imported.written.people} people, ${imported.written.ties} ties; the server shows them as its ties layer (no timeline).`,
    );
    results.push(await scenario('slashdot-capped', 'soc-Slashdot0902, client default cap (15,000 nodes)', `${base}/`));
    results.push(await scenario('slashdot-full', 'soc-Slashdot0902, every node (limit 100,000; the API caps edges)', `${base}/?limit=100000`));
  }
} finally {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await db.close();
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const command = `npx tsx bench/render.ts --runs ${RUNS}${args['skip-large'] ? ' --skip-large' : ''}${args.screenshots ? ' --screenshots' : ''}`;
const json: RenderResults = {
  benchmark: 'render',
  command,
  machine: m,
  chromium: chromiumVersion,
  chromiumArgs: 'headless, --disable-gpu (software WebGL), fresh profile per load',
  runs: RUNS,
  notes,
  results,
};
writeResults('render', json, markdown(json));
log(`wrote bench/results/render.json and render.md`);
process.stdout.write(markdown(json));
process.exit(0);
