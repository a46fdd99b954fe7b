/**
 * The SNAP edge-list formats (Stanford Large Network Dataset Collection).
 *
 * snap-signed: `SOURCE,TARGET,RATING,TIME`, comma-separated, no header (bitcoin-otc, bitcoin-alpha). A row is a
 *   trust rating: SOURCE rated TARGET. Following DESIGN.md, the rated person gains influence over the rater, so
 *   each row becomes an Event of kind `rating` DROVE by TARGET (role `rated`) that REACHED SOURCE, with
 *   valence RATING/10, magnitude |RATING|, medium `rating`, at TIME (unix seconds, decimals allowed).
 *   RATING must be a non-zero number in -10..10.
 * snap-temporal: `SRC DST UNIXTS`, whitespace-separated (CollegeMsg, email-Eu-core-temporal). A row is a message
 *   SRC sent DST: an Event of kind `message` DROVE by SRC (role `sender`) that REACHED DST, valence 0,
 *   magnitude 1, medium `message`, title '' (kind and people say it all, and a title string per row would be
 *   another allocation on the hot path). Two-column files (`SRC DST`, e.g. soc-Slashdot0902) have no time: by default
 *   each row becomes a KNOWS tie SRC→DST with trust 0.5 (option `twoColumn`).
 *
 * Both: `#` and `%` lines are comments; a first line whose time column is not a number is taken for a header
 * added by a copy of the file and skipped (noted in `skipped`); a person record (id and name = the id as
 * written) is emitted, before the record that needs it, the first time an id appears. Event ids are derived from
 * the row (`rating:SOURCE:TARGET:TIME`, `msg:SRC:DST:TS`), with `:k` appended for the k-th repeat of the same row,
 * so importing a file twice creates nothing new. Self-loops (SOURCE = TARGET) are skipped by default.
 *
 * A repeat is a row with the same two ids and the same time value.
 *
 * Speed: no zod here (it would cost more than the rest of the parse). Rows are checked field by field and the
 * records are built already in the shape `eventSchema`/`personSchema`/`tieSchema` output; the tests check that
 * they parse to themselves. Most of the remaining cost is the garbage collector copying the batch being filled.
 * Memory: a map of person ids, and ~24–48 bytes per distinct row in a typed-array table (row-keys.ts).
 */
import type { InfluenceEvent, Person, TieInput } from '../../domain/model.ts';
import type { BatchSink } from './batch-sink.ts';
import { excerpt, sniffOtherFormat, type LineParser } from './line-parser.ts';
import { isoFromEpochMs, PersonIndex, RowKeyTable } from './row-keys.ts';

export interface SnapOptions {
  sector: string;
  twoColumn: 'ties' | 'events' | 'error';
  /** ISO time of untimed messages (twoColumn 'events') */
  untimedAt: string | null;
  trust: number;
  selfLoops: 'skip' | 'keep' | 'error';
}

const MAX_ID_LENGTH = 200;
/** ±8.64e15 ms is the range of a JavaScript Date */
const MAX_SECONDS = 8.64e12;

abstract class SnapParser implements LineParser {
  private readonly people = new PersonIndex();
  /** (source, target, time) → how many times the row was seen */
  private readonly repeats = new RowKeyTable();
  /** false until the first data line has been seen (format sniffing, header detection) */
  protected sawData = false;

  constructor(protected readonly options: SnapOptions) {}

  abstract line(text: string, line: number, sink: BatchSink): void;

  end(): void {}

  /** The index of a person, emitting a person record the first time the id is seen. */
  protected meet(id: string, line: number, sink: BatchSink): number {
    const known = this.people.get(id);
    if (known !== -1) return known;
    const person: Person = { id, name: id, sectors: [], offers: [], seeks: [] };
    sink.record(line, { type: 'person', value: person });
    return this.people.add(id);
  }

  /** `key` the first time (source, target, time) is seen, then `key:1`, `key:2`, … */
  protected uniqueId(key: string, source: number, target: number, time: number): string {
    const seen = this.repeats.increment(source, target, time);
    return seen === 0 ? key : `${key}:${seen}`;
  }

  /** Checks an id column; returns an error message or null. */
  protected checkId(column: string, id: string): string | null {
    if (id.length === 0) return `${column} is empty`;
    if (id.length > MAX_ID_LENGTH) return `${column} is longer than ${MAX_ID_LENGTH} characters`;
    return null;
  }

  /** What to do with a self-loop: true when the row should be kept. */
  protected allowSelfLoop(from: string, to: string, columns: string, line: number, sink: BatchSink): boolean {
    if (from !== to) return true;
    if (this.options.selfLoops === 'keep') return true;
    const message = `self-loop: ${columns} are both "${from}"`;
    if (this.options.selfLoops === 'skip') sink.skip(line, message);
    else sink.error(line, `${message} (option selfLoops: 'skip' or 'keep' accepts it)`);
    return false;
  }
}

/** Unix seconds as written → ISO string, or an error message. Remembers the last conversion (files are sorted by time). */
class UnixTimes {
  private lastText = '';
  private lastIso = '';
  seconds = 0;

  convert(column: string, text: string): string | { error: string } {
    if (text === this.lastText) return this.lastIso;
    const seconds = text.length === 0 ? Number.NaN : +text;
    if (Number.isNaN(seconds)) return { error: `${column} ${JSON.stringify(text)} is not a number (unix seconds)` };
    if (!(Math.abs(seconds) <= MAX_SECONDS)) return { error: `${column} ${text} is out of range for unix seconds` };
    this.seconds = seconds;
    this.lastText = text;
    this.lastIso = isoFromEpochMs(seconds * 1000);
    return this.lastIso;
  }
}

function isNumeric(text: string): boolean {
  return text.length > 0 && !Number.isNaN(+text);
}

function isBlankOrComment(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 35 /* # */ || c === 37 /* % */ || text.length === 0) return true;
  return c <= 32 && text.trim().length === 0;
}

export class SnapSignedParser extends SnapParser {
  private readonly times = new UnixTimes();
  private readonly parts: string[] = ['', '', '', ''];

  line(text: string, line: number, sink: BatchSink): void {
    if (isBlankOrComment(text)) return;
    const parts = this.parts;
    const count = splitCommas(text, parts);
    if (!this.sawData) {
      this.sawData = true;
      const other = sniffOtherFormat(text);
      if (other) return sink.fatal(line, `this is ${other}, not snap-signed`);
      if (count !== 4) {
        const hint = count === 1 && /\S\s+\S/.test(text.trim())
          ? ' (this line is whitespace-separated: for SRC DST UNIXTS use format snap-temporal)'
          : '';
        return sink.fatal(
          line,
          `not snap-signed: expected 4 comma-separated columns SOURCE,TARGET,RATING,TIME, got ${count} in ${excerpt(text)}${hint}`,
        );
      }
      if (!isNumeric(parts[2]) && !isNumeric(parts[3])) {
        sink.skip(line, `header line ${excerpt(text)}`);
        return;
      }
    }
    if (count !== 4) {
      return sink.error(line, `expected 4 comma-separated columns SOURCE,TARGET,RATING,TIME, got ${count}`);
    }
    const source = parts[0];
    const target = parts[1];
    const ratingText = parts[2];
    const timeText = parts[3];
    const idProblem = this.checkId('SOURCE', source) ?? this.checkId('TARGET', target);
    if (idProblem) return sink.error(line, idProblem);
    const rating = ratingText.length === 0 ? Number.NaN : +ratingText;
    if (Number.isNaN(rating)) return sink.error(line, `RATING ${JSON.stringify(ratingText)} is not a number`);
    if (rating === 0) return sink.error(line, 'RATING 0 is not allowed: a rating is a non-zero number in -10..10');
    if (!(rating >= -10 && rating <= 10)) return sink.error(line, `RATING ${ratingText} is outside -10..10`);
    const at = this.times.convert('TIME', timeText);
    if (typeof at !== 'string') return sink.error(line, at.error);
    if (!this.allowSelfLoop(source, target, 'SOURCE and TARGET', line, sink)) return;

    const sourceIndex = this.meet(source, line, sink);
    const targetIndex = this.meet(target, line, sink);
    const event: InfluenceEvent = {
      id: this.uniqueId(`rating:${source}:${target}:${timeText}`, sourceIndex, targetIndex, this.times.seconds),
      title: `rating ${rating} by ${source}`,
      at,
      kind: 'rating',
      sector: this.options.sector,
      medium: 'rating',
      valence: rating / 10,
      magnitude: Math.abs(rating),
      fade: null,
      drivers: [{ person: target, role: 'rated' }],
      reached: [{ person: source, weight: 1 }],
    };
    sink.record(line, { type: 'event', value: event });
  }
}

export class SnapTemporalParser extends SnapParser {
  /** 3 for SRC DST UNIXTS, 2 for SRC DST; fixed by the first data line */
  private columns = 0;
  private readonly fields: string[] = ['', '', ''];
  /** (source, target) → line of the tie, in two-column 'ties' mode */
  private readonly tiePairs = new RowKeyTable();
  private readonly times = new UnixTimes();

  line(text: string, line: number, sink: BatchSink): void {
    if (isBlankOrComment(text)) return;
    const fields = this.fields;
    const count = splitWhitespace(text, fields);
    if (count === 0) return;
    if (!this.sawData) {
      this.sawData = true;
      const other = sniffOtherFormat(text);
      if (other) return sink.fatal(line, `this is ${other}, not snap-temporal`);
      if (count === 1 && text.includes(',')) {
        return sink.fatal(
          line,
          `not snap-temporal: ${excerpt(text)} is comma-separated; SNAP temporal files are SRC DST UNIXTS separated by spaces or tabs (for SOURCE,TARGET,RATING,TIME use format snap-signed)`,
        );
      }
      if (count !== 2 && count !== 3) {
        return sink.fatal(
          line,
          `not snap-temporal: expected SRC DST UNIXTS (or SRC DST) separated by whitespace, got ${count} columns in ${excerpt(text)}`,
        );
      }
      this.columns = count;
      if (count === 2 && this.options.twoColumn === 'error') {
        return sink.fatal(
          line,
          `this file has two columns (SRC DST) and no time; pass the option twoColumn: 'ties' (KNOWS ties) or 'events' with untimedAt`,
        );
      }
      if (count === 3 && !isNumeric(fields[2])) {
        sink.skip(line, `header line ${excerpt(text)}`);
        return;
      }
    }
    if (count !== this.columns) {
      const shape = this.columns === 3 ? 'SRC DST UNIXTS' : 'SRC DST';
      return sink.error(line, `expected ${this.columns} columns (${shape}) like the lines before, got ${count}`);
    }
    const source = fields[0];
    const target = fields[1];
    const idProblem = this.checkId('SRC', source) ?? this.checkId('DST', target);
    if (idProblem) return sink.error(line, idProblem);

    if (this.columns === 2 && this.options.twoColumn === 'ties') {
      if (!this.allowSelfLoop(source, target, 'SRC and DST', line, sink)) return;
      const sourceIndex = this.meet(source, line, sink);
      const targetIndex = this.meet(target, line, sink);
      const first = this.tiePairs.getOrSet(sourceIndex, targetIndex, 0, line);
      if (first !== -1) return sink.error(line, `duplicate tie from "${source}" to "${target}" (first at line ${first})`);
      const tie: TieInput = { from: source, to: target, trust: this.options.trust, since: null, lastContact: null };
      sink.record(line, { type: 'tie', value: tie });
      return;
    }

    let at: string;
    let key: string;
    let seconds = 0;
    if (this.columns === 3) {
      const time = this.times.convert('UNIXTS', fields[2]);
      if (typeof time !== 'string') return sink.error(line, time.error);
      at = time;
      seconds = this.times.seconds;
      key = `msg:${source}:${target}:${fields[2]}`;
    } else {
      at = this.options.untimedAt!;
      key = `msg:${source}:${target}`;
    }
    if (!this.allowSelfLoop(source, target, 'SRC and DST', line, sink)) return;
    const sourceIndex = this.meet(source, line, sink);
    const targetIndex = this.meet(target, line, sink);
    const event: InfluenceEvent = {
      id: this.uniqueId(key, sourceIndex, targetIndex, seconds),
      title: '',
      at,
      kind: 'message',
      sector: this.options.sector,
      medium: 'message',
      valence: 0,
      magnitude: 1,
      fade: null,
      drivers: [{ person: source, role: 'sender' }],
      reached: [{ person: target, weight: 1 }],
    };
    sink.record(line, { type: 'event', value: event });
  }
}

/**
 * Splits on commas into `out`, trimming each field (only as many fields as `out` holds are stored); returns the
 * number of fields. Hand-written to avoid an array per line.
 */
function splitCommas(text: string, out: string[]): number {
  let count = 0;
  let start = 0;
  for (;;) {
    const comma = text.indexOf(',', start);
    const end = comma === -1 ? text.length : comma;
    if (count < out.length) {
      let from = start;
      let to = end;
      while (from < to && text.charCodeAt(from) <= 32) from++;
      while (to > from && text.charCodeAt(to - 1) <= 32) to--;
      out[count] = text.slice(from, to);
    }
    count++;
    if (comma === -1) return count;
    start = comma + 1;
  }
}

/**
 * Splits on spaces and tabs into `out` (only as many fields as `out` holds are stored); returns the number of
 * fields. Hand-written because a regex split per line costs a third of the parse time.
 */
function splitWhitespace(text: string, out: string[]): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9 || c === 11 || c === 12) c = text.charCodeAt(++i);
    if (i >= n) break;
    const start = i;
    while (i < n && c !== 32 && c !== 9 && c !== 11 && c !== 12) c = text.charCodeAt(++i);
    if (count < out.length) out[count] = text.slice(start, i);
    count++;
  }
  return count;
}
