import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH } from '../../src/domain/constants.ts';
import type { PersonSnapshot } from '../../src/domain/model.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { personRecords } from '../support/records.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ bodyLimit: '64kb' });
});
afterAll(async () => {
  await t.close();
});

const ana = { id: 'ana', name: 'Ana Torres', sectors: ['technology'], offers: ['engineering'], seeks: ['funding'] };
const omar = { id: 'omar', name: 'Omar Haddad', sectors: ['finance'], offers: ['funding'], seeks: ['engineering'] };
const helena = { id: 'helena', name: 'Helena Brandt', sectors: ['technology', 'finance'], offers: [], seeks: [] };

describe('people', () => {
  it('creates, reads, lists, patches and deletes a person', async () => {
    const created = await t.send('POST', '/api/people', ana);
    expect(created.status).toBe(201);
    expect(created.body).toEqual(ana);
    expect((await t.get('/api/people/ana')).body.name).toBe('Ana Torres');
    await t.send('POST', '/api/people', omar);
    await t.send('POST', '/api/people', helena);
    const page = await t.get('/api/people?limit=2&offset=0');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((p: { id: string }) => p.id)).toEqual(['ana', 'helena']);
    const patched = await t.send('PATCH', '/api/people/ana', { seeks: ['funding', 'mentorship'] });
    expect(patched.status).toBe(200);
    expect(patched.body.seeks).toEqual(['funding', 'mentorship']);
    expect(patched.body.name).toBe('Ana Torres');
  });

  it('searches people by name', async () => {
    const res = await t.get('/api/people?q=hadd');
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(['omar']);
  });

  it('answers 404 with the error shape for an unknown id', async () => {
    const res = await t.get('/api/people/nobody');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Person "nobody" does not exist', details: { person: 'nobody' } } });
  });

  it('answers 409 when the id exists', async () => {
    const res = await t.send('POST', '/api/people', ana);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toContain('ana');
  });

  it('makes the id from the name when none is given: the first one nobody has, and a given id still answers 409', async () => {
    const before = (await t.get('/api/people')).body.total;
    const made: string[] = [];
    const add = async (body: object) => {
      const res = await t.send('POST', '/api/people', body);
      if (res.status === 201) made.push(res.body.id);
      return res;
    };
    try {
      const first = await add({ name: '  Zoë Ångström ', offers: ['design'] });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ id: 'p-zoe-angstrom', name: 'Zoë Ångström', sectors: [], offers: ['design'], seeks: [] });
      expect((await t.get('/api/people/p-zoe-angstrom')).body).toEqual(first.body);
      expect((await add({ name: 'Zoe Angstrom' })).body.id).toBe('p-zoe-angstrom-2');
      // -3 taken by a given id: the next name-made one skips it
      expect((await add({ id: 'p-zoe-angstrom-3', name: 'Someone else' })).status).toBe(201);
      expect((await add({ name: 'ZOË ÅNGSTRÖM' })).body.id).toBe('p-zoe-angstrom-4');
      // an id that only begins the same is no clash
      expect((await add({ id: 'p-zoe', name: 'Zoe' })).status).toBe(201);
      expect((await add({ name: 'Zoé' })).body.id).toBe('p-zoe-2');
      expect((await add({ name: '李小龙' })).body.id).toBe('p-李小龙');
      expect((await t.get(`/api/people/${encodeURIComponent('p-李小龙')}`)).body.name).toBe('李小龙');
      const taken = await t.send('POST', '/api/people', { id: 'p-zoe-angstrom', name: 'Again' });
      expect(taken.status).toBe(409);
      expect(taken.body.error.message).toContain('p-zoe-angstrom');
      // the name is still required, and not blank
      for (const body of [{ sectors: ['x'] }, { name: '   ' }]) {
        const res = await t.send('POST', '/api/people', body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('"name"');
      }
      expect((await t.get('/api/people')).body.total).toBe(before + made.length);
    } finally {
      for (const id of made) expect((await t.send('DELETE', `/api/people/${encodeURIComponent(id)}`)).status).toBe(200);
    }
  });

  it('answers 400 naming the field for a wrong type', async () => {
    const res = await t.send('POST', '/api/people', { id: 'x', name: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toContain('"name"');
  });

  it('answers 400 for unknown fields and malformed JSON', async () => {
    expect((await t.send('POST', '/api/people', { ...ana, id: 'y', nmae: 'typo' })).status).toBe(400);
    const bad = await t.send('POST', '/api/people', '{"id": "z",', 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
  });

  it('answers 415 naming the type for a body that is not JSON, and writes nothing', async () => {
    const before = (await t.get('/api/people')).body.total;
    for (const [body, type] of [
      ['id=form&name=Form', 'application/x-www-form-urlencoded'],
      ['{"id": "plain", "name": "Plain"}', 'text/plain'],
    ]) {
      const res = await t.send('POST', '/api/people', body, type);
      expect(res.status).toBe(415);
      expect(res.body.error).toEqual({
        code: 'unsupported_media_type',
        message: `The body must be JSON with Content-Type: application/json (got ${type})`,
        details: { contentType: type },
      });
    }
    expect((await t.get('/api/people')).body.total).toBe(before);
    // a charset is still JSON
    const json = await t.send('PATCH', '/api/people/ana', '{"name": "Ana Torres"}', 'application/json; charset=utf-8');
    expect(json.status).toBe(200);
  });

  it('answers 413 for an oversized body and writes nothing', async () => {
    const before = (await t.get('/api/people')).body.total;
    const res = await t.send('POST', '/api/people', { id: 'big', name: 'x'.repeat(100_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect((await t.get('/api/people')).body.total).toBe(before);
  });

  it('answers 400 for a bad limit', async () => {
    const res = await t.get('/api/people?limit=-3');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"limit"');
  });

  it('answers 404 with the error shape for an unknown route', async () => {
    const res = await t.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('events', () => {
  const event = {
    id: 'e1',
    title: 'Demo day talk',
    at: '2024-03-01T10:00:00Z',
    kind: 'talk',
    sector: 'technology',
    medium: 'in-person',
    valence: 0.6,
    magnitude: 5,
    drivers: [{ person: 'ana', role: 'speaker' }],
    reached: [
      { person: 'omar', weight: 2 },
      { person: 'helena', weight: 1 },
    ],
  };

  it('creates an event with its drivers and reached people', async () => {
    const res = await t.send('POST', '/api/events', event);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'e1', at: '2024-03-01T10:00:00.000Z', magnitude: 5, fade: null });
    expect(res.body.drivers).toEqual([{ person: 'ana', role: 'speaker' }]);
    expect(res.body.reached).toEqual([
      { person: 'helena', weight: 1 },
      { person: 'omar', weight: 2 },
    ]);
  });

  it('refuses an event that names an unknown person, writing nothing', async () => {
    const res = await t.send('POST', '/api/events', { ...event, id: 'e2', reached: [{ person: 'ghost' }] });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('ghost');
    expect((await t.get('/api/events/e2')).status).toBe(404);
  });

  it('validates valence range and the fade model', async () => {
    const res = await t.send('POST', '/api/events', { ...event, id: 'e3', valence: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('valence');
    const fade = await t.send('POST', '/api/events', { ...event, id: 'e4', fade: { model: 'exponential' } });
    expect(fade.status).toBe(400);
  });

  it('patches an event, replacing its links', async () => {
    const res = await t.send('PATCH', '/api/events/e1', { reached: [{ person: 'omar', weight: 1 }], fade: { model: 'window', days: 30 } });
    expect(res.status).toBe(200);
    expect(res.body.reached).toEqual([{ person: 'omar', weight: 1 }]);
    expect(res.body.fade).toEqual({ model: 'window', days: 30 });
    expect(res.body.title).toBe('Demo day talk');
  });

  it('lists a person\'s events', async () => {
    const res = await t.get('/api/events?person=omar');
    expect(res.body.total).toBe(1);
    expect((await t.get('/api/events?person=helena')).body.total).toBe(0);
  });

  it('lists the events a person drove or that reached them, newest first, and refuses a role without a person', async () => {
    const later = { ...event, id: 'e5', at: '2024-05-01T10:00:00Z', drivers: [{ person: 'omar', role: 'author' }], reached: [{ person: 'ana', weight: 1 }] };
    const both = { ...event, id: 'e6', at: '2024-04-01T10:00:00Z', drivers: [{ person: 'ana', role: 'host' }, { person: 'omar', role: 'guest' }], reached: [] };
    for (const e of [later, both]) expect((await t.send('POST', '/api/events', e)).status).toBe(201);
    const list = async (q: string) => {
      const res = await t.get(`/api/events?${q}`);
      expect(res.status, q).toBe(200);
      return { ids: (res.body.items as { id: string }[]).map((e) => e.id), total: res.body.total as number };
    };
    try {
      expect(await list('person=ana&role=drove')).toEqual({ ids: ['e6', 'e1'], total: 2 });
      expect(await list('person=ana&role=reached')).toEqual({ ids: ['e5'], total: 1 });
      expect(await list('person=ana')).toEqual({ ids: ['e5', 'e6', 'e1'], total: 3 });
      expect(await list('person=ana&role=any')).toEqual(await list('person=ana'));
      expect(await list('person=omar&role=drove')).toEqual({ ids: ['e5', 'e6'], total: 2 });
      // a page of a role's list carries that role's total
      expect(await list('person=omar&role=reached&limit=1')).toEqual({ ids: ['e1'], total: 1 });
      expect(await list('person=helena&role=drove')).toEqual({ ids: [], total: 0 });
      const alone = await t.get('/api/events?role=drove');
      expect(alone.status).toBe(400);
      expect(alone.body.error.message).toBe("role=drove needs person: it says which of that person's events to list");
      const odd = await t.get('/api/events?person=ana&role=watched');
      expect(odd.status).toBe(400);
      expect(odd.body.error.message).toContain('role');
    } finally {
      for (const e of [later, both]) expect((await t.send('DELETE', `/api/events/${e.id}`)).status).toBe(204);
    }
  });

  it('answers 404 for a list filtered by someone who does not exist, rather than an empty page', async () => {
    for (const path of ['/api/events?person=nobody', '/api/ties?person=nobody', '/api/introductions?person=nobody', '/api/dismissals?by=nobody']) {
      const res = await t.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: 'Person "nobody" does not exist', details: { person: 'nobody' } });
    }
  });
});

describe('ties', () => {
  it('creates a directed tie with a default id and refuses a duplicate', async () => {
    const res = await t.send('POST', '/api/ties', { from: 'ana', to: 'helena', trust: 0.9, since: '2020-01-01' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'ana->helena', from: 'ana', to: 'helena', trust: 0.9, since: '2020-01-01T00:00:00.000Z', lastContact: null });
    const dup = await t.send('POST', '/api/ties', { from: 'ana', to: 'helena', trust: 0.2 });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('already has a tie');
  });

  it('refuses trust outside 0..1 and self ties', async () => {
    expect((await t.send('POST', '/api/ties', { from: 'omar', to: 'helena', trust: 1.5 })).status).toBe(400);
    expect((await t.send('POST', '/api/ties', { from: 'omar', to: 'omar' })).status).toBe(422);
  });

  it('patches trust through the encoded id and deletes', async () => {
    const id = encodeURIComponent('ana->helena');
    const res = await t.send('PATCH', `/api/ties/${id}`, { trust: 0.95 });
    expect(res.status).toBe(200);
    expect(res.body.trust).toBe(0.95);
    expect(res.body.since).toBe('2020-01-01T00:00:00.000Z');
    expect((await t.send('DELETE', `/api/ties/${id}`)).status).toBe(204);
    expect((await t.get(`/api/ties/${id}`)).status).toBe(404);
  });

  it("lists the ties a person gives or receives, by trust or by id, and refuses a direction without a person", async () => {
    const ties = [
      { from: 'omar', to: 'ana', trust: 0.3 },
      { from: 'omar', to: 'helena', trust: 0.8 },
      { from: 'helena', to: 'omar', trust: 0.6 },
      { from: 'ana', to: 'omar', trust: 0.6 },
    ];
    for (const tie of ties) expect((await t.send('POST', '/api/ties', tie)).status).toBe(201);
    try {
      const list = async (query: string) => {
        const res = await t.get(`/api/ties?${query}`);
        expect(res.status, query).toBe(200);
        return { ids: (res.body.items as { id: string }[]).map((x) => x.id), total: res.body.total as number };
      };
      expect(await list('person=omar&direction=out&order=trust')).toEqual({ ids: ['omar->helena', 'omar->ana'], total: 2 });
      // equal trust: by id
      expect(await list('person=omar&direction=in&order=trust')).toEqual({ ids: ['ana->omar', 'helena->omar'], total: 2 });
      expect(await list('person=omar&order=trust')).toEqual({ ids: ['omar->helena', 'ana->omar', 'helena->omar', 'omar->ana'], total: 4 });
      expect(await list('person=omar&direction=both')).toEqual({ ids: ['ana->omar', 'helena->omar', 'omar->ana', 'omar->helena'], total: 4 });
      // a page of a sorted list, with the total of the whole
      expect(await list('person=omar&order=trust&limit=2&offset=1')).toEqual({ ids: ['ana->omar', 'helena->omar'], total: 4 });
      expect(await list('person=ana&direction=out')).toEqual({ ids: ['ana->omar'], total: 1 });

      const alone = await t.get('/api/ties?direction=out');
      expect(alone.status).toBe(400);
      expect(alone.body.error.message).toBe("direction=out needs person: it says which of that person's ties to list");
      const sideways = await t.get('/api/ties?person=omar&direction=sideways');
      expect(sideways.status).toBe(400);
      expect(sideways.body.error.message).toContain('direction');
      expect((await t.get('/api/ties?person=omar&order=fame')).status).toBe(400);
    } finally {
      for (const tie of ties) expect((await t.send('DELETE', `/api/ties/${encodeURIComponent(`${tie.from}->${tie.to}`)}`)).status).toBe(204);
    }
  });
});

describe('introductions', () => {
  it('sums up nothing before the first introduction', async () => {
    const res = await t.get('/api/introductions/summary');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0, succeededValue: 0, months: [], introducers: [] });
    expect(Object.values(res.body.byStatus)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(res.body.waiting.count).toBe(0);
  });

  it('records an introduction as made and lists it for each party', async () => {
    const res = await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'ana', b: 'omar', note: 'funding for Ana' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ introducer: 'helena', a: 'ana', b: 'omar', status: 'made', value: null, note: 'funding for Ana' });
    for (const person of ['ana', 'omar', 'helena']) {
      expect((await t.get(`/api/introductions?person=${person}`)).body.total).toBe(1);
    }
  });

  it('refuses a duplicate of an open introduction, in either order', async () => {
    const res = await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'omar', b: 'ana' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('already have an open introduction');
  });

  it('refuses self-introductions with 409 and unknown people with 404', async () => {
    expect((await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'ana', b: 'ana' })).status).toBe(409);
    expect((await t.send('POST', '/api/introductions', { introducer: 'ana', a: 'ana', b: 'omar' })).status).toBe(409);
    const unknown = await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'ana', b: 'nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody');
  });

  it('updates status and outcome value; a closed one allows a new introduction', async () => {
    const list = await t.get('/api/introductions?person=ana');
    const id = list.body.items[0].id as string;
    const res = await t.send('PATCH', `/api/introductions/${id}`, { status: 'succeeded', value: 50_000 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'succeeded', value: 50_000 });
    expect((await t.send('PATCH', `/api/introductions/${id}`, { status: 'maybe' })).status).toBe(400);
    const again = await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'ana', b: 'omar' });
    expect(again.status).toBe(201);
  });

  it('dates the outcome when the status closes, clears it when open again, and keeps a given date if it is sound', async () => {
    for (const [id, name] of [['zoe', 'Zoe Kim'], ['lee', 'Lee Park']]) expect((await t.send('POST', '/api/people', { id, name })).status).toBe(201);
    const made = await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'lee', b: 'zoe', at: '2024-01-10' });
    expect(made.body).toMatchObject({ status: 'made', at: '2024-01-10T00:00:00.000Z', outcomeAt: null });
    const path = `/api/introductions/${made.body.id}`;
    expect((await t.send('PATCH', path, { status: 'accepted' })).body.outcomeAt).toBeNull();
    const before = Date.now();
    const closed = (await t.send('PATCH', path, { status: 'succeeded' })).body;
    expect(Date.parse(closed.outcomeAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(closed.outcomeAt)).toBeLessThanOrEqual(Date.now());
    // a value alone leaves the date; a date given is kept
    expect((await t.send('PATCH', path, { value: 20 })).body.outcomeAt).toBe(closed.outcomeAt);
    expect((await t.send('PATCH', path, { outcomeAt: '2024-03-01' })).body.outcomeAt).toBe('2024-03-01T00:00:00.000Z');
    // before the introduction: 400 naming both dates, and nothing changes
    const early = await t.send('PATCH', path, { outcomeAt: '2023-12-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('outcomeAt 2023-12-01T00:00:00.000Z is before the introduction was made (2024-01-10T00:00:00.000Z)');
    expect((await t.get(path)).body).toMatchObject({ status: 'succeeded', value: 20, outcomeAt: '2024-03-01T00:00:00.000Z' });
    // open again: no outcome, and no date may be given for one
    expect((await t.send('PATCH', path, { status: 'accepted' })).body.outcomeAt).toBeNull();
    const open = await t.send('PATCH', path, { outcomeAt: '2024-03-01' });
    expect(open.status).toBe(400);
    expect(open.body.error.message).toContain('status "accepted" has none yet');
    expect((await t.send('PATCH', path, { status: 'failed', outcomeAt: '2024-02-01' })).body).toMatchObject({ status: 'failed', outcomeAt: '2024-02-01T00:00:00.000Z' });
  });

  it('records an outcome date on a new introduction: given, now when closed without a date, unknown for one closed in the past', async () => {
    const total = async () => (await t.get('/api/introductions?person=zoe')).body.total as number;
    const count = await total();
    const bad = await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'zoe', b: 'omar', at: '2024-05-01', status: 'failed', outcomeAt: '2024-04-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('before the introduction was made');
    expect(await total()).toBe(count);
    const now = (await t.send('POST', '/api/introductions', { introducer: 'lee', a: 'zoe', b: 'omar', status: 'declined' })).body;
    expect(now.outcomeAt).toBe(now.at);
    const past = (await t.send('POST', '/api/introductions', { introducer: 'helena', a: 'zoe', b: 'omar', at: '2024-05-01', status: 'failed' })).body;
    expect(past.outcomeAt).toBeNull();
    const given = await t.send('POST', '/api/introductions', { introducer: 'omar', a: 'zoe', b: 'lee', at: '2024-05-01', status: 'succeeded', outcomeAt: '2024-06-01' });
    expect(given.body.outcomeAt).toBe('2024-06-01T00:00:00.000Z');
    expect(await total()).toBe(count + 3);
  });

  it('rewrites a note up to its limit, and refuses a longer one naming the field, keeping the note', async () => {
    const id = (await t.get('/api/introductions?person=ana')).body.items[0].id as string;
    const longest = 'n'.repeat(NOTE_MAX_LENGTH);
    const ok = await t.send('PATCH', `/api/introductions/${id}`, { note: longest });
    expect(ok.status).toBe(200);
    expect(ok.body.note).toBe(longest);
    const tooLong = await t.send('PATCH', `/api/introductions/${id}`, { note: `${longest}n` });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('note');
    expect((await t.get(`/api/introductions/${id}`)).body.note).toBe(longest);
    // the status and value are left as they were
    expect((await t.send('PATCH', `/api/introductions/${id}`, { note: 'Met for coffee' })).body).toMatchObject({ note: 'Met for coffee', status: 'made' });
  });

  const omarsWorld = () => personRecords(t, 'omar');
  let before: Awaited<ReturnType<typeof omarsWorld>>;
  let snapshot: PersonSnapshot;

  it('deleting a person removes their events and introductions, as their footprint said beforehand', async () => {
    // a tie, an event of his own and one he drove with Ana, a dismissal by him and one naming him: every count above 0
    expect((await t.send('POST', '/api/ties', { from: 'omar', to: 'ana', trust: 0.4 })).status).toBe(201);
    expect((await t.send('POST', '/api/events', { id: 'e7', at: '2024-06-01T10:00:00Z', drivers: [{ person: 'omar' }], reached: [{ person: 'ana' }] })).status).toBe(201);
    expect((await t.send('POST', '/api/events', { id: 'e8', at: '2024-06-02T10:00:00Z', drivers: [{ person: 'omar' }, { person: 'ana' }], reached: [] })).status).toBe(201);
    expect((await t.send('POST', '/api/dismissals', { by: 'omar', a: 'omar', b: 'zoe' })).status).toBe(201);
    expect((await t.send('POST', '/api/dismissals', { by: 'ana', a: 'ana', b: 'omar' })).status).toBe(201);
    const all = async (path: string) => (await t.get(`${path}&limit=500`)).body as { items: { id: string; drivers?: { person: string }[]; by?: string; a?: string; b?: string }[]; total: number };
    const ties = await all('/api/ties?person=omar&direction=both');
    const drove = await all('/api/events?person=omar&role=drove');
    const onlyHis = drove.items.filter((e) => e.drivers!.every((d) => d.person === 'omar'));
    const introductions = await all('/api/introductions?person=omar');
    const dismissals = (await all('/api/dismissals?offset=0')).items.filter((d) => [d.by, d.a, d.b].includes('omar'));
    const footprint = await t.get('/api/people/omar/footprint');
    expect(footprint.status).toBe(200);
    expect(footprint.body).toEqual({ ties: ties.total, events: onlyHis.length, introductions: introductions.total, dismissals: dismissals.length });
    for (const n of Object.values(footprint.body)) expect(n, JSON.stringify(footprint.body)).toBeGreaterThan(0);
    expect(drove.total).toBeGreaterThan(onlyHis.length); // an event he drove with someone else stays
    const unknown = await t.get('/api/people/nobody/footprint');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Person "nobody" does not exist');

    before = await omarsWorld();
    const deleted = await t.send('DELETE', '/api/people/omar');
    expect(deleted.status).toBe(200);
    snapshot = deleted.body;
    // the answer holds whole what the footprint counted
    expect(snapshot.person).toEqual(omar);
    expect(snapshot.ties.length).toBe(footprint.body.ties);
    expect(snapshot.events.map((e) => e.id).sort()).toEqual(onlyHis.map((e) => e.id).sort());
    expect(snapshot.drove).toEqual([{ event: 'e8', role: 'driver' }]);
    expect(snapshot.introductions.length).toBe(footprint.body.introductions);
    expect(snapshot.dismissals.length).toBe(footprint.body.dismissals);
    for (const e of onlyHis) expect((await t.get(`/api/events/${e.id}`)).status).toBe(404);
    for (const d of dismissals) expect((await t.get(`/api/dismissals/${d.id}`)).status).toBe(404);
    expect((await t.get('/api/ties?person=ana&direction=both&limit=500')).body.items.some((x: { from: string; to: string }) => x.from === 'omar' || x.to === 'omar')).toBe(false);
    expect((await t.get('/api/events/e8')).body.drivers).toEqual([{ person: 'ana', role: 'driver' }]);
    expect((await t.get('/api/people/omar')).status).toBe(404);
    expect((await t.get('/api/introductions?person=ana')).body.total).toBe(0);
    expect((await t.get('/api/events/e1')).body.reached).toEqual([]);
  });

  it('puts a deleted person back as they were from what the delete answered, and refuses to overwrite someone', async () => {
    const res = await t.send('POST', '/api/people/restore', snapshot);
    expect(res.status).toBe(201);
    expect(res.body.person).toEqual(omar);
    expect(res.body.skipped).toEqual([]);
    expect(res.body.restored).toEqual({
      ties: snapshot.ties.length,
      events: snapshot.events.length,
      links: snapshot.drove.length + snapshot.reached.length,
      introductions: snapshot.introductions.length,
      dismissals: snapshot.dismissals.length,
    });
    expect(res.body.restored.links).toBeGreaterThan(1); // e8 driven with Ana, e1 reaching him
    expect(await omarsWorld()).toEqual(before);

    const again = await t.send('POST', '/api/people/restore', snapshot);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Cannot restore Omar Haddad: someone was stored under "omar" since, and restoring would overwrite them');

    // every record must name the person restored: anything else is not a restore
    const stray = { ...snapshot, person: { ...omar, id: 'omar-2' } };
    const refused = await t.send('POST', '/api/people/restore', stray);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('does not touch "omar-2"');
    expect((await t.get('/api/people/omar-2')).status).toBe(404);
  });

  it('restores what it can when someone linked to them was deleted since, and names what it could not', async () => {
    const first = (await t.send('DELETE', '/api/people/omar')).body;
    expect((await t.send('DELETE', '/api/people/ana')).status).toBe(200); // e8 was left to her: it goes with her
    const res = await t.send('POST', '/api/people/restore', first);
    expect(res.status).toBe(201);
    expect(res.body.skipped).toEqual(
      expect.arrayContaining([
        'the tie omar → ana: "ana" was deleted since',
        'event "e7" reaching "ana": they were deleted since',
        'driving event "e8": it was deleted since',
        expect.stringMatching(/^dismissal ".+": "ana" was deleted since$/),
      ]),
    );
    expect((await t.get('/api/events/e7')).body.reached).toEqual([]);
    expect((await t.get('/api/ties?person=omar&direction=both')).body.items.map((x: { from: string; to: string }) => `${x.from}>${x.to}`)).not.toContain('omar>ana');
    expect((await t.get('/api/people/omar')).status).toBe(200);
  });
});

describe('health and OpenAPI', () => {
  it('reports Neo4j connected with its 5.26 version', async () => {
    const res = await t.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.neo4j.connected).toBe(true);
    expect(res.body.neo4j.version).toMatch(/^5\.26\./);
  });

  it('serves a valid OpenAPI 3.1 document describing the routes', async () => {
    const res = await t.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/people', '/api/people/{id}', '/api/events', '/api/ties/{id}', '/api/introductions']));
    const create = res.body.paths['/api/people'].post;
    const body = create.requestBody.content['application/json'].schema;
    // a person needs a name; without an id one is made from it
    expect(body.required).toContain('name');
    expect(body.required).not.toContain('id');
    expect(body.properties.id.description).toContain('made from the name');
  });
});
