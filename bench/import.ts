/**
 * Import benchmark: Slashdot (948,464 edges, as KNOWS ties: snap-temporal's two-column rows) and bitcoin-otc
 * (35,592 ratings, as events with DROVE + REACHED), through both import paths:
 *
 * - bulk (BulkImportService, what `catalyst import` does into a new store): each run into a fresh temporary data
 *   folder. Two times: the import (validating + writing the CSV files, Neo4j's bulk importer, the store moved into
 *   place), and until queryable (+ the first start of Neo4j on the store: start, schema, every index online).
 *   RUNS runs per dataset; medians reported, and each phase's median.
 * - online (ImportService over Bolt, as before): one embedded Neo4j started for the benchmark; "cold" is the first
 *   import after its start, "warm" the same again after a clear. Neo4j's start-up is not in these times.
 *
 * Relationships/s = relationships stored / wall seconds. Every run checks the stored counts against the expected ones
 * (and the bulk path's against the online path's).
 *
 *   npx tsx bench/import.ts            (needs ../shared/data; writes bench/results/import.{json,md})
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { BulkImportService, type BulkImportResult } from '../src/services/bulk-import.service.ts';
import { openStore } from '../src/store/connect.ts';
import { GraphRepository, type StoreCounts } from '../src/store/graph.repository.ts';
import { findFreePort } from '../src/store/embedded-neo4j.ts';
import { benchStore, machine, machineMarkdown, median, round, writeResults } from './support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const datasets = [
  {
    name: 'bitcoin-otc',
    file: path.join(shared, 'data/bitcoin-otc/soc-sign-bitcoinotc.csv'),
    format: 'snap-signed',
    expected: { people: 5_881, events: 35_592, ties: 0, introductions: 0 },
  },
  {
    name: 'soc-slashdot0902',
    file: path.join(shared, 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz'),
    format: 'snap-temporal',
    expected: { people: 82_168, events: 0, ties: 870_161, introductions: 0 },
  },
];

/** Relationships stored: an event has one DROVE and one REACHED here (SNAP rows), a tie is one KNOWS. */
const relationshipsOf = (c: StoreCounts) => c.events * 2 + c.ties;
const n = (x: number) => x.toLocaleString('en-US');

function checkCounts(what: string, stored: StoreCounts, expected: StoreCounts): void {
  if (JSON.stringify(stored) !== JSON.stringify(expected)) {
    throw new Error(`bench/import: ${what} stored ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`);
  }
}

const m = machine();
const log = (msg: string) => console.error(msg);

// (a) bulk, into a fresh store each run
const bulkRuns: {
  dataset: string;
  run: number;
  /** the import (what `catalyst import` does): until the new store is written, checked and in place */
  importSeconds: number;
  importRelationshipsPerSecond: number;
  /** the import, then the first start of Neo4j on the store: until it is queryable with every index online */
  queryableSeconds: number;
  queryableRelationshipsPerSecond: number;
  stored: StoreCounts;
  relationships: number;
  phases: BulkImportResult['phases'] & { startMs: number; schemaMs: number };
  loadAverage: number[];
}[] = [];
for (const d of datasets) {
  for (let run = 1; run <= RUNS; run += 1) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalyst-bench-bulk-'));
    try {
      const config = loadConfig({ CATALYST_DATA_DIR: path.join(dir, 'data'), NEO4J_BOLT_PORT: String(await findFreePort()) });
      const bulk = new BulkImportService({
        storeDir: config.neo4j.embeddedDir,
        workDir: config.dataDir,
        open: ({ awaitIndexes }) => openStore(config, { awaitIndexes }),
      });
      const t0 = performance.now();
      const result = await bulk.import({ format: d.format, open: () => createReadStream(d.file) });
      const imported = performance.now();
      // The first start on the new store: Neo4j starts, the schema is applied and every index awaited (openStore).
      const store = await openStore(config);
      const queryable = performance.now();
      try {
        const stored = await new GraphRepository(store.db).counts();
        checkCounts(`bulk ${d.name}`, stored, d.expected);
        checkCounts(`bulk ${d.name} (as reported)`, result.stored, d.expected);
        if (relationshipsOf(stored) !== result.relationships) {
          throw new Error(`bench/import: bulk ${d.name} wrote ${result.relationships} relationships, expected ${relationshipsOf(stored)}`);
        }
        const importSeconds = (imported - t0) / 1000;
        const queryableSeconds = (queryable - t0) / 1000;
        const row = {
          dataset: d.name,
          run,
          importSeconds: round(importSeconds, 2),
          importRelationshipsPerSecond: Math.round(result.relationships / importSeconds),
          queryableSeconds: round(queryableSeconds, 2),
          queryableRelationshipsPerSecond: Math.round(result.relationships / queryableSeconds),
          stored,
          relationships: result.relationships,
          phases: { ...result.phases, ...store.timings },
          loadAverage: os.loadavg().map((x) => round(x)),
        };
        log(JSON.stringify(row));
        bulkRuns.push(row);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

// (b) online, into one running Neo4j (cold, then warm)
const onlineRuns = [];
const online = await benchStore('import');
const { services } = online;
try {
  for (const run of ['cold', 'warm'] as const) for (const d of datasets) {
    await services.graph.clear();
    const t0 = performance.now();
    let lastLog = 0;
    const r = await services.importer.import({
      format: d.format,
      open: () => createReadStream(d.file),
      onProgress: (p) => {
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`${d.name}: ${p.phase} ${n(p.lines)} lines`);
        }
      },
    });
    const wall = (performance.now() - t0) / 1000;
    const stored = await services.graph.counts();
    checkCounts(`online ${run} ${d.name}`, stored, d.expected);
    const row = {
      run,
      dataset: d.name,
      format: d.format,
      lines: r.lines,
      written: r.written,
      stored,
      wallSeconds: round(wall, 1),
      recordsPerSecond: Math.round((r.written.events + r.written.ties) / wall),
      relationshipsPerSecond: Math.round(relationshipsOf(stored) / wall),
      relationships: relationshipsOf(stored),
      transactions: r.transactions,
    };
    log(JSON.stringify(row));
    onlineRuns.push(row);
  }
} finally {
  await online.close();
}

const s = (ms: number) => `${round(ms / 1000, 1)} s`;
const bulkSummary = datasets.map((d) => {
  const runs = bulkRuns.filter((r) => r.dataset === d.name);
  const phase = (key: keyof (typeof runs)[number]['phases']) => median(runs.map((r) => r.phases[key]));
  return {
    dataset: d.name,
    runs: runs.length,
    relationships: runs[0]!.relationships,
    stored: runs[0]!.stored,
    importSeconds: round(median(runs.map((r) => r.importSeconds)), 2),
    importSecondsAll: runs.map((r) => r.importSeconds),
    importRelationshipsPerSecond: Math.round(median(runs.map((r) => r.importRelationshipsPerSecond))),
    queryableSeconds: round(median(runs.map((r) => r.queryableSeconds)), 2),
    queryableRelationshipsPerSecond: Math.round(median(runs.map((r) => r.queryableRelationshipsPerSecond))),
    phasesMedianMs: {
      readMs: phase('readMs'),
      bulkImportMs: phase('bulkImportMs'),
      startMs: phase('startMs'),
      schemaMs: phase('schemaMs'),
    },
  };
});

const command = 'npx tsx bench/import.ts';
const md = [
  '# Import benchmark',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  'Slashdot rows are KNOWS ties (1 relationship each); bitcoin-otc rows are rating events (1 node + DROVE + REACHED).',
  'Relationships/s = relationships stored / wall seconds. Stored counts are checked after every import.',
  '',
  '## Bulk path (`catalyst import` into a new store)',
  '',
  `${RUNS} runs per dataset, each into a fresh temporary data folder; medians. **Import** is what \`catalyst import\` does`,
  'and times: one pass that validates the file and writes the CSV files, then Neo4j\'s bulk importer (neo4j-admin database',
  'import full, its own JVM) writing the new store, its counts checked and the store moved into place. **Until queryable** adds',
  'the first start of Neo4j on that store, which the next `npm start` (or any catalyst command) does anyway: starting Neo4j',
  '(1 GiB heap, 256 MiB page cache), applying the schema and waiting until every index is online.',
  '',
  '| dataset | relationships | import: wall | import: relationships/s | validate + CSV | neo4j-admin | + first start of Neo4j | + schema, indexes online | until queryable: wall | until queryable: relationships/s | import wall of each run |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...bulkSummary.map(
    (b) =>
      `| ${b.dataset} | ${n(b.relationships)} | ${b.importSeconds} s | **${n(b.importRelationshipsPerSecond)}** | ${s(b.phasesMedianMs.readMs)} | ` +
      `${s(b.phasesMedianMs.bulkImportMs)} | ${s(b.phasesMedianMs.startMs)} | ${s(b.phasesMedianMs.schemaMs)} | ${b.queryableSeconds} s | ` +
      `${n(b.queryableRelationshipsPerSecond)} | ${b.importSecondsAll.map((w) => `${w} s`).join(', ')} |`,
  ),
  '',
  '## Online path (ImportService over Bolt)',
  '',
  'One embedded Neo4j started for these runs (its start-up is not counted); each import goes into an emptied database.',
  '"cold" is the first import after start-up (JIT and query plans cold), "warm" the same import again after a clear.',
  'The ImportService validates the whole file, stores the people, then writes batches of 5,000 with two transactions in flight (CREATE into an empty database).',
  '',
  '| run | dataset | rows | stored (people / events / ties) | wall | rows/s | relationships/s | transactions |',
  '|---|---|---|---|---|---|---|---|',
  ...onlineRuns.map(
    (r) =>
      `| ${r.run} | ${r.dataset} | ${n(r.lines)} | ${n(r.stored.people)} / ${n(r.stored.events)} / ${n(r.stored.ties)} | ${r.wallSeconds} s | ${n(r.recordsPerSecond)} | ${n(r.relationshipsPerSecond)} | ${r.transactions} |`,
  ),
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults(
  'import',
  { command, date: new Date().toISOString(), machine: m, loadAverageAfter: os.loadavg(), bulk: { runs: bulkRuns, summary: bulkSummary }, online: onlineRuns },
  md,
);
console.log(md);
