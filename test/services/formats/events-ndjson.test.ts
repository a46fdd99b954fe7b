import { describe, expect, it } from 'vitest';
import { parseText, valuesOf } from './helpers.ts';

const talk = {
  id: 'e1',
  title: 'Keynote',
  at: '2024-03-01T10:00:00.000Z',
  kind: 'talk',
  sector: 'music',
  medium: 'voice',
  valence: 0.6,
  magnitude: 3,
  fade: { model: 'exponential', halfLifeDays: 30 },
  drivers: [{ person: 'ana', role: 'speaker' }],
  reached: [{ person: 'omar', weight: 2 }],
};

describe('events-ndjson', () => {
  it('parses a valid sample, filling defaults and skipping blank lines', async () => {
    const text = `${JSON.stringify(talk)}\n\n   \n{"id":"e2","at":"2024-03-02","drivers":[{"person":"omar"}]}\n`;
    const result = await parseText('events-ndjson', text);
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'event')).toEqual([
      talk,
      {
        id: 'e2',
        title: '',
        at: '2024-03-02T00:00:00.000Z',
        kind: 'event',
        sector: 'general',
        medium: 'unspecified',
        valence: 0,
        magnitude: 1,
        fade: null,
        drivers: [{ person: 'omar', role: 'driver' }],
        reached: [],
      },
    ]);
    expect(result.records.map((entry) => entry.line)).toEqual([1, 4]);
  });

  it('reports malformed JSON with its line and the parser message', async () => {
    const text = `${JSON.stringify(talk)}\n{"id": "e2", "at": \n`;
    const result = await parseText('events-ndjson', text);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].line).toBe(2);
    expect(result.errors[0].message).toMatch(/^line 2: invalid JSON: /);
  });

  it('names the field, the rule and the value', async () => {
    const lines = [
      { ...talk, id: 'v', valence: 2 },
      { ...talk, id: 'd', drivers: [] },
      { ...talk, id: 'p', drivers: [{ person: '' }] },
      { ...talk, id: 'f', fade: { model: 'linear' } },
      { ...talk, id: 'x', sectr: 'music' },
      { ...talk, id: 'm', magnitude: 0 },
      { ...talk, id: 't', at: 'soon' },
    ];
    const result = await parseText('events-ndjson', lines.map((line) => JSON.stringify(line)).join('\n'));
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 1: event "v": field "valence" must be between -1 and 1, got 2',
      'line 2: event "d": field "drivers": an event needs at least one driver',
      'line 3: event "p": field "drivers[0].person" must not be empty',
      'line 4: event "f": field "fade.model" must be one of exponential, power, window, none; got "linear"',
      'line 5: event "x": unknown field "sectr"',
      'line 6: event "m": field "magnitude" must be greater than 0, got 0',
      'line 7: event "t": field "at" must be an ISO-8601 date or date-time, got "soon"',
    ]);
  });

  it('reports a value that is not an object, a missing field, and a duplicate id', async () => {
    const text = [JSON.stringify(talk), '[1,2]', '{"id":"e3","drivers":[{"person":"a"}]}', JSON.stringify(talk)].join('\n');
    const result = await parseText('events-ndjson', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 2: expected a JSON object (one event), got an array',
      'line 3: event "e3": field "at" is required',
      'line 4: duplicate id "e1" (first at line 1)',
    ]);
  });

  it('says when the file is not NDJSON at all', async () => {
    const csv = await parseText('events-ndjson', 'id,title,at\ne1,x,2024-01-01\n');
    expect(csv.errors).toEqual([
      { line: 1, fatal: true, message: 'line 1: not events-ndjson: expected a JSON object per line, got "id,title,at"' },
    ]);
    const array = await parseText('events-ndjson', '[\n{"id":"e1"}\n]\n');
    expect(array.errors[0].message).toContain('a JSON array');
    const xml = await parseText('events-ndjson', '\n<graphml>\n');
    expect(xml.errors[0]).toMatchObject({ line: 2, message: 'line 2: this is a GraphML document (format graphml), not events-ndjson' });
  });
});
