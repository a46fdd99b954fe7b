import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import { buildIntroductionIndex, IntroductionInputError, suggestForPerson } from '../../../src/engine/introductions/index.ts';
import { findEntry } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { seededRng } from '../../../src/engine/rng.ts';
import { rankCandidates } from '../../../src/engine/introductions/rank-candidates.ts';
import { PAIR_SCORE_DEFAULTS } from '../../../src/engine/introductions/pair-score.ts';
import { DAY, helloWorld, NOW } from './world.ts';

describe('suggestForPerson', () => {
  const index = buildIntroductionIndex(helloWorld());

  it('suggests complementary people through the connector both trust, and says why', () => {
    const [top] = suggestForPerson(index, 'ana', { now: NOW });
    expect(top.b).toBe('ben');
    expect(top.introducer).toBe('carla');
    expect(top.reasons.bOffersASeeks).toEqual(['seed funding']); // labels as first written (Ben's offer)
    expect(top.reasons.aOffersBSeeks).toEqual(['Rust engineering']);
    expect(top.reasons.sharedSectors).toEqual(['Fintech']);
    expect(top.reasons.trustAInIntroducer).toBeCloseTo(0.9, 6);
    expect(top.reasons.trustBInIntroducer).toBeCloseTo(0.85, 6);
    expect(top.reasons.tieRecencyDays).toEqual({ a: 10, b: 20 });
    expect(top.reasons.commonTies).toBe(2); // Carla and Dan
    expect(top.reasons.trustedIntroducers).toBe(1); // Ben does not trust Dan
    expect(top.reasons.introducerRecord).toMatchObject({ made: 4, succeeded: 1, failed: 2, open: 1 });
    expect(top.reasons.summary).toContain('Ben offers seed funding, which Ana seeks.');
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThan(1);
  });

  it('never suggests someone already tied, and drops pairs already introduced', () => {
    const bs = suggestForPerson(index, 'ana', { now: NOW, limit: 100 }).map((s) => s.b);
    expect(bs).not.toContain('eve'); // tied
    expect(bs).not.toContain('carla'); // tied
    expect(bs).not.toContain('finn'); // introduction under way
    expect(bs).not.toContain('hugo'); // declined a week ago: waits retryAfterDays
    expect(bs).toContain('gus'); // failed 400 days ago: may be tried again
    expect(new Set(bs)).toEqual(new Set(['ben', 'gus', 'ivy']));
  });

  it('a pair drops out once an introduction is recorded', () => {
    const p = helloWorld();
    p.introductions.push({ id: 'new', introducer: p.indexOf.get('carla')!, a: p.indexOf.get('ben')!, b: p.indexOf.get('ana')!, at: NOW, status: 'suggested', value: null, outcomeAt: Number.NaN });
    const after = suggestForPerson(buildIntroductionIndex(p), 'ana', { now: NOW, limit: 100 }).map((s) => s.b);
    expect(after).not.toContain('ben');
  });

  it('never uses an introducer distrusted by one side', () => {
    // Ana–Ivy are only reachable through Dan, whom both trust; Ana–Ben through Dan would be cheaper but Ben trusts Dan 0.
    const all = suggestForPerson(index, 'ana', { now: NOW, limit: 100 });
    const ivy = all.find((s) => s.b === 'ivy')!;
    expect(ivy.introducer).toBe('dan');
    expect(all.find((s) => s.b === 'ben')!.introducer).toBe('carla');
    // From Ben's side: Dan cannot introduce him to anyone, so Ivy (reachable only via Dan) is not suggested.
    expect(suggestForPerson(index, 'ben', { now: NOW, limit: 100 }).map((s) => s.b)).not.toContain('ivy');
  });

  it('filters by sector and minimum score', () => {
    expect(suggestForPerson(index, 'ana', { now: NOW, sector: 'CLIMATE', limit: 100 }).map((s) => s.b)).toEqual(['ben']);
    expect(suggestForPerson(index, 'ana', { now: NOW, sector: 'unknown sector' })).toEqual([]);
    const all = suggestForPerson(index, 'ana', { now: NOW, limit: 100 });
    const cut = (all[0].score + all[all.length - 1].score) / 2;
    expect(suggestForPerson(index, 'ana', { now: NOW, limit: 100, minScore: cut }).every((s) => s.score >= cut)).toBe(true);
    expect(suggestForPerson(index, 'ana', { now: NOW, limit: 100, minScore: cut }).length).toBeLessThan(all.length);
  });

  it('ranks complementarity: without offers and seeks, Ben falls behind', () => {
    const withComplement = suggestForPerson(index, 'ana', { now: NOW, limit: 100 });
    const without = suggestForPerson(index, 'ana', { now: NOW, limit: 100, weights: { complementarity: 0, sectors: 0 } });
    const ben = (xs: typeof without) => xs.find((s) => s.b === 'ben')!.score;
    expect(ben(withComplement)).toBeGreaterThan(ben(without));
  });

  it('degree normalisation divides the raw score by (deg a · deg b)^γ, either way', () => {
    const plain = suggestForPerson(index, 'ana', { now: NOW, limit: 100 });
    const g = index.graph;
    const deg = (id: string) => g.offsets[index.indexOf.get(id)! + 1] - g.offsets[index.indexOf.get(id)!];
    // γ = ½ divides by √(deg a · deg b); γ = −½ multiplies by it (towards preferential attachment)
    for (const gamma of [0.5, -0.5]) {
      const normalised = suggestForPerson(index, 'ana', { now: NOW, limit: 100, weights: { degreeNormalisation: gamma } });
      expect(normalised.length).toBe(plain.length);
      for (const s of normalised) {
        const before = plain.find((x) => x.b === s.b)!;
        expect(s.reasons.rawScore).toBeCloseTo(before.reasons.rawScore * (deg('ana') * deg(s.b)) ** -gamma, 12);
      }
    }
    expect(new Set(plain.map((s) => deg(s.b))).size).toBeGreaterThan(1); // the degrees differ, so γ has something to act on
    expect(() => suggestForPerson(index, 'ana', { weights: { degreeNormalisation: -1.5 } })).toThrow(/weights.degreeNormalisation.*\[-1, 2\]/);
    expect(() => suggestForPerson(index, 'ana', { weights: { degreeNormalisation: 2.5 } })).toThrow(/weights.degreeNormalisation/);
  });

  it('names the module and the reason on bad input', () => {
    expect(() => suggestForPerson(index, 'nobody')).toThrow(IntroductionInputError);
    expect(() => suggestForPerson(index, 'nobody')).toThrow(/introductions\/suggest-for-person: no person with id "nobody"/);
    expect(() => suggestForPerson(index, 'ana', { limit: 0 })).toThrow(/option "limit"/);
    try {
      suggestForPerson(index, 99);
    } catch (e) {
      expect((e as IntroductionInputError).reason).toBe('unknown_person');
    }
  });

  it('on a random world: never a tied pair, always an introducer both trust, same result with caps off', () => {
    const rng = seededRng(7);
    const p = new ProjectionBuilder();
    const n = 300;
    for (let k = 0; k < n; k++) p.person({ id: `p${k}`, name: `P${k}`, sectors: [`s${k % 4}`], offers: [`o${k % 7}`], seeks: [`o${(k * 3) % 7}`] });
    for (let e = 0; e < 1500; e++) {
      const x = Math.floor(rng() * n);
      const y = Math.floor(rng() ** 2 * n); // some hubs
      if (x === y) continue;
      p.tie(`p${x}`, `p${y}`, rng() < 0.2 ? 0 : rng(), Number.NaN, NOW - Math.floor(rng() * 400) * DAY);
    }
    const idx = buildIntroductionIndex(p.build());
    const g = idx.graph;
    const first = suggestForPerson(idx, 3, { now: NOW, limit: 50 });
    for (let a = 0; a < n; a += 7) {
      const capped = suggestForPerson(idx, a, { now: NOW, limit: 20, maxIntermediaries: 5, maxFanout: 10, maxVisits: 40 });
      const exact = suggestForPerson(idx, a, { now: NOW, limit: 20, maxIntermediaries: Infinity, maxFanout: Infinity, maxVisits: Infinity });
      for (const s of [...capped, ...exact]) {
        const ai = idx.indexOf.get(s.a)!;
        const bi = idx.indexOf.get(s.b)!;
        const ii = idx.indexOf.get(s.introducer)!;
        expect(ai).toBe(a);
        expect(findEntry(g, ai, bi)).toBe(-1);
        expect(g.trustOut[findEntry(g, ai, ii)]).toBeGreaterThanOrEqual(0.1);
        expect(g.trustOut[findEntry(g, bi, ii)]).toBeGreaterThanOrEqual(0.1);
      }
      // exact scores are the same whichever phase found the pair
      const exactScore = new Map(exact.map((s) => [s.b, s.score]));
      for (const s of capped) if (exactScore.has(s.b)) expect(s.score).toBeCloseTo(exactScore.get(s.b)!, 12);
      // uncapped, the order is by score
      for (let k = 1; k < exact.length; k++) expect(exact[k - 1].score).toBeGreaterThanOrEqual(exact[k].score);
    }
    // scratch space is reused between calls: nothing may leak from one person into another
    expect(suggestForPerson(idx, 3, { now: NOW, limit: 50 })).toEqual(first);

    // unordered (the evaluation's global ranking): the same candidates and scores, only not sorted
    const all = { now: NOW, weights: PAIR_SCORE_DEFAULTS, keep: Infinity, maxIntermediaries: Infinity, maxFanout: Infinity, maxVisits: Infinity };
    let unsorted = 0;
    for (let a = 0; a < n; a += 5) {
      const sorted = rankCandidates(idx, a, all);
      const loose = rankCandidates(idx, a, { ...all, ordered: false });
      expect(loose.partner.length).toBe(sorted.partner.length);
      const raw = new Map([...sorted.partner].map((b, k) => [b, sorted.raw[k]]));
      loose.partner.forEach((b, k) => expect(loose.raw[k]).toBe(raw.get(b)));
      if (loose.raw.some((r, k) => k > 0 && r > loose.raw[k - 1])) unsorted++;
    }
    expect(unsorted).toBeGreaterThan(0);
    expect(() => rankCandidates(idx, 0, { ...all, keep: 10, ordered: false })).toThrow(/keep must be Infinity/);
  });
});
