/**
 * The four CSV formats with a header: people-csv, ties-csv, introductions-csv, dismissals-csv. Each is a list of column
 * specs plus the zod schema from domain/model.ts that validates the record the columns make.
 *
 * Reading: the header names the columns (any order, case and `_`/`-`/space-insensitive: `last_contact` is
 * `lastContact`); optional columns may be left out. A cell is converted by its column kind (list columns split
 * on `;`, numbers checked, empty time cells are null), then the record is validated by the schema and every
 * problem is turned into one message naming the column. Duplicate keys within the file are errors that name
 * the first line.
 *
 * Writing: every column, in the order of the spec, one record per line, `\n` line endings.
 */
import type { z } from 'zod';
import {
  dismissalRecordSchema,
  introductionRecordProblem,
  introductionSchema,
  personSchema,
  tieId,
  tieSchema,
  type DismissalRecord,
  type IntroductionInput,
  type Person,
  type TieInput,
} from '../../domain/model.ts';
import type { BatchSink } from './batch-sink.ts';
import { CsvRecordReader, csvLine, type CsvEvent } from './csv.ts';
import { describeIssues, show } from './issue-messages.ts';
import { excerpt, sniffOtherFormat, type LineParser } from './line-parser.ts';
import { FormatWriteError, type ImportRecord } from './types.ts';

/** How a cell becomes a value: 'text' as is; 'optional' empty → absent; 'list' `;`-separated; 'number' empty → absent (the default); 'nullableNumber' and 'nullableTime' empty → null. */
export type CellKind = 'text' | 'optional' | 'list' | 'number' | 'nullableNumber' | 'nullableTime';

export interface ColumnSpec {
  name: string;
  kind: CellKind;
  required: boolean;
  description: string;
}

export interface TableFormat<T> {
  format: 'people-csv' | 'ties-csv' | 'introductions-csv' | 'dismissals-csv';
  columns: readonly ColumnSpec[];
  schema: z.ZodType<T>;
  toRecord(value: T): ImportRecord;
  /** what must be unique within one file, with how to name it in a message */
  uniqueKeys(value: T): { key: string; label: string }[];
  /** a rule the schema does not express, or null */
  check(value: T): string | null;
  /** the cells of one row, in column order */
  toRow(value: T): string[];
}

export const LIST_SEPARATOR = ';';

export const peopleTable: TableFormat<Person> = {
  format: 'people-csv',
  columns: [
    { name: 'id', kind: 'text', required: true, description: 'unique id of the person' },
    { name: 'name', kind: 'text', required: true, description: 'display name' },
    { name: 'sectors', kind: 'list', required: false, description: 'sectors, separated by ;' },
    { name: 'offers', kind: 'list', required: false, description: 'strengths and skills offered, separated by ;' },
    { name: 'seeks', kind: 'list', required: false, description: 'needs, separated by ;' },
  ],
  schema: personSchema,
  toRecord: (value) => ({ type: 'person', value }),
  uniqueKeys: (person) => [{ key: person.id, label: `id "${person.id}"` }],
  check: () => null,
  toRow: (person) => [
    person.id,
    person.name,
    joinList(person.sectors, `person "${person.id}"`, 'sectors', 'people-csv'),
    joinList(person.offers, `person "${person.id}"`, 'offers', 'people-csv'),
    joinList(person.seeks, `person "${person.id}"`, 'seeks', 'people-csv'),
  ],
};

export const tiesTable: TableFormat<TieInput> = {
  format: 'ties-csv',
  columns: [
    { name: 'from', kind: 'text', required: true, description: 'id of the person who trusts' },
    { name: 'to', kind: 'text', required: true, description: 'id of the person trusted' },
    { name: 'trust', kind: 'number', required: false, description: 'trust of from in to, 0..1 (default 0.5)' },
    { name: 'since', kind: 'nullableTime', required: false, description: 'ISO date the tie began (optional)' },
    { name: 'lastContact', kind: 'nullableTime', required: false, description: 'ISO date of the last contact (optional)' },
    { name: 'id', kind: 'optional', required: false, description: 'tie id (default from->to)' },
  ],
  schema: tieSchema,
  toRecord: (value) => ({ type: 'tie', value }),
  uniqueKeys: (tie) => {
    const keys = [{ key: `pair\u0000${tie.from}\u0000${tie.to}`, label: `tie from "${tie.from}" to "${tie.to}"` }];
    if (tie.id !== undefined && tie.id !== tieId(tie.from, tie.to)) keys.push({ key: `id\u0000${tie.id}`, label: `id "${tie.id}"` });
    return keys;
  },
  check: (tie) => (tie.from === tie.to ? `a tie needs two different people; from and to are both "${tie.from}"` : null),
  toRow: (tie) => [tie.from, tie.to, String(tie.trust), tie.since ?? '', tie.lastContact ?? '', tie.id ?? ''],
};

export const introductionsTable: TableFormat<IntroductionInput> = {
  format: 'introductions-csv',
  columns: [
    { name: 'id', kind: 'optional', required: false, description: 'introduction id (optional; generated when absent)' },
    { name: 'introducer', kind: 'text', required: true, description: 'id of the person who introduces' },
    { name: 'a', kind: 'text', required: true, description: 'id of one person introduced' },
    { name: 'b', kind: 'text', required: true, description: 'id of the other person introduced' },
    { name: 'at', kind: 'optional', required: false, description: 'ISO date-time of the introduction (optional)' },
    {
      name: 'status',
      kind: 'optional',
      required: false,
      description: 'suggested, made, accepted, declined, succeeded or failed (default made)',
    },
    { name: 'value', kind: 'nullableNumber', required: false, description: 'size of the outcome (optional)' },
    { name: 'note', kind: 'text', required: false, description: 'free text' },
    {
      name: 'outcomeAt',
      kind: 'nullableTime',
      required: false,
      description: 'ISO date-time the outcome came (optional; only for declined, succeeded or failed, not before at)',
    },
  ],
  schema: introductionSchema,
  toRecord: (value) => ({ type: 'introduction', value }),
  uniqueKeys: (introduction) =>
    introduction.id === undefined ? [] : [{ key: introduction.id, label: `id "${introduction.id}"` }],
  check: introductionRecordProblem,
  toRow: (introduction) => [
    introduction.id ?? '',
    introduction.introducer,
    introduction.a,
    introduction.b,
    introduction.at ?? '',
    introduction.status,
    introduction.value === null ? '' : String(introduction.value),
    introduction.note,
    introduction.outcomeAt ?? '',
  ],
};

export const dismissalsTable: TableFormat<DismissalRecord> = {
  format: 'dismissals-csv',
  columns: [
    { name: 'id', kind: 'optional', required: false, description: 'dismissal id (optional; made from by, a and b when absent)' },
    { name: 'by', kind: 'text', required: true, description: 'id of the person who dismissed the suggestion' },
    { name: 'a', kind: 'text', required: true, description: 'id of one person of the pair' },
    { name: 'b', kind: 'text', required: true, description: 'id of the other (by being a or b: not interested; a third person: will not introduce them)' },
    { name: 'at', kind: 'optional', required: false, description: 'ISO date-time it was dismissed (optional; the import time when absent)' },
  ],
  schema: dismissalRecordSchema,
  toRecord: (value) => ({ type: 'dismissal', value }),
  uniqueKeys: (d) => {
    const [x, y] = d.a < d.b ? [d.a, d.b] : [d.b, d.a];
    const keys = [{ key: `pair\u0000${d.by}\u0000${x}\u0000${y}`, label: `dismissal of "${x}" and "${y}" by "${d.by}"` }];
    if (d.id !== undefined) keys.push({ key: `id\u0000${d.id}`, label: `id "${d.id}"` });
    return keys;
  },
  check: (d) => (d.a === d.b ? `a and b must be two different people; both are "${d.a}"` : null),
  toRow: (d) => [d.id ?? '', d.by, d.a, d.b, d.at ?? ''],
};

export const TABLES = [peopleTable, tiesTable, introductionsTable, dismissalsTable] as const;

/** A list as one cell; refuses an item that contains the separator, since it could not be read back. */
export function joinList(items: readonly string[], owner: string, column: string, where: string): string {
  for (const item of items) {
    if (item.includes(LIST_SEPARATOR)) {
      throw new FormatWriteError(
        `${owner}: ${column} item ${JSON.stringify(item)} contains "${LIST_SEPARATOR}", the list separator of ${where}`,
      );
    }
  }
  return items.join(LIST_SEPARATOR);
}

/** The header line of a table format. */
export function headerLine(table: TableFormat<unknown>): string {
  return csvLine(table.columns.map((column) => column.name));
}

export function rowLine<T>(table: TableFormat<T>, value: T): string {
  return csvLine(table.toRow(value));
}

function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a table format line by line. */
export class TableParser<T> implements LineParser {
  private readonly reader = new CsvRecordReader();
  /** column spec of each position in the file, once the header is read */
  private layout: ColumnSpec[] | null = null;
  private readonly firstLines = new Map<string, number>();

  constructor(private readonly table: TableFormat<T>) {}

  line(text: string, line: number, sink: BatchSink): void {
    if (this.layout === null && text.trim().length > 0) {
      const other = sniffOtherFormat(text);
      if (other) {
        sink.fatal(line, `this is ${other}, not ${this.table.format}`);
        return;
      }
    }
    this.reader.line(text, line, (event) => this.onEvent(event, sink));
  }

  end(sink: BatchSink, lines: number): void {
    this.reader.end((event) => this.onEvent(event, sink));
    if (this.layout === null && !sink.stopped) {
      sink.fatal(Math.max(lines, 1), `the file is empty: expected a header line ${this.columnList()}`);
    }
  }

  private onEvent(event: CsvEvent, sink: BatchSink): void {
    if (sink.stopped) return;
    if (event.kind === 'fatal') sink.fatal(event.line, event.message);
    else if (event.kind === 'error') sink.error(event.line, event.message);
    else if (this.layout === null) this.readHeader(event.fields, event.line, sink);
    else this.readRow(event.fields, event.line, sink);
  }

  private columnList(): string {
    return this.table.columns.map((column) => column.name).join(',');
  }

  private readHeader(cells: string[], line: number, sink: BatchSink): void {
    const byName = new Map(this.table.columns.map((column) => [normaliseColumnName(column.name), column]));
    const layout: ColumnSpec[] = [];
    const unknown: string[] = [];
    const seen = new Set<ColumnSpec>();
    for (const cell of cells) {
      const column = byName.get(normaliseColumnName(cell));
      if (!column) {
        unknown.push(cell);
        continue;
      }
      if (seen.has(column)) {
        sink.fatal(line, `column "${column.name}" appears twice in the header`);
        return;
      }
      seen.add(column);
      layout.push(column);
    }
    const otherFormat = guessTableFormat(cells, this.table.format);
    const hint = otherFormat ? ` (this header is ${otherFormat}'s)` : '';
    if (layout.length === 0) {
      sink.fatal(
        line,
        `missing header: the first line must name the columns ${this.columnList()}; got ${excerpt(cells.join(','))}${hint}`,
      );
      return;
    }
    if (unknown.length > 0) {
      const described = unknown.map((name) => {
        const suggestion = closestColumn(name, this.table.columns);
        return `"${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
      });
      sink.fatal(
        line,
        `unknown column${unknown.length > 1 ? 's' : ''} ${described.join(', ')}; ${this.table.format} has columns ${this.columnList()}${hint}`,
      );
      return;
    }
    const missing = this.table.columns.filter((column) => column.required && !seen.has(column));
    if (missing.length > 0) {
      const names = missing.map((column) => `"${column.name}"`).join(', ');
      sink.fatal(line, `missing required column${missing.length > 1 ? 's' : ''} ${names} in the header${hint}`);
      return;
    }
    this.layout = layout;
  }

  private readRow(cells: string[], line: number, sink: BatchSink): void {
    const layout = this.layout!;
    if (cells.length !== layout.length) {
      sink.error(
        line,
        `expected ${layout.length} columns (${layout.map((column) => column.name).join(',')}), got ${cells.length}`,
      );
      return;
    }
    const input: Record<string, unknown> = {};
    const problems: string[] = [];
    const badColumns = new Set<string>();
    for (let i = 0; i < layout.length; i++) {
      const column = layout[i];
      const cell = cells[i];
      const value = convertCell(column, cell);
      if (value === INVALID_NUMBER) {
        problems.push(`column "${column.name}": ${show(cell.trim())} is not a number`);
        badColumns.add(column.name);
      } else if (value !== undefined) {
        input[column.name] = value;
      }
    }
    const result = this.table.schema.safeParse(input, { reportInput: true });
    if (!result.success) {
      const issues = result.error.issues.filter((issue) => !badColumns.has(String(issue.path[0])));
      if (issues.length > 0) problems.push(describeIssues(issues, this.table.schema, 'column'));
    }
    if (problems.length > 0 || !result.success) {
      sink.error(line, problems.join('; '));
      return;
    }
    const value = result.data;
    const rule = this.table.check(value);
    if (rule) {
      sink.error(line, rule);
      return;
    }
    for (const { key, label } of this.table.uniqueKeys(value)) {
      const first = this.firstLines.get(key);
      if (first !== undefined) {
        sink.error(line, `duplicate ${label} (first at line ${first})`);
        return;
      }
    }
    for (const { key } of this.table.uniqueKeys(value)) this.firstLines.set(key, line);
    sink.record(line, this.table.toRecord(value));
  }
}

const INVALID_NUMBER = Symbol('invalid number');

function convertCell(column: ColumnSpec, cell: string): unknown {
  switch (column.kind) {
    case 'text':
      return cell;
    case 'optional':
      return cell.trim() === '' ? undefined : cell;
    case 'list':
      return cell
        .split(LIST_SEPARATOR)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    case 'number':
    case 'nullableNumber': {
      const text = cell.trim();
      if (text === '') return column.kind === 'number' ? undefined : null;
      return NUMBER.test(text) ? Number(text) : INVALID_NUMBER;
    }
    case 'nullableTime':
      return cell.trim() === '' ? null : cell;
  }
}

/** The other table format whose columns these are, if any. */
function guessTableFormat(cells: string[], except: string): string | null {
  const names = new Set(cells.map(normaliseColumnName));
  for (const table of TABLES) {
    if (table.format === except) continue;
    const known = new Set(table.columns.map((column) => normaliseColumnName(column.name)));
    const allKnown = [...names].every((name) => known.has(name));
    const required = table.columns.every((column) => !column.required || names.has(normaliseColumnName(column.name)));
    if (allKnown && required) return table.format;
  }
  return null;
}

function closestColumn(name: string, columns: readonly ColumnSpec[]): string | null {
  const wanted = normaliseColumnName(name);
  let best: string | null = null;
  let bestDistance = 3;
  for (const column of columns) {
    const distance = editDistance(wanted, normaliseColumnName(column.name));
    if (distance < bestDistance) {
      best = column.name;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
