#!/usr/bin/env node
// Builds Catalyst's embedded Neo4j launcher (neo4j/pom.xml + Launcher.java, BulkImporter.java) and caches its classpath.
//
// `node scripts/neo4j-deps.js` builds it standalone (CI runs it to warm the Maven cache); src/store/embedded-neo4j.ts
// imports `ensureLauncherBuilt` from here so there is one copy of this logic. Plain ESM, no npm dependencies, so it
// runs before `npm install` and without a TypeScript loader.
//
// The classpath is cached in neo4j/target/classpath.txt next to a hash of pom.xml and the Java sources: Maven runs again
// only when one of them changes or a cached path disappears (a cleaned target/ or ~/.m2).

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAUNCHER_DIR = join(REPO_ROOT, 'neo4j');
const POM = join(LAUNCHER_DIR, 'pom.xml');
const SOURCE_DIR = join(LAUNCHER_DIR, 'src', 'main', 'java', 'dev', 'catalyst');
/** The launcher's Java sources: Launcher (the embedded Neo4j) and BulkImporter (neo4j-admin's importer, warmed up). */
const SOURCES = ['Launcher.java', 'BulkImporter.java'].map((name) => join(SOURCE_DIR, name));
const TARGET_DIR = join(LAUNCHER_DIR, 'target');
const CLASSES_DIR = join(TARGET_DIR, 'classes');
const CLASSES = SOURCES.map((source) => join(CLASSES_DIR, 'dev', 'catalyst', source.replace(/^.*[\\/]/, '').replace(/\.java$/, '.class')));
const CACHE_FILE = join(TARGET_DIR, 'classpath.txt');
const DEPS_FILE = join(TARGET_DIR, 'classpath.deps.txt');
const CACHE_HEADER = '# catalyst-neo4j-launcher sha256=';
// Bump when the cache format or the build command changes.
const CACHE_FORMAT = 'v2';
/** The launcher's classes as a jar: a class-data-sharing archive can only cover a classpath of jars (no folders). */
const LAUNCHER_JAR = join(TARGET_DIR, 'catalyst-launcher.jar');

export const LAUNCHER_MAIN_CLASS = 'dev.catalyst.Launcher';
export const MIN_JAVA_MAJOR = 17;

const TOOLS_MESSAGE =
  "Catalyst's embedded Neo4j needs a JDK 17+ and Maven: install them " +
  '(Debian: apt-get install openjdk-17-jdk-headless maven) or set NEO4J_URI to use an existing Neo4j server.';

/** Thrown when java or mvn is missing or too old; `message` is the one line to show the user. */
export class Neo4jToolsMissingError extends Error {
  constructor(message = TOOLS_MESSAGE) {
    super(message);
    this.name = 'Neo4jToolsMissingError';
    this.code = 'CATALYST_NEO4J_TOOLS_MISSING';
  }
}

/** The java executable: $JAVA_HOME/bin/java when JAVA_HOME is set (Maven uses it too), else `java` on PATH. */
export function javaCommand() {
  const javaHome = process.env.JAVA_HOME;
  if (javaHome) {
    const candidate = join(javaHome, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (existsSync(candidate)) return candidate;
  }
  return 'java';
}

function mavenCommand() {
  return process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
}

/** Major version of `java` (8 for "1.8.0_392", 17 for "17.0.15"), or null when it cannot run. */
function javaMajorVersion(java) {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function checkTools(java) {
  const major = javaMajorVersion(java);
  if (major === null) throw new Neo4jToolsMissingError();
  if (major < MIN_JAVA_MAJOR) {
    throw new Neo4jToolsMissingError(TOOLS_MESSAGE.replace('Maven:', `Maven (found Java ${major}):`));
  }
  const maven = spawnSync(mavenCommand(), ['-v'], { encoding: 'utf8' });
  if (maven.error || maven.status !== 0) throw new Neo4jToolsMissingError();
}

function sourcesHash() {
  const hash = createHash('sha256');
  hash.update(CACHE_FORMAT);
  for (const file of [POM, ...SOURCES]) {
    hash.update('\0');
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The cached classpath when it matches the sources and every entry still exists, else null. */
function readCachedClasspath(hash) {
  if (!existsSync(CACHE_FILE) || !CLASSES.every((c) => existsSync(c))) return null;
  const [header, classpath] = readFileSync(CACHE_FILE, 'utf8').split('\n');
  if (header !== CACHE_HEADER + hash || !classpath) return null;
  return classpath.split(delimiter).every((entry) => existsSync(entry)) ? classpath : null;
}

function pinnedNeo4jVersion() {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'));
  return match ? match[1].trim() : null;
}

/** Whether Neo4j's jars are already in the default local Maven repository (decides how chatty Maven is). */
function neo4jInLocalRepository(version) {
  if (!version) return false;
  const jar = join(homedir(), '.m2', 'repository', 'org', 'neo4j', 'neo4j', version, `neo4j-${version}.jar`);
  return existsSync(jar);
}

function runMaven(args) {
  return new Promise((resolvePromise, reject) => {
    // Maven's output goes to stderr: the caller's stdout may be a protocol or a test reporter.
    const child = spawn(mavenCommand(), args, { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    // Debian's Maven 3.8 prints stray ANSI resets even in batch mode; drop them.
    const forward = (chunk) => process.stderr.write(chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, ''));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else {
        reject(
          new Error(
            `neo4j-deps: Maven failed to build the embedded Neo4j launcher (${signal ?? `exit code ${code}`}); ` +
              'see its output above',
          ),
        );
      }
    });
  });
}

/**
 * Makes sure the launcher is compiled and its classpath known, running Maven only when needed.
 *
 * @param {{ log?: (msg: string) => void }} [options] `log` receives progress lines (default: stderr).
 * @returns {Promise<{ classpath: string, java: string, mainClass: string, cdsArchive: string | null }>} `classpath` is
 *   ready for `java -cp` (launcher classes first, then Neo4j's jars); `java` is the executable to run it with;
 *   `cdsArchive` where the class-data-sharing archive for it goes (it may not exist yet), or null.
 */
export async function ensureLauncherBuilt(options = {}) {
  const log = options.log ?? ((msg) => process.stderr.write(`${msg}\n`));
  const java = javaCommand();
  const hash = sourcesHash();
  const cached = readCachedClasspath(hash);
  if (cached) return { classpath: cached, java, mainClass: LAUNCHER_MAIN_CLASS, cdsArchive: cdsArchiveFor(cached) };

  checkTools(java);
  const version = pinnedNeo4jVersion();
  const cold = !neo4jInLocalRepository(version);
  log(
    cold
      ? `neo4j-deps: building the embedded Neo4j ${version ?? ''} launcher; the first build downloads Neo4j ` +
          'and its dependencies (about 130 MB) from Maven Central, which can take a few minutes'
      : 'neo4j-deps: compiling the embedded Neo4j launcher (neo4j/pom.xml or its Java sources changed)',
  );
  mkdirSync(TARGET_DIR, { recursive: true });
  const started = Date.now();
  await runMaven([
    '-B',
    ...(cold ? [] : ['-q']),
    '-f',
    POM,
    'compile',
    'dependency:build-classpath',
    `-Dmdep.outputFile=${DEPS_FILE}`,
  ]);

  const dependencies = readFileSync(DEPS_FILE, 'utf8').trim();
  const missing = CLASSES.find((c) => !existsSync(c));
  if (!dependencies || missing) {
    throw new Error(`neo4j-deps: Maven finished but ${missing ?? 'the dependency classpath'} is missing`);
  }
  const classpath = [packLauncherJar(java) ? LAUNCHER_JAR : CLASSES_DIR, dependencies].join(delimiter);
  // Class-data archives of earlier classpaths (about 100 MB each) no longer fit: remove them.
  for (const name of readdirSync(TARGET_DIR)) if (/^launcher-[0-9a-f]+\.jsa/.test(name)) rmSync(join(TARGET_DIR, name), { force: true });
  const partial = `${CACHE_FILE}.${process.pid}.tmp`;
  writeFileSync(partial, `${CACHE_HEADER}${hash}\n${classpath}\n`);
  renameSync(partial, CACHE_FILE);
  log(`neo4j-deps: embedded Neo4j launcher ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { classpath, java, mainClass: LAUNCHER_MAIN_CLASS, cdsArchive: cdsArchiveFor(classpath) };
}

/**
 * Packs the compiled launcher classes into LAUNCHER_JAR with the JDK's `jar` tool; false (the classes folder is used,
 * without class-data sharing) when that fails.
 */
function packLauncherJar(java) {
  const jar = java === 'java' ? 'jar' : join(dirname(java), process.platform === 'win32' ? 'jar.exe' : 'jar');
  const result = spawnSync(jar, ['cf', LAUNCHER_JAR, '-C', CLASSES_DIR, '.'], { stdio: 'ignore' });
  return result.status === 0 && existsSync(LAUNCHER_JAR);
}

/**
 * Where the JVM's class-data-sharing archive for this classpath lives (null when the classpath holds a folder, which
 * an archive cannot cover). embedded-neo4j.ts has the first Neo4j that stops cleanly write it (-XX:ArchiveClassesAtExit)
 * and later starts map it (-XX:SharedArchiveFile): Neo4j's classes are then loaded from a prepared image instead of
 * ~400 jars, about 3 s of a 9-10 s start on 2 cores. Named by a hash of the classpath, so a rebuilt classpath gets a
 * new archive; the JVM ignores an archive that does not fit it.
 */
function cdsArchiveFor(classpath) {
  if (!classpath.startsWith(LAUNCHER_JAR + delimiter)) return null;
  return join(TARGET_DIR, `launcher-${createHash('sha256').update(classpath).digest('hex').slice(0, 16)}.jsa`);
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const { classpath } = await ensureLauncherBuilt();
    const entries = classpath.split(delimiter).length;
    process.stdout.write(`neo4j-deps: launcher classpath (${entries} entries) cached in ${CACHE_FILE}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
