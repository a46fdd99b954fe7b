import { describe, expect, it } from 'vitest';
import { readPolarity } from '../../client/src/chart/bars.ts';
import { hasInformativeSplit } from '../../client/src/chart/decay-chart.ts';

describe('how polarity reads in the person panel', () => {
  it('reads neutral when nothing is signed, instead of "50 % positive, 50 % negative, one-sided"', () => {
    // a CollegeMsg sender: every message has valence 0, so positive = negative = total / 2
    const r = readPolarity({ total: 1091, positive: 545.5, negative: 545.5, controversy: 0, signed: 0 });
    expect(r.neutral).toBe(true);
    expect(r.word).toBe('nothing to divide over');
  });

  it('reads one-sided when the signed part leans one way, and says how much of the split is unsigned weight', () => {
    // the demo's fad: 83 % positive, 28 % of the weight unsigned
    const r = readPolarity({ total: 596, positive: 496.584, negative: 99.416, controversy: 0.0805, signed: 432.05 });
    expect(r.neutral).toBe(false);
    expect(Math.round(r.positivePercent)).toBe(83);
    expect(r.word).toBe('mostly one-sided');
    expect(r.unsigned).toBeCloseTo(1 - 432.05 / 596, 12);
  });

  it('reads divisive on an even, strong split, with no unsigned note when everything is signed', () => {
    const r = readPolarity({ total: 100, positive: 50, negative: 50, controversy: 0.98, signed: 100 });
    expect(r).toMatchObject({ neutral: false, word: 'highly divisive', unsigned: null });
    expect(readPolarity({ total: 100, positive: 60, negative: 40, controversy: 0.4, signed: 100 }).word).toBe('mixed reception');
  });

  it('reads mostly neutral when a little is signed and it is not divided', () => {
    const r = readPolarity({ total: 100, positive: 55, negative: 45, controversy: 0, signed: 10 });
    expect(r).toMatchObject({ neutral: false, word: 'mostly neutral' });
    expect(r.unsigned).toBeCloseTo(0.9, 12);
  });

  it('reads neutral with no influence at all', () => {
    expect(readPolarity({ total: 0, positive: 0, negative: 0, controversy: 0, signed: 0 }).neutral).toBe(true);
  });
});

describe('the decay chart draws the positive and negative parts only when they differ', () => {
  const points = [0, 1, 2].map((k) => ({ t: k * 1000, value: 10 - k }));
  it('hides two identical halves (unsigned events only)', () => {
    expect(hasInformativeSplit({ points, positive: [5, 4.5, 4], negative: [5, 4.5, 4] })).toBe(false);
  });
  it('draws a real split, and needs both series of the right length', () => {
    expect(hasInformativeSplit({ points, positive: [5, 4.5, 4], negative: [5, 4.5, 3.9] })).toBe(true);
    expect(hasInformativeSplit({ points, positive: [8, 7], negative: [2, 2] })).toBe(false);
    expect(hasInformativeSplit({ points })).toBe(false);
  });
});
