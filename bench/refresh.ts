/**
 * Full refresh: Neo4j → projection → interaction table and influence graph → every static metric the API
 * serves + Louvain communities, on the demo world and on bitcoin-otc, in a fresh embedded Neo4j. Median of
 * several cold refreshes (a new service each time, so nothing is cached), with peak RSS of this process.
 * Then what recording an introduction costs the next suggestions request: the introductions read again over the
 * kept graphs (graph-version.ts), against the whole rebuild a change to people, events or ties brings, measured
 * alternately on the same warm services.
 *
 *   npx tsx bench/refresh.ts        (writes bench/results/refresh.{json,md})
 */
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InfluenceService } from '../src/services/influence.service.ts';
import { createServices } from '../src/services/index.ts';
import { benchStore, machine, machineMarkdown, median, round, writeResults } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const m = machine();
const store = await benchStore('refresh');
const { db, services } = store;

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

/**
 * The next "whom should they meet?" after an introduction is recorded (introductions re-read, graphs kept) and
 * after a change to the graph (everything rebuilt), alternately on one warm set of services: the person with
 * the most PageRank records their best suggestion each run.
 */
async function afterRecording(dataset: string) {
  // the services' own cost, in this thread (the server runs them in the analysis thread: bench/responsiveness.ts)
  const s = createServices(db, () => {}, { analysis: 'inline' });
  const top = (await s.influence.rank({ metric: 'pagerank', limit: 50, offset: 0 })).items.map((x) => x.id);
  let person = top[0]!;
  for (const id of top) {
    if ((await s.suggestions.suggest({ person: id, limit: 1, minScore: 0 })).items.length > 0) {
      person = id;
      break;
    }
  }
  const introductionsMs: number[] = [];
  const graphMs: number[] = [];
  const recorded: string[] = [];
  const timed = async () => {
    const t0 = performance.now();
    const r = await s.suggestions.suggest({ person, limit: 10, minScore: 0 });
    return { ms: performance.now() - t0, r };
  };
  for (let i = 0; i < RUNS; i++) {
    const best = (await s.suggestions.suggest({ person, limit: 1, minScore: 0 })).items[0];
    if (!best) break;
    recorded.push((await s.introductions.create({ introducer: best.introducer.id, a: best.a.id, b: best.b.id, status: 'made', value: null, note: 'bench', outcomeAt: null })).id);
    const light = await timed();
    if (light.r.items.some((x) => x.b.id === best.b.id)) throw new Error('the recorded pair is still suggested');
    introductionsMs.push(light.ms);
    s.version.bump('graph');
    graphMs.push((await timed()).ms);
  }
  for (const id of recorded) await s.introductions.delete(id);
  const row = {
    dataset,
    person,
    runs: introductionsMs.length,
    medianIntroductionsMs: round(median(introductionsMs), 1),
    medianGraphMs: round(median(graphMs), 1),
    ratio: round(median(graphMs) / median(introductionsMs), 1),
  };
  console.error(JSON.stringify(row));
  return row;
}

const results = [];
const recording = [];
try {
  await services.demo.load({ seed: 42 });
  results.push(await refreshes('demo world (seed 42)'));
  recording.push(await afterRecording('demo world (seed 42)'));
  await services.graph.clear();
  const file = path.join(shared, 'data/bitcoin-otc/soc-sign-bitcoinotc.csv');
  await services.importer.import({ format: 'snap-signed', open: () => createReadStream(file) });
  results.push(await refreshes('bitcoin-otc'));
  recording.push(await afterRecording('bitcoin-otc'));
} finally {
  clearInterval(sampler);
  await store.close();
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
  '## After recording an introduction',
  '',
  'The next "whom should they meet?" (GET /api/introductions/suggestions) after an introduction is recorded, which re-reads only the',
  'introductions and dismissals over the graphs and introduction index it keeps, against the same request after a change to people,',
  'events or ties, which reads and builds everything again (projection, influence graph, acquaintances, Louvain). Alternately on one',
  `warm set of services, ${RUNS} of each; the person with the most PageRank records their best suggestion each time (then the bench deletes them).`,
  '',
  '| dataset | introductions re-read (median) | everything rebuilt (median) | ratio |',
  '|---|---|---|---|',
  ...recording.map((r) => `| ${r.dataset} | ${r.medianIntroductionsMs} ms | ${r.medianGraphMs} ms | ${r.ratio}× |`),
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults('refresh', { command, date: new Date().toISOString(), machine: m, results, recording }, md);
console.log(md);
