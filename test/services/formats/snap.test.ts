import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventSchema, personSchema, tieSchema } from '../../../src/domain/model.ts';
import { parseImport, type FormatName, type ParseError, type ParseOptions } from '../../../src/services/formats/index.ts';
import { sharedPath } from '../../support/shared.ts';
import { errorLines, parseText, valuesOf } from './helpers.ts';

describe('snap-signed', () => {
  it('turns a rating into a rating event driven by the person rated, plus new people', async () => {
    const result = await parseText('snap-signed', '6,2,4,1289241911.72836\n6,5,-10,1289241941\n');
    expect(result.errors).toEqual([]);
    expect(result.records.map((entry) => [entry.line, entry.record.type])).toEqual([
      [1, 'person'],
      [1, 'person'],
      [1, 'event'],
      [2, 'person'],
      [2, 'event'],
    ]);
    expect(valuesOf(result, 'person')).toEqual([
      { id: '6', name: '6', sectors: [], offers: [], seeks: [] },
      { id: '2', name: '2', sectors: [], offers: [], seeks: [] },
      { id: '5', name: '5', sectors: [], offers: [], seeks: [] },
    ]);
    expect(valuesOf(result, 'event')).toEqual([
      {
        id: 'rating:6:2:1289241911.72836',
        title: 'rating 4 by 6',
        at: '2010-11-08T18:45:11.728Z',
        kind: 'rating',
        sector: 'general',
        medium: 'rating',
        valence: 0.4,
        magnitude: 4,
        fade: null,
        drivers: [{ person: '2', role: 'rated' }],
        reached: [{ person: '6', weight: 1 }],
      },
      {
        id: 'rating:6:5:1289241941',
        title: 'rating -10 by 6',
        at: '2010-11-08T18:45:41.000Z',
        kind: 'rating',
        sector: 'general',
        medium: 'rating',
        valence: -1,
        magnitude: 10,
        fade: null,
        drivers: [{ person: '5', role: 'rated' }],
        reached: [{ person: '6', weight: 1 }],
      },
    ]);
  });

  it('builds records that the domain schemas accept unchanged', async () => {
    const result = await parseText('snap-signed', '6,2,4,1289241911.72836\n7,2,-3,1289241912\n', { sector: 'finance' });
    for (const { record } of result.records) {
      const schema = record.type === 'person' ? personSchema : eventSchema;
      expect(schema.parse(record.value)).toEqual(record.value);
    }
    expect((valuesOf(result, 'event')[0] as { sector: string }).sector).toBe('finance');
  });

  it('numbers repeats of the same row so ids stay unique and re-imports add nothing', async () => {
    const text = '1,2,5,100\n1,2,5,100\n1,2,5,100\n2,1,5,100\n';
    const first = await parseText('snap-signed', text);
    expect(valuesOf(first, 'event').map((event) => (event as { id: string }).id)).toEqual([
      'rating:1:2:100',
      'rating:1:2:100:1',
      'rating:1:2:100:2',
      'rating:2:1:100',
    ]);
    expect(await parseText('snap-signed', text)).toEqual(first);
  });

  it('names bad ratings, times and column counts by line', async () => {
    const text = ['1,2,5,100', '1,3,abc,100', '1,4,0,100', '1,5,11,100', '1,6,3,then', '1,7,3', ',8,3,100', '1,9,-10.5,100'].join('\n');
    const result = await parseText('snap-signed', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 2: RATING "abc" is not a number',
      'line 3: RATING 0 is not allowed: a rating is a non-zero number in -10..10',
      'line 4: RATING 11 is outside -10..10',
      'line 5: TIME "then" is not a number (unix seconds)',
      'line 6: expected 4 comma-separated columns SOURCE,TARGET,RATING,TIME, got 3',
      'line 7: SOURCE is empty',
      'line 8: RATING -10.5 is outside -10..10',
    ]);
    expect(valuesOf(result, 'person').map((person) => (person as { id: string }).id)).toEqual(['1', '2']);
  });

  it('skips a header line added by a copy of the file, comments, and self-loops', async () => {
    const result = await parseText('snap-signed', 'source,target,weight,time\n# comment\n1,2,5,100\n3,3,1,100\n');
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([
      { line: 1, reason: 'header line "source,target,weight,time"' },
      { line: 4, reason: 'self-loop: SOURCE and TARGET are both "3"' },
    ]);
    const strict = await parseText('snap-signed', '3,3,1,100\n', { selfLoops: 'error' });
    expect(errorLines(strict)).toEqual([1]);
    const kept = await parseText('snap-signed', '3,3,1,100\n', { selfLoops: 'keep' });
    expect(valuesOf(kept, 'event')).toHaveLength(1);
  });

  it('says at line 1 when the file is another format', async () => {
    const temporal = await parseText('snap-signed', '1 2 1082040961\n');
    expect(temporal.errors).toHaveLength(1);
    expect(temporal.errors[0].message).toContain('use format snap-temporal');
    const gexf = await parseText('snap-signed', '<gexf>\n');
    expect(gexf.errors[0].message).toBe('line 1: this is a GEXF document (format gexf), not snap-signed');
  });

  it('reports a corrupted line of bitcoin-otc at that line only', async () => {
    const lines = readFileSync(sharedPath('data', 'bitcoin-otc', 'soc-sign-bitcoinotc.csv'), 'utf8').split('\n').slice(0, 2000);
    const fields = lines[1233].split(',');
    lines[1233] = [fields[0], fields[1], 'abc', fields[3]].join(',');
    const result = await parseText('snap-signed', `${lines.join('\n')}\n`);
    expect(result.errors).toEqual([{ line: 1234, message: 'line 1234: RATING "abc" is not a number' }]);
    expect(result.summary.records.event).toBe(1999);
  });
});

describe('snap-temporal', () => {
  it('turns a message into an event driven by the sender that reached the recipient', async () => {
    const result = await parseText('snap-temporal', '# SNAP header\n1 2 1082040961\n1\t3   1082155839\n');
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'event')).toEqual([
      {
        id: 'msg:1:2:1082040961',
        title: '',
        at: '2004-04-15T14:56:01.000Z',
        kind: 'message',
        sector: 'general',
        medium: 'message',
        valence: 0,
        magnitude: 1,
        fade: null,
        drivers: [{ person: '1', role: 'sender' }],
        reached: [{ person: '2', weight: 1 }],
      },
      expect.objectContaining({ id: 'msg:1:3:1082155839', drivers: [{ person: '1', role: 'sender' }], reached: [{ person: '3', weight: 1 }] }),
    ]);
    expect(valuesOf(result, 'person')).toHaveLength(3);
    for (const { record } of result.records) {
      const schema = record.type === 'person' ? personSchema : eventSchema;
      expect(schema.parse(record.value)).toEqual(record.value);
    }
  });

  it('numbers repeated messages', async () => {
    const result = await parseText('snap-temporal', '1 2 5\n1 2 5\n');
    expect(valuesOf(result, 'event').map((event) => (event as { id: string }).id)).toEqual(['msg:1:2:5', 'msg:1:2:5:1']);
  });

  it('reads two-column files as KNOWS ties by default', async () => {
    const result = await parseText('snap-temporal', '# FromNodeId\tToNodeId\n0\t0\n0\t1\n1\t0\n0\t1\n', { trust: 0.7 });
    expect(valuesOf(result, 'tie')).toEqual([
      { from: '0', to: '1', trust: 0.7, since: null, lastContact: null },
      { from: '1', to: '0', trust: 0.7, since: null, lastContact: null },
    ]);
    for (const tie of valuesOf(result, 'tie')) expect(tieSchema.parse(tie)).toEqual(tie);
    expect(result.skipped).toEqual([{ line: 2, reason: 'self-loop: SRC and DST are both "0"' }]);
    expect(result.errors.map((error) => error.message)).toEqual(['line 5: duplicate tie from "0" to "1" (first at line 3)']);
  });

  it('reads two-column files as events at a given time, or refuses them', async () => {
    const events = await parseText('snap-temporal', '1 2\n1 2\n', { twoColumn: 'events', untimedAt: '2009-02-01' });
    expect(valuesOf(events, 'event').map((event) => [(event as { id: string }).id, (event as { at: string }).at])).toEqual([
      ['msg:1:2', '2009-02-01T00:00:00.000Z'],
      ['msg:1:2:1', '2009-02-01T00:00:00.000Z'],
    ]);
    const refused = await parseText('snap-temporal', '1 2\n', { twoColumn: 'error' });
    expect(refused.errors[0]).toMatchObject({ line: 1, fatal: true });
    expect(() => parseImport('snap-temporal', [], { twoColumn: 'events' })).toThrow(/untimedAt/);
  });

  it('reports lines with another column count or a bad time', async () => {
    const result = await parseText('snap-temporal', '1 2 100\n1 2\n1 2 x\n1 2 3 4\n');
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 2: expected 3 columns (SRC DST UNIXTS) like the lines before, got 2',
      'line 3: UNIXTS "x" is not a number (unix seconds)',
      'line 4: expected 3 columns (SRC DST UNIXTS) like the lines before, got 4',
    ]);
  });

  it('says at line 1 when the file is comma-separated', async () => {
    const result = await parseText('snap-temporal', '6,2,4,1289241911.72836\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(/^line 1: not snap-temporal: .* is comma-separated/);
  });
});

/** Streams a whole file, keeping only counts and event ids, and logs the throughput. */
async function timedImport(format: FormatName, file: string, options: ParseOptions = {}) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const eventIds = new Set<string>();
  const errors: ParseError[] = [];
  const batches = parseImport(format, createReadStream(file), options);
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      const used = process.cpuUsage(cpu);
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = (used.user + used.system) / 1e6;
      const lines = next.value.lines;
      console.log(
        `${format} ${file.split('/').pop()}: ${lines.toLocaleString('en')} lines in ${seconds.toFixed(2)} s = ` +
          `${Math.round(lines / seconds).toLocaleString('en')} lines/s ` +
          `(${Math.round(lines / cpuSeconds).toLocaleString('en')} lines per CPU second)`,
      );
      return { summary: next.value, errors, eventIds };
    }
    for (const error of next.value.errors) errors.push(error);
    for (const { record } of next.value.records) if (record.type === 'event') eventIds.add(record.value.id);
  }
}

describe('whole SNAP datasets', () => {
  it('parses all of bitcoin-otc: 35,592 events, 5,881 people, no errors', async () => {
    const result = await timedImport('snap-signed', sharedPath('data', 'bitcoin-otc', 'soc-sign-bitcoinotc.csv'));
    expect(result.errors).toEqual([]);
    expect(result.summary.records).toEqual({ person: 5881, event: 35592, tie: 0, introduction: 0, dismissal: 0 });
    expect(result.eventIds.size).toBe(35592);
  });

  it('parses all of CollegeMsg: 59,835 events, 1,899 people, no errors', async () => {
    const result = await timedImport('snap-temporal', sharedPath('data', 'college-msg', 'CollegeMsg.txt'));
    expect(result.errors).toEqual([]);
    expect(result.summary.records).toEqual({ person: 1899, event: 59835, tie: 0, introduction: 0, dismissal: 0 });
    expect(result.eventIds.size).toBe(59835);
  });

  it('streams the gzip-compressed 948,464-edge Slashdot file as ties in bounded batches', async () => {
    const file = sharedPath('data', 'soc-slashdot0902', 'soc-Slashdot0902.txt.gz');
    const started = performance.now();
    let largestBatch = 0;
    let lastBytes = 0;
    const batches = parseImport('snap-temporal', createReadStream(file), { onProgress: (_lines, bytes) => (lastBytes = bytes) });
    const counts = { person: 0, tie: 0, errors: 0, skipped: 0 };
    for (;;) {
      const next = await batches.next();
      if (next.done) {
        const seconds = (performance.now() - started) / 1000;
        console.log(`snap-temporal soc-Slashdot0902.txt.gz: ${next.value.lines} lines in ${seconds.toFixed(2)} s = ${Math.round(next.value.lines / seconds).toLocaleString('en')} lines/s`);
        expect(next.value.lines).toBe(948468);
        break;
      }
      const batch = next.value;
      largestBatch = Math.max(largestBatch, batch.records.length + batch.errors.length + batch.skipped.length);
      for (const { record } of batch.records) counts[record.type as 'person' | 'tie']++;
      counts.errors += batch.errors.length;
      counts.skipped += batch.skipped.length;
    }
    expect(counts).toEqual({ person: 82168, tie: 948464 - 78303, errors: 0, skipped: 78303 });
    expect(largestBatch).toBe(5000);
    expect(lastBytes).toBe(3246522);
  }, 120_000);
});
