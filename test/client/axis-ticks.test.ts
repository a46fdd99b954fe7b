import { describe, expect, it } from 'vitest';
import { axisTicks, ticksThatFit } from '../../client/src/panel/axis-ticks.ts';

const at = (iso: string) => Date.parse(iso);
const labels = (from: string, to: string, max?: number) => axisTicks(at(from), at(to), max).map((t) => t.label);

describe('time bar ticks', () => {
  it('marks New Years over a span of years, as before', () => {
    expect(labels('2016-06-01T00:00:00Z', '2026-05-01T00:00:00Z')).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
  });

  it('thins the years over a long span, on round years', () => {
    expect(labels('1990-03-01T00:00:00Z', '2025-01-01T00:00:00Z')).toEqual(['1995', '2000', '2005', '2010', '2015', '2020', '2025']);
  });

  it('marks months over a span of months with no New Year in it (CollegeMsg: April to October 2004)', () => {
    const ticks = axisTicks(at('2004-04-15T13:56:00Z'), at('2004-10-26T06:58:00Z'));
    expect(ticks.map((t) => t.label)).toEqual(['May 2004', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct']);
    expect(ticks[0]!.t).toBe(at('2004-05-01T00:00:00Z'));
  });

  it('names the year again where it changes', () => {
    expect(labels('2003-10-10T00:00:00Z', '2004-03-20T00:00:00Z')).toEqual(['Nov 2003', 'Dec', 'Jan 2004', 'Feb', 'Mar']);
  });

  it('uses quarters when months are too many', () => {
    expect(labels('2019-02-01T00:00:00Z', '2021-01-15T00:00:00Z')).toEqual(['Apr 2019', 'Jul', 'Oct', 'Jan 2020', 'Apr', 'Jul', 'Oct', 'Jan 2021']);
  });

  it('marks weeks (Mondays) over a month, and days over a few days', () => {
    const weeks = axisTicks(at('2024-03-01T00:00:00Z'), at('2024-03-31T00:00:00Z'));
    expect(weeks.map((t) => t.label)).toEqual(['4 Mar 2024', '11 Mar', '18 Mar', '25 Mar']);
    for (const w of weeks) expect(new Date(w.t).getUTCDay()).toBe(1);
    expect(labels('2024-12-30T12:00:00Z', '2025-01-02T18:00:00Z')).toEqual(['31 Dec 2024', '1 Jan 2025', '2 Jan']);
  });

  it('keeps every tick inside the span and within the limit', () => {
    for (const [from, to] of [
      ['2001-01-01T00:00:00Z', '2001-01-01T00:00:00Z'],
      ['2000-01-01T00:00:00Z', '2000-01-01T06:00:00Z'],
      ['1970-01-01T00:00:00Z', '2030-01-01T00:00:00Z'],
      ['2010-05-05T00:00:00Z', '2010-09-09T00:00:00Z'],
    ] as const) {
      const ticks = axisTicks(at(from), at(to), 6);
      expect(ticks.length).toBeLessThanOrEqual(6);
      for (const t of ticks) {
        expect(t.t).toBeGreaterThanOrEqual(at(from));
        expect(t.t).toBeLessThanOrEqual(at(to));
      }
    }
    expect(axisTicks(at('2001-01-01T00:00:00Z'), at('2001-01-01T00:00:00Z'))).toEqual([]);
    expect(axisTicks(Number.NaN, 5)).toEqual([]);
  });
});

describe('how many ticks fit', () => {
  it('gives a narrow axis fewer ticks, never under two, and the most when the width is unknown', () => {
    expect(ticksThatFit(1000)).toBe(10);
    expect(ticksThatFit(640)).toBe(10);
    expect(ticksThatFit(639)).toBe(9);
    expect(ticksThatFit(190)).toBe(2);
    expect(ticksThatFit(40)).toBe(2);
    expect(ticksThatFit(0)).toBe(10);
    expect(ticksThatFit(Number.NaN, 6)).toBe(6);
  });

  it('a ten-year axis 190 px wide gets round years far enough apart', () => {
    expect(labels('2016-06-01T00:00:00Z', '2026-05-01T00:00:00Z', ticksThatFit(190))).toEqual(['2020', '2025']);
    expect(labels('2016-06-01T00:00:00Z', '2026-05-01T00:00:00Z', ticksThatFit(400))).toEqual(['2018', '2020', '2022', '2024', '2026']);
  });
});
