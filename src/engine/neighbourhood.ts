/**
 * A person's neighbourhood: everyone within `hops` steps of them, along links either way (whom they influenced and
 * who influenced them; whom they trust and who trusts them), as the ego filters of Gephi and Kumu's focus take it.
 *
 * Breadth-first over graphology's neighbour lists: O(nodes reached + their links), nothing for the rest of the graph.
 */
import type { AbstractGraph } from 'graphology-types';
import { checkInteger } from './time/errors.ts';

const MODULE = 'neighbourhood';

/** The most steps a neighbourhood reaches: three already covers most of a small-world network. */
export const MAX_HOPS = 3;

/**
 * Each person within `hops` steps of `source` (itself at 0), with how many steps away, in visiting order
 * (nearest first). A source that is not a node of the graph is its own neighbourhood.
 */
export function neighbourhood(graph: AbstractGraph, source: string, hops: number): Map<string, number> {
  checkInteger(MODULE, 'hops', hops, 1, MAX_HOPS);
  const distance = new Map<string, number>([[source, 0]]);
  if (!graph.hasNode(source)) return distance;
  let frontier = [source];
  for (let step = 1; step <= hops && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (other) => {
        if (distance.has(other)) return;
        distance.set(other, step);
        next.push(other);
      });
    }
    frontier = next;
  }
  return distance;
}
