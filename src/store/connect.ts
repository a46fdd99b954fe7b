/**
 * Opens the store: an external Neo4j when NEO4J_URI is set; otherwise the embedded one on NEO4J_BOLT_PORT —
 * reusing one already listening there (the CLI next to a running server) or starting our own.
 */
import type { Config } from '../config.ts';
import { UnavailableError } from '../domain/errors.ts';
import { Database } from './database.ts';
import { isBoltListening, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.ts';

export interface OpenStore {
  db: Database;
  /** the embedded Neo4j we started, if any (stopped by close()) */
  embedded: EmbeddedNeo4j | null;
  mode: 'external' | 'embedded-shared' | 'embedded';
  /** how long starting Neo4j (when we did) and connecting took, and applying the schema */
  timings: { startMs: number; schemaMs: number };
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * Use a Neo4j already listening on the embedded port (the CLI next to a running server). The server itself
   * refuses a taken port instead: it would otherwise serve another instance's data folder.
   */
  reuseRunning?: boolean;
  /** wait until the indexes are online before returning (default true) */
  awaitIndexes?: boolean;
  log?: (msg: string) => void;
}

export async function openStore(config: Config, opts: OpenStoreOptions = {}): Promise<OpenStore> {
  const { neo4j } = config;
  const log = opts.log ?? (() => {});
  const started = Date.now();
  let embedded: EmbeddedNeo4j | null = null;
  let uri: string;
  let mode: OpenStore['mode'];
  if (neo4j.uri) {
    uri = neo4j.uri;
    mode = 'external';
  } else if (await isBoltListening(neo4j.embeddedPort)) {
    if (!opts.reuseRunning) {
      throw new UnavailableError(
        `A Neo4j is already listening on Bolt port ${neo4j.embeddedPort} (another Catalyst server?). Stop it, or give this ` +
          `instance its own port and data folder: NEO4J_BOLT_PORT=7688 CATALYST_DATA_DIR=./data2 npm start`,
      );
    }
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
    const connected = Date.now();
    await db.applySchema({ awaitIndexes: opts.awaitIndexes });
    return {
      db,
      embedded,
      mode,
      timings: { startMs: connected - started, schemaMs: Date.now() - connected },
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
