/**
 * Builds the Express app (without listening): request logs, JSON bodies with a size limit, the API routers,
 * the browser client, and the one error middleware.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { createErrorHandler, notFoundHandler, requireJsonBody } from './api/errors.ts';
import { createHealthRouter } from './api/health.router.ts';
import { createInfluenceRouter } from './api/influence.router.ts';
import { createRecordsRouter } from './api/records.router.ts';
import { createSuggestionsRouter } from './api/suggestions.router.ts';
import { ApiRegistry } from './api/route.ts';
import { createTransferRouter } from './api/transfer.router.ts';
import type { Config } from './config.ts';
import type { Services } from './services/index.ts';

export const API_VERSION = '0.1.0';
export const CLIENT_DIST = path.resolve(import.meta.dirname, '../client/dist');

function noCacheForHtml(res: ServerResponse, file: string): void {
  if (file.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
}

export interface AppDeps {
  config: Pick<Config, 'bodyLimit' | 'importLimit'>;
  services: Services;
  logger: Logger;
}

export function createApp(deps: AppDeps): { app: Express; registry: ApiRegistry } {
  const { services, logger, config } = deps;
  const registry = new ApiRegistry();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));

  // Import bodies are files, not JSON: this router reads them raw, before the JSON parser.
  app.use(createTransferRouter(services, registry, config.importLimit));
  // The Undo of a delete sends back what the delete answered: for someone at the centre of a large network (a
  // sender of thousands of messages) that is megabytes, and refusing it would lose what the delete took. It is
  // allowed what an import is; every other JSON body keeps the body limit.
  app.use('/api/people/restore', express.json({ limit: config.importLimit }));
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(requireJsonBody);
  app.use(createHealthRouter({ db: services.db, version: API_VERSION, analysis: services.analysis }, registry));
  app.use(createInfluenceRouter(services, registry));
  // before the records router, whose /api/introductions/:id would otherwise take "suggestions" for an id
  app.use(createSuggestionsRouter(services, registry));
  app.use(createRecordsRouter(services, registry));

  app.use('/api', notFoundHandler);
  // The browser client (built by `npm run build` into client/dist; `npm start` builds it when stale).
  if (existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The browser client is not built yet: run `npm run build` (npm start does it for you).');
    });
  }
  app.use(createErrorHandler(logger));
  return { app, registry };
}
