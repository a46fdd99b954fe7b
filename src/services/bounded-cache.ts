/**
 * A cache that keeps some entries whole and others only up to a count: the analysis keeps every all-time ranking of
 * a version (a few per metric and slice), but a ranking at a time only among the most recently used, since a
 * profile or a table opened at each stop of the slider asks for new ones without end (on Slashdot each is about
 * 2 MB with its rank index). Map order is the order of use: a hit moves a bounded entry to the end.
 */

/** The value under `key`, made the most recently used when it is one of the bounded entries. */
export function recall<V>(cache: Map<string, V>, key: string, bounded: boolean): V | undefined {
  const value = cache.get(key);
  if (value !== undefined && bounded) {
    cache.delete(key);
    cache.set(key, value);
  }
  return value;
}

/**
 * Stores `value` under `key`. A bounded entry first makes room: while `max` entries that `isBounded` picks are kept,
 * the least recently used of them goes. The others are never dropped.
 */
export function remember<V>(cache: Map<string, V>, key: string, value: V, bounded: boolean, isBounded: (key: string) => boolean, max: number): void {
  if (bounded) {
    const kept = [...cache.keys()].filter((k) => k !== key && isBounded(k));
    for (let k = 0; k <= kept.length - max; k++) cache.delete(kept[k]!);
  }
  cache.delete(key);
  cache.set(key, value);
}
