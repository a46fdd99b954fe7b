import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../src/domain/projection.ts';
import { breakdownAll, controversyIndex, personBreakdown, sectorDistances, transferFactor } from '../../src/engine/breakdowns.ts';
import { buildInteractionTable } from '../../src/engine/time/interaction-table.ts';
import { DAY, randomProjection, T0, tinyProjection } from './time/fixtures.ts';

describe('breakdowns per sector and medium', () => {
  const p = tinyProjection();

  it('sums the events a person drove, static', () => {
    const a = personBreakdown(p, 'a');
    // a drove e1 (music/video, m 2, v +1), e2 (film/text, m 1, v −1), e6 (music/video, m 1, v 0)
    expect(a.at).toBeNull();
    expect(a.overall).toMatchObject({ total: 4, positive: 2.5, negative: 1.5, events: 3 });
    expect(a.bySector.music).toMatchObject({ total: 3, positive: 2.5, negative: 0.5, events: 2 });
    expect(a.bySector.film).toMatchObject({ total: 1, positive: 0, negative: 1, events: 1 });
    expect(Object.keys(a.byMedium).sort()).toEqual(['text', 'video']);
    expect(a.byMedium.video.total).toBe(3);
    // d's broadcast counts: influence is what they drove, reached or not
    expect(personBreakdown(p, 'd').bySector.finance).toMatchObject({ total: 4, positive: 3, negative: 1 });
  });

  it('decays each event by its fade at t and leaves out events after t', () => {
    const t = T0 + 15 * DAY;
    const a = personBreakdown(p, 'a', { at: t });
    expect(a.bySector.music.total).toBeCloseTo(2 * 2 ** (-15 / 7), 14); // e6 (day 40) not yet
    expect(a.bySector.music.events).toBe(1);
    expect(a.bySector.film.negative).toBeCloseTo(2 ** (-5 / 120), 14);
    expect(a.overall.total).toBeCloseTo(2 * 2 ** (-15 / 7) + 2 ** (-5 / 120), 14);
    expect(personBreakdown(p, 'c', { at: t }).overall.events).toBe(0);
  });

  it('controversy is high when strong and evenly split, zero when one-sided or neutral', () => {
    const b = new ProjectionBuilder();
    let n = 0;
    const add = (who: string, valence: number, magnitude = 1) => {
      const id = `e${n++}`;
      b.event({ id, at: T0 + n * DAY, kind: 'post', sector: 'politics', medium: 'tv', magnitude, valence });
      b.drive(id, who);
    };
    for (let i = 0; i < 5; i++) {
      add('split', 1);
      add('split', -1);
      add('onesided', 1);
      add('onesided', 1);
      add('neutral', 0);
      add('neutral', 0);
    }
    add('weak', 0.1);
    add('weak', -0.1);
    const q = b.build();
    const c = (who: string) => personBreakdown(q, who).overall.controversy;
    expect(c('split')).toBeCloseTo((2 * 5) / (10 + 1), 14);
    expect(c('split')).toBeGreaterThan(c('onesided'));
    expect(c('onesided')).toBe(0);
    expect(c('neutral')).toBe(0);
    // the signed part: all of the one-sided and split influence, none of the neutral, a tenth of the weak
    const signed = (who: string) => personBreakdown(q, who).overall;
    expect(signed('split').signed).toBeCloseTo(signed('split').total, 12);
    expect(signed('onesided').signed).toBeCloseTo(10, 12);
    expect(signed('neutral')).toMatchObject({ total: 10, signed: 0, positive: 5, negative: 5 });
    expect(signed('weak').signed).toBeCloseTo(0.2, 12);
    // evenly split but faint: lower than strong and split
    expect(c('weak')).toBeGreaterThan(0);
    expect(c('weak')).toBeLessThan(c('split'));
    expect(controversyIndex(3, 3, 1)).toBeGreaterThan(controversyIndex(3, 1, 1));
    expect(controversyIndex(30, 30, 1)).toBeGreaterThan(controversyIndex(3, 3, 1));
    expect(controversyIndex(0, 0)).toBe(0);
  });
});

describe('sector distance and transfer', () => {
  it('transfer is 1 at distance 0 and falls with distance, for both models', () => {
    for (const model of ['power', 'exponential'] as const) {
      expect(transferFactor(0, { model })).toBe(1);
      let previous = 1;
      for (let d = 0.1; d <= 1; d += 0.1) {
        const f = transferFactor(d, { model });
        expect(f).toBeLessThan(previous);
        expect(f).toBeGreaterThanOrEqual(0);
        previous = f;
      }
    }
    expect(transferFactor(1)).toBe(0); // power (default): no shared people, nothing carries over
    expect(transferFactor(0.75, { model: 'power', gamma: 0.5 })).toBeCloseTo(0.5, 14);
    expect(transferFactor(0.5, { model: 'exponential', lambda: 0.25 })).toBeCloseTo(Math.exp(-2), 14);
    expect(transferFactor(0.5, { model: 'power', gamma: 2 })).toBeLessThan(transferFactor(0.5, { model: 'power', gamma: 1 }));
    expect(() => transferFactor(1.5)).toThrow(/^breakdowns: option "distance"/);
  });

  it('derives distance from the Jaccard overlap of sectors’ people', () => {
    const b = new ProjectionBuilder();
    b.person({ id: 'x', name: 'X', sectors: ['music'], offers: [], seeks: [] });
    b.person({ id: 'y', name: 'Y', sectors: ['music', 'film'], offers: [], seeks: [] });
    b.person({ id: 'z', name: 'Z', sectors: ['film'], offers: [], seeks: [] });
    b.person({ id: 'w', name: 'W', sectors: ['cars'], offers: [], seeks: [] });
    b.event({ id: 'e', at: T0, kind: 'talk', sector: 'film', medium: 'tv', magnitude: 1, valence: 0 });
    b.drive('e', 'x'); // x is also active in film
    const q = b.build();
    const m = sectorDistances(q);
    expect(m.sectors).toEqual(['cars', 'film', 'music']);
    const d = (a: string, c: string) => m.distance[m.sectors.indexOf(a)][m.sectors.indexOf(c)];
    expect(m.people).toEqual([1, 3, 2]);
    // music {x, y}, film {x, y, z}: J = 2/3
    expect(d('music', 'film')).toBeCloseTo(1 / 3, 14);
    expect(d('film', 'music')).toBeCloseTo(1 / 3, 14);
    expect(d('music', 'cars')).toBe(1);
    expect(d('music', 'music')).toBe(0);
    // listed only: music {x, y}, film {y, z}: J = 1/3
    expect(sectorDistances(q, { membership: 'listed' }).distance[1][2]).toBeCloseTo(2 / 3, 14);
    // configured distances, mirrored unless given both ways
    const o = sectorDistances(q, { distanceOverrides: { music: { cars: 0.2 }, cars: { film: 0.9 }, film: { cars: 0.4 } } });
    expect(o.distance[2][0]).toBe(0.2);
    expect(o.distance[0][2]).toBe(0.2);
    expect(o.distance[0][1]).toBe(0.9);
    expect(o.distance[1][0]).toBe(0.4);
    expect(o.configured[2][0]).toBe(true);
    expect(o.configured[1][2]).toBe(false);
    expect(o.transfer[2][0]).toBeCloseTo(Math.sqrt(0.8), 14);
    expect(() => sectorDistances(q, { distanceOverrides: { music: { film: 2 } } })).toThrow(/distanceOverrides\.music\.film/);
  });

  it('cross-sector reach = Σ_A influence_A × transfer(A, B)', () => {
    const p = tinyProjection();
    const matrix = sectorDistances(p);
    const a = personBreakdown(p, 'a', { sectorMatrix: matrix });
    const T = (x: string, y: string) => matrix.transfer[matrix.sectors.indexOf(x)][matrix.sectors.indexOf(y)];
    expect(a.crossSector.music.own).toBe(3);
    expect(a.crossSector.music.reach).toBeCloseTo(3 + 1 * T('film', 'music'), 14);
    expect(a.crossSector.film.reach).toBeCloseTo(1 + 3 * T('music', 'film'), 14);
    expect(a.crossSector.film.imported).toBeCloseTo(3 * T('music', 'film'), 14);
    // finance shares nobody with music or film: nothing carries over (power transfer)
    expect(a.crossSector.finance).toBeUndefined();
    const exponential = personBreakdown(p, 'a', { model: 'exponential', lambda: 0.5 });
    expect(exponential.crossSector.finance.reach).toBeCloseTo(4 * Math.exp(-2), 14);
  });

  it('the batch equals one-by-one breakdowns and carries the matrix', () => {
    const q = randomProjection(4, 30, 300, 300);
    const table = buildInteractionTable(q);
    const at = T0 + 150 * DAY;
    const all = breakdownAll(table, { at });
    expect(all.sectorMatrix.sectors.length).toBeGreaterThan(2);
    expect(all.people.length).toBeGreaterThan(10);
    for (const b of all.people) expect(b).toEqual(personBreakdown(table, b.person, { at, sectorMatrix: all.sectorMatrix }));
    const sum = all.people.reduce((s, b) => s + b.overall.total, 0);
    let expected = 0;
    for (let i = 0; i < q.drove.count; i++) {
      const e = q.drove.event[i];
      if (q.events.at[e] <= at) expected += q.events.magnitude[e] * fadeOf(table, e, at - q.events.at[e]);
    }
    expect(sum).toBeCloseTo(expected, 9);
  });

  it('names the module in errors', () => {
    expect(() => personBreakdown(tinyProjection(), 'nobody')).toThrow(/^breakdowns: person "nobody"/);
    expect(() => personBreakdown(tinyProjection(), 'a', { controversyScale: 0 })).toThrow(/controversyScale/);
  });
});

function fadeOf(table: ReturnType<typeof buildInteractionTable>, e: number, delta: number): number {
  const { code, p1, p2 } = table.fades;
  if (delta < 0) return 0;
  if (code[e] === 1) return Math.exp(-p1[e] * delta);
  if (code[e] === 2) return (1 + delta * p1[e]) ** -p2[e];
  if (code[e] === 3) return delta <= p1[e] ? 1 : 0;
  return 1;
}
