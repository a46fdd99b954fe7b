import { describe, expect, it } from 'vitest';
import type { DismissalRecord, InfluenceEvent, IntroductionInput, Person, TieInput } from '../../../src/domain/model.ts';
import {
  buildExportGraph,
  collectImport,
  FormatUsageError,
  FormatWriteError,
  streamExport,
  writeExport,
  type ExportData,
  type ExportFormatName,
} from '../../../src/services/formats/index.ts';
import { valuesOf } from './helpers.ts';

const people: Person[] = [
  { id: 'ana', name: 'Ana Silva', sectors: ['music', 'humanitarian'], offers: ['fundraising'], seeks: ['investors'] },
  { id: 'omar', name: 'Omar, "the banker"', sectors: ['finance'], offers: ['capital'], seeks: [] },
  { id: 'li', name: 'Li\nWei', sectors: [], offers: [], seeks: ['stage'] },
  { id: 'x&<y>', name: 'Ünïcødé ✓', sectors: ['tech'], offers: [], seeks: [] },
];
const ties: TieInput[] = [
  { from: 'ana', to: 'omar', trust: 0.8, since: '2020-01-05T00:00:00.000Z', lastContact: '2024-03-01T10:00:00.000Z' },
  { from: 'omar', to: 'ana', trust: 1, since: null, lastContact: null },
  { id: 'custom-tie', from: 'li', to: 'ana', trust: 0.25, since: null, lastContact: '2023-07-01T00:00:00.000Z' },
  { id: 'x&<y>->li', from: 'x&<y>', to: 'li', trust: 0, since: null, lastContact: null },
];
const events: InfluenceEvent[] = [
  {
    id: 'e1',
    title: 'Benefit concert, "live"',
    at: '2024-03-01T10:00:00.000Z',
    kind: 'talk',
    sector: 'music',
    medium: 'voice',
    valence: 0.5,
    magnitude: 4,
    fade: { model: 'power', tauDays: 10, alpha: 1.5 },
    drivers: [{ person: 'ana', role: 'speaker' }],
    reached: [
      { person: 'omar', weight: 2 },
      { person: 'li', weight: 1 },
    ],
  },
  {
    id: 'e2',
    title: '',
    at: '2024-04-01T00:00:00.000Z',
    kind: 'post',
    sector: 'finance',
    medium: 'text',
    valence: -1,
    magnitude: 1,
    fade: null,
    drivers: [{ person: 'ana', role: 'author' }],
    reached: [{ person: 'omar', weight: 1 }],
  },
  {
    id: 'e3',
    title: 'broadcast',
    at: '2024-04-02T00:00:00.000Z',
    kind: 'post',
    sector: 'general',
    medium: 'text',
    valence: 0,
    magnitude: 2,
    fade: null,
    drivers: [{ person: 'omar', role: 'driver' }],
    reached: [],
  },
];
const introductions: IntroductionInput[] = [
  { id: 'i1', introducer: 'li', a: 'ana', b: 'omar', at: '2024-05-01T00:00:00.000Z', status: 'succeeded', value: 12000, note: 'funded,\n"with" terms', outcomeAt: '2024-06-15T00:00:00.000Z' },
  { introducer: 'omar', a: 'ana', b: 'li', status: 'suggested', value: null, note: '', outcomeAt: null },
];
const dismissals: DismissalRecord[] = [
  { id: 'd1', by: 'ana', a: 'ana', b: 'li', at: '2024-07-01T00:00:00.000Z' },
  { by: 'omar', a: 'ana', b: 'x&<y>' },
];
const data: ExportData = { people, ties, events, introductions, dismissals };

const EXPORTS: ExportFormatName[] = ['people-csv', 'ties-csv', 'introductions-csv', 'dismissals-csv', 'events-ndjson', 'gexf', 'graphml'];

/** Parses an export back into export data. */
async function readBack(format: ExportFormatName, text: string): Promise<ExportData> {
  const result = await collectImport(format, [text]);
  expect(result.errors).toEqual([]);
  return {
    people: valuesOf(result, 'person') as Person[],
    ties: valuesOf(result, 'tie') as TieInput[],
    events: valuesOf(result, 'event') as InfluenceEvent[],
    introductions: valuesOf(result, 'introduction') as IntroductionInput[],
    dismissals: valuesOf(result, 'dismissal') as DismissalRecord[],
  };
}

describe('round trips', () => {
  for (const format of EXPORTS) {
    it(`${format}: export → import → export gives the same text`, async () => {
      const first = writeExport(format, data);
      const back = await readBack(format, first);
      // graph formats carry people, ties and introductions; influence edges are derived and not read back
      const again = writeExport(format, { ...back, events: format === 'gexf' || format === 'graphml' ? events : back.events });
      if (format === 'dismissals-csv') expect(back.dismissals).toHaveLength(2);
      expect(again).toBe(first);
    });
  }

  it('reads back exactly the records written', async () => {
    expect((await readBack('people-csv', writeExport('people-csv', data))).people).toEqual(people);
    expect((await readBack('events-ndjson', writeExport('events-ndjson', data))).events).toEqual(events);
    expect((await readBack('introductions-csv', writeExport('introductions-csv', data))).introductions).toEqual(introductions);
    expect((await readBack('dismissals-csv', writeExport('dismissals-csv', data))).dismissals).toEqual(dismissals);
    const tiesBack = (await readBack('ties-csv', writeExport('ties-csv', data))).ties;
    expect(tiesBack).toEqual(ties);
    for (const format of ['gexf', 'graphml'] as const) {
      const back = await readBack(format, writeExport(format, data));
      expect(back.people).toEqual(people);
      expect(back.ties).toEqual(ties.map((tie) => (tie.id === 'x&<y>->li' ? { ...tie, id: undefined } : tie)).map(dropUndefined));
      expect(back.introductions).toEqual(introductions);
    }
  });
});

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

describe('buildExportGraph', () => {
  it('holds people, ties, aggregated influence and introductions', () => {
    const graph = buildExportGraph(data);
    expect(graph.order).toBe(4);
    expect(graph.getNodeAttributes('ana')).toEqual({ name: 'Ana Silva', sectors: 'music;humanitarian', offers: 'fundraising', seeks: 'investors' });
    expect(graph.getEdgeAttributes('ana->omar')).toEqual({
      kind: 'knows',
      trust: 0.8,
      since: '2020-01-05T00:00:00.000Z',
      lastContact: '2024-03-01T10:00:00.000Z',
    });
    expect(graph.getEdgeAttributes('custom-tie')).toMatchObject({ kind: 'knows', tieId: 'custom-tie' });
    // e1: 4 × 2 at valence 0.5; e2: 1 × 1 at valence -1
    expect(graph.getEdgeAttributes('influence:ana->omar')).toEqual({ kind: 'influence', weight: 9, positive: 6, negative: 3, events: 2 });
    expect(graph.getEdgeAttributes('influence:ana->li')).toEqual({ kind: 'influence', weight: 4, positive: 3, negative: 1, events: 1 });
    expect(graph.hasEdge('influence:omar->ana')).toBe(false);
    expect(graph.getEdgeAttributes('introduction:i1')).toEqual({
      kind: 'introduction',
      introductionId: 'i1',
      introducer: 'li',
      at: '2024-05-01T00:00:00.000Z',
      status: 'succeeded',
      value: 12000,
      note: 'funded,\n"with" terms',
      outcomeAt: '2024-06-15T00:00:00.000Z',
    });
    expect(graph.source('introduction:#2')).toBe('ana');
  });

  it('leaves out what points outside the people given', () => {
    const graph = buildExportGraph({ ...data, people: people.slice(0, 2) });
    expect(graph.edges().sort()).toEqual(['ana->omar', 'influence:ana->omar', 'introduction:i1', 'omar->ana']);
  });
});

describe('writers', () => {
  it('write the documented CSV header lines', () => {
    const empty: ExportData = { people: [], ties: [] };
    expect(writeExport('people-csv', empty)).toBe('id,name,sectors,offers,seeks\n');
    expect(writeExport('ties-csv', empty)).toBe('from,to,trust,since,lastContact,id\n');
    expect(writeExport('introductions-csv', empty)).toBe('id,introducer,a,b,at,status,value,note,outcomeAt\n');
    expect(writeExport('dismissals-csv', empty)).toBe('id,by,a,b,at\n');
    expect(writeExport('events-ndjson', empty)).toBe('');
  });

  it('streams the same text as writeExport, in chunks, from an async source', async () => {
    const many: Person[] = Array.from({ length: 2500 }, (_, i) => ({ id: `p${i}`, name: `P ${i}`, sectors: [], offers: [], seeks: [] }));
    async function* source() {
      yield* many;
    }
    const chunks: string[] = [];
    for await (const chunk of streamExport('people-csv', source())) chunks.push(chunk);
    expect(chunks.length).toBe(3);
    expect(chunks.join('')).toBe(writeExport('people-csv', { people: many, ties: [] }));
    const ndjson: string[] = [];
    for await (const chunk of streamExport('events-ndjson', events)) ndjson.push(chunk);
    expect(ndjson.join('')).toBe(writeExport('events-ndjson', data));
  });

  it('refuse the SNAP formats and list items containing the separator', () => {
    expect(() => writeExport('snap-signed' as ExportFormatName, data)).toThrow(FormatUsageError);
    const bad = { people: [{ ...people[0], sectors: ['a;b'] }], ties: [] };
    expect(() => writeExport('people-csv', bad)).toThrow(FormatWriteError);
    expect(() => writeExport('gexf', bad)).toThrow(/contains ";"/);
  });

  it('write GraphML that names keys and escapes text', () => {
    const text = writeExport('graphml', data);
    expect(text).toContain('<key id="n_name" for="node" attr.name="name" attr.type="string"/>');
    expect(text).toContain('<key id="e_trust" for="edge" attr.name="trust" attr.type="double"/>');
    expect(text).toContain('<key id="e_events" for="edge" attr.name="events" attr.type="long"/>');
    expect(text).toContain('<node id="x&amp;&lt;y&gt;">');
    expect(text).toContain('<graph id="G" edgedefault="directed">');
  });
});
