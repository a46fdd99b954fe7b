/**
 * Introduction suggestions through the API on the demo world: Ana should meet Omar through Helena; Helena's
 * best pairs are complementary; a recorded introduction drops out; errors are clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.services.demo.load({ seed: 42 });
}, 300_000);
afterAll(async () => {
  await t.close();
});

interface Item {
  a: { id: string; name: string };
  b: { id: string; name: string };
  introducer: { id: string; name: string };
  score: number;
  reasons: { aOffersBSeeks: string[]; bOffersASeeks: string[]; trustAInIntroducer: number; trustBInIntroducer: number; summary: string };
}

describe('GET /api/introductions/suggestions', () => {
  it('whom should Ana meet? Omar, introduced by Helena, for funding and engineering', async () => {
    const res = await t.get('/api/introductions/suggestions?person=p-ana&limit=5');
    expect(res.status).toBe(200);
    const omar = (res.body.items as Item[]).find((s) => s.b.id === 'p-omar');
    expect(omar, JSON.stringify(res.body.items.map((i: Item) => i.b.id))).toBeDefined();
    expect(omar!.a).toEqual({ id: 'p-ana', name: 'Ana Torres' });
    expect(omar!.introducer).toEqual({ id: 'p-connector', name: 'Helena Brandt' });
    expect(omar!.reasons.bOffersASeeks).toEqual(expect.arrayContaining(['funding']));
    expect(omar!.reasons.aOffersBSeeks).toEqual(expect.arrayContaining(['engineering']));
    expect(omar!.reasons.trustAInIntroducer).toBeGreaterThan(0.8);
    expect(omar!.reasons.trustBInIntroducer).toBeGreaterThan(0.8);
    expect(omar!.reasons.summary).toContain('Helena Brandt');
  });

  it("the connector's best pairs are hers to introduce and complementary", async () => {
    const res = await t.get('/api/introductions/suggestions?introducer=p-connector&limit=10');
    expect(res.body.items).toHaveLength(10);
    for (const s of res.body.items as Item[]) {
      expect(s.introducer.id).toBe('p-connector');
      expect(s.reasons.aOffersBSeeks.length + s.reasons.bOffersASeeks.length).toBeGreaterThan(0);
    }
  });

  it('a recorded introduction drops out of the suggestions', async () => {
    const created = await t.send('POST', '/api/introductions', { introducer: 'p-connector', a: 'p-ana', b: 'p-omar', note: 'funding' });
    expect(created.status).toBe(201);
    const res = await t.get('/api/introductions/suggestions?person=p-ana&limit=50');
    expect((res.body.items as Item[]).some((s) => s.b.id === 'p-omar')).toBe(false);
    const intro = await t.send('PATCH', `/api/introductions/${created.body.id}`, { status: 'succeeded', value: 250_000 });
    expect(intro.body.status).toBe('succeeded');
    const ranking = await t.get('/api/influence?metric=introducer&limit=1');
    expect(ranking.body.items[0].id).toBe('p-connector');
  });

  it('filters by sector and minimum score', async () => {
    const finance = (await t.get('/api/introductions/suggestions?person=p-0001&sector=finance&limit=20')).body.items as Item[];
    const all = (await t.get('/api/introductions/suggestions?person=p-0001&limit=20')).body.items as Item[];
    expect(finance.length).toBeLessThanOrEqual(all.length);
    const strong = (await t.get('/api/introductions/suggestions?person=p-0001&minScore=0.5&limit=20')).body.items as Item[];
    for (const s of strong) expect(s.score).toBeGreaterThanOrEqual(0.5);
  });

  it('explains bad requests: neither or both of person/introducer, unknown people, bad numbers', async () => {
    expect((await t.get('/api/introductions/suggestions')).status).toBe(400);
    expect((await t.get('/api/introductions/suggestions?person=p-ana&introducer=p-connector')).status).toBe(400);
    const unknown = await t.get('/api/introductions/suggestions?person=nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody');
    expect((await t.get('/api/introductions/suggestions?person=p-ana&limit=0')).status).toBe(400);
    expect((await t.get('/api/introductions/suggestions?person=p-ana&minScore=2')).status).toBe(400);
  });
});
