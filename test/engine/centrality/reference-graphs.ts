/**
 * The graphs behind ../shared/reference/*.json, built exactly as tools/networkx_reference.py builds them, and a
 * comparison that reports the largest deviation from a NetworkX reference.
 */
import { readFileSync } from 'node:fs';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { sharedPath } from '../../support/shared.ts';

export type SmallGraphName = 'karate_club' | 'les_miserables' | 'florentine_families';

/** Undirected; `weight` from the third column, or 1 when the file has none (networkx's read_csv_edges). */
export function loadSmallGraph(name: SmallGraphName): UndirectedGraph {
  const file = { karate_club: 'karate_club_edges.csv', les_miserables: 'les_miserables_edges.csv', florentine_families: 'florentine_families_edges.csv' }[name];
  const lines = readFileSync(sharedPath('data', 'small', file), 'utf8').split('\n').slice(1);
  const graph = new UndirectedGraph();
  for (const line of lines) {
    if (line === '') continue;
    const [source, target, weight] = line.split(',');
    graph.mergeEdge(source, target, { weight: weight === undefined ? 1 : Number(weight) });
  }
  return graph;
}

/** Directed influence edges ratee → rater, weight = Σ |rating| (read_signed_ratings). */
export function loadBitcoinOtc(): DirectedGraph {
  const graph = new DirectedGraph();
  for (const line of readFileSync(sharedPath('data', 'bitcoin-otc', 'soc-sign-bitcoinotc.csv'), 'utf8').split('\n')) {
    if (line === '') continue;
    const [rater, ratee, rating] = line.split(',');
    addWeight(graph, ratee, rater, Math.abs(Number(rating)));
  }
  return graph;
}

/** Directed sender → recipient, weight = number of messages (read_messages). */
export function loadCollegeMsg(): DirectedGraph {
  const graph = new DirectedGraph();
  for (const line of readFileSync(sharedPath('data', 'college-msg', 'CollegeMsg.txt'), 'utf8').split('\n')) {
    if (line === '') continue;
    const [sender, recipient] = line.split(' ');
    addWeight(graph, sender, recipient, 1);
  }
  return graph;
}

function addWeight(graph: DirectedGraph, source: string, target: string, weight: number): void {
  graph.updateEdge(source, target, (attributes: Record<string, unknown>) => ({ ...attributes, weight: ((attributes.weight as number | undefined) ?? 0) + weight }));
}

/**
 * The largest |ours − reference| over all nodes. The node sets must be equal; a reference `null` (NaN in
 * networkx) must be NaN here. Returns Infinity on any mismatch so the assertion fails loudly.
 */
export function maxDeviation(ours: Record<string, number>, reference: Record<string, number | null>): number {
  const keys = Object.keys(reference);
  if (Object.keys(ours).length !== keys.length) return Infinity;
  let worst = 0;
  for (const key of keys) {
    const expected = reference[key];
    const actual = ours[key];
    if (actual === undefined) return Infinity;
    if (expected === null) {
      if (!Number.isNaN(actual)) return Infinity;
      continue;
    }
    const deviation = Math.abs(actual - expected);
    if (!(deviation <= worst)) worst = deviation;
  }
  return worst;
}
