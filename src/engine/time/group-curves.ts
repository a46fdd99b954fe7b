/**
 * Influence by sector or by medium over time (ideas 1 and 5: how influence moved between sectors and media): for
 * each group g (an event sector, or a medium) and sample time t,
 *   A_g(t) = Σ_{drive entries (p, e) with e in g, at_e ≤ t} m_e · fade_e(t − at_e)
 * the activity basis of `curves.ts` summed over everyone, split into positive and negative parts the same way.
 * Summed over the groups it is the network's activity at t; at one t, by sector, it is `sectorOverview`'s influence.
 *
 * The drive entries are regrouped by g (in time order inside each group) into one series, which `sampleSeries`
 * samples group by group: O(L log L) to regroup L entries, then O(L + G·K) per fade model (power-law fades
 * O(n_g·K)), for G groups and K samples.
 */
import type { PersonSeries } from './interaction-table.ts';
import type { InteractionTable } from './interaction-table.ts';
import { sampleSeries, sampleTimes, SAMPLE_DEFAULTS, type SampleSpec } from './curves.ts';

export const GROUP_BY = ['sector', 'medium'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface GroupCurves {
  by: GroupBy;
  times: Float64Array;
  /** the groups' names, as the projection's dictionary has them (only groups with at least one driven event) */
  groups: string[];
  /** group g at sample k: [g·K + k] */
  positive: Float64Array;
  negative: Float64Array;
}

export function groupCurves(table: InteractionTable, options: Partial<SampleSpec> & { by: GroupBy; from: number; to: number }): GroupCurves {
  const { events } = table.projection;
  const names = options.by === 'sector' ? events.sectors : events.media;
  const codeOf = options.by === 'sector' ? events.sector : events.medium;
  const times = sampleTimes({ ...SAMPLE_DEFAULTS, ...options });
  const K = times.length;
  const { drives } = table;
  const L = drives.offset[table.people];

  // Entries per group, then each group's entries in time order (stable: ties keep their order).
  const count = new Uint32Array(names.length);
  for (let j = 0; j < L; j++) count[codeOf[drives.event[j]]]++;
  const used = names.map((_, g) => g).filter((g) => count[g] > 0);
  const slot = new Int32Array(names.length).fill(-1);
  used.forEach((g, k) => (slot[g] = k));
  const offset = new Uint32Array(used.length + 1);
  used.forEach((g, k) => (offset[k + 1] = offset[k] + count[g]));
  const order = new Uint32Array(L);
  const cursor = offset.slice(0, used.length);
  for (let j = 0; j < L; j++) order[cursor[slot[codeOf[drives.event[j]]]]++] = j;
  for (let k = 0; k < used.length; k++) {
    const part = order.subarray(offset[k], offset[k + 1]);
    part.set(Array.from(part).sort((x, y) => drives.at[x] - drives.at[y] || x - y));
  }
  const pick = <T extends Float64Array | Uint32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
    const out = make(L);
    for (let i = 0; i < L; i++) out[i] = from[order[i]];
    return out;
  };
  const series: PersonSeries = {
    offset,
    event: pick(drives.event, (n) => new Uint32Array(n)),
    at: pick(drives.at, (n) => new Float64Array(n)),
    positive: pick(drives.positive, (n) => new Float64Array(n)),
    negative: pick(drives.negative, (n) => new Float64Array(n)),
    code: pick(drives.code, (n) => new Uint8Array(n)),
    p1: pick(drives.p1, (n) => new Float64Array(n)),
    p2: pick(drives.p2, (n) => new Float64Array(n)),
  };
  const positive = new Float64Array(used.length * K);
  const negative = new Float64Array(used.length * K);
  for (let k = 0; k < used.length; k++) sampleSeries(series, offset[k], offset[k + 1], times, positive, negative, k * K);
  return { by: options.by, times, groups: used.map((g) => names[g]), positive, negative };
}
