import { describe, expect, it } from 'vitest';
import { analyzeCurve, findPeaks, findPeriod } from '../../../src/engine/time/curve-analysis.ts';
import { decayCurve } from '../../../src/engine/time/curves.ts';
import { buildInteractionTable } from '../../../src/engine/time/interaction-table.ts';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import { DAY, seededRng, T0 } from './fixtures.ts';

/** A daily curve over `days` days: value(day). */
function daily(days: number, value: (day: number) => number) {
  const times: number[] = [];
  const values: number[] = [];
  for (let d = 0; d <= days; d++) {
    times.push(T0 + d * DAY);
    values.push(value(d));
  }
  return { times, values };
}

/** An event at `at` fading with half-life h (days): 0 before it. */
const spike = (at: number, h: number, size = 1) => (d: number) => (d < at ? 0 : size * 2 ** (-(d - at) / h));

describe('curve analysis', () => {
  it('a sharp spike that fades in weeks is a fad', () => {
    const a = analyzeCurve(daily(365, spike(30, 10)));
    expect(a.peaks).toHaveLength(1);
    expect(a.peaks[0].at).toBe(T0 + 30 * DAY);
    expect(a.peaks[0].halfLifeDays).toBeCloseTo(10, 1);
    expect(a.fadeHalfLifeDays).toBeCloseTo(10, 1);
    expect(a.fadeClass).toBe('fad');
    expect(a.max).toBe(1);
    expect(a.maxAt).toBe(T0 + 30 * DAY);
    expect(a.resurgences).toEqual([]);
    // it goes (and stays) dormant once below 5 %: about 10·log2(20) ≈ 43 days after the spike
    expect(a.dormancies).toHaveLength(1);
    expect(a.dormancies[0].ongoing).toBe(true);
    expect((a.dormancies[0].from - T0) / DAY).toBeCloseTo(30 + 10 * Math.log2(20), 0);
  });

  it('a long plateau is lasting, a half-year half-life is steady', () => {
    const plateau = analyzeCurve(daily(3 * 365, (d) => (d < 30 ? 0 : 1)));
    expect(plateau.peaks).toHaveLength(1);
    expect(plateau.peaks[0].halfLifeDays).toBeNull();
    expect(plateau.fadeHalfLifeDays).toBeNull();
    expect(plateau.fadeClass).toBe('lasting');
    expect(plateau.dormancies).toEqual([]);

    const slow = analyzeCurve(daily(3 * 365, spike(10, 200)));
    expect(slow.peaks[0].halfLifeDays).toBeCloseTo(200, 0);
    expect(slow.fadeClass).toBe('steady');

    const veryslow = analyzeCurve(daily(6 * 365, spike(10, 1000)));
    expect(veryslow.fadeClass).toBe('lasting');
  });

  it("says the days its class is judged on: a halving peak's half-life exactly, a peak that never halves at least the days after it", () => {
    const fad = analyzeCurve(daily(365, spike(30, 10)));
    expect(fad.fadeDays).toBeCloseTo(10, 1);
    expect(fad.fadeCensored).toBe(false);
    const plateau = analyzeCurve(daily(3 * 365, (d) => (d < 30 ? 0 : 1)));
    expect(plateau.fadeCensored).toBe(true);
    expect(plateau.fadeDays).toBeCloseTo(3 * 365 - 30, 0);
    // the class always follows the days: fad under 60, lasting over two years, steady between
    const rand = seededRng(5);
    for (let k = 0; k < 40; k++) {
      const h = 2 + rand() * 1500;
      const a = analyzeCurve(daily(6 * 365, spike(5 + rand() * 200, h)));
      expect(a.fadeClass, `h ${h}`).toBe(a.fadeDays! < 60 ? 'fad' : a.fadeDays! > 730 ? 'lasting' : 'steady');
    }
  });

  it('influence that keeps building, with no prominent peak, is classed by how long it has been sustained', () => {
    // a staircase that only rises (accumulating slow-fading influence): its maximum is at the end
    const years = analyzeCurve(daily(10 * 365, (d) => 1 + Math.floor(d / 90) + 0.1 * Math.sin(d)));
    expect(years.peaks.filter((p) => p.index < 10 * 365 - 30)).toEqual([]);
    expect(years.fadeClass).toBe('lasting');
    const months = analyzeCurve(daily(200, (d) => (d < 20 ? 0 : d / 10)));
    expect(months.fadeClass).toBe('steady');
    // a long rise, then a fall to a third of the maximum within a month: a fad despite the long build-up
    const rise = daily(400, (d) => (d <= 300 ? d : 300 * 2 ** (-(d - 300) / 20)));
    expect(analyzeCurve(rise).fadeClass).toBe('fad');
  });

  it('a curve dormant for 3 years that comes back has exactly one resurgence with the right gap', () => {
    const h = 14;
    const comeback = 100 + 3 * 365;
    const a = analyzeCurve(daily(5 * 365, (d) => spike(100, h, 2)(d) + spike(comeback, h, 1.8)(d)));
    expect(a.peaks.map((p) => (p.at - T0) / DAY)).toEqual([100, comeback]);
    expect(a.resurgences).toHaveLength(1);
    const r = a.resurgences[0];
    expect((r.at - T0) / DAY).toBe(comeback);
    // dormant from when the first spike fell below 5 % of the max (2·2^(−x/14) = 0.1) to when the comeback crossed it
    const fadeOut = h * Math.log2(20);
    // (within one sample step: the comeback jumps from ~0 to its peak between two daily samples)
    expect(Math.abs(r.gapDays - (3 * 365 - fadeOut))).toBeLessThan(1);
    expect(r.sincePreviousPeakDays).toBe(3 * 365);
    expect(r.previousPeakValue).toBe(2);
    expect(r.ratio).toBeCloseTo(0.9, 12);
    expect(a.dormancies.filter((d) => !d.ongoing)).toHaveLength(1);
  });

  it('a short pause is not dormancy and brings no resurgence', () => {
    const a = analyzeCurve(daily(2 * 365, (d) => spike(100, 14)(d) + spike(200, 14)(d)));
    expect(a.peaks).toHaveLength(2);
    expect(a.resurgences).toEqual([]);
  });

  it('a yearly cycle has a period of about 365 days', () => {
    const wave = analyzeCurve(daily(6 * 365, (d) => 1 + Math.sin((2 * Math.PI * d) / 365)));
    expect(wave.periodicity).not.toBeNull();
    expect(wave.periodicity!.periodDays).toBeGreaterThan(362);
    expect(wave.periodicity!.periodDays).toBeLessThan(368);
    expect(wave.periodicity!.strength).toBeGreaterThan(0.7);
    expect(wave.peaks.length).toBeGreaterThanOrEqual(5);

    // yearly events that each fade within weeks (an annual festival), with a little noise
    const rng = seededRng(1);
    let annual = (d: number) => 0.02 * rng();
    for (let y = 0; y < 6; y++) {
      const previous = annual;
      const at = 40 + 365 * y;
      annual = (d) => previous(d) + spike(at, 20)(d);
    }
    const festival = analyzeCurve(daily(6 * 365, annual));
    expect(festival.periodicity!.periodDays).toBeGreaterThan(360);
    expect(festival.periodicity!.periodDays).toBeLessThan(370);
    expect(festival.fadeClass).toBe('fad');
  });

  it('finds no period in a single spike, a trend or noise', () => {
    expect(analyzeCurve(daily(3 * 365, spike(100, 30))).periodicity).toBeNull();
    expect(analyzeCurve(daily(3 * 365, (d) => d)).periodicity).toBeNull();
    const rng = seededRng(42);
    expect(analyzeCurve(daily(3 * 365, () => rng())).periodicity).toBeNull();
  });

  it('handles uneven sampling by resampling for the autocorrelation', () => {
    const times: number[] = [];
    const values: number[] = [];
    let d = 0;
    const rng = seededRng(9);
    while (d < 5 * 365) {
      times.push(T0 + d * DAY);
      values.push(1 + Math.cos((2 * Math.PI * d) / 365));
      d += 0.5 + rng();
    }
    const p = findPeriod(times, values);
    expect(p!.periodDays).toBeGreaterThan(360);
    expect(p!.periodDays).toBeLessThan(370);
  });

  it('filters small wiggles by prominence', () => {
    // a big peak and a 5 % bump on its tail
    const peaks = findPeaks([0, 1, 2, 3, 4, 5, 6], [0, 10, 6, 5, 5.5, 4, 3], 2);
    expect(peaks.map((p) => p.index)).toEqual([1]);
    // base = the higher of the lowest points on each side before something higher: max(0, 3)
    expect(peaks[0].prominence).toBe(7);
    expect(findPeaks([0, 1, 2, 3, 4, 5, 6], [0, 10, 6, 5, 5.5, 4, 3], 0.1).map((p) => p.index)).toEqual([1, 4]);
  });

  it('computes prominence like a direct scan, on random zig-zags with plateaus', () => {
    const rng = seededRng(5);
    for (let trial = 0; trial < 50; trial++) {
      const K = 5 + Math.floor(rng() * 60);
      const values = Array.from({ length: K }, () => Math.floor(rng() * 6)); // small alphabet: many plateaus
      const times = values.map((_, i) => i);
      const got = findPeaks(times, values, 0);
      const want: { index: number; prominence: number }[] = [];
      let l = 0;
      while (l < K) {
        let r = l;
        while (r + 1 < K && values[r + 1] === values[l]) r++;
        const v = values[l];
        if (v > 0 && (l === 0 || values[l - 1] < v) && (r === K - 1 || values[r + 1] < v)) {
          let left = Infinity;
          for (let i = l - 1; i >= 0 && values[i] <= v; i--) left = Math.min(left, values[i]);
          let right = Infinity;
          for (let i = r + 1; i < K && values[i] <= v; i++) right = Math.min(right, values[i]);
          const base = left === Infinity && right === Infinity ? 0 : left === Infinity ? right : right === Infinity ? left : Math.max(left, right);
          if (v - base > 0) want.push({ index: l, prominence: v - base });
        }
        l = r + 1;
      }
      expect(got.map((p) => ({ index: p.index, prominence: p.prominence }))).toEqual(want);
    }
  });

  it('an all-zero curve has no peaks and no class', () => {
    const a = analyzeCurve(daily(30, () => 0));
    expect(a).toEqual({ max: 0, maxAt: null, peaks: [], fadeHalfLifeDays: null, fadeClass: null, fadeDays: null, fadeCensored: false, dormancies: [], resurgences: [], periodicity: null });
  });

  it('is deterministic and validates its input', () => {
    const curve = daily(400, (d) => spike(10, 5)(d) + spike(300, 50)(d));
    expect(analyzeCurve(curve)).toEqual(analyzeCurve(curve));
    expect(() => analyzeCurve({ times: [0, 0], values: [1, 1] })).toThrow(/^curve-analysis: curve times/);
    expect(() => analyzeCurve({ times: [0, 1], values: [1, -1] })).toThrow(/values must be finite and ≥ 0/);
    expect(() => analyzeCurve(curve, { fadMaxDays: 1000 })).toThrow(/lastingMinDays/);
  });

  it('reads a decay curve of a founder who returns after years', () => {
    const b = new ProjectionBuilder();
    const add = (id: string, day: number) => {
      b.event({ id, at: T0 + day * DAY, kind: 'talk', sector: 'technology', medium: 'in-person', magnitude: 1, valence: 0.5 });
      b.drive(id, 'founder');
    };
    for (let d = 0; d < 120; d += 7) add(`early${d}`, d); // weekly talks for four months
    for (let d = 1500; d < 1620; d += 7) add(`late${d}`, d); // and again four years later
    const table = buildInteractionTable(b.build());
    const curve = decayCurve(table, 'founder', { from: T0, to: T0 + 1800 * DAY, step: DAY });
    const a = analyzeCurve({ times: curve.times, values: curve.total });
    expect(a.resurgences).toHaveLength(1);
    expect(a.resurgences[0].ratio).toBeCloseTo(1, 1);
    expect(a.resurgences[0].gapDays).toBeGreaterThan(1000);
  });
});
