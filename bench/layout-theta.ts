/**
 * ForceAtlas2's Barnes–Hut accuracy for the explorer's layouts (src/engine/layout.ts): θ = 0.5
 * (graphology-layout-forceatlas2's default, ours until 2026-11) against θ = 1.2 (Gephi's default, ours since), with
 * the iterations the explorer uses, on bitcoin-otc (5,881 people, 40 iterations) and Slashdot (82,168 people,
 * 15 iterations), from the same start (communities by Louvain on their discs). Alternated, median of RUNS each.
 *
 * Quality, for both: the mean length of an edge and the mean distance between two people of the same community,
 * each over the mean distance between two people drawn at random (200,000 seeded pairs); lower is better (linked
 * people close, communities compact).
 *
 *   npx tsx bench/layout-theta.ts      (RUNS=3; writes bench/results/layout-theta.{json,md})
 */
import { DirectedGraph } from 'graphology';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { communities } from '../src/engine/communities.ts';
import { layout } from '../src/engine/layout.ts';
import { seededRng } from '../src/engine/rng.ts';
import { machine, machineMarkdown, median, round, writeResults } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const THETAS = [0.5, 1.2];
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const m = machine();

function load(file: string, separator: RegExp): DirectedGraph {
  const bytes = readFileSync(path.join(shared, file));
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString();
  const g = new DirectedGraph();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [a, b] = line.split(separator);
    if (!a || !b || a === b) continue;
    g.mergeNode(a);
    g.mergeNode(b);
    if (!g.hasDirectedEdge(a, b)) g.addDirectedEdge(a, b);
  }
  return g;
}

function quality(g: DirectedGraph, community: Record<string, number>, x: Float64Array, y: Float64Array) {
  const row = new Map(g.nodes().map((n, i) => [n, i]));
  const dist = (i: number, j: number) => Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);
  let edges = 0;
  g.forEachEdge((_e, _a, a, b) => (edges += dist(row.get(a)!, row.get(b)!)));
  edges /= g.size;
  const rng = seededRng(7);
  const pick = <T>(list: T[]): T => list[Math.floor(rng() * list.length)]!;
  const all = [...row.values()];
  const groups = new Map<number, number[]>();
  g.forEachNode((n) => groups.set(community[n]!, [...(groups.get(community[n]!) ?? []), row.get(n)!]));
  const big = [...groups.values()].filter((v) => v.length > 1);
  let random = 0;
  let same = 0;
  const PAIRS = 200_000;
  for (let k = 0; k < PAIRS; k++) {
    random += dist(pick(all), pick(all));
    const group = pick(big);
    same += dist(pick(group), pick(group));
  }
  return { edge: round(edges / (random / PAIRS), 3), community: round(same / random, 3) };
}

const datasets = [
  { name: 'bitcoin-otc', file: 'data/bitcoin-otc/soc-sign-bitcoinotc.csv', separator: /,/ },
  { name: 'Slashdot', file: 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz', separator: /\s+/ },
];
const rows: { dataset: string; nodes: number; edges: number; theta: number; iterations: number; ms: number; runs: number[]; edge: number; community: number }[] = [];
for (const d of datasets) {
  const g = load(d.file, d.separator);
  const c = communities(g, { seed: 0 }).communities;
  const times = new Map<number, number[]>(THETAS.map((t) => [t, []]));
  const q = new Map<number, { edge: number; community: number }>();
  let iterations = 0;
  for (let r = 0; r < RUNS; r++) {
    for (const theta of r % 2 === 0 ? THETAS : [...THETAS].reverse()) {
      const t0 = performance.now();
      const p = layout(g, { communities: c, barnesHutTheta: theta });
      times.get(theta)!.push(performance.now() - t0);
      iterations = p.iterations;
      if (!q.has(theta)) q.set(theta, quality(g, c, p.x, p.y));
    }
  }
  for (const theta of THETAS) {
    const runs = times.get(theta)!.map((t) => round(t, 0));
    rows.push({ dataset: d.name, nodes: g.order, edges: g.size, theta, iterations, ms: median(runs), runs, ...q.get(theta)! });
  }
  console.error(JSON.stringify(rows.slice(-2)));
}

const command = 'npx tsx bench/layout-theta.ts';
const md = [
  "# ForceAtlas2's Barnes–Hut θ for the explorer's layouts",
  '',
  `Command: \`${command}\` (${new Date().toISOString()}, RUNS=${RUNS}). ${machineMarkdown(m)}`,
  '',
  'The whole layout (src/engine/layout.ts: start on community discs, ForceAtlas2 with the iterations the explorer uses, components packed), θ alternated run by run, median time.',
  'Quality: mean edge length, and mean distance between two people of the same community, each over the mean distance between two random people (lower: linked people closer, communities more compact).',
  '',
  '| dataset | people | ties | θ | iterations | layout (ms, median) | runs (ms) | edge / random | same community / random |',
  '|---|---:|---:|---:|---:|---:|---|---:|---:|',
  ...rows.map((r) => `| ${r.dataset} | ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${r.theta} | ${r.iterations} | ${r.ms} | ${r.runs.join(', ')} | ${r.edge} | ${r.community} |`),
].join('\n');
writeResults('layout-theta', { command, date: new Date().toISOString(), machine: m, rows }, md);
console.log(md);
