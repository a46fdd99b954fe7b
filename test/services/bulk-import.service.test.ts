/**
 * The bulk import stores exactly what the online import stores. For a small file of each importable format (with
 * awkward strings and merge cases, test/support/import-fixtures.ts): the online ImportService into the suite's
 * Neo4j, and the BulkImportService into a fresh store of its own (own folder, own port), must give the same export
 * in every writable format, the same nodes and relationships with the same property types and values, and the same
 * schema, online.
 *
 * Each bulk import starts a Neo4j of its own (10-20 s); one case also replaces an existing empty store, the path of
 * `catalyst import --mode bulk`.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DOMParser } from '@xmldom/xmldom';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import type { Attributes } from 'graphology-types';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { BulkImportUnsupportedError, ImportRejectedError } from '../../src/domain/errors.ts';
import type { RecordCounts } from '../../src/domain/import-counts.ts';
import { BulkImportService } from '../../src/services/bulk-import.service.ts';
import { ExportService } from '../../src/services/export.service.ts';
import { GraphVersion } from '../../src/services/graph-version.ts';
import { ImportService } from '../../src/services/import.service.ts';
import { storeExists } from '../../src/store/bulk-import.ts';
import { openStore, type OpenStore } from '../../src/store/connect.ts';
import type { Database } from '../../src/store/database.ts';
import { findFreePort } from '../../src/store/embedded-neo4j.ts';
import { GraphRepository } from '../../src/store/graph.repository.ts';
import { connectTestDb, neo4jUri } from '../support/app.ts';
import { FIXED_NOW, IMPORT_FIXTURES, type ImportFixture } from '../support/import-fixtures.ts';

const EXPORT_FORMATS = ['people-csv', 'ties-csv', 'events-ndjson', 'introductions-csv', 'gexf', 'graphml'] as const;

let online: Database;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  online = await connectTestDb();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await online.close();
});

async function freshTarget(): Promise<{ config: Config; bulk: BulkImportService }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'catalyst-bulk-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const config = loadConfig({ CATALYST_DATA_DIR: path.join(dir, 'data'), NEO4J_BOLT_PORT: String(await findFreePort()) });
  return { config, bulk: bulkService(config) };
}

function bulkService(config: Config): BulkImportService {
  return new BulkImportService(
    {
      storeDir: config.neo4j.embeddedDir,
      workDir: config.dataDir,
      open: async ({ awaitIndexes }) => {
        const store = await openStore(config, { awaitIndexes });
        // Stopped in afterAll too, should a test fail before closing it.
        cleanups.push(() => store.close());
        return store;
      },
    },
    () => FIXED_NOW,
  );
}

/**
 * An export with its records in a fixed order. Exports list people, ties and introductions in the store's order,
 * which is not the same for the same graph written twice (the suite's database reuses the ids of deleted nodes), and
 * GEXF/GraphML declare their attributes in the order they first meet them. So CSV records (a quoted field may hold
 * a line break) and NDJSON lines are compared as sorted lists, and GEXF/GraphML as the graph they describe (read
 * back by graphology): sorted nodes and edges with their typed attributes.
 */
function canonical(format: (typeof EXPORT_FORMATS)[number], text: string): string {
  if (format === 'gexf' || format === 'graphml') {
    const document = new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
    const graph = (format === 'gexf' ? gexf.parse : graphml.parse)(MultiGraph, document, { addMissingNodes: true });
    const sortedKeys = (a: Attributes) => Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    return JSON.stringify({
      graph: sortedKeys(graph.getAttributes()),
      nodes: graph.mapNodes((node, a) => JSON.stringify([node, sortedKeys(a)])).sort(),
      edges: graph.mapEdges((edge, a, source, target) => JSON.stringify([source, target, edge, sortedKeys(a)])).sort(),
    }, null, 1);
  }
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) {
      records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  records.push(text.slice(start));
  const header = format === 'events-ndjson' ? [] : records.splice(0, 1);
  return [...header, ...records.sort()].join('\n');
}

interface Snapshot {
  exports: Record<string, string>;
  nodes: unknown[];
  relationships: unknown[];
  indexes: unknown[];
}

/** Every property as [key, Cypher type, text]: floats keep their sign and digits, datetimes their zone. */
const TYPED = (v: string) =>
  `[k IN keys(${v}) | [k, valueType(${v}[k]), CASE WHEN ${v}[k] IS :: LIST<ANY> THEN [x IN ${v}[k] | toString(x)] ELSE toString(${v}[k]) END]]`;

async function snapshot(db: Database, uri: string, serverAuth: boolean): Promise<Snapshot> {
  const exporter = new ExportService(new GraphRepository(db));
  const exports: Record<string, string> = {};
  for (const format of EXPORT_FORMATS) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exporter.export(format, out);
    out.end();
    exports[format] = canonical(format, Buffer.concat(chunks).toString('utf8'));
  }
  const user = process.env.NEO4J_USER;
  const driver = neo4j.driver(uri, serverAuth && user ? neo4j.auth.basic(user, process.env.NEO4J_PASSWORD ?? '') : undefined);
  try {
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    const nodes = await driver.executeQuery(`MATCH (n) RETURN labels(n) AS labels, ${TYPED('n')} AS props`);
    const rels = await driver.executeQuery(
      `MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS from, labels(b) AS toLabels, b.id AS to, ${TYPED('r')} AS props`,
    );
    const indexes = await driver.executeQuery(
      'SHOW INDEXES YIELD name, state, type, entityType, labelsOrTypes, properties, owningConstraint RETURN *',
    );
    const sortProps = (row: Record<string, unknown>) => ({ ...row, props: (row.props as string[][]).sort((x, y) => x[0]!.localeCompare(y[0]!)) });
    return {
      exports,
      nodes: sorted(nodes.records.map((r) => sortProps(r.toObject()))),
      relationships: sorted(rels.records.map((r) => sortProps(r.toObject()))),
      // The lookup indexes are named by the store that created them; what matters is which exist and that all are online.
      indexes: sorted(indexes.records.map((r) => ({ ...r.toObject(), name: r.get('type') === 'LOOKUP' ? 'lookup' : r.get('name') }))),
    };
  } finally {
    await driver.close();
  }
}

/** The online import into an empty database, with what it said was new. */
async function onlineSnapshot(fixture: ImportFixture): Promise<Snapshot & { created: RecordCounts }> {
  const graph = new GraphRepository(online);
  await graph.clear();
  const { created } = await new ImportService(online, new GraphVersion(), () => FIXED_NOW).import({
    format: fixture.format,
    open: () => [fixture.text],
    options: fixture.options,
  });
  return { ...(await snapshot(online, neo4jUri(), true)), created };
}

async function bulkSnapshot(store: OpenStore): Promise<Snapshot> {
  return snapshot(store.db, store.embedded!.uri, false);
}

describe('bulk import stores exactly what the online import stores', () => {
  // One fresh store per fixture; the second also exercises replacing an existing empty store.
  let emptied: Config | null = null;

  for (const [index, fixture] of IMPORT_FIXTURES.entries()) {
    it(`${fixture.name}`, { timeout: 240_000 }, async () => {
      const expected = await onlineSnapshot(fixture);
      const people = expected.nodes.filter((n) => (n as string).includes('"labels":["Person"]')).length;
      expect(people).toBeGreaterThan(0);
      // The graph exports are read back whole, not compared as nothing.
      for (const f of ['gexf', 'graphml']) expect((JSON.parse(expected.exports[f]!) as { nodes: string[] }).nodes).toHaveLength(people);

      const target = index === 1 && emptied ? { config: emptied, bulk: bulkService(emptied) } : await freshTarget();
      const replacing = target.bulk.storeExists();
      const result = await target.bulk.import({
        format: fixture.format,
        open: () => [fixture.text],
        options: fixture.options,
        replaceEmptyStore: replacing,
      });
      // The import leaves the store closed; opening it applies the schema and waits for the indexes, as any start does.
      const store = await openStore(target.config);
      try {
        // Checking an existing store for emptiness starts Neo4j on it; a new store needs no check.
        expect(result.phases.checkMs > 1000).toBe(replacing);
        const actual = await bulkSnapshot(store);
        expect(actual.exports).toEqual(expected.exports);
        expect(actual.nodes).toEqual(expected.nodes);
        expect(actual.relationships).toEqual(expected.relationships);
        expect(actual.indexes).toEqual(expected.indexes);
        expect(actual.indexes.every((i) => (i as string).includes('"state":"ONLINE"'))).toBe(true);
        expect(result.relationships).toBe(expected.relationships.length);
        // both wrote into an empty store, so both say the same records, and the people only named, were new
        expect(result.created).toEqual(expected.created);
        expect(result.created.people).toBe(people);
        expect(result.stored).toEqual(await new GraphRepository(store.db).counts());
        if (index === 0) {
          // Leave this store empty for the next fixture, which replaces it (catalyst import --mode bulk).
          await new GraphRepository(store.db).clear();
          emptied = target.config;
        }
      } finally {
        await store.close();
      }
      expect(await readdir(target.config.dataDir)).toEqual(['neo4j']);
    });
  }
});

describe('bulk import refusals', () => {
  it('rejects an invalid file like the online import, naming the line, and leaves no store', async () => {
    const { config, bulk } = await freshTarget();
    const bad = 'id,name\nzoe,Zoe\nbad,\nyan,Yan\n';
    const err = await bulk.import({ format: 'people-csv', open: () => [bad] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect((err as Error).message).toContain('line 3');
    expect((err as Error).message).toContain('nothing was written');
    expect(storeExists(config.neo4j.embeddedDir)).toBe(false);
    await expect(readdir(config.dataDir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses dismissals-csv, which is imported online, before starting anything', async () => {
    const { config, bulk } = await freshTarget();
    const err = await bulk.import({ format: 'dismissals-csv', open: () => ['by,a,b\nana,ana,omar\n'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkImportUnsupportedError);
    expect((err as Error).message).toContain('dismissals-csv is imported online only');
    expect(storeExists(config.neo4j.embeddedDir)).toBe(false);
  });

  it('refuses a list item holding its list separator (U+001F) before writing anything', async () => {
    const { config, bulk } = await freshTarget();
    const text = 'id,name,sectors\nana,Ana,"music\u001fdance"\n';
    await expect(bulk.import({ format: 'people-csv', open: () => [text] })).rejects.toBeInstanceOf(BulkImportUnsupportedError);
    expect(storeExists(config.neo4j.embeddedDir)).toBe(false);
    await expect(readdir(config.dataDir)).rejects.toThrow(/ENOENT/);
  });
});
