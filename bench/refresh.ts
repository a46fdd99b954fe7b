/**
 * Full refresh: Neo4j → projection → interaction table and influence graph → every static metric the API
 * serves + Louvain communities, on the demo world and on bitcoin-otc, in a fresh embedded Neo4j. Median of
 * several cold refreshes (a new service each time, so nothing is cached), with peak RSS of this process.
 *
 *   npx tsx bench/refresh.ts        (writes bench/results/refresh.{json,md})
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../src/services/index.ts';
import { InfluenceService } from '../src/services/influence.service.ts';
import { Database } from '../src/store/database.ts';
import { findFreePort, startEmbeddedNeo4j } from '../src/store/embedded-neo4j.ts';
import { machine, machineMarkdown, median, round, writeResults } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const m = machine();
const dir = mkdtempSync(path.join(os.tmpdir(), 'catalyst-bench-refresh-'));
const neo4j = await startEmbeddedNeo4j({ dataDir: dir, port: await findFreePort(), log: () => {} });
const db = await Database.connect({ uri: neo4j.uri });
await db.applySchema();
const services = createServices(db);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function refreshes(dataset: string) {
  const runs: { wallMs: number; steps: Record<string, number>; rssMiB: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    global.gc?.();
    peakRss = process.memoryUsage().rss;
    const service = new InfluenceService(services.graph, services.version);
    const t0 = performance.now();
    const steps = await service.warm();
    runs.push({ wallMs: performance.now() - t0, steps, rssMiB: Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20 });
  }
  const counts = await services.graph.counts();
  const row = {
    dataset,
    counts,
    runs: RUNS,
    medianWallMs: Math.round(median(runs.map((r) => r.wallMs))),
    medianProjectionMs: Math.round(median(runs.map((r) => r.steps.projection!))),
    medianStepsMs: Object.fromEntries(Object.keys(runs[0]!.steps).map((k) => [k, Math.round(median(runs.map((r) => r.steps[k]!)))])),
    peakRssMiB: Math.round(Math.max(...runs.map((r) => r.rssMiB))),
  };
  console.error(JSON.stringify(row));
  return row;
}

const results = [];
try {
  await services.demo.load({ seed: 42 });
  results.push(await refreshes('demo world (seed 42)'));
  await services.graph.clear();
  const file = path.join(shared, 'data/bitcoin-otc/soc-sign-bitcoinotc.csv');
  await services.importer.import({ format: 'snap-signed', open: () => createReadStream(file) });
  results.push(await refreshes('bitcoin-otc'));
} finally {
  clearInterval(sampler);
  await db.close();
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}

const command = 'npx tsx bench/refresh.ts';
const md = [
  '# Full refresh: Neo4j → projection → all centralities + communities',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  `Median of ${RUNS} cold refreshes per dataset (a new InfluenceService each run). Betweenness is exact up to 5,000 people and`,
  'sampled (256 pivots) above; closeness and harmonic are skipped above 5,000 people (the API refuses them there). Goal: ≤ 10 s and ≤ 1 GB RSS.',
  '',
  '| dataset | people / events | refresh (median) | of which Neo4j → projection | peak RSS |',
  '|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.dataset} | ${r.counts.people.toLocaleString('en-US')} / ${r.counts.events.toLocaleString('en-US')} | ${round(r.medianWallMs / 1000, 2)} s | ${round(r.medianProjectionMs / 1000, 2)} s | ${r.peakRssMiB} MiB |`,
  ),
  '',
  'Steps (median ms):',
  '',
  ...results.map((r) => `- ${r.dataset}: ${Object.entries(r.medianStepsMs).map(([k, v]) => `${k} ${v}`).join(', ')}`),
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults('refresh', { command, date: new Date().toISOString(), machine: m, results }, md);
console.log(md);
