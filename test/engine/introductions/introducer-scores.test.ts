import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import type { IntroductionStatus } from '../../../src/domain/model.ts';
import { introducerCurve, introducerScores, introducerScoreSeries } from '../../../src/engine/introductions/index.ts';
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

describe('introducerScoreSeries', () => {
  // x: a success 10 days before NOW (value 0) and a failure 4 days before; y: a success 2 days before
  const world = () => {
    const p = new ProjectionBuilder();
    const dated: [string, string, number, IntroductionStatus][] = [
      ['x', 'i0', 10, 'succeeded'],
      ['x', 'i1', 4, 'failed'],
      ['y', 'i2', 2, 'succeeded'],
    ];
    for (const [introducer, id, daysBefore, status] of dated) {
      p.introduction({ id, introducer, a: `${id}a`, b: `${id}b`, at: NOW - daysBefore * DAY, status, value: null });
      p.tie('witness', `${id}a`, 1);
      p.tie('witness', `${id}b`, 1);
    }
    return p.build();
  };

  it('gives at each time the score introducerScores gives with now at that time', () => {
    const w = world();
    const times = [NOW - 20 * DAY, NOW - 7 * DAY, NOW - 3 * DAY, NOW, NOW + 30 * DAY];
    const people = ['x', 'y', 'witness'].map((id) => w.indexOf.get(id)!);
    const series = introducerScoreSeries(w, times, people, { valueHalfLifeDays: 7 });
    times.forEach((t, k) => {
      const at = introducerScores(w, { now: t, valueHalfLifeDays: 7 });
      expect(series[0][k]).toBeCloseTo(at.x?.score ?? 0, 12);
      expect(series[1][k]).toBeCloseTo(at.y?.score ?? 0, 12);
      expect(series[2][k]).toBe(0);
    });
  });

  it('rises with a success, falls with a failure and fades with the half-life', () => {
    const w = world();
    const x = w.indexOf.get('x')!;
    const [s] = introducerScoreSeries(w, [NOW - 20 * DAY, NOW - 10 * DAY, NOW - 4 * DAY, NOW + 3 * DAY], [x], { valueHalfLifeDays: 7 });
    expect(s[0]).toBe(0); // before any introduction
    expect(s[1]).toBeCloseTo(2 / 3, 12); // 1 of 1: rate 2/3, one fresh success
    expect(s[2]).toBeCloseTo((2 / 4) * 2 ** (-6 / 7), 12); // the failure lowers the rate to 2/4; the success is 6 days old
    expect(s[3]).toBeCloseTo((2 / 4) * 2 ** (-13 / 7), 12);
    // one person's curve, reading their introductions alone, is the same
    expect(Array.from(introducerCurve(w, x, [NOW - 20 * DAY, NOW - 10 * DAY, NOW - 4 * DAY, NOW + 3 * DAY], { valueHalfLifeDays: 7 }))).toEqual(Array.from(s));
    // without a half-life nothing fades
    const [flat] = introducerScoreSeries(w, [NOW - 4 * DAY, NOW + 300 * DAY], [x]);
    expect(flat[0]).toBeCloseTo(flat[1], 12);
  });
});

describe('outcome dates', () => {
  // x made a success 30 days before NOW that bore fruit 10 days before, and a failure 20 days before that failed
  // 5 days before; z's success, made 30 days before, has no outcome date
  const world = () => {
    const p = new ProjectionBuilder();
    const dated: [string, string, number, IntroductionStatus, number | undefined][] = [
      ['x', 'i0', 30, 'succeeded', 10],
      ['x', 'i1', 20, 'failed', 5],
      ['z', 'i2', 30, 'succeeded', undefined],
    ];
    for (const [introducer, id, madeDaysBefore, status, outcomeDaysBefore] of dated) {
      const outcomeAt = outcomeDaysBefore === undefined ? undefined : NOW - outcomeDaysBefore * DAY;
      p.introduction({ id, introducer, a: `${id}a`, b: `${id}b`, at: NOW - madeDaysBefore * DAY, status, value: null, outcomeAt });
      p.tie('witness', `${id}a`, 1);
      p.tie('witness', `${id}b`, 1);
    }
    return p.build();
  };
  const times = [NOW - 15 * DAY, NOW - 8 * DAY, NOW];

  it('an introduction is open until its outcome, which then fades from its own date', () => {
    const w = world();
    const before = introducerScores(w, { now: NOW - 15 * DAY, valueHalfLifeDays: 7 });
    expect(before.x).toMatchObject({ made: 2, open: 2, succeeded: 0, failed: 0, successRate: 0.5, score: 0 });
    const [x] = introducerScoreSeries(w, times, [w.indexOf.get('x')!], { valueHalfLifeDays: 7 });
    expect(x[0]).toBe(0);
    expect(x[1]).toBeCloseTo((2 / 3) * 2 ** (-2 / 7), 12); // one success, 2 days old; the failure still open
    expect(x[2]).toBeCloseTo((2 / 4) * 2 ** (-10 / 7), 12); // the failure has come; the success is 10 days old
    expect(introducerScores(w).x).toMatchObject({ succeeded: 1, failed: 1, open: 0 }); // all time: as it stands
  });

  it('an outcome without a date counts from when the introduction was made', () => {
    const w = world();
    const [z] = introducerScoreSeries(w, times, [w.indexOf.get('z')!], { valueHalfLifeDays: 7 });
    expect(z[0]).toBeCloseTo((2 / 3) * 2 ** (-15 / 7), 12);
    expect(z[2]).toBeCloseTo((2 / 3) * 2 ** (-30 / 7), 12);
  });

  it("one person's curve reads the dates as the series does", () => {
    const w = world();
    const x = w.indexOf.get('x')!;
    const [series] = introducerScoreSeries(w, times, [x], { valueHalfLifeDays: 7 });
    expect(Array.from(introducerCurve(w, x, times, { valueHalfLifeDays: 7 }))).toEqual(Array.from(series));
  });
});

describe('introducerCurve', () => {
  it("is introducerScoreSeries for one person, vouching included (helloWorld: Carla's success counts 0, then 1 once Ivy vouches)", () => {
    for (const w of [helloWorld(), vouchedWorld()]) {
      const times = [NOW - 400 * DAY, NOW - 120 * DAY, NOW - 60 * DAY, NOW - 1, NOW, NOW + 90 * DAY];
      const people = w.people.map((_, i) => i);
      const series = introducerScoreSeries(w, times, people, { valueHalfLifeDays: 90 });
      for (const i of people) {
        const curve = introducerCurve(w, i, times, { valueHalfLifeDays: 90 });
        curve.forEach((v, k) => expect(v).toBeCloseTo(series[i][k], 12));
      }
    }
    const carla = (w: ReturnType<typeof helloWorld>) => Math.max(...introducerCurve(w, w.indexOf.get('carla')!, [NOW]));
    expect(carla(helloWorld())).toBe(0);
    expect(carla(vouchedWorld())).toBeGreaterThan(0);
  });
});
