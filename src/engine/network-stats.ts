/**
 * The whole network in numbers, as Gephi's Statistics panel and networkx's summaries give them: how many people and
 * links, density, links per person, reciprocity, weakly connected components, people with no link, the largest
 * in- and out-degrees, and the degree distributions in doubling bins.
 *
 * On the simple directed graph (parallel edges merged, self-loops left out, unweighted), as networkx's DiGraph holds
 * it: density = m / (n (n − 1)) (`nx.density`), reciprocity = the share of links u → v whose v → u exists too
 * (`nx.overall_reciprocity`), components are weakly connected (`nx.number_weakly_connected_components`), counting
 * an isolated person as one.
 *
 * Cost: the CSR (cached per graph) plus O(n + m log d) for reciprocity (a binary search per link in its target's
 * sorted row) and O((n + m) α(n)) for the components (union–find).
 */
import { type AnyGraph, csrOf } from './csr.ts';

export interface DegreeBin {
  /** the bin holds degrees from..to (0..0, 1..1, 2..3, 4..7, …) */
  from: number;
  to: number;
  count: number;
}

export interface NetworkStats {
  people: number;
  /** directed links between two different people (merged) */
  links: number;
  density: number;
  /** links / people: the mean out-degree (and in-degree) */
  linksPerPerson: number;
  /** share of links returned the other way; NaN without links */
  reciprocity: number;
  components: { count: number; largest: number };
  /** people with no link either way */
  isolated: number;
  maxIn: { id: string; degree: number } | null;
  maxOut: { id: string; degree: number } | null;
  inDegrees: DegreeBin[];
  outDegrees: DegreeBin[];
}

/** Degrees counted in doubling bins: 0, 1, 2–3, 4–7, …, up to the largest. */
export function degreeBins(degrees: ArrayLike<number>): DegreeBin[] {
  let max = 0;
  for (let i = 0; i < degrees.length; i++) if (degrees[i]! > max) max = degrees[i]!;
  const bins: DegreeBin[] = [{ from: 0, to: 0, count: 0 }];
  for (let from = 1; from <= max; from *= 2) bins.push({ from, to: from * 2 - 1, count: 0 });
  for (let i = 0; i < degrees.length; i++) {
    const d = degrees[i]!;
    bins[d === 0 ? 0 : Math.floor(Math.log2(d)) + 1]!.count++;
  }
  return bins;
}

/** Whether the sorted row `targets[lo..hi)` holds `value`. */
function rowHas(targets: Uint32Array, lo: number, hi: number, value: number): boolean {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = targets[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * The numbers of a directed graph; with `only`, of the subgraph of those people (a sector's slice: the people its
 * events involve), everyone else and their links left out.
 */
export function networkStats(graph: AnyGraph, options: { only?: ReadonlySet<string> | null } = {}): NetworkStats {
  const csr = csrOf(graph, { getEdgeWeight: null });
  const n = csr.order;
  const only = options.only ?? null;
  const kept = Uint8Array.from(csr.keys, (key) => (only === null || only.has(key) ? 1 : 0));
  const { outOffsets, outTargets } = csr;
  const inDegree = new Uint32Array(n);
  const outDegree = new Uint32Array(n);
  // union–find with path halving, by size
  const parent = Uint32Array.from({ length: n }, (_, i) => i);
  const size = new Uint32Array(n).fill(1);
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let links = 0;
  let returned = 0;
  for (let u = 0; u < n; u++) {
    for (let k = outOffsets[u]!, end = outOffsets[u + 1]!; k < end; k++) {
      const v = outTargets[k]!;
      if (v === u || !kept[u] || !kept[v]) continue;
      links++;
      outDegree[u]!++;
      inDegree[v]!++;
      if (rowHas(outTargets, outOffsets[v]!, outOffsets[v + 1]!, u)) returned++;
      let a = find(u);
      let b = find(v);
      if (a === b) continue;
      if (size[a]! < size[b]!) [a, b] = [b, a];
      parent[b] = a;
      size[a]! += size[b]!;
    }
  }
  let components = 0;
  let largest = 0;
  let isolated = 0;
  let maxIn = -1;
  let maxOut = -1;
  let people = 0;
  for (let i = 0; i < n; i++) {
    if (!kept[i]) continue;
    people++;
    if (find(i) === i) {
      components++;
      if (size[i]! > largest) largest = size[i]!;
    }
    if (inDegree[i] === 0 && outDegree[i] === 0) isolated++;
    if (maxIn < 0 || inDegree[i]! > inDegree[maxIn]!) maxIn = i;
    if (maxOut < 0 || outDegree[i]! > outDegree[maxOut]!) maxOut = i;
  }
  const top = (i: number, degree: Uint32Array) => (i >= 0 && degree[i]! > 0 ? { id: csr.keys[i]!, degree: degree[i]! } : null);
  return {
    people,
    links,
    density: people > 1 ? links / (people * (people - 1)) : 0,
    linksPerPerson: people > 0 ? links / people : 0,
    reciprocity: links > 0 ? returned / links : Number.NaN,
    components: { count: components, largest },
    isolated,
    maxIn: top(maxIn, inDegree),
    maxOut: top(maxOut, outDegree),
    inDegrees: degreeBins(inDegree.filter((_d, i) => kept[i])),
    outDegrees: degreeBins(outDegree.filter((_d, i) => kept[i])),
  };
}
