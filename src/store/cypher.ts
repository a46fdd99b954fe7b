/**
 * Loads the Cypher files under cypher/ once. Every query the code uses is named in QUERY_NAMES; a missing file
 * fails at start-up, not on the first request that needs it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CYPHER_DIR = path.resolve(import.meta.dirname, '../../cypher');

export const QUERY_NAMES = [
  'upsert-people',
  'ensure-people',
  'create-person',
  'get-person',
  'list-people',
  'count-people',
  'update-person',
  'delete-person',
  'find-missing-people',
  'find-person-ids-like',
  'person-footprint',
  'person-snapshot',
  'restore-conflicts',
  'upsert-events',
  'link-drivers',
  'link-reached',
  'create-events-fresh',
  'create-ties-fresh',
  'unlink-event',
  'create-event',
  'get-events',
  'list-events',
  'count-events',
  'delete-event',
  'upsert-ties',
  'get-tie',
  'list-ties',
  'count-ties',
  'update-tie',
  'delete-tie',
  'upsert-introductions',
  'create-introduction',
  'find-open-introduction',
  'get-introduction',
  'list-introductions',
  'count-introductions',
  'summarize-introductions',
  'summarize-outcome-times',
  'summarize-outcome-months',
  'update-introduction',
  'delete-introduction',
  'create-dismissal',
  'find-dismissal',
  'get-dismissal',
  'list-dismissals',
  'load-dismissals',
  'upsert-dismissals',
  'delete-dismissal',
  'load-people',
  'load-events',
  'load-ties',
  'load-introductions',
  'export-events',
  'count-all',
  'delete-all-relationships',
  'delete-all',
  'dbms-version',
  'await-indexes',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

function loadQueries(): Record<QueryName, string> {
  const missing = QUERY_NAMES.filter((name) => {
    try {
      read(path.join(CYPHER_DIR, `${name}.cypher`));
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`store: missing Cypher file(s) in ${CYPHER_DIR}: ${missing.map((m) => `${m}.cypher`).join(', ')}`);
  }
  return Object.fromEntries(QUERY_NAMES.map((name) => [name, read(path.join(CYPHER_DIR, `${name}.cypher`))])) as Record<
    QueryName,
    string
  >;
}

export const QUERIES = loadQueries();

/** The schema statements (constraints, indexes), applied in file-name order at start-up. */
export function schemaStatements(): { name: string; text: string }[] {
  const dir = path.join(CYPHER_DIR, 'schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => ({ name: f, text: read(path.join(dir, f)) }));
}
