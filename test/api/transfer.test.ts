import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { sharedPath } from '../support/shared.ts';
import { sizeInBytes } from '../../src/api/transfer.router.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ importLimit: '2mb' });
});
afterAll(async () => {
  await t.close();
});

const counts = () => t.services.graph.counts();

const people = 'id,name,sectors,offers,seeks\nana,Ana Torres,technology,engineering,funding;mentorship\nomar,"Haddad, Omar",finance,funding;mentorship,engineering\nhelena,Helena Brandt,technology;finance,,\n';
const ties = 'from,to,trust,since,lastContact\nana,helena,0.9,2020-01-01,2024-05-01\nomar,helena,0.95,2019-06-01,\n';
const events =
  JSON.stringify({ id: 'e1', title: 'Talk', at: '2024-03-01T10:00:00Z', kind: 'talk', sector: 'technology', medium: 'video', valence: 0.5, magnitude: 3, drivers: [{ person: 'ana' }], reached: [{ person: 'omar' }] }) +
  '\n' +
  JSON.stringify({ id: 'e2', at: '2024-04-01T10:00:00Z', drivers: [{ person: 'helena', role: 'host' }], reached: [], fade: { model: 'exponential', halfLifeDays: 30 } }) +
  '\n';
const intros = 'id,introducer,a,b,at,status,value,note\ni1,helena,ana,omar,2024-05-02T00:00:00Z,succeeded,1000,"funding, at last"\n';
const dismissals = 'by,a,b,at\nomar,omar,helena,2024-06-01\nana,omar,helena,\n';

describe('sizeInBytes', () => {
  it('reads sizes the way Express’s body limits do', () => {
    expect(sizeInBytes('200mb')).toBe(200 * 1024 * 1024);
    expect(sizeInBytes('1.5 KB')).toBe(1536);
    expect(sizeInBytes('1000')).toBe(1000);
    expect(sizeInBytes('lots')).toBeNull();
  });
});

describe('import through the API', () => {
  it('lists the formats, with their columns, and the largest import it takes', async () => {
    const res = await t.get('/api/formats');
    expect(res.status).toBe(200);
    expect(res.body.importLimit).toBe('2mb');
    expect(res.body.importLimitBytes).toBe(2 * 1024 * 1024);
    const names = res.body.items.map((f: { name: string }) => f.name);
    expect(names).toEqual(['people-csv', 'events-ndjson', 'ties-csv', 'introductions-csv', 'dismissals-csv', 'snap-signed', 'snap-temporal', 'gexf', 'graphml']);
    const ties = res.body.items.find((f: { name: string }) => f.name === 'ties-csv');
    expect(ties.columns.filter((c: { required: boolean }) => c.required).map((c: { name: string }) => c.name)).toEqual(['from', 'to']);
    expect(ties).toMatchObject({ export: true, produces: ['tie'], extensions: ['.csv'] });
    expect(res.body.items.find((f: { name: string }) => f.name === 'snap-signed').export).toBe(false);
  });

  it('imports people, ties, events and introductions, and says which were new', async () => {
    const created = { people: 0, events: 0, ties: 0, introductions: 0, dismissals: 0 };
    for (const [format, body] of [
      ['people-csv', people],
      ['ties-csv', ties],
      ['events-ndjson', events],
      ['introductions-csv', intros],
    ] as const) {
      const res = await t.send('POST', `/api/import?format=${format}`, body, 'text/plain');
      expect(res.status, `${format}: ${JSON.stringify(res.body)}`).toBe(200);
      for (const k of Object.keys(created) as (keyof typeof created)[]) created[k] += res.body.created[k];
    }
    expect(await counts()).toEqual({ people: 3, events: 2, ties: 2, introductions: 1 });
    expect(created).toEqual({ people: 3, events: 2, ties: 2, introductions: 1, dismissals: 0 });
    expect((await t.get('/api/people/omar')).body).toEqual({ id: 'omar', name: 'Haddad, Omar', sectors: ['finance'], offers: ['funding', 'mentorship'], seeks: ['engineering'] });
    expect((await t.get('/api/introductions/i1')).body).toMatchObject({ status: 'succeeded', value: 1000, note: 'funding, at last' });
  });

  it('imports dismissed suggestions: the pair leaves the suggestions, and importing it again, or one made through the API, adds none', async () => {
    const hidden = async () => (await t.get('/api/dismissals?limit=100')).body as { total: number; items: { by: string; a: string; b: string; at: string }[] };
    const before = (await hidden()).total;
    const res = await t.send('POST', '/api/import?format=dismissals-csv', dismissals, 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.written).toMatchObject({ dismissals: 2, introductions: 0, ties: 0 });
    expect(res.body.created).toEqual({ people: 0, events: 0, ties: 0, introductions: 0, dismissals: 2 });
    const after = await hidden();
    expect(after.total).toBe(before + 2);
    expect(after.items).toContainEqual({ id: expect.any(String), by: 'omar', a: 'omar', b: 'helena', at: '2024-06-01T00:00:00.000Z' });
    const suggested = (await t.get('/api/introductions/suggestions?person=omar&limit=50')).body.items as { a: { id: string }; b: { id: string } }[];
    expect(suggested.some((s) => [s.a.id, s.b.id].includes('helena'))).toBe(false);
    const again = await t.send('POST', '/api/import?format=dismissals-csv', dismissals, 'text/csv');
    expect(again.body).toMatchObject({ written: { dismissals: 2 }, created: { dismissals: 0 } });
    expect((await hidden()).total).toBe(before + 2);
    // one the API made already (another id) is not doubled by a file naming the same pair
    const made = await t.send('POST', '/api/dismissals', { by: 'helena', a: 'ana', b: 'omar' });
    expect(made.status).toBe(201);
    expect((await t.send('POST', '/api/import?format=dismissals-csv', 'by,a,b\nhelena,omar,ana\n', 'text/csv')).status).toBe(200);
    expect((await hidden()).items.filter((d) => d.by === 'helena')).toHaveLength(1);
    // a bad line: 422 naming it, nothing written
    const bad = await t.send('POST', '/api/import?format=dismissals-csv', 'by,a,b\nana,helena,omar\nana,omar,omar\n', 'text/csv');
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('line 3: a and b must be two different people');
    expect((await hidden()).total).toBe(before + 3);
    expect((await t.send('DELETE', `/api/dismissals/${made.body.id}`)).status).toBe(204);
  });

  it('is idempotent: the same files again change nothing, and say nothing was new', async () => {
    const none = { people: 0, events: 0, ties: 0, introductions: 0, dismissals: 0 };
    for (const [format, body, type, written] of [
      ['people-csv', people, 'text/csv', { ...none, people: 3 }],
      ['events-ndjson', events, 'application/x-ndjson', { ...none, events: 2 }],
      ['ties-csv', ties, 'text/csv', { ...none, ties: 2 }],
    ] as const) {
      const res = await t.send('POST', `/api/import?format=${format}`, body, type);
      expect(res.body, format).toMatchObject({ written, created: none });
    }
    expect(await counts()).toEqual({ people: 3, events: 2, ties: 2, introductions: 1 });
  });

  it('rejects a file with a bad line, names the line, and writes nothing', async () => {
    const bad = 'id,name,sectors,offers,seeks\nzoe,Zoe,music,,\nbad-trust-row\nyan,Yan,film,,\n';
    const res = await t.send('POST', '/api/import?format=people-csv', bad, 'text/csv');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_import');
    expect(res.body.error.message).toContain('line 3');
    expect(res.body.error.details.errors[0].line).toBe(3);
    expect(await counts()).toEqual({ people: 3, events: 2, ties: 2, introductions: 1 });
  });

  it('with skipInvalid writes the valid rows and lists the skipped lines', async () => {
    const bad = 'from,to,trust,since,lastContact\nana,omar,0.4,,\nomar,ana,1.7,,\n';
    const res = await t.send('POST', '/api/import?format=ties-csv&skipInvalid=true', bad, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.written.ties).toBe(1);
    expect(res.body.created.ties).toBe(1);
    expect(res.body.skipped).toHaveLength(1);
    expect(res.body.skipped[0].line).toBe(3);
    expect(res.body.skipped[0].message).toContain('trust');
    expect((await counts()).ties).toBe(3);
  });

  it('refuses an unknown format with 400 and an oversized file with 413', async () => {
    const res = await t.send('POST', '/api/import?format=xlsx', 'a,b', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('format');
    const big = await t.send('POST', '/api/import?format=people-csv', 'id,name\n' + 'x,y\n'.repeat(600_000), 'text/csv');
    expect(big.status).toBe(413);
  });

  it('imports a SNAP signed slice: ratings become events, rated people gain influence', async () => {
    await t.clear();
    const lines = readFileSync(sharedPath('data/bitcoin-otc/soc-sign-bitcoinotc.csv'), 'utf8').split('\n').slice(0, 500).join('\n');
    const res = await t.send('POST', '/api/import?format=snap-signed', lines, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.written.events).toBe(500);
    const first = (await t.get(`/api/events/${encodeURIComponent('rating:6:2:1289241911.72836')}`)).body;
    expect(first).toMatchObject({ kind: 'rating', valence: 0.4, magnitude: 4, drivers: [{ person: '2' }], reached: [{ person: '6', weight: 1 }] });
    // The ratings carry a sector, but nobody lists one: the suggestions' partner filter has none to offer, while
    // slicing the map to the ratings' sector keeps every rating.
    const meta = (await t.get('/api/meta')).body;
    expect(meta).toMatchObject({ sectors: ['general'], peopleSectors: [], eventSectors: ['general'] });
    const all = (await t.get('/api/graph?limit=1000')).body;
    const general = (await t.get('/api/graph?sector=general&limit=1000')).body;
    expect(general.total).toEqual(all.total);
    expect(general.nodes.map((n: { id: string }) => n.id)).toEqual(all.nodes.map((n: { id: string }) => n.id));
    // a sector a person lists is not a sector of events: the map's slice to it is empty
    const listed = await t.send('POST', '/api/import?format=people-csv', 'id,name,sectors\n6,Six,finance\n', 'text/csv');
    expect(listed.status).toBe(200);
    expect((await t.get('/api/meta')).body).toMatchObject({ sectors: ['finance', 'general'], peopleSectors: ['finance'], eventSectors: ['general'] });
    expect((await t.get('/api/graph?sector=finance')).body).toMatchObject({ nodes: [], edges: [], total: { nodes: 0, edges: 0 } });
  });
});

describe('export', () => {
  it('round-trips: export → import into an empty database → export gives the same graph', async () => {
    await t.clear();
    for (const [format, body] of [
      ['people-csv', people],
      ['ties-csv', ties],
      ['events-ndjson', events],
      ['introductions-csv', intros],
      ['dismissals-csv', dismissals],
    ] as const) {
      await t.send('POST', `/api/import?format=${format}`, body, 'text/plain');
    }
    const formats = ['people-csv', 'ties-csv', 'events-ndjson', 'introductions-csv', 'dismissals-csv', 'gexf', 'graphml'] as const;
    const first: Record<string, string> = {};
    for (const f of formats) {
      const res = await t.get(`/api/export?format=${f}`);
      expect(res.status).toBe(200);
      first[f] = res.body as string;
    }
    expect(first['people-csv']).toContain('Haddad, Omar');
    expect(first['dismissals-csv'].split('\n')).toHaveLength(4); // the header, two rows and the final newline
    await t.clear();
    for (const f of ['people-csv', 'ties-csv', 'events-ndjson', 'introductions-csv', 'dismissals-csv'] as const) {
      const res = await t.send('POST', `/api/import?format=${f}`, first[f], 'text/plain');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    for (const f of formats) expect((await t.get(`/api/export?format=${f}`)).body).toBe(first[f]);
  });

  it('GEXF export imports back as the same people and ties', async () => {
    const gexf = (await t.get('/api/export?format=gexf')).body as string;
    await t.clear();
    const res = await t.send('POST', '/api/import?format=gexf', gexf, 'application/xml');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = await counts();
    expect(c.people).toBe(3);
    expect(c.ties).toBe(2);
    expect((await t.get('/api/people/helena')).body.sectors).toEqual(['technology', 'finance']);
  });

  it('refuses to export an import-only format', async () => {
    const res = await t.get('/api/export?format=snap-signed');
    expect(res.status).toBe(400);
  });
});

describe('import progress', () => {
  it('reports an import with ?progress=ID as it runs (validating, then writing) and when it is done', async () => {
    await t.clear();
    const rows = Array.from({ length: 20_000 }, (_, k) => `p${k},p${(k * 7 + 1) % 20_000},0.5,,`);
    const body = `from,to,trust,since,lastContact\n${rows.join('\n')}\n`;
    const id = 'progress-test-1';
    const seen: { phase: string; bytes: number; totalBytes: number }[] = [];
    let finished = false;
    const post = t.send('POST', `/api/import?format=ties-csv&progress=${id}`, body, 'text/csv').finally(() => {
      finished = true;
    });
    while (!finished) {
      const res = await t.get(`/api/import/progress/${id}`);
      if (res.status === 200) seen.push(res.body);
      await new Promise((r) => setTimeout(r, 20));
    }
    const done = await post;
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.written.ties).toBe(20_000);
    // batched into an empty store: every person the ties name, and every tie, is new
    expect(done.body.created).toEqual({ people: 20_000, events: 0, ties: 20_000, introductions: 0, dismissals: 0 });
    // The writing pass was seen under way, part of the file read.
    expect(seen.some((s) => s.phase === 'writing' && s.bytes < s.totalBytes)).toBe(true);
    expect(seen.every((s) => s.totalBytes === Buffer.byteLength(body))).toBe(true);
    const end = (await t.get(`/api/import/progress/${id}`)).body;
    expect(end).toMatchObject({ id, phase: 'done', lines: 20_001, bytes: Buffer.byteLength(body), totalBytes: Buffer.byteLength(body) });
    expect(end.elapsedMs).toBeGreaterThan(0);
  });

  it('stops an import whose client goes away, and its progress says what was stored', async () => {
    await t.clear();
    const rows = Array.from({ length: 20_000 }, (_, k) => `c${k},c${(k * 7 + 1) % 20_000},0.5,,`);
    const body = `from,to,trust,since,lastContact\n${rows.join('\n')}\n`;
    const id = 'progress-cancel-1';
    const client = new AbortController();
    const post = fetch(`${t.url}/api/import?format=ties-csv&progress=${id}`, { method: 'POST', body, headers: { 'content-type': 'text/csv' }, signal: client.signal }).catch(
      (e: unknown) => e,
    );
    // The client leaves once the server is writing.
    for (;;) {
      const res = await t.get(`/api/import/progress/${id}`);
      if (res.status === 200 && res.body.phase === 'writing' && res.body.lines > 0) break;
      expect(res.body.phase ?? 'not started').not.toBe('done');
      await new Promise((r) => setTimeout(r, 10));
    }
    client.abort();
    expect(((await post) as Error).name).toBe('AbortError');
    let end;
    for (;;) {
      end = (await t.get(`/api/import/progress/${id}`)).body;
      if (end.phase !== 'writing') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(end.phase).toBe('cancelled');
    // 20,000 people are stored before the first batch of ties
    expect(end.stored).toBe(true);
    const stored = await counts();
    expect(stored.ties).toBeLessThan(20_000);
    expect(end.message).toBe(
      `The import was cancelled while writing; 20,000 people${stored.ties > 0 ? `, ${stored.ties.toLocaleString('en-US')} ties` : ''} had been stored when it stopped: ` +
        'the database was empty before: clear it (catalyst clear --yes) and import the file again',
    );
  });

  it('marks a refused import failed, refuses a running id, and answers unknown or malformed ids clearly', async () => {
    const bad = await t.send('POST', '/api/import?format=people-csv&progress=progress-test-2', 'id,name\nok,Ok\nbroken\n', 'text/csv');
    expect(bad.status).toBe(422);
    expect((await t.get('/api/import/progress/progress-test-2')).body).toMatchObject({ phase: 'failed', stored: false });
    const done = await t.send('POST', '/api/import?format=people-csv&progress=progress-test-3', 'id,name\nprogress-done,Done\n', 'text/csv');
    expect(done.status).toBe(200);
    expect((await t.get('/api/import/progress/progress-test-3')).body).toMatchObject({ phase: 'done', stored: true });
    const unknown = await t.get('/api/import/progress/never-started');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No import with progress id "never-started": none was started with it, or it ended more than 5 minutes ago');
    expect((await t.get('/api/import/progress/short')).status).toBe(400);
    const malformed = await t.send('POST', '/api/import?format=people-csv&progress=no%20spaces%20allowed', 'id,name\n', 'text/csv');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('progress must be 8 to 64 letters');
    expect((await t.get('/api/people/ok')).status).toBe(404);
  });
});
