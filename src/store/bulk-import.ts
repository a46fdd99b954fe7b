/**
 * Offline bulk import: writes a new embedded store with Neo4j's own bulk importer (what `neo4j-admin database import
 * full` runs: org.neo4j.cli.AdminTool on the launcher's classpath), from CSV files written here.
 *
 * Usage: `BulkImport.begin()`, then `person()`, `barePerson()`, `event()`, `tie()`, `introduction()` for every record
 * (with `await flush()` now and then), then `run()`, which runs the importer and moves the new store into place, or
 * `discard()`. The store is written exactly as the online Cypher writes it (cypher/upsert-people.cypher,
 * ensure-people, create-events-fresh, link-drivers/link-reached, create-ties-fresh, upsert-introductions):
 * - the same labels, relationship types and property names; numbers as floats (`:double`: the driver sends every
 *   JavaScript number as a float); times as UTC datetimes with millisecond precision (`datetime({epochMillis})`);
 *   absent values (null fade, since, value) as absent properties and '' as '' (an unquoted empty CSV field is
 *   null, a quoted one "" the empty string);
 * - MERGE semantics where the online writes merge: an event naming a driver (or a reached person) twice gets one
 *   DROVE (REACHED) with the last role (weight); introductions with the same id are one node with the last values.
 * - empty lists (sectors, offers, seeks) left out, as the importer cannot store an empty array and the online writes
 *   do not store one either (people.repository.ts); reads give [] for a missing list.
 * Strings are quoted when they hold anything but [A-Za-z0-9_.:@+/>-], quotes doubled; files with a newline inside a
 * value are passed to --multiline-fields (slower parsing, so only those). List items are joined with U+001F, which
 * an item may not contain (BulkImportUnsupportedError).
 *
 * Nothing touches the store until the importer has succeeded: the CSV files and the importer's NEO4J_HOME live in a
 * temporary folder under `workDir` (same file system), and only a finished database is renamed into
 * `<storeDir>/data/databases/neo4j` (+ its transaction logs), the layout the launcher opens. A failed import leaves
 * the store folder as it was; the temporary folder is removed in every case (also when the process exits).
 *
 * Cost: the CSV files take about as much disk as the input uncompressed; memory holds the introductions until
 * run() (they are merged by id). The importer runs with NEO4J_HEAP (default 1g) and its own off-heap caches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, rmdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AppError, BulkImportError, BulkImportUnsupportedError, ConflictError } from '../domain/errors.ts';
import type { InfluenceEvent, Introduction, Person, Tie } from '../domain/model.ts';
import { fadeToStored } from './convert.ts';
import { JVM_FLAGS, jvmHeap, loadLauncherBuilder } from './embedded-neo4j.ts';

export interface BulkImportPaths {
  /** the embedded store's folder (the launcher's data folder, NEO4J_HOME layout) */
  storeDir: string;
  /** where the temporary folder goes; on the same file system as storeDir, so the new store is moved by rename */
  workDir: string;
}

export interface BulkRunOptions {
  /** the store exists and the caller checked that it is empty: replace it */
  replaceEmptyStore?: boolean;
  /** the importer's progress over its four stages, 0..100 */
  onProgress?: (percent: number) => void;
  /** the importer's output lines other than progress dots (default: dropped; kept for an error message) */
  log?: (line: string) => void;
}

export interface BulkImportReport {
  nodes: number;
  relationships: number;
  /** nodes stored per label (their files' rows; the totals are checked against the importer's own count) */
  stored: { people: number; events: number; ties: number; introductions: number };
  /** how long the importer ran */
  ms: number;
}

const DATABASE = 'neo4j';
/** Joins list items in a CSV cell: a control character that no sensible label holds (checked). */
const ARRAY_DELIMITER = '\u001f';
/** A string written without quotes. */
const PLAIN = /^[\w.:@+/>-]+$/;
const NEWLINE = /[\n\r]/;
/** Bytes of CSV text buffered per file before it is written out. */
const FLUSH_CHARS = 1 << 20;
/** neo4j/src/main/java/dev/catalyst/BulkImporter.java: neo4j-admin's importer in a JVM warmed up while the CSV is written */
const IMPORTER_CLASS = 'dev.catalyst.BulkImporter';
/**
 * The importer's JVM compiles with C1 only: on 2 cores the C2 compiler threads compete with the importer's own for
 * the whole run, and an import of a million relationships ends before C2 pays off (measured on Slashdot: 11-13 s
 * with C1 only, 15-17 s with tiered compilation).
 */
const IMPORTER_JVM_FLAGS = ['-XX:TieredStopAtLevel=1'];
/** stderr lines kept for an error message */
const TAIL_LINES = 30;

/** Where the launcher (DatabaseManagementServiceBuilder(storeDir)) keeps the default database and its logs. */
function storeFolders(home: string): { database: string; transactions: string } {
  return {
    database: path.join(home, 'data', 'databases', DATABASE),
    transactions: path.join(home, 'data', 'transactions', DATABASE),
  };
}

/** Whether the embedded store in `storeDir` has a database already (then a bulk import would replace it). */
export function storeExists(storeDir: string): boolean {
  return existsSync(storeFolders(storeDir).database);
}

/** One CSV file of the importer: a header, then rows buffered and written in large chunks. */
class CsvFile {
  rows = 0;
  /** a value holds a newline: the importer must read this file with --multiline-fields */
  multiline = false;
  private chunk: string[] = [];
  private chars = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string, header: string): Promise<CsvFile> {
    const csv = new CsvFile(file, await open(file, 'w'));
    csv.chunk.push(`${header}\n`);
    return csv;
  }

  add(line: string): void {
    this.chunk.push(line);
    this.chars += line.length;
    this.rows += 1;
  }

  text(value: string): string {
    if (PLAIN.test(value)) return value;
    if (!this.multiline && NEWLINE.test(value)) this.multiline = true;
    return `"${value.replaceAll('"', '""')}"`;
  }

  /** null → an unquoted empty field, which the importer leaves out */
  optionalText(value: string | null): string {
    return value === null ? '' : this.text(value);
  }

  list(items: readonly string[], owner: string): string {
    for (const item of items) {
      if (item.includes(ARRAY_DELIMITER)) {
        throw new BulkImportUnsupportedError(
          `${owner}: list item ${JSON.stringify(item)} holds U+001F, the bulk importer's list separator; import it online`,
        );
      }
    }
    return items.length === 0 ? '' : this.text(items.join(ARRAY_DELIMITER));
  }

  async flush(force = false): Promise<void> {
    if (this.chars < FLUSH_CHARS && !force) return;
    const text = this.chunk.join('');
    this.chunk = [];
    this.chars = 0;
    if (text.length > 0) await this.handle.write(text);
  }

  async close(): Promise<void> {
    await this.flush(true);
    await this.handle.close();
  }
}

/** A float as Java's Double.parseDouble reads it back to the same value (String(-0) would lose the sign). */
function double(value: number): string {
  return Object.is(value, -0) ? '-0.0' : String(value);
}

/** An ISO time → the UTC instant the online queries store (datetime({epochMillis}): millisecond precision). */
function dateTime(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

function optionalDateTime(iso: string | null): string {
  return iso === null ? '' : dateTime(iso);
}

interface Files {
  people: CsvFile;
  events: CsvFile;
  drove: CsvFile;
  reached: CsvFile;
  knows: CsvFile;
  introductions: CsvFile;
  made: CsvFile;
  introduced: CsvFile;
}

/** Label or relationship type of each file, its header (neo4j-admin's column types), and whether it holds nodes. */
const LAYOUT: Record<keyof Files, { name: string; nodes: boolean; header: string }> = {
  people: { name: 'Person', nodes: true, header: 'id:ID(Person),name,sectors:string[],offers:string[],seeks:string[]' },
  events: {
    name: 'Event',
    nodes: true,
    header: 'id:ID(Event),title,at:datetime,kind,sector,medium,valence:double,magnitude:double,fade',
  },
  drove: { name: 'DROVE', nodes: false, header: ':START_ID(Person),:END_ID(Event),role' },
  reached: { name: 'REACHED', nodes: false, header: ':START_ID(Event),:END_ID(Person),weight:double' },
  knows: {
    name: 'KNOWS',
    nodes: false,
    header: ':START_ID(Person),:END_ID(Person),id,trust:double,since:datetime,lastContact:datetime',
  },
  introductions: {
    name: 'Introduction',
    nodes: true,
    header: 'id:ID(Introduction),at:datetime,status,value:double,note,outcomeAt:datetime',
  },
  made: { name: 'MADE', nodes: false, header: ':START_ID(Person),:END_ID(Introduction)' },
  introduced: { name: 'INTRODUCED', nodes: false, header: ':START_ID(Introduction),:END_ID(Person),side' },
};

export class BulkImport {
  /** merged by id, written by run() */
  private readonly introductions = new Map<string, Introduction>();
  private discarded = false;
  private readonly removeOnExit = (): void => rmSync(this.tempDir, { recursive: true, force: true });

  private constructor(
    private readonly paths: BulkImportPaths,
    private readonly tempDir: string,
    private readonly createdWorkDir: boolean,
    private readonly files: Files,
    private readonly importer: ImporterProcess,
  ) {
    process.on('exit', this.removeOnExit);
  }

  /**
   * Creates the temporary folder, opens the CSV files and starts the importer's JVM, which warms up (a two-node
   * import of its own) while the records are written: on 2 cores that hides most of its 3-4 s start-up behind the
   * pass over the file (measured on Slashdot: bench/results/import.md).
   */
  static async begin(paths: BulkImportPaths): Promise<BulkImport> {
    const createdWorkDir = !existsSync(paths.workDir);
    await mkdir(paths.workDir, { recursive: true });
    const tempDir = await mkdtemp(path.join(paths.workDir, 'bulk-import-'));
    let importer: ImporterProcess | null = null;
    try {
      await mkdir(path.join(tempDir, 'csv'));
      const entries = await Promise.all(
        (Object.keys(LAYOUT) as (keyof Files)[]).map(
          async (key) => [key, await CsvFile.create(path.join(tempDir, 'csv', `${key}.csv`), LAYOUT[key].header)] as const,
        ),
      );
      importer = await ImporterProcess.start(tempDir);
      return new BulkImport(paths, tempDir, createdWorkDir, Object.fromEntries(entries) as unknown as Files, importer);
    } catch (err) {
      importer?.kill();
      await rm(tempDir, { recursive: true, force: true });
      throw err;
    }
  }

  /** A person with a name and lists (upsert-people). */
  person(p: Person): void {
    const f = this.files.people;
    const owner = `person "${p.id}"`;
    f.add(`${f.text(p.id)},${f.text(p.name)},${f.list(p.sectors, owner)},${f.list(p.offers, owner)},${f.list(p.seeks, owner)}\n`);
  }

  /** A person only referred to by id: named by the id, empty lists (ensure-people). */
  barePerson(id: string): void {
    const f = this.files.people;
    const text = f.text(id);
    f.add(`${text},${text},,,\n`);
  }

  /** An event with one DROVE per driver and one REACHED per person reached (the last role/weight of a repeat). */
  event(e: InfluenceEvent): void {
    const { events, drove, reached } = this.files;
    const id = events.text(e.id);
    events.add(
      `${id},${events.text(e.title)},${dateTime(e.at)},${events.text(e.kind)},${events.text(e.sector)},${events.text(e.medium)},` +
        `${double(e.valence)},${double(e.magnitude)},${events.optionalText(fadeToStored(e.fade))}\n`,
    );
    // Each file quotes the id itself, so a line break in it marks that file as multiline too.
    const roles = new Map(e.drivers.map((d) => [d.person, d.role]));
    const droveId = drove.text(e.id);
    for (const [person, role] of roles) drove.add(`${drove.text(person)},${droveId},${drove.text(role)}\n`);
    const weights = new Map(e.reached.map((r) => [r.person, r.weight]));
    const reachedId = weights.size > 0 ? reached.text(e.id) : '';
    for (const [person, weight] of weights) reached.add(`${reachedId},${reached.text(person)},${double(weight)}\n`);
  }

  tie(t: Tie): void {
    const f = this.files.knows;
    f.add(
      `${f.text(t.from)},${f.text(t.to)},${f.text(t.id)},${double(t.trust)},${optionalDateTime(t.since)},${optionalDateTime(t.lastContact)}\n`,
    );
  }

  /** An introduction; a repeated id replaces the values of the earlier one, as the online MERGE does. */
  introduction(i: Introduction): void {
    const earlier = this.introductions.get(i.id);
    if (earlier && (earlier.introducer !== i.introducer || earlier.a !== i.a || earlier.b !== i.b)) {
      throw new BulkImportUnsupportedError(
        `introduction id "${i.id}" is given to two introductions between different people; import it online`,
      );
    }
    this.introductions.set(i.id, i);
  }

  /** Writes out what is buffered, when enough is; await it between batches so memory stays bounded. */
  async flush(): Promise<void> {
    for (const file of Object.values(this.files)) await file.flush();
  }

  /**
   * Runs the importer on the files and moves the new store into `storeDir`. Throws ConflictError when the store
   * exists (unless replaceEmptyStore), BulkImportError when the importer fails; the store folder is then as it was.
   * Always removes the temporary folder.
   */
  async run(opts: BulkRunOptions = {}): Promise<BulkImportReport> {
    try {
      this.writeIntroductions();
      for (const file of Object.values(this.files)) await file.close();
      if (storeExists(this.paths.storeDir) && !opts.replaceEmptyStore) throw storeExistsError(this.paths.storeDir);
      const started = Date.now();
      const imported = await this.runImporter(opts.onProgress ?? (() => {}), opts.log ?? (() => {}));
      const ms = Date.now() - started;
      const counts = (Object.keys(LAYOUT) as (keyof Files)[]).map((key) => ({ nodes: LAYOUT[key].nodes, rows: this.files[key].rows }));
      const written = {
        nodes: counts.filter((c) => c.nodes).reduce((n, c) => n + c.rows, 0),
        relationships: counts.filter((c) => !c.nodes).reduce((n, c) => n + c.rows, 0),
      };
      // Every row written must be in the store: the importer reports what it stored, and is told to skip nothing.
      if (imported?.nodes !== written.nodes || imported.relationships !== written.relationships) {
        throw new BulkImportError(
          `Neo4j's bulk importer stored ${imported ? `${imported.nodes} nodes and ${imported.relationships} relationships` : 'an unknown number of nodes and relationships'} ` +
            `where ${written.nodes} and ${written.relationships} were written for it; the store in ${this.paths.storeDir} was left as it was.`,
          { imported, written },
        );
      }
      await this.install(opts.replaceEmptyStore ?? false);
      const { people, events, knows, introductions } = this.files;
      return {
        ...written,
        stored: { people: people.rows, events: events.rows, ties: knows.rows, introductions: introductions.rows },
        ms,
      };
    } finally {
      await this.discard();
    }
  }

  /** Removes the temporary folder (and the work folder when begin() created it and it is empty). */
  async discard(): Promise<void> {
    if (this.discarded) return;
    this.discarded = true;
    await this.importer.stop();
    await Promise.all(Object.values(this.files).map((f) => f.close().catch(() => {})));
    await rm(this.tempDir, { recursive: true, force: true });
    process.off('exit', this.removeOnExit);
    if (this.createdWorkDir) await rmdir(this.paths.workDir).catch(() => {});
  }

  private writeIntroductions(): void {
    const { introductions, made, introduced } = this.files;
    for (const i of this.introductions.values()) {
      const id = introductions.text(i.id);
      introductions.add(
        `${id},${dateTime(i.at)},${introductions.text(i.status)},${i.value === null ? '' : double(i.value)},${introductions.text(i.note)},` +
          `${optionalDateTime(i.outcomeAt)}\n`,
      );
      made.add(`${made.text(i.introducer)},${made.text(i.id)}\n`);
      const introducedId = introduced.text(i.id);
      introduced.add(`${introducedId},${introduced.text(i.a)},a\n`);
      introduced.add(`${introducedId},${introduced.text(i.b)},b\n`);
    }
    this.introductions.clear();
  }

  private importerArguments(): string[] {
    const args = [
      'database',
      'import',
      'full',
      DATABASE,
      `--report-file=${path.join(this.tempDir, 'import.report')}`,
      '--array-delimiter=U+001F',
      // The files were validated and written here: any bad entry is a bug, never something to skip.
      '--bad-tolerance=0',
      '--skip-bad-relationships=false',
      '--skip-duplicate-nodes=false',
    ];
    const all = Object.entries(this.files) as [keyof Files, CsvFile][];
    const multiline = all.filter(([, f]) => f.multiline).map(([, f]) => f.path);
    if (multiline.length > 0) args.push('--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`);
    for (const [key, file] of all) {
      // The importer wants at least one node file, so the people file goes in even when it is empty.
      if (file.rows === 0 && key !== 'people') continue;
      const { name, nodes } = LAYOUT[key];
      args.push(`--${nodes ? 'nodes' : 'relationships'}=${name}=${file.path}`);
    }
    return args;
  }

  /** Runs the importer into the temporary home; returns the counts it reports having stored. */
  private async runImporter(
    onProgress: (percent: number) => void,
    log: (line: string) => void,
  ): Promise<{ nodes: number; relationships: number } | null> {
    const home = path.join(this.tempDir, 'home');
    await mkdir(home);
    const { code, error, output, progress } = await this.importer.run(home, this.importerArguments(), onProgress, log);
    if (code === 0) return progress.imported();
    output.unshift(...progress.lines.slice(-10));
    const report = await readFile(path.join(this.tempDir, 'import.report'), 'utf8').catch(() => '');
    const detail = [...output, ...report.split('\n').filter((l) => l.trim() !== '').slice(0, 10)];
    throw new BulkImportError(
      `Neo4j's bulk importer failed (${error ? error.message : `exit code ${code}`}); the store in ` +
        `${this.paths.storeDir} was left as it was.${detail.length > 0 ? `\n  ${detail.join('\n  ')}` : ''}`,
      { exitCode: code, output: detail },
    );
  }

  /** Renames the imported database and its transaction logs into the store folder, undoing everything on failure. */
  private async install(replaceEmptyStore: boolean): Promise<void> {
    const built = storeFolders(path.join(this.tempDir, 'home'));
    const target = storeFolders(this.paths.storeDir);
    const replaced = storeFolders(path.join(this.tempDir, 'replaced'));
    const done: [from: string, to: string][] = [];
    const move = async (from: string, to: string): Promise<void> => {
      if (!existsSync(from)) return;
      await mkdir(path.dirname(to), { recursive: true });
      await rename(from, to);
      done.push([from, to]);
    };
    try {
      if (replaceEmptyStore) {
        await move(target.database, replaced.database);
        await move(target.transactions, replaced.transactions);
      } else if (storeExists(this.paths.storeDir)) {
        throw storeExistsError(this.paths.storeDir);
      }
      await move(built.database, target.database);
      await move(built.transactions, target.transactions);
    } catch (err) {
      for (const [from, to] of done.reverse()) await rename(to, from).catch(() => {});
      throw err instanceof AppError ? err : new BulkImportError(`Could not move the imported store into ${this.paths.storeDir}: ${(err as Error).message}`);
    }
  }
}

function storeExistsError(storeDir: string): ConflictError {
  return new ConflictError(`A store exists in ${storeDir} already; a bulk import only writes a new one`, { storeDir });
}

/**
 * The importer's JVM (dev.catalyst.BulkImporter): started by BulkImport.begin(), it warms up while the CSV files are
 * written; run() sends it NEO4J_HOME and neo4j-admin's arguments on stdin and waits for it to exit. Killed when the
 * import is discarded and when this process exits.
 */
class ImporterProcess {
  private readonly progress: ImporterProgress;
  /** stderr lines kept for an error message */
  private readonly output: string[] = [];
  private onProgress: (percent: number) => void = () => {};
  private log: (line: string) => void = () => {};
  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };

  private constructor(
    private readonly child: ChildProcess,
    private readonly exit: Promise<{ code: number | null; error?: Error }>,
  ) {
    this.progress = new ImporterProgress((line) => this.log(line));
    process.on('exit', this.killOnExit);
    void exit.then(() => process.off('exit', this.killOnExit));
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      const percent = this.progress.feed(text);
      if (percent !== null) this.onProgress(percent);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      this.log(line);
      // Stack frames, and the importer's advice about its store files (in the temporary folder, removed anyway).
      if (/^\s+at |^\s*\.\.\. \d+ more|^WARNING Import failed\. The store files|^Run with '--verbose'/.test(line) || line.trim() === '') return;
      this.output.push(line);
      if (this.output.length > TAIL_LINES) this.output.shift();
    });
  }

  static async start(tempDir: string): Promise<ImporterProcess> {
    const { ensureLauncherBuilt } = await loadLauncherBuilder();
    const build = await ensureLauncherBuilt({ log: () => {} });
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NEO4J_CONF;
    delete env.NEO4J_HOME;
    const child = spawn(
      build.java,
      [`-Xmx${jvmHeap()}`, ...JVM_FLAGS, ...IMPORTER_JVM_FLAGS, '-cp', build.classpath, IMPORTER_CLASS, path.join(tempDir, 'warm-up')],
      { cwd: tempDir, env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    // A JVM that dies early (or java that cannot start) is reported by run(); stdin errors are the same failure.
    child.stdin!.on('error', () => {});
    const exit = new Promise<{ code: number | null; error?: Error }>((resolveExit) => {
      child.once('error', (error) => resolveExit({ code: null, error }));
      child.once('close', (code) => resolveExit({ code }));
    });
    return new ImporterProcess(child, exit);
  }

  /** Imports into `home` with neo4j-admin's `args`; resolves when the JVM has exited. */
  async run(
    home: string,
    args: string[],
    onProgress: (percent: number) => void,
    log: (line: string) => void,
  ): Promise<{ code: number | null; error?: Error; output: string[]; progress: ImporterProgress }> {
    const lines = [home, ...args];
    if (lines.some((a) => /[\n\r]/.test(a))) throw new BulkImportError(`A path for the bulk importer holds a line break: ${JSON.stringify(lines)}`);
    this.onProgress = onProgress;
    this.log = log;
    for (const line of this.output) log(line);
    this.child.stdin!.end(lines.map((a) => `${a}\n`).join(''));
    const exit = await this.exit;
    return { ...exit, output: this.output, progress: this.progress };
  }

  /** Stops the JVM if it still runs (an import given up before run()) and waits for it to go. */
  async stop(): Promise<void> {
    this.kill();
    await this.exit;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/**
 * The importer's progress from its standard output: four stages, each announced by a line `(k/4) Stage name`, then
 * a dot per 0.1 % of the stage in rows of 50 ending with the percentage (`.......... ..........   5% ∆295ms`).
 */
export class ImporterProgress {
  /** non-progress lines seen (for error messages) */
  readonly lines: string[] = [];
  private stage = 0;
  private stages = 1;
  private counts: { nodes?: number; relationships?: number } | null = null;
  private stagePercent = 0;
  private dots = 0;
  private partial = '';

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** Feeds a piece of standard output; returns the overall percentage when it moved, else null. */
  feed(text: string): number | null {
    const before = this.percent();
    let rest = this.partial + text;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n')) {
      this.line(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
    }
    this.partial = rest;
    const after = this.percent();
    return after !== before ? after : null;
  }

  /** The counts of the summary the importer prints at the end (`Imported:`, `  N nodes`, `  M relationships`). */
  imported(): { nodes: number; relationships: number } | null {
    const c = this.counts;
    return c?.nodes !== undefined && c.relationships !== undefined ? { nodes: c.nodes, relationships: c.relationships } : null;
  }

  percent(): number {
    if (this.stage === 0) return 0;
    const partialDots = isProgressLine(this.partial) ? countDots(this.partial) : 0;
    const withinStage = Math.min(100, Math.max(this.stagePercent, (this.dots + partialDots) / 10));
    return Math.min(100, ((this.stage - 1) * 100 + withinStage) / this.stages);
  }

  private line(text: string): void {
    const stage = /^\((\d+)\/(\d+)\) /.exec(text);
    if (stage) {
      this.stage = Number(stage[1]);
      this.stages = Number(stage[2]);
      this.stagePercent = 0;
      this.dots = 0;
    } else if (this.stage > 0 && isProgressLine(text)) {
      this.dots += countDots(text);
      const percent = /\s(\d+)%/.exec(text);
      if (percent) this.stagePercent = Number(percent[1]);
      return;
    }
    if (text.trim() === 'Imported:') this.counts = {};
    const count = this.counts && /^\s+(\d+) (nodes|relationships)$/.exec(text);
    if (count && this.counts) this.counts[count[2] as 'nodes' | 'relationships'] = Number(count[1]);
    if (text.trim() !== '') {
      this.log(text);
      this.lines.push(text);
      if (this.lines.length > TAIL_LINES) this.lines.shift();
    }
  }
}

function isProgressLine(text: string): boolean {
  return /^[-.]{2}/.test(text);
}

function countDots(text: string): number {
  let n = 0;
  for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) n++;
  return n;
}
