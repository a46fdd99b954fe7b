/**
 * The CLI as a user runs it: `catalyst import` of the full bitcoin-otc file into an empty database, again
 * (nothing added), and a copy with line 1234 corrupted (fails naming the line, database unchanged).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDb, neo4jUri } from '../support/app.ts';
import { sharedPath } from '../support/shared.ts';
import { GraphRepository } from '../../src/store/graph.repository.ts';
import type { Database } from '../../src/store/database.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let db: Database;
let graph: GraphRepository;

function catalyst(...args: string[]) {
  return run(process.execPath, [path.join(root, 'bin/catalyst.js'), ...args], {
    cwd: root,
    env: { ...process.env, NEO4J_URI: neo4jUri() },
    maxBuffer: 16 * 1024 * 1024,
  });
}

beforeAll(async () => {
  db = await connectTestDb();
  graph = new GraphRepository(db);
  await graph.clear();
});
afterAll(async () => {
  await db.close();
});

describe('catalyst import (bitcoin-otc, snap-signed)', () => {
  const file = () => sharedPath('data/bitcoin-otc/soc-sign-bitcoinotc.csv');

  it('imports 5,881 people and 35,592 events into an empty database', async () => {
    const { stdout } = await catalyst('import', file(), '--format', 'snap-signed');
    expect(stdout).toContain('35,592 lines');
    expect(await graph.counts()).toEqual({ people: 5881, events: 35592, ties: 0, introductions: 0 });
  }, 600_000);

  it('fails on a copy with line 1234 corrupted, naming the line, and leaves the database as it was', async () => {
    const lines = readFileSync(file(), 'utf8').split('\n');
    lines[1233] = '17,oops,notanumber,1289241911';
    const dir = mkdtempSync(path.join(tmpdir(), 'catalyst-cli-'));
    const corrupted = path.join(dir, 'corrupted.csv');
    writeFileSync(corrupted, lines.join('\n'));
    const err = await catalyst('import', corrupted, '--format', 'snap-signed').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err).not.toBeNull();
    expect(err!.code).toBe(1);
    expect(err!.stderr).toContain('line 1234');
    expect(err!.stderr).toContain('nothing was written');
    expect(await graph.counts()).toEqual({ people: 5881, events: 35592, ties: 0, introductions: 0 });
  }, 600_000);

  it('running it again adds nothing', async () => {
    await catalyst('import', file(), '--format', 'snap-signed');
    expect(await graph.counts()).toEqual({ people: 5881, events: 35592, ties: 0, introductions: 0 });
  }, 600_000);

  it('--skip-invalid writes the valid rows of a file with bad lines and lists them', async () => {
    await graph.clear();
    const dir = mkdtempSync(path.join(tmpdir(), 'catalyst-cli-'));
    const f = path.join(dir, 'few.csv');
    writeFileSync(f, '1,2,5,1289241911\n3,4,11,1289241912\n5,6,-3,1289241913\n');
    const { stdout } = await catalyst('import', f, '--format', 'snap-signed', '--skip-invalid');
    expect(stdout).toContain('Skipped 1 invalid line');
    expect(stdout).toMatch(/line 2: .*RATING/);
    expect((await graph.counts()).events).toBe(2);
  }, 120_000);

  it('explains a missing --format and an unknown command', async () => {
    const e1 = await catalyst('import', 'x.csv').catch((e: { code: number; stderr: string }) => e);
    expect((e1 as { stderr: string }).stderr).toContain('--format is required');
    const e2 = await catalyst('frobnicate').catch((e: { code: number; stderr: string }) => e);
    expect((e2 as { stderr: string }).stderr).toContain('unknown command');
  });
});
