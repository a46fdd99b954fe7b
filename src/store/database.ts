/**
 * The connection to Neo4j: the only place that talks to neo4j-driver. Queries are named Cypher files
 * (cypher.ts); results come back as plain objects (integers as numbers, no driver types); driver errors are
 * turned into the app's errors here (constraint violation → 409, unreachable → 503).
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AppError, ConflictError, UnavailableError } from '../domain/errors.ts';
import { QUERIES, schemaStatements, type QueryName } from './cypher.ts';

export interface DatabaseOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  log?: (msg: string) => void;
  /** how long to keep retrying the first connection */
  connectTimeoutMs?: number;
}

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** What a write created, from the statement's summary counters (Neo4j counts what was new, not what MERGE matched). */
export interface Created {
  nodes: number;
  relationships: number;
}

/** A transaction handle for several queries that must land together. */
export interface WriteTx {
  run<T extends Row = Row>(name: QueryName, params?: Params): Promise<T[]>;
  /** runs a write and answers how many nodes and relationships it created */
  runCounting(name: QueryName, params?: Params): Promise<Created>;
}

/** Where a Database connects: enough for another thread to open its own connection to the same store. */
export type ConnectionOptions = Pick<DatabaseOptions, 'uri' | 'user' | 'password' | 'database' | 'connectTimeoutMs'>;

export class Database {
  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    readonly uri: string,
    /** the options it was opened with (the analysis thread opens its own driver with them) */
    readonly connection: ConnectionOptions,
  ) {}

  static async connect(opts: DatabaseOptions): Promise<Database> {
    // The embedded server runs with auth disabled on loopback and accepts any basic token.
    const auth = neo4j.auth.basic(opts.user ?? 'neo4j', opts.password ?? '');
    const driver = neo4j.driver(opts.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 20,
      connectionAcquisitionTimeout: 20_000,
    });
    const deadline = Date.now() + (opts.connectTimeoutMs ?? 30_000);
    for (;;) {
      try {
        await driver.verifyConnectivity({ database: opts.database });
        break;
      } catch (err) {
        if (Date.now() > deadline) {
          await driver.close();
          throw new UnavailableError(`Neo4j at ${opts.uri} did not answer: ${(err as Error).message}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return new Database(driver, opts.database, opts.uri, { uri: opts.uri, user: opts.user, password: opts.password, database: opts.database, connectTimeoutMs: opts.connectTimeoutMs });
  }

  /**
   * Applies constraints and indexes from cypher/schema (idempotent: IF NOT EXISTS), then waits until they are online
   * unless `awaitIndexes` is false (a bulk-imported store has work to do while its indexes are being populated).
   */
  async applySchema(opts: { awaitIndexes?: boolean } = {}): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      for (const s of schemaStatements()) await session.run(s.text);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
    if (opts.awaitIndexes ?? true) await this.awaitIndexes();
  }

  /** Waits until every index and constraint is online. */
  async awaitIndexes(timeoutSeconds = 300): Promise<void> {
    await this.read('await-indexes', { timeoutSeconds });
  }

  async read<T extends Row = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => runInTx<T>(tx, name, params));
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  async write<T extends Row = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.writeTx((tx) => tx.run<T>(name, params));
  }

  /** Runs several queries in one managed write transaction (retried on transient errors; all or nothing). */
  async writeTx<R>(work: (tx: WriteTx) => Promise<R>): Promise<R> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) =>
        work({
          run: (name, params = {}) => runInTx(tx, name, params),
          runCounting: async (name, params = {}) => {
            const updates = (await tx.run(QUERIES[name], params)).summary.counters.updates();
            return { nodes: updates.nodesCreated, relationships: updates.relationshipsCreated };
          },
        }),
      );
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  /** Streams a read query's rows without holding them all (for projections and exports). */
  async stream<T extends Row = Row>(name: QueryName, params: Params, onRow: (row: T) => void): Promise<number> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: 10_000,
    });
    try {
      return await session.executeRead(async (tx) => {
        let n = 0;
        for await (const record of tx.run(QUERIES[name], params)) {
          onRow(record.toObject() as T);
          n += 1;
        }
        return n;
      });
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  async version(): Promise<string> {
    const rows = await this.read<{ version: string }>('dbms-version');
    return rows[0]?.version ?? 'unknown';
  }

  async ping(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

async function runInTx<T extends Row>(tx: ManagedTransaction, name: QueryName, params: Params): Promise<T[]> {
  const result = await tx.run(QUERIES[name], params);
  return result.records.map((r) => r.toObject() as T);
}

/** Driver errors → app errors. Anything unexpected stays a 500 (without the driver's internals in the body). */
export function mapDriverError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; message?: string; gqlStatus?: string };
  const code = e?.code ?? '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(constraintMessage(e.message ?? ''), { neo4jCode: code });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new UnavailableError('Neo4j is unreachable; try again when it is back', { neo4jCode: code });
  }
  return err;
}

function constraintMessage(raw: string): string {
  const m = /already exists with label `(\w+)` and property `(\w+)` = '([^']*)'/.exec(raw);
  if (m) return `A ${m[1]} with ${m[2]} "${m[3]}" already exists`;
  const r = /relationship type `(\w+)` and property `(\w+)` = '([^']*)'/.exec(raw);
  if (r) return `A ${r[1]} tie with ${r[2]} "${r[3]}" already exists`;
  return 'The write clashes with an existing record (uniqueness constraint)';
}
