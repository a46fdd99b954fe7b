import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  collectImport,
  FORMATS,
  FORMAT_NAMES,
  FormatUsageError,
  parseImport,
  type FormatName,
} from '../../../src/services/formats/index.ts';
import { byteChunks, errorLines } from './helpers.ts';

function snapLines(count: number): string {
  let text = '';
  for (let i = 1; i <= count; i++) text += `${i % 50} ${(i % 50) + 1} ${1000 + i}\n`;
  return text;
}

describe('parseImport', () => {
  it('yields batches of the requested size in file order, with progress', async () => {
    const progress: [number, number][] = [];
    const sizes: number[] = [];
    const lines: number[] = [];
    const batches = parseImport('snap-temporal', byteChunks(snapLines(2500), 4096), {
      batchSize: 1000,
      onProgress: (linesRead, bytesRead) => progress.push([linesRead, bytesRead]),
    });
    let summary;
    for (;;) {
      const next = await batches.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      sizes.push(next.value.records.length);
      for (const entry of next.value.records) lines.push(entry.line);
    }
    expect(sizes.slice(0, -1).every((size) => size === 1000)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2551);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(summary).toMatchObject({ format: 'snap-temporal', lines: 2500, errors: 0, records: { person: 51, event: 2500 } });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual([2500, Buffer.byteLength(snapLines(2500))]);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
  });

  it('reads the source only as fast as batches are taken (back-pressure), and closes it when stopped', async () => {
    const text = snapLines(20_000);
    let pulled = 0;
    let closed = false;
    async function* source() {
      try {
        for (const chunk of byteChunks(text, 1024)) {
          pulled++;
          yield chunk;
        }
      } finally {
        closed = true;
      }
    }
    const batches = parseImport('snap-temporal', source(), { batchSize: 500 });
    const first = await batches.next();
    expect(first.done).toBe(false);
    const total = Math.ceil(Buffer.byteLength(text) / 1024);
    expect(pulled).toBeLessThan(total / 10);
    await batches.return(undefined as never);
    expect(closed).toBe(true);
  });

  it('gives the same result whatever the chunking, for every line format', async () => {
    const samples: [FormatName, string][] = [
      ['people-csv', 'id,name,sectors\r\nä,"Ä, ""quoted""\r\nsecond line",x;y\r\nb,Bé,\r\n'],
      ['events-ndjson', '{"id":"e","at":"2024-01-01","drivers":[{"person":"ä"}]}\r\n\r\n{"id":"f","at":"x","drivers":[]}\r\n'],
      ['snap-signed', '1,2,3,100.5\r\n1,2,x,100\r\n'],
      ['snap-temporal', '# c\r\n1\t2\t100\r\n'],
    ];
    for (const [format, text] of samples) {
      const whole = await collectImport(format, [text]);
      for (const size of [1, 2, 5, 13]) {
        expect(await collectImport(format, byteChunks(`\uFEFF${text}`, size))).toEqual({
          ...whole,
          summary: { ...whole.summary, bytes: whole.summary.bytes + 3 },
        });
      }
    }
  });

  it('accepts a whole string or buffer as the source', async () => {
    const text = 'id,name\na,Ann\n';
    const fromArray = await collectImport('people-csv', [text]);
    expect(await collectImport('people-csv', text)).toEqual(fromArray);
    expect(await collectImport('people-csv', Buffer.from(text))).toEqual(fromArray);
  });

  it('accepts a source of lines without terminators', async () => {
    const result = await collectImport('people-csv', ['id,name', 'a,Ann', '', 'b,'], { sourceIsLines: true });
    expect(result.records.map((entry) => entry.line)).toEqual([2]);
    expect(errorLines(result)).toEqual([4]);
  });

  it('decompresses a gzip source and counts compressed bytes', async () => {
    const text = snapLines(3000);
    const gz = gzipSync(Buffer.from(text));
    const chunks = Array.from({ length: Math.ceil(gz.length / 999) }, (_, i) => gz.subarray(i * 999, (i + 1) * 999));
    const result = await collectImport('snap-temporal', chunks);
    expect(result.summary).toMatchObject({ lines: 3000, bytes: gz.length, errors: 0 });
    const corrupt = Buffer.concat([gz.subarray(0, 200), Buffer.alloc(200, 7)]);
    const broken = await collectImport('snap-temporal', [corrupt]);
    expect(broken.errors.at(-1)?.message).toContain('gzip-compressed source is corrupt');
  });

  it('stops after maxErrors with a fatal error', async () => {
    const text = Array.from({ length: 100 }, (_, i) => `1,2,x,${i}`).join('\n');
    const result = await collectImport('snap-signed', [text], { maxErrors: 5 });
    expect(result.errors).toHaveLength(6);
    expect(result.errors[5]).toEqual({ line: 5, fatal: true, message: 'line 5: too many errors (5); stopped reading' });
    expect(result.summary.stoppedEarly).toBe(true);
  });

  it('refuses a line longer than any real line', async () => {
    const result = await collectImport('snap-temporal', ['x'.repeat(17 * 1024 * 1024)]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toContain('line longer than');
  });

  it('throws FormatUsageError at once for an unknown format or a bad option', () => {
    expect(() => parseImport('csv' as FormatName, [])).toThrow(FormatUsageError);
    expect(() => parseImport('snap-signed', [], { trust: 2 })).toThrow(/trust/);
    expect(() => parseImport('snap-signed', [], { batchSize: 0 })).toThrow(FormatUsageError);
  });
});

describe('FORMATS', () => {
  it('describes every format', () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...FORMAT_NAMES].sort());
    for (const name of FORMAT_NAMES) {
      const info = FORMATS[name];
      expect(info.name).toBe(name);
      expect(info.description.length).toBeGreaterThan(20);
      expect(info.columns.length).toBeGreaterThan(0);
      expect(info.mediaType).toMatch(/\//);
      expect(info.export).toBe(!name.startsWith('snap-'));
    }
    expect(FORMATS['people-csv'].columns.map((column) => column.name)).toEqual(['id', 'name', 'sectors', 'offers', 'seeks']);
  });
});
