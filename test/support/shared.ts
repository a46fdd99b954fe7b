/**
 * Where the shared datasets and NetworkX references live (../shared beside the project, or
 * CATALYST_SHARED_DIR). A user's clone may not have them: tests that need them fail with a message that
 * says so, rather than being skipped silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const sharedDir = path.resolve(process.env.CATALYST_SHARED_DIR ?? path.join(import.meta.dirname, '../../../shared'));

export function sharedPath(...parts: string[]): string {
  const p = path.join(sharedDir, ...parts);
  if (!existsSync(p)) {
    throw new Error(
      `This test needs ${p}, from the shared datasets that sit beside the project as ../shared ` +
        `(CI always has them). Put them there or set CATALYST_SHARED_DIR.`,
    );
  }
  return p;
}

export interface Reference {
  graph: string;
  construction: string;
  nodes: number;
  edges: number;
  metrics: Record<string, Record<string, number>>;
  adamic_adar_top200: { a: string; b: string; score: number }[];
}

export function loadReference(name: string): Reference {
  return JSON.parse(readFileSync(sharedPath('reference', `${name}.json`), 'utf8')) as Reference;
}
