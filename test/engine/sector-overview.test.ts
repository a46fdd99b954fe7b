import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../src/domain/projection.ts';
import { personBreakdown } from '../../src/engine/breakdowns.ts';
import { sectorOverview } from '../../src/engine/sector-overview.ts';
import { buildInteractionTable } from '../../src/engine/time/interaction-table.ts';
import { DAY, randomProjection, T0 } from './time/fixtures.ts';

/**
 * music {x, y, v}, film {y, z}, cars {w, v} (listed or driving): music–film and music–cars share one of four
 * people (Jaccard ¼, transfer √¼ = ½), film–cars none (transfer 0).
 */
function threeSectors() {
  const b = new ProjectionBuilder();
  b.person({ id: 'x', name: 'X', sectors: ['music'], offers: [], seeks: [] });
  b.person({ id: 'y', name: 'Y', sectors: ['music', 'film'], offers: [], seeks: [] });
  b.person({ id: 'z', name: 'Z', sectors: ['film'], offers: [], seeks: [] });
  b.person({ id: 'w', name: 'W', sectors: ['cars'], offers: [], seeks: [] });
  b.person({ id: 'v', name: 'V', sectors: ['cars', 'music'], offers: [], seeks: [] });
  const event = (id: string, day: number, sector: string, magnitude: number, valence: number, who: string) => {
    b.event({ id, at: T0 + day * DAY, kind: 'post', sector, medium: 'text', magnitude, valence, fade: { model: 'none' } });
    b.drive(id, who);
  };
  event('m1', 0, 'music', 4, 1, 'x');
  event('m2', 10, 'music', 1, 0, 'v');
  event('f1', 20, 'film', 2, -1, 'y');
  event('f2', 30, 'film', 1, 0, 'z');
  event('c1', 40, 'cars', 3, 0.5, 'w');
  event('c2', 50, 'cars', 2, 0, 'v');
  return buildInteractionTable(b.build());
}

describe('the sectors side by side', () => {
  it('sums each sector, orders them by influence, and counts in each what carries over from the others', () => {
    const table = threeSectors();
    const o = sectorOverview(table, { carriers: 3 });
    // music and cars both earn 5: music has more people
    expect(o.sectors.map((s) => s.name)).toEqual(['music', 'cars', 'film']);
    const [music, cars, film] = o.sectors;
    expect(music).toEqual({ name: 'music', members: 3, active: 2, events: 2, influence: 5, positive: 4.5, negative: 0.5, imported: 4, exported: 5 });
    expect(film).toMatchObject({ members: 2, influence: 3, positive: 0.5, negative: 2.5, imported: 2.5, exported: 1.5 });
    expect(cars).toMatchObject({ members: 2, influence: 5, imported: 2.5, exported: 2.5 });
    expect(o.shared).toEqual([
      [3, 1, 1],
      [1, 2, 0],
      [1, 0, 2],
    ]);
    expect(o.transfer[0]).toEqual([1, 0.5, 0.5]);
    expect(o.transfer[1][2]).toBe(0);
    expect(o.distance[0][1]).toBe(0.75);
    // what music earns (5) counts half in cars and in film; film's (3) half in music, nothing in cars
    expect(o.flow).toEqual([
      [0, 2.5, 2.5],
      [2.5, 0, 0],
      [1.5, 0, 0],
    ]);
  });

  it('names who carries influence into each sector from elsewhere, most first, with where it comes from', () => {
    const table = threeSectors();
    const o = sectorOverview(table, { carriers: 3 });
    const who = (i: number) => o.carriers[i].map((c) => [table.projection.people[c.person].id, c.own, c.imported]);
    // into music: W's cars (3 × ½), then Y's film and V's cars (1 each: Y comes first in the store), Z's film (½) cut
    expect(who(0)).toEqual([
      ['w', 0, 1.5],
      ['y', 0, 1],
      ['v', 1, 1],
    ]);
    expect(o.carriers[0][0].from).toEqual([{ sector: 'cars', amount: 1.5 }]);
    // into cars: only music carries (film's transfer is 0)
    expect(who(1)).toEqual([
      ['x', 0, 2],
      ['v', 2, 0.5],
    ]);
    expect(who(2)).toEqual([
      ['x', 0, 2],
      ['v', 0, 0.5],
    ]);
    expect(sectorOverview(table, { carriers: 1 }).carriers.map((c) => c.length)).toEqual([1, 1, 1]);
  });

  it('at a time counts the events by then and their influence decayed to it', () => {
    const table = threeSectors();
    const o = sectorOverview(table, { at: T0 + 45 * DAY });
    const cars = o.sectors.find((s) => s.name === 'cars')!;
    expect(cars).toMatchObject({ events: 1, influence: 3, active: 1 });
    expect(o.at).toBe(T0 + 45 * DAY);
    // V has no cars influence yet: into music V carries nothing, and music's own V is just V's music
    const intoMusic = o.carriers[o.sectors.findIndex((s) => s.name === 'music')].map((c) => table.projection.people[c.person].id);
    expect(intoMusic).not.toContain('v');
  });

  it('agrees with the people taken one by one, on random data with fades, at a time', () => {
    for (const seed of [1, 2, 3]) {
      const projection = randomProjection(seed, 60, 400);
      const table = buildInteractionTable(projection);
      const at = T0 + 500 * DAY;
      const o = sectorOverview(table, { at, carriers: 1000 });
      const people = projection.people.map((p) => personBreakdown(table, p.id, { at }));
      o.sectors.forEach((s, i) => {
        const sum = (f: (b: (typeof people)[number]) => number) => people.reduce((acc, b) => acc + f(b), 0);
        expect(s.influence).toBeCloseTo(sum((b) => b.bySector[s.name]?.total ?? 0), 9);
        expect(s.negative).toBeCloseTo(sum((b) => b.bySector[s.name]?.negative ?? 0), 9);
        expect(s.imported).toBeCloseTo(sum((b) => b.crossSector[s.name]?.imported ?? 0), 9);
        expect(s.active).toBe(people.filter((b) => (b.bySector[s.name]?.total ?? 0) > 0).length);
        // imported by the definition, from each person's own sector totals and the transfer matrix
        const expected = people
          .map((b, p) => ({ p, imported: o.sectors.reduce((acc, a, k) => acc + (k === i ? 0 : (b.bySector[a.name]?.total ?? 0) * o.transfer[k][i]), 0) }))
          .filter((c) => c.imported > 0)
          .sort((a, b) => b.imported - a.imported || a.p - b.p);
        expect(o.carriers[i].map((c) => c.person)).toEqual(expected.map((c) => c.p));
        o.carriers[i].forEach((c) => expect(c.imported).toBeCloseTo(people[c.person].crossSector[s.name].imported, 9));
        for (const c of o.carriers[i]) expect(c.from.reduce((acc, f) => acc + f.amount, 0)).toBeLessThanOrEqual(c.imported * (1 + 1e-9));
      });
      // the exported sum equals the imported sum: the same flows, counted from either end
      const total = (k: 'imported' | 'exported') => o.sectors.reduce((acc, s) => acc + s[k], 0);
      expect(total('exported')).toBeCloseTo(total('imported'), 9);
    }
  });
});
