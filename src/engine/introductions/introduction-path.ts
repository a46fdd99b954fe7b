/**
 * How can a reach b? The most trusted chain of introductions from a to b: a asks someone they know to introduce
 * them onwards, who asks someone they know, until someone who knows b makes the last introduction.
 *
 * A hop x – y is usable when the two are directly tied (a KNOWS tie either way, or they have corresponded:
 * acquaintance-graph.ts's `tied`; a one-way reach is not knowing someone) and each trusts the other at least
 * `minTrust`. Its strength is the weaker of the two trusts, min(t(x→y), t(y→x)): an introduction is asked for
 * one way and vouched for the other, and is only as good as the weaker side. A chain's strength is the product
 * of its hops' strengths (every hop must hold), so a short chain of strong ties beats a long one, and the
 * chain returned is the strongest with at most `maxHops` hops (the fewest hops among equally strong ones).
 *
 * Each hop after the first is an introduction of a: in a → x → y → b, x introduces a to y, then y introduces a
 * to b. `refuses(x, y)` leaves out a hop x → y (x ≠ a) that should not be asked for: x will not introduce a and
 * y, or one of the two asked not to be suggested the other. The first hop, to someone a knows, is never refused.
 *
 * Hop-bounded Bellman–Ford on max-product (equivalently, shortest paths on −ln strength with at most k edges):
 * round h relaxes only the people whose best strength improved in round h − 1. Strengths are ≤ 1, so no cycle
 * ever improves a chain and the chain found is simple. Cost O(maxHops · E) time in the worst case, and
 * O(maxHops · n) memory for the per-round parents.
 */
import { findEntry, type AcquaintanceGraph } from './acquaintance-graph.ts';
import { checkNumber, IntroductionInputError } from './errors.ts';
import { PAIR_SCORE_DEFAULTS } from './pair-score.ts';

const MODULE = 'introductions/introduction-path';

export interface IntroductionPathOptions {
  /** the longest chain considered, in hops (1: only people a already knows) */
  maxHops: number;
  /** least trust each side of a hop must have in the other */
  minTrust: number;
  /** whether the introduction of a (`from`) to `to` by `introducer` must not be asked for; null: none is refused */
  refuses: ((introducer: number, to: number) => boolean) | null;
}

/** minTrust: the bar a suggestion's introducer must clear (pair-score.ts), so both features agree on trust. */
export const INTRODUCTION_PATH_DEFAULTS: IntroductionPathOptions = { maxHops: 4, minTrust: PAIR_SCORE_DEFAULTS.minTrust, refuses: null };
export const MAX_PATH_HOPS = 6;

export interface PathHop {
  from: number;
  to: number;
  /** t(from → to) */
  trustForward: number;
  /** t(to → from) */
  trustBack: number;
  /** epoch ms of their latest contact, NaN when undated */
  lastContact: number;
}

export interface IntroductionPath {
  /** a, the people who introduce onwards, b */
  people: number[];
  hops: PathHop[];
  /** Π over hops of min(trustForward, trustBack), in (0, 1] */
  strength: number;
}

export function introductionPath(graph: AcquaintanceGraph, from: number, to: number, options: Partial<IntroductionPathOptions> = {}): IntroductionPath | null {
  const o: IntroductionPathOptions = { ...INTRODUCTION_PATH_DEFAULTS, ...options };
  checkNumber(MODULE, 'maxHops', o.maxHops, 1, MAX_PATH_HOPS);
  if (!Number.isInteger(o.maxHops)) throw new IntroductionInputError(MODULE, 'invalid_option', `maxHops must be a whole number, got ${o.maxHops}`);
  checkNumber(MODULE, 'minTrust', o.minTrust, 0, 1);
  const { n, offsets, neighbours, trustOut, trustIn, tied } = graph;
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new IntroductionInputError(MODULE, 'invalid_option', `${name} must be a person index in [0, ${n}), got ${v}`);
  }
  if (from === to) throw new IntroductionInputError(MODULE, 'invalid_option', 'a chain needs two different people');

  const best = new Float64Array(n);
  best[from] = 1;
  /** parents[h · n + v]: v's predecessor when round h improved v, else −1 */
  const parents = new Int32Array(o.maxHops * n).fill(-1);
  let frontier = [from];
  for (let h = 0; h < o.maxHops && frontier.length > 0; h++) {
    const improved: number[] = [];
    const snapshot = frontier.map((u) => best[u]);
    for (let f = 0; f < frontier.length; f++) {
      const u = frontier[f];
      const su = snapshot[f];
      // a chain already weaker than the best known to b cannot become stronger by going on
      if (su <= best[to]) continue;
      const refuses = u === from ? null : o.refuses;
      for (let e = offsets[u]; e < offsets[u + 1]; e++) {
        if (!tied[e]) continue;
        const strength = Math.min(trustOut[e], trustIn[e]);
        if (strength < o.minTrust || !(strength > 0)) continue;
        const v = neighbours[e];
        if (refuses !== null && refuses(u, v)) continue;
        const s = su * strength;
        if (s > best[v]) {
          if (parents[h * n + v] === -1) improved.push(v);
          best[v] = s;
          parents[h * n + v] = u;
        }
      }
    }
    frontier = improved;
  }
  if (!(best[to] > 0)) return null;

  // Walk back from b: a person not improved in round h kept the value it had after round h − 1.
  const people = [to];
  let v = to;
  for (let h = o.maxHops - 1; h >= 0 && v !== from; h--) {
    const u = parents[h * n + v];
    if (u === -1) continue;
    people.push(u);
    v = u;
  }
  people.reverse();
  const hops: PathHop[] = [];
  for (let k = 0; k + 1 < people.length; k++) {
    const x = people[k];
    const y = people[k + 1];
    const e = findEntry(graph, x, y);
    hops.push({ from: x, to: y, trustForward: trustOut[e], trustBack: trustIn[e], lastContact: graph.lastContact[e] });
  }
  return { people, hops, strength: best[to] };
}
