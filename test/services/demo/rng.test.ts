import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/services/demo/rng.ts';

const draws = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('demo rng (mulberry32)', () => {
  it('repeats the same sequence for the same seed and differs between neighbouring seeds', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
  });

  it('draws floats in [0, 1) with a plausible mean', () => {
    const xs = draws(1, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it('draws integers in an inclusive range, hitting both ends', () => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(3, 6);
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThanOrEqual(6);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('weighted draws follow the weights, with the one-off and the repeated sampler agreeing in distribution', () => {
    const rng = createRng(9);
    const weights = [1, 0, 3];
    const sampler = rng.weightedSampler(weights);
    const once = [0, 0, 0];
    const repeated = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      once[rng.weightedIndex(weights)]++;
      repeated[sampler()]++;
    }
    for (const counts of [once, repeated]) {
      expect(counts[1]).toBe(0);
      expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
      expect(counts[2] / counts[0]).toBeLessThan(3.3);
    }
    expect(() => rng.weightedIndex([0, 0])).toThrow(/demo rng/);
    expect(() => rng.weightedSampler([1, -1])).toThrow(/demo rng/);
  });

  it('forks independent streams that do not depend on how much the parent has drawn', () => {
    const a = createRng(42);
    const b = createRng(42);
    b.next();
    b.next();
    const fa = a.fork('events');
    const fb = b.fork('events');
    expect(Array.from({ length: 10 }, () => fa.next())).toEqual(Array.from({ length: 10 }, () => fb.next()));
    const other = createRng(42).fork('people');
    expect(other.next()).not.toBe(createRng(42).fork('events').next());
  });

  it('samples distinct items and shuffles without losing any', () => {
    const rng = createRng(3);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const picked = rng.sample(items, 10);
    expect(new Set(picked).size).toBe(10);
    expect(rng.shuffled(items).sort((x, y) => x - y)).toEqual(items);
    expect(rng.sample(items, 80)).toHaveLength(50);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRng(0.5)).toThrow(/demo rng: seed/);
  });
});
