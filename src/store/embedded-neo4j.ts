/**
 * Embedded Neo4j: starts the Java launcher in neo4j/ (Neo4j Community 5.26, Bolt on 127.0.0.1, auth off) as a child
 * process when no NEO4J_URI is configured, and stops it again.
 *
 * The launcher is built by scripts/neo4j-deps.js (Maven, cached by a hash of its sources); the child prints one
 * ready line on stdout, `CATALYST_NEO4J_READY bolt://127.0.0.1:<port> version=<version>`, and logs to stderr.
 * Nothing here touches neo4j-driver: callers get a URI and connect with the same code path as an external server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface EmbeddedNeo4jOptions {
  /** Folder holding the database (created if missing); Neo4j keeps `data/` and `logs/` inside it. */
  dataDir: string;
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Progress and Neo4j's stderr lines (default: written to stderr). */
  log?: (msg: string) => void;
  /** Time allowed for building the launcher (first run: Maven downloads) plus starting Neo4j. */
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Shuts Neo4j down cleanly (SIGTERM), killing it if it has not exited after 30 s. */
  stop(): Promise<void>;
}

/** A start that failed; `stderrTail` holds the launcher's last stderr lines. */
export class EmbeddedNeo4jError extends Error {
  readonly exitCode: number | null;
  readonly stderrTail: string[];

  constructor(message: string, exitCode: number | null, stderrTail: string[]) {
    super(stderrTail.length > 0 ? `${message}\n  ${stderrTail.join('\n  ')}` : message);
    this.name = 'EmbeddedNeo4jError';
    this.exitCode = exitCode;
    this.stderrTail = stderrTail;
  }
}

const DEFAULTS = {
  startTimeoutMs: 180_000,
  heap: '1g',
  stopGraceMs: 30_000,
  stderrTailLines: 20,
  boltProbeTimeoutMs: 2_000,
  boltVerifyAttempts: 10,
};

const HOST = '127.0.0.1';
const READY_LINE = /^CATALYST_NEO4J_READY (bolt:\/\/\S+) version=(\S+)\s*$/;

/** Flags Neo4j's own scripts pass to the JVM (netty and the page cache need the opened packages). */
export const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

interface LauncherBuild {
  classpath: string;
  java: string;
  mainClass: string;
  /** the class-data-sharing archive for this classpath (may not exist yet), or null */
  cdsArchive: string | null;
}

interface LauncherBuilder {
  ensureLauncherBuilt(options: { log?: (msg: string) => void }): Promise<LauncherBuild>;
}

/** scripts/neo4j-deps.js is plain JS (it must run without a TS loader); its shape is declared above. */
export async function loadLauncherBuilder(): Promise<LauncherBuilder> {
  const url = new URL('../../scripts/neo4j-deps.js', import.meta.url).href;
  const builder: unknown = await import(url);
  if (typeof (builder as Partial<LauncherBuilder>).ensureLauncherBuilt !== 'function') {
    throw new Error(`embedded-neo4j: ${url} does not export ensureLauncherBuilt`);
  }
  return builder as LauncherBuilder;
}

/** The JVM heap for Neo4j's processes: NEO4J_HEAP, default 1g. */
export function jvmHeap(): string {
  return process.env.NEO4J_HEAP?.trim() || DEFAULTS.heap;
}

function defaultLog(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

/** Builds the launcher if needed, starts Neo4j in `dataDir` on `port`, and resolves once Bolt answers. */
export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? defaultLog;
  const timeoutMs = opts.startTimeoutMs ?? DEFAULTS.startTimeoutMs;
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65_535) {
    throw new Error(`embedded-neo4j: port must be an integer between 1 and 65535, got ${opts.port}`);
  }
  const deadline = Date.now() + timeoutMs;
  const dataDir = resolve(opts.dataDir);

  const { ensureLauncherBuilt } = await loadLauncherBuilder();
  const build = await withDeadline(ensureLauncherBuilt({ log }), deadline, 'building the Neo4j launcher');
  await mkdir(dataDir, { recursive: true });

  const heap = jvmHeap();
  const cds = classDataSharing(build.cdsArchive, opts.port);
  const args = [`-Xmx${heap}`, ...JVM_FLAGS, ...cds.flags, '-cp', build.classpath, build.mainClass, dataDir, String(opts.port)];
  log(`embedded-neo4j: starting Neo4j in ${dataDir} on bolt://${HOST}:${opts.port}`);
  const child = spawn(build.java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.once('exit', (_code, signal) => cds.exited(signal));

  // A Node process that exits (or crashes) without calling stop() must not leave Neo4j running.
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);
  const exited = new Promise<void>((resolveExit) => {
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolveExit();
    });
  });

  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    cds.jvmSaid(line);
    stderrTail.push(line);
    if (stderrTail.length > DEFAULTS.stderrTailLines) stderrTail.shift();
    log(`[neo4j] ${line}`);
  });

  let ready: { uri: string; version: string };
  try {
    ready = await waitForReadyLine(child, deadline, timeoutMs, () => [...stderrTail]);
    await verifyBolt(opts.port, () => [...stderrTail]);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  log(`embedded-neo4j: Neo4j ${ready.version} ready at ${ready.uri} (pid ${child.pid})`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (!stopping && cds.writing) log('embedded-neo4j: writing the JVM class-data archive as Neo4j stops (once: later starts take about a third less time)');
    stopping ??= stopChild(child, exited, log);
    return stopping;
  };
  return { uri: ready.uri, version: ready.version, pid: child.pid!, stop };
}

/**
 * Class-data sharing for the launcher's JVM (the archive's path comes from scripts/neo4j-deps.js): when the archive
 * exists it is mapped (-XX:SharedArchiveFile; the JVM falls back to loading classes itself if it does not fit, and an
 * archive it reports unusable is removed so the next clean stop writes a new one). Otherwise this JVM writes one as it
 * exits (-XX:ArchiveClassesAtExit) to a file of its own, renamed into place only after an exit it ran itself (not
 * SIGKILL), so concurrent starts and killed ones never leave a half-written archive behind.
 */
function classDataSharing(
  archive: string | null,
  port: number,
): { flags: string[]; writing: boolean; exited(signal: NodeJS.Signals | null): void; jvmSaid(line: string): void } {
  const none = { flags: [], writing: false, exited: () => {}, jvmSaid: () => {} };
  if (archive === null || process.env.CATALYST_NEO4J_CDS === 'off') return none;
  if (existsSync(archive)) {
    return {
      flags: [`-XX:SharedArchiveFile=${archive}`],
      writing: false,
      exited: () => {},
      jvmSaid: (line) => {
        if (/Unable to use shared archive/.test(line)) rmSync(archive, { force: true });
      },
    };
  }
  const partial = `${archive}.${process.pid}-${port}.tmp`;
  return {
    flags: [`-XX:ArchiveClassesAtExit=${partial}`],
    writing: true,
    exited: (signal) => {
      try {
        if (signal === null && existsSync(partial) && statSync(partial).size > 0) renameSync(partial, archive);
      } catch {
        // Another start renamed its archive into place first, or the folder went away: nothing to keep.
      } finally {
        rmSync(partial, { force: true });
      }
    },
    jvmSaid: () => {},
  };
}

/**
 * Makes sure the class-data archive exists, by starting and stopping a throwaway Neo4j (about 25 s, once per
 * classpath) when it does not: for a caller about to start Neo4j many times, such as the test suite.
 */
export async function prepareClassDataSharing(log: (msg: string) => void = defaultLog): Promise<void> {
  const { ensureLauncherBuilt } = await loadLauncherBuilder();
  const build = await ensureLauncherBuilt({ log });
  if (build.cdsArchive === null || existsSync(build.cdsArchive) || process.env.CATALYST_NEO4J_CDS === 'off') return;
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'catalyst-neo4j-cds-'));
  try {
    const neo4j = await startEmbeddedNeo4j({ dataDir, port: await findFreePort(), log: () => {} });
    await neo4j.stop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  log(`embedded-neo4j: class-data archive ${existsSync(build.cdsArchive) ? 'written' : 'NOT written'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function waitForReadyLine(
  child: ChildProcess,
  deadline: number,
  timeoutMs: number,
  stderrTail: () => string[],
): Promise<{ uri: string; version: string }> {
  return new Promise((resolveReady, reject) => {
    const stdout = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new EmbeddedNeo4jError(
          `embedded-neo4j: Neo4j did not report ready within ${Math.round(timeoutMs / 1000)} s`,
          null,
          stderrTail(),
        ),
      );
    }, Math.max(0, deadline - Date.now()));
    const onLine = (line: string): void => {
      const match = READY_LINE.exec(line);
      if (!match) return;
      cleanup();
      resolveReady({ uri: match[1], version: match[2] });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new EmbeddedNeo4jError(`embedded-neo4j: Neo4j ${how} before it was ready`, code, stderrTail()));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new EmbeddedNeo4jError(`embedded-neo4j: could not run java: ${error.message}`, null, stderrTail()));
    };
    function cleanup(): void {
      clearTimeout(timer);
      stdout.off('line', onLine);
      child.off('exit', onExit);
      child.off('error', onError);
    }
    stdout.on('line', onLine);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

async function verifyBolt(port: number, stderrTail: () => string[]): Promise<void> {
  for (let attempt = 0; attempt < DEFAULTS.boltVerifyAttempts; attempt += 1) {
    if (await isBoltListening(port)) return;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new EmbeddedNeo4jError(
    `embedded-neo4j: Neo4j reported ready but Bolt does not answer on ${HOST}:${port}`,
    null,
    stderrTail(),
  );
}

async function stopChild(child: ChildProcess, exited: Promise<void>, log: (msg: string) => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'timeout'>((wake) => {
    timer = setTimeout(() => wake('timeout'), DEFAULTS.stopGraceMs);
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), graceOver]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    log(`embedded-neo4j: Neo4j (pid ${child.pid}) did not stop within ${DEFAULTS.stopGraceMs / 1000} s; killing it`);
    child.kill('SIGKILL');
    await exited;
  }
}

async function withDeadline<T>(work: Promise<T>, deadline: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`embedded-neo4j: timed out ${what}`)),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether a Bolt server answers on host:port: connects and performs the Bolt handshake (magic preamble, then four
 * proposed versions; a Bolt server replies with the version it picked, non-zero when one is acceptable).
 */
export function isBoltListening(port: number, host: string = HOST): Promise<boolean> {
  return new Promise((resolveProbe) => {
    const socket = new Socket();
    let answer = Buffer.alloc(0);
    const finish = (listening: boolean): void => {
      socket.destroy();
      resolveProbe(listening);
    };
    socket.setTimeout(DEFAULTS.boltProbeTimeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]);
      if (answer.length >= 4) finish(answer.readUInt32BE(0) !== 0);
    });
    socket.connect(port, host, () => {
      socket.write(
        Buffer.from([
          0x60, 0x60, 0xb0, 0x17, // Bolt magic preamble
          0x00, 0x08, 0x08, 0x05, // 5.8 down to 5.0
          0x00, 0x00, 0x04, 0x04, // 4.4
          0x00, 0x00, 0x00, 0x00,
          0x00, 0x00, 0x00, 0x00,
        ]),
      );
    });
  });
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it; another process may still take it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error('embedded-neo4j: no free port found'))));
    });
  });
}
