import { describe, expect, it } from 'vitest';
import { pairedBootstrap, perPersonRanks, summarisePerPerson } from '../../bench/per-person.ts';
import { seededRng } from '../../src/engine/rng.ts';

describe('per-person ranking metrics (bench/per-person.ts)', () => {
  // pairs:            (0,1) (0,4) (0,5) (1,4) (2,5)
  const pairs = { a: [0, 0, 0, 1, 2], b: [1, 4, 5, 4, 5], tiebreak: [0.5, 0.1, 0.2, 0.3, 0.4] };
  const score = [1, 2, 1, 0.5, 3];
  const positives: [number, number][] = [
    [0, 1],
    [3, 2], // never scored: no common acquaintance
  ];

  it("ranks each person's best new acquaintance in their own list, ties by the shared tie-break", () => {
    const ranks = perPersonRanks(positives, pairs, score);
    // 0's list: (0,4) 2, then (0,5) and (0,1) tied at 1, (0,5) first by its smaller tie-break → (0,1) is third
    expect(ranks.get(0)).toBe(3);
    // 1's list: (0,1) 1 before (1,4) 0.5
    expect(ranks.get(1)).toBe(1);
    // 2 has a list, 3 has none: their positive is in neither
    expect(ranks.get(2)).toBe(Number.POSITIVE_INFINITY);
    expect(ranks.get(3)).toBe(Number.POSITIVE_INFINITY);
    expect([...ranks.keys()].sort()).toEqual([0, 1, 2, 3]);
  });

  it('summarises hit rates at 1 and 10 and the mean reciprocal rank over every person with a positive', () => {
    const s = summarisePerPerson(perPersonRanks(positives, pairs, score));
    expect(s.people).toBe(4);
    expect(s.hitRate[1]).toBeCloseTo(1 / 4, 12);
    expect(s.hitRate[10]).toBeCloseTo(2 / 4, 12);
    expect(s.mrr).toBeCloseTo((1 / 3 + 1) / 4, 12);
  });

  it('takes the best-placed of several new acquaintances', () => {
    const ranks = perPersonRanks(
      [
        [0, 1],
        [0, 5],
      ],
      pairs,
      score,
    );
    expect(ranks.get(0)).toBe(2); // (0,5) is second, (0,1) third
    expect(ranks.get(5)).toBe(2); // 5's list: (2,5) 3, (0,5) 1
  });

  it('gives nothing to summarise when nobody has a positive', () => {
    expect(summarisePerPerson(perPersonRanks([], pairs, score))).toEqual({ people: 0, hitRate: { 1: 0, 10: 0 }, mrr: 0 });
  });
});

describe('paired bootstrap', () => {
  it('is exact when every item agrees', () => {
    expect(pairedBootstrap([1, 1, 1, 1, 1], 500, seededRng(1))).toEqual({ observed: 5, interval: [5, 5], ahead: 1 });
    expect(pairedBootstrap([0, 0, 0], 500, seededRng(1))).toEqual({ observed: 0, interval: [0, 0], ahead: 0 });
  });

  it('spreads around the observed sum, within the possible range, and repeats with the seed', () => {
    const delta = [1, 1, 1, 0, 0, 0, 0, -1, 0, 1];
    const b = pairedBootstrap(delta, 2000, seededRng(7));
    expect(b.observed).toBe(3);
    expect(b.interval[0]).toBeLessThan(3);
    expect(b.interval[1]).toBeGreaterThan(3);
    expect(b.interval[0]).toBeGreaterThanOrEqual(-10);
    expect(b.interval[1]).toBeLessThanOrEqual(10);
    expect(b.ahead).toBeGreaterThan(0.5);
    expect(b.ahead).toBeLessThan(1);
    expect(pairedBootstrap(delta, 2000, seededRng(7))).toEqual(b);
  });
});
