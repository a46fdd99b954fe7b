import { describe, expect, it } from 'vitest';
import {
  decayCurve,
  decayCurves,
  influenceAt,
  rankByInfluenceAt,
  sampleTimes,
  temporalCentralityCurves,
} from '../../../src/engine/time/curves.ts';
import { decayedProjection, type InfluenceEdges } from '../../../src/engine/time/decayed-projection.ts';
import { DEFAULT_FADE_CONFIG, fadeFactor, resolveFadeSpec } from '../../../src/engine/time/fade.ts';
import { buildInteractionTable } from '../../../src/engine/time/interaction-table.ts';
import { type Projection, ProjectionBuilder } from '../../../src/domain/projection.ts';
import { DAY, randomProjection, T0, tinyProjection } from './fixtures.ts';

/** Σ over the person's driven events (activity) or outgoing rows (strength) of amount × fade, evaluated naively. */
function naive(p: Projection, person: string, t: number, basis: 'activity' | 'strength', part: 'total' | 'positive' | 'negative' = 'total'): number {
  const config = DEFAULT_FADE_CONFIG; // the tables below are built with the defaults
  const who = p.indexOf.get(person)!;
  let sum = 0;
  for (let i = 0; i < p.drove.count; i++) {
    if (p.drove.person[i] !== who) continue;
    const e = p.drove.event[i];
    const spec = resolveFadeSpec(config, p.events.kinds[p.events.kind[e]], p.events.sectors[p.events.sector[e]], p.events.fade[e]).spec;
    const v = p.events.valence[e];
    const share = part === 'total' ? 1 : part === 'positive' ? (1 + v) / 2 : (1 - v) / 2;
    const base = p.events.magnitude[e] * share * fadeFactor(spec, t - p.events.at[e]);
    if (basis === 'activity') sum += base;
    else for (let j = 0; j < p.reached.count; j++) if (p.reached.event[j] === e && p.reached.person[j] !== who) sum += base * p.reached.weight[j];
  }
  return sum;
}

describe('sample times', () => {
  it('spaces points evenly with both ends, or steps from `from`', () => {
    expect(Array.from(sampleTimes({ from: 0, to: 10, points: 3 }))).toEqual([0, 5, 10]);
    expect(Array.from(sampleTimes({ from: 0, to: 10, step: 4 }))).toEqual([0, 4, 8]);
    expect(Array.from(sampleTimes({ from: 5, to: 5, points: 10 }))).toEqual([5]);
    expect(() => sampleTimes({ from: 0, to: 1e12, step: 1 })).toThrow(/^curves: option "step" gives/);
    expect(() => sampleTimes({ from: 10, to: 0 })).toThrow(/^curves: option "from"/);
  });
});

describe('decay curves', () => {
  const p = tinyProjection();
  const table = buildInteractionTable(p);
  const range = { from: T0 - 5 * DAY, to: T0 + 500 * DAY, points: 101 };

  it('activity of a person equals the hand sum at each sample (exponential kinds)', () => {
    const curve = decayCurve(table, 'a', { ...range, basis: 'activity' });
    expect(curve.times).toHaveLength(101);
    curve.times.forEach((t, i) => {
      const d1 = (t - T0) / DAY; // e1: post m 2 v +1
      const d2 = (t - T0) / DAY - 10; // e2: rating m 1 v −1
      const d6 = (t - T0) / DAY - 40; // e6: post m 1 v 0
      const e1 = d1 >= 0 ? 2 * 2 ** (-d1 / 7) : 0;
      const e2 = d2 >= 0 ? 2 ** (-d2 / 120) : 0;
      const e6 = d6 >= 0 ? 2 ** (-d6 / 7) : 0;
      expect(curve.total[i]).toBeCloseTo(e1 + e2 + e6, 12);
      expect(curve.positive[i]).toBeCloseTo(e1 + e6 / 2, 12);
      expect(curve.negative[i]).toBeCloseTo(e2 + e6 / 2, 12);
    });
    // before the first event: nothing
    expect(curve.total[0]).toBe(0);
  });

  it('a broadcast counts toward activity but not strength; window fades end sharply', () => {
    const activity = decayCurve(table, 'd', { from: T0, to: T0 + 400 * DAY, step: DAY, basis: 'activity' });
    const strength = decayCurve(table, 'd', { from: T0, to: T0 + 400 * DAY, step: DAY, basis: 'strength' });
    // e4: deal (window 365 d) at day 5, m 4
    expect(activity.total.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(activity.total.slice(5, 371)).toEqual(new Array(366).fill(4));
    expect(activity.total.slice(371)).toEqual(new Array(30).fill(0));
    expect(strength.total.every((v) => v === 0)).toBe(true);
  });

  it('strength of a person is their out-strength on the decayed projection at each t', () => {
    const curve = decayCurve(table, 'a', { from: T0, to: T0 + 60 * DAY, points: 13, basis: 'strength' });
    curve.times.forEach((t, i) => {
      const edges = decayedProjection(table, { at: t, epsilon: 0 });
      let out = 0;
      for (let k = 0; k < edges.count; k++) if (edges.src[k] === p.indexOf.get('a')) out += edges.weight[k];
      expect(curve.total[i]).toBeCloseTo(out, 12);
    });
  });

  it('matches the naive sum for every person on a random projection with mixed and own fades', () => {
    const q = randomProjection(7, 25, 600, 300);
    const t2 = buildInteractionTable(q);
    const opts = { from: T0 - 10 * DAY, to: T0 + 420 * DAY, points: 37 };
    for (const basis of ['activity', 'strength'] as const) {
      const batch = decayCurves(t2, { ...opts, basis });
      for (let i = 0; i < q.people.length; i++) {
        const id = q.people[i].id;
        const single = decayCurve(t2, id, { ...opts, basis });
        for (let k = 0; k < single.times.length; k += 3) {
          const t = single.times[k];
          expect(single.total[k]).toBeCloseTo(naive(q, id, t, basis), 9);
          expect(single.negative[k]).toBeCloseTo(naive(q, id, t, basis, 'negative'), 9);
          expect(batch.total[i * batch.points + k]).toBe(single.total[k]);
        }
      }
    }
  });

  it('filters by sector and medium', () => {
    const music = decayCurve(table, 'a', { from: T0, to: T0 + 20 * DAY, points: 3, sector: 'music' });
    expect(music.total[1]).toBeCloseTo(2 * 2 ** (-10 / 7), 12); // e1 only, e2 is film
    const text = decayCurve(table, 'a', { from: T0, to: T0 + 20 * DAY, points: 3, medium: 'text' });
    expect(text.total[1]).toBe(1); // e2 at day 10, fresh
  });

  it('throws unknown_person for a person not in the projection', () => {
    expect(() => decayCurve(table, 'zed', range)).toThrow(/^curves: person "zed"/);
  });
});

describe('influence at t for everyone', () => {
  const q = randomProjection(5, 40, 500, 300);
  const table = buildInteractionTable(q);
  const at = T0 + 200 * DAY;

  it('equals each person’s curve at t', () => {
    for (const basis of ['activity', 'strength'] as const) {
      const v = influenceAt(table, at, { basis });
      for (let i = 0; i < q.people.length; i++) {
        expect(v.total[i]).toBeCloseTo(naive(q, q.people[i].id, at, basis), 9);
        expect(v.positive[i] + v.negative[i]).toBeCloseTo(v.total[i], 12);
      }
    }
  });

  it('ranks people by influence at t', () => {
    const ranking = rankByInfluenceAt(table, at, { limit: 5 });
    const v = influenceAt(table, at);
    const sorted = [...v.total].filter((x) => x > 0).sort((a, b) => b - a);
    expect(ranking.items.map((r) => r.total)).toEqual(sorted.slice(0, 5));
    expect(ranking.items.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(ranking.ranked).toBe(sorted.length);
    const page2 = rankByInfluenceAt(table, at, { limit: 5, offset: 5 });
    expect(page2.items[0].rank).toBe(6);
    expect(page2.items[0].total).toBe(sorted[5]);
  });
});

describe('ranking ties', () => {
  it('orders equal influence by person index, across pages', () => {
    const b = new ProjectionBuilder();
    for (const id of ['x', 'y', 'z', 'w']) {
      b.event({ id: `e-${id}`, at: T0, kind: 'post', sector: 's', medium: 'm', magnitude: id === 'w' ? 2 : 1, valence: 0 });
      b.drive(`e-${id}`, id);
    }
    b.person('idle');
    const table = buildInteractionTable(b.build());
    const first = rankByInfluenceAt(table, T0 + DAY, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(['w', 'x']);
    expect(first.ranked).toBe(4);
    expect(rankByInfluenceAt(table, T0 + DAY, { limit: 2, offset: 2 }).items.map((r) => [r.rank, r.id])).toEqual([
      [3, 'y'],
      [4, 'z'],
    ]);
    expect(rankByInfluenceAt(table, T0 + DAY, { limit: 0 }).items).toEqual([]);
    expect(rankByInfluenceAt(table, T0 - DAY).ranked).toBe(0);
  });
});

describe('temporal centrality curves', () => {
  it('run the ranker on the decayed projection at each sample', () => {
    const p = tinyProjection();
    const table = buildInteractionTable(p);
    const outStrength = (edges: InfluenceEdges) => {
      const s = new Float64Array(edges.people);
      for (let k = 0; k < edges.count; k++) s[edges.src[k]] += edges.weight[k];
      return s;
    };
    const opts = { from: T0, to: T0 + 60 * DAY, points: 7 };
    const curves = temporalCentralityCurves(table, ['a', 'b'], { ...opts, rank: outStrength, epsilon: 0 });
    const a = decayCurve(table, 'a', { ...opts, basis: 'strength' });
    const b = decayCurve(table, 'b', { ...opts, basis: 'strength' });
    curves.values[0].forEach((v, k) => expect(v).toBeCloseTo(a.total[k], 12));
    curves.values[1].forEach((v, k) => expect(v).toBeCloseTo(b.total[k], 12));
    expect(() => temporalCentralityCurves(table, ['a'], { ...opts, points: 100, rank: outStrength })).toThrow(/maxPoints = 60/);
  });
});
