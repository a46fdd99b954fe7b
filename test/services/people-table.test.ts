/**
 * The table's bookkeeping against plain recomputation: each person's joint rank from the run index equals the
 * profile's jointRank (and a count of who scores strictly better), the reversed order lists everyone once with
 * equal scores in id order, names sort as people read them.
 */
import { describe, expect, it } from 'vitest';
import { jointRank } from '../../src/services/influence.service.ts';
import { cell, matches, nameOrder, parseSort, rankIndex, rankingOrder, scoreRange, type Ranking } from '../../src/services/people-table.ts';
import { seededRng } from '../../src/engine/rng.ts';

/** A ranking as the service sorts one: higher first, non-numbers last, equal scores by id. */
function ranking(scores: Record<string, number>): Ranking {
  const key = (v: number) => (Number.isFinite(v) ? v : -Infinity);
  const ids = Object.keys(scores).sort((a, b) => key(scores[b]!) - key(scores[a]!) || (a < b ? -1 : 1));
  return { ids, scores: Float64Array.from(ids, (id) => scores[id]!) };
}

function randomScores(seed: number, n: number): Record<string, number> {
  const rand = seededRng(seed);
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const r = rand();
    // a few values only, so many share one; some not defined
    out[`p${String(i).padStart(3, '0')}`] = r < 0.1 ? NaN : r < 0.3 ? 0 : Math.floor(r * 8) / 8;
  }
  return out;
}

describe('rankIndex and cell', () => {
  it('give every person the joint rank of the profile, and the ties a count of equal scores gives', () => {
    for (const seed of [1, 2, 3]) {
      const scores = randomScores(seed, 300);
      const r = ranking(scores);
      const indexOf = new Map(Object.keys(scores).map((id, i) => [id, i]));
      const index = rankIndex(r, indexOf);
      for (const [id, i] of indexOf) {
        const c = cell(r, index, i);
        const v = scores[id]!;
        const defined = Number.isFinite(v);
        expect(c.score).toBe(defined ? v : null);
        const better = Object.values(scores).filter((s) => Number.isFinite(s) && (!defined || s > v)).length;
        expect(c.rank, id).toBe(better + 1);
        expect(c.tied, id).toBe(Object.values(scores).filter((s) => (defined ? s === v : !Number.isFinite(s))).length - 1);
        if (defined) expect({ rank: c.rank, tied: c.tied }).toEqual((({ rank, tied }) => ({ rank, tied }))(jointRank(r, r.ids.indexOf(id))));
      }
    }
  });
});

describe('rankingOrder', () => {
  it('keeps the ranking, or reverses its runs of equal scores, each run still in id order, the undefined last either way', () => {
    const scores = randomScores(7, 200);
    const r = ranking(scores);
    const index = rankIndex(r, new Map(Object.keys(scores).map((id, i) => [id, i])));
    expect(rankingOrder(r, index, false)).toEqual(r.ids);
    const reversed = rankingOrder(r, index, true);
    expect([...reversed].sort()).toEqual([...r.ids].sort());
    const undefinedCount = Object.values(scores).filter((v) => !Number.isFinite(v)).length;
    expect(undefinedCount).toBeGreaterThan(5);
    const defined = reversed.slice(0, reversed.length - undefinedCount);
    expect(reversed.slice(defined.length).every((id) => !Number.isFinite(scores[id]!))).toBe(true);
    expect(reversed.slice(defined.length)).toEqual([...reversed.slice(defined.length)].sort());
    for (let k = 1; k < defined.length; k++) {
      const [a, b] = [defined[k - 1]!, defined[k]!];
      expect(scores[a]!).toBeLessThanOrEqual(scores[b]!);
      if (scores[a] === scores[b]) expect(a < b).toBe(true);
    }
  });
});

describe('names, filter, sort and range', () => {
  it('orders names case and accents aside, numbers by value, then by id', () => {
    const people = [
      { id: 'c', name: 'émile' },
      { id: 'a', name: 'Zoë' },
      { id: 'b', name: 'Emile' },
      { id: 'd', name: 'user 10' },
      { id: 'e', name: 'user 9' },
    ];
    expect(nameOrder(people)).toEqual(['b', 'c', 'e', 'd', 'a']);
  });

  it('matches part of a name or id, case aside', () => {
    expect(matches({ id: 'p-cross', name: 'Nia Okafor' }, 'oKA')).toBe(true);
    expect(matches({ id: 'p-cross', name: 'Nia Okafor' }, 'CROSS')).toBe(true);
    expect(matches({ id: 'p-cross', name: 'Nia Okafor' }, 'zara')).toBe(false);
  });

  it('reads a leading - as reversed', () => {
    expect(parseSort('pagerank')).toEqual({ by: 'pagerank', reverse: false });
    expect(parseSort('-name')).toEqual({ by: 'name', reverse: true });
  });

  it('finds the range of the scores that are numbers', () => {
    expect(scoreRange({ ids: ['a', 'b', 'c'], scores: Float64Array.of(3, NaN, -1) })).toEqual({ min: -1, max: 3 });
    expect(scoreRange({ ids: ['a'], scores: Float64Array.of(NaN) })).toEqual({ min: 0, max: 0 });
  });
});
