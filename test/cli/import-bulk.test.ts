/**
 * `catalyst import` through the bulk importer, as a user runs it with no NEO4J_URI: a new CATALYST_DATA_DIR (its own
 * port), the full bitcoin-otc file, a copy with line 1234 corrupted, and the refusals of `--mode bulk`.
 * Three Neo4j start-ups: after the import, to check the store before refusing, and `catalyst stats`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, isBoltListening } from '../../src/store/embedded-neo4j.ts';
import { neo4jUri } from '../support/app.ts';
import { sharedPath } from '../support/shared.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'catalyst-cli-bulk-'));
let port: number;

/** The CLI with its own data folder and port, as without a server: NEO4J_URI (set for the suite) removed. */
function catalyst(args: string[], env: Record<string, string> = {}) {
  const { NEO4J_URI: _suiteUri, ...inherited } = process.env;
  return run(process.execPath, [path.join(root, 'bin/catalyst.js'), ...args], {
    cwd: root,
    env: { ...inherited, CATALYST_DATA_DIR: path.join(dir, 'data'), NEO4J_BOLT_PORT: String(port), ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}

function failure(e: unknown): { code: number; stdout: string; stderr: string } {
  return e as { code: number; stdout: string; stderr: string };
}

beforeAll(async () => {
  port = await findFreePort();
});
afterAll(async () => {
  // Every command stops the Neo4j it started; a failed test must not leave one behind either.
  expect(await isBoltListening(port)).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

describe('catalyst import, bulk path (bitcoin-otc, snap-signed)', () => {
  const file = () => sharedPath('data/bitcoin-otc/soc-sign-bitcoinotc.csv');
  const storeDir = () => path.join(dir, 'data', 'neo4j');

  it('a copy with line 1234 corrupted fails naming the line and creates no store', { timeout: 120_000 }, async () => {
    const lines = readFileSync(file(), 'utf8').split('\n');
    lines[1233] = '17,oops,notanumber,1289241911';
    const corrupted = path.join(dir, 'corrupted.csv');
    writeFileSync(corrupted, lines.join('\n'));
    const err = failure(await catalyst(['import', corrupted, '--format', 'snap-signed']).then(() => null, (e: unknown) => e));
    expect(err).not.toBeNull();
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('Bulk import into a new store');
    expect(err.stderr).toContain('line 1234');
    expect(err.stderr).toContain('nothing was written');
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('imports 5,881 people and 35,592 events into a new data folder through the bulk importer', { timeout: 300_000 }, async () => {
    const { stdout, stderr } = await catalyst(['import', file(), '--format', 'snap-signed']);
    expect(stderr).toContain(`Bulk import into a new store in ${storeDir()}`);
    expect(stdout).toContain('with the bulk importer');
    expect(stdout).toContain('35,592 lines');
    expect(stdout).toContain('Stored: 5,881 people, 35,592 events, 0 ties, 0 introductions (41,473 nodes, 71,184 relationships)');
    expect(stdout).toMatch(/neo4j-admin import \d/);
    // Neo4j is not started by the import: the next start applies the schema (the next test opens the store).
    expect(stdout).toContain('builds the indexes when it next opens the store');
    // Only the store is left in the data folder: the importer's temporary files are gone.
    expect(readdirSync(path.join(dir, 'data'))).toEqual(['neo4j']);
  });

  it('--mode bulk refuses the now non-empty store and changes nothing', { timeout: 300_000 }, async () => {
    const err = failure(await catalyst(['import', file(), '--format', 'snap-signed', '--mode', 'bulk']).then(() => null, (e: unknown) => e));
    expect(err).not.toBeNull();
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('is not empty (5881 people, 35592 events, 0 ties, 0 introductions)');
    expect(err.stderr).toContain('nothing was done');
    const { stdout } = await catalyst(['stats']);
    expect(JSON.parse(stdout)).toEqual({ people: 5881, events: 35592, ties: 0, introductions: 0 });
  });

  it('--mode bulk refuses when NEO4J_URI is set or a Neo4j listens on the port, before reading the file', async () => {
    const withUri = failure(
      await catalyst(['import', file(), '--format', 'snap-signed', '--mode', 'bulk'], { NEO4J_URI: neo4jUri() }).then(() => null, (e: unknown) => e),
    );
    expect(withUri.code).toBe(1);
    expect(withUri.stderr).toContain('NEO4J_URI is set');
    const suitePort = new URL(neo4jUri()).port;
    const busy = failure(
      await catalyst(['import', file(), '--format', 'snap-signed', '--mode', 'bulk'], { NEO4J_BOLT_PORT: suitePort }).then(() => null, (e: unknown) => e),
    );
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`a Neo4j is listening on port ${suitePort}`);
    const badMode = failure(await catalyst(['import', file(), '--format', 'snap-signed', '--mode', 'fast']).then(() => null, (e: unknown) => e));
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain('--mode must be one of auto, online, bulk');
  });
});
