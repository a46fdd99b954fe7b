/**
 * Openness: how much each person has lately been making new acquaintances, relative to the network. People
 * who are making new connections are the ones receptive to an introduction; in the evaluation it also helps
 * predict who forms new ties on the training windows' inner folds (bench/results/introductions-eval*.md, the
 * "no openness" rows).
 *
 *   o(x) = Σ_{ties e of x, dated} 2^((first_e − T) / H)  ÷  mean of the same sum over people with ties
 *
 * first_e: when the two got acquainted (acquaintance-graph.ts); H = `halfLifeDays`; T = the latest first
 * contact. Exponential decay is shift-invariant, so the ratio is the same at any `now` after the data (a tie
 * made H days ago counts half a tie made today): o = 1 is average, 0 means no dated tie. Undated ties add
 * nothing; when nothing is dated every o is 0.
 *
 * Cost: O(n + m) time, O(n) memory.
 */
import type { AcquaintanceGraph } from './acquaintance-graph.ts';
import { checkNumber } from './errors.ts';
import { DAY_MS } from './pair-score.ts';

const MODULE = 'introductions/openness';

export interface OpennessOptions {
  halfLifeDays: number;
}

export const OPENNESS_DEFAULTS: OpennessOptions = { halfLifeDays: 30 };

export function openness(graph: AcquaintanceGraph, options: Partial<OpennessOptions> = {}): Float64Array {
  const o: OpennessOptions = { ...OPENNESS_DEFAULTS, ...options };
  checkNumber(MODULE, 'halfLifeDays', o.halfLifeDays, Number.MIN_VALUE, Number.POSITIVE_INFINITY);
  const { n, offsets, firstContact } = graph;
  const out = new Float64Array(n);
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of firstContact) if (t > latest) latest = t;
  if (latest === Number.NEGATIVE_INFINITY) return out;
  const h = o.halfLifeDays * DAY_MS;
  let sum = 0;
  let people = 0;
  for (let x = 0; x < n; x++) {
    let s = 0;
    for (let e = offsets[x]; e < offsets[x + 1]; e++) {
      const t = firstContact[e];
      if (!Number.isNaN(t)) s += 2 ** ((t - latest) / h);
    }
    out[x] = s;
    if (offsets[x + 1] > offsets[x]) {
      sum += s;
      people++;
    }
  }
  const mean = sum / people;
  if (mean > 0) for (let x = 0; x < n; x++) out[x] /= mean;
  return out;
}

/** Ties of x first made within the `days` before `now` (for the reasons). O(deg x). */
export function recentNewTies(graph: AcquaintanceGraph, x: number, now: number, days: number): number {
  if (Number.isNaN(now)) return 0;
  const since = now - days * DAY_MS;
  let count = 0;
  for (let e = graph.offsets[x]; e < graph.offsets[x + 1]; e++) {
    const t = graph.firstContact[e];
    if (t >= since && t <= now) count++;
  }
  return count;
}
