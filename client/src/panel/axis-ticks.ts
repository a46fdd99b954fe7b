/**
 * Calendar ticks for the time bar: whole years over long spans, months, weeks or days over short ones (a
 * six-month message log has no New Year inside it and used to get no tick at all). The step is the smallest
 * calendar unit giving at most `maxTicks` ticks inside [from, to]; a label names the year only where it changes
 * (and on the first tick), as in "Apr 2004, May, Jun".
 */
import { MONTHS } from './dom.ts';

export interface AxisTick {
  /** epoch ms, inside [from, to] */
  t: number;
  label: string;
}

const DAY = 86_400_000;

type Step = { unit: 'year' | 'month' | 'day'; every: number };

/** Candidate steps, finest first. */
const STEPS: Step[] = [
  { unit: 'day', every: 1 },
  { unit: 'day', every: 2 },
  { unit: 'day', every: 7 },
  { unit: 'day', every: 14 },
  { unit: 'month', every: 1 },
  { unit: 'month', every: 2 },
  { unit: 'month', every: 3 },
  { unit: 'month', every: 6 },
  { unit: 'year', every: 1 },
  { unit: 'year', every: 2 },
  { unit: 'year', every: 5 },
  { unit: 'year', every: 10 },
  { unit: 'year', every: 20 },
  { unit: 'year', every: 50 },
  { unit: 'year', every: 100 },
];

/** The tick times of a step inside [from, to], aligned to the calendar (UTC). */
function ticksOf(step: Step, from: number, to: number, limit: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  let t: number;
  if (step.unit === 'year') {
    const y = Math.ceil(d.getUTCFullYear() / step.every) * step.every;
    for (let year = y; (t = Date.UTC(year, 0, 1)) <= to && out.length <= limit; year += step.every) if (t >= from) out.push(t);
  } else if (step.unit === 'month') {
    // months counted from January, so a 3-month step falls on quarters
    let m = d.getUTCFullYear() * 12 + Math.ceil(d.getUTCMonth() / step.every) * step.every;
    for (; (t = Date.UTC(Math.floor(m / 12), m % 12, 1)) <= to && out.length <= limit; m += step.every) if (t >= from) out.push(t);
  } else {
    // weeks start on Mondays; other day steps on midnights
    let start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    if (step.every === 7 || step.every === 14) start -= ((new Date(start).getUTCDay() + 6) % 7) * DAY;
    for (t = start; t <= to && out.length <= limit; t += step.every * DAY) if (t >= from) out.push(t);
  }
  return out;
}

function label(t: number, unit: Step['unit'], withYear: boolean): string {
  const d = new Date(t);
  const year = String(d.getUTCFullYear());
  if (unit === 'year') return year;
  const month = MONTHS[d.getUTCMonth()]!;
  if (unit === 'month') return withYear ? `${month} ${year}` : month;
  return withYear ? `${d.getUTCDate()} ${month} ${year}` : `${d.getUTCDate()} ${month}`;
}

/** Room a label needs ("Apr 2004" at the axis's 10.5 px, with a gap): a narrow bar gets fewer ticks, not overlapping ones. */
export const TICK_SPACING_PX = 64;

/** How many ticks fit an axis `width` pixels wide, between 2 and `most` (`most` when the width is not known yet). */
export function ticksThatFit(width: number, most = 10, spacing = TICK_SPACING_PX): number {
  if (!(width > 0)) return most;
  return Math.max(2, Math.min(most, Math.floor(width / spacing)));
}

export function axisTicks(from: number, to: number, maxTicks = 10): AxisTick[] {
  if (!(to > from) || !Number.isFinite(from) || !Number.isFinite(to) || maxTicks < 1) return [];
  for (const step of STEPS) {
    const times = ticksOf(step, from, to, maxTicks);
    if (times.length === 0 || times.length > maxTicks) continue;
    return times.map((t, k) => {
      const year = new Date(t).getUTCFullYear();
      const changed = k === 0 || new Date(times[k - 1]!).getUTCFullYear() !== year;
      return { t, label: label(t, step.unit, changed) };
    });
  }
  return [];
}
