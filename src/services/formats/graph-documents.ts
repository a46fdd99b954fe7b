/**
 * Import of GEXF and GraphML documents, through graphology-gexf and graphology-graphml.
 *
 * Those libraries parse a whole document into a graph, so these formats are read whole, up to `maxDocumentBytes`
 * (64 MiB by default): the DOM takes 10–30 times the text size in memory, and a 37 MB document (82k nodes, 200k
 * edges) took 90 s and 1 GB on the loaded development machine. For large imports use the CSV/NDJSON/SNAP formats,
 * which stream.
 *
 * The document is parsed once with xmldom (with line positions), checked element by element (node ids present
 * and unique, edge endpoints declared, edge ids unique) so every error names the line of the element, the bad
 * elements are removed, and the cleaned document goes to graphology's parser, which reads the attribute models
 * (types, defaults, GEXF lists).
 *
 * Mapping, attribute names matched case-insensitively:
 * - node → person: id; name from `name`, else `label`, else the id; `sectors`, `offers`, `seeks` as
 *   `;`-separated strings (or GEXF list values).
 * - edge → KNOWS tie source→target: `trust` (default `trust` option, 0.5), `since`, `lastContact`, `tieId` (the tie id,
 *   when it is not the default `from->to`). An undirected edge is trust both ways: two ties.
 * - edge with kind `introduction` → introduction (`introductionId`, `introducer`, `at`, `status`, `value`, `outcomeAt`,
 *   `note`; a = source, b = target).
 * - edge with kind `influence` → skipped: it is an aggregate of events that `buildExportGraph` writes, not data.
 * Other attributes (colours, positions, Gephi's metrics) are ignored.
 */
import { DOMParser } from '@xmldom/xmldom';
import { MultiGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import type { AbstractGraph, Attributes } from 'graphology-types';
import {
  introductionRecordProblem,
  introductionSchema,
  personSchema,
  tieSchema,
  type IntroductionInput,
  type TieInput,
} from '../../domain/model.ts';
import type { BatchSink } from './batch-sink.ts';
import { describeIssues, show } from './issue-messages.ts';
import { excerpt, sniffOtherFormat } from './line-parser.ts';
import { LIST_SEPARATOR } from './tables.ts';

export interface GraphDocumentOptions {
  trust: number;
  selfLoops: 'skip' | 'keep' | 'error';
}

type XmlElement = {
  tagName: string;
  localName?: string | null;
  lineNumber?: number;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  parentNode: { removeChild(node: unknown): unknown } | null;
};

/** Elements handled between two chances for the caller to take the batches out. */
const YIELD_EVERY = 2000;

/**
 * Reads a whole GEXF or GraphML document into the sink. A generator so the caller can take full batches out as
 * they fill (it yields every few thousand elements).
 */
export function* importGraphDocument(
  format: 'gexf' | 'graphml',
  text: string,
  options: GraphDocumentOptions,
  sink: BatchSink,
): Generator<void, void, undefined> {
  const root = format === 'gexf' ? 'gexf' : 'graphml';
  const start = text.search(/\S/);
  if (start === -1) return sink.fatal(1, `the ${format} document is empty`);
  if (text[start] !== '<') {
    const firstLine = text.slice(start, text.indexOf('\n', start) === -1 ? undefined : text.indexOf('\n', start));
    const lineNo = lineAt(text, start);
    return sink.fatal(lineNo, `not a ${format} document: expected XML starting with <${root}>, got ${excerpt(firstLine.trim())}${sniffHint(firstLine)}`);
  }

  const problems: { level: string; message: string; line: number }[] = [];
  const collect = (level: string) => (message: string) => {
    const position = /@#\[line:(\d+),col:\d+\]/.exec(message);
    const clean = message.replace(/^\[xmldom [a-zA-Z]+\]\t/, '').replace(/\n?@#\[line:\d+,col:\d+\]\s*$/, '').trim();
    problems.push({ level, message: clean, line: position ? Number(position[1]) : 1 });
  };
  const document = new DOMParser({
    locator: {},
    errorHandler: { warning: () => {}, error: collect('error'), fatalError: collect('fatal') },
  }).parseFromString(text, 'application/xml');
  const fatal = problems.find((problem) => problem.level === 'fatal');
  if (fatal) return sink.fatal(fatal.line, `the ${format} document is not well-formed XML: ${fatal.message}`);
  for (const problem of problems) sink.error(problem.line, `XML: ${problem.message}`);

  const rootElement = document.documentElement as unknown as XmlElement | null;
  if (!rootElement) return sink.fatal(1, `the ${format} document has no root element`);
  const rootName = (rootElement.localName ?? rootElement.tagName).toLowerCase();
  if (rootName !== root) {
    const hint = rootName === 'gexf' || rootName === 'graphml' ? `; use format ${rootName}` : '';
    return sink.fatal(rootElement.lineNumber ?? 1, `the root element is <${rootName}>, expected <${root}>${hint}`);
  }
  if (document.getElementsByTagName('graph').length === 0) {
    return sink.fatal(rootElement.lineNumber ?? 1, `the ${format} document has no <graph> element`);
  }

  // Element-level checks, with lines; offending elements are removed before graphology reads the document.
  const nodeLines = new Map<string, number>();
  for (const element of elements(document, 'node')) {
    const line = element.lineNumber ?? 1;
    const id = element.getAttribute('id');
    if (!id) {
      sink.error(line, 'a node has no id attribute');
      remove(element);
      continue;
    }
    const first = nodeLines.get(id);
    if (first !== undefined) {
      sink.error(line, `duplicate node id "${id}" (first at line ${first})`);
      remove(element);
      continue;
    }
    nodeLines.set(id, line);
  }
  const edgeLinesById = new Map<string, number>();
  const edgeLinesWithoutId: number[] = [];
  for (const element of elements(document, 'edge')) {
    const line = element.lineNumber ?? 1;
    const source = element.getAttribute('source');
    const target = element.getAttribute('target');
    const id = element.hasAttribute('id') ? element.getAttribute('id') : null;
    let problem: string | null = null;
    if (!source || !target) problem = `an edge needs both a source and a target attribute`;
    else if (!nodeLines.has(source)) problem = `edge source "${source}" is not a declared node`;
    else if (!nodeLines.has(target)) problem = `edge target "${target}" is not a declared node`;
    else if (id !== null && edgeLinesById.has(id)) problem = `duplicate edge id "${id}" (first at line ${edgeLinesById.get(id)})`;
    if (problem) {
      sink.error(line, problem);
      remove(element);
      continue;
    }
    if (id !== null && id !== '') edgeLinesById.set(id, line);
    else edgeLinesWithoutId.push(line);
  }
  yield;

  let graph: AbstractGraph;
  try {
    const parse = format === 'gexf' ? gexf.parse : graphml.parse;
    const parseOptions = format === 'gexf' ? { addMissingNodes: true, allowUndeclaredAttributes: true } : { addMissingNodes: true };
    // A multigraph from the start: parallel edges (a tie and an introduction between the same pair) are normal
    // here, and graphology would otherwise copy the whole graph to upgrade it when it meets the first one.
    graph = parse(MultiGraph, document as unknown as Document, parseOptions);
  } catch (error) {
    return sink.fatal(rootElement.lineNumber ?? 1, `could not read the ${format} document: ${(error as Error).message}`);
  }

  let handled = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const line = nodeLines.get(node);
    if (line === undefined) continue; // added by graphology for an edge end we already reported
    readPerson(node, attributes, line, sink);
    if (++handled % YIELD_EVERY === 0) yield;
  }

  const pairs = new Map<string, number>();
  let withoutId = 0;
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const fromFile = edgeLinesById.get(edge);
    const line = fromFile ?? edgeLinesWithoutId[withoutId++] ?? 1;
    // graphology invents keys for edges without an id; name those by their ends instead
    const label = fromFile === undefined ? `edge from "${source}" to "${target}"` : `edge "${edge}"`;
    readEdge({ label, attributes, source, target, undirected, line }, options, pairs, sink);
    if (++handled % YIELD_EVERY === 0) yield;
  }
}

function sniffHint(firstLine: string): string {
  const other = sniffOtherFormat(firstLine);
  if (other) return ` (this is ${other})`;
  if (/^[^,]+(,[^,]+)+$/.test(firstLine.trim())) return ' (this looks like CSV: use one of the CSV formats)';
  return '';
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function elements(document: globalThis.Document | ReturnType<DOMParser['parseFromString']>, tag: string): XmlElement[] {
  const list = document.getElementsByTagName(tag) as unknown as ArrayLike<XmlElement>;
  return Array.from(list);
}

function remove(element: XmlElement): void {
  element.parentNode?.removeChild(element);
}

/** The attribute whose name matches `name` ignoring case, `_`, `-` and spaces. */
function pick(attributes: Attributes, name: string): unknown {
  if (name in attributes) return attributes[name];
  const wanted = name.toLowerCase();
  for (const key of Object.keys(attributes)) {
    if (key.toLowerCase().replace(/[\s_-]+/g, '') === wanted) return attributes[key];
  }
  return undefined;
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function asList(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item.trim() : item));
  if (typeof value === 'string') {
    return value
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }
  return value;
}

function readPerson(id: string, attributes: Attributes, line: number, sink: BatchSink): void {
  const name = asText(pick(attributes, 'name')) ?? asText(pick(attributes, 'label')) ?? id;
  const input = {
    id,
    name,
    sectors: asList(pick(attributes, 'sectors')),
    offers: asList(pick(attributes, 'offers')),
    seeks: asList(pick(attributes, 'seeks')),
  };
  const result = personSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    sink.error(line, `node "${id}": ${describeIssues(result.error.issues, personSchema, 'attribute')}`);
    return;
  }
  sink.record(line, { type: 'person', value: result.data });
}

interface EdgeEntry {
  /** how messages name the edge */
  label: string;
  attributes: Attributes;
  source: string;
  target: string;
  undirected: boolean;
  line: number;
}

function readEdge(entry: EdgeEntry, options: GraphDocumentOptions, pairs: Map<string, number>, sink: BatchSink): void {
  const { attributes, source, target, line } = entry;
  const kind = asText(pick(attributes, 'kind'))?.toLowerCase();
  if (kind === 'influence') {
    sink.skip(line, `influence ${entry.label}: derived from events, not imported`);
    return;
  }
  if (kind === 'introduction') {
    readIntroduction(entry, sink);
    return;
  }
  if (source === target) {
    if (options.selfLoops === 'skip') return sink.skip(line, `self-loop: edge source and target are both "${source}"`);
    if (options.selfLoops === 'error') {
      return sink.error(line, `self-loop: edge source and target are both "${source}" (option selfLoops: 'skip' or 'keep' accepts it)`);
    }
  }

  const trustValue = pick(attributes, 'trust');
  let trust: unknown = trustValue;
  if (trustValue === undefined || trustValue === '') trust = options.trust;
  else if (typeof trustValue === 'string') {
    trust = Number(trustValue.trim());
    if (trustValue.trim() === '' || Number.isNaN(trust)) {
      return sink.error(line, `${entry.label}: attribute "trust": ${show(trustValue)} is not a number`);
    }
  }
  const tieIdValue = asText(pick(attributes, 'tieId'));
  const base = {
    trust,
    since: asText(pick(attributes, 'since')) || null,
    lastContact: asText(pick(attributes, 'lastContact')) || null,
  };
  const directions: [string, string][] = entry.undirected && source !== target ? [[source, target], [target, source]] : [[source, target]];
  for (const [from, to] of directions) {
    const input = { ...(tieIdValue && !entry.undirected ? { id: tieIdValue } : {}), from, to, ...base };
    const result = tieSchema.safeParse(input, { reportInput: true });
    if (!result.success) {
      return sink.error(line, `${entry.label}: ${describeIssues(result.error.issues, tieSchema, 'attribute')}`);
    }
    const pair = `${from}\u0000${to}`;
    const first = pairs.get(pair);
    if (first !== undefined) {
      sink.error(line, `duplicate tie from "${from}" to "${to}" (first at line ${first})`);
      continue;
    }
    pairs.set(pair, line);
    const tie: TieInput = result.data;
    sink.record(line, { type: 'tie', value: tie });
  }
}

function readIntroduction(entry: EdgeEntry, sink: BatchSink): void {
  const { attributes, source, target, line } = entry;
  const value = pick(attributes, 'value');
  const input: Record<string, unknown> = {
    introducer: asText(pick(attributes, 'introducer')),
    a: source,
    b: target,
    status: asText(pick(attributes, 'status')) || undefined,
    value: value === undefined || value === '' ? null : typeof value === 'string' ? Number(value) : value,
    note: asText(pick(attributes, 'note')) ?? '',
  };
  const id = asText(pick(attributes, 'introductionId'));
  if (id) input.id = id;
  const at = asText(pick(attributes, 'at'));
  if (at) input.at = at;
  const outcomeAt = asText(pick(attributes, 'outcomeAt'));
  if (outcomeAt) input.outcomeAt = outcomeAt;
  const result = introductionSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    sink.error(line, `introduction ${entry.label}: ${describeIssues(result.error.issues, introductionSchema, 'attribute')}`);
    return;
  }
  const introduction: IntroductionInput = result.data;
  const problem = introductionRecordProblem(introduction);
  if (problem) return sink.error(line, `introduction ${entry.label}: ${problem}`);
  sink.record(line, { type: 'introduction', value: introduction });
}
