/**
 * A network of dated trust ties and no events still has a history: /api/meta gives the ties' time range (so the
 * explorer shows its time slider), and the map of trust's timeline runs from the first tie formed to the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const since = { ab: '2020-01-01T00:00:00.000Z', bc: '2021-06-01T00:00:00.000Z', ca: '2023-03-01T00:00:00.000Z' };
beforeAll(async () => {
  t = await startTestApp();
  for (const id of ['a', 'b', 'c', 'd']) expect((await t.send('POST', '/api/people', { id, name: id.toUpperCase() })).status).toBe(201);
  const ties = [
    { from: 'a', to: 'b', trust: 0.9, since: since.ab },
    { from: 'b', to: 'c', trust: 0.8, since: since.bc },
    { from: 'c', to: 'a', trust: 0.7, since: since.ca },
    { from: 'd', to: 'a', trust: 0.6 }, // undated: always there
  ];
  for (const tie of ties) expect((await t.send('POST', '/api/ties', tie)).status).toBe(201);
}, 300_000);
afterAll(async () => {
  await t.close();
});

describe('a network of dated ties alone', () => {
  it("gives the ties' time range in /api/meta", async () => {
    const meta = (await t.get('/api/meta')).body;
    expect(meta.counts).toMatchObject({ events: 0, ties: 4 });
    expect(meta.timeRange).toEqual({ from: since.ab, to: since.ca });
  });

  it('runs the map of trust in time from the first tie formed to the last, counting the ties standing', async () => {
    const tl = (await t.get('/api/timeline?steps=3&limit=10&basis=trust')).body;
    expect(tl.basis).toBe('trust');
    expect(tl.times.map((x: number) => new Date(x).toISOString())).toEqual([since.ab, new Date((Date.parse(since.ab) + Date.parse(since.ca)) / 2).toISOString(), since.ca]);
    // the undated tie and a → b at the start; b → c by the middle; all four at the end
    expect(tl.ties).toEqual([2, 3, 4]);
  });

  it("tables everyone on the trust ties, the server's choice with no event, and names the CSV after them", async () => {
    const table = (await t.get('/api/influence/table?columns=pagerank,in-degree')).body;
    expect(table.layer).toBe('ties');
    const ranking = (await t.get('/api/influence?metric=pagerank&layer=ties')).body;
    expect(table.items.map((i: { id: string }) => i.id)).toEqual(ranking.items.map((i: { id: string }) => i.id));
    const res = await fetch(`${t.url}/api/influence/table.csv?columns=pagerank`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="catalyst-table-trust.csv"');
    // with no event, nobody's influence has a curve: no fade, no comeback, as their profiles say
    const curves = (await t.get('/api/influence/table?columns=fade,comeback')).body;
    expect(curves.items.map((i: { cells: { score: number | null; fadeClass?: string }[] }) => [i.cells[0]!.score, i.cells[0]!.fadeClass, i.cells[1]!.score])).toEqual(
      Array(4).fill([null, 'none', 0]),
    );
    expect((await t.get('/api/people/a/curve')).body.fadeClass).toBe('none');
  });

  it('has no time range with no dated tie either', async () => {
    for (const id of ['a->b', 'b->c', 'c->a']) expect((await t.send('PATCH', `/api/ties/${encodeURIComponent(id)}`, { since: null })).status).toBe(200);
    expect((await t.get('/api/meta')).body.timeRange).toBeNull();
  });
});
