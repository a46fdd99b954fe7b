/**
 * The analysis in its own thread (src/services/analysis.ts), on bitcoin-otc (5,881 people, 35,592 ratings) in
 * the real Neo4j: while it builds the explorer's picture of a network read afresh, the server goes on answering
 * everything else; it answers as the same services run inline do; a thread that dies answers 503 and the next
 * request starts a new one; a closed analysis refuses calls.
 */
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisStatus } from '../../src/api/contract.ts';
import { AnalysisThread } from '../../src/services/analysis-client.ts';
import { createServices } from '../../src/services/index.ts';
import { warmAfterChanges, warmAnalysis } from '../../src/services/warm.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { sharedPath } from '../support/shared.ts';

let t: TestApp;
const logs: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ log: (msg) => logs.push(msg) });
  const file = sharedPath('data/bitcoin-otc/soc-sign-bitcoinotc.csv');
  await t.services.importer.import({ format: 'snap-signed', open: () => createReadStream(file) });
}, 600_000);
afterAll(async () => {
  await t.close();
});

const thread = () => t.services.analysis as unknown as AnalysisThread;

/** Polls `path` every 20 ms until `done` settles; the time each answer took (ms), and what `bodies` got. */
async function pollWhile(path: string, done: Promise<unknown>, bodies: unknown[] = []): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const times: number[] = [];
  while (!finished) {
    const t0 = performance.now();
    const res = await t.get(path);
    expect(res.status).toBe(200);
    times.push(performance.now() - t0);
    bodies.push(res.body);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

describe('the analysis thread', () => {
  it('runs the analysis in its own thread by default', () => {
    expect(t.services.analysis.mode).toBe('thread');
  });

  it('while it builds the picture of a network read afresh, health checks and reads of people answer at once', async () => {
    // each read once first: the first run of a query is planned by Neo4j, hundreds of ms that are not waiting
    for (const path of ['/api/health', '/api/people?limit=5']) expect((await t.get(path)).status).toBe(200);
    const mark = logs.length;
    const t0 = performance.now();
    const graph = t.get('/api/graph?metric=betweenness&limit=2000');
    const statuses: AnalysisStatus[] = [];
    const [health, people, analysis] = await Promise.all([
      pollWhile('/api/health', graph),
      pollWhile('/api/people?limit=5', graph),
      pollWhile('/api/analysis', graph, statuses),
    ]);
    const res = await graph;
    const took = performance.now() - t0;
    expect(res.status).toBe(200);
    expect(res.body.nodes).toHaveLength(2000);
    // the picture was real work: the store read, the layout and Louvain of 5,881 people
    expect(logs.slice(mark).some((m) => m.startsWith('projection v'))).toBe(true);
    expect(logs.slice(mark).some((m) => m.startsWith('layout v'))).toBe(true);
    expect(took).toBeGreaterThan(1000);
    // in the request thread, the first poll would have waited for the whole build
    const slowest = Math.max(...health, ...people);
    expect(health.length, `${health.length} health checks in ${Math.round(took)} ms`).toBeGreaterThan(5);
    expect(slowest, `slowest answer ${Math.round(slowest)} ms while the picture took ${Math.round(took)} ms`).toBeLessThan(Math.min(400, took / 3));
    expect(Math.max(...analysis)).toBeLessThan(Math.min(400, took / 3));

    // meanwhile, GET /api/analysis said what it was doing: reading the store (counting up to every row), then
    // Louvain and the layout's iterations, in that order
    const stages = statuses.flatMap((s) => (s.stage ? [s.stage] : []));
    const names = [...new Set(stages.map((s) => s.name))];
    expect(names).toEqual(expect.arrayContaining(['read', 'layout']));
    expect(names.indexOf('read')).toBeLessThan(names.indexOf('layout'));
    for (const s of stages.filter((x) => x.name === 'read')) {
      expect(s.label).toBe('Reading 5,881 people and 35,592 events from Neo4j');
      expect(s.total).toBe(5_881 + 35_592);
      expect(s.done).toBeLessThanOrEqual(s.total!);
    }
    const layout = stages.filter((x) => x.name === 'layout' && x.total !== null);
    expect(layout.length).toBeGreaterThan(0);
    for (const s of layout) expect(s).toMatchObject({ label: 'Laying out 5,881 people (ForceAtlas2)', total: 40 });
    expect(layout.map((s) => s.done)).toEqual([...layout.map((s) => s.done!)].sort((a, b) => a - b));
    expect(statuses.every((s) => s.mode === 'thread' && (s.stage === null || s.calls > 0))).toBe(true);
    // and once it is done, it is idle
    expect((await t.get('/api/analysis')).body).toEqual({ mode: 'thread', calls: 0, stage: null });
  });

  it('answers as the same services run inline', async () => {
    const inline = createServices(t.db, undefined, { analysis: 'inline' });
    expect(inline.analysis.mode).toBe('inline');
    const query = { metric: 'pagerank', limit: 300, maxEdges: 2000 };
    expect(await t.services.influence.graphView(query)).toEqual(await inline.influence.graphView(query));
    const rank = { metric: 'betweenness', at: Date.parse('2013-01-01'), limit: 50, offset: 0 };
    expect(await t.services.influence.rank(rank)).toEqual(await inline.influence.rank(rank));
    expect(await t.services.influence.profile('35', null)).toEqual(await inline.influence.profile('35', null));
    expect(await t.services.suggestions.suggest({ person: '35', limit: 10, minScore: 0 })).toEqual(await inline.suggestions.suggest({ person: '35', limit: 10, minScore: 0 }));
  });

  it("an error keeps its status, code and message across the thread", async () => {
    const res = await t.get('/api/people/nobody-here/influence');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', message: 'Person "nobody-here" does not exist' });
    // an argument that cannot go to another thread is refused here, and leaves nothing waiting
    const notData = { metric: 'pagerank', limit: 1, offset: 0, at: () => 0 } as unknown as Parameters<typeof t.services.influence.rank>[0];
    await expect(t.services.influence.rank(notData)).rejects.toThrow(/could not be cloned/);
    expect(t.services.analysis.status().calls).toBe(0);
  });

  it('a thread that dies answers the calls it had with 503 and why; the next request starts a new one', async () => {
    const before = thread().starts;
    t.services.version.bump('graph'); // the next call reads the store again: seconds of work
    const pending = t.get('/api/graph?metric=pagerank&limit=100');
    await new Promise((r) => setTimeout(r, 200));
    await thread().worker!.terminate();
    const res = await pending;
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('analysis_unavailable');
    expect(res.body.error.message).toMatch(/^The analysis stopped before it answered \(exit code 1\); the next request starts it again$/);
    const again = await t.get('/api/graph?metric=pagerank&limit=100');
    expect(again.status).toBe(200);
    expect(again.body.nodes).toHaveLength(100);
    expect(thread().starts).toBe(before + 1);
  });

  it('warmed after a change, the first view after it reads nothing and lays out nothing', async () => {
    const stop = warmAfterChanges(t.services.version, () => warmAnalysis(t.services.analysis, (msg) => logs.push(msg)), 100);
    try {
      const mark = logs.length;
      expect((await t.send('POST', '/api/people', { name: 'Warm Welcome' })).status).toBe(201);
      // no request to the analysis: it reads the store, ranks and lays out the default map by itself
      const warmed = Date.now() + 60_000;
      while (!logs.slice(mark).some((m) => m.startsWith('influence engine warm:')) && Date.now() < warmed) await new Promise((r) => setTimeout(r, 100));
      const warmLog = logs.slice(mark).find((m) => m.startsWith('influence engine warm:'));
      expect(warmLog).toMatch(/^influence engine warm: projection \d+ ms, pagerank \d+ ms, communities \d+ ms, layout \d+ ms, activity/);
      expect(logs.slice(mark).filter((m) => m.startsWith('projection v'))).toHaveLength(1);
      const after = logs.length;
      const res = await t.get('/api/graph?limit=100');
      expect(res.status).toBe(200);
      expect(logs.slice(after).filter((m) => m.startsWith('projection v') || m.startsWith('layout v'))).toEqual([]);
    } finally {
      stop();
    }
  });

  it('a view asked for during the warm-up is answered once its map is laid out, before the other metrics', async () => {
    t.services.version.bump('graph');
    const order: string[] = [];
    const warm = t.services.influence.warm().then((timings) => {
      order.push('warm');
      return timings;
    });
    // ask for the map once the warm-up is past reading the store, in its own work
    const deadline = Date.now() + 60_000;
    for (;;) {
      const stage = (await t.get('/api/analysis')).body.stage as AnalysisStatus['stage'];
      if (stage && (stage.name === 'communities' || stage.name === 'layout')) break;
      expect(Date.now(), 'the warm-up never reached the communities').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 10));
    }
    const graph = t.get('/api/graph?limit=100').then((res) => {
      order.push('graph');
      return res;
    });
    const [timings, res] = await Promise.all([warm, graph]);
    expect(res.status).toBe(200);
    expect(Object.keys(timings).slice(0, 4)).toEqual(['projection', 'pagerank', 'communities', 'layout']);
    // the other metrics came after the map was answered
    expect(order).toEqual(['graph', 'warm']);
  });

  it('a store it cannot reach answers 503 naming it, and the next call tries again', async () => {
    const version = { current: 0, graph: 0 };
    const lost = new AnalysisThread({ uri: 'bolt://127.0.0.1:1', connectTimeoutMs: 600 }, version);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const t0 = performance.now();
        await expect(lost.influence.meta()).rejects.toMatchObject({ status: 503, code: 'database_unavailable', message: expect.stringMatching(/^Neo4j at bolt:\/\/127\.0\.0\.1:1 did not answer/) });
        // each call tried to connect again for the whole timeout, rather than being answered the old failure
        expect(performance.now() - t0).toBeGreaterThan(500);
      }
      expect(lost.starts).toBe(1);
    } finally {
      await lost.close();
    }
  });

  it('once closed, refuses calls with 503', async () => {
    const other = createServices(t.db);
    expect((await other.influence.meta()).counts.people).toBe(5882); // bitcoin-otc and Warm Welcome
    await other.analysis.close();
    await expect(other.influence.meta()).rejects.toMatchObject({ status: 503, code: 'analysis_unavailable', message: 'The analysis is not running: the server is shutting down' });
  });
});
