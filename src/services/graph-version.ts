/**
 * A counter bumped by every write. Caches (projections, metrics) remember the version they were computed
 * at and recompute when it moved.
 */
export class GraphVersion {
  private value = 0;
  private readonly listeners = new Set<(version: number) => void>();

  get current(): number {
    return this.value;
  }

  bump(): void {
    this.value += 1;
    for (const l of this.listeners) l(this.value);
  }

  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
