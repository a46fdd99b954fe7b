/**
 * `catalyst import FILE --format F [--skip-invalid] [--mode auto|online|bulk]`: picks the import path and runs it
 * with a progress bar.
 *
 * - online: the ImportService over Bolt (the server's Neo4j when one listens on the embedded port, NEO4J_URI, or an
 *   embedded Neo4j started for the command). Works into any store.
 * - bulk: the BulkImportService (Neo4j's bulk importer) writes a new embedded store; Neo4j is not started (the next
 *   start, `npm start` or any catalyst command, applies the schema and builds the indexes). The same stored graph;
 *   faster than the online path when Neo4j would have to be started anyway (a new data folder), more so the larger
 *   the file. Only when nothing else uses the store.
 * - auto (default): bulk when no NEO4J_URI is set, no Neo4j listens on the embedded port and the embedded store does
 *   not exist yet; online otherwise. `--mode bulk` also replaces an existing store that holds nothing.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Config } from '../config.ts';
import { BulkImportService, type BulkImportResult } from '../services/bulk-import.service.ts';
import { createServices } from '../services/index.ts';
import { BulkImportUnsupportedError } from '../domain/errors.ts';
import { describeWritten } from '../domain/import-counts.ts';
import { storeExists } from '../store/bulk-import.ts';
import { openStore } from '../store/connect.ts';
import { isBoltListening } from '../store/embedded-neo4j.ts';
import { ProgressBar, formatSeconds } from './progress.ts';

export const IMPORT_MODES = ['auto', 'online', 'bulk'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportCommandOptions {
  format: string;
  skipInvalid: boolean;
  mode: ImportMode;
}

const log = (msg: string): void => console.error(msg);
const n = (x: number): string => x.toLocaleString('en-US');

/** Runs the command; returns the exit code (errors other than refusals are thrown). */
export async function runImport(config: Config, file: string, opts: ImportCommandOptions): Promise<number> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`catalyst import: cannot read ${file}`);
    return 2;
  }
  const choice = await choosePath(config, opts.mode);
  if ('refused' in choice) {
    console.error(`catalyst import --mode bulk: ${choice.refused}`);
    return 1;
  }
  if (choice.path === 'bulk') {
    try {
      return await bulkImport(config, file, size, opts);
    } catch (err) {
      if (!(err instanceof BulkImportUnsupportedError) || opts.mode === 'bulk') throw err;
      log(`The bulk importer cannot write this file (${err.message}); importing online instead.`);
    }
  } else if (opts.mode === 'auto') {
    log(`Importing online: ${choice.reason}.`);
  }
  return onlineImport(config, file, size, opts);
}

type PathChoice = { path: 'bulk' } | { path: 'online'; reason: string } | { refused: string };

async function choosePath(config: Config, mode: ImportMode): Promise<PathChoice> {
  const { neo4j } = config;
  if (mode === 'online') return { path: 'online', reason: '--mode online' };
  if (neo4j.uri) {
    const reason = `NEO4J_URI is set (${neo4j.uri}); the bulk importer only writes the embedded store`;
    return mode === 'bulk' ? { refused: `${reason}. Unset NEO4J_URI, or use --mode online.` } : { path: 'online', reason };
  }
  if (await isBoltListening(neo4j.embeddedPort)) {
    const reason = `a Neo4j is listening on port ${neo4j.embeddedPort} (a running Catalyst server?)`;
    return mode === 'bulk'
      ? { refused: `${reason}; the bulk importer writes the store files directly. Stop it first, or use --mode online.` }
      : { path: 'online', reason };
  }
  if (mode === 'auto' && storeExists(neo4j.embeddedDir)) {
    return { path: 'online', reason: `the store in ${neo4j.embeddedDir} exists (the bulk importer only writes a new one)` };
  }
  return { path: 'bulk' };
}

async function onlineImport(config: Config, file: string, size: number, opts: ImportCommandOptions): Promise<number> {
  const store = await openStore(config, { reuseRunning: true, log });
  try {
    const services = createServices(store.db);
    const bar = new ProgressBar({ label: 'validating', total: size });
    const summary = await services.importer.import({
      format: opts.format,
      open: () => createReadStream(file),
      skipInvalid: opts.skipInvalid,
      onProgress: (p) => bar.update(p.bytes, p.lines, p.phase),
    });
    bar.finish();
    console.log(
      `Imported ${file} (${summary.format}) in ${formatSeconds(summary.ms / 1000)}: ${n(summary.lines)} lines, ` +
        `written ${describeWritten(summary.written, summary.created)}; ` +
        `${n(summary.rowsPerSecond)} rows/s.`,
    );
    printSkipped(summary.skipped);
    return 0;
  } finally {
    await store.close();
  }
}

async function bulkImport(config: Config, file: string, size: number, opts: ImportCommandOptions): Promise<number> {
  const replaceEmptyStore = storeExists(config.neo4j.embeddedDir);
  log(
    replaceEmptyStore
      ? `Bulk import: checking that the store in ${config.neo4j.embeddedDir} is empty, then replacing it`
      : `Bulk import into a new store in ${config.neo4j.embeddedDir}`,
  );
  const bulk = new BulkImportService({
    storeDir: config.neo4j.embeddedDir,
    workDir: config.dataDir,
    open: ({ awaitIndexes }) => openStore(config, { awaitIndexes, log }),
  });
  // Ctrl-C: exit through process.exit so the importer is killed and its temporary files removed.
  const interrupted = (): void => process.exit(130);
  process.once('SIGINT', interrupted);
  let bar = new ProgressBar({ label: 'validating + writing CSV', total: size });
  let importing = false;
  let lines = 0;
  try {
    const result = await bulk.import({
      format: opts.format,
      open: () => createReadStream(file),
      skipInvalid: opts.skipInvalid,
      replaceEmptyStore,
      onProgress: (p) => {
        if (p.phase === 'validating') {
          lines = p.lines;
          bar.update(p.bytes, p.lines);
          return;
        }
        if (!importing) {
          importing = true;
          bar.finish();
          bar = new ProgressBar({ label: 'bulk import (neo4j-admin)', total: 100 });
        }
        bar.update(p.percent, Math.round((lines * p.percent) / 100));
      },
    });
    bar.finish();
    printBulkSummary(file, result);
    printSkipped(result.skipped);
    return 0;
  } finally {
    process.off('SIGINT', interrupted);
  }
}

function printBulkSummary(file: string, r: BulkImportResult): void {
  const p = r.phases;
  const s = (ms: number) => formatSeconds(ms / 1000);
  const stored = r.stored;
  console.log(
    `Imported ${file} (${r.format}) with the bulk importer in ${s(r.ms)}: ${n(r.lines)} lines, ` +
      `${n(r.written.people)} people, ${n(r.written.events)} events, ${n(r.written.ties)} ties, ` +
      `${n(r.written.introductions)} introductions written; ${n(r.rowsPerSecond)} rows/s, ` +
      `${n(Math.round(r.relationships / Math.max(r.ms / 1000, 0.001)))} relationships/s.`,
  );
  console.log(
    `Stored: ${n(stored.people)} people, ${n(stored.events)} events, ${n(stored.ties)} ties, ` +
      `${n(stored.introductions)} introductions (${n(r.nodes)} nodes, ${n(r.relationships)} relationships).`,
  );
  console.log(
    `Time: ${p.checkMs > 0 ? `checking the old store ${s(p.checkMs)}, ` : ''}validating + writing CSV ${s(p.readMs)}, ` +
      `neo4j-admin import ${s(p.bulkImportMs)}.`,
  );
  console.log(
    'Neo4j applies the schema and builds the indexes when it next opens the store: `npm start`, or any catalyst command.',
  );
}

function printSkipped(skipped: { line: number; message: string }[]): void {
  if (skipped.length === 0) return;
  console.log(`Skipped ${skipped.length} invalid line(s):`);
  for (const s of skipped.slice(0, 50)) console.log(`  line ${s.line}: ${s.message}`);
  if (skipped.length > 50) console.log(`  ... and ${skipped.length - 50} more`);
}
