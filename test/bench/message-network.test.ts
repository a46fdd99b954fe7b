import { describe, expect, it } from 'vitest';
import { messageNetwork } from '../../bench/message-network.ts';
import { readTemporalEdges, type TemporalEdge } from '../../bench/temporal-edges.ts';
import { ProjectionBuilder, type Projection } from '../../src/domain/projection.ts';
import { buildIntroductionIndex } from '../../src/engine/introductions/introduction-index.ts';
import { seededRng } from '../../src/engine/rng.ts';
import { sharedPath } from '../support/shared.ts';

/** The plain construction the evaluation used to make: one event per message. */
function oneEventPerMessage(rows: readonly TemporalEdge[], lo: number, hi: number): Projection {
  const p = new ProjectionBuilder();
  const inWindow = rows.filter((r) => r.t >= lo && r.t < hi && r.src !== r.dst);
  for (const id of [...new Set(inWindow.flatMap((r) => [r.src, r.dst]))].sort((x, y) => x - y)) {
    p.person({ id: String(id), name: String(id), sectors: [], offers: [], seeks: [] });
  }
  inWindow.forEach((r, k) => {
    p.event({ id: `m${k}`, at: r.t * 1000, magnitude: 1, valence: 0, kind: 'message', sector: 'general', medium: 'message' });
    p.drive(`m${k}`, String(r.src));
    p.reach(`m${k}`, String(r.dst));
  });
  return p.build();
}

/** Both constructions give the same people, acquaintance graph, openness and latest time, to the bit. */
function expectSameIndex(rows: readonly TemporalEdge[], lo: number, hi: number): void {
  const network = messageNetwork(rows, lo, hi);
  const a = buildIntroductionIndex(network.projection, { communities: { seed: 1 } });
  const b = buildIntroductionIndex(oneEventPerMessage(rows, lo, hi), { communities: { seed: 1 } });
  expect(a.people.map((p) => p.id)).toEqual(b.people.map((p) => p.id));
  for (const field of ['offsets', 'neighbours', 'trustOut', 'trustIn', 'lastContact', 'firstContact', 'volume', 'tied'] as const) {
    expect(a.graph[field], field).toEqual(b.graph[field]);
  }
  expect(a.openness).toEqual(b.openness);
  expect(a.latestTime).toBe(b.latestTime);
  expect(a.communities.label).toEqual(b.communities.label);
  expect(a.communities.count).toBe(b.communities.count);
}

describe('the evaluation network (bench/message-network.ts)', () => {
  it('is the same network as one event per message, with repeated pairs, self-messages and equal times', () => {
    const rng = seededRng(11);
    const rows: TemporalEdge[] = [];
    for (let k = 0; k < 3000; k++) {
      const src = Math.floor(rng() ** 2 * 30); // a few busy senders
      const dst = rng() < 0.02 ? src : Math.floor(rng() * 30);
      rows.push({ src, dst, t: 1_200_000_000 + Math.floor(rng() * 400) * 3600 }); // many equal times
    }
    rows.sort((x, y) => x.t - y.t);
    const lo = rows[0].t;
    const hi = rows[Math.floor(rows.length * 0.8)].t;
    expectSameIndex(rows, lo, hi);
    const network = messageNetwork(rows, lo, hi);
    expect(network.rows).toBe(rows.filter((r) => r.t >= lo && r.t < hi).length);
    const directed = new Set(rows.filter((r) => r.t >= lo && r.t < hi && r.src !== r.dst).map((r) => `${r.src}>${r.dst}`)).size;
    expect(network.projection.events.count).toBeLessThanOrEqual(2 * directed);
    expect(network.projection.events.count).toBeLessThan(network.rows * 0.6);
  });

  it('on CollegeMsg (from ../shared/data) as well', () => {
    const { rows } = readTemporalEdges(sharedPath('data/college-msg/CollegeMsg.txt'));
    const lo = rows[0].t;
    expectSameIndex(rows, lo, lo + 0.8 * (rows[rows.length - 1].t - lo));
  });
});
