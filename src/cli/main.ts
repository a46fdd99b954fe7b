/**
 * The `catalyst` command line: import (import-command.ts), export, demo, stats, clear. It uses the server's Neo4j
 * when one is listening on the configured port and starts its own embedded Neo4j otherwise (or NEO4J_URI).
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { createServices } from '../services/index.ts';
import { openStore, type OpenStore } from '../store/connect.ts';
import { IMPORT_MODES, runImport, type ImportMode } from './import-command.ts';
import { formatSeconds } from './progress.ts';

const HELP = `catalyst — influence and introduction network analyzer

Usage:
  catalyst import FILE --format F [--skip-invalid] [--mode auto|online|bulk]
                                                     import a file (all-or-nothing unless --skip-invalid)
  catalyst export --format F [--out FILE]            export the stored graph (stdout by default)
  catalyst demo [--seed N] [--force]                 load the demo world (only into an empty database unless --force)
  catalyst stats                                     how many people, events, ties and introductions are stored
  catalyst clear --yes                               delete everything stored
  catalyst formats                                   list the import/export formats and their columns

Import modes: online writes through Neo4j, into any store; bulk runs Neo4j's bulk importer (neo4j-admin) into a
new embedded store (or one that holds nothing) and then starts Neo4j on it: the same stored graph, faster for large
files; auto (the default) is bulk when NEO4J_URI is unset, no Neo4j listens on NEO4J_BOLT_PORT and the embedded
store does not exist yet, online otherwise.

Environment: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE for an external Neo4j; otherwise the
embedded one (CATALYST_DATA_DIR, default ./data; NEO4J_BOLT_PORT, default 7687). See the README.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      'skip-invalid': { type: 'boolean', default: false },
      mode: { type: 'string', default: 'auto' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    console.log(HELP);
    return 0;
  }
  const { FORMATS, formatNames } = await import('../services/import.service.ts');
  if (command === 'formats') {
    for (const f of Object.values(FORMATS)) {
      console.log(`${f.name.padEnd(18)} ${f.description}${f.export ? '' : ' (import only)'}`);
      console.log(`${' '.repeat(19)}${f.columns.map((c) => (c.required ? c.name : `[${c.name}]`)).join(', ')}`);
    }
    return 0;
  }
  const needsFormat = command === 'import' || command === 'export';
  if (needsFormat && !values.format) {
    console.error(`catalyst ${command}: --format is required (one of ${formatNames().join(', ')})`);
    return 2;
  }
  if (command === 'import' && rest.length !== 1) {
    console.error('catalyst import: give exactly one FILE');
    return 2;
  }
  if (!['import', 'export', 'demo', 'stats', 'clear'].includes(command)) {
    console.error(`catalyst: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  if (command === 'import' && !(IMPORT_MODES as readonly string[]).includes(values.mode)) {
    console.error(`catalyst import: --mode must be one of ${IMPORT_MODES.join(', ')}, got "${values.mode}"`);
    return 2;
  }
  if (command === 'clear' && !values.yes) {
    console.error('catalyst clear deletes everything stored; add --yes to confirm');
    return 2;
  }

  const config = loadConfig();
  if (command === 'import') {
    const mode = values.mode as ImportMode;
    return runImport(config, rest[0]!, { format: values.format!, skipInvalid: values['skip-invalid'], mode });
  }
  const store: OpenStore = await openStore(config, { reuseRunning: true, log: (m) => console.error(m) });
  try {
    const services = createServices(store.db);
    switch (command) {
      case 'export': {
        const out = values.out ? createWriteStream(values.out) : process.stdout;
        const n = await services.exporter.export(values.format!, out);
        if (values.out) {
          await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
          console.error(`Exported ${n.toLocaleString('en-US')} records to ${values.out}`);
        }
        return 0;
      }
      case 'demo': {
        const seed = values.seed === undefined ? 42 : Number(values.seed);
        if (!Number.isInteger(seed)) {
          console.error(`catalyst demo: --seed must be an integer, got "${values.seed}"`);
          return 2;
        }
        if (values.force) await services.graph.clear();
        const r = await services.demo.load({ seed, onlyIfEmpty: !values.force });
        if (!r.loaded) {
          console.error('The database is not empty; the demo world was not loaded (use --force to replace everything).');
          return 1;
        }
        console.log(`Loaded the demo world (seed ${seed}): ${r.people} people, ${r.events} events, ${r.ties} ties, ${r.introductions} introductions in ${formatSeconds(r.ms / 1000)}.`);
        return 0;
      }
      case 'stats': {
        const c = await services.graph.counts();
        console.log(JSON.stringify(c, null, 2));
        return 0;
      }
      case 'clear': {
        await services.graph.clear();
        console.log('Deleted everything stored.');
        return 0;
      }
    }
    return 2;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof AppError) {
      console.error(err.message);
      const details = err instanceof AppError ? (err.details as { errors?: { line: number; message: string }[] } | undefined) : undefined;
      for (const e of details?.errors?.slice(0, 20) ?? []) console.error(`  line ${e.line}: ${e.message}`);
      if ((details?.errors?.length ?? 0) > 20) console.error(`  ... and ${details!.errors!.length - 20} more`);
    } else if ((err as { code?: string })?.code === 'CATALYST_NEO4J_TOOLS_MISSING') {
      console.error((err as Error).message);
    } else {
      console.error('catalyst failed:', err instanceof Error ? err.stack ?? err.message : err);
    }
    process.exit(1);
  },
);
