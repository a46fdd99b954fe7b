/**
 * What each format is, for the README, `catalyst import --help` and the API's format list.
 */
import { dismissalsTable, introductionsTable, peopleTable, tiesTable, type TableFormat } from './tables.ts';
import type { FormatName, ParseOptions } from './types.ts';

export interface FormatColumn {
  name: string;
  required: boolean;
  description: string;
}

export interface FormatInfo {
  name: FormatName;
  description: string;
  /** columns (CSV, SNAP), fields (NDJSON) or element attributes (GEXF, GraphML) */
  columns: readonly FormatColumn[];
  mediaType: string;
  extensions: readonly string[];
  /** record types the import yields */
  produces: readonly ('person' | 'event' | 'tie' | 'introduction' | 'dismissal')[];
  /** parsed as a stream (bounded memory) rather than as a whole document */
  streaming: boolean;
  /** a writer exists */
  export: boolean;
  /** the parse options that apply to this format besides batchSize, maxErrors, onProgress, sourceIsLines */
  options: readonly (keyof ParseOptions)[];
}

function columnsOf(table: TableFormat<unknown>): FormatColumn[] {
  return table.columns.map(({ name, required, description }) => ({ name, required, description }));
}

export const FORMATS: Readonly<Record<FormatName, FormatInfo>> = {
  'people-csv': {
    name: 'people-csv',
    description: 'People, one per row, with a header line. List columns are separated by ";".',
    columns: columnsOf(peopleTable as TableFormat<unknown>),
    mediaType: 'text/csv',
    extensions: ['.csv'],
    produces: ['person'],
    streaming: true,
    export: true,
    options: [],
  },
  'events-ndjson': {
    name: 'events-ndjson',
    description: 'Influence events, one JSON object per line (blank lines ignored), shaped like the API\'s events.',
    columns: [
      { name: 'id', required: true, description: 'unique event id' },
      { name: 'title', required: false, description: 'text (default "")' },
      { name: 'at', required: true, description: 'ISO-8601 date-time' },
      { name: 'kind', required: false, description: 'e.g. post, talk, rating (default "event")' },
      { name: 'sector', required: false, description: 'default "general"' },
      { name: 'medium', required: false, description: 'default "unspecified"' },
      { name: 'valence', required: false, description: '-1..1, sign of the effect (default 0)' },
      { name: 'magnitude', required: false, description: '> 0, size of the effect (default 1)' },
      { name: 'fade', required: false, description: '{model: exponential|power|window|none, ...} or null' },
      { name: 'drivers', required: true, description: '[{person, role}], at least one' },
      { name: 'reached', required: false, description: '[{person, weight}] (default [], a broadcast)' },
    ],
    mediaType: 'application/x-ndjson',
    extensions: ['.ndjson', '.jsonl'],
    produces: ['event'],
    streaming: true,
    export: true,
    options: [],
  },
  'ties-csv': {
    name: 'ties-csv',
    description: 'KNOWS ties (directed trust), one per row, with a header line.',
    columns: columnsOf(tiesTable as TableFormat<unknown>),
    mediaType: 'text/csv',
    extensions: ['.csv'],
    produces: ['tie'],
    streaming: true,
    export: true,
    options: [],
  },
  'introductions-csv': {
    name: 'introductions-csv',
    description: 'Introductions and their outcomes, one per row, with a header line.',
    columns: columnsOf(introductionsTable as TableFormat<unknown>),
    mediaType: 'text/csv',
    extensions: ['.csv'],
    produces: ['introduction'],
    streaming: true,
    export: true,
    options: [],
  },
  'dismissals-csv': {
    name: 'dismissals-csv',
    description:
      'Dismissed suggestions, one per row, with a header line: the pairs people asked not to be suggested (not interested) or ' +
      'will not introduce. Imported online only (a few rows, not a bulk load).',
    columns: columnsOf(dismissalsTable as TableFormat<unknown>),
    mediaType: 'text/csv',
    extensions: ['.csv'],
    produces: ['dismissal'],
    streaming: true,
    export: true,
    options: [],
  },
  'snap-signed': {
    name: 'snap-signed',
    description:
      'SNAP signed rating network (bitcoin-otc, bitcoin-alpha): SOURCE,TARGET,RATING,TIME without header. Each row is a ' +
      'rating event driven by TARGET (the rated person gains influence) reaching SOURCE; people are created for new ids. ' +
      'Import only. gzip accepted.',
    columns: [
      { name: 'SOURCE', required: true, description: 'id of the rater (reached)' },
      { name: 'TARGET', required: true, description: 'id of the person rated (driver)' },
      { name: 'RATING', required: true, description: 'non-zero number in -10..10; valence RATING/10, magnitude |RATING|' },
      { name: 'TIME', required: true, description: 'unix seconds, decimals allowed' },
    ],
    mediaType: 'text/csv',
    extensions: ['.csv', '.csv.gz'],
    produces: ['person', 'event'],
    streaming: true,
    export: false,
    options: ['sector', 'selfLoops'],
  },
  'snap-temporal': {
    name: 'snap-temporal',
    description:
      'SNAP temporal edge list (CollegeMsg, email-Eu-core-temporal): SRC DST UNIXTS separated by whitespace, "#" comments. ' +
      'Each row is a message event driven by SRC reaching DST. Two-column files (SRC DST, e.g. soc-Slashdot0902) become ' +
      'KNOWS ties (option twoColumn). People are created for new ids. Import only. gzip accepted.',
    columns: [
      { name: 'SRC', required: true, description: 'id of the sender (driver)' },
      { name: 'DST', required: true, description: 'id of the recipient (reached)' },
      { name: 'UNIXTS', required: false, description: 'unix seconds; absent in two-column files' },
    ],
    mediaType: 'text/plain',
    extensions: ['.txt', '.txt.gz', '.tsv'],
    produces: ['person', 'event', 'tie'],
    streaming: true,
    export: false,
    options: ['sector', 'twoColumn', 'untimedAt', 'trust', 'selfLoops'],
  },
  gexf: {
    name: 'gexf',
    description:
      'GEXF 1.2/1.3 (Gephi). Import: nodes → people, edges → ties (kind "introduction" → introductions; kind "influence" ' +
      'skipped). Export: people, ties, aggregated influence edges and introductions. Parsed whole (maxDocumentBytes).',
    columns: [
      { name: 'node id', required: true, description: 'person id' },
      { name: 'node label | name', required: false, description: 'person name (default: the id)' },
      { name: 'node sectors, offers, seeks', required: false, description: '";"-separated strings or GEXF lists' },
      { name: 'edge trust', required: false, description: '0..1 (default 0.5)' },
      { name: 'edge since, lastContact', required: false, description: 'ISO dates' },
      { name: 'edge kind', required: false, description: 'knows (default), influence (export only), introduction' },
    ],
    mediaType: 'application/gexf+xml',
    extensions: ['.gexf'],
    produces: ['person', 'tie', 'introduction'],
    streaming: false,
    export: true,
    options: ['trust', 'selfLoops', 'maxDocumentBytes'],
  },
  graphml: {
    name: 'graphml',
    description:
      'GraphML (yEd, NetworkX, Gephi). Same mapping as gexf, with the person name in the "name" (or "label") key. ' +
      'Parsed whole (maxDocumentBytes).',
    columns: [
      { name: 'node id', required: true, description: 'person id' },
      { name: 'node name | label', required: false, description: 'person name (default: the id)' },
      { name: 'node sectors, offers, seeks', required: false, description: '";"-separated strings' },
      { name: 'edge trust', required: false, description: '0..1 (default 0.5)' },
      { name: 'edge since, lastContact', required: false, description: 'ISO dates' },
      { name: 'edge kind', required: false, description: 'knows (default), influence (export only), introduction' },
    ],
    mediaType: 'application/graphml+xml',
    extensions: ['.graphml'],
    produces: ['person', 'tie', 'introduction'],
    streaming: false,
    export: true,
    options: ['trust', 'selfLoops', 'maxDocumentBytes'],
  },
};
