/**
 * vitest globalSetup: one real Neo4j for the whole suite. With NEO4J_URI set the suite uses that server;
 * otherwise it starts the embedded Neo4j in a throw-away folder on a free port and removes both afterwards.
 * Tests read the URI with `inject('neo4jUri')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort, prepareClassDataSharing, startEmbeddedNeo4j } from '../src/store/embedded-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** true when the suite started the embedded Neo4j, false when NEO4J_URI named a server */
    neo4jEmbedded: boolean;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.NEO4J_URI;
  if (external) {
    // Nothing to start; tests still read the URI the same way.
    project.provide('neo4jUri', external);
    project.provide('neo4jEmbedded', false);
    return;
  }

  // The suite starts Neo4j a dozen times: have the JVM's class-data archive ready first (once per classpath).
  await prepareClassDataSharing((msg) => process.stderr.write(`${msg}\n`));
  const dataDir = await mkdtemp(join(tmpdir(), 'catalyst-neo4j-test-'));
  const port = await findFreePort();
  const neo4j = await startEmbeddedNeo4j({ dataDir, port, log: (msg) => process.stderr.write(`${msg}\n`) }).catch(
    async (error: unknown) => {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    },
  );
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jEmbedded', true);
  process.env.NEO4J_URI = neo4j.uri;

  return async () => {
    await neo4j.stop();
    delete process.env.NEO4J_URI;
    await rm(dataDir, { recursive: true, force: true });
  };
}
