/**
 * Benchmark of the time-and-influence engine: `npx tsx bench/decay.ts` (add `--quick` to skip the
 * Slashdot-size run). Writes bench/results/decay.json and bench/results/decay.md.
 *
 * Datasets (from ../shared/data): Bitcoin OTC (35,592 ratings), CollegeMsg (59,835 messages), and a
 * Slashdot-size world: the 948,464 real soc-Slashdot0902 links among 82,168 people, each made an event at a
 * random time over 5 years with a random kind (post, rating, talk, deal, award: exponential, window and
 * power-law fades), seeded, so the degree skew is real and only the times are synthetic.
 *
 * Timed: interaction-table build; the decayed projection at one t (edge list, and as a graphology graph);
 * the static graphology graph; a 365-point decay curve for one person (median/p95/max over 200 random people,
 * and over the 20 people with the most events); everyone's influence at t; ranking at t; temporal PageRank at
 * t; everyone's breakdown at t; curve analysis of a 365-point curve. Goal: a 365-point curve with p95 ≤ 20 ms.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import { type Projection, ProjectionBuilder } from '../src/domain/projection.ts';
import { breakdownAll } from '../src/engine/breakdowns.ts';
import { buildInfluenceGraph } from '../src/engine/influence-graph.ts';
import { analyzeCurve } from '../src/engine/time/curve-analysis.ts';
import { decayCurve, influenceAt, rankByInfluenceAt } from '../src/engine/time/curves.ts';
import { decayedProjection } from '../src/engine/time/decayed-projection.ts';
import { buildInteractionTable, type InteractionTable } from '../src/engine/time/interaction-table.ts';
import { temporalPagerank } from '../src/engine/time/temporal-pagerank.ts';
import { bitcoinOtcProjection, collegeMsgProjection, seededRng } from '../test/engine/time/fixtures.ts';
import { sharedPath } from '../test/support/shared.ts';
import { machine as describeMachine, machineMarkdown, RESULTS_DIR, writeResults } from './support.ts';

const quick = process.argv.includes('--quick');
const DAY = 86_400_000;

interface Timing {
  runs: number;
  /** wall-clock */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** process CPU time (user + system, all threads) of the median run: steadier than wall time on a busy machine */
  medianCpuMs: number;
}

function summarise(samples: number[], cpu: number[]): Timing {
  const order = samples.map((_, i) => i).sort((a, b) => samples[a] - samples[b]);
  const at = (q: number) => order[Math.min(order.length - 1, Math.max(0, Math.ceil(q * order.length) - 1))];
  return {
    runs: samples.length,
    medianMs: round(samples[at(0.5)]),
    p95Ms: round(samples[at(0.95)]),
    maxMs: round(samples[order[order.length - 1]]),
    medianCpuMs: round(cpu[at(0.5)]),
  };
}

/** Runs `fn` once per sample, measuring wall and CPU time. */
function measure(fn: () => void): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1000];
}

function time<T>(runs: number, fn: () => T, warmup = 1): { timing: Timing; result: T } {
  let result = fn();
  for (let i = 1; i < warmup; i++) result = fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [w, c] = measure(() => {
      result = fn();
    });
    wall.push(w);
    cpu.push(c);
  }
  return { timing: summarise(wall, cpu), result };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The Slashdot-size world with its events in random time order (file order), or sorted by time as a store
 * reading `ORDER BY e.at` would hand them over. */
function slashdotProjection(timeOrdered = false): Projection {
  const text = gunzipSync(readFileSync(sharedPath('data', 'soc-slashdot0902', 'soc-Slashdot0902.txt.gz'))).toString('utf8');
  const rng = seededRng(2009);
  const start = Date.UTC(2004, 0, 1);
  const span = 5 * 365 * DAY;
  const kinds = [
    ['post', 0.5],
    ['rating', 0.25],
    ['talk', 0.12],
    ['deal', 0.08],
    ['award', 0.05],
  ] as const;
  const links: { src: string; dst: string; kind: string; at: number; valence: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    let r = rng();
    let kind: string = kinds[0][0];
    for (const [k, w] of kinds) {
      if (r < w) {
        kind = k;
        break;
      }
      r -= w;
    }
    links.push({ src: line.slice(0, tab), dst: line.slice(tab + 1).trim(), kind, at: start + Math.floor(rng() * span), valence: rng() < 0.8 ? 1 : -1 });
  }
  if (timeOrdered) links.sort((a, b) => a.at - b.at);
  const b = new ProjectionBuilder();
  links.forEach((l, i) => {
    const id = `s${i}`;
    b.event({ id, at: l.at, kind: l.kind, sector: 'news', medium: 'web', magnitude: 1, valence: l.valence });
    b.drive(id, l.src);
    b.reach(id, l.dst);
  });
  return b.build();
}

interface DatasetResult {
  name: string;
  people: number;
  events: number;
  rows: number;
  pairs: number;
  loadMs: number;
  at: string;
  edgesAtT: number;
  timings: Record<string, Timing>;
  notes: string[];
}

function benchDataset(name: string, load: () => Projection, runs: { small: number; big: number }): DatasetResult {
  const t0 = performance.now();
  const projection = load();
  const loadMs = performance.now() - t0;
  const timings: Record<string, Timing> = {};
  const notes: string[] = [];

  const built = time(runs.small, () => buildInteractionTable(projection));
  timings['interaction table build'] = built.timing;
  const table: InteractionTable = built.result;
  const at = table.firstAt + (table.lastAt - table.firstAt) * 0.75;

  const edges = time(runs.small, () => decayedProjection(table, { at }));
  timings['decayed projection at t (edge list)'] = edges.timing;
  timings['decayed influence graph at t (graphology)'] = time(runs.big, () => buildInfluenceGraph(table, { at }), 0).timing;
  timings['static influence graph (graphology)'] = time(runs.big, () => buildInfluenceGraph(table), 0).timing;

  // Curves: 200 random people, and the 20 with the most driven events.
  const rng = seededRng(7);
  const n = projection.people.length;
  const sample = Array.from({ length: 200 }, () => projection.people[Math.floor(rng() * n)].id);
  const byLoad = projection.people
    .map((p, i) => ({ id: p.id, load: table.rows.offset[i + 1] - table.rows.offset[i] + table.drives.offset[i + 1] - table.drives.offset[i] }))
    .sort((a, b) => b.load - a.load);
  const heaviest = byLoad.slice(0, 20).map((x) => x.id);
  const range = { from: table.firstAt, to: table.lastAt, points: 365 };
  for (const basis of ['activity', 'strength'] as const) {
    for (const p of sample.slice(0, 50)) decayCurve(table, p, { ...range, basis }); // warm-up
    const random = sample.map((p) => measure(() => decayCurve(table, p, { ...range, basis })));
    timings[`365-point curve, ${basis} (200 random people)`] = summarise(random.map((x) => x[0]), random.map((x) => x[1]));
    const heavy = heaviest.map((p) => measure(() => decayCurve(table, p, { ...range, basis })));
    timings[`365-point curve, ${basis} (20 heaviest people)`] = summarise(heavy.map((x) => x[0]), heavy.map((x) => x[1]));
  }
  notes.push(`heaviest person: ${byLoad[0].load} driven events + outgoing rows`);
  const curve = decayCurve(table, heaviest[0], range);
  timings['curve analysis of a 365-point curve'] = time(runs.small, () => analyzeCurve({ times: curve.times, values: curve.total })).timing;

  timings['influence at t for everyone (activity)'] = time(runs.small, () => influenceAt(table, at)).timing;
  timings['influence at t for everyone (strength)'] = time(runs.small, () => influenceAt(table, at, { basis: 'strength' })).timing;
  timings['rank by influence at t (top 100)'] = time(runs.small, () => rankByInfluenceAt(table, at, { limit: 100 })).timing;
  const pr = time(runs.big, () => temporalPagerank(table, at));
  timings['temporal PageRank at t'] = pr.timing;
  notes.push(`temporal PageRank: ${pr.result.iterations} iterations, converged ${pr.result.converged}`);
  timings['breakdowns of everyone at t'] = time(runs.big, () => breakdownAll(table, { at })).timing;

  return {
    name,
    people: projection.people.length,
    events: projection.events.count,
    rows: table.rows.count,
    pairs: table.pairs.count,
    loadMs: round(loadMs),
    at: new Date(at).toISOString(),
    edgesAtT: edges.result.count,
    timings,
    notes,
  };
}

function main(): void {
  const machine = describeMachine();
  const command = `npx tsx bench/decay.ts${quick ? ' --quick' : ''}`;
  console.log(`machine: ${JSON.stringify(machine)}`);
  const results: DatasetResult[] = [];
  const datasets: [string, () => Projection, { small: number; big: number }][] = [
    ['bitcoin-otc', bitcoinOtcProjection, { small: 20, big: 5 }],
    ['college-msg', collegeMsgProjection, { small: 20, big: 5 }],
  ];
  if (!quick) datasets.push(['slashdot-size (real links, synthetic times, events in random order)', () => slashdotProjection(false), { small: 3, big: 1 }]);
  for (const [name, load, runs] of datasets) {
    console.log(`\n== ${name}`);
    const r = benchDataset(name, load, runs);
    results.push(r);
    for (const [what, t] of Object.entries(r.timings)) console.log(`${what.padEnd(52)} median ${t.medianMs} ms  p95 ${t.p95Ms} ms  cpu ${t.medianCpuMs} ms  (${t.runs} runs)`);
  }
  if (!quick) {
    // The same world with events handed over in time order: the table build skips the sort and reads
    // events sequentially.
    const ordered = slashdotProjection(true);
    const t = time(3, () => buildInteractionTable(ordered)).timing;
    results[results.length - 1].timings['interaction table build, events already in time order'] = t;
    console.log(`interaction table build, events in time order       median ${t.medianMs} ms  cpu ${t.medianCpuMs} ms`);
  }
  const output = { command, date: new Date().toISOString(), machine, loadAverageAfter: os.loadavg().map((x) => round(x)), results };
  writeResults('decay', output, markdown(output));
  console.log(`\nwrote ${RESULTS_DIR}/decay.json and decay.md`);
}

function markdown(output: { command: string; date: string; machine: ReturnType<typeof describeMachine>; loadAverageAfter: number[]; results: DatasetResult[] }): string {
  const lines = [
    '# Decay engine benchmark',
    '',
    `Command: \`${output.command}\` — ${output.date}`,
    '',
    `${machineMarkdown(output.machine)} Load average at the end ${output.loadAverageAfter.join(' / ')}. The machine is shared: wall times under load are pessimistic; the CPU column (process CPU time, all threads, GC included) is steadier.`,
    '',
    'Goal: a 365-point decay curve served with p95 ≤ 20 ms.',
    '',
  ];
  for (const r of output.results) {
    lines.push(`## ${r.name}`, '');
    lines.push(`${r.people.toLocaleString('en')} people, ${r.events.toLocaleString('en')} events, ${r.rows.toLocaleString('en')} interaction rows, ${r.pairs.toLocaleString('en')} directed pairs; decayed at t = ${r.at}: ${r.edgesAtT.toLocaleString('en')} edges. Loading the projection: ${r.loadMs} ms.`, '');
    lines.push('| operation | runs | median ms | p95 ms | max ms | CPU ms (median run) |', '|---|---:|---:|---:|---:|---:|');
    for (const [what, t] of Object.entries(r.timings)) lines.push(`| ${what} | ${t.runs} | ${t.medianMs} | ${t.p95Ms} | ${t.maxMs} | ${t.medianCpuMs} |`);
    if (r.notes.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

main();
