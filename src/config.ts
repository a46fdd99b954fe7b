/**
 * Configuration, read from the environment once, validated, and failing fast with a message that names the
 * variable. Every option is documented in the README's configuration table.
 */
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65_535);

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().default('127.0.0.1'),
  CATALYST_DATA_DIR: z.string().default('./data'),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_BOLT_PORT: port.default(7687),
  CATALYST_BODY_LIMIT: z.string().default('1mb'),
  CATALYST_IMPORT_LIMIT: z.string().default('200mb'),
  CATALYST_DEMO: z.enum(['auto', 'off']).default('auto'),
  CATALYST_ANALYSIS: z.enum(['thread', 'inline']).default('thread'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  neo4j: {
    /** set when an external server is used; unset means "start the embedded one" */
    uri?: string;
    user: string;
    password: string;
    database?: string;
    embeddedPort: number;
    embeddedDir: string;
  };
  bodyLimit: string;
  importLimit: string;
  demo: 'auto' | 'off';
  /** where the analysis runs: a worker thread of its own, or the request thread (analysis.ts) */
  analysis: 'thread' | 'inline';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CATALYST_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      embeddedPort: e.NEO4J_BOLT_PORT,
      embeddedDir: path.join(dataDir, 'neo4j'),
    },
    bodyLimit: e.CATALYST_BODY_LIMIT,
    importLimit: e.CATALYST_IMPORT_LIMIT,
    demo: e.CATALYST_DEMO,
    analysis: e.CATALYST_ANALYSIS,
    logLevel: e.LOG_LEVEL,
  };
}
