/**
 * Temporal edge lists for the introduction evaluation, in the layouts public datasets come in:
 * - SNAP temporal: `SRC DST TIME` (CollegeMsg, email-Eu-core-temporal, sx-*, wiki-talk-temporal);
 * - SNAP signed ratings: `SOURCE,TARGET,RATING,TIME` (bitcoin-otc, bitcoin-alpha);
 * - KONECT: `% comment` lines, then `SRC DST WEIGHT TIME` separated by spaces or tabs;
 * - tab- or comma-separated tables with a header and extra columns, names as ids and ISO date-times
 *   (the Reddit hyperlink network: SOURCE_SUBREDDIT, TARGET_SUBREDDIT, POST_ID, TIMESTAMP, …).
 * The source and target are the first two columns unless `peopleColumns` says otherwise (SocioPatterns' contact
 * lists are `TIME SRC DST`; a first column that runs in order like a clock while the time column found does not,
 * and holds the same values as the second column, is warned about). The time column is found from the data when not given: among the other columns readable
 * on at least 80 % of the lines, an ISO date-time column if there is one, otherwise the
 * numeric column with the most distinct values (a rating or weight column has few). Numeric times are Unix
 * seconds, or relative seconds; values of 10^11 and more are read as milliseconds, 10^14 and more as
 * microseconds. `timeUnit` overrides that, including `d` for files that count days.
 */
import { constants } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface TemporalEdge {
  src: number;
  dst: number;
  /** seconds */
  t: number;
}

export type TimeUnit = 's' | 'ms' | 'us' | 'd';

export interface ReadOptions {
  /** 1-based columns of the source and the target person (default 1 and 2) */
  peopleColumns?: [number, number];
  /** 1-based column of the time; found from the data when absent */
  timeColumn?: number;
  /** unit of numeric times; found from their size when absent */
  timeUnit?: TimeUnit;
}

export interface TemporalEdges {
  /** sorted by time; equal times keep file order (self-loops kept: the evaluation skips them) */
  rows: TemporalEdge[];
  /** how the file was read, in words (printed and recorded in the results) */
  layout: string;
  /** warnings worth printing (one per line), e.g. a time span under a day */
  warning: string | null;
}

const SECONDS: Record<TimeUnit, number> = { s: 1, ms: 1e-3, us: 1e-6, d: 86_400 };
const UNIT_NAMES: Record<TimeUnit, string> = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', d: 'days' };
const ISO = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?)?(Z|[+-]\d\d:?\d\d)?$/;
const SAMPLE_LINES = 2000;

type Separator = '\t' | ',' | ' ';

function isComment(line: string): boolean {
  const s = line.trim();
  return s === '' || s.startsWith('#') || s.startsWith('%') || s.startsWith('//');
}

function cellsOf(line: string, sep: Separator): string[] {
  const raw = sep === ' ' ? line.trim().split(/\s+/) : line.split(sep);
  return raw.map((c) => {
    const s = c.trim();
    return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
  });
}

/** ISO date or date-time → Unix seconds (UTC when no zone is given), NaN otherwise. */
function isoSeconds(cell: string): number {
  if (!ISO.test(cell)) return Number.NaN;
  let s = cell.replace(' ', 'T');
  if (s.length > 10 && !/(Z|[+-]\d\d:?\d\d)$/.test(s)) s += 'Z';
  return Date.parse(s) / 1000;
}

function numeric(cell: string): number {
  return cell === '' ? Number.NaN : Number(cell);
}

function separatorOf(sample: string[]): Separator {
  const share = (ch: string) => sample.filter((l) => l.includes(ch)).length / sample.length;
  if (share('\t') >= 0.9) return '\t';
  if (share(',') >= 0.9) return ',';
  return ' ';
}

interface TimeColumn {
  /** 0-based */
  index: number;
  kind: 'iso' | 'number';
}

/** The time column of a sample of split data lines (the header, if any, among them). */
function timeColumnOf(rows: string[][], name: string, people: [number, number], given?: number): TimeColumn {
  const width = Math.max(...rows.map((r) => r.length));
  const describe = (index: number): { iso: number; num: number; distinct: number; present: number } => {
    let iso = 0;
    let num = 0;
    let present = 0;
    const values = new Set<string>();
    for (const r of rows) {
      const c = r[index];
      if (c === undefined || c === '') continue;
      present++;
      if (!Number.isNaN(isoSeconds(c))) iso++;
      else if (Number.isFinite(numeric(c))) num++;
      values.add(c);
    }
    return { iso, num, distinct: values.size, present };
  };
  // the first line may be a header, and a few lines may be broken: 80 % of the others decide
  const enough = (x: number) => x > 0 && x >= 0.8 * (rows.length - 1);
  if (given !== undefined) {
    if (people.includes(given - 1)) throw new Error(`${name}: column ${given} (--time-column) is a people column`);
    const d = describe(given - 1);
    if (enough(d.iso)) return { index: given - 1, kind: 'iso' };
    if (enough(d.num)) return { index: given - 1, kind: 'number' };
    throw new Error(`${name}: column ${given} (--time-column) holds neither numbers nor ISO date-times on most lines`);
  }
  const candidates = [];
  for (let index = 0; index < width; index++) if (!people.includes(index)) candidates.push({ index, ...describe(index) });
  const iso = candidates.find((c) => enough(c.iso));
  if (iso) return { index: iso.index, kind: 'iso' };
  const numbers = candidates.filter((c) => enough(c.num));
  if (numbers.length === 0) {
    throw new Error(
      `${name}: no time column. Expected SRC DST TIME per line (TIME in Unix seconds or an ISO date-time, in the third or a later column); ` +
        `the first data line has ${rows[0]?.length ?? 0} column(s): "${rows[0]?.join(' | ') ?? ''}"`,
    );
  }
  // most distinct values: a weight or rating column has few, a time column many; the later column on a tie
  const best = numbers.reduce((b, c) => (c.distinct >= b.distinct ? c : b));
  return { index: best.index, kind: 'number' };
}

function unitOf(values: number[]): TimeUnit {
  const sorted = values.map(Math.abs).sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  if (median >= 1e14) return 'us';
  if (median >= 1e11) return 'ms';
  return 's';
}

/** Parse a temporal edge list (see the module comment). `name` is used in messages. */
export function parseTemporalEdges(text: string, name: string, options: ReadOptions = {}): TemporalEdges {
  const lines = text.split('\n');
  const strip = (l: string) => (l.endsWith('\r') ? l.slice(0, -1) : l);
  // the first data lines decide the separator, the time column and whether ids are integers
  const head: string[] = [];
  let firstLine = 0;
  for (let k = 0; k < lines.length && head.length < SAMPLE_LINES; k++) {
    if (isComment(lines[k])) continue;
    if (head.length === 0) firstLine = k + 1;
    head.push(strip(lines[k]));
  }
  if (head.length === 0) throw new Error(`${name}: no data lines (only blank or comment lines)`);
  const sep = separatorOf(head);
  const sample = head.map((l) => cellsOf(l, sep));
  const [s0, s1] = (options.peopleColumns ?? [1, 2]).map((c) => c - 1);
  if (s0 === s1) throw new Error(`${name}: the source and the target must be different columns`);
  const time = timeColumnOf(sample, name, [s0, s1], options.timeColumn);

  // Ids: integers when they are (kept as they are, so sector tables keyed by id still apply), names otherwise.
  const integerId = (c: string) => /^-?\d+$/.test(c) && Number.isSafeInteger(Number(c));
  const readable = (cells: string[]) => {
    const c = cells[time.index];
    return c !== undefined && (cells[s0] ?? '') !== '' && (cells[s1] ?? '') !== '' && (time.kind === 'iso' ? !Number.isNaN(isoSeconds(c)) : Number.isFinite(numeric(c)));
  };
  // integer ids when (nearly) every readable line of the sample has them; then a line with other ids is unreadable
  const sampled = sample.filter(readable);
  const integerIds = sampled.filter((cells) => integerId(cells[s0]) && integerId(cells[s1])).length >= 0.8 * sampled.length;
  const names = new Map<string, number>();
  const idOf = (cell: string): number => {
    if (integerIds) return Number(cell);
    let id = names.get(cell);
    if (id === undefined) {
      id = names.size;
      names.set(cell, id);
    }
    return id;
  };

  const raw: { src: number; dst: number; t: number }[] = [];
  const skipped: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (isComment(lines[k])) continue;
    const cells = cellsOf(strip(lines[k]), sep);
    if (!readable(cells) || (integerIds && !(integerId(cells[s0]) && integerId(cells[s1])))) {
      skipped.push(k + 1);
      continue;
    }
    const c = cells[time.index];
    raw.push({ src: idOf(cells[s0]), dst: idOf(cells[s1]), t: time.kind === 'iso' ? isoSeconds(c) : numeric(c) });
  }
  let unit: TimeUnit | 'iso' = 'iso';
  if (time.kind === 'number') {
    unit = options.timeUnit ?? unitOf(raw.slice(0, SAMPLE_LINES).map((r) => r.t));
    const f = SECONDS[unit];
    if (f !== 1) for (const r of raw) r.t *= f;
  } else if (options.timeUnit !== undefined) {
    throw new Error(`${name}: --time-unit applies to numeric times; column ${time.index + 1} holds ISO date-times`);
  }
  // Only the first data line may be an unreadable header; later unreadable lines are counted and named.
  const bad = skipped.filter((line) => line !== firstLine);
  if (raw.length < 10) {
    throw new Error(
      `${name}: ${raw.length} readable rows; expected lines "SRC DST TIME" (TIME in Unix seconds or an ISO date-time)` +
        (bad.length > 0 ? `; line ${bad[0]} does not read as one` : ''),
    );
  }
  const rows = raw.sort((x, y) => x.t - y.t); // stable (ES2019): equal times keep file order
  const span = rows[rows.length - 1].t - rows[0].t;
  if (span === 0) {
    throw new Error(
      `${name}: all ${rows.length.toLocaleString('en')} rows have the same time (column ${time.index + 1}); the evaluation splits the time span into training and test, so it needs rows at different times`,
    );
  }
  const sepName = sep === '\t' ? 'tab' : sep === ',' ? 'comma' : 'whitespace';
  const layout =
    `${sepName}-separated; ${s0 === 0 && s1 === 1 ? '' : `people = columns ${s0 + 1} → ${s1 + 1}; `}time = column ${time.index + 1} (${unit === 'iso' ? 'ISO date-times, UTC unless zoned' : UNIT_NAMES[unit]}${options.timeUnit ? ', as given' : ''}); ` +
    `ids ${integerIds ? 'integers' : `names (${names.size.toLocaleString('en')})`}; ${raw.length.toLocaleString('en')} rows` +
    (skipped.length > 0 ? `; ${skipped.length.toLocaleString('en')} line(s) skipped (${describeSkipped(skipped, firstLine)})` : '');
  const warnings: string[] = [];
  if (span < 86_400 && unit !== 'd') warnings.push(`${name}: the whole time span is ${Math.round(span)} seconds, under a day; if TIME counts days (or another unit), pass --time-unit d|s|ms|us`);
  // TIME SRC DST files (SocioPatterns contacts, some Network Repository lists) read as SRC DST TIME would make
  // nonsense quietly: say so when the first column runs in order like a clock, the time column found does not,
  // and that column holds the same values as the second (people, not times). A SRC DST TIME file sorted by
  // source also has an ordered first column, but its times are not ids.
  const inOrder = (values: number[]) => values.every((v, k) => k === 0 || v >= values[k - 1]);
  const column = (c: number) => sampled.map((cells) => numeric(cells[c]));
  const first = column(0);
  const timeValues = column(time.index);
  if (
    options.peopleColumns === undefined &&
    options.timeColumn === undefined &&
    first.every(Number.isFinite) &&
    new Set(first).size > 10 &&
    inOrder(first) &&
    !inOrder(timeValues) &&
    overlap(timeValues, column(1)) >= 0.5
  ) {
    warnings.push(`${name}: column 1 never decreases, like a time, while column ${time.index + 1} (read as the time) does; if the file is TIME SRC DST, pass --people-columns 2,3 --time-column 1`);
  }
  return { rows, layout, warning: warnings.length > 0 ? warnings.join('\n') : null };
}

/** Overlap coefficient of the distinct values of two columns: |A ∩ B| / min(|A|, |B|). */
function overlap(a: number[], b: number[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let common = 0;
  for (const v of sa) if (sb.has(v)) common++;
  return common / Math.max(1, Math.min(sa.size, sb.size));
}

function describeSkipped(lines: number[], first: number): string {
  const header = lines[0] === first ? ['line ' + first + ', a header'] : [];
  const rest = lines.filter((l) => l !== first);
  if (rest.length > 0) header.push(`line${rest.length > 1 ? 's' : ''} ${rest.slice(0, 3).join(', ')}${rest.length > 3 ? ', …' : ''}`);
  return header.join('; ');
}

/**
 * Read a temporal edge list from a file (gzipped when the name ends in .gz). The file is read whole, as text:
 * one larger than `maxBytes` (V8's longest string, about 512 MB, by default) is refused with a message saying so,
 * a plain file before it is read and a gzipped one once unpacked, rather than failing deep inside; tens of millions of rows would not fit the default
 * heap of the evaluation anyway.
 */
export function readTemporalEdges(file: string, options: ReadOptions = {}, maxBytes: number = constants.MAX_STRING_LENGTH): TemporalEdges {
  const tooLarge = (bytes: number, what: string) =>
    new Error(
      `${file}: ${what} ${(bytes / 1e6).toFixed(0)} MB, more than the ${(maxBytes / 1e6).toFixed(0)} MB this evaluation reads at once; ` +
        `evaluate a part of it, e.g. its first 20 million lines (head -n 20000000 ${file} > part.txt) or a time range`,
    );
  const gz = file.endsWith('.gz');
  const size = statSync(file).size;
  if (!gz && size > maxBytes) throw tooLarge(size, 'is');
  const raw = readFileSync(file);
  const bytes = gz ? gunzipSync(raw) : raw;
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, 'unpacks to');
  return parseTemporalEdges(bytes.toString('utf8'), file, options);
}
