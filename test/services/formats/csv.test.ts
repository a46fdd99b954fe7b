import { describe, expect, it } from 'vitest';
import { CsvRecordReader, csvField, csvLine, type CsvEvent } from '../../../src/services/formats/csv.ts';

function read(text: string): CsvEvent[] {
  const reader = new CsvRecordReader();
  const events: CsvEvent[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => reader.line(line.endsWith('\r') ? line.slice(0, -1) : line, index + 1, (event) => events.push(event)));
  reader.end((event) => events.push(event));
  return events;
}

describe('CsvRecordReader', () => {
  it('splits plain lines and keeps empty fields', () => {
    expect(read('a,b,c\n1,,3\n,,\n')).toEqual([
      { kind: 'record', line: 1, fields: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, fields: ['1', '', '3'] },
      { kind: 'record', line: 3, fields: ['', '', ''] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and empty quotes', () => {
    expect(read('"a,b","say ""hi""","",x\n')).toEqual([{ kind: 'record', line: 1, fields: ['a,b', 'say "hi"', '', 'x'] }]);
  });

  it('reads line breaks inside quotes and keeps later line numbers right', () => {
    const events = read('id,note\n1,"first\nsecond\n\nfourth"\n2,plain\n3,"x"\n');
    expect(events).toEqual([
      { kind: 'record', line: 1, fields: ['id', 'note'] },
      { kind: 'record', line: 2, fields: ['1', 'first\nsecond\n\nfourth'] },
      { kind: 'record', line: 6, fields: ['2', 'plain'] },
      { kind: 'record', line: 7, fields: ['3', 'x'] },
    ]);
  });

  it('ignores blank lines outside quotes', () => {
    expect(read('a\n\nb\n').map((event) => event.line)).toEqual([1, 3]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(read('ab"c,d\n')).toEqual([{ kind: 'record', line: 1, fields: ['ab"c', 'd'] }]);
  });

  it('reports text after a closing quote at the record line and goes on', () => {
    const events = read('"a"b,c\nok,1\n');
    expect(events[0]).toMatchObject({ kind: 'error', line: 1 });
    expect((events[0] as { message: string }).message).toContain('after a closing quote');
    expect(events[1]).toEqual({ kind: 'record', line: 2, fields: ['ok', '1'] });
  });

  it('reports a quote never closed at the line where it opened', () => {
    const events = read('a,b\n1,"open\n2,3\n');
    expect(events[0]).toEqual({ kind: 'record', line: 1, fields: ['a', 'b'] });
    expect(events[1]).toMatchObject({ kind: 'fatal', line: 2 });
    expect((events[1] as { message: string }).message).toContain('never closed');
  });

  it('handles a quoted last field followed by a trailing comma', () => {
    expect(read('"a",\n')).toEqual([{ kind: 'record', line: 1, fields: ['a', ''] }]);
  });
});

describe('csv writer', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\n');
  });

  it('writes what the reader reads back', () => {
    const values = ['x', 'a,b', '"q"', 'multi\nline\n', '', ' lead', 'trail '];
    const events = read(csvLine(values));
    expect(events).toEqual([{ kind: 'record', line: 1, fields: values }]);
  });
});
