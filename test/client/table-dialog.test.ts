/** The Table dialog's rules: which columns, the next sort, the pager's words, bars and the digits a column shows. */
import { describe, expect, it } from 'vitest';
import { barShare, cellText, columnDecimals, comebackText, DEFAULT_COLUMNS, fadeText, narrowText, shownText, sortTitle, MAX_COLUMNS, nextSort, pageText, peakIndex, sparkPoints, tableColumns } from '../../client/src/panel/table-dialog.ts';

describe('tableColumns', () => {
  it("puts the map's metric first, then the chosen (or the defaults), each once, at most the API's limit", () => {
    expect(tableColumns('pagerank', null)).toEqual(['pagerank', ...DEFAULT_COLUMNS.filter((c) => c !== 'pagerank')]);
    expect(tableColumns('eigenvector', ['degree', 'eigenvector'])).toEqual(['eigenvector', 'degree']);
    const many = Array.from({ length: 20 }, (_, i) => `m${i}`);
    expect(tableColumns('pagerank', many)).toHaveLength(MAX_COLUMNS);
  });
});

describe('nextSort', () => {
  it('sorts by a column best first, and reverses it on a second click', () => {
    expect(nextSort('pagerank', 'degree')).toBe('degree');
    expect(nextSort('degree', 'degree')).toBe('-degree');
    expect(nextSort('-degree', 'degree')).toBe('degree');
    expect(nextSort('degree', 'name')).toBe('name');
  });
});

describe('pageText and narrowText', () => {
  it('says which rows are shown, of how many, and what the filters kept', () => {
    expect(narrowText(' an ', null, null)).toBe('matching “an”');
    expect(narrowText('', 'music · film', 'finance')).toBe('in music · film, listing finance');
    expect(narrowText('  ', null, null)).toBe('');
    expect(narrowText('', null, null, { name: 'Helena Brandt', hops: 1 })).toBe('within a step of Helena Brandt');
    expect(narrowText('an', 'music · film', null, { name: 'Helena Brandt', hops: 2 })).toBe('matching “an”, within 2 steps of Helena Brandt, in music · film');
    expect(pageText(0, 50, 400, 400, '')).toBe('1–50 of 400');
    expect(pageText(50, 42, 92, 1200, narrowText(' an ', null, null))).toBe('51–92 of 92 matching “an” (1,200 in all)');
    expect(pageText(0, 30, 30, 400, narrowText('', 'music · film', null))).toBe('1–30 of 30 in music · film (400 in all)');
    expect(pageText(0, 0, 0, 400, narrowText('zz', null, null))).toBe('No one matches “zz”');
    expect(pageText(0, 0, 0, 400, narrowText('', 'film', 'music'))).toBe('No one is in film, listing music');
    expect(pageText(0, 0, 0, 0, '')).toBe('No one stored');
  });
});

describe('barShare', () => {
  it('is the share of the best score, full at the lowest where less is more', () => {
    const up = { min: 0, max: 4, higherIsMoreInfluential: true };
    expect(barShare(1, up)).toBe(0.25);
    expect(barShare(null, up)).toBe(0);
    expect(barShare(1, { ...up, max: 0 })).toBe(0);
    const down = { min: 0.2, max: 1, higherIsMoreInfluential: false };
    expect(barShare(0.2, down)).toBe(1);
    expect(barShare(1, down)).toBe(0);
    expect(barShare(0.6, down)).toBeCloseTo(0.5);
  });
});

describe('columnDecimals and cellText', () => {
  it('shows four significant digits of the largest score, every score with as many decimals', () => {
    expect(columnDecimals({ min: 0, max: 1480.2 })).toBe(0);
    expect(columnDecimals({ min: 0, max: 0.8221 })).toBe(4);
    expect(columnDecimals({ min: 0.00004, max: 0.06994 })).toBe(5);
    expect(columnDecimals({ min: 0, max: 99.93 })).toBe(2);
    expect(columnDecimals({ min: 0, max: 0 })).toBe(0);
    expect(columnDecimals({ min: 0, max: 1e-9 })).toBe(6);
    expect(cellText(1480.2, 0)).toBe('1,480');
    expect(cellText(0.0099, 5)).toBe('0.00990');
    expect(cellText(0, 5)).toBe('0');
    expect(cellText(null, 2)).toBe('–');
  });
});

describe('sparkPoints and peakIndex', () => {
  it('draws a row to its own highest value, the highest at the top, nothing at the bottom', () => {
    expect(sparkPoints([0, 2, 4, 1], 30, 10)).toBe('0.0,9.0 10.0,5.0 20.0,1.0 30.0,7.0');
    // never above 0: flat along the bottom
    expect(sparkPoints([0, 0, 0], 20, 10)).toBe('0.0,9.0 10.0,9.0 20.0,9.0');
    // the same shape whatever the scale
    expect(sparkPoints([0, 2e-6, 4e-6, 1e-6], 30, 10)).toBe(sparkPoints([0, 2, 4, 1], 30, 10));
  });

  it('finds the first highest sample, or none when the curve never rises', () => {
    expect(peakIndex([0, 3, 1, 3])).toBe(1);
    expect(peakIndex([0, 0])).toBe(-1);
    expect(peakIndex([])).toBe(-1);
  });
});

describe('fadeText and sortTitle', () => {
  it('says the fade class and its days, "≥" when some influence never halved', () => {
    expect(fadeText(21, 'fad', false)).toBe('fad · 3 weeks');
    expect(fadeText(1533, 'lasting', true)).toBe('lasting · ≥ 4.2 years');
    expect(fadeText(null, 'none', false)).toBe('–');
  });

  it('says the strongest comeback, after how long, and how many others', () => {
    expect(comebackText(80.44, 1407, 1)).toBe('80.4 after 3.9 years');
    expect(comebackText(18.9, 272, 3)).toBe('18.9 after 9 months (+2 more)');
    expect(comebackText(0, null, 0)).toBe('–');
  });

  it("names the order a click on a column's head gives", () => {
    expect(sortTitle('pagerank', false)).toBe('Sort by PageRank, most influential first');
    expect(sortTitle('pagerank', true)).toBe('Sort by PageRank, least influential first');
    expect(sortTitle('fade', false)).toBe('Sort by Fade, longest first');
    expect(sortTitle('comeback', true)).toBe('Sort by Comeback, weakest first');
  });
});

describe('shownText', () => {
  it('says whom Show on the map lights: which rows, of how many, matching what, in which order', () => {
    expect(shownText(0, 50, 400, 'pagerank', '')).toBe('people 1–50 of 400 by PageRank');
    expect(shownText(50, 12, 62, '-betweenness', narrowText(' an', null, null))).toBe('people 51–62 of 62 matching “an” by Betweenness, from the bottom');
    expect(shownText(0, 5, 5, 'pagerank', narrowText('', 'film', null))).toBe('people 1–5 of 5 in film by PageRank');
    expect(shownText(0, 3, 3, '-name', '')).toBe('people 1–3 of 3 by name, Z to A');
  });
});
