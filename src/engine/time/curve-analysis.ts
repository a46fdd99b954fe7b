/**
 * What a sampled decay curve says (DESIGN.md ideas 2 and 3): peaks, how fast each fades, a fade class,
 * dormancy, resurgences and periodicity. Deterministic; every threshold is in DEFAULTS.
 *
 * - Peaks: maximal runs of equal samples higher than both neighbours (a run touching an end of the range
 *   counts, since the curve may rise before or stay up after the range), whose topographic prominence is at
 *   least `peakProminence` × max. Prominence = value − the higher of the two bases, a base being the lowest
 *   sample between the peak and the nearest strictly higher sample on that side (or the end of the range;
 *   a side with no samples is ignored, and a peak with neither side has base 0). A peak's time is the start of
 *   its run.
 * - Half-life after a peak: time until the curve first falls to ≤ half the peak value, linearly interpolated
 *   between samples, in days; null when it never does within the range.
 * - Fade class, from the median over peaks of the half-life, where a peak that never halves counts with the
 *   lower bound it gives (the days observed after it): < fadMaxDays → 'fad'; > lastingMinDays → 'lasting';
 *   else 'steady'. null for a curve without peaks (all zero).
 * - Dormancy: maximal stretches where the curve is < dormancyFraction × max for at least minDormancyDays, after
 *   it first reached that level (nobody is dormant before they start). Ends are interpolated crossing times;
 *   a stretch reaching the end of the range is `ongoing`.
 * - Resurgence: the first peak after a (finished) dormancy, with the dormancy length as its gap, the previous
 *   peak and the ratio of the new peak to it (≈ 1: came back where it left off).
 * - Periodicity: the biased autocorrelation r(k) = Σ x_i x_{i+k} / Σ x_i² of the mean-removed curve (resampled
 *   to an even grid if needed), over lags from minPeriodDays up to maxPeriodFraction of the span (at least two
 *   cycles seen) and after r first turns negative; the highest local maximum, refined by a parabola, is the
 *   period if r ≥ minPeriodStrength, else null.
 *
 * Cost: O(K) for peaks (monotonic stacks), half-lives O(K) per peak, dormancy and resurgences O(K);
 * O(K·L) for periodicity with L lags (K capped at `maxAutocorrelationPoints` by resampling).
 */
import { checkInteger, checkNumber, InfluenceInputError, withDefaults } from './errors.ts';
import { DAY_MS } from './fade.ts';

const MODULE = 'curve-analysis';

export interface CurveAnalysisOptions {
  /** a peak's prominence must be at least this fraction of the curve's max */
  peakProminence: number;
  /** median half-life below this (days) → 'fad' */
  fadMaxDays: number;
  /** median half-life above this (days), or never halving over longer than this → 'lasting' */
  lastingMinDays: number;
  /** the curve is dormant while below this fraction of its max ... */
  dormancyFraction: number;
  /** ... for at least this many days */
  minDormancyDays: number;
  /** shortest period looked for (days) */
  minPeriodDays: number;
  /** longest period looked for, as a fraction of the span (0.5: at least two cycles) */
  maxPeriodFraction: number;
  /** autocorrelation needed to report a period */
  minPeriodStrength: number;
  /** curves with more samples are resampled to this many for the autocorrelation */
  maxAutocorrelationPoints: number;
}

export const DEFAULTS: CurveAnalysisOptions = {
  peakProminence: 0.2,
  fadMaxDays: 60,
  lastingMinDays: 730,
  dormancyFraction: 0.05,
  minDormancyDays: 180,
  minPeriodDays: 7,
  maxPeriodFraction: 0.5,
  minPeriodStrength: 0.3,
  maxAutocorrelationPoints: 4096,
};

export type FadeClass = 'fad' | 'steady' | 'lasting';

export interface CurvePeak {
  /** sample index and time (epoch ms) of the peak (start of its run) */
  index: number;
  at: number;
  value: number;
  prominence: number;
  /** days until the curve falls to half the peak; null when it never does within the range */
  halfLifeDays: number | null;
}

export interface DormancyPeriod {
  /** epoch ms */
  from: number;
  to: number;
  days: number;
  /** still dormant at the end of the range */
  ongoing: boolean;
}

export interface Resurgence {
  /** the new peak */
  at: number;
  value: number;
  /** length of the dormancy before it */
  gapDays: number;
  dormantFrom: number;
  dormantTo: number;
  /** the last prominent peak before the dormancy (null if none was prominent enough) */
  previousPeakAt: number | null;
  previousPeakValue: number | null;
  /** new peak / previous peak */
  ratio: number | null;
  /** days from the previous peak to this one */
  sincePreviousPeakDays: number | null;
}

export interface Periodicity {
  periodDays: number;
  /** autocorrelation at the period, 0..1 */
  strength: number;
}

export interface CurveAnalysis {
  max: number;
  /** epoch ms of the first sample at the max; null for an all-zero curve */
  maxAt: number | null;
  peaks: CurvePeak[];
  /** median half-life of the peaks that halve; null if none does */
  fadeHalfLifeDays: number | null;
  fadeClass: FadeClass | null;
  /**
   * the days the class is judged on: the median over the informative peaks of their half-life, or, for a peak that
   * never halves, the days observed after it (so a lower bound: `fadeCensored`); with no informative peak, the
   * maximum's half-life or how long the influence has been sustained. Null for an all-zero curve.
   */
  fadeDays: number | null;
  /** whether `fadeDays` counts some influence that never halved within the range (it would be longer with more data) */
  fadeCensored: boolean;
  dormancies: DormancyPeriod[];
  resurgences: Resurgence[];
  periodicity: Periodicity | null;
}

export interface SampledCurve {
  /** epoch ms, strictly increasing */
  times: ArrayLike<number>;
  /** ≥ 0, same length */
  values: ArrayLike<number>;
}

export function analyzeCurve(curve: SampledCurve, options?: Partial<CurveAnalysisOptions>): CurveAnalysis {
  const opts = checkOptions(withDefaults(DEFAULTS, options));
  const { times, values } = checkCurve(curve);
  const K = values.length;
  let max = 0;
  let maxIndex = -1;
  for (let i = 0; i < K; i++) {
    if (values[i] > max) {
      max = values[i];
      maxIndex = i;
    }
  }
  if (max === 0) {
    return { max: 0, maxAt: null, peaks: [], fadeHalfLifeDays: null, fadeClass: null, fadeDays: null, fadeCensored: false, dormancies: [], resurgences: [], periodicity: null };
  }
  const peaks = findPeaks(times, values, opts.peakProminence * max);
  const { fadeHalfLifeDays, fadeClass, fadeDays, fadeCensored } = classify(times, values, maxIndex, peaks, opts);
  const dormancies = findDormancies(times, values, opts.dormancyFraction * max, opts.minDormancyDays);
  const resurgences = findResurgences(peaks, dormancies);
  const periodicity = findPeriod(times, values, opts);
  return { max, maxAt: times[maxIndex], peaks, fadeHalfLifeDays, fadeClass, fadeDays, fadeCensored, dormancies, resurgences, periodicity };
}

/** Prominent peaks (see the header), in time order. O(K). */
export function findPeaks(times: ArrayLike<number>, values: ArrayLike<number>, minProminence: number): CurvePeak[] {
  const K = values.length;
  const leftBase = sideBases(values, 1);
  const rightBase = sideBases(values, -1);
  const peaks: CurvePeak[] = [];
  let l = 0;
  while (l < K) {
    let r = l;
    while (r + 1 < K && values[r + 1] === values[l]) r++;
    const v = values[l];
    const risesInto = l === 0 || values[l - 1] < v;
    const fallsAfter = r === K - 1 || values[r + 1] < v;
    if (v > 0 && risesInto && fallsAfter) {
      // A side with no samples (the run touches that end) is ignored; with neither side, the base is 0.
      const a = leftBase[l];
      const b = rightBase[r];
      const base = a === Infinity && b === Infinity ? 0 : a === Infinity ? b : b === Infinity ? a : Math.max(a, b);
      const prominence = v - base;
      if (prominence >= minProminence && prominence > 0) {
        peaks.push({ index: l, at: times[l], value: v, prominence, halfLifeDays: halfLifeAfter(times, values, l) });
      }
    }
    l = r + 1;
  }
  return peaks;
}

/**
 * For every index i, the lowest value strictly between i and the nearest strictly higher sample on one side
 * (direction 1: to the left, −1: to the right), or up to that end of the curve; Infinity when there is no
 * sample in between. A monotonic stack, O(K): each popped entry folds its value and its own gap minimum.
 */
function sideBases(values: ArrayLike<number>, direction: 1 | -1): Float64Array {
  const K = values.length;
  const base = new Float64Array(K);
  const stack = new Int32Array(K);
  const gapMin = new Float64Array(K);
  let top = 0;
  for (let step = 0; step < K; step++) {
    const i = direction === 1 ? step : K - 1 - step;
    const v = values[i];
    let running = Infinity;
    while (top > 0 && values[stack[top - 1]] <= v) {
      top--;
      const k = stack[top];
      running = Math.min(running, gapMin[top], values[k]);
    }
    base[i] = running;
    stack[top] = i;
    gapMin[top] = running;
    top++;
  }
  return base;
}

function halfLifeAfter(times: ArrayLike<number>, values: ArrayLike<number>, index: number): number | null {
  const half = values[index] / 2;
  for (let j = index + 1; j < values.length; j++) {
    if (values[j] <= half) {
      const a = values[j - 1];
      const b = values[j];
      const fraction = a === b ? 0 : (a - half) / (a - b);
      const t = times[j - 1] + fraction * (times[j] - times[j - 1]);
      return (t - times[index]) / DAY_MS;
    }
  }
  return null;
}

function classify(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  maxIndex: number,
  peaks: CurvePeak[],
  opts: CurveAnalysisOptions,
): { fadeHalfLifeDays: number | null; fadeClass: FadeClass | null; fadeDays: number; fadeCensored: boolean } {
  const end = times[times.length - 1];
  // A peak that never halves within the range is censored: it shows fading slower than the days observed
  // after it. Observed for less than a fad's half-life (e.g. a peak at the very end), it shows nothing.
  const informative = peaks.filter((p) => p.halfLifeDays !== null || (end - p.at) / DAY_MS >= opts.fadMaxDays);
  if (informative.length === 0) {
    // No informative peak: influence that keeps building, or a plateau. Classify by the global maximum: its
    // half-life if the curve halves after it, else (censored) how long the influence has been sustained.
    const halfLife = halfLifeAfter(times, values, maxIndex);
    let first = 0;
    while (first < values.length && values[first] <= 0) first++;
    const sustained = halfLife ?? (end - times[first]) / DAY_MS;
    const fadeClass: FadeClass = sustained < opts.fadMaxDays ? 'fad' : sustained > opts.lastingMinDays ? 'lasting' : 'steady';
    return { fadeHalfLifeDays: halfLife, fadeClass, fadeDays: sustained, fadeCensored: halfLife === null };
  }
  const halved = informative.filter((p) => p.halfLifeDays !== null).map((p) => p.halfLifeDays as number);
  const effective = informative.map((p) => p.halfLifeDays ?? (end - p.at) / DAY_MS);
  const m = median(effective);
  const fadeClass: FadeClass = m < opts.fadMaxDays ? 'fad' : m > opts.lastingMinDays ? 'lasting' : 'steady';
  return { fadeHalfLifeDays: halved.length ? median(halved) : null, fadeClass, fadeDays: m, fadeCensored: halved.length < informative.length };
}

export function findDormancies(times: ArrayLike<number>, values: ArrayLike<number>, threshold: number, minDays: number): DormancyPeriod[] {
  const K = values.length;
  const out: DormancyPeriod[] = [];
  let i = 0;
  while (i < K && values[i] < threshold) i++; // not yet active
  while (i < K) {
    while (i < K && values[i] >= threshold) i++;
    if (i >= K) break;
    const a = i;
    while (i < K && values[i] < threshold) i++;
    const b = i - 1;
    const from = crossing(times, values, a - 1, a, threshold);
    const ongoing = b === K - 1;
    const to = ongoing ? times[b] : crossing(times, values, b, b + 1, threshold);
    const days = (to - from) / DAY_MS;
    if (days >= minDays) out.push({ from, to, days, ongoing });
  }
  return out;
}

/** Interpolated time at which the curve crosses `level` between samples i and j. */
function crossing(times: ArrayLike<number>, values: ArrayLike<number>, i: number, j: number, level: number): number {
  const a = values[i];
  const b = values[j];
  const fraction = a === b ? 0 : Math.min(1, Math.max(0, (a - level) / (a - b)));
  return times[i] + fraction * (times[j] - times[i]);
}

function findResurgences(peaks: CurvePeak[], dormancies: DormancyPeriod[]): Resurgence[] {
  const out: Resurgence[] = [];
  for (const d of dormancies) {
    if (d.ongoing) continue;
    const next = peaks.find((p) => p.at >= d.to);
    if (!next) continue;
    let previous: CurvePeak | null = null;
    for (const p of peaks) if (p.at <= d.from) previous = p;
    out.push({
      at: next.at,
      value: next.value,
      gapDays: d.days,
      dormantFrom: d.from,
      dormantTo: d.to,
      previousPeakAt: previous?.at ?? null,
      previousPeakValue: previous?.value ?? null,
      ratio: previous ? next.value / previous.value : null,
      sincePreviousPeakDays: previous ? (next.at - previous.at) / DAY_MS : null,
    });
  }
  return out;
}

export function findPeriod(times: ArrayLike<number>, values: ArrayLike<number>, options?: Partial<CurveAnalysisOptions>): Periodicity | null {
  const opts = withDefaults(DEFAULTS, options);
  const K0 = values.length;
  if (K0 < 4) return null;
  const span = times[K0 - 1] - times[0];
  const x = evenGrid(times, values, Math.min(K0, opts.maxAutocorrelationPoints));
  const K = x.length;
  const step = span / (K - 1);
  let mean = 0;
  for (let i = 0; i < K; i++) mean += x[i];
  mean /= K;
  let variance = 0;
  for (let i = 0; i < K; i++) {
    x[i] -= mean;
    variance += x[i] * x[i];
  }
  if (!(variance > 0)) return null;
  const maxLag = Math.floor((K - 1) * opts.maxPeriodFraction);
  const minLag = Math.max(2, Math.ceil((opts.minPeriodDays * DAY_MS) / step));
  if (maxLag < minLag + 1) return null;
  const r = new Float64Array(maxLag + 2);
  for (let k = 0; k <= Math.min(maxLag + 1, K - 1); k++) {
    let s = 0;
    for (let i = 0; i + k < K; i++) s += x[i] * x[i + k];
    r[k] = s / variance;
  }
  let firstNegative = -1;
  for (let k = 1; k <= maxLag; k++) {
    if (r[k] < 0) {
      firstNegative = k;
      break;
    }
  }
  if (firstNegative < 0) return null;
  let best = -1;
  for (let k = Math.max(minLag, firstNegative); k <= maxLag; k++) {
    if (r[k] >= r[k - 1] && r[k] >= r[k + 1] && (best < 0 || r[k] > r[best])) best = k;
  }
  if (best < 0 || r[best] < opts.minPeriodStrength) return null;
  const denominator = r[best - 1] - 2 * r[best] + r[best + 1];
  const shift = denominator < 0 ? (0.5 * (r[best - 1] - r[best + 1])) / denominator : 0;
  return { periodDays: ((best + shift) * step) / DAY_MS, strength: r[best] };
}

/** The curve linearly resampled to `count` evenly spaced points (a copy as is when already even and short). */
function evenGrid(times: ArrayLike<number>, values: ArrayLike<number>, count: number): Float64Array {
  const K = values.length;
  const span = times[K - 1] - times[0];
  const step = span / (K - 1);
  let even = count === K;
  for (let i = 1; even && i < K; i++) if (Math.abs(times[i] - times[i - 1] - step) > 1e-6 * step + 1) even = false;
  if (even) return Float64Array.from(values);
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < count; i++) {
    const t = times[0] + (span * i) / (count - 1);
    while (j < K - 2 && times[j + 1] < t) j++;
    const f = Math.min(1, Math.max(0, (t - times[j]) / (times[j + 1] - times[j])));
    out[i] = values[j] + f * (values[j + 1] - values[j]);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function checkCurve(curve: SampledCurve): { times: ArrayLike<number>; values: ArrayLike<number> } {
  const { times, values } = curve ?? ({} as SampledCurve);
  if (!times || !values || typeof times.length !== 'number' || times.length !== values.length) {
    throw new InfluenceInputError(MODULE, 'invalid_option', 'a curve needs times and values of the same length');
  }
  for (let i = 0; i < times.length; i++) {
    if (!Number.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
      throw new InfluenceInputError(MODULE, 'invalid_option', `curve times must be finite and strictly increasing (index ${i})`);
    }
    if (!(values[i] >= 0) || !Number.isFinite(values[i])) {
      throw new InfluenceInputError(MODULE, 'invalid_option', `curve values must be finite and ≥ 0 (index ${i}: ${values[i]})`);
    }
  }
  return { times, values };
}

function checkOptions(opts: CurveAnalysisOptions): CurveAnalysisOptions {
  checkNumber(MODULE, 'peakProminence', opts.peakProminence, 0, 1);
  checkNumber(MODULE, 'fadMaxDays', opts.fadMaxDays, 0, Infinity);
  checkNumber(MODULE, 'lastingMinDays', opts.lastingMinDays, opts.fadMaxDays, Infinity);
  checkNumber(MODULE, 'dormancyFraction', opts.dormancyFraction, 0, 1);
  checkNumber(MODULE, 'minDormancyDays', opts.minDormancyDays, 0, Infinity);
  checkNumber(MODULE, 'minPeriodDays', opts.minPeriodDays, 0, Infinity);
  checkNumber(MODULE, 'maxPeriodFraction', opts.maxPeriodFraction, 0, 1);
  checkNumber(MODULE, 'minPeriodStrength', opts.minPeriodStrength, 0, 1);
  checkInteger(MODULE, 'maxAutocorrelationPoints', opts.maxAutocorrelationPoints, 4);
  return opts;
}
