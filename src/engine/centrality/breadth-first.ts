/**
 * Single-source breadth-first search over CSR rows, the shared step of closeness and harmonic centrality.
 *
 * One workspace is reused for every source: distances are reset only where the last search wrote them, so n
 * searches cost O(n · (n + arcs)) in all and O(n) memory, never O(n²).
 */
export class BreadthFirstWorkspace {
  /** hops from the last source, −1 where unreached */
  readonly distance: Int32Array;
  /** the nodes reached by the last search, in visiting order (`queue[0]` is the source) */
  readonly queue: Uint32Array;
  private reached = 0;

  constructor(order: number) {
    this.distance = new Int32Array(order).fill(-1);
    this.queue = new Uint32Array(order);
  }

  /** Searches from `source` along the rows (`offsets`, `neighbors`); returns how many nodes it reached. */
  search(offsets: Uint32Array, neighbors: Uint32Array, source: number): number {
    const { distance, queue } = this;
    for (let i = 0; i < this.reached; i++) distance[queue[i]] = -1;
    distance[source] = 0;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++];
      const next = distance[u] + 1;
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
        const v = neighbors[k];
        if (distance[v] < 0) {
          distance[v] = next;
          queue[tail++] = v;
        }
      }
    }
    this.reached = tail;
    return tail;
  }
}
