/**
 * The store side of the bulk import: reading the importer's progress, and what a failed or refused import leaves
 * behind (nothing: the store folder as it was, no temporary files). One importer run, no Neo4j start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BulkImportError, BulkImportUnsupportedError } from '../../src/domain/errors.ts';
import { BulkImport, ImporterProgress, storeExists } from '../../src/store/bulk-import.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'catalyst-bulk-store-'));
  dirs.push(dir);
  return dir;
}

/** What neo4j-admin 5.26 prints for a stage: a header, then 20 rows of 50 dots (the first starts with '-'). */
function stage(k: number, name: string): string {
  const rows = Array.from({ length: 20 }, (_, i) => {
    const dots = `${'.'.repeat(10)} `.repeat(5).trimEnd();
    return `${i === 0 ? `-${dots.slice(1)}` : dots} ${String((i + 1) * 5).padStart(3)}% ∆1ms [${i}ms]`;
  });
  return `(${k}/4) ${name} 2026-11-22 18:18:47.614+0000\n  Estimated number of nodes: 9.00 \n${rows.join('\n')}\n${name} COMPLETED in 329ms\n\n`;
}

describe('ImporterProgress', () => {
  it('turns the stages and their dots into one percentage, whatever the chunking', () => {
    const output =
      'Neo4j version: 5.26.30\nImporting the contents of these files into /x:\n' +
      stage(1, 'Node import') +
      stage(2, 'Relationship import') +
      stage(3, 'Relationship linking') +
      stage(4, 'Post processing') +
      'IMPORT DONE in 1s 484ms. \nImported:\n  9 nodes\n  12 relationships\n  30 properties\nPeak memory usage: 1.004GiB\n';
    const feed = (size: number) => {
      const progress = new ImporterProgress();
      const seen: number[] = [];
      for (let i = 0; i < output.length; i += size) {
        const p = progress.feed(output.slice(i, i + size));
        if (p !== null) seen.push(p);
      }
      expect(progress.lines).toContain('IMPORT DONE in 1s 484ms. ');
      // The summary's counts, which run() checks against the rows written.
      expect(progress.imported()).toEqual({ nodes: 9, relationships: 12 });
      return seen;
    };
    for (const size of [1, 7, 64]) {
      const seen = feed(size);
      expect(seen.every((p, i) => i === 0 || p > seen[i - 1]!)).toBe(true);
      expect(seen.at(-1)).toBe(100);
      expect(seen).toContain(25);
      expect(seen).toContain(50);
      expect(seen.some((p) => p > 60 && p < 70)).toBe(true);
    }
    expect(feed(output.length)).toEqual([100]);
  });

  it('has no counts until the importer printed its summary', () => {
    const progress = new ImporterProgress();
    progress.feed('Imported:\n  9 nodes\n');
    expect(progress.imported()).toBeNull();
    progress.feed('  0 relationships\n');
    expect(progress.imported()).toEqual({ nodes: 9, relationships: 0 });
  });

  it('stays at 0 before the first stage', () => {
    const progress = new ImporterProgress();
    expect(progress.feed('Neo4j version: 5.26.30\n... preparing\n')).toBeNull();
    expect(progress.percent()).toBe(0);
  });
});

describe('BulkImport', () => {
  it('a failed import leaves the store folder as it was and removes its temporary files', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const workDir = path.join(dir, 'data');
    const storeDir = path.join(workDir, 'neo4j');
    const files = await BulkImport.begin({ storeDir, workDir });
    files.barePerson('ana');
    // A tie to a person that is in no node file: the importer fails (bad-tolerance 0).
    files.tie({ id: 'ana->ghost', from: 'ana', to: 'ghost', trust: 0.5, since: null, lastContact: null });
    const err = await files.run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkImportError);
    expect((err as Error).message).toMatch(/bulk importer failed \(exit code \d+\); the store in .* was left as it was/);
    expect(existsSync(storeDir)).toBe(false);
    // The data folder did not exist before: it is gone again.
    expect(existsSync(workDir)).toBe(false);
  });

  it('refuses to write over an existing store without touching it', async () => {
    const dir = await tempDir();
    const storeDir = path.join(dir, 'neo4j');
    await mkdir(path.join(storeDir, 'data', 'databases', 'neo4j'), { recursive: true });
    expect(storeExists(storeDir)).toBe(true);
    const files = await BulkImport.begin({ storeDir, workDir: dir });
    files.barePerson('ana');
    await expect(files.run()).rejects.toThrow(/A store exists in .* already/);
    expect(await readdir(path.join(storeDir, 'data', 'databases', 'neo4j'))).toEqual([]);
    expect(await readdir(dir)).toEqual(['neo4j']);
  });

  it("starts the importer's JVM at begin() and stops it when the import is discarded", { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    const files = await BulkImport.begin({ storeDir: path.join(dir, 'neo4j'), workDir: dir });
    // The JVM warms up in the import's temporary folder while the files are written.
    const importers = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((a) => a.includes('dev.catalyst.BulkImporter') && a.includes(dir));
    expect(importers()).toHaveLength(1);
    files.barePerson('ana');
    await files.discard();
    expect(importers()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a list item holding U+001F, the importer list separator', async () => {
    const dir = await tempDir();
    const files = await BulkImport.begin({ storeDir: path.join(dir, 'neo4j'), workDir: dir });
    expect(() => files.person({ id: 'ana', name: 'Ana', sectors: ['music\u001fdance'], offers: [], seeks: [] })).toThrow(
      BulkImportUnsupportedError,
    );
    await files.discard();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses one introduction id given to introductions between different people', async () => {
    const dir = await tempDir();
    const files = await BulkImport.begin({ storeDir: path.join(dir, 'neo4j'), workDir: dir });
    const intro = { id: 'i1', introducer: 'x', a: 'a', b: 'b', at: '2024-01-01T00:00:00.000Z', status: 'made' as const, value: null, note: '', outcomeAt: null };
    files.introduction(intro);
    files.introduction({ ...intro, status: 'accepted' });
    expect(() => files.introduction({ ...intro, b: 'c' })).toThrow(/given to two introductions between different people/);
    await files.discard();
  });
});
