import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseTemporalEdges, readTemporalEdges } from '../../bench/temporal-edges.ts';

const DAY = 86_400;

/** Twelve rows (the reader wants at least ten), times a day apart from `start` (Unix seconds). */
function lines(format: (src: string, dst: string, t: number, k: number) => string, start = 1_100_000_000): string[] {
  return Array.from({ length: 12 }, (_, k) => format(String(k + 1), String(k + 2), start + DAY * k, k));
}

describe('temporal edge lists for the introduction evaluation', () => {
  it('reads SNAP SRC DST TIME in Unix seconds', () => {
    const r = parseTemporalEdges(lines((a, b, t) => `${a} ${b} ${t}`).join('\n'), 'snap');
    expect(r.rows).toHaveLength(12);
    expect(r.rows[0]).toEqual({ src: 1, dst: 2, t: 1_100_000_000 });
    expect(r.layout).toContain('time = column 3 (seconds)');
    expect(r.layout).toContain('ids integers');
    expect(r.warning).toBeNull();
  });

  it('takes the time, not the rating, from SNAP signed-rating CSV', () => {
    const text = lines((a, b, t, k) => `${a},${b},${(k % 21) - 10},${t}`).join('\n');
    const r = parseTemporalEdges(text, 'bitcoin');
    expect(r.layout).toContain('comma-separated; time = column 4');
    expect(r.rows.map((x) => x.t)).toEqual(lines((_a, _b, t) => String(t)).map(Number));
  });

  it('takes the time, not the weight, from KONECT SRC DST WEIGHT TIME with % comments', () => {
    const text = ['% sym unweighted', '% 12 13 13', ...lines((a, b, t) => `${a}\t${b}\t1\t${t}`)].join('\n');
    const r = parseTemporalEdges(text, 'konect');
    expect(r.layout).toContain('tab-separated; time = column 4 (seconds)');
    expect(r.rows[11]).toEqual({ src: 12, dst: 13, t: 1_100_000_000 + DAY * 11 });
  });

  it('reads a table with a header, names as ids and ISO date-times (UTC unless zoned), among other columns', () => {
    const header = 'SOURCE_SUBREDDIT\tTARGET_SUBREDDIT\tPOST_ID\tTIMESTAMP\tLINK_SENTIMENT\tPROPERTIES';
    const rows = lines((a, b, t, k) => `sub${a}\tsub${b}\tpost${k}\t${new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')}\t1\t0.1,0.2,${k}`);
    const r = parseTemporalEdges([header, ...rows].join('\n'), 'reddit');
    expect(r.layout).toContain('time = column 4 (ISO date-times');
    expect(r.layout).toContain('ids names (13)');
    expect(r.layout).toContain('1 line(s) skipped (line 1, a header)');
    expect(r.rows[0]).toEqual({ src: 0, dst: 1, t: 1_100_000_000 });
    expect(r.rows[1]).toEqual({ src: 1, dst: 2, t: 1_100_000_000 + DAY });
  });

  it('reads zoned ISO times in their zone', () => {
    const rows = lines((a, b, t) => `${a},${b},${new Date(t * 1000).toISOString().slice(0, 19)}+02:00`);
    const r = parseTemporalEdges(rows.join('\n'), 'zoned');
    expect(r.rows[0].t).toBe(1_100_000_000 - 7200);
  });

  it('reads times of 10^11 and more as milliseconds, and a given unit as given', () => {
    const ms = parseTemporalEdges(lines((a, b, t) => `${a} ${b} ${t * 1000}`).join('\n'), 'ms');
    expect(ms.layout).toContain('milliseconds');
    expect(ms.rows[1].t).toBe(1_100_000_000 + DAY);
    const days = parseTemporalEdges(lines((a, b, _t, k) => `${a} ${b} ${k}`).join('\n'), 'days', { timeUnit: 'd' });
    expect(days.rows[2].t).toBe(2 * 86_400);
    expect(days.warning).toBeNull();
  });

  it('warns when the whole span is under a day (a file that counts days, read as seconds)', () => {
    const r = parseTemporalEdges(lines((a, b, _t, k) => `${a} ${b} ${k}`).join('\n'), 'days');
    expect(r.warning).toMatch(/under a day.*--time-unit d/);
  });

  it('uses the column it is given', () => {
    // column 3 has more distinct values than column 4 (pairs of equal times), so it is found as the time…
    const text = lines((a, b, t, k) => `${a} ${b} ${k * 7} ${t - (k % 2) * DAY}`).join('\n');
    expect(parseTemporalEdges(text, 'auto').layout).toContain('column 3');
    // …unless the user says otherwise
    const r = parseTemporalEdges(text, 'given', { timeColumn: 4 });
    expect(r.layout).toContain('column 4');
    expect(r.rows[1].t).toBe(1_100_000_000);
    expect(() => parseTemporalEdges(lines((a, b, t) => `${a} ${b} x${t} ${t}`).join('\n'), 'f', { timeColumn: 3 })).toThrow(/column 3 \(--time-column\)/);
  });

  it('sorts by time and keeps file order among equal times', () => {
    const text = ['5 6 30', '1 2 10', '3 4 30', '7 8 20', ...lines((a, b, t) => `${a} ${b} ${t}`)].join('\n');
    const r = parseTemporalEdges(text, 'order', { timeUnit: 's' });
    expect(r.rows.slice(0, 4).map((x) => x.src)).toEqual([1, 7, 5, 3]);
  });

  it('names the problem: no time column, too few rows, and the first unreadable line', () => {
    expect(() => parseTemporalEdges(lines((a, b) => `${a} ${b}`).join('\n'), 'static.txt')).toThrow(/static\.txt: no time column.*2 column\(s\)/);
    expect(() => parseTemporalEdges('% only comments\n\n', 'empty.txt')).toThrow(/empty\.txt: no data lines/);
    const broken = ['1 2 100', '2 3 200', ...Array.from({ length: 30 }, (_, k) => `${k} ${k + 1} oops`)].join('\n');
    expect(() => parseTemporalEdges(broken, 'broken.txt', { timeColumn: 3 })).toThrow(/column 3 \(--time-column\)/);
    const fewer = ['a b when', ...Array.from({ length: 9 }, (_, k) => `${k} ${k + 1} ${100 * k}`), '9 10 later'].join('\n');
    expect(() => parseTemporalEdges(fewer, 'few.txt')).toThrow(/few\.txt: 9 readable rows.*line 11 does not read as one/);
  });

  it('counts and names unreadable lines after the header', () => {
    const text = ['src dst t', ...lines((a, b, t) => `${a} ${b} ${t}`), '9 9', 'x y 12'].join('\n');
    const r = parseTemporalEdges(text, 'mixed');
    expect(r.rows).toHaveLength(12); // "9 9" has no time, "x y 12" no integer ids among integer ones
    expect(r.layout).toMatch(/line 1, a header; lines 14, 15/);
  });

  it('refuses a file whose rows all have the same time: there is no span to split', () => {
    expect(() => parseTemporalEdges(lines((a, b) => `${a} ${b} 1300000000`).join('\n'), 'same')).toThrow(
      /^same: all 12 rows have the same time \(column 3\); the evaluation splits the time span/,
    );
  });

  it('reads plain and gzipped files, and refuses one too large to hold as text before reading it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'temporal-edges-'));
    try {
      const text = lines((a, b, t) => `${a} ${b} ${t}`).join('\n');
      writeFileSync(path.join(dir, 'e.txt'), text);
      writeFileSync(path.join(dir, 'e.txt.gz'), gzipSync(text));
      expect(readTemporalEdges(path.join(dir, 'e.txt')).rows).toHaveLength(12);
      expect(readTemporalEdges(path.join(dir, 'e.txt.gz')).rows).toEqual(readTemporalEdges(path.join(dir, 'e.txt')).rows);
      const limit = text.length - 1; // the test's stand-in for V8's ~512 MB
      expect(() => readTemporalEdges(path.join(dir, 'e.txt'), {}, limit)).toThrow(/e\.txt: is 0 MB, more than .* reads at once; evaluate a part of it.*head -n/);
      expect(() => readTemporalEdges(path.join(dir, 'e.txt.gz'), {}, limit)).toThrow(/e\.txt\.gz: unpacks to/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads TIME SRC DST files with the people columns given, and warns when column 1 runs like a clock', () => {
    // SocioPatterns contact lists: t i j Ci Cj, times every 20 s
    const text = lines((a, b, _t, k) => `${1000 + 20 * k}\t${(k * 7) % 5}\t${(k * 3) % 11}\tclassA\tclassB`).join('\n');
    const misread = parseTemporalEdges(text, 'contacts.tsv');
    expect(misread.warning).toMatch(/column 1 never decreases.*--people-columns 2,3 --time-column 1/);
    const r = parseTemporalEdges(text, 'contacts.tsv', { peopleColumns: [2, 3], timeColumn: 1 });
    expect(r.warning).not.toMatch(/never decreases/);
    expect(r.layout).toMatch(/^tab-separated; people = columns 2 → 3; time = column 1/);
    expect(r.rows[1]).toEqual({ src: 2, dst: 3, t: 1020 });
    // the time column found among the other columns when only the people are given
    expect(parseTemporalEdges(text, 'contacts.tsv', { peopleColumns: [2, 3] }).rows[1].t).toBe(1020);
    expect(() => parseTemporalEdges(text, 'c', { peopleColumns: [2, 3], timeColumn: 2 })).toThrow(/column 2 \(--time-column\) is a people column/);
    expect(() => parseTemporalEdges(text, 'c', { peopleColumns: [2, 2] })).toThrow(/different columns/);
    // a SNAP file in time order gives no such warning
    expect(parseTemporalEdges(lines((a, b, t) => `${a} ${b} ${t}`).join('\n'), 'snap').warning).toBeNull();
    // nor one sorted by source, whose times are out of order but are not ids
    const bySource = Array.from({ length: 40 }, (_, k) => `${Math.floor(k / 3)} ${(k * 7) % 13} ${1_300_000_000 + ((k * 7919) % 40) * 3600}`);
    expect(parseTemporalEdges(bySource.join('\n'), 'by-source').warning).toBeNull();
  });
});
