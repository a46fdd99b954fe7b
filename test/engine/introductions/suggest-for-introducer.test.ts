import { describe, expect, it } from 'vitest';
import { buildIntroductionIndex, IntroductionInputError, suggestForIntroducer, suggestForPerson } from '../../../src/engine/introductions/index.ts';
import { findEntry } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { helloWorld, NOW } from './world.ts';

describe('suggestForIntroducer', () => {
  const index = buildIntroductionIndex(helloWorld());

  it('pairs the introducer’s untied contacts, complementary ones first', () => {
    const pairs = suggestForIntroducer(index, 'carla', { now: NOW, limit: 100 });
    expect(pairs.length).toBeGreaterThan(0);
    const [top] = pairs;
    expect(new Set([top.a, top.b])).toEqual(new Set(['ana', 'ben']));
    expect(top.introducer).toBe('carla');
    expect([...top.reasons.aOffersBSeeks, ...top.reasons.bOffersASeeks].sort()).toEqual(['Rust engineering', 'seed funding']);
    const g = index.graph;
    for (const s of pairs) {
      const a = index.indexOf.get(s.a)!;
      const b = index.indexOf.get(s.b)!;
      expect(findEntry(g, a, b)).toBe(-1); // a structural hole: not tied
      expect(s.introducer).toBe('carla');
    }
    const keys = pairs.map((s) => [s.a, s.b].sort().join('+'));
    expect(keys).not.toContain('ana+eve'); // tied
    expect(keys).not.toContain('ana+finn'); // introduction under way
    expect(keys).not.toContain('eve+finn'); // already introduced, succeeded
    expect(keys).not.toContain('ana+hugo'); // declined a week ago
  });

  it('scores a pair on the same scale as suggestForPerson, counting only this introducer', () => {
    // Ana–Ben have one trusted introducer (Carla), so both views give the same score.
    const viaCarla = suggestForIntroducer(index, 'carla', { now: NOW, limit: 100 }).find((s) => s.a === 'ana' || s.b === 'ana');
    const forAna = suggestForPerson(index, 'ana', { now: NOW }).find((s) => s.b === 'ben')!;
    expect(viaCarla!.score).toBeCloseTo(forAna.score, 12);
  });

  it('never suggests pairs for someone one side does not trust', () => {
    // Ben trusts Dan 0: Dan cannot introduce Ben to anyone.
    const pairs = suggestForIntroducer(index, 'dan', { now: NOW, limit: 100 });
    for (const s of pairs) expect([s.a, s.b]).not.toContain('ben');
    expect(pairs.map((s) => [s.a, s.b].sort().join('+'))).toEqual(['ana+ivy']);
  });

  it('rejects unknown people with a module-named error', () => {
    expect(() => suggestForIntroducer(index, 'zoe')).toThrow(IntroductionInputError);
    expect(() => suggestForIntroducer(index, 'zoe')).toThrow(/introductions\/suggest-for-introducer/);
  });
});
