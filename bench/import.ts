/**
 * Import benchmark: Slashdot (948,464 edges, as KNOWS ties: snap-temporal's two-column rows) and bitcoin-otc
 * (35,592 ratings, as events with DROVE + REACHED) into a fresh embedded Neo4j, through the same ImportService
 * the CLI and the API use. Records rows/s, relationships/s and wall time.
 *
 *   npx tsx bench/import.ts            (needs ../shared/data; writes bench/results/import.{json,md})
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../src/services/index.ts';
import { Database } from '../src/store/database.ts';
import { findFreePort, startEmbeddedNeo4j } from '../src/store/embedded-neo4j.ts';
import { machine, machineMarkdown, round, writeResults } from './support.ts';

const shared = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../shared'));
const datasets = [
  {
    name: 'bitcoin-otc',
    file: path.join(shared, 'data/bitcoin-otc/soc-sign-bitcoinotc.csv'),
    format: 'snap-signed',
    relationshipsPerRecord: { events: 2, ties: 1 },
  },
  {
    name: 'soc-slashdot0902',
    file: path.join(shared, 'data/soc-slashdot0902/soc-Slashdot0902.txt.gz'),
    format: 'snap-temporal',
    relationshipsPerRecord: { events: 2, ties: 1 },
  },
];

const m = machine();
const dir = mkdtempSync(path.join(os.tmpdir(), 'catalyst-bench-import-'));
const neo4j = await startEmbeddedNeo4j({ dataDir: dir, port: await findFreePort(), log: () => {} });
const db = await Database.connect({ uri: neo4j.uri });
await db.applySchema();
const services = createServices(db);
const results = [];
try {
  for (const run of ['cold', 'warm'] as const) for (const d of datasets) {
    // cold: the first import into a freshly started Neo4j (JIT and query plans cold); warm: the same again after a clear
    await services.graph.clear();
    const t0 = performance.now();
    let lastLog = 0;
    const r = await services.importer.import({
      format: d.format,
      open: () => createReadStream(d.file),
      onProgress: (p) => {
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          console.error(`${d.name}: ${p.phase} ${p.lines.toLocaleString('en-US')} lines`);
        }
      },
    });
    const wall = (performance.now() - t0) / 1000;
    const rels = r.written.events * d.relationshipsPerRecord.events + r.written.ties * d.relationshipsPerRecord.ties;
    const counts = await services.graph.counts();
    const row = {
      run,
      dataset: d.name,
      format: d.format,
      lines: r.lines,
      written: r.written,
      stored: counts,
      wallSeconds: round(wall, 1),
      recordsPerSecond: Math.round((r.written.events + r.written.ties) / wall),
      relationshipsPerSecond: Math.round(rels / wall),
      relationships: rels,
      transactions: r.transactions,
    };
    console.error(JSON.stringify(row));
    results.push(row);
  }
} finally {
  await db.close();
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}

const command = 'npx tsx bench/import.ts';
const md = [
  '# Import benchmark',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  'One embedded Neo4j 5.26 (1 GiB heap, 256 MiB page cache) started for the benchmark; each import goes into an emptied database.',
  '"cold" is the first import after start-up (JIT and query plans cold), "warm" the same import again after a clear.',
  'The ImportService validates the whole file, stores the people, then writes batches of 5,000 with two transactions in flight (CREATE into an empty database).',
  'Slashdot rows are KNOWS ties (1 relationship each); bitcoin-otc rows are rating events (1 node + DROVE + REACHED).',
  '',
  '| run | dataset | rows | stored (people / events / ties) | wall | rows/s | relationships/s | transactions |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.run} | ${r.dataset} | ${r.lines.toLocaleString('en-US')} | ${r.stored.people.toLocaleString('en-US')} / ${r.stored.events.toLocaleString('en-US')} / ${r.stored.ties.toLocaleString('en-US')} | ${r.wallSeconds} s | ${r.recordsPerSecond.toLocaleString('en-US')} | ${r.relationshipsPerSecond.toLocaleString('en-US')} | ${r.transactions} |`,
  ),
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults('import', { command, date: new Date().toISOString(), machine: m, loadAverageAfter: os.loadavg(), results }, md);
console.log(md);
