/**
 * Start-up of the embedded Neo4j with and without the JVM's class-data archive (CATALYST_NEO4J_CDS): RUNS pairs of
 * starts, alternating (with, without) so both see the same machine load, each into a new empty data folder on a free
 * port; the time runs from startEmbeddedNeo4j() to Bolt answering. Medians and the ratio of medians.
 *
 *   npx tsx bench/neo4j-start.ts      (writes bench/results/neo4j-start.{json,md}; prepares the archive if missing)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, prepareClassDataSharing, startEmbeddedNeo4j } from '../src/store/embedded-neo4j.ts';
import { machine, machineMarkdown, median, round, writeResults } from './support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const m = machine();
await prepareClassDataSharing((msg) => console.error(msg));

const runs: { mode: 'on' | 'off'; run: number; startSeconds: number; stopSeconds: number }[] = [];
for (let run = 1; run <= RUNS; run += 1) {
  for (const mode of ['on', 'off'] as const) {
    process.env.CATALYST_NEO4J_CDS = mode;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalyst-bench-start-'));
    try {
      const t0 = performance.now();
      const neo4j = await startEmbeddedNeo4j({ dataDir: dir, port: await findFreePort(), log: () => {} });
      const ready = performance.now();
      await neo4j.stop();
      const row = { mode, run, startSeconds: round((ready - t0) / 1000), stopSeconds: round((performance.now() - ready) / 1000) };
      console.error(JSON.stringify(row));
      runs.push(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
delete process.env.CATALYST_NEO4J_CDS;

const summary = (['on', 'off'] as const).map((mode) => {
  const mine = runs.filter((r) => r.mode === mode);
  return { mode, medianStartSeconds: round(median(mine.map((r) => r.startSeconds))), all: mine.map((r) => r.startSeconds) };
});
const [on, off] = summary;
const command = 'npx tsx bench/neo4j-start.ts';
const md = [
  '# Embedded Neo4j start-up',
  '',
  `Command: \`${command}\` (${new Date().toISOString()}). ${machineMarkdown(m)}`,
  `${RUNS} pairs of starts, alternating with and without the class-data archive, each into a new empty data folder; the`,
  'time runs from startEmbeddedNeo4j() until Bolt answers (JVM start, Neo4j start, the ready line, a Bolt handshake).',
  '',
  '| class-data archive | median start | each run |',
  '|---|---|---|',
  ...summary.map((s) => `| ${s.mode} | ${s.medianStartSeconds} s | ${s.all.map((x) => `${x} s`).join(', ')} |`),
  '',
  `Ratio of medians (with / without): **${round(on!.medianStartSeconds / off!.medianStartSeconds)}**.`,
  '',
  `Load average at the end: ${os.loadavg().map((x) => round(x)).join(' / ')}.`,
].join('\n');
writeResults('neo4j-start', { command, date: new Date().toISOString(), machine: m, runs, summary }, md);
console.log(md);
