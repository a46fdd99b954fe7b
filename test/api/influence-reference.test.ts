/**
 * End to end against NetworkX: bitcoin-otc imported as snap-signed into the real Neo4j, read back as the
 * projection, ranked through the API — GET /api/influence?metric=pagerank must reproduce
 * influence_pagerank_weighted of ../shared/reference/bitcoin_otc.json (alpha 0.85).
 */
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { loadReference, sharedPath } from '../support/shared.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const file = sharedPath('data/bitcoin-otc/soc-sign-bitcoinotc.csv');
  await t.services.importer.import({ format: 'snap-signed', open: () => createReadStream(file) });
}, 600_000);
afterAll(async () => {
  await t.close();
});

describe('bitcoin-otc through Neo4j and the API', () => {
  it('influence PageRank equals NetworkX (weighted) within 1e-6 for all 5,881 people', async () => {
    const ref = loadReference('bitcoin_otc').metrics.influence_pagerank_weighted!;
    const res = await t.get('/api/influence?metric=pagerank&limit=10000');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(5881);
    let maxDiff = 0;
    for (const item of res.body.items as { id: string; score: number }[]) {
      expect(ref[item.id], `reference has ${item.id}`).toBeDefined();
      maxDiff = Math.max(maxDiff, Math.abs(item.score - ref[item.id]!));
    }
    expect(maxDiff).toBeLessThan(1e-6);
    const refTop = Object.entries(ref).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id]) => id);
    expect(res.body.items.slice(0, 10).map((i: { id: string }) => i.id)).toEqual(refTop);
  });

  it('the influence graph has the reference node and edge counts', async () => {
    const g = (await t.get('/api/graph?limit=1')).body;
    const ref = loadReference('bitcoin_otc');
    expect(g.total).toEqual({ nodes: ref.nodes, edges: ref.edges });
  });

  it('Trusted PageRank with no trust ties stored asks for seeds, and runs on the ones given', async () => {
    expect((await t.get('/api/meta')).body.counts.ties).toBe(0);
    const none = await t.get('/api/influence?metric=pagerank-personalized');
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('needs trusted seeds: add seeds=ID,ID');
    expect((await t.get('/api/graph?metric=pagerank-personalized')).status).toBe(400);
    // the profile leaves it out rather than fail
    expect((await t.get('/api/people/35/influence')).body.scores['pagerank-personalized']).toBeUndefined();
    const given = await t.get('/api/influence?metric=pagerank-personalized&seeds=35,2642&limit=3');
    expect(given.status).toBe(200);
    expect(given.body.seeds.map((x: { id: string }) => x.id)).toEqual(['35', '2642']);
  });

  it('in-degree and HITS authorities agree with NetworkX', async () => {
    const ref = loadReference('bitcoin_otc').metrics;
    for (const [metric, key] of [
      ['in-degree', 'in_degree_centrality'],
      ['hits-authority', 'hits_authorities'],
    ] as const) {
      const res = await t.get(`/api/influence?metric=${metric}&limit=10000`);
      let maxDiff = 0;
      for (const item of res.body.items as { id: string; score: number }[]) maxDiff = Math.max(maxDiff, Math.abs(item.score - ref[key]![item.id]!));
      expect(maxDiff, metric).toBeLessThan(1e-6);
    }
  });
});
