/** The Sectors dialog's words: the headline, a matrix cell's explanation, a carrier's sources. */
import { describe, expect, it } from 'vitest';
import type { SectorsResponse } from '../../src/api/contract.ts';
import { cellTitle, formatInfluence, heat, readoutText, sectorsHeadline, sourcesText, transferRange } from '../../client/src/panel/sectors-dialog.ts';

const sector = (name: string, members: number, influence: number): SectorsResponse['sectors'][number] => ({
  name,
  members,
  active: members,
  events: 10,
  influence,
  positive: influence / 2,
  negative: influence / 2,
  imported: 0,
  exported: 0,
});

/** music {3 people}, film {2}, cars {2}: music–film share one, music–cars one, film–cars none */
const three: SectorsResponse = {
  at: null,
  model: { model: 'power', gamma: 0.5, lambda: 0.5 },
  sectors: [sector('music', 3, 5), sector('cars', 2, 5), sector('film', 2, 3)],
  shared: [
    [3, 1, 1],
    [1, 2, 0],
    [1, 0, 2],
  ],
  distance: [
    [0, 0.75, 0.75],
    [0.75, 0, 1],
    [0.75, 1, 0],
  ],
  transfer: [
    [1, 0.5, 0.5],
    [0.5, 1, 0],
    [0.5, 0, 1],
  ],
  configured: [
    [false, false, false],
    [false, false, false],
    [false, false, false],
  ],
  flow: [
    [0, 2.5, 2.5],
    [2.5, 0, 0],
    [1.5, 0, 0],
  ],
  carriers: [[], [], []],
};

describe('the Sectors headline', () => {
  it('gives the least and the most carried between two sectors, the first found of equals', () => {
    expect(transferRange(three)).toEqual({ least: ['cars', 'film', 0], most: ['music', 'cars', 0.5] });
    expect(sectorsHeadline(three)).toBe('3 sectors. Influence earned in one counts in another as far as their people overlap: from 0% (cars ↔ film) to 50% (music ↔ cars).');
  });

  it('marks a pair carried differently each way (a configured distance) with an arrow one way', () => {
    const skewed = { ...three, transfer: [[1, 0.5, 0.9], [0.5, 1, 0], [0.5, 0, 1]] };
    expect(sectorsHeadline(skewed)).toMatch(/to 90% \(music → film\)\.$/);
    expect(sectorsHeadline({ ...three, model: { model: 'exponential', gamma: 0.5, lambda: 0.5 } })).toMatch(/counts in another less the further apart their people are:/);
  });

  it('says so when there is one sector or none', () => {
    expect(transferRange({ sectors: [sector('general', 10, 1)], transfer: [[1]] })).toBeNull();
    expect(sectorsHeadline({ ...three, sectors: [sector('general', 10, 1)], transfer: [[1]] })).toBe('Everything is in one sector (general): there is nothing to carry over.');
    expect(sectorsHeadline({ ...three, sectors: [], transfer: [] })).toBe('No sectors: no person or event stored names one.');
  });
});

describe('a matrix cell', () => {
  it('explains the share by the people in both, or a configured distance, and gives the amount carried', () => {
    expect(cellTitle(three, 0, 2)).toBe('Of the influence earned in music, 50% counts in film (1 of the 4 people in either are in both): 2.5 in all');
    expect(cellTitle(three, 1, 2)).toBe('Of the influence earned in cars, 0% counts in film (0 of the 4 people in either are in both): 0 in all');
    const configured = { ...three, configured: [[false, false, true], [false, false, false], [false, false, false]] };
    expect(cellTitle(configured, 0, 2)).toMatch(/\(a configured distance\)/);
    expect(cellTitle(three, 0, 0)).toBe('music: 3 people, 5.0 influence earned');
  });

  it('is shaded by the share, from faint to strong, never past the ends', () => {
    expect(heat(0)).toBe('rgba(138, 180, 255, 0.060)');
    expect(heat(1)).toBe('rgba(138, 180, 255, 0.860)');
    expect(heat(2)).toBe(heat(1));
    expect(heat(-1)).toBe(heat(0));
  });
});

describe("a carrier's sources", () => {
  it('lists the largest, then what they leave unsaid as other sectors', () => {
    expect(sourcesText([{ sector: 'music', amount: 257.8 }], 257.8)).toBe('258 from music');
    expect(sourcesText([{ sector: 'music', amount: 208.1 }, { sector: 'film', amount: 44.2 }], 252.3)).toBe('208 from music and 44.2 from film');
    expect(sourcesText([{ sector: 'music', amount: 30 }, { sector: 'film', amount: 20 }, { sector: 'health', amount: 10 }], 72)).toBe('30.0 from music, 20.0 from film, 10.0 from health and 12.0 from other sectors');
    // rounding crumbs are not a source
    expect(sourcesText([{ sector: 'music', amount: 100 }], 100.2)).toBe('100 from music');
  });

  it('writes small amounts with one decimal', () => {
    expect(formatInfluence(0.599)).toBe('0.6');
    expect(formatInfluence(0.049)).toBe('<0.1');
    expect(formatInfluence(0)).toBe('0');
    expect(formatInfluence(1234)).toBe('1.2k');
  });
});

describe('the over-time chart', () => {
  it('stacks the groups, the first at the bottom', async () => {
    const { runningTotals } = await import('../../client/src/chart/stacked-area.ts');
    expect(runningTotals([{ values: [1, 2] }, { values: [3, 0] }, { values: [0.5, 1] }])).toEqual([
      [1, 2],
      [4, 2],
      [4.5, 3],
    ]);
  });

  it('keeps the largest groups and sums the rest as one', async () => {
    const { topGroups } = await import('../../client/src/chart/stacked-area.ts');
    const g = (name: string, values: number[]) => ({ name, color: '#000000', values });
    const groups = [g('a', [5, 5]), g('b', [3, 1]), g('c', [1, 1]), g('d', [0, 2])];
    expect(topGroups(groups, 4, '#999999')).toEqual(groups);
    expect(topGroups(groups, 3, '#999999')).toEqual([g('a', [5, 5]), g('b', [3, 1]), { name: '2 others', color: '#999999', values: [1, 3] }]);
  });

  it('reads out the largest at a time, in words', () => {
    const times = [Date.UTC(2021, 2, 10), Date.UTC(2021, 3, 10)];
    const groups = [
      { name: 'music', values: [0, 120] },
      { name: 'film', values: [0, 80.5] },
      { name: 'tv', values: [0, 3] },
      { name: 'radio', values: [0, 2] },
      { name: 'print', values: [0, 1] },
      { name: 'web', values: [0, 0] },
    ];
    expect(readoutText(times, groups, 0)).toBe('Mar 2021: no influence yet');
    expect(readoutText(times, groups, 1)).toBe('Apr 2021: music 120, film 80.5, tv 3.0, radio 2.0 and 1 more');
  });
});
