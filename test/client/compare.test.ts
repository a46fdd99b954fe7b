/** "Compare with" on a profile's chart: the other people's curves at the chart's times, and their colours. */
import { describe, expect, it } from 'vitest';
import { alignCurve } from '../../client/src/chart/decay-chart.ts';
import { COMPARE_COLORS, comparedWith } from '../../client/src/panel/person-panel.ts';

describe('alignCurve', () => {
  it('copies a curve sampled at the same times', () => {
    const points = [10, 20, 30].map((t, k) => ({ t, value: k * 2 }));
    expect(alignCurve([10, 20, 30], points)).toEqual([0, 2, 4]);
  });

  it('interpolates between samples, and gives null outside the curve', () => {
    const points = [
      { t: 10, value: 0 },
      { t: 20, value: 10 },
      { t: 40, value: 0 },
    ];
    expect(alignCurve([0, 10, 15, 20, 30, 40, 50], points)).toEqual([null, 0, 5, 10, 5, 0, null]);
    expect(alignCurve([1, 2], [])).toEqual([null, null]);
    expect(alignCurve([5], [{ t: 5, value: 3 }])).toEqual([3]);
  });
});

describe('comparedWith', () => {
  const chosen = [
    { id: 'a', name: 'Ana' },
    { id: 'b', name: 'Ben' },
    { id: 'c', name: 'Cy' },
  ];
  it('gives each chosen person the colour of their place in the choice', () => {
    expect(comparedWith('z', chosen).map((p) => [p.id, p.color])).toEqual([
      ['a', COMPARE_COLORS[0]],
      ['b', COMPARE_COLORS[1]],
      ['c', COMPARE_COLORS[2]],
    ]);
  });

  it('leaves out the person whose chart it is, the others keeping their colours', () => {
    expect(comparedWith('b', chosen).map((p) => [p.id, p.color])).toEqual([
      ['a', COMPARE_COLORS[0]],
      ['c', COMPARE_COLORS[2]],
    ]);
  });
});
