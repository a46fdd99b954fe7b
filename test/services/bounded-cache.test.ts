/** The analysis's ranking cache: entries at a time are kept up to a count, least recently used out first; the rest always. */
import { describe, expect, it } from 'vitest';
import { recall, remember } from '../../src/services/bounded-cache.ts';

const timed = (key: string) => key.startsWith('t');

describe('remember and recall', () => {
  it('keeps at most `max` bounded entries, dropping the least recently used, and every other entry', () => {
    const cache = new Map<string, number>();
    remember(cache, 'all-pagerank', 0, false, timed, 2);
    remember(cache, 't1', 1, true, timed, 2);
    remember(cache, 't2', 2, true, timed, 2);
    // t1 used again: t2 is now the least recently used
    expect(recall(cache, 't1', true)).toBe(1);
    remember(cache, 't3', 3, true, timed, 2);
    expect([...cache.keys()].sort()).toEqual(['all-pagerank', 't1', 't3']);
    for (let k = 4; k < 40; k++) remember(cache, `t${k}`, k, true, timed, 2);
    expect([...cache.keys()].sort()).toEqual(['all-pagerank', 't38', 't39']);
    // unbounded entries are never dropped
    for (let k = 0; k < 10; k++) remember(cache, `all-${k}`, k, false, timed, 2);
    expect(cache.size).toBe(13);
    expect(recall(cache, 't2', true)).toBeUndefined();
  });

  it('stores a key again in place of the old value, not beside it', () => {
    const cache = new Map<string, number>();
    remember(cache, 't1', 1, true, timed, 1);
    remember(cache, 't1', 2, true, timed, 1);
    expect([...cache]).toEqual([['t1', 2]]);
  });
});
