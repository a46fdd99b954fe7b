/**
 * Starts Catalyst: configuration, the store (embedded Neo4j unless NEO4J_URI is set), the demo world when the
 * database is empty, and the HTTP server. Stops everything cleanly on SIGTERM/SIGINT.
 */
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createServices } from './services/index.ts';
import { warmAfterChanges, warmAnalysis } from './services/warm.ts';
import { openStore } from './store/connect.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const store = await openStore(config, { log: (msg) => logger.info(msg) });
  const services = createServices(store.db, (msg) => logger.info(msg), { analysis: config.analysis });
  if (config.demo === 'auto') {
    const demo = await services.demo.load({ onlyIfEmpty: true });
    if (demo.loaded) {
      logger.info(`The database was empty: loaded the demo world (${demo.people} people, ${demo.events} events, ${demo.ties} ties, ${demo.introductions} introductions) in ${demo.ms} ms`);
    }
  }
  const { app } = createApp({ config, services, logger });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  // Compute the rankings and the default map, then the introduction index, in the background so the first page
  // view and the first person opened do not wait for them; in its own thread, again after each change.
  const warm = () => warmAnalysis(services.analysis, (msg) => logger.info(msg));
  void warm();
  const stopWarming = services.analysis.mode === 'thread' ? warmAfterChanges(services.version, warm) : () => {};
  logger.info(`Catalyst is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    stopWarming();
    await services.analysis.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('Catalyst failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
