/**
 * A counter bumped by every write. Caches (projections, metrics) remember the version they were computed
 * at and recompute when it moved.
 *
 * A write says what it changed: `graph` (people, events, ties: what the influence graph, the acquaintances and
 * their communities are built from) or `introductions` (introductions and dismissed suggestions only). The
 * latter leaves `graph` where it was, so the analysis keeps its graphs and re-reads only the introductions
 * (influence.service.ts, suggestions.service.ts): recording or hiding a suggestion does not rebuild a large
 * network.
 */
export type Change = 'graph' | 'introductions';

/** What a cache reads of the version: where the store is now (a GraphVersion, or a copy of one in another thread). */
export interface VersionSource {
  readonly current: number;
  /** the version of the last change to people, events or ties (at most `current`) */
  readonly graph: number;
}

export class GraphVersion implements VersionSource {
  private value = 0;
  private graphValue = 0;
  private readonly listeners = new Set<(version: number) => void>();

  get current(): number {
    return this.value;
  }

  /** The version of the last change to people, events or ties (at most `current`). */
  get graph(): number {
    return this.graphValue;
  }

  bump(change: Change = 'graph'): void {
    this.value += 1;
    if (change === 'graph') this.graphValue = this.value;
    for (const l of this.listeners) l(this.value);
  }

  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
