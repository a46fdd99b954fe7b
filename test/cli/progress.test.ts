import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress.ts';

/** A stream that keeps what is written, as a pipe (not a TTY) or a terminal. */
function sink(tty: boolean) {
  const out: string[] = [];
  const stream = { isTTY: tty, write: (s: string) => out.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { out, stream };
}

describe('ProgressBar', () => {
  it('prints plain lines with the share done and the rows counted when not on a terminal', () => {
    const { out, stream } = sink(false);
    const bar = new ProgressBar({ label: 'reading', total: 200, stream, interval: 0 });
    bar.update(50, 1000);
    bar.update(100, 2000, 'writing');
    bar.finish('done: 4,000 rows');
    expect(out[0]).toMatch(/^reading  \[#{7}-{21}\]  25%  ETA .*1,000 rows  .*rows\/s/);
    expect(out[1]).toMatch(/^writing  \[#{14}-{14}\]  50%/);
    expect(out[2]).toMatch(/^writing  \[#{28}\] 100%/);
    expect(out[2]).not.toContain('ETA');
    expect(out[3]).toBe('done: 4,000 rows\n');
    for (const line of out) expect(line.endsWith('\n')).toBe(true);
  });

  it('redraws one line on a terminal, and shows no count when the work has no unit', () => {
    const { out, stream } = sink(true);
    const bar = new ProgressBar({ label: 'fitting', total: 10, stream, interval: 0, unit: null });
    bar.update(5, 0);
    bar.finish();
    expect(out[0].startsWith('\r')).toBe(true);
    expect(out[0]).toMatch(/fitting  \[#{14}-{14}\]  50%/);
    expect(out[0]).not.toMatch(/rows|\/s/);
    expect(out.at(-1)).toBe('\n');
  });

  it('holds back redraws within the interval', () => {
    const { out, stream } = sink(false);
    const bar = new ProgressBar({ label: 'x', total: 10, stream, interval: 60_000 });
    bar.update(1, 1);
    bar.update(2, 2);
    bar.update(3, 3);
    expect(out).toHaveLength(1);
  });
});
