/**
 * Introduction suggestions through the API on the demo world: Ana should meet Omar through Helena; Helena's
 * best pairs are complementary; a recorded introduction drops out; errors are clear.
 */
import { describe, expect, it } from 'vitest';
import { type TestApp, useDemoApp } from '../support/app.ts';

let t: TestApp;
useDemoApp((app) => (t = app));

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

describe('GET /api/introductions/opportunities', () => {
  const pair = (s: Item) => [s.a.id, s.b.id].sort().join('+');

  it('the best introductions across the network, best first, each the one its pair gets in their own list', async () => {
    const res = await t.get('/api/introductions/opportunities?limit=30');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ introducers: expect.any(Number), exact: true });
    expect(res.body.introducersSwept).toBe(res.body.introducers);
    const items = res.body.items as Item[];
    expect(items).toHaveLength(30);
    for (let k = 1; k < items.length; k++) expect(items[k]!.score).toBeLessThanOrEqual(items[k - 1]!.score);
    expect(new Set(items.map(pair)).size).toBe(items.length);
    // the planted connector makes more of them than anyone
    const by = new Map<string, number>();
    for (const s of items) by.set(s.introducer.id, (by.get(s.introducer.id) ?? 0) + 1);
    expect(by.get('p-connector')).toBe(Math.max(...by.values()));
    const first = items[0]!;
    const own = ((await t.get(`/api/introductions/suggestions?person=${first.a.id}&limit=100`)).body.items as Item[]).find((s) => s.b.id === first.b.id);
    expect(own?.introducer).toEqual(first.introducer);
    expect(own?.score).toBeCloseTo(first.score, 12);
    expect(first.reasons.summary).toContain(first.introducer.name);
  });

  it('a recorded introduction and a pair hidden by one of the two drop out at once', async () => {
    const [first, second] = (await t.get('/api/introductions/opportunities?limit=5')).body.items as Item[];
    const made = await t.send('POST', '/api/introductions', { introducer: first!.introducer.id, a: first!.a.id, b: first!.b.id });
    expect(made.status).toBe(201);
    const hidden = await t.send('POST', '/api/dismissals', { by: second!.a.id, a: second!.a.id, b: second!.b.id });
    expect(hidden.status).toBe(201);
    const after = ((await t.get('/api/introductions/opportunities?limit=100')).body.items as Item[]).map(pair);
    expect(after).not.toContain(pair(first!));
    expect(after).not.toContain(pair(second!));
    expect((await t.send('DELETE', `/api/dismissals/${encodeURIComponent(hidden.body.id)}`)).status).toBe(204);
    expect(((await t.get('/api/introductions/opportunities?limit=100')).body.items as Item[]).map(pair)).toContain(pair(second!));
  });

  it('narrows to pairs with someone in a sector, and to a minimum score', async () => {
    const film = (await t.get('/api/introductions/opportunities?sector=film&limit=20')).body.items as Item[];
    expect(film.length).toBeGreaterThan(0);
    const sectorsOf = async (id: string) => (await t.get(`/api/people/${id}`)).body.sectors as string[];
    for (const s of film.slice(0, 5)) expect([...(await sectorsOf(s.a.id)), ...(await sectorsOf(s.b.id))]).toContain('film');
    const strong = (await t.get('/api/introductions/opportunities?minScore=0.9&limit=100')).body.items as Item[];
    for (const s of strong) expect(s.score).toBeGreaterThanOrEqual(0.9);
    expect((await t.get('/api/introductions/opportunities?sector=nothing-here')).body.items).toEqual([]);
  });

  it('explains bad numbers', async () => {
    const zero = await t.get('/api/introductions/opportunities?limit=0');
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toContain('limit');
    expect((await t.get('/api/introductions/opportunities?limit=101')).status).toBe(400);
    expect((await t.get('/api/introductions/opportunities?minScore=high')).status).toBe(400);
  });
});

interface PathBody {
  from: { id: string };
  to: { id: string };
  alreadyTied: boolean;
  path: { people: { id: string; name: string }[]; hops: { from: string; to: string; trustForward: number; trustBack: number; lastContact: string | null }[]; strength: number } | null;
  maxHops: number;
  minTrust: number;
}

describe('GET /api/introductions/path', () => {
  it('how can Ana reach Omar? Through Helena, whom both trust, and the chain is as strong as its weakest trusts', async () => {
    const res = await t.get('/api/introductions/path?from=p-ana&to=p-omar');
    expect(res.status).toBe(200);
    const body = res.body as PathBody;
    expect(body.alreadyTied).toBe(false);
    expect(body.path!.people).toEqual([
      { id: 'p-ana', name: 'Ana Torres' },
      { id: 'p-connector', name: 'Helena Brandt' },
      { id: 'p-omar', name: 'Omar Haddad' },
    ]);
    const product = body.path!.hops.reduce((acc, h) => acc * Math.min(h.trustForward, h.trustBack), 1);
    expect(body.path!.strength).toBeCloseTo(product, 9);
    expect(body.path!.hops[0]).toMatchObject({ from: 'p-ana', to: 'p-connector' });
    expect(body.path!.hops[0]!.lastContact).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body).toMatchObject({ maxHops: 4, minTrust: 0.1 });
  });

  it('the collusion ring is reached only through a weakly trusted tie; fewer hops find only a weaker chain', async () => {
    const ring = (await t.get('/api/introductions/path?from=p-ana&to=p-ring-1')).body as PathBody;
    expect(ring.path).not.toBeNull();
    const weakest = Math.min(...ring.path!.hops.map((h) => Math.min(h.trustForward, h.trustBack)));
    expect(weakest).toBeLessThan(0.3);
    expect(ring.path!.strength).toBeLessThan(0.2);
    const short = (await t.get(`/api/introductions/path?from=p-ana&to=p-ring-1&maxHops=${ring.path!.hops.length - 1}`)).body as PathBody;
    expect(short.path!.hops.length).toBeLessThan(ring.path!.hops.length);
    expect(short.path!.strength).toBeLessThan(ring.path!.strength);
  });

  it('goes around an introducer who will not make an introduction, and offers none when one of the two hid the pair', async () => {
    const path = async () => (await t.get('/api/introductions/path?from=p-ana&to=p-omar')).body as PathBody & { hidden: boolean };
    const hide = async (by: string) => {
      const res = await t.send('POST', '/api/dismissals', { by, a: 'p-ana', b: 'p-omar' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const before = await path();
    expect(before.hidden).toBe(false);
    // Helena will not introduce Ana to Omar: no chain asks her to
    const refusal = await hide('p-connector');
    try {
      const around = await path();
      expect(around.hidden).toBe(false);
      const introducers = around.path?.people.slice(1, -1).map((p) => p.id) ?? [];
      expect(introducers.at(-1)).not.toBe('p-connector');
      if (around.path) expect(around.path.strength).toBeLessThan(before.path!.strength);
    } finally {
      expect((await t.send('DELETE', `/api/dismissals/${refusal}`)).status).toBe(204);
    }
    expect((await path()).path).toEqual(before.path);
    // Omar hid Ana: nothing is offered, and the answer says why
    const notInterested = await hide('p-omar');
    try {
      const hidden = await path();
      expect(hidden).toMatchObject({ hidden: true, path: null, alreadyTied: false });
    } finally {
      expect((await t.send('DELETE', `/api/dismissals/${notInterested}`)).status).toBe(204);
    }
  });

  it('says when two people already know each other', async () => {
    const helena = (await t.get('/api/introductions/path?from=p-ana&to=p-connector')).body as PathBody;
    expect(helena.alreadyTied).toBe(true);
    // their own tie (0.99 one way, 0.93 the other) is stronger than any chain through others
    expect(helena.path!.people.map((p) => p.id)).toEqual(['p-ana', 'p-connector']);
  });

  it('explains bad requests: the same person twice, unknown people, hop limits', async () => {
    const same = await t.get('/api/introductions/path?from=p-ana&to=p-ana');
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe('"from" and "to" are the same person ("p-ana"): a chain joins two different people');
    const unknown = await t.get('/api/introductions/path?from=p-ana&to=nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody');
    expect((await t.get('/api/introductions/path?from=p-ana')).status).toBe(400);
    expect((await t.get('/api/introductions/path?from=p-ana&to=p-omar&maxHops=7')).status).toBe(400);
    expect((await t.get('/api/introductions/path?from=p-ana&to=p-omar&maxHops=0')).status).toBe(400);
  });
});
