import { describe, expect, it } from 'vitest';
import { decayedProjection, type InfluenceEdges } from '../../../src/engine/time/decayed-projection.ts';
import { fadeFactor, resolveFadeSpec, uniformFade } from '../../../src/engine/time/fade.ts';
import { buildInteractionTable, withFades } from '../../../src/engine/time/interaction-table.ts';
import { DAY, randomProjection, T0, tinyProjection } from './fixtures.ts';

function edgeMap(p: { people: { id: string }[] }, edges: InfluenceEdges) {
  const out = new Map<string, { weight: number; positive: number; negative: number; events: number }>();
  for (let k = 0; k < edges.count; k++) {
    out.set(`${p.people[edges.src[k]].id}>${p.people[edges.dst[k]].id}`, {
      weight: edges.weight[k],
      positive: edges.positive[k],
      negative: edges.negative[k],
      events: edges.events[k],
    });
  }
  return out;
}

describe('interaction table', () => {
  it('flattens events into driver × reached rows grouped by driver, in time order, without self-reach', () => {
    const p = tinyProjection();
    const table = buildInteractionTable(p);
    // e1: a→b, a→c; e2: a→c, b→c; e3: c→a; e5: b→a; e4 broadcast and e6 self-reach add none
    expect(table.rows.count).toBe(6);
    expect(table.pairs.count).toBe(5);
    const rowsOf = (id: string) => {
      const i = p.indexOf.get(id)!;
      const out: string[] = [];
      for (let r = table.rows.offset[i]; r < table.rows.offset[i + 1]; r++) {
        expect(table.rows.src[r]).toBe(i);
        out.push(`${p.events.id[table.rows.event[r]]}>${p.people[table.rows.dst[r]].id}#${table.rows.pair[r]}`);
      }
      return out;
    };
    expect(rowsOf('a')).toEqual(['e1>b#0', 'e1>c#1', 'e2>c#1']);
    expect(rowsOf('b')).toEqual(['e2>c#2', 'e5>a#3']);
    expect(rowsOf('c')).toEqual(['e3>a#4']);
    expect(rowsOf('d')).toEqual([]);
    expect(Array.from(table.pairs.src)).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(table.pairs.offset)).toEqual([0, 2, 4, 5, 5]);
    // activity keeps broadcasts and self-reach: a drove e1, e2, e6; d drove e4
    const a = p.indexOf.get('a')!;
    const d = p.indexOf.get('d')!;
    expect(table.drives.offset[a + 1] - table.drives.offset[a]).toBe(3);
    expect(table.drives.offset[d + 1] - table.drives.offset[d]).toBe(1);
    expect(buildInteractionTable(p, { selfLoops: true }).rows.count).toBe(7);
  });

  it('sorts events that do not come in time order and skips events without a time', () => {
    const p = randomProjection(3, 20, 200);
    p.events.at[7] = Number.NaN;
    p.events.at[8] = -5 * DAY; // before 1970
    p.events.at[9] = p.events.at[10]; // a tie, broken by index
    const table = buildInteractionTable(p);
    expect(table.skippedEvents).toBe(1);
    const expected = Array.from({ length: p.events.count }, (_, e) => e)
      .filter((e) => Number.isFinite(p.events.at[e]))
      .sort((x, y) => p.events.at[x] - p.events.at[y] || x - y);
    expect(Array.from(table.order)).toEqual(expected);
    expect(table.order[0]).toBe(8);
    expect(Array.from(table.rows.event)).not.toContain(7);
    for (let i = 0; i < p.people.length; i++) {
      for (let r = table.rows.offset[i] + 1; r < table.rows.offset[i + 1]; r++) expect(table.rows.at[r]).toBeGreaterThanOrEqual(table.rows.at[r - 1]);
      for (let r = table.drives.offset[i] + 1; r < table.drives.offset[i + 1]; r++) expect(table.drives.at[r]).toBeGreaterThanOrEqual(table.drives.at[r - 1]);
    }
  });
});

describe('decayed projection', () => {
  const p = tinyProjection();
  const table = buildInteractionTable(p);
  const exp = (halfLifeDays: number, d: number) => Math.pow(2, -d / halfLifeDays);

  it('static weights are summed magnitude × reach weight', () => {
    const e = edgeMap(p, decayedProjection(table));
    expect([...e.keys()].sort()).toEqual(['a>b', 'a>c', 'b>a', 'b>c', 'c>a']);
    expect(e.get('a>b')).toEqual({ weight: 2, positive: 2, negative: 0, events: 1 });
    expect(e.get('a>c')).toEqual({ weight: 2, positive: 1, negative: 1, events: 2 });
    expect(e.get('c>a')).toEqual({ weight: 3, positive: 1.5, negative: 1.5, events: 1 });
  });

  it('decayed at t equals the hand-summed contributions of the events up to t', () => {
    const t = T0 + 15 * DAY;
    const e = edgeMap(p, decayedProjection(table, { at: t }));
    // e3 (day 20) and e5 (day 30) have not happened: no c→a, no b→a
    expect([...e.keys()].sort()).toEqual(['a>b', 'a>c', 'b>c']);
    const post15 = exp(7, 15); // e1: post, 7-day half-life, 15 days old
    const rating5 = exp(120, 5); // e2: rating, 120-day half-life, 5 days old
    expect(e.get('a>b')!.weight).toBeCloseTo(2 * post15, 14);
    expect(e.get('a>c')!.weight).toBeCloseTo(2 * 0.5 * post15 + rating5, 14);
    expect(e.get('a>c')!.positive).toBeCloseTo(post15, 14);
    expect(e.get('a>c')!.negative).toBeCloseTo(rating5, 14);
    expect(e.get('b>c')!.weight).toBeCloseTo(rating5, 14);
  });

  it('uses power and none fades too (day 400)', () => {
    const t = T0 + 400 * DAY;
    const e = edgeMap(p, decayedProjection(table, { at: t, epsilon: 0 }));
    expect(e.get('c>a')!.weight).toBeCloseTo(3 * Math.pow(1 + 380 / 365, -0.5), 14); // award, power τ 365, α 0.5
    expect(e.get('b>a')!.weight).toBe(1); // e5 has its own fade: none
  });

  it('events after t contribute nothing, and at t itself they count in full', () => {
    const before = decayedProjection(table, { at: T0 - 1 });
    expect(before.count).toBe(0);
    const e = edgeMap(p, decayedProjection(table, { at: T0 + 20 * DAY }));
    expect(e.get('c>a')!.weight).toBe(3);
  });

  it('polarity picks the weight; positive and negative are always reported', () => {
    const pos = edgeMap(p, decayedProjection(table, { polarity: 'positive' }));
    const neg = edgeMap(p, decayedProjection(table, { polarity: 'negative' }));
    expect(pos.get('a>b')!.weight).toBe(2);
    expect(neg.has('a>b')).toBe(false); // e1 is purely positive: weight 0 is dropped
    expect(neg.get('b>c')).toEqual({ weight: 1, positive: 0, negative: 1, events: 1 });
  });

  it('filters by time range, sector and medium', () => {
    const ranged = edgeMap(p, decayedProjection(table, { from: T0 + 5 * DAY, to: T0 + 20 * DAY }));
    expect([...ranged.keys()].sort()).toEqual(['a>c', 'b>c', 'c>a']);
    expect(ranged.get('a>c')!.weight).toBe(1);
    const music = edgeMap(p, decayedProjection(table, { sector: 'music' }));
    expect([...music.keys()].sort()).toEqual(['a>b', 'a>c', 'b>a', 'c>a']);
    const media = edgeMap(p, decayedProjection(table, { medium: ['text', 'tv'] }));
    expect([...media.keys()].sort()).toEqual(['a>c', 'b>c', 'c>a']);
    expect(decayedProjection(table, { sector: 'no-such-sector' }).count).toBe(0);
  });

  it('drops edges that have faded below epsilon', () => {
    const t = T0 + 400 * DAY; // e1 (post, 7 d) is 2^(−400/7) ≈ 6e-18: gone
    const e = edgeMap(p, decayedProjection(table, { at: t }));
    expect(e.has('a>b')).toBe(false);
    expect(edgeMap(p, decayedProjection(table, { at: t, epsilon: 0 })).has('a>b')).toBe(true);
  });

  it('with a window of ∞ the decayed projection equals the static one', () => {
    const infinite = withFades(table, uniformFade({ model: 'window', days: Infinity }));
    const e = edgeMap(p, decayedProjection(infinite, { at: T0 + 1000 * DAY }));
    // e5's own fade (none) also never fades
    expect(e).toEqual(edgeMap(p, decayedProjection(table)));
  });

  it('matches a naive evaluation on a random projection with mixed fades', () => {
    const q = randomProjection(11, 30, 400, 400);
    const t2 = buildInteractionTable(q);
    const at = T0 + 250 * DAY;
    const got = edgeMap(q, decayedProjection(t2, { at, epsilon: 0 }));
    const want = new Map<string, number>();
    for (let e = 0; e < q.events.count; e++) {
      if (q.events.at[e] > at) continue;
      const spec = resolveFadeSpec(t2.fades.config, q.events.kinds[q.events.kind[e]], q.events.sectors[q.events.sector[e]], q.events.fade[e]).spec;
      const f = fadeFactor(spec, at - q.events.at[e]);
      for (let i = 0; i < q.drove.count; i++) {
        if (q.drove.event[i] !== e) continue;
        for (let j = 0; j < q.reached.count; j++) {
          if (q.reached.event[j] !== e || q.reached.person[j] === q.drove.person[i]) continue;
          const key = `${q.people[q.drove.person[i]].id}>${q.people[q.reached.person[j]].id}`;
          want.set(key, (want.get(key) ?? 0) + q.events.magnitude[e] * q.reached.weight[j] * f);
        }
      }
    }
    expect(want.size).toBeGreaterThan(50);
    for (const [key, w] of want) if (w > 0) expect(got.get(key)?.weight ?? 0).toBeCloseTo(w, 10);
    expect([...got.keys()].filter((k) => got.get(k)!.weight > 0).sort()).toEqual([...want.keys()].filter((k) => want.get(k)! > 0).sort());
  });

  it('rejects bad options with errors naming the module', () => {
    expect(() => decayedProjection(table, { at: Number.NaN })).toThrow(/^decayed-projection: option "at"/);
    expect(() => decayedProjection(table, { polarity: 'both' as never })).toThrow(/polarity/);
    expect(() => decayedProjection(table, { from: 10, to: 5 })).toThrow(/from/);
  });
});
