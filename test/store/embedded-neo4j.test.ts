import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  EmbeddedNeo4jError,
  findFreePort,
  isBoltListening,
  loadLauncherBuilder,
  startEmbeddedNeo4j,
} from '../../src/store/embedded-neo4j.ts';

const quiet = (): void => {};

/** `serverAuth`: use NEO4J_USER/NEO4J_PASSWORD (an external server); embedded instances run without auth. */
function driverFor(uri: string, serverAuth: boolean): Driver {
  const user = process.env.NEO4J_USER;
  const auth = serverAuth && user ? neo4j.auth.basic(user, process.env.NEO4J_PASSWORD ?? '') : undefined;
  return neo4j.driver(uri, auth);
}

async function returnOne(uri: string, serverAuth = false): Promise<number> {
  const driver = driverFor(uri, serverAuth);
  try {
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    return records[0].get('one').toNumber();
  } finally {
    await driver.close();
  }
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('embedded Neo4j', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'catalyst-neo4j-unit-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  it('the suite-wide Neo4j answers Cypher over Bolt', async () => {
    const uri = inject('neo4jUri');
    const external = !inject('neo4jEmbedded');
    expect(uri).toMatch(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//);
    expect(await returnOne(uri, external)).toBe(1);

    const driver = driverFor(uri, external);
    try {
      const { records } = await driver.executeQuery(
        'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      );
      const kernel = records.find((record) => record.get('name') === 'Neo4j Kernel');
      expect(kernel).toBeDefined();
      // The embedded launcher pins 5.26.x (the last line that runs on Java 17); an external server only needs 5.x.
      expect(kernel!.get('version')).toMatch(external ? /^5\./ : /^5\.26\.\d+$/);
    } finally {
      await driver.close();
    }
  });

  // Starting a fresh store takes 10-15 s on an idle 2-core machine, several times that on a busy one.
  it(
    'starts a second instance, refuses a second start on its locked folder, and frees the port on stop()',
    { timeout: 180_000 },
    async () => {
      const dataDir = await tempDir();
      const port = await findFreePort();
      const instance = await startEmbeddedNeo4j({ dataDir, port, log: quiet });
      cleanups.push(() => instance.stop());

      expect(instance.uri).toBe(`bolt://127.0.0.1:${port}`);
      expect(instance.version).toMatch(/^5\.26\.\d+$/);
      expect(await isBoltListening(port)).toBe(true);
      expect(await returnOne(instance.uri)).toBe(1);
      // Its JVM maps the class-data archive the suite's setup prepared (Neo4j's classes from one prepared image).
      const { cdsArchive } = await (await loadLauncherBuilder()).ensureLauncherBuilt({ log: quiet });
      expect(cdsArchive).toMatch(/launcher-[0-9a-f]{16}\.jsa$/);
      expect(existsSync(cdsArchive!)).toBe(true);
      if (process.platform === 'linux') expect(readFileSync(`/proc/${instance.pid}/maps`, 'utf8')).toContain(cdsArchive!);

      const otherPort = await findFreePort();
      const locked = startEmbeddedNeo4j({ dataDir, port: otherPort, log: quiet });
      locked.then((unexpected) => cleanups.push(() => unexpected.stop()), quiet);
      await expect(locked).rejects.toBeInstanceOf(EmbeddedNeo4jError);
      await expect(locked).rejects.toThrow(/is locked: another Neo4j process is using it/);

      const stopStarted = Date.now();
      await instance.stop();
      expect(Date.now() - stopStarted).toBeLessThan(15_000);
      expect(processIsAlive(instance.pid)).toBe(false);
      expect(await isBoltListening(port)).toBe(false);
      // Really free: we can listen on it ourselves.
      await closeServer(await listenOn(port));
      // stop() is idempotent.
      await instance.stop();
    },
  );

  it('fails fast with a clear error when the port is already in use', async () => {
    const dataDir = await tempDir();
    const port = await findFreePort();
    const squatter = await listenOn(port);
    cleanups.push(() => closeServer(squatter));

    const started = Date.now();
    const attempt = startEmbeddedNeo4j({ dataDir, port, log: quiet, startTimeoutMs: 45_000 });
    // Should it start anyway, stop it so the suite does not leak a JVM.
    attempt.then((unexpected) => cleanups.push(() => unexpected.stop()), quiet);
    const error = await attempt.then(() => null, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(EmbeddedNeo4jError);
    expect((error as EmbeddedNeo4jError).message).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect((error as EmbeddedNeo4jError).exitCode).toBe(3);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
