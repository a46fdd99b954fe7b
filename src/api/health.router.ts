/** Health and the OpenAPI document. */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../store/database.ts';
import { buildOpenApi } from './openapi.ts';
import { defineRoute, type ApiRegistry } from './route.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({ connected: z.boolean(), version: z.string().optional() }),
});

export function createHealthRouter(deps: { db: Database; version: string }, registry: ApiRegistry): Router {
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
    { method: 'get', path: '/api/openapi.json', tag: 'meta', summary: 'This API as an OpenAPI 3.1 document' },
    async () => buildOpenApi(registry, deps.version),
  );
  return router;
}
