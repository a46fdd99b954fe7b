import { describe, expect, it } from 'vitest';
import { byteChunks, errorLines, parseText, valuesOf } from './helpers.ts';
import { collectImport } from '../../../src/services/formats/index.ts';

describe('people-csv', () => {
  const sample = [
    'id,name,sectors,offers,seeks',
    'ana,Ana Silva,music;humanitarian,fundraising; stage,investors',
    'omar,"Omar, Jr.",finance,,',
    'li,"Li ""the fixer"" Wei",,"intros",',
  ].join('\n');

  it('parses a valid sample', async () => {
    const result = await parseText('people-csv', `${sample}\n`);
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'person')).toEqual([
      { id: 'ana', name: 'Ana Silva', sectors: ['music', 'humanitarian'], offers: ['fundraising', 'stage'], seeks: ['investors'] },
      { id: 'omar', name: 'Omar, Jr.', sectors: ['finance'], offers: [], seeks: [] },
      { id: 'li', name: 'Li "the fixer" Wei', sectors: [], offers: ['intros'], seeks: [] },
    ]);
    expect(result.records.map((entry) => entry.line)).toEqual([2, 3, 4]);
  });

  it('reads the same from byte chunks split anywhere, with a BOM and CRLF line endings', async () => {
    const text = `\uFEFF${sample.replaceAll('\n', '\r\n')}\r\n`;
    const whole = await parseText('people-csv', `${sample}\n`);
    for (const size of [1, 2, 3, 7, 64]) {
      const result = await collectImport('people-csv', byteChunks(text, size));
      expect(result.errors).toEqual([]);
      expect(result.records).toEqual(whole.records);
    }
  });

  it('accepts columns in any order, in other spellings, and leaves optional ones out', async () => {
    const result = await parseText('people-csv', 'Name,ID\nAna,ana\n');
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'person')).toEqual([{ id: 'ana', name: 'Ana', sectors: [], offers: [], seeks: [] }]);
  });

  it('names an unknown column and suggests the right one', async () => {
    const result = await parseText('people-csv', 'id,name,sectr\nana,Ana,music\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 1, fatal: true });
    expect(result.errors[0].message).toMatch(/^line 1: unknown column "sectr" \(did you mean "sectors"\?\)/);
    expect(result.records).toEqual([]);
  });

  it('reports a missing header', async () => {
    const result = await parseText('people-csv', 'ana,Ana,music,,\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/^line 1: missing header: the first line must name the columns id,name,sectors,offers,seeks/);
  });

  it('reports a missing required column', async () => {
    const result = await parseText('people-csv', 'id,sectors\nana,music\n');
    expect(result.errors[0].message).toBe('line 1: missing required column "name" in the header');
  });

  it('says when the file is GEXF, NDJSON, or another CSV format', async () => {
    const gexf = await parseText('people-csv', '<?xml version="1.0"?>\n<gexf version="1.3"><graph/></gexf>\n');
    expect(gexf.errors).toEqual([{ line: 1, fatal: true, message: 'line 1: this is an XML document (formats gexf, graphml), not people-csv' }]);
    const gexfInline = await parseText('people-csv', '<gexf version="1.3"><graph/></gexf>\n');
    expect(gexfInline.errors[0].message).toBe('line 1: this is a GEXF document (format gexf), not people-csv');
    const ndjson = await parseText('people-csv', '{"id":"e1"}\n');
    expect(ndjson.errors[0].message).toContain('not people-csv');
    const ties = await parseText('people-csv', 'from,to,trust\na,b,0.5\n');
    expect(ties.errors).toHaveLength(1);
    expect(ties.errors[0].message).toContain("(this header is ties-csv's)");
  });

  it('reports an empty file', async () => {
    const result = await parseText('people-csv', '');
    expect(result.errors).toEqual([{ line: 1, fatal: true, message: 'line 1: the file is empty: expected a header line id,name,sectors,offers,seeks' }]);
  });

  it('reports wrong column counts, empty ids and duplicates at their lines, and keeps the good rows', async () => {
    const text = [
      'id,name,sectors,offers,seeks', // 1
      'ana,Ana,,,', // 2
      'omar,Omar,,', // 3: 4 columns
      ',Nobody,,,', // 4: empty id
      'ana,Ana again,,,', // 5: duplicate
      'li,,,,', // 6: empty name
      'zoe,Zoe,,,', // 7
    ].join('\n');
    const result = await parseText('people-csv', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 3: expected 5 columns (id,name,sectors,offers,seeks), got 4',
      'line 4: column "id" must not be empty',
      'line 5: duplicate id "ana" (first at line 2)',
      'line 6: column "name" must not be empty',
    ]);
    expect(valuesOf(result, 'person').map((person) => (person as { id: string }).id)).toEqual(['ana', 'zoe']);
  });

  it('gives right line numbers after multi-line quoted fields', async () => {
    const text = 'id,name\na,"Ann\nMarie"\nb,Bob\n,Nobody\n';
    const result = await parseText('people-csv', text);
    expect(result.records.map((entry) => entry.line)).toEqual([2, 4]);
    expect(errorLines(result)).toEqual([5]);
  });

  it('stops at a quote that is never closed', async () => {
    const result = await parseText('people-csv', 'id,name\na,"Ann\nb,Bob\n');
    expect(result.errors).toEqual([{ line: 2, fatal: true, message: 'line 2: a quoted field opened on this line is never closed' }]);
    expect(result.summary.stoppedEarly).toBe(true);
  });
});

describe('ties-csv', () => {
  it('parses a valid sample with defaults', async () => {
    const text = 'from,to,trust,since,lastContact,id\nana,omar,0.8,2020-01-05,2024-03-01T10:00:00Z,\nomar,ana,,,,t2\n';
    const result = await parseText('ties-csv', text);
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'tie')).toEqual([
      { from: 'ana', to: 'omar', trust: 0.8, since: '2020-01-05T00:00:00.000Z', lastContact: '2024-03-01T10:00:00.000Z' },
      { id: 't2', from: 'omar', to: 'ana', trust: 0.5, since: null, lastContact: null },
    ]);
  });

  it('names the column, the rule and the value', async () => {
    const text = [
      'from,to,trust,since', // 1
      'a,b,1.7,', // 2
      'a,c,abc,', // 3
      'a,d,0.5,yesterday', // 4
      'a,a,0.5,', // 5
      'a,e,0.2,', // 6
      'a,e,0.3,', // 7 duplicate pair
    ].join('\n');
    const result = await parseText('ties-csv', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 2: column "trust" must be between 0 and 1, got 1.7',
      'line 3: column "trust": "abc" is not a number',
      'line 4: column "since" must be an ISO-8601 date or date-time, got "yesterday"',
      'line 5: a tie needs two different people; from and to are both "a"',
      'line 7: duplicate tie from "a" to "e" (first at line 6)',
    ]);
  });
});

describe('introductions-csv', () => {
  it('parses a valid sample', async () => {
    const text =
      'id,introducer,a,b,at,status,value,note,outcome_at\n' +
      'i1,li,ana,omar,2024-05-01,succeeded,12000,"funded, with terms",2024-06-20\n' +
      ',li,ana,zoe,,,,,\n' +
      'i3,li,omar,zoe,2024-05-02,failed,,,\n';
    const result = await parseText('introductions-csv', text);
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'introduction')).toEqual([
      {
        id: 'i1',
        introducer: 'li',
        a: 'ana',
        b: 'omar',
        at: '2024-05-01T00:00:00.000Z',
        status: 'succeeded',
        value: 12000,
        note: 'funded, with terms',
        outcomeAt: '2024-06-20T00:00:00.000Z',
      },
      { introducer: 'li', a: 'ana', b: 'zoe', status: 'made', value: null, note: '', outcomeAt: null },
      { id: 'i3', introducer: 'li', a: 'omar', b: 'zoe', at: '2024-05-02T00:00:00.000Z', status: 'failed', value: null, note: '', outcomeAt: null },
    ]);
  });

  it('reports bad statuses, values, self-introductions and duplicate ids', async () => {
    const text = [
      'id,introducer,a,b,status,value', // 1
      'i1,li,ana,omar,maybe,', // 2
      'i2,li,ana,omar,made,lots', // 3
      'i3,li,ana,ana,made,', // 4
      'i4,ana,ana,omar,made,', // 5
      'i5,li,ana,omar,made,', // 6
      'i5,li,ana,zoe,made,', // 7
    ].join('\n');
    const result = await parseText('introductions-csv', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 2: column "status" must be one of suggested, made, accepted, declined, succeeded, failed; got "maybe"',
      'line 3: column "value": "lots" is not a number',
      'line 4: a and b must be two different people; both are "ana"',
      'line 5: the introducer "ana" cannot be one of the people introduced',
      'line 7: duplicate id "i5" (first at line 6)',
    ]);
  });

  it('reports outcome dates on open introductions, before the introduction, without one, or not dates', async () => {
    const text = [
      'id,introducer,a,b,at,status,outcomeAt', // 1
      'i1,li,ana,omar,2024-05-01,made,2024-06-01', // 2
      'i2,li,ana,omar,2024-05-01,succeeded,2024-04-30', // 3
      'i3,li,ana,omar,,failed,2024-06-01', // 4
      'i4,li,ana,omar,2024-05-01,declined,soon', // 5
      'i5,li,ana,omar,2024-05-01,declined,2024-05-01', // 6
    ].join('\n');
    const result = await parseText('introductions-csv', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 2: outcomeAt is the date of an outcome, and status "made" has none yet (only declined, succeeded, failed do)',
      'line 3: outcomeAt 2024-04-30T00:00:00.000Z is before the introduction was made (2024-05-01T00:00:00.000Z)',
      'line 4: outcomeAt needs at, the date the introduction was made',
      expect.stringMatching(/^line 5: column "outcomeAt".*"soon"/),
    ]);
    expect(valuesOf(result, 'introduction').map((i) => (i as { id?: string }).id)).toEqual(['i5']);
  });
});

describe('dismissals-csv', () => {
  it('parses a valid sample: id and time optional', async () => {
    const text = 'id,by,a,b,at\nd1,ana,ana,omar,2024-07-01\n,li,ana,omar,\n';
    const result = await parseText('dismissals-csv', text);
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'dismissal')).toEqual([
      { id: 'd1', by: 'ana', a: 'ana', b: 'omar', at: '2024-07-01T00:00:00.000Z' },
      { by: 'li', a: 'ana', b: 'omar' },
    ]);
  });

  it('reports a pair of one person, a pair dismissed twice by the same person (either order), and a missing column', async () => {
    const text = ['by,a,b', 'ana,omar,omar', 'li,ana,omar', 'li,omar,ana', 'ana,ana,li'].join('\n');
    const result = await parseText('dismissals-csv', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 2: a and b must be two different people; both are "omar"',
      'line 4: duplicate dismissal of "ana" and "omar" by "li" (first at line 3)',
    ]);
    const missing = await parseText('dismissals-csv', 'by,a\nana,omar\n');
    expect(missing.errors.map((error) => error.message)).toEqual(['line 1: missing required column "b" in the header']);
  });
});
