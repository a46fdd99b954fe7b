import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DEFAULT_FADE_CONFIG,
  evaluateFade,
  encodeFade,
  FADE_EXPONENTIAL,
  FADE_NONE,
  FADE_POWER,
  FADE_WINDOW,
  fadeConfig,
  fadeFactor,
  resolveFades,
  resolveFadeSpec,
  uniformFade,
} from '../../../src/engine/time/fade.ts';
import { InfluenceInputError } from '../../../src/engine/time/errors.ts';
import { tinyProjection } from './fixtures.ts';

const days = (d: number) => d * DAY_MS;

describe('fade models', () => {
  it('exponential halves every half-life', () => {
    const spec = { model: 'exponential', halfLifeDays: 10 } as const;
    expect(fadeFactor(spec, 0)).toBe(1);
    expect(fadeFactor(spec, days(10))).toBeCloseTo(0.5, 14);
    expect(fadeFactor(spec, days(20))).toBeCloseTo(0.25, 14);
    expect(fadeFactor(spec, days(5))).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('power is (1 + Δ/τ)^−α', () => {
    const spec = { model: 'power', tauDays: 10, alpha: 2 } as const;
    expect(fadeFactor(spec, 0)).toBe(1);
    expect(fadeFactor(spec, days(10))).toBeCloseTo(0.25, 14);
    expect(fadeFactor(spec, days(30))).toBeCloseTo(1 / 16, 14);
    // a long tail: after 100 τ still ~1e-4, where an exponential with the same half-life is gone
    expect(fadeFactor(spec, days(1000))).toBeCloseTo(1 / 101 ** 2, 14);
  });

  it('window is 1 up to and including its length, then 0', () => {
    const spec = { model: 'window', days: 30 } as const;
    expect(fadeFactor(spec, 0)).toBe(1);
    expect(fadeFactor(spec, days(30))).toBe(1);
    expect(fadeFactor(spec, days(30) + 1)).toBe(0);
    expect(fadeFactor({ model: 'window', days: Infinity }, days(1e6))).toBe(1);
  });

  it('none is 1 forever', () => {
    expect(fadeFactor({ model: 'none' }, days(1e6))).toBe(1);
  });

  it('every model gives 0 before the event (Δ < 0)', () => {
    for (const spec of [
      { model: 'exponential', halfLifeDays: 10 },
      { model: 'power', tauDays: 10, alpha: 1 },
      { model: 'window', days: 10 },
      { model: 'none' },
    ] as const) {
      expect(fadeFactor(spec, -1)).toBe(0);
      expect(fadeFactor(spec, -days(3))).toBe(0);
    }
  });

  it('encodes parameters in milliseconds', () => {
    expect(encodeFade({ model: 'exponential', halfLifeDays: 1 })).toEqual({ code: FADE_EXPONENTIAL, p1: Math.LN2 / DAY_MS, p2: 0 });
    expect(encodeFade({ model: 'power', tauDays: 2, alpha: 0.5 })).toEqual({ code: FADE_POWER, p1: 1 / (2 * DAY_MS), p2: 0.5 });
    expect(encodeFade({ model: 'window', days: 3 })).toEqual({ code: FADE_WINDOW, p1: 3 * DAY_MS, p2: 0 });
    expect(encodeFade({ model: 'none' })).toEqual({ code: FADE_NONE, p1: 0, p2: 0 });
    expect(evaluateFade(FADE_EXPONENTIAL, Math.LN2 / DAY_MS, 0, DAY_MS)).toBeCloseTo(0.5, 14);
  });

  it('rejects invalid specs with an error naming the module', () => {
    expect(() => fadeFactor({ model: 'exponential', halfLifeDays: 0 }, 1)).toThrow(/^fade: /);
    expect(() => fadeFactor({ model: 'power', tauDays: 1, alpha: Infinity }, 1)).toThrow(InfluenceInputError);
    expect(() => fadeFactor({ model: 'linear' } as never, 1)).toThrow(/not a valid fade/);
  });
});

describe('fade config', () => {
  it('resolves event > kind > sector > default', () => {
    const config = fadeConfig({
      default: { model: 'none' },
      byKind: { Post: { model: 'exponential', halfLifeDays: 2 } },
      bySector: { music: { model: 'window', days: 9 } },
    }, uniformFade({ model: 'exponential', halfLifeDays: 1 }));
    const own = { model: 'power', tauDays: 1, alpha: 1 } as const;
    expect(resolveFadeSpec(config, 'post', 'music', own)).toEqual({ spec: own, source: 'event' });
    expect(resolveFadeSpec(config, 'POST', 'music')).toEqual({ spec: { model: 'exponential', halfLifeDays: 2 }, source: 'kind' });
    expect(resolveFadeSpec(config, 'gig', 'Music')).toEqual({ spec: { model: 'window', days: 9 }, source: 'sector' });
    expect(resolveFadeSpec(config, 'gig', 'finance')).toEqual({ spec: { model: 'none' }, source: 'default' });
  });

  it('has documented defaults: fast posts and messages, medium ratings, slow awards, 180-day global half-life', () => {
    expect(DEFAULT_FADE_CONFIG.default).toEqual({ model: 'exponential', halfLifeDays: 180 });
    const halfLife = (kind: string) => {
      const spec = resolveFadeSpec(DEFAULT_FADE_CONFIG, kind, 'none-such').spec;
      // the time to fall to one half, in days, whatever the model
      let lo = 0;
      let hi = 1e7;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (fadeFactor(spec, days(mid)) > 0.5) lo = mid;
        else hi = mid;
      }
      return lo;
    };
    expect(halfLife('post')).toBeLessThan(halfLife('message'));
    expect(halfLife('message')).toBeLessThan(halfLife('rating'));
    expect(halfLife('rating')).toBeLessThan(halfLife('award'));
    expect(halfLife('award')).toBeLessThan(halfLife('founding'));
    expect(halfLife('publication')).toBeGreaterThan(365);
  });

  it('overrides merge entry by entry and null removes a default', () => {
    const config = fadeConfig({ byKind: { post: null, gig: { model: 'none' } } });
    expect(resolveFadeSpec(config, 'post', 'x').source).toBe('default');
    expect(resolveFadeSpec(config, 'gig', 'x').spec).toEqual({ model: 'none' });
    expect(resolveFadeSpec(config, 'award', 'x').spec).toEqual(DEFAULT_FADE_CONFIG.byKind.award);
    expect(() => fadeConfig({ byKind: { post: { model: 'window', days: -1 } } })).toThrow(/fade: byKind\.post/);
  });

  it('resolves every event of a projection into typed columns', () => {
    const p = tinyProjection();
    const fades = resolveFades(p.events);
    const byId = (id: string) => p.events.id.indexOf(id);
    expect(fades.count).toBe(p.events.count);
    expect(fades.code[byId('e1')]).toBe(FADE_EXPONENTIAL);
    expect(fades.p1[byId('e1')]).toBeCloseTo(Math.LN2 / days(7), 20);
    expect(fades.code[byId('e3')]).toBe(FADE_POWER);
    expect(fades.code[byId('e4')]).toBe(FADE_WINDOW);
    expect(fades.code[byId('e5')]).toBe(FADE_NONE); // its own fade beats the kind default
    const uniform = resolveFades(p.events, uniformFade({ model: 'window', days: 1 }));
    expect(Array.from(uniform.code)).toEqual([3, 3, 3, 3, FADE_NONE, 3]);
  });
});
