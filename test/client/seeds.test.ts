import { describe, expect, it } from 'vitest';
import { seedsNote, seedsSummary } from '../../client/src/panel/seeds.ts';

const named = (...names: string[]) => names.map((name, i) => ({ id: `p${i}`, name }));

describe("Trusted PageRank's seeds in words", () => {
  it('names the first two and counts the rest', () => {
    expect(seedsSummary(named('Helena Brandt', 'Camaria Mariman', 'Ivinan Halieau', 'Danae Eveley'))).toBe('Helena Brandt, Camaria Mariman and 2 more');
    expect(seedsSummary(named('Helena Brandt', 'Camaria Mariman'))).toBe('Helena Brandt and Camaria Mariman');
    expect(seedsSummary(named('Helena Brandt'))).toBe('Helena Brandt');
    expect(seedsSummary(null)).toBe('no one yet');
    expect(seedsSummary([])).toBe('no one yet');
  });

  it("says whose list it is: the trust network's proposal or the user's own", () => {
    expect(seedsNote(named('a', 'b', 'c'), false)).toMatch(/^The 3 most trusted people \(trust PageRank\), in no suspected ring\. Rank flows out from them only/);
    expect(seedsNote(named('a'), false)).toMatch(/^The most trusted person \(trust PageRank\)/);
    expect(seedsNote(named('a', 'b'), true)).toMatch(/^Your 2 seeds\. /);
    expect(seedsNote(named('a'), true)).toMatch(/^Your seed\. /);
    expect(seedsNote(null, false)).toMatch(/^No seeds yet: add someone you know to be genuine\./);
  });
});
