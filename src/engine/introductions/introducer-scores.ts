/**
 * Introducer influence (DESIGN.md idea 6): how often a person's introductions bear fruit, and how much fruit.
 *
 * Per introducer, over the introductions they MADE (status other than `suggested`, and not after `now`), each
 * with its status as it stood at `now` (an outcome dated later reads as still open; projection.ts, statusAt):
 * - succeeded: status `succeeded`; failed: `failed` or `declined` (closed without fruit; `declined` is also
 *   reported on its own); open: `made` or `accepted`.
 * - counted: the succeeded ones weighed by their credit in [0, 1], how much others vouch for the two people
 *   introduced (vouching.ts): made-up people whom only the introducer's own introductions know count 0, so
 *   recording successes among them moves neither the rate nor the score.
 * - successRate, smoothed with a Beta(α, β) prior (a Bayesian average, so one success out of one is not 100 %):
 *       successRate = (counted + α) / (counted + failed + α + β)
 *   With no closed introduction it is the prior mean α / (α + β) (0.5 with the default α = β = 1).
 * - creditedValue = Σ over succeeded introductions of credit · value · decay, value null counting 0;
 *   decay = 2^(−(now − t) / valueHalfLifeDays) when a half-life and `now` are given, else 1, where t is the
 *   outcome's date (outcomeAt), or the introduction's when that is not known.
 * - score = successRate · Σ over succeeded introductions of credit · decay · (1 + ln(1 + max(0, value))):
 *   each fruitful introduction counts one, plus the log of its value (values can be money, so logged),
 *   scaled by how reliably the person's introductions work. No success → score 0. 1 of 1 scores 0.67,
 *   9 of 10 scores 7.5 (people vouched for in full).
 *
 * Cost: O(I + n) time and memory for I introductions over n people, plus vouching.ts's.
 */
import { statusAt, type ProjectedIntroduction, type Projection } from '../../domain/projection.ts';
import { checkNumber } from './errors.ts';
import { introductionCredits, VOUCHING_DEFAULTS, type VouchingOptions } from './vouching.ts';

const MODULE = 'introductions/introducer-scores';
const DAY_MS = 86_400_000;

export interface BetaPrior {
  /** pseudo-successes */
  alpha: number;
  /** pseudo-failures */
  beta: number;
}

export interface IntroducerScoreOptions {
  prior: BetaPrior;
  /** epoch ms; introductions after it are ignored and value decays up to it. null: all count, no decay */
  now: number | null;
  /** half-life of credited value in days; null: no decay */
  valueHalfLifeDays: number | null;
  /** list every person, not only those who made or were suggested as introducer */
  includeEveryone: boolean;
  /** how vouching is read from ties and messages (vouching.ts) */
  vouching: VouchingOptions;
}

export const INTRODUCER_SCORE_DEFAULTS: IntroducerScoreOptions = {
  prior: { alpha: 1, beta: 1 },
  now: null,
  valueHalfLifeDays: null,
  includeEveryone: false,
  vouching: VOUCHING_DEFAULTS,
};

export interface IntroducerScore {
  made: number;
  succeeded: number;
  /** the succeeded ones weighed by how much others vouch for the people introduced (vouching.ts), ≤ succeeded */
  counted: number;
  /** closed without fruit: failed + declined */
  failed: number;
  declined: number;
  open: number;
  /** suggested with this person as introducer, not yet made */
  suggested: number;
  /** smoothed: (counted + α) / (counted + failed + α + β) */
  successRate: number;
  creditedValue: number;
  score: number;
}

/** Typed-array tallies per person, for the introduction index. */
export interface IntroducerRecordColumns {
  made: Uint32Array;
  succeeded: Uint32Array;
  /** Σ credit over succeeded */
  counted: Float64Array;
  failed: Uint32Array;
  declined: Uint32Array;
  open: Uint32Array;
  suggested: Uint32Array;
  successRate: Float64Array;
  /** α / (α + β) */
  priorMean: number;
}

export function validatePrior(module: string, prior: BetaPrior): void {
  checkNumber(module, 'prior.alpha', prior.alpha, Number.MIN_VALUE, Number.POSITIVE_INFINITY);
  checkNumber(module, 'prior.beta', prior.beta, Number.MIN_VALUE, Number.POSITIVE_INFINITY);
}

/** The success rate with a Beta(α, β) prior: (counted + α) / (counted + failed + α + β). */
function smoothedRate(counted: number, failed: number, prior: BetaPrior): number {
  return (counted + prior.alpha) / (counted + failed + prior.alpha + prior.beta);
}

/** `credits`: per introduction, aligned with `introductions` (introductionCredits, vouching.ts). */
export function introducerRecordColumns(
  introductions: readonly ProjectedIntroduction[],
  credits: ArrayLike<number>,
  n: number,
  prior: BetaPrior = INTRODUCER_SCORE_DEFAULTS.prior,
  now: number | null = null,
): IntroducerRecordColumns {
  validatePrior(MODULE, prior);
  const made = new Uint32Array(n);
  const succeeded = new Uint32Array(n);
  const counted = new Float64Array(n);
  const failed = new Uint32Array(n);
  const declined = new Uint32Array(n);
  const open = new Uint32Array(n);
  const suggested = new Uint32Array(n);
  for (let k = 0; k < introductions.length; k++) {
    const intro = introductions[k];
    const status = statusAt(intro, now);
    const i = intro.introducer;
    if (status === null || i >= n) continue;
    switch (status) {
      case 'suggested':
        suggested[i]++;
        continue;
      case 'made':
      case 'accepted':
        open[i]++;
        break;
      case 'succeeded':
        succeeded[i]++;
        counted[i] += credits[k];
        break;
      case 'declined':
        declined[i]++;
        failed[i]++;
        break;
      case 'failed':
        failed[i]++;
        break;
    }
    made[i]++;
  }
  const successRate = new Float64Array(n);
  const { alpha, beta } = prior;
  for (let i = 0; i < n; i++) successRate[i] = smoothedRate(counted[i], failed[i], prior);
  return { made, succeeded, counted, failed, declined, open, suggested, successRate, priorMean: alpha / (alpha + beta) };
}

function resolveOptions(options: Partial<IntroducerScoreOptions>): IntroducerScoreOptions {
  const o: IntroducerScoreOptions = {
    ...INTRODUCER_SCORE_DEFAULTS,
    ...options,
    prior: { ...INTRODUCER_SCORE_DEFAULTS.prior, ...options.prior },
    vouching: { ...INTRODUCER_SCORE_DEFAULTS.vouching, ...options.vouching },
  };
  validatePrior(MODULE, o.prior);
  if (o.now !== null) checkNumber(MODULE, 'now', o.now, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  if (o.valueHalfLifeDays !== null) checkNumber(MODULE, 'valueHalfLifeDays', o.valueHalfLifeDays, Number.MIN_VALUE, Number.POSITIVE_INFINITY);
  return o;
}

/** Per person: the record, the credited value, the fruit (before the rate) and whether they made an introduction. */
interface IntroducerColumns {
  records: IntroducerRecordColumns;
  credited: Float64Array;
  fruit: Float64Array;
  listed: Uint8Array;
}

function introducerColumns(projection: Projection, o: IntroducerScoreOptions): IntroducerColumns {
  const n = projection.people.length;
  const credits = introductionCredits(projection, o.vouching, o.now);
  const records = introducerRecordColumns(projection.introductions, credits, n, o.prior, o.now);
  const credited = new Float64Array(n);
  const fruit = new Float64Array(n);
  const listed = new Uint8Array(n);
  for (let k = 0; k < projection.introductions.length; k++) {
    const intro = projection.introductions[k];
    const status = statusAt(intro, o.now);
    const i = intro.introducer;
    if (status === null || i >= n) continue;
    listed[i] = 1;
    if (status !== 'succeeded') continue;
    const f = fruitOf(intro, credits[k], o);
    credited[i] += f.value;
    fruit[i] += f.fruit;
  }
  return { records, credited, fruit, listed };
}

/**
 * A succeeded introduction's weight = credit × decay (from its outcome's date, or when it was made if that is
 * not known): its fruit, weight · (1 + ln(1 + value)), and value, weight · value.
 */
function fruitOf(intro: ProjectedIntroduction, credit: number, o: IntroducerScoreOptions): { fruit: number; value: number } {
  const since = Number.isFinite(intro.outcomeAt) ? intro.outcomeAt : intro.at;
  const weight =
    credit * (o.now !== null && o.valueHalfLifeDays !== null && Number.isFinite(since) ? 2 ** (-Math.max(0, o.now - since) / (o.valueHalfLifeDays * DAY_MS)) : 1);
  const value = intro.value !== null && Number.isFinite(intro.value) ? intro.value : 0;
  return { fruit: weight * (1 + Math.log1p(Math.max(0, value))), value: value * weight };
}

export function introducerScores(projection: Projection, options: Partial<IntroducerScoreOptions> = {}): Record<string, IntroducerScore> {
  const o = resolveOptions(options);
  const n = projection.people.length;
  const { records, credited, fruit, listed } = introducerColumns(projection, o);
  const out: Record<string, IntroducerScore> = {};
  for (let i = 0; i < n; i++) {
    if (!listed[i] && !o.includeEveryone) continue;
    const rate = records.successRate[i];
    out[projection.people[i].id] = {
      made: records.made[i],
      succeeded: records.succeeded[i],
      counted: records.counted[i],
      failed: records.failed[i],
      declined: records.declined[i],
      open: records.open[i],
      suggested: records.suggested[i],
      successRate: rate,
      creditedValue: credited[i],
      score: rate * fruit[i],
    };
  }
  return out;
}

/**
 * Introducer scores over time: for each of `people` (indices), the score at each of `times`, as
 * introducerScores would give with `now` set to that time (introductions made by then, with the outcomes they
 * had by then, their value decaying up to then when a half-life is given). `options.now` is ignored.
 * Cost: one introducerScores pass per time, O(T · (I + n)) plus vouching.ts's per-call part.
 */
export function introducerScoreSeries(
  projection: Projection,
  times: readonly number[],
  people: readonly number[],
  options: Partial<IntroducerScoreOptions> = {},
): Float64Array[] {
  const series = people.map(() => new Float64Array(times.length));
  for (let k = 0; k < times.length; k++) {
    const { records, fruit } = introducerColumns(projection, resolveOptions({ ...options, now: times[k] }));
    for (let j = 0; j < people.length; j++) {
      const i = people[j];
      series[j][k] = i < fruit.length ? records.successRate[i] * fruit[i] : 0;
    }
  }
  return series;
}

/**
 * One person's introducer score at each of `times` (what introducerScoreSeries gives for them), reading only
 * their own introductions: O(T · I) plus the vouching of their successes, instead of O(T · (I + n)), for a
 * curve of hundreds of points on a large network. `options.now` is ignored.
 */
export function introducerCurve(projection: Projection, person: number, times: readonly number[], options: Partial<IntroducerScoreOptions> = {}): Float64Array {
  const out = new Float64Array(times.length);
  const mine: number[] = [];
  projection.introductions.forEach((intro, k) => {
    if (intro.introducer === person && intro.status !== 'suggested') mine.push(k);
  });
  if (mine.length === 0 || person >= projection.people.length) return out;
  for (let j = 0; j < times.length; j++) {
    const o = resolveOptions({ ...options, now: times[j] });
    const credits = introductionCredits(projection, o.vouching, o.now, person);
    let counted = 0;
    let failed = 0;
    let fruit = 0;
    for (const k of mine) {
      const intro = projection.introductions[k];
      const status = statusAt(intro, o.now);
      if (status === 'succeeded') {
        counted += credits[k];
        fruit += fruitOf(intro, credits[k], o).fruit;
      } else if (status === 'failed' || status === 'declined') failed++;
    }
    out[j] = smoothedRate(counted, failed, o.prior) * fruit;
  }
  return out;
}
