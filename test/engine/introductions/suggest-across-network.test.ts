import { describe, expect, it } from 'vitest';
import { areTied } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { buildIntroductionIndex, carryAcrossNetwork, IntroductionInputError, withIntroductionRecords, type IntroductionIndex } from '../../../src/engine/introductions/index.ts';
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

describe('carryAcrossNetwork: the list after introductions that only take pairs out', () => {
  const full = demoProjection();
  const before = buildIntroductionIndex(full);
  const listed = suggestAcrossNetwork(before, { limit: 40 });
  const [first, second, third, fourth] = listed.items;
  const at = (id: string) => full.indexOf.get(id)!;
  const intro = (s: { introducer: string; a: string; b: string }, status: 'suggested' | 'made' | 'succeeded', id: string) => ({
    id,
    introducer: at(s.introducer),
    a: at(s.a),
    b: at(s.b),
    at: before.latestTime + DAY,
    status,
    value: null,
    outcomeAt: Number.NaN,
  });
  /** the store after a request, an introduction made, a pair one side hid, and a pair its introducer hid */
  const after = {
    ...full,
    introductions: [...full.introductions, intro(first!, 'suggested', 'x1'), intro(second!, 'made', 'x2')],
    dismissals: [
      { by: at(third!.a), a: at(third!.a), b: at(third!.b) },
      { by: at(fourth!.introducer), a: at(fourth!.a), b: at(fourth!.b) },
    ],
  };
  const { sweep: _, ...list } = listed;

  it('equals a new sweep, without the pairs taken out and with another introducer where one declined', () => {
    const index = withIntroductionRecords(before, after);
    const carried = carryAcrossNetwork(before, index, listed);
    expect(carried).not.toBeNull();
    const fresh = suggestAcrossNetwork(index, { limit: 40 });
    const { sweep: _s, ...carriedList } = carried!;
    const { sweep: _f, ...freshList } = fresh;
    expect(carriedList).toEqual(freshList);
    const pairs = carried!.items.map((s) => `${s.a}+${s.b}`);
    for (const gone of [first, second, third]) expect(pairs).not.toContain(`${gone!.a}+${gone!.b}`);
    const again = carried!.items.find((s) => s.a === fourth!.a && s.b === fourth!.b);
    expect(again).toBeDefined();
    expect(again!.introducer).not.toBe(fourth!.introducer);
    // the introducer of the introduction made: her record in the reasons counts it
    const made = carried!.items.find((s) => s.introducer === second!.introducer);
    expect(made).toBeDefined();
    expect(made!.reasons).toEqual(fresh.items.find((s) => s.a === made!.a && s.b === made!.b)!.reasons);
    expect(list.items).not.toEqual(carried!.items);
  });

  it('gives up when the change does more: an outcome, a pair freed, or too few pairs left above the pool', () => {
    const outcome = { ...full, introductions: [...full.introductions, intro(first!, 'succeeded', 'x3')] };
    expect(carryAcrossNetwork(before, withIntroductionRecords(before, outcome), listed)).toBeNull();
    const hidden = buildIntroductionIndex(after);
    const freed = withIntroductionRecords(hidden, full);
    expect(carryAcrossNetwork(hidden, freed, suggestAcrossNetwork(hidden, { limit: 40 }))).toBeNull();
    // a full pool of 10 for a list of 10: one pair out, and the eleventh may come from outside it
    const tight = suggestAcrossNetwork(before, { limit: 10, finalists: 10 });
    const one = { ...full, dismissals: [{ by: at(tight.items[0]!.a), a: at(tight.items[0]!.a), b: at(tight.items[0]!.b) }] };
    expect(carryAcrossNetwork(before, withIntroductionRecords(before, one), tight)).toBeNull();
    expect(carryAcrossNetwork(before, withIntroductionRecords(before, one), listed)).not.toBeNull();
  });
});
