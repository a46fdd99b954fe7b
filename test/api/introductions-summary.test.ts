/**
 * Every introduction at a glance (GET /api/introductions/summary) and the list's filters (status, before), on a
 * small world whose introductions are dated relative to now, so "waiting for an outcome" is known by construction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();
const month = (iso: string) => iso.slice(0, 7);
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

/** introducer, a, b, days ago, status, value */
const RECORDED: [string, string, string, number, string, number | null][] = [
  ['helena', 'ana', 'omar', 400, 'succeeded', 100],
  ['helena', 'ana', 'nia', 200, 'succeeded', null],
  ['helena', 'omar', 'nia', 120, 'failed', null],
  ['helena', 'ana', 'rasin', 90, 'made', null],
  ['rasin', 'omar', 'lee', 60, 'accepted', null],
  ['rasin', 'nia', 'lee', 45, 'declined', null],
  ['lee', 'ana', 'helena', 5, 'made', null],
  ['lee', 'omar', 'rasin', 2, 'succeeded', 20],
];

beforeAll(async () => {
  t = await startTestApp();
  for (const id of ['ana', 'omar', 'nia', 'helena', 'rasin', 'lee', 'town']) {
    expect((await t.send('POST', '/api/people', { id, name: id[0]!.toUpperCase() + id.slice(1) })).status).toBe(201);
  }
  // someone in none of the introductions knows everyone: every success counts in full (vouching.ts)
  for (const to of ['ana', 'omar', 'nia', 'helena', 'rasin', 'lee']) expect((await t.send('POST', '/api/ties', { from: 'town', to, trust: 1 })).status).toBe(201);
  // one event, long before the latest introductions: the activity timeline ends with it
  const event = { id: 'e1', at: daysAgo(300), drivers: [{ person: 'town' }], reached: [{ person: 'ana' }] };
  expect((await t.send('POST', '/api/events', event)).status).toBe(201);
  for (const [k, [introducer, a, b, ago, status, value]] of RECORDED.entries()) {
    const res = await t.send('POST', '/api/introductions', { id: `i${k}`, introducer, a, b, at: daysAgo(ago), status, value });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/introductions/summary', () => {
  it('counts by status, sums the value of the succeeded ones, and counts those waiting for an outcome', async () => {
    const res = await t.get('/api/introductions/summary');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(8);
    expect(res.body.byStatus).toEqual({ suggested: 0, made: 2, accepted: 1, declined: 1, succeeded: 3, failed: 1 });
    expect(res.body.succeededValue).toBe(120);
    // made or accepted, recorded more than 30 days ago: i3 (90 days) and i4 (60 days); i6 (5 days) is recent
    expect(res.body.waiting.days).toBe(30);
    expect(res.body.waiting.count).toBe(2);
    expect(Math.abs(Date.parse(res.body.waiting.before) - (Date.now() - 30 * DAY))).toBeLessThan(60_000);
    const wider = await t.get('/api/introductions/summary?waitingDays=3');
    expect(wider.body.waiting.count).toBe(3);
  });

  it('counts the requests (suggested: asked for, not made yet) recorded as long ago apart from those waiting for an outcome', async () => {
    expect((await t.get('/api/introductions/summary')).body.waiting.requests).toBe(0);
    const asked = [];
    for (const [introducer, a, b, ago] of [
      ['nia', 'ana', 'lee', 40],
      ['nia', 'omar', 'helena', 10],
    ] as const) {
      const res = await t.send('POST', '/api/introductions', { introducer, a, b, at: daysAgo(ago), status: 'suggested' });
      expect(res.status).toBe(201);
      asked.push(res.body.id as string);
    }
    try {
      const res = await t.get('/api/introductions/summary');
      expect(res.body.waiting).toMatchObject({ count: 2, requests: 1 });
      expect((await t.get('/api/introductions/summary?waitingDays=3')).body.waiting).toMatchObject({ count: 3, requests: 2 });
      // the board lists them with the same filter
      const listed = await t.get(`/api/introductions?status=suggested&before=${encodeURIComponent(res.body.waiting.before)}`);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([asked[0]]);
    } finally {
      for (const id of asked) expect((await t.send('DELETE', `/api/introductions/${id}`)).status).toBe(204);
    }
  });

  it('counts every month from the first introduction to the last, gaps included', async () => {
    const { months } = (await t.get('/api/introductions/summary')).body as { months: { month: string; counts: Record<string, number> }[] };
    expect(months[0]!.month).toBe(month(daysAgo(400)));
    expect(months.at(-1)!.month).toBe(month(daysAgo(2)));
    // consecutive calendar months, none skipped
    for (let k = 1; k < months.length; k++) {
      const [y0, m0] = months[k - 1]!.month.split('-').map(Number) as [number, number];
      const [y1, m1] = months[k]!.month.split('-').map(Number) as [number, number];
      expect(y1 * 12 + m1 - (y0 * 12 + m0)).toBe(1);
    }
    const total = (m: { counts: Record<string, number> }) => Object.values(m.counts).reduce((a, b) => a + b, 0);
    expect(months.reduce((s, m) => s + total(m), 0)).toBe(8);
    for (const [k, [, , , ago, status]] of RECORDED.entries()) {
      const at = months.find((m) => m.month === month(daysAgo(ago)));
      expect(at?.counts[status], `introduction ${k}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("lists the best introducers with their records, in the introducer ranking's order", async () => {
    const res = await t.get('/api/introductions/summary?introducers=10');
    const records = res.body.introducers as { id: string; made: number; succeeded: number; failed: number; declined: number; open: number; successRate: number }[];
    expect(records.map((r) => r.id)).toEqual(['helena', 'lee', 'rasin']);
    // Helena: 2 of 3 closed succeeded, smoothed with one pseudo-success and one pseudo-failure: 3 / 5
    expect(records[0]).toMatchObject({ made: 4, succeeded: 2, failed: 1, declined: 0, open: 1 });
    expect(records[0]!.successRate).toBeCloseTo(3 / 5, 12);
    // Rasin's one closed introduction was declined, which counts as not bearing fruit
    expect(records[2]).toMatchObject({ made: 2, succeeded: 0, failed: 1, declined: 1, open: 1 });
    expect(records[2]!.successRate).toBeCloseTo(1 / 3, 12);
    const ranking = await t.get('/api/influence?metric=introducer&limit=2');
    expect(ranking.body.items.map((i: { id: string }) => i.id)).toEqual(['helena', 'lee']);
    expect((await t.get('/api/introductions/summary?introducers=1')).body.introducers).toHaveLength(1);
  });

  it('ranks introducers at a time: the introductions made by then, their credit halving every year', async () => {
    const atHelena = async (at: string | null) => {
      const ranking = (await t.get(`/api/influence?metric=introducer&limit=10${at ? `&at=${at}` : ''}`)).body;
      return ranking.items.find((i: { id: string }) => i.id === 'helena')?.score as number;
    };
    // all time: 2 of 3 closed succeeded (values 100 and none), nothing decays
    expect(await atHelena(null)).toBeCloseTo((3 / 5) * (1 + Math.log1p(100) + 1), 9);
    // 300 days ago only the first, made 100 days before, had been made: 1 of 1, its credit decayed 100 days
    const then = daysAgo(300);
    expect(await atHelena(then)).toBeCloseTo((2 / 3) * 2 ** (-100 / 365) * (1 + Math.log1p(100)), 6);
    // Lee's one success is 2 days old: at 300 days ago he had none
    const earlier = (await t.get(`/api/influence?metric=introducer&at=${then}&limit=10`)).body;
    expect(earlier.items[0].id).toBe('helena');
    expect(earlier.items.find((i: { id: string }) => i.id === 'lee')?.score ?? 0).toBe(0);
    // the profile at that time gives the record as it stood
    const profile = (await t.get(`/api/people/helena/influence?at=${then}`)).body;
    expect(profile.introducer).toMatchObject({ made: 1, succeeded: 1, failed: 0, open: 0 });
    expect(profile.scores.introducer.score).toBeCloseTo(await atHelena(then), 9);
    // each score says the time it is for: the path metrics are all-time
    expect(Object.fromEntries(Object.entries(profile.scores).map(([m, s]) => [m, (s as { at: string | null }).at]))).toEqual({
      activity: then,
      pagerank: then,
      'pagerank-personalized': then,
      introducer: then,
      betweenness: null,
      degree: null,
      constraint: null,
    });
    const allTime = (await t.get('/api/people/helena/influence')).body.scores as Record<string, { at: string | null }>;
    expect(Object.values(allTime).every((s) => s.at === null)).toBe(true);
  });

  it('counts an outcome from its date: open before it, fading from it after', async () => {
    const helenaAt = async (at: string) =>
      ((await t.get(`/api/influence?metric=introducer&limit=10&at=${at}`)).body.items.find((i: { id: string }) => i.id === 'helena')?.score ?? 0) as number;
    // i1 (made 200 days ago) bore fruit 150 days ago
    const fruit = daysAgo(150);
    const outcomes = async () => (await t.get('/api/introductions/summary')).body.outcomes;
    expect(await outcomes()).toEqual({ dated: 0, medianDays: null });
    const patched = await t.send('PATCH', '/api/introductions/i1', { outcomeAt: fruit });
    try {
      expect(patched.body).toMatchObject({ status: 'succeeded', outcomeAt: fruit });
      // the summary says how long the dated outcomes took: this one 50 days
      const summary = await outcomes();
      expect(summary.dated).toBe(1);
      expect(summary.medianDays).toBeCloseTo(50, 2); // within minutes: i1 was recorded before the tests ran
      // 180 days ago: i0 had succeeded (220 days before), i1 was still open
      expect(await helenaAt(daysAgo(180))).toBeCloseTo((2 / 3) * 2 ** (-220 / 365) * (1 + Math.log1p(100)), 6);
      expect((await t.get(`/api/people/helena/influence?at=${daysAgo(180)}`)).body.introducer).toMatchObject({ made: 2, succeeded: 1, open: 1 });
      // 100 days ago: i1's fruit is 50 days old, not 100; the failure made 120 days ago has no date and counts
      const expected = (3 / 5) * (2 ** (-300 / 365) * (1 + Math.log1p(100)) + 2 ** (-50 / 365));
      expect(await helenaAt(daysAgo(100))).toBeCloseTo(expected, 6);
    } finally {
      expect((await t.send('PATCH', '/api/introductions/i1', { outcomeAt: null })).status).toBe(200);
    }
  });

  it('counts the dated outcomes by the month they came in, and lists those of a time range', async () => {
    const summary = async () => (await t.get('/api/introductions/summary')).body as { outcomeMonths: { month: string; counts: Record<string, number> }[] };
    expect((await summary()).outcomeMonths).toEqual([]);
    // i0 succeeded 380 days ago, i2 failed 100 days ago, i5 declined 40 days ago; the rest have no dated outcome
    const dated: [string, string][] = [
      ['i0', daysAgo(380)],
      ['i2', daysAgo(100)],
      ['i5', daysAgo(40)],
    ];
    try {
      for (const [id, outcomeAt] of dated) expect((await t.send('PATCH', `/api/introductions/${id}`, { outcomeAt })).status).toBe(200);
      const { outcomeMonths } = await summary();
      expect(outcomeMonths[0]!.month).toBe(month(daysAgo(380)));
      expect(outcomeMonths.at(-1)!.month).toBe(month(daysAgo(40)));
      for (let k = 1; k < outcomeMonths.length; k++) {
        const [y0, m0] = outcomeMonths[k - 1]!.month.split('-').map(Number) as [number, number];
        const [y1, m1] = outcomeMonths[k]!.month.split('-').map(Number) as [number, number];
        expect(y1 * 12 + m1).toBe(y0 * 12 + m0 + 1);
      }
      const counted = (m: string) => Object.fromEntries(Object.entries(outcomeMonths.find((x) => x.month === m)!.counts).filter(([, c]) => c > 0));
      expect(counted(month(daysAgo(380)))).toEqual({ succeeded: 1 });
      expect(counted(month(daysAgo(100)))).toEqual({ failed: 1 });
      expect(counted(month(daysAgo(40)))).toEqual({ declined: 1 });
      expect(outcomeMonths.reduce((n, m) => n + Object.values(m.counts).reduce((a, b) => a + b, 0), 0)).toBe(3);
      // the list keeps those whose outcome is in [outcomeSince, outcomeBefore): i2's date is in, i5's is out
      const range = async (since: string, before: string) =>
        (await t.get(`/api/introductions?outcomeSince=${encodeURIComponent(since)}&outcomeBefore=${encodeURIComponent(before)}`)).body;
      const both = await range(daysAgo(110), daysAgo(30));
      expect(ids(both)).toEqual(['i5', 'i2']);
      expect(both.total).toBe(2);
      const stored = async (id: string) => (await t.get(`/api/introductions/${id}`)).body.outcomeAt as string;
      expect(ids(await range(await stored('i2'), await stored('i5')))).toEqual(['i2']);
      // kept to an outcome range, the latest outcome comes first, whenever it was recorded: i0, recorded 400 days
      // ago, bore fruit 30 days ago
      expect((await t.send('PATCH', '/api/introductions/i0', { outcomeAt: daysAgo(30) })).status).toBe(200);
      expect(ids(await range(daysAgo(110), daysAgo(0)))).toEqual(['i0', 'i5', 'i2']);
      expect(ids((await t.get('/api/introductions?status=succeeded,failed,declined')).body).slice(0, 4)).toEqual(['i7', 'i5', 'i2', 'i1']);
      // combined with a status, and refused when unreadable
      expect(ids((await t.get(`/api/introductions?status=declined&outcomeSince=${encodeURIComponent(daysAgo(400))}`)).body)).toEqual(['i5']);
      const bad = await t.get('/api/introductions?outcomeBefore=someday');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('"outcomeBefore"');
    } finally {
      for (const [id] of dated) expect((await t.send('PATCH', `/api/introductions/${id}`, { outcomeAt: null })).status).toBe(200);
    }
  });

  it("serves the introducer score over time as a timeline basis, each sample the ranking's score at that time", async () => {
    const tl = (await t.get('/api/timeline?metric=introducer&basis=introducer&steps=6&limit=10')).body;
    expect(tl.basis).toBe('introducer');
    expect(tl.times).toHaveLength(6);
    for (const id of ['helena', 'lee', 'rasin']) {
      const series: number[] = tl.values[tl.nodes.indexOf(id)];
      for (const [k, time] of (tl.times as number[]).entries()) {
        const ranked = (await t.get(`/api/influence?metric=introducer&at=${new Date(time).toISOString()}&limit=10`)).body.items;
        expect(series[k]).toBeCloseTo(ranked.find((i: { id: string }) => i.id === id)?.score ?? 0, 5);
      }
    }
    // Helena's succeeded introductions were made 400 and 200 days ago: her score rises at each, fades in between
    const helena: number[] = tl.values[tl.nodes.indexOf('helena')];
    expect(Math.max(...helena)).toBeGreaterThan(0);
    expect(helena.some((v, k) => k > 0 && v < helena[k - 1]!)).toBe(true);
    expect(helena.some((v, k) => k > 0 && v > helena[k - 1]!)).toBe(true);
    // the activity timeline ends with the one event; this one runs on to the latest introduction, 2 days ago
    const activity = (await t.get('/api/timeline?steps=6&limit=10')).body;
    expect(activity.times.at(-1)).toBeLessThan(Date.now() - 290 * DAY);
    expect(tl.times.at(-1)).toBeCloseTo(Date.parse(daysAgo(2)), -6); // within minutes: the world was recorded before the tests ran
    // an outcome recorded today is in the next timeline (none is served from before it), which runs on to it
    const closed = await t.send('PATCH', '/api/introductions/i5', { status: 'succeeded', value: 10 });
    expect(closed.status).toBe(200);
    try {
      const after = (await t.get('/api/timeline?metric=introducer&basis=introducer&steps=6&limit=10')).body;
      expect(after.times.at(-1)).toBe(Date.parse(closed.body.outcomeAt));
      const rasin: number[] = after.values[after.nodes.indexOf('rasin')];
      expect(rasin.at(-1)).toBeGreaterThan(0);
    } finally {
      expect((await t.send('PATCH', '/api/introductions/i5', { status: 'declined', value: null })).status).toBe(200);
    }
  });

  it("a person's introducer curve: the introducer score at each point, its peaks and fade read from it", async () => {
    const curve = (await t.get('/api/people/helena/curve?metric=introducer')).body;
    expect(curve.metric).toBe('introducer');
    expect(curve.points).toHaveLength(365);
    expect(curve.positive).toBeUndefined();
    for (const k of [0, 100, 200, 364]) {
      const { t: time, value } = curve.points[k];
      const ranked = (await t.get(`/api/influence?metric=introducer&at=${new Date(time).toISOString()}&limit=10`)).body.items;
      expect(value).toBeCloseTo(ranked.find((i: { id: string }) => i.id === 'helena')?.score ?? 0, 9);
    }
    // her second success (200 days ago) is a peak
    expect(curve.peaks.length).toBeGreaterThan(0);
    // someone who never introduced anyone has a flat zero curve, not an error
    const flat = (await t.get('/api/people/ana/curve?metric=introducer&step=30')).body;
    expect(flat.points.every((p: { value: number }) => p.value === 0)).toBe(true);
    expect((await t.get('/api/people/helena/curve?metric=fame')).status).toBe(400);
  });

  it('does not rank an introducer by successes among people nobody else knows', async () => {
    const farm = ['farmer', 'f1', 'f2', 'f3'];
    for (const id of farm) expect((await t.send('POST', '/api/people', { id, name: id })).status).toBe(201);
    const made: string[] = [];
    try {
      // the made-up people vouch for one another and for the farmer, fully; nobody else knows them
      for (const x of farm) for (const y of farm) if (x !== y) expect((await t.send('POST', '/api/ties', { from: x, to: y, trust: 1 })).status).toBe(201);
      for (const [a, b] of [['f1', 'f2'], ['f1', 'f3'], ['f2', 'f3']]) {
        const res = await t.send('POST', '/api/introductions', { introducer: 'farmer', a, b, at: daysAgo(3), status: 'succeeded', value: 1_000_000 });
        expect(res.status).toBe(201);
        made.push(res.body.id as string);
      }
      const ranking = await t.get('/api/influence?metric=introducer&limit=2');
      expect(ranking.body.items.map((i: { id: string }) => i.id)).toEqual(['helena', 'lee']);
      const records = (await t.get('/api/introductions/summary?introducers=10')).body.introducers as { id: string }[];
      expect(records.find((r) => r.id === 'farmer')).toMatchObject({ made: 3, succeeded: 3, counted: 0, creditedValue: 0, score: 0, successRate: 0.5 });
      expect((await t.get('/api/people/farmer/influence')).body.introducer).toMatchObject({ succeeded: 3, counted: 0, score: 0 });
      // once the town knows them, they count
      for (const to of ['f1', 'f2', 'f3']) expect((await t.send('POST', '/api/ties', { from: 'town', to, trust: 1 })).status).toBe(201);
      const after = (await t.get('/api/introductions/summary?introducers=1')).body.introducers[0];
      expect(after).toMatchObject({ id: 'farmer', counted: 3, creditedValue: 3_000_000 });
    } finally {
      for (const id of made) expect((await t.send('DELETE', `/api/introductions/${id}`)).status).toBe(204);
      for (const id of farm) expect((await t.send('DELETE', `/api/people/${id}`)).status).toBe(200);
    }
  });

  it('follows an outcome as soon as it is recorded', async () => {
    expect((await t.send('PATCH', '/api/introductions/i3', { status: 'succeeded', value: 5 })).status).toBe(200);
    const res = await t.get('/api/introductions/summary');
    expect(res.body.byStatus).toMatchObject({ made: 1, succeeded: 4 });
    expect(res.body.succeededValue).toBe(125);
    expect(res.body.waiting.count).toBe(1);
    expect(res.body.introducers[0]).toMatchObject({ id: 'helena', succeeded: 3, open: 0 });
    expect((await t.send('PATCH', '/api/introductions/i3', { status: 'made', value: null })).status).toBe(200);
  });

  it('answers 400 naming the parameter for a bad value, and is not taken for an introduction id', async () => {
    const bad = await t.get('/api/introductions/summary?waitingDays=-1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"waitingDays"');
    expect((await t.get('/api/introductions/summary?person=ana')).status).toBe(400);
    expect((await t.get('/api/introductions/i0')).body.id).toBe('i0');
  });
});

describe('GET /api/introductions: status, since and before', () => {

  it('keeps the statuses asked for, newest first, with their total', async () => {
    const res = await t.get('/api/introductions?status=made,accepted');
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(['i6', 'i4', 'i3']);
    expect(res.body.total).toBe(3);
    expect(ids((await t.get('/api/introductions?status=succeeded&limit=2')).body)).toEqual(['i7', 'i1']);
    expect((await t.get('/api/introductions?status=succeeded&limit=2')).body.total).toBe(3);
  });

  it('keeps those recorded before a time, and combines with person and status', async () => {
    const before = encodeURIComponent(daysAgo(30));
    const res = await t.get(`/api/introductions?before=${before}`);
    expect(ids(res.body)).toEqual(['i5', 'i4', 'i3', 'i2', 'i1', 'i0']);
    // what the summary calls waiting, as a list
    const waiting = await t.get(`/api/introductions?status=made,accepted&before=${before}`);
    expect(ids(waiting.body)).toEqual(['i4', 'i3']);
    expect(waiting.body.total).toBe((await t.get('/api/introductions/summary')).body.waiting.count);
    const anas = await t.get(`/api/introductions?person=ana&status=made,accepted&before=${before}`);
    expect(ids(anas.body)).toEqual(['i3']);
    expect(anas.body.total).toBe(1);
  });

  it('keeps those recorded in a time range [since, before)', async () => {
    const since = daysAgo(100);
    const before = daysAgo(50);
    const res = await t.get(`/api/introductions?since=${encodeURIComponent(since)}&before=${encodeURIComponent(before)}`);
    expect(ids(res.body)).toEqual(['i4', 'i3']);
    expect(res.body.total).toBe(2);
    // an introduction recorded exactly at `since` is in, one exactly at `before` is out
    const at = (await t.get('/api/introductions/i4')).body.at as string;
    expect(ids((await t.get(`/api/introductions?since=${encodeURIComponent(at)}&before=${encodeURIComponent(daysAgo(10))}`)).body)).toEqual(['i5', 'i4']);
    expect(ids((await t.get(`/api/introductions?since=${encodeURIComponent(daysAgo(100))}&before=${encodeURIComponent(at)}`)).body)).toEqual(['i3']);
    expect((await t.get('/api/introductions?since=soon')).status).toBe(400);
  });

  it('refuses an unknown status or an unreadable time, naming it', async () => {
    const status = await t.get('/api/introductions?status=made,maybe');
    expect(status.status).toBe(400);
    expect(status.body.error.message).toContain('unknown status "maybe"');
    expect(status.body.error.message).toContain('succeeded');
    const before = await t.get('/api/introductions?before=last-week');
    expect(before.status).toBe(400);
    expect(before.body.error.message).toContain('"before"');
  });
});
