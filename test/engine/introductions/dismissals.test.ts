/** Dismissed suggestions in the engine: "not interested" blocks the pair everywhere; an introducer's own only her. */
import { describe, expect, it } from 'vitest';
import { buildIntroductionIndex, suggestForIntroducer, suggestForPerson } from '../../../src/engine/introductions/index.ts';
import { scorePair, PAIR_SCORE_DEFAULTS } from '../../../src/engine/introductions/pair-score.ts';
import { helloWorld, NOW } from './world.ts';

function withDismissals(...dismissals: [by: string, a: string, b: string][]) {
  const p = helloWorld();
  for (const [by, a, b] of dismissals) p.dismissals.push({ by: p.indexOf.get(by)!, a: p.indexOf.get(a)!, b: p.indexOf.get(b)! });
  return buildIntroductionIndex(p);
}
const partners = (index: ReturnType<typeof withDismissals>, person: string) =>
  suggestForPerson(index, person, { now: NOW, limit: 100 }).map((s) => (s.a === person ? s.b : s.a));
const pairsOf = (index: ReturnType<typeof withDismissals>, introducer: string) =>
  suggestForIntroducer(index, introducer, { now: NOW, limit: 100 }).map((s) => [s.a, s.b].sort().join('+'));

describe('dismissed suggestions', () => {
  it('a pair one of its two dismissed is suggested to neither of them nor to its introducer', () => {
    const plain = withDismissals();
    expect(partners(plain, 'ana')).toContain('ben');
    expect(pairsOf(plain, 'carla')).toContain('ana+ben');
    const index = withDismissals(['ben', 'ana', 'ben']);
    expect(partners(index, 'ana')).not.toContain('ben');
    expect(partners(index, 'ben')).not.toContain('ana');
    expect(pairsOf(index, 'carla')).not.toContain('ana+ben');
    // the others stay, in the same order
    expect(partners(index, 'ana')).toEqual(partners(plain, 'ana').filter((b) => b !== 'ben'));
  });

  it('an introducer who dismissed a pair drops it from her list and is never named as its introducer', () => {
    const index = withDismissals(['carla', 'ben', 'ana']);
    expect(pairsOf(index, 'carla')).not.toContain('ana+ben');
    // Carla was the only common tie both Ana and Ben trust (Ben does not trust Dan): no introducer is left
    expect(partners(index, 'ana')).not.toContain('ben');
    // her other pairs are untouched
    expect(pairsOf(index, 'carla')).toEqual(pairsOf(withDismissals(), 'carla').filter((p) => p !== 'ana+ben'));
    // someone else's dismissal of the pair changes nothing for Carla
    expect(pairsOf(withDismissals(['dan', 'ana', 'ben']), 'carla')).toContain('ana+ben');
  });

  it('scorePair skips the introducers left out but still counts their ties in the structure', () => {
    const index = withDismissals();
    const [ana, ben] = [index.indexOf.get('ana')!, index.indexOf.get('ben')!];
    const weights = PAIR_SCORE_DEFAULTS;
    const all = scorePair(index, ana, ben, { now: NOW, weights });
    expect(index.people[all.introducer]!.id).toBe('carla');
    const without = scorePair(index, ana, ben, { now: NOW, weights, notVia: [index.indexOf.get('carla')!] });
    expect(without.introducer).toBe(-1);
    expect(without.structure).toBe(all.structure);
  });
});
