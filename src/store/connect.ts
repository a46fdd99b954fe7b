/**
 * Opens the store: an external Neo4j when NEO4J_URI is set; otherwise the embedded one on NEO4J_BOLT_PORT —
 * reusing one already listening there (the CLI next to a running server) or starting our own.
 */
import type { Config } from '../config.ts';
import { Database } from './database.ts';
import { isBoltListening, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.ts';

export interface OpenStore {
  db: Database;
  /** the embedded Neo4j we started, if any (stopped by close()) */
  embedded: EmbeddedNeo4j | null;
  mode: 'external' | 'embedded-shared' | 'embedded';
  close(): Promise<void>;
}

export async function openStore(config: Config, log: (msg: string) => void = () => {}): Promise<OpenStore> {
  const { neo4j } = config;
  let embedded: EmbeddedNeo4j | null = null;
  let uri: string;
  let mode: OpenStore['mode'];
  if (neo4j.uri) {
    uri = neo4j.uri;
    mode = 'external';
  } else if (await isBoltListening(neo4j.embeddedPort)) {
    uri = `bolt://127.0.0.1:${neo4j.embeddedPort}`;
    mode = 'embedded-shared';
    log(`Using the Neo4j already listening on ${uri}`);
  } else {
    log(`Starting embedded Neo4j (data in ${neo4j.embeddedDir}, Bolt port ${neo4j.embeddedPort})`);
    embedded = await startEmbeddedNeo4j({ dataDir: neo4j.embeddedDir, port: neo4j.embeddedPort, log });
    uri = embedded.uri;
    mode = 'embedded';
  }
  try {
    const db = await Database.connect({
      uri,
      user: neo4j.user,
      password: mode === 'external' ? neo4j.password : '',
      database: neo4j.database,
      log,
    });
    await db.applySchema();
    return {
      db,
      embedded,
      mode,
      async close() {
        await db.close();
        if (embedded) await embedded.stop();
      },
    };
  } catch (err) {
    if (embedded) await embedded.stop();
    throw err;
  }
}
