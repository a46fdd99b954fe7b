/** Health and the OpenAPI document. */
import { Router } from 'express';
import { z } from 'zod';
import type { Analysis } from '../services/analysis.ts';
import type { Database } from '../store/database.ts';
import { buildOpenApi } from './openapi.ts';
import { defineRoute, type ApiRegistry } from './route.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({ connected: z.boolean(), version: z.string().optional() }),
});

const count = z.number().int().min(0);
const analysisSchema = z.object({
  mode: z.enum(['thread', 'inline']),
  calls: count.describe('requests waiting on the analysis'),
  stage: z
    .object({
      name: z.enum(['read', 'build', 'metric', 'communities', 'layout', 'index', 'sectors', 'curves']),
      label: z.string().describe('what it is doing, e.g. "Laying out 82,168 people (ForceAtlas2)"'),
      done: count.nullable().describe('how far it is (rows read, layout iterations), when it can count'),
      total: count.nullable(),
      elapsedMs: count.describe('since this step began'),
    })
    .nullable()
    .describe('null when idle'),
});

export function createHealthRouter(deps: { db: Database; version: string; analysis: Pick<Analysis, 'status'> }, registry: ApiRegistry): Router {
  const router = Router();
  defineRoute(
    router,
    registry,
    { method: 'get', path: '/api/health', tag: 'meta', summary: 'Is the API up and Neo4j connected?', response: healthSchema },
    async ({ res }) => {
      try {
        const version = await deps.db.version();
        return { status: 'ok', neo4j: { connected: true, version } };
      } catch {
        res.status(503).json({ status: 'unavailable', neo4j: { connected: false } });
        return undefined;
      }
    },
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/analysis',
      tag: 'meta',
      summary: "What the analysis is doing: the step of a build (reading the store, Louvain, the layout…) and how far it is, for a progress bar; answered at once, even mid-build",
      response: analysisSchema,
    },
    async () => deps.analysis.status(),
  );
  defineRoute(
    router,
    registry,
    { method: 'get', path: '/api/openapi.json', tag: 'meta', summary: 'This API as an OpenAPI 3.1 document' },
    async () => buildOpenApi(registry, deps.version),
  );
  return router;
}
