/**
 * Dismissed suggestions through the API on the demo world, against the real Neo4j: "not interested" drops the
 * pair for everyone, an introducer's dismissal only drops her from the pair; undone by DELETE; clear errors and
 * nothing stored on a refused request.
 */
import { describe, expect, it } from 'vitest';
import { type TestApp, useDemoApp } from '../support/app.ts';

let t: TestApp;
useDemoApp((app) => (t = app));

interface Item {
  a: { id: string };
  b: { id: string };
  introducer: { id: string };
}

const pairOf = (s: Item) => [s.a.id, s.b.id].sort().join('+');
const forPerson = async (id: string) => (await t.get(`/api/introductions/suggestions?person=${id}&limit=100`)).body.items as Item[];
const forIntroducer = async (id: string) => (await t.get(`/api/introductions/suggestions?introducer=${id}&limit=100`)).body.items as Item[];
const count = async () => (await t.get('/api/dismissals?limit=1')).body.total as number;

describe('/api/dismissals', () => {
  it('an introducer who will not introduce a pair leaves it out of her list and is no longer named as its introducer', async () => {
    const before = await forPerson('p-ana');
    const omar = before.find((s) => s.b.id === 'p-omar' || s.a.id === 'p-omar');
    expect(omar?.introducer.id).toBe('p-connector');
    expect((await forIntroducer('p-connector')).some((s) => pairOf(s) === 'p-ana+p-omar')).toBe(true);

    const res = await t.send('POST', '/api/dismissals', { by: 'p-connector', a: 'p-omar', b: 'p-ana' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ by: 'p-connector', a: 'p-omar', b: 'p-ana' });
    expect(res.body.id).toMatch(/^dismissal-/);
    expect(Number.isNaN(Date.parse(res.body.at))).toBe(false);

    expect((await forIntroducer('p-connector')).some((s) => pairOf(s) === 'p-ana+p-omar')).toBe(false);
    // Ana may still meet Omar, through someone else both trust, but never through Helena
    expect((await forPerson('p-ana')).every((s) => s.introducer.id !== 'p-connector' || pairOf(s) !== 'p-ana+p-omar')).toBe(true);

    expect((await t.send('DELETE', `/api/dismissals/${res.body.id}`)).status).toBe(204);
    expect((await forPerson('p-ana')).find((s) => pairOf(s) === 'p-ana+p-omar')?.introducer.id).toBe('p-connector');
  });

  it('"not interested": the pair is suggested to neither side nor to any introducer, until the dismissal is deleted', async () => {
    const before = await forPerson('p-ana');
    expect(before.some((s) => pairOf(s) === 'p-ana+p-omar')).toBe(true);
    const res = await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-ana', b: 'p-omar' });
    expect(res.status).toBe(201);

    expect((await forPerson('p-ana')).some((s) => pairOf(s) === 'p-ana+p-omar')).toBe(false);
    expect((await forPerson('p-omar')).some((s) => pairOf(s) === 'p-ana+p-omar')).toBe(false);
    expect((await forIntroducer('p-connector')).some((s) => pairOf(s) === 'p-ana+p-omar')).toBe(false);
    // the rest of Ana's list is as it was, in the same order
    expect((await forPerson('p-ana')).map(pairOf).slice(0, 5)).toEqual(before.map(pairOf).filter((p) => p !== 'p-ana+p-omar').slice(0, 5));

    const mine = await t.get('/api/dismissals?by=p-ana');
    expect(mine.body.total).toBe(1);
    expect(mine.body.items).toEqual([res.body]);
    expect((await t.get(`/api/dismissals/${res.body.id}`)).body).toEqual(res.body);

    // the same pair again, in either order, is a conflict that names the one to delete
    const again = await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-omar', b: 'p-ana' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(res.body.id);
    expect(await count()).toBe(1);

    expect((await t.send('DELETE', `/api/dismissals/${res.body.id}`)).status).toBe(204);
    expect((await forPerson('p-ana')).map(pairOf)).toEqual(before.map(pairOf));
    expect((await t.send('DELETE', `/api/dismissals/${res.body.id}`)).status).toBe(404);
    expect(await count()).toBe(0);
  });

  it('refuses unknown people, a pair of one person, wrong types and unknown fields, storing nothing', async () => {
    const unknown = await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-ana', b: 'nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody');
    const self = await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-omar', b: 'p-omar' });
    expect(self.status).toBe(409);
    expect(self.body.error.message).toContain('same person');
    const wrong = await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-ana', b: 42 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('"b"');
    const extra = await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-ana', b: 'p-omar', reason: 'x' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('reason');
    expect(await count()).toBe(0);
    expect((await t.get('/api/dismissals/nothing-here')).status).toBe(404);
  });

  it('a person deleted takes the dismissals they made or were named in with them', async () => {
    for (const id of ['p-x', 'p-y']) expect((await t.send('POST', '/api/people', { id, name: id })).status).toBe(201);
    expect((await t.send('POST', '/api/dismissals', { by: 'p-x', a: 'p-x', b: 'p-ana' })).status).toBe(201);
    expect((await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-ana', b: 'p-y' })).status).toBe(201);
    expect((await t.send('POST', '/api/dismissals', { by: 'p-ana', a: 'p-ana', b: 'p-omar' })).status).toBe(201);
    expect(await count()).toBe(3);
    expect((await t.send('DELETE', '/api/people/p-x')).status).toBe(200);
    expect((await t.send('DELETE', '/api/people/p-y')).status).toBe(200);
    const left = (await t.get('/api/dismissals')).body;
    expect(left.total).toBe(1);
    expect(left.items[0]).toMatchObject({ by: 'p-ana', a: 'p-ana', b: 'p-omar' });
  });
});
