/**
 * PageRank speed on soc-Slashdot0902 (82,168 nodes, 948,464 directed edges, 78,303 of them self-loops, kept):
 * (a) a minimal typed-array power iteration written inline below, (b) our `pagerank` over the cached CSR, and
 * (c) graphology-metrics' `pagerank`, all unweighted, α = 0.85, uniform start and dangling mass, the same fixed
 * number of iterations; (b) also to its default tolerance. Medians of several runs in one process after a
 * warm-up, wall and CPU time, plus CSR build time, the largest difference between the three results, and RSS.
 *
 * Run: npx tsx bench/pagerank.ts   (writes bench/results/pagerank.json and bench/results/pagerank.md)
 */
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DirectedGraph } from 'graphology';
import graphologyPagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { pagerank, pagerankKernel } from '../src/engine/centrality/pagerank.ts';
import { csrOf, invalidateCsr } from '../src/engine/csr.ts';

const ITERATIONS = 100;
const ALPHA = 0.85;
const RUNS = 7;
const GRAPHOLOGY_RUNS = 5;
const COMMAND = 'npx tsx bench/pagerank.ts';

// CommonJS module typed as an ES default export (see src/engine/communities.ts).
type GraphologyPagerank = typeof graphologyPagerankModule.default;
const graphologyPagerank: GraphologyPagerank =
  typeof graphologyPagerankModule === 'function' ? (graphologyPagerankModule as unknown as GraphologyPagerank) : graphologyPagerankModule.default;

const sharedDir = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const dataFile = path.join(sharedDir, 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz');
const resultsDir = path.join(import.meta.dirname, 'results');

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function time(run: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(timings: Timing[]): { runs: number; medianWallMs: number; medianCpuMs: number; minWallMs: number; wallMs: number[] } {
  return {
    runs: timings.length,
    medianWallMs: round(median(timings.map((t) => t.wallMs))),
    medianCpuMs: round(median(timings.map((t) => t.cpuMs))),
    minWallMs: round(Math.min(...timings.map((t) => t.wallMs))),
    wallMs: timings.map((t) => round(t.wallMs)),
  };
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---- load ----
const loadStart = performance.now();
const text = gunzipSync(readFileSync(dataFile)).toString('utf8');
const graph = new DirectedGraph();
let edgeLines = 0;
// The file has CRLF line endings (its PROVENANCE.md says LF).
for (const line of text.split(/\r?\n/)) {
  if (line === '' || line.startsWith('#')) continue;
  const tab = line.indexOf('\t');
  const source = line.slice(0, tab);
  const target = line.slice(tab + 1);
  graph.mergeNode(source);
  graph.mergeNode(target);
  graph.addEdge(source, target);
  edgeLines++;
}
const loadMs = performance.now() - loadStart;
const n = graph.order;
console.log(`loaded ${n} nodes, ${graph.size} edges (${edgeLines} lines) in ${loadMs.toFixed(0)} ms`);

// ---- (a) baseline: the simplest correct CSR power iteration ----
// In-adjacency by counting sort from graphology's edge list, node i = graph.nodes()[i] (as our CSR).
const keys = graph.nodes();
const index = new Map(keys.map((key, i) => [key, i]));
const edgeSource = new Uint32Array(graph.size);
const edgeTarget = new Uint32Array(graph.size);
{
  let e = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    edgeSource[e] = index.get(source)!;
    edgeTarget[e] = index.get(target)!;
    e++;
  });
}
const baselineInOffsets = new Uint32Array(n + 1);
const baselineInSources = new Uint32Array(graph.size);
const baselineOutDegree = new Uint32Array(n);
for (let e = 0; e < graph.size; e++) {
  baselineInOffsets[edgeTarget[e] + 1]++;
  baselineOutDegree[edgeSource[e]]++;
}
for (let i = 0; i < n; i++) baselineInOffsets[i + 1] += baselineInOffsets[i];
{
  const cursor = baselineInOffsets.slice(0, n);
  for (let e = 0; e < graph.size; e++) baselineInSources[cursor[edgeTarget[e]]++] = edgeSource[e];
}

/** Returns the scores and the L1 change of each iteration. Pull over in-rows; 1/out-degree precomputed. */
function baselinePagerank(iterations: number): { x: Float64Array; changes: number[] } {
  // Locals, not module bindings, in the hot loop (module-level consts cost a hole check per access).
  const inOffsets = baselineInOffsets;
  const inSources = baselineInSources;
  const outDegree = baselineOutDegree;
  const size = n;
  const alpha = ALPHA;
  const inverseOutDegree = new Float64Array(size);
  for (let u = 0; u < size; u++) inverseOutDegree[u] = outDegree[u] === 0 ? 0 : 1 / outDegree[u];
  let x = new Float64Array(size).fill(1 / size);
  let next = new Float64Array(size);
  const share = new Float64Array(size);
  const changes: number[] = [];
  for (let it = 0; it < iterations; it++) {
    let dangling = 0;
    for (let u = 0; u < size; u++) {
      if (outDegree[u] === 0) dangling += x[u];
      share[u] = x[u] * inverseOutDegree[u];
    }
    const base = (alpha * dangling + 1 - alpha) / size;
    let change = 0;
    for (let v = 0; v < size; v++) {
      let sum = 0;
      for (let k = inOffsets[v], end = inOffsets[v + 1]; k < end; k++) sum += share[inSources[k]];
      const value = alpha * sum + base;
      change += Math.abs(value - x[v]);
      next[v] = value;
    }
    changes.push(change);
    const previous = x;
    x = next;
    next = previous;
  }
  return { x, changes };
}

// ---- warm-up ----
console.log('warm-up');
const csrBuildTimings: Timing[] = [];
for (let r = 0; r < 3; r++) {
  invalidateCsr(graph);
  csrBuildTimings.push(time(() => csrOf(graph, { getEdgeWeight: null })));
}
const csr = csrOf(graph, { getEdgeWeight: null });
baselinePagerank(10);
pagerank(graph, { getEdgeWeight: null, tolerance: 0, maxIterations: 10 });
for (let r = 0; r < RUNS - 3; r++) {
  invalidateCsr(graph);
  csrBuildTimings.push(time(() => csrOf(graph, { getEdgeWeight: null })));
}
csrOf(graph, { getEdgeWeight: null });

// ---- timed runs ----
const kernelOptions = { alpha: ALPHA, personalization: null, dangling: 'personalization' as const, tolerance: 0, maxIterations: ITERATIONS };
const baselineTimings: Timing[] = [];
const oursTimings: Timing[] = [];
const oursKernelTimings: Timing[] = [];
const oursToleranceTimings: Timing[] = [];
let baselineResult!: ReturnType<typeof baselinePagerank>;
let oursScores!: Record<string, number>;
let oursKernelIterations = 0;
let toleranceResult!: ReturnType<typeof pagerank>;
for (let r = 0; r < RUNS; r++) {
  // Interleaved so that machine load drifts affect every contender alike.
  baselineTimings.push(time(() => (baselineResult = baselinePagerank(ITERATIONS))));
  oursKernelTimings.push(time(() => (oursKernelIterations = pagerankKernel(csrOf(graph, { getEdgeWeight: null }), kernelOptions).iterations)));
  oursTimings.push(time(() => (oursScores = pagerank(graph, { getEdgeWeight: null, tolerance: 0, maxIterations: ITERATIONS }).scores)));
  oursToleranceTimings.push(time(() => (toleranceResult = pagerank(graph, { getEdgeWeight: null }))));
  console.log(`run ${r + 1}/${RUNS}: baseline ${baselineTimings[r].wallMs.toFixed(0)} ms, ours ${oursTimings[r].wallMs.toFixed(0)} ms`);
}

// graphology-metrics has no fixed-iteration mode (it throws, losing the result, when it does not converge):
// a tolerance between the baseline's L1 changes at iterations K−1 and K makes it stop after exactly K.
const { changes } = baselineResult;
const graphologyTolerance = (changes[ITERATIONS - 1] + changes[ITERATIONS - 2]) / 2 / n;
const graphologyTimings: Timing[] = [];
let graphologyScores!: Record<string, number>;
graphologyPagerank(graph, { getEdgeWeight: null, alpha: ALPHA, maxIterations: ITERATIONS, tolerance: graphologyTolerance }); // warm-up
for (let r = 0; r < GRAPHOLOGY_RUNS; r++) {
  graphologyTimings.push(
    time(() => (graphologyScores = graphologyPagerank(graph, { getEdgeWeight: null, alpha: ALPHA, maxIterations: ITERATIONS, tolerance: graphologyTolerance }))),
  );
  console.log(`graphology run ${r + 1}/${GRAPHOLOGY_RUNS}: ${graphologyTimings[r].wallMs.toFixed(0)} ms`);
}

// ---- agreement ----
let oursVsBaseline = 0;
let graphologyVsBaseline = 0;
let oursVsGraphology = 0;
let toleranceVsFixed = 0;
for (let i = 0; i < n; i++) {
  const key = keys[i];
  const b = baselineResult.x[i];
  oursVsBaseline = Math.max(oursVsBaseline, Math.abs(oursScores[key] - b));
  graphologyVsBaseline = Math.max(graphologyVsBaseline, Math.abs(graphologyScores[key] - b));
  oursVsGraphology = Math.max(oursVsGraphology, Math.abs(oursScores[key] - graphologyScores[key]));
  toleranceVsFixed = Math.max(toleranceVsFixed, Math.abs(toleranceResult.scores[key] - b));
}
let maxScore = 0;
for (let i = 0; i < n; i++) maxScore = Math.max(maxScore, baselineResult.x[i]);

// ---- report ----
const memory = process.memoryUsage();
const baseline = summarise(baselineTimings);
const ours = summarise(oursTimings);
const oursKernel = summarise(oursKernelTimings);
const oursTolerance = summarise(oursToleranceTimings);
const graphology = summarise(graphologyTimings);
const csrBuild = summarise(csrBuildTimings);
const perIteration = (s: { medianWallMs: number }, iterations: number): number => round(s.medianWallMs / iterations, 3);
const cpus = os.cpus();
const report = {
  benchmark: 'pagerank',
  command: COMMAND,
  date: new Date().toISOString(),
  machine: {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
  },
  graph: {
    file: path.relative(path.join(import.meta.dirname, '..'), dataFile),
    nodes: n,
    edges: graph.size,
    selfLoops: graph.selfLoopCount,
    csrArcs: csr.arcCount,
    danglingNodes: baselineOutDegree.filter((d) => d === 0).length,
    graphologyLoadMs: round(loadMs),
  },
  settings: { alpha: ALPHA, weighted: false, fixedIterations: ITERATIONS, runs: RUNS, graphologyRuns: GRAPHOLOGY_RUNS, warmUp: 'one run of each, plus CSR builds' },
  csrBuild,
  results: {
    baseline: { ...baseline, iterations: ITERATIONS, perIterationMs: perIteration(baseline, ITERATIONS) },
    ours: { ...ours, iterations: ITERATIONS, perIterationMs: perIteration(ours, ITERATIONS), includes: 'pagerank(graph) on the cached CSR, incl. the { key: score } record' },
    oursKernel: { ...oursKernel, iterations: oursKernelIterations, perIterationMs: perIteration(oursKernel, ITERATIONS), includes: 'pagerankKernel(csr) only' },
    oursToTolerance: {
      ...oursTolerance,
      iterations: toleranceResult.iterations,
      converged: toleranceResult.converged,
      tolerance: 1e-12,
      residual: toleranceResult.residual,
      perIterationMs: perIteration(oursTolerance, toleranceResult.iterations),
    },
    graphologyMetrics: {
      ...graphology,
      iterations: ITERATIONS,
      perIterationMs: perIteration(graphology, ITERATIONS),
      tolerance: graphologyTolerance,
      includes: 'graphology-metrics pagerank(graph): rebuilds its index every call',
    },
  },
  ratios: {
    oursOverBaseline: round(ours.medianWallMs / baseline.medianWallMs, 2),
    oursKernelOverBaseline: round(oursKernel.medianWallMs / baseline.medianWallMs, 2),
    oursOverBaselineCpu: round(ours.medianCpuMs / baseline.medianCpuMs, 2),
    graphologyOverBaseline: round(graphology.medianWallMs / baseline.medianWallMs, 2),
    graphologyOverBaselineCpu: round(graphology.medianCpuMs / baseline.medianCpuMs, 2),
  },
  maxAbsDifference: {
    oursVsBaseline,
    graphologyVsBaseline,
    oursVsGraphology,
    oursToToleranceVsFixed100: toleranceVsFixed,
    topScore: maxScore,
  },
  memory: {
    rssMiB: round(memory.rss / 2 ** 20),
    heapUsedMiB: round(memory.heapUsed / 2 ** 20),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
  },
};

mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, 'pagerank.json'), JSON.stringify(report, null, 2) + '\n');

const r = report.results;
const row = (name: string, s: { runs: number; medianWallMs: number; medianCpuMs: number; iterations: number; perIterationMs: number }, ratio: string): string =>
  `| ${name} | ${s.iterations} | ${s.runs} | ${s.medianWallMs} | ${s.medianCpuMs} | ${s.perIterationMs} | ${ratio} |`;
const markdown = `# PageRank benchmark: soc-Slashdot0902

Command: \`${COMMAND}\` (${report.date})

Machine: ${report.machine.os}, ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, Node ${report.machine.node};
load average at the end ${report.machine.loadAverageAtEnd.join(' / ')} (other work was running: compare CPU time as well as wall time).

Graph: ${n.toLocaleString('en')} nodes, ${graph.size.toLocaleString('en')} edges (${graph.selfLoopCount.toLocaleString('en')} self-loops, kept),
${report.graph.danglingNodes.toLocaleString('en')} dangling nodes; unweighted, α = ${ALPHA}. graphology load: ${report.graph.graphologyLoadMs} ms.
CSR build (\`csrOf\`, median of ${csrBuild.runs}): ${csrBuild.medianWallMs} ms wall, ${csrBuild.medianCpuMs} ms CPU.

| contender | iterations | runs | median wall ms | median CPU ms | wall ms / iteration | wall ratio to baseline |
|---|---|---|---|---|---|---|
${row('(a) baseline: minimal typed-array loop (inline)', r.baseline, '1.00')}
${row('(b) ours: `pagerank(graph)`, cached CSR, incl. record', r.ours, report.ratios.oursOverBaseline.toFixed(2))}
${row('(b) ours: `pagerankKernel(csr)` only', r.oursKernel, report.ratios.oursKernelOverBaseline.toFixed(2))}
${row('(b) ours: to tolerance 1e-12 (L1)', r.oursToTolerance, '–')}
${row('(c) graphology-metrics `pagerank`', r.graphologyMetrics, report.ratios.graphologyOverBaseline.toFixed(2))}

CPU-time ratios: ours/baseline ${report.ratios.oursOverBaselineCpu}, graphology/baseline ${report.ratios.graphologyOverBaselineCpu}.

Largest |difference| after ${ITERATIONS} iterations (top score ${maxScore.toExponential(3)}): ours vs baseline
${oursVsBaseline.toExponential(2)}, graphology vs baseline ${graphologyVsBaseline.toExponential(2)}, ours vs graphology
${oursVsGraphology.toExponential(2)}; ours to tolerance (${r.oursToTolerance.iterations} iterations) vs the 100-iteration baseline ${toleranceVsFixed.toExponential(2)}.

graphology-metrics cannot run a fixed number of iterations (it throws when it has not converged, and the result
is lost), so it was given tolerance ${graphologyTolerance.toExponential(3)}, between the baseline's L1 changes at
iterations ${ITERATIONS - 1} and ${ITERATIONS} divided by n: it stops after exactly ${ITERATIONS}, as the agreement above confirms.

Memory at the end: RSS ${report.memory.rssMiB} MiB (peak ${report.memory.peakRssMiB} MiB), heap used ${report.memory.heapUsedMiB} MiB
(the graphology graph dominates).
`;
writeFileSync(path.join(resultsDir, 'pagerank.md'), markdown);
console.log(markdown);
