/**
 * Builds the Express app (without listening): request logs, JSON bodies with a size limit, the API routers,
 * the browser client, and the one error middleware.
 */
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { createErrorHandler, notFoundHandler } from './api/errors.ts';
import { createHealthRouter } from './api/health.router.ts';
import { createRecordsRouter } from './api/records.router.ts';
import { ApiRegistry } from './api/route.ts';
import { createTransferRouter } from './api/transfer.router.ts';
import type { Config } from './config.ts';
import type { Services } from './services/index.ts';

export const API_VERSION = '0.1.0';

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
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(createHealthRouter({ db: services.db, version: API_VERSION }, registry));
  app.use(createRecordsRouter(services, registry));

  app.use('/api', notFoundHandler);
  app.use(createErrorHandler(logger));
  return { app, registry };
}
