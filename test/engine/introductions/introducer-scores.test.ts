import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import type { IntroductionStatus } from '../../../src/domain/model.ts';
import { introducerScores } from '../../../src/engine/introductions/index.ts';
import { DAY, helloWorld, NOW } from './world.ts';

/** Introductions between people a witness outside every introducer's circle fully trusts: each success counts 1. */
function withIntroductions(records: Record<string, IntroductionStatus[]>, value: number | null = null) {
  const p = new ProjectionBuilder();
  let k = 0;
  for (const [introducer, statuses] of Object.entries(records)) {
    for (const status of statuses) {
      p.introduction({ id: `i${k}`, introducer, a: `a${k}`, b: `b${k}`, at: NOW - k * DAY, status, value });
      p.tie('witness', `a${k}`, 1);
      p.tie('witness', `b${k}`, 1);
      k++;
    }
  }
  return p.build();
}

/** helloWorld, where Ivy (in no introduction) fully trusts Eve and Finn, whom Carla introduced */
const vouchedWorld = () =>
  helloWorld((p) => {
    p.tie('ivy', 'eve', 1);
    p.tie('ivy', 'finn', 1);
  });

describe('introducerScores', () => {
  it('smooths the success rate: 1 of 1 scores below 9 of 10', () => {
    const scores = introducerScores(
      withIntroductions({ lucky: ['succeeded'], steady: [...Array(9).fill('succeeded'), 'failed'] }),
    );
    expect(scores.lucky.successRate).toBeCloseTo(2 / 3, 12); // (1 + 1) / (1 + 2)
    expect(scores.steady.successRate).toBeCloseTo(10 / 12, 12); // (9 + 1) / (10 + 2)
    expect(scores.lucky.successRate).toBeLessThan(scores.steady.successRate);
    expect(scores.lucky.score).toBeLessThan(scores.steady.score);
    expect(scores.lucky.score).toBeCloseTo(2 / 3, 12);
    expect(scores.steady.score).toBeCloseTo((10 / 12) * 9, 12);
  });

  it('with no closed introduction the rate is the prior mean, and the score 0', () => {
    const scores = introducerScores(withIntroductions({ fresh: ['made', 'accepted'], idle: ['suggested'] }));
    expect(scores.fresh).toMatchObject({ made: 2, open: 2, succeeded: 0, failed: 0, successRate: 0.5, score: 0, creditedValue: 0 });
    expect(scores.idle).toMatchObject({ made: 0, suggested: 1, successRate: 0.5, score: 0 });
    const skeptical = introducerScores(withIntroductions({ fresh: ['made'] }), { prior: { alpha: 1, beta: 3 } });
    expect(skeptical.fresh.successRate).toBeCloseTo(0.25, 12);
  });

  it('counts declined as not fruitful, credits value, and decays it when asked', () => {
    const scores = introducerScores(vouchedWorld());
    expect(scores.carla).toMatchObject({ made: 4, succeeded: 1, counted: 1, failed: 2, declined: 1, open: 1, creditedValue: 5000 });
    expect(scores.carla.successRate).toBeCloseTo(2 / 5, 12);
    expect(scores.carla.score).toBeCloseTo((2 / 5) * (1 + Math.log1p(5000)), 12);
    expect(Object.keys(scores)).toEqual(['carla']);
    const decayed = introducerScores(vouchedWorld(), { now: NOW, valueHalfLifeDays: 90 });
    expect(decayed.carla.creditedValue).toBeCloseTo(2500, 9); // succeeded 90 days before now
    expect(Object.keys(introducerScores(vouchedWorld(), { includeEveryone: true })).length).toBe(9);
  });

  it("does not count a success between people nobody outside the introducer's introductions vouches for", () => {
    // in helloWorld itself Finn is known to Carla alone: her one success counts 0, value and score with it
    const scores = introducerScores(helloWorld());
    expect(scores.carla).toMatchObject({ succeeded: 1, counted: 0, failed: 2, creditedValue: 0, score: 0 });
    expect(scores.carla.successRate).toBeCloseTo(1 / 4, 12); // (0 + 1) / (0 + 2 + 2)
  });

  it('ignores introductions after now', () => {
    const scores = introducerScores(withIntroductions({ x: ['succeeded', 'succeeded'] }), { now: NOW - DAY / 2 });
    expect(scores.x.succeeded).toBe(1); // the first is dated NOW (after now), the second NOW − 1 day
  });

  it('rejects a bad prior', () => {
    expect(() => introducerScores(helloWorld(), { prior: { alpha: 0, beta: 1 } })).toThrow(/introductions\/introducer-scores: option "prior.alpha"/);
  });
});
