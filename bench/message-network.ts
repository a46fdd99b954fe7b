/**
 * The training network of the introduction evaluation: the messages of a time window as a Projection, one
 * person per sender or recipient (ids as strings, in ascending order), sender DROVE and recipient REACHED.
 *
 * The messages from one sender to one recipient enter as at most two events, the first (REACHED weight 1) and
 * the last (weight: all the others). The acquaintance graph keeps of a pair's messages only their total weight,
 * the first and the last contact and the latest time overall (acquaintance-graph.ts), so it is the same as with
 * one event per message (test/bench/message-network.test.ts checks it), at a small part of the memory and time
 * on files of millions of rows.
 */
import { ProjectionBuilder, type Projection } from '../src/domain/projection.ts';
import type { TemporalEdge } from './temporal-edges.ts';

export interface MessageNetwork {
  projection: Projection;
  /** rows with lo ≤ t < hi, self-messages included */
  rows: number;
}

/** `rows` sorted by time (seconds); the window is lo ≤ t < hi; `sectorOf` gives a person's sector, if any. */
export function messageNetwork(rows: readonly TemporalEdge[], lo: number, hi: number, sectorOf: (id: number) => string | undefined = () => undefined): MessageNetwork {
  const slotOf = new Map<number, Map<number, number>>();
  const from: number[] = [];
  const to: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const count: number[] = [];
  let inWindow = 0;
  for (const r of rows) {
    if (r.t < lo || r.t >= hi) continue;
    inWindow++;
    if (r.src === r.dst) continue;
    let row = slotOf.get(r.src);
    if (row === undefined) slotOf.set(r.src, (row = new Map()));
    const j = row.get(r.dst);
    if (j === undefined) {
      row.set(r.dst, from.length);
      from.push(r.src);
      to.push(r.dst);
      first.push(r.t);
      last.push(r.t);
      count.push(1);
    } else {
      if (r.t < first[j]) first[j] = r.t;
      if (r.t > last[j]) last[j] = r.t;
      count[j]++;
    }
  }
  const p = new ProjectionBuilder();
  const ids = [...new Set([...from, ...to])].sort((x, y) => x - y);
  for (const id of ids) {
    const sector = sectorOf(id);
    p.person({ id: String(id), name: String(id), sectors: sector ? [sector] : [], offers: [], seeks: [] });
  }
  const message = (id: string, at: number, src: number, dst: number, weight: number) => {
    p.event({ id, at: at * 1000, magnitude: 1, valence: 0, kind: 'message', sector: 'general', medium: 'message' });
    p.drive(id, String(src));
    p.reach(id, String(dst), weight);
  };
  for (let j = 0; j < from.length; j++) {
    message(`f${j}`, first[j], from[j], to[j], 1);
    if (count[j] > 1) message(`l${j}`, last[j], from[j], to[j], count[j] - 1);
  }
  return { projection: p.build(), rows: inWindow };
}
