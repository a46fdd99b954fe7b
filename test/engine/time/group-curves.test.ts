import { describe, expect, it } from 'vitest';
import { sectorOverview } from '../../../src/engine/sector-overview.ts';
import { decayCurves } from '../../../src/engine/time/curves.ts';
import { evaluateFade } from '../../../src/engine/time/fade.ts';
import { groupCurves } from '../../../src/engine/time/group-curves.ts';
import { buildInteractionTable } from '../../../src/engine/time/interaction-table.ts';
import { DAY, randomProjection, T0, tinyProjection } from './fixtures.ts';

describe('influence by sector and by medium over time', () => {
  it('on the tiny projection: each sector is what its events gave their drivers, decayed, from when they happened', () => {
    const table = buildInteractionTable(tinyProjection());
    const c = groupCurves(table, { by: 'sector', from: T0, to: T0 + 40 * DAY, points: 5 });
    const K = c.times.length;
    const value = (sector: string, k: number) => c.positive[c.groups.indexOf(sector) * K + k]! + c.negative[c.groups.indexOf(sector) * K + k]!;
    expect([...c.groups].sort()).toEqual(['film', 'finance', 'music']);
    // film: e2 (day 10, magnitude 1, a rating: half-life 120 days, two drivers), nothing before it
    expect(value('film', 0)).toBe(0);
    expect(value('film', 2)).toBeCloseTo(2 * 2 ** (-10 / 120), 12);
    // finance: d's broadcast e4 (day 5, magnitude 4) counts too
    expect(value('finance', 0)).toBe(0);
    expect(value('finance', 1)).toBeGreaterThan(0);
  });

  it('agrees with a direct sum over the drive entries, on random data with every fade model', () => {
    for (const seed of [4, 5, 6]) {
      const table = buildInteractionTable(randomProjection(seed, 50, 500));
      const { events } = table.projection;
      for (const by of ['sector', 'medium'] as const) {
        const c = groupCurves(table, { by, from: T0, to: T0 + 1000 * DAY, points: 40 });
        const K = c.times.length;
        const { drives } = table;
        const L = drives.offset[table.people]!;
        c.groups.forEach((name, g) => {
          for (let k = 0; k < K; k += 7) {
            const t = c.times[k]!;
            let pos = 0;
            let neg = 0;
            for (let j = 0; j < L; j++) {
              const e = drives.event[j]!;
              const group = by === 'sector' ? events.sectors[events.sector[e]!] : events.media[events.medium[e]!];
              if (group !== name || drives.at[j]! > t) continue;
              const f = evaluateFade(drives.code[j]!, drives.p1[j]!, drives.p2[j]!, t - drives.at[j]!);
              pos += drives.positive[j]! * f;
              neg += drives.negative[j]! * f;
            }
            expect(c.positive[g * K + k], `${by} ${name} at ${k}`).toBeCloseTo(pos, 9);
            expect(c.negative[g * K + k], `${by} ${name} at ${k}`).toBeCloseTo(neg, 9);
          }
        });
      }
    }
  });

  it("sums to the network's activity, and at a time, by sector, is the sectors' influence there", () => {
    const table = buildInteractionTable(randomProjection(7, 60, 400));
    const spec = { from: T0, to: T0 + 800 * DAY, points: 30 };
    const c = groupCurves(table, { by: 'medium', ...spec });
    const all = decayCurves(table, spec);
    const K = c.times.length;
    for (let k = 0; k < K; k++) {
      let network = 0;
      for (let p = 0; p < all.people.length; p++) network += all.total[p * K + k]!;
      let sum = 0;
      for (let g = 0; g < c.groups.length; g++) sum += c.positive[g * K + k]! + c.negative[g * K + k]!;
      expect(sum).toBeCloseTo(network, 9);
    }
    const bySector = groupCurves(table, { by: 'sector', ...spec });
    const at = bySector.times[20]!;
    const overview = sectorOverview(table, { at });
    for (const s of overview.sectors) {
      const g = bySector.groups.indexOf(s.name);
      expect(g >= 0 ? bySector.positive[g * K + 20]! + bySector.negative[g * K + 20]! : 0).toBeCloseTo(s.influence, 9);
    }
  });
});
