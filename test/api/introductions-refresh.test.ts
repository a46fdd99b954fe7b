/**
 * Recording, closing or hiding an introduction changes introductions only: the server keeps its graphs and
 * re-reads just those (graph-version.ts), and answers exactly as a server reading everything afresh would.
 * A change to ties still reads everything again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/services/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const logs: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ log: (msg) => logs.push(msg) });
  await t.services.demo.load({ seed: 42 });
}, 300_000);
afterAll(async () => {
  await t.close();
});

/** log lines since `from` that read the whole projection, and those that read introductions only */
const reads = (from: number) => ({
  full: logs.slice(from).filter((m) => m.startsWith('projection v')).length,
  introductions: logs.slice(from).filter((m) => m.startsWith('introductions v')).length,
});
const ids = (items: { a: { id: string }; b: { id: string }; introducer: { id: string } }[]) => items.map((s) => `${s.a.id}+${s.b.id} via ${s.introducer.id}`);
const PEOPLE = ['p-ana', 'p-connector', 'p-omar', 'p-fad', 'p-0321'];

describe('introductions changed, nothing else', () => {
  it('recording, closing and hiding read the introductions again, not the graph, and answer as a fresh read does', async () => {
    // warm: the graph, the rankings, the introduction index and the network list
    const pagerank = (await t.get('/api/influence?metric=pagerank&limit=20')).body;
    const introducerBefore = (await t.get('/api/influence?metric=introducer&limit=400')).body.items as { id: string; score: number }[];
    expect((await t.get('/api/introductions/suggestions?person=p-ana&limit=10')).status).toBe(200);
    expect((await t.get('/api/introductions/opportunities?limit=20')).status).toBe(200);
    const mark = logs.length;

    // recorded: the pair leaves Ana's list
    const created = await t.send('POST', '/api/introductions', { introducer: 'p-connector', a: 'p-ana', b: 'p-omar', note: 'funding' });
    expect(created.status).toBe(201);
    const ana = (await t.get('/api/introductions/suggestions?person=p-ana&limit=50')).body.items;
    expect(ids(ana).some((s) => s.startsWith('p-ana+p-omar'))).toBe(false);
    // closed with a value: the introducer ranking follows at once
    expect((await t.send('PATCH', `/api/introductions/${created.body.id}`, { status: 'succeeded', value: 250_000 })).status).toBe(200);
    const introducerAfter = (await t.get('/api/influence?metric=introducer&limit=400')).body.items as { id: string; score: number }[];
    const score = (list: typeof introducerAfter) => list.find((x) => x.id === 'p-connector')!.score;
    expect(score(introducerAfter)).toBeGreaterThan(score(introducerBefore));
    // hidden by one of the two: gone from the network's list too
    const best = (await t.get('/api/introductions/opportunities?limit=1')).body.items[0];
    expect((await t.send('POST', '/api/dismissals', { by: best.a.id, a: best.a.id, b: best.b.id })).status).toBe(201);
    const network = (await t.get('/api/introductions/opportunities?limit=20')).body.items;
    expect(ids(network)).not.toContain(ids([best])[0]);
    // pagerank did not move
    expect((await t.get('/api/influence?metric=pagerank&limit=20')).body).toEqual(pagerank);

    // three changes, each read as introductions only; the graph was never read again
    expect(reads(mark)).toEqual({ full: 0, introductions: 3 });
    expect(logs.slice(mark).filter((m) => m.startsWith('introduction index') && m.includes('introductions only')).length).toBeGreaterThanOrEqual(2);
    // the network's list: swept again after the outcome (a success rate moved), carried over the hidden pair
    expect(logs.slice(mark).filter((m) => m.startsWith('opportunities'))).toEqual([
      expect.stringMatching(/^opportunities: 0 of 1 lists carried over/),
      expect.stringMatching(/^opportunities: \d+ of \d+ introducers swept/),
      expect.stringMatching(/^opportunities: 1 of 1 lists carried over/),
    ]);

    // a server reading everything afresh answers the same
    const fresh = createServices(t.db, undefined, { analysis: 'inline' });
    for (const person of PEOPLE) {
      const kept = await t.services.suggestions.suggest({ person, limit: 20, minScore: 0 });
      expect(kept).toEqual(await fresh.suggestions.suggest({ person, limit: 20, minScore: 0 }));
      const introduces = await t.services.suggestions.suggest({ introducer: person, limit: 20, minScore: 0 });
      expect(introduces).toEqual(await fresh.suggestions.suggest({ introducer: person, limit: 20, minScore: 0 }));
    }
    expect(await t.services.suggestions.opportunities({ limit: 50, minScore: 0 })).toEqual(await fresh.suggestions.opportunities({ limit: 50, minScore: 0 }));
    expect(await t.services.influence.rank({ metric: 'introducer', limit: 400, offset: 0 })).toEqual(await fresh.influence.rank({ metric: 'introducer', limit: 400, offset: 0 }));
    expect(await t.services.influence.profile('p-connector', null)).toEqual(await fresh.influence.profile('p-connector', null));
  });

  it('a file of introductions is read as introductions only; one naming someone new reads everything', async () => {
    expect((await t.get('/api/introductions/suggestions?person=p-ana&limit=50')).status).toBe(200);
    const anaBefore = ids((await t.get('/api/introductions/suggestions?person=p-ana&limit=50')).body.items);
    const next = anaBefore.find((s) => !s.startsWith('p-ana+p-omar'))!;
    const [pair, via] = next.split(' via ');
    const [a, b] = pair!.split('+');
    let mark = logs.length;
    const file = `introducer,a,b,at,status,value\n${via},${a},${b},2026-06-01T00:00:00Z,succeeded,900\n`;
    const imported = await t.send('POST', '/api/import?format=introductions-csv', file, 'text/csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.written).toMatchObject({ people: 0, introductions: 1 });
    const ana = ids((await t.get('/api/introductions/suggestions?person=p-ana&limit=50')).body.items);
    expect(ana).not.toContain(next);
    expect(reads(mark)).toEqual({ full: 0, introductions: 1 });
    const fresh = createServices(t.db, undefined, { analysis: 'inline' });
    expect(await t.services.suggestions.suggest({ person: 'p-ana', limit: 20, minScore: 0 })).toEqual(await fresh.suggestions.suggest({ person: 'p-ana', limit: 20, minScore: 0 }));
    expect(await t.services.influence.rank({ metric: 'introducer', limit: 400, offset: 0 })).toEqual(await fresh.influence.rank({ metric: 'introducer', limit: 400, offset: 0 }));

    // someone not stored yet: stored bare, and the analysis knows them after reading everything again
    mark = logs.length;
    const stranger = await t.send('POST', '/api/import?format=introductions-csv', 'introducer,a,b,status\np-connector,p-ana,x-stranger,made\n', 'text/csv');
    expect(stranger.status, JSON.stringify(stranger.body)).toBe(200);
    expect((await t.get('/api/people/x-stranger/influence')).status).toBe(200);
    expect(reads(mark)).toEqual({ full: 1, introductions: 0 });
  });

  it('a new tie reads the whole graph again', async () => {
    const mark = logs.length;
    expect((await t.send('POST', '/api/ties', { from: 'p-ana', to: 'p-omar', trust: 0.9 })).status).toBe(201);
    const ana = (await t.get('/api/introductions/suggestions?person=p-ana&limit=50')).body.items;
    expect(ana.length).toBeGreaterThan(0);
    expect(reads(mark)).toEqual({ full: 1, introductions: 0 });
  });
});
