import { describe, expect, it } from 'vitest';
import { areTied } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { buildIntroductionIndex, IntroductionInputError, type IntroductionIndex } from '../../../src/engine/introductions/index.ts';
import { declinedIntroducersOf, isBlocked } from '../../../src/engine/introductions/introduction-index.ts';
import { resolveWeights, scorePair, type PairScoreWeights } from '../../../src/engine/introductions/pair-score.ts';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import { suggestAcrossNetwork } from '../../../src/engine/introductions/suggest-across-network.ts';
import { suggestForPerson } from '../../../src/engine/introductions/suggest-for-person.ts';
import { demoProjection } from './demo-world.ts';
import { DAY, helloWorld, NOW } from './world.ts';

/** Every pair scored one by one: untied, unblocked, with an introducer; best first. */
function bruteForce(index: IntroductionIndex, now: number, limit: number, weights: Partial<PairScoreWeights> = {}): string[] {
  const w = resolveWeights('test', weights);
  const n = index.people.length;
  const all: { key: string; raw: number; a: number; b: number }[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (areTied(index.graph, a, b) || isBlocked(index, a, b, now)) continue;
      const ev = scorePair(index, a, b, { now, weights: w, notVia: declinedIntroducersOf(index, a, b) });
      if (ev.introducer < 0 || !(ev.raw > 0)) continue;
      all.push({ key: `${index.people[a]!.id}+${index.people[b]!.id}:${index.people[ev.introducer]!.id}`, raw: ev.raw, a, b });
    }
  }
  all.sort((x, y) => y.raw - x.raw || x.a - y.a || x.b - y.b);
  return all.slice(0, limit).map((x) => x.key);
}

const keys = (items: { a: string; b: string; introducer: string }[]) => items.map((s) => `${s.a}+${s.b}:${s.introducer}`);

describe('suggestAcrossNetwork', () => {
  it('ranks every pair of the small world exactly as scoring them one by one does', () => {
    const index = buildIntroductionIndex(helloWorld());
    const r = suggestAcrossNetwork(index, { now: NOW, limit: 50 });
    expect(r.introducersSwept).toBe(r.introducers);
    expect(r.contactsCapped).toBe(false);
    expect(r.items.length).toBeGreaterThan(1);
    expect(keys(r.items)).toEqual(bruteForce(index, NOW, 50));
    // introduced, tied and declined pairs stay out, as in the person's own list
    const pairs = r.items.map((s) => [s.a, s.b].sort().join('+'));
    for (const gone of ['ana+eve', 'ana+finn', 'eve+finn', 'ana+hugo']) expect(pairs).not.toContain(gone);
  });

  it('a tie that weighs nothing (undated, counted 0) adds no pair and no pair twice', () => {
    const p = new ProjectionBuilder();
    for (const id of ['ana', 'ben', 'cem', 'ida', 'ivo']) p.person({ id, name: id, sectors: [], offers: [], seeks: [] });
    const both = (x: string, y: string, at: number) => {
      p.tie(x, y, 0.9, Number.NaN, at);
      p.tie(y, x, 0.9, Number.NaN, at);
    };
    both('ana', 'ida', Number.NaN); // undated: with undatedRecency 0 it carries nothing
    both('ben', 'ida', NOW - DAY);
    both('cem', 'ida', NOW - DAY);
    both('ana', 'ivo', NOW - DAY);
    both('ben', 'ivo', NOW - DAY);
    const index = buildIntroductionIndex(p.build());
    const weights = { undatedRecency: 0 };
    const r = suggestAcrossNetwork(index, { now: NOW, limit: 10, weights });
    expect(keys(r.items)).toEqual(bruteForce(index, NOW, 10, weights));
    expect(keys(r.items)).toEqual(['ida+ivo:ben', 'ana+ben:ivo', 'ben+cem:ida']);
    for (const s of r.items) expect(s.score).toBeGreaterThan(0);
  });

  it('on the demo world: the exact top 30 of its 400 people, the planted connector introducing more of them than anyone', () => {
    const index = buildIntroductionIndex(demoProjection());
    const t0 = performance.now();
    const r = suggestAcrossNetwork(index, { limit: 30 });
    const ms = performance.now() - t0;
    expect(r.introducersSwept).toBe(r.introducers);
    expect(r.contactsCapped).toBe(false);
    expect(keys(r.items)).toEqual(bruteForce(index, index.latestTime, 30));
    const by = new Map<string, number>();
    for (const s of r.items) by.set(s.introducer, (by.get(s.introducer) ?? 0) + 1);
    expect(by.get('p-connector')).toBe(Math.max(...by.values()));
    expect(by.get('p-connector')).toBeGreaterThan(1);
    // each item is the same suggestion the person's own list gives for that pair
    const first = r.items[0]!;
    const own = suggestForPerson(index, first.a, { limit: 100 }).find((s) => s.b === first.b);
    expect(own?.introducer).toBe(first.introducer);
    expect(own?.score).toBeCloseTo(first.score, 12);
    expect(ms).toBeLessThan(5_000);
  });

  it('with a budget too small for everyone, sweeps the introducers with the most to add and says how many', () => {
    const index = buildIntroductionIndex(demoProjection());
    const full = suggestAcrossNetwork(index, { limit: 10 });
    const part = suggestAcrossNetwork(index, { limit: 10, maxVisits: 20_000 });
    expect(part.contactsCapped).toBe(true);
    expect(part.introducersSwept).toBeGreaterThan(0);
    expect(part.introducersSwept).toBeLessThan(full.introducersSwept);
    expect(part.items.length).toBe(10);
    // still scored exactly: each item's score is its full score
    for (const s of part.items) {
      const own = suggestForPerson(index, s.a, { limit: 200 }).find((x) => x.b === s.b);
      if (own) expect(own.score).toBeCloseTo(s.score, 12);
    }
  });

  it('keeps pairs with one side in the sector, and none for a sector nobody is in', () => {
    const index = buildIntroductionIndex(demoProjection());
    const r = suggestAcrossNetwork(index, { limit: 20, sector: 'music' });
    expect(r.items.length).toBe(20);
    const sectorsOf = (id: string) => index.people[index.indexOf.get(id)!]!.sectors;
    for (const s of r.items) expect([...sectorsOf(s.a), ...sectorsOf(s.b)]).toContain('music');
    expect(suggestAcrossNetwork(index, { sector: 'underwater basket weaving' }).items).toEqual([]);
  });

  it('rejects bad options with a module-named error', () => {
    const index = buildIntroductionIndex(helloWorld());
    expect(() => suggestAcrossNetwork(index, { limit: 0 })).toThrow(IntroductionInputError);
    expect(() => suggestAcrossNetwork(index, { minScore: 2 })).toThrow(/introductions\/suggest-across-network/);
  });
});
