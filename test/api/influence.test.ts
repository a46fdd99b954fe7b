/**
 * The influence API on the demo world: the planted archetypes come out as planted, and the endpoints'
 * options and errors behave as documented.
 */
import { describe, expect, it } from 'vitest';
import { type TestApp, useDemoApp } from '../support/app.ts';
import { tieDates } from '../support/records.ts';

let t: TestApp;
useDemoApp((app) => (t = app));

interface Timeline {
  nodes: string[];
  values: number[][];
}
/** The `n` people a timeline values most at sample `k`, most first. */
const topOfTimeline = (tl: Timeline, k: number, n = 8): string[] =>
  tl.nodes
    .map((id, i) => ({ id, v: tl.values[i]![k]! }))
    .sort((x, y) => y.v - x.v)
    .slice(0, n)
    .map((x) => x.id);

const profile = async (id: string) => {
  const res = await t.get(`/api/people/${id}/influence`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('planted archetypes', () => {
  it('the fad is a fad: sharp peak, half-life in weeks', async () => {
    const curve = (await t.get('/api/people/p-fad/curve')).body;
    expect(curve.fadeClass).toBe('fad');
    expect(curve.halfLifeDays).toBeLessThan(60);
    expect(curve.peaks.length).toBeGreaterThan(0);
  });

  it('the lasting figure is lasting', async () => {
    const curve = (await t.get('/api/people/p-lasting/curve')).body;
    expect(curve.fadeClass).toBe('lasting');
  });

  it('the comeback has a resurgence after years of dormancy', async () => {
    const curve = (await t.get('/api/people/p-comeback/curve')).body;
    expect(curve.resurgences.length).toBeGreaterThanOrEqual(1);
    expect(curve.resurgences[0].afterDormantDays).toBeGreaterThan(3 * 365);
    expect(curve.dormancy.length).toBeGreaterThanOrEqual(1);
  });

  it('the controversial figure has a high controversy index, higher than almost everyone', async () => {
    const victor = await profile('p-controversial');
    expect(victor.polarity.controversy).toBeGreaterThan(0.8);
    expect(victor.polarity.positive).toBeGreaterThan(0);
    expect(victor.polarity.negative).toBeGreaterThan(0);
    const lasting = await profile('p-lasting');
    expect(victor.polarity.controversy).toBeGreaterThan(lasting.polarity.controversy + 0.5);
  });

  it("the one-medium figure's influence sits in one medium", async () => {
    const sam = await profile('p-podcaster');
    const total = sam.mediumProfile.reduce((s: number, m: { influence: number }) => s + m.influence, 0);
    expect(sam.mediumProfile[0].medium).toBe('podcast');
    expect(sam.mediumProfile[0].influence / total).toBeGreaterThan(0.9);
  });

  it("names a person's community on the layer asked for, as /api/graph numbers it there", async () => {
    const communityOn = async (layer: string) =>
      ((await t.get(`/api/graph?layer=${layer}&limit=1000`)).body.nodes as { id: string; community: number }[]).find((n) => n.id === 'p-cross')!.community;
    const [influence, ties] = [await communityOn('influence'), await communityOn('ties')];
    expect((await profile('p-cross')).community).toBe(influence);
    expect((await t.get('/api/people/p-cross/influence?layer=influence')).body.community).toBe(influence);
    expect((await t.get('/api/people/p-cross/influence?layer=ties')).body.community).toBe(ties);
    // the two layers group people differently: somebody's numbers differ
    const graphs = await Promise.all(['influence', 'ties'].map(async (l) => (await t.get(`/api/graph?layer=${l}&limit=1000`)).body.nodes as { id: string; community: number }[]));
    const onTies = new Map(graphs[1]!.map((n) => [n.id, n.community]));
    expect(graphs[0]!.some((n) => onTies.get(n.id) !== n.community)).toBe(true);
  });

  it('the cross-sector figure reaches several sectors', async () => {
    const nia = await profile('p-cross');
    expect(nia.sectorProfile.length).toBeGreaterThanOrEqual(5);
    expect(nia.sectorReach.length).toBeGreaterThanOrEqual(5);
  });

  it('the connector is the top introducer', async () => {
    const res = await t.get('/api/influence?metric=introducer&limit=1');
    expect(res.body.items[0].id).toBe('p-connector');
    const helena = await profile('p-connector');
    expect(helena.introducer.successRate).toBeGreaterThan(0.5);
    expect(helena.introducer.successRate).toBeLessThan(1);
  });

  it('the rating ring is flagged as a suspected collusion ring, with the evidence; the archetypes are not', async () => {
    const rings = (await t.get('/api/rings')).body.rings;
    expect(rings).toHaveLength(1);
    expect(rings[0].members.map((m: { id: string }) => m.id)).toEqual(['p-ring-1', 'p-ring-2', 'p-ring-3', 'p-ring-4', 'p-ring-5', 'p-ring-6']);
    const member = await profile('p-ring-3');
    expect(member.flags.ring).toBe(true);
    expect(member.flags.reason).toContain('vouch for each other');
    expect((await profile('p-connector')).flags).toEqual({ ring: false });
  });

  it('Trusted PageRank without seeds starts from the ten most trusted people: trust PageRank, trusted by someone, in no suspected ring', async () => {
    const res = (await t.get('/api/influence?metric=pagerank-personalized&limit=400')).body;
    const trustRanking = (await t.get('/api/influence?metric=pagerank&layer=ties&limit=400')).body.items.map((i: { id: string }) => i.id) as string[];
    const flagged = new Set((await t.get('/api/rings')).body.rings.flatMap((r: { members: { id: string }[] }) => r.members.map((m) => m.id)));
    const trusted = new Set([...(await tieDates(t)).keys()].map((pair) => pair.split('>')[1]));
    const expected = trustRanking.filter((id) => !flagged.has(id) && trusted.has(id)).slice(0, 10);
    expect(expected).toHaveLength(10);
    expect(res.seeds.map((x: { id: string }) => x.id)).toEqual(expected);
    expect(res.seeds[0]).toEqual({ id: 'p-connector', name: 'Helena Brandt' });
    // the same ranking as with those seeds given, in any order; the answer names the seeds it ran with
    const given = (await t.get(`/api/influence?metric=pagerank-personalized&limit=400&seeds=${[...expected].reverse().join(',')}`)).body;
    expect(given.items).toEqual(res.items);
    expect(given.seeds.map((x: { id: string }) => x.id)).toEqual([...expected].reverse());
    // the rating ring sinks
    const ringRanks = res.items.filter((i: { id: string }) => i.id.startsWith('p-ring-')).map((i: { rank: number }) => i.rank);
    expect(ringRanks).toHaveLength(6);
    expect(Math.min(...ringRanks)).toBeGreaterThan(300);
    // other metrics have no seeds to name
    expect((await t.get('/api/influence?metric=pagerank&limit=1')).body.seeds).toBeUndefined();
  });

  it("a profile has its Trusted PageRank, all time or at the slider's time: a ring member high on PageRank, low on it", async () => {
    const ring = await profile('p-ring-1');
    expect(ring.scores.pagerank.rank).toBeLessThanOrEqual(40);
    expect(ring.scores['pagerank-personalized'].rank).toBeGreaterThan(300);
    const ranked = (await t.get('/api/influence?metric=pagerank-personalized&limit=400')).body.items;
    expect(ring.scores['pagerank-personalized'].score).toBe(ranked.find((i: { id: string }) => i.id === 'p-ring-1').score);
    // with the explorer's seeds, and at a time
    const at = '2024-01-01T00:00:00.000Z';
    const seeded = (await t.get(`/api/people/p-fad/influence?at=${at}&seeds=p-lasting`)).body.scores['pagerank-personalized'];
    const atRanking = (await t.get(`/api/influence?metric=pagerank-personalized&at=${at}&seeds=p-lasting&limit=400`)).body.items;
    expect(seeded).toMatchObject({ score: atRanking.find((i: { id: string }) => i.id === 'p-fad').score, at });
  });

  it('the rating ring ranks high on naive PageRank but low when trust is anchored in seeds', async () => {
    const plain = (await t.get('/api/influence?metric=pagerank&limit=400')).body.items;
    const seeded = (await t.get('/api/influence?metric=pagerank-personalized&seeds=p-lasting,p-connector&limit=400')).body.items;
    const ringRanks = (items: { id: string; rank: number }[]) => items.filter((i) => i.id.startsWith('p-ring-')).map((i) => i.rank);
    expect(Math.min(...ringRanks(plain))).toBeLessThanOrEqual(40);
    expect(Math.min(...ringRanks(seeded))).toBeGreaterThan(200);
  });
});

describe('GET /api/influence', () => {
  it('ranks with scores, ranks and totals, and pages', async () => {
    const first = (await t.get('/api/influence?metric=pagerank&limit=5')).body;
    expect(first.total).toBe(400);
    expect(first.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    const second = (await t.get('/api/influence?metric=pagerank&limit=5&offset=5')).body;
    expect(second.items[0].rank).toBe(6);
    expect(second.items[0].score).toBeLessThanOrEqual(first.items[4].score);
  });

  it('decays with time: the fad leads at her peak and is gone years later', async () => {
    const curve = (await t.get('/api/people/p-fad/curve')).body;
    const peak = new Date(curve.peaks[0].t).toISOString();
    const atPeak = (await t.get(`/api/influence?metric=activity&at=${peak}&limit=3`)).body;
    expect(atPeak.at).toBe(peak);
    expect(atPeak.items.map((i: { id: string }) => i.id)).toContain('p-fad');
    const later = new Date(curve.peaks[0].t + 3 * 365 * 86_400_000).toISOString();
    const res = (await t.get(`/api/influence?metric=activity&at=${later}&limit=400`)).body;
    const fad = res.items.find((i: { id: string }) => i.id === 'p-fad');
    expect(fad.score).toBeLessThan(curve.peaks[0].value / 100);
  });

  it('temporal pagerank at t differs from static and sees only events up to t', async () => {
    const early = (await t.get('/api/influence?metric=pagerank&at=2017-01-01&limit=400')).body;
    const fad = early.items.find((i: { id: string }) => i.id === 'p-fad');
    const ranks = (await t.get('/api/influence?metric=pagerank&limit=1')).body;
    expect(ranks.items[0].id).toBe('p-fad');
    expect(fad.rank).toBeGreaterThan(10);
  });

  it('slices by sector, medium and polarity', async () => {
    const podcast = (await t.get('/api/influence?metric=activity&medium=podcast&limit=1')).body;
    expect(podcast.items[0].id).toBe('p-podcaster');
    const negative = (await t.get('/api/influence?metric=activity&polarity=negative&limit=1')).body;
    expect(negative.items[0].id).toBe('p-controversial');
    const music = (await t.get('/api/influence?metric=pagerank&sector=music&limit=3')).body;
    expect(music.items.length).toBe(3);
  });

  it("the explorer's graph and timeline slice by sector and medium as the rankings do: the people the events involve", async () => {
    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    const music = (await t.get('/api/graph?sector=music&limit=1000')).body;
    const ranked = (await t.get('/api/influence?metric=pagerank&sector=music&limit=1000')).body;
    expect(music.nodes.length).toBe(music.total.nodes);
    expect(music.nodes.length).toBeGreaterThan(10);
    expect(music.nodes.length).toBeLessThan(ranked.total);
    // the slice's people, in the slice's ranking order, with its scores: everyone ranked above the floor of
    // PageRank (those influence reached) is there; at the floor, those who drove an event nobody is named as reached by
    const shown = new Set(ids(music.nodes));
    expect(ids(music.nodes)).toEqual(ids(ranked.items).filter((id) => shown.has(id)));
    const floor = Math.min(...ranked.items.map((i: { score: number }) => i.score));
    expect(ranked.items.filter((i: { score: number }) => i.score > floor).every((i: { id: string }) => shown.has(i.id))).toBe(true);
    expect(music.nodes[0].score).toBeCloseTo(ranked.items[0].score, 12);
    // influence crosses sectors: people who list other sectors take part in music's events
    expect(music.nodes.some((n: { sectors: string[] }) => !n.sectors.includes('music'))).toBe(true);
    expect(music.edges.every((e: { source: string; target: string }) => shown.has(e.source) && shown.has(e.target))).toBe(true);
    expect(music.total.edges).toBeLessThan((await t.get('/api/graph?limit=1')).body.total.edges);
    // the time slider shows the same people
    const timeline = (await t.get('/api/timeline?sector=music&steps=4&limit=1000')).body;
    expect(timeline.nodes).toEqual(ids(music.nodes));
    // a medium slices the same way: the podcaster leads podcast activity
    const podcast = (await t.get('/api/graph?metric=activity&medium=podcast&limit=5')).body;
    expect(podcast.nodes[0].id).toBe('p-podcaster');
    // a sector no event carries has nobody in it
    expect((await t.get('/api/graph?sector=astrology')).body).toMatchObject({ nodes: [], edges: [] });
  });

  it("focus keeps the explorer's graph and timeline to a person's neighbourhood, on the links the map draws", async () => {
    type Node = { id: string; score: number; hops?: number };
    type Edge = { source: string; target: string };
    for (const layer of ['influence', 'ties']) {
      // the steps from the connector, found here from every edge of the whole map
      const whole = (await t.get(`/api/graph?layer=${layer}&limit=1000&maxEdges=1000000`)).body as { nodes: Node[]; edges: Edge[]; total: { edges: number } };
      expect(whole.edges.length).toBe(whole.total.edges);
      const steps = new Map([['p-connector', 0]]);
      for (let hop = 1; hop <= 2; hop++) {
        for (const e of whole.edges) {
          for (const [u, v] of [[e.source, e.target], [e.target, e.source]] as const) if (steps.get(u) === hop - 1 && !steps.has(v)) steps.set(v, hop);
        }
      }
      for (const hops of [1, 2]) {
        const around = [...steps].filter(([, d]) => d <= hops).map(([id]) => id);
        const focused = (await t.get(`/api/graph?layer=${layer}&focus=p-connector&hops=${hops}&limit=1000`)).body;
        const where = `${layer}, ${hops} steps`;
        expect(focused.focus, where).toEqual({ id: 'p-connector', name: 'Helena Brandt', hops });
        expect(focused.nodes.map((n: Node) => n.id).sort(), where).toEqual(around.sort());
        expect(Object.fromEntries(focused.nodes.map((n: Node) => [n.id, n.hops])), where).toEqual(Object.fromEntries([...steps].filter(([, d]) => d <= hops)));
        // in the map's ranking order, with its scores, and only the edges among them
        const kept = new Set(around);
        expect(focused.nodes.map((n: Node) => n.id), where).toEqual(whole.nodes.map((n) => n.id).filter((id) => kept.has(id)));
        expect(focused.edges.length, where).toBe(whole.edges.filter((e) => kept.has(e.source) && kept.has(e.target)).length);
        expect(focused.total, where).toEqual({ nodes: around.length, edges: focused.edges.length });
        // the time slider shows the same people
        const timeline = (await t.get(`/api/timeline?layer=${layer}&focus=p-connector&hops=${hops}&steps=4&limit=1000`)).body;
        expect(timeline.nodes, where).toEqual(focused.nodes.map((n: Node) => n.id));
      }
      expect(steps.size).toBeGreaterThan(20);
    }
    // the focused person stays in a view too small for the whole neighbourhood, and the rest are the top of it
    const two = (await t.get('/api/graph?focus=p-podcaster&hops=2&limit=3')).body;
    expect(two.nodes).toHaveLength(3);
    expect(two.nodes.map((n: Node) => n.id)).toContain('p-podcaster');
    expect(two.total.nodes).toBeGreaterThan(3);
    // on a sector's slice, the neighbourhood runs on that slice's links
    const music = (await t.get('/api/graph?sector=music&focus=p-fad&limit=1000')).body;
    const musicEdges = (await t.get('/api/graph?sector=music&limit=1000&maxEdges=1000000')).body.edges as Edge[];
    const near = new Set(['p-fad', ...musicEdges.flatMap((e) => (e.source === 'p-fad' ? [e.target] : e.target === 'p-fad' ? [e.source] : []))]);
    expect(new Set(music.nodes.map((n: Node) => n.id))).toEqual(near);
    // errors name the problem
    const unknown = await t.get('/api/graph?focus=nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody');
    expect((await t.get('/api/timeline?focus=nobody&steps=4')).status).toBe(404);
    for (const hops of ['0', '4', 'two']) {
      const bad = await t.get(`/api/graph?focus=p-fad&hops=${hops}`);
      expect(bad.status, hops).toBe(400);
      expect(bad.body.error.message, hops).toContain('hops');
    }
  });

  it('counts the network the map draws as its own edges do: people, links, density, reciprocity, components, degrees', async () => {
    type Edge = { source: string; target: string };
    for (const query of ['layer=influence', 'layer=ties', 'sector=music']) {
      const map = (await t.get(`/api/graph?${query}&limit=100000&maxEdges=2000000`)).body as { nodes: { id: string }[]; edges: Edge[]; total: { nodes: number } };
      expect(map.nodes.length, query).toBe(map.total.nodes);
      const links = map.edges.filter((e) => e.source !== e.target);
      const has = new Set(links.map((e) => `${e.source}>${e.target}`));
      // components by merging the two ends of every link
      const parent = new Map(map.nodes.map((n) => [n.id, n.id]));
      const root = (x: string): string => (parent.get(x) === x ? x : root(parent.get(x)!));
      for (const e of links) parent.set(root(e.source), root(e.target));
      const sizes = new Map<string, number>();
      for (const n of map.nodes) sizes.set(root(n.id), (sizes.get(root(n.id)) ?? 0) + 1);
      const linked = new Set(links.flatMap((e) => [e.source, e.target]));
      const inDegree = new Map<string, number>();
      for (const e of links) inDegree.set(e.target, (inDegree.get(e.target) ?? 0) + 1);
      const n = map.nodes.length;
      const net = (await t.get(`/api/network?${query}`)).body;
      expect(net, query).toMatchObject({
        people: n,
        links: links.length,
        components: { count: sizes.size, largest: Math.max(...sizes.values()) },
        isolated: n - linked.size,
      });
      expect(net.density, query).toBeCloseTo(links.length / (n * (n - 1)), 12);
      expect(net.reciprocity, query).toBeCloseTo(links.filter((e) => has.has(`${e.target}>${e.source}`)).length / links.length, 12);
      expect(net.maxIn.degree, query).toBe(Math.max(...inDegree.values()));
      expect(inDegree.get(net.maxIn.id), query).toBe(net.maxIn.degree);
      expect(net.inDegrees.reduce((sum: number, b: { count: number }) => sum + b.count, 0), query).toBe(n);
    }
    // the map of trust: its communities are the ones /api/graph numbers there
    const ties = (await t.get('/api/network?layer=ties')).body;
    expect(ties.communities.count).toBe((await t.get('/api/graph?layer=ties&limit=1')).body.communities);
    expect(ties.communities.modularity).toBeGreaterThan(0.2);
    expect(ties.maxIn.name).toEqual(expect.any(String));
    expect((await t.get('/api/network?layer=trust')).status).toBe(400);
    // a neighbourhood: its people and the links among them, as /api/graph shows it
    for (const query of ['focus=p-connector', 'layer=ties&focus=p-fad&hops=2']) {
      const map = (await t.get(`/api/graph?${query}&limit=100000&maxEdges=2000000`)).body as { nodes: { id: string; community: number }[]; edges: Edge[] };
      const net = (await t.get(`/api/network?${query}`)).body;
      expect(net, query).toMatchObject({ people: map.nodes.length, links: map.edges.filter((e) => e.source !== e.target).length });
      expect(net.focus.id, query).toBe(query.includes('p-fad') ? 'p-fad' : 'p-connector');
      expect(net.communities.count, query).toBe(new Set(map.nodes.map((n) => n.community)).size);
    }
    expect((await t.get('/api/network?focus=nobody')).status).toBe(404);
  });

  it('rejects unknown metrics, bad times and unknown seeds, wherever Trusted PageRank is asked for', async () => {
    expect((await t.get('/api/influence?metric=fame')).status).toBe(400);
    const badAt = await t.get('/api/influence?metric=pagerank&at=yesterday');
    expect(badAt.status).toBe(400);
    expect(badAt.body.error.message).toContain('"at"');
    const trusted = 'metric=pagerank-personalized&seeds=p-connector,nobody';
    for (const path of [`/api/influence?${trusted}`, `/api/graph?${trusted}`, `/api/timeline?steps=4&${trusted}`, '/api/people/p-fad/influence?seeds=p-connector,nobody']) {
      const res = await t.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.message, path).toContain('nobody');
    }
    expect((await t.get('/api/influence?polarity=both')).status).toBe(400);
  });

  it("a profile's rank is shared by equal scores: 1 + how many score higher, and how many others tie", async () => {
    const all = (await t.get('/api/influence?metric=introducer&limit=1000')).body.items as { id: string; score: number }[];
    const none = all.filter((i) => i.score === 0);
    expect(none.length).toBeGreaterThan(1);
    const ahead = all.filter((i) => i.score > 0).length;
    // every person without an introduction record gets the same place, whatever the list's order among them
    for (const who of [none[0]!, none[none.length - 1]!]) {
      expect((await profile(who.id)).scores.introducer).toEqual({ score: 0, rank: ahead + 1, of: all.length, tied: none.length - 1, at: null });
    }
    const top = (await profile(all[0]!.id)).scores.introducer;
    expect(top.rank).toBe(1);
  });

  it('refuses a query parameter the route does not take, naming it and the ones it takes', async () => {
    const misspelt = await t.get('/api/influence?metric=pagerank&limt=3');
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.error.code).toBe('invalid_request');
    expect(misspelt.body.error.message).toMatch(/^Unknown query parameter "limt" for GET \/api\/influence; it takes .*\blimit\b/);
    const graph = await t.get('/api/graph?from=2020-01-01&sectr=music');
    expect(graph.status).toBe(400);
    expect(graph.body.error.message).toContain('Unknown query parameters "from", "sectr" for GET /api/graph');
    expect(graph.body.error.details.known).toContain('sector');
    // the same query without the unknown parameter is served
    expect((await t.get('/api/influence?metric=pagerank&limit=3')).status).toBe(200);
  });

  it('serves every centrality the registry lists', async () => {
    const meta = (await t.get('/api/meta')).body;
    for (const m of meta.metrics.map((x: { name: string }) => x.name)) {
      const res = await t.get(`/api/influence?metric=${m}&limit=3`);
      expect(res.status, `${m}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.items).toHaveLength(3);
      for (const item of res.body.items) expect(Number.isFinite(item.score)).toBe(true);
    }
  });
});

describe('profiles, curves, communities, graph and timeline', () => {
  it('404 for unknown people, 400 for a bad range', async () => {
    expect((await t.get('/api/people/nobody/influence')).status).toBe(404);
    expect((await t.get('/api/people/nobody/curve')).status).toBe(404);
    const bad = await t.get('/api/people/p-fad/curve?from=2020-01-01&to=2019-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('after');
  });

  it('a curve has the requested step and range', async () => {
    const c = (await t.get('/api/people/p-lasting/curve?from=2020-01-01&to=2021-01-01&step=1')).body;
    expect(c.points).toHaveLength(367);
    expect(c.points[0].t).toBe(Date.parse('2020-01-01'));
    expect(c.stepDays).toBeCloseTo(1, 6);
    const centrality = (await t.get('/api/people/p-lasting/curve?metric=centrality')).body;
    expect(centrality.points).toHaveLength(365);
    expect(centrality.points.some((p: { value: number }) => p.value > 0)).toBe(true);
  });

  it('communities cover everyone with a positive modularity', async () => {
    const c = (await t.get('/api/communities')).body;
    expect(c.count).toBeGreaterThan(1);
    expect(c.modularity).toBeGreaterThan(0.2);
    expect(c.communities.reduce((s: number, x: { size: number }) => s + x.size, 0)).toBe(400);
  });

  it('the graph view has positioned nodes and edges among them, stable across calls', async () => {
    const g = (await t.get('/api/graph?limit=100')).body;
    expect(g.nodes).toHaveLength(100);
    expect(g.edges.length).toBeGreaterThan(0);
    const ids = new Set(g.nodes.map((n: { id: string }) => n.id));
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(new Set(g.nodes.map((n: { x: number }) => n.x)).size).toBeGreaterThan(50);
    const again = (await t.get('/api/graph?limit=100')).body;
    expect(again.nodes[7]).toEqual(g.nodes[7]);
  });

  it('the timeline shows the comeback vanish and return', async () => {
    const tl = (await t.get('/api/timeline?steps=60&limit=400')).body;
    expect(tl.times).toHaveLength(60);
    const i = tl.nodes.indexOf('p-comeback');
    const series: number[] = tl.values[i];
    const max = Math.max(...series);
    const firstHigh = series.findIndex((v) => v > max * 0.3);
    const low = series.findIndex((v, k) => k > firstHigh && v < max * 0.05);
    const back = series.findIndex((v, k) => k > low && v > max * 0.3);
    expect(firstHigh).toBeGreaterThanOrEqual(0);
    expect(low).toBeGreaterThan(firstHigh);
    expect(back).toBeGreaterThan(low);
    expect(tl.edges.length).toBeGreaterThan(0);
  });

  it('the timeline in temporal PageRank: the ranking of /api/influence at each time, the comeback fading and returning', async () => {
    const pr = (await t.get('/api/timeline?steps=60&limit=400&basis=pagerank')).body;
    const act = (await t.get('/api/timeline?steps=60&limit=400')).body;
    expect(pr.basis).toBe('pagerank');
    expect(act.basis).toBe('activity');
    expect(pr.times).toEqual(act.times);
    // at a sample, the timeline orders people as the PageRank ranking at that time does
    for (const k of [20, 45, 59]) {
      const at = new Date(pr.times[k]).toISOString();
      const ranked = (await t.get(`/api/influence?metric=pagerank&at=${at}&limit=8`)).body.items.map((x: { id: string }) => x.id);
      expect(topOfTimeline(pr, k)).toEqual(ranked);
      // values are PageRank above the floor share: someone without influence is at 0, nobody below
      const column = pr.values.map((row: number[]) => row[k]!);
      expect(Math.min(...column)).toBe(0);
    }
    // the pulse is the network's activity whatever the basis, and is the activity rows' sum
    expect(pr.activity).toEqual(act.activity);
    for (const k of [10, 30, 59]) {
      const sum = act.values.reduce((acc: number, row: number[]) => acc + row[k]!, 0);
      expect(act.activity[k]).toBeCloseTo(sum, 3);
    }
    // dormant, the comeback sits on the floor; back, it ranks again
    const series: number[] = pr.values[pr.nodes.indexOf('p-comeback')];
    const max = Math.max(...series);
    const firstHigh = series.findIndex((v) => v > max * 0.3);
    const low = series.findIndex((v, k) => k > firstHigh && v === 0);
    const back = series.findIndex((v, k) => k > low && v > max * 0.2);
    expect(firstHigh).toBeGreaterThanOrEqual(0);
    expect(low).toBeGreaterThan(firstHigh);
    expect(back).toBeGreaterThan(low);
  });

  it('sized by Trusted PageRank, the map shows its ranking and seeds, and the timeline is Trusted PageRank at each time', async () => {
    const ranked = (await t.get('/api/influence?metric=pagerank-personalized&limit=50')).body;
    const graph = (await t.get('/api/graph?metric=pagerank-personalized&limit=50')).body;
    expect(graph.nodes.map((n: { id: string }) => n.id)).toEqual(ranked.items.map((i: { id: string }) => i.id));
    expect(graph.seeds).toEqual(ranked.seeds);
    expect((await t.get('/api/graph?limit=5')).body.seeds).toBeUndefined();
    const tl = (await t.get('/api/timeline?steps=60&limit=400&metric=pagerank-personalized&basis=pagerank')).body;
    expect(tl.seeds).toEqual(ranked.seeds.map((x: { id: string }) => x.id));
    for (const k of [30, 59]) {
      const at = new Date(tl.times[k]).toISOString();
      const atRanking = (await t.get(`/api/influence?metric=pagerank-personalized&at=${at}&limit=8`)).body.items.map((x: { id: string }) => x.id);
      expect(topOfTimeline(tl, k)).toEqual(atRanking);
    }
    // nobody the seeds reach vouches for the ring: it stays on the floor at every time
    for (let r = 1; r <= 6; r++) expect(Math.max(...tl.values[tl.nodes.indexOf(`p-ring-${r}`)])).toBe(0);
    // with seeds given, the timeline runs with them
    const own = (await t.get('/api/timeline?steps=4&limit=10&metric=pagerank-personalized&basis=pagerank&seeds=p-lasting')).body;
    expect(own.seeds).toEqual(['p-lasting']);
    // on the map of trust, trust PageRank at each time runs with the seeds too
    const trust = (await t.get('/api/timeline?steps=4&limit=400&metric=pagerank-personalized&basis=trust&layer=ties&seeds=p-ring-1')).body;
    expect(topOfTimeline(trust, 3, 6).sort()).toEqual(['p-ring-1', 'p-ring-2', 'p-ring-3', 'p-ring-4', 'p-ring-5', 'p-ring-6']);
  });

  it("on the map of trust, the timeline in trust PageRank: the ties layer's ranking at each time, and each tie from the day it was formed", async () => {
    const tl = (await t.get('/api/timeline?steps=60&limit=400&basis=trust&layer=ties')).body;
    expect(tl.basis).toBe('trust');
    expect(tl.nodes).toHaveLength(400);
    const column = (k: number) => tl.nodes.map((id: string, i: number) => ({ id, v: tl.values[i][k] as number }));
    for (const k of [20, 45, 59]) {
      const at = new Date(tl.times[k]).toISOString();
      const ranked = (await t.get(`/api/influence?metric=pagerank&layer=ties&at=${at}&limit=8`)).body.items.map((x: { id: string }) => x.id);
      expect(topOfTimeline(tl, k)).toEqual(ranked);
      expect(Math.min(...column(k).map((x: { v: number }) => x.v))).toBe(0);
    }
    // the rating ring's ties were formed in the last years: before, its members sit on the floor
    const ring = tl.values[tl.nodes.indexOf('p-ring-1')] as number[];
    expect(ring[0]).toBe(0);
    expect(ring.at(-1)).toBeGreaterThan(0);
    // every tie among the people shown, at its trust from the day it was formed and absent before
    const graph = (await t.get('/api/graph?layer=ties&limit=400')).body;
    expect(tl.edges).toHaveLength(graph.edges.length);
    const tie = (await t.get(`/api/ties/${encodeURIComponent('p-ring-1->p-ring-2')}`)).body;
    const edge = tl.edges.find((e: { source: string; target: string }) => e.source === 'p-ring-1' && e.target === 'p-ring-2');
    expect(edge.values).toEqual(tl.times.map((time: number) => (time >= Date.parse(tie.since) ? tie.trust : 0)));
    expect(edge.values[0]).toBe(0);
    // the pulse of the map of trust: how many ties stand at each time, all of them at the end
    const since = [...(await tieDates(t)).values()];
    expect(tl.ties).toEqual(tl.times.map((time: number) => since.filter((x) => x <= time).length));
    expect(tl.ties[0]).toBeLessThan(tl.ties.at(-1));
    expect((await t.get('/api/timeline?steps=4&limit=10')).body.ties).toBeUndefined();
  });

  it('rejects an unknown timeline basis', async () => {
    const res = await t.get('/api/timeline?basis=fame');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('basis');
  });

  it("lists every offer and need people name as one vocabulary, and follows an edit of someone's", async () => {
    const people = (await t.get('/api/people?limit=1000')).body as { items: { id: string; offers: string[]; seeks: string[] }[]; total: number };
    expect(people.items).toHaveLength(people.total);
    const named = [...new Set(people.items.flatMap((p) => [...p.offers, ...p.seeks]))].sort();
    expect(named.length).toBeGreaterThan(5);
    expect((await t.get('/api/meta')).body.skills).toEqual(named);
    const ana = people.items.find((p) => p.id === 'p-ana')!;
    expect(named).not.toContain('kite surfing');
    expect((await t.send('PATCH', '/api/people/p-ana', { offers: [...ana.offers, 'kite surfing'] })).status).toBe(200);
    expect((await t.get('/api/meta')).body.skills).toEqual([...named, 'kite surfing'].sort());
    expect((await t.send('PATCH', '/api/people/p-ana', { offers: ana.offers })).status).toBe(200);
    expect((await t.get('/api/meta')).body.skills).toEqual(named);
  });

  it('recomputes after a write', async () => {
    const before = (await t.get('/api/meta')).body.counts.events;
    await t.send('POST', '/api/events', { id: 'new-event', at: '2026-01-01T00:00:00Z', drivers: [{ person: 'p-ana' }], reached: [{ person: 'p-omar' }] });
    expect((await t.get('/api/meta')).body.counts.events).toBe(before + 1);
  });
});

describe('the same data gives the same picture', () => {
  it('deleting someone and undoing it leaves every position and community on both maps as it was', async () => {
    const picture = async () => {
      const out: Record<string, unknown> = {};
      for (const layer of ['influence', 'ties']) {
        const g = (await t.get(`/api/graph?layer=${layer}&limit=5000`)).body as { nodes: { id: string; community: number; x: number; y: number }[] };
        out[layer] = Object.fromEntries(g.nodes.map((n) => [n.id, [n.community, n.x, n.y]]));
      }
      out.communities = (await t.get('/api/communities')).body;
      return out;
    };
    const before = await picture();
    // the connector: ties and events all over the network, stored again last by the restore
    const deleted = await t.send('DELETE', '/api/people/p-connector');
    expect(deleted.status).toBe(200);
    expect((await t.send('POST', '/api/people/restore', deleted.body)).status).toBe(201);
    expect(await picture()).toEqual(before);
  });
});

describe('GET /api/sectors', () => {
  interface Exported {
    people: Map<string, string[]>;
    events: { sector: string; at: number; magnitude: number; valence: number; drivers: string[] }[];
  }
  /** the stored people and events, read back through the exports: what the sectors are counted from */
  const exported = async (): Promise<Exported> => {
    const people = new Map<string, string[]>();
    const csv = (await (await fetch(`${t.url}/api/export?format=people-csv`)).text()).trim().split('\n').slice(1);
    // ids and sectors have no commas or quotes in the demo; names may, so only the first and third fields are read
    for (const line of csv) {
      const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ''));
      people.set(fields[0]!, fields[2] ? fields[2].split(';') : []);
    }
    const ndjson = (await (await fetch(`${t.url}/api/export?format=events-ndjson`)).text()).trim().split('\n');
    const events = ndjson.map((l) => JSON.parse(l)).map((e) => ({ sector: e.sector, at: Date.parse(e.at), magnitude: e.magnitude ?? 1, valence: e.valence ?? 0, drivers: e.drivers.map((d: { person: string }) => d.person) }));
    return { people, events };
  };

  it('counts each sector from the stored people and events: members, events, influence and its parts', async () => {
    const { people, events } = await exported();
    const r = (await t.get('/api/sectors')).body;
    expect(r.at).toBeNull();
    const members = new Map<string, Set<string>>();
    const join = (sector: string, id: string) => (members.get(sector) ?? members.set(sector, new Set()).get(sector)!).add(id);
    for (const [id, sectors] of people) for (const s of sectors) join(s, id);
    for (const e of events) for (const d of e.drivers) join(e.sector, d);
    expect(r.sectors.map((s: { name: string }) => s.name).sort()).toEqual([...members.keys()].sort());
    for (const s of r.sectors) {
      const mine = events.filter((e) => e.sector === s.name);
      expect(s.members, s.name).toBe(members.get(s.name)!.size);
      expect(s.events, s.name).toBe(mine.length);
      // each driver carries the event's whole magnitude; positive and negative split it by (1 ± valence) / 2
      expect(s.influence).toBeCloseTo(mine.reduce((sum, e) => sum + e.magnitude * e.drivers.length, 0), 6);
      expect(s.positive).toBeCloseTo(mine.reduce((sum, e) => sum + (e.magnitude * (1 + e.valence) * e.drivers.length) / 2, 0), 6);
    }
    // most influence first
    const influence = r.sectors.map((s: { influence: number }) => s.influence);
    expect(influence).toEqual([...influence].sort((a, b) => b - a));
    // the transfer between two sectors is √Jaccard of their people, either way
    const names: string[] = r.sectors.map((s: { name: string }) => s.name);
    for (const [a, b] of [['music', 'film'], ['music', 'automotive'], ['health', 'education']] as const) {
      const i = names.indexOf(a);
      const j = names.indexOf(b);
      const A = members.get(a)!;
      const B = members.get(b)!;
      const both = [...A].filter((x) => B.has(x)).length;
      expect(r.shared[i][j]).toBe(both);
      expect(r.transfer[i][j]).toBeCloseTo(Math.sqrt(both / (A.size + B.size - both)), 12);
      expect(r.transfer[j][i]).toBe(r.transfer[i][j]);
      expect(r.flow[i][j]).toBeCloseTo(r.transfer[i][j] * r.sectors[i].influence, 6);
    }
    expect(names.map((_, i) => r.transfer[i][i])).toEqual(names.map(() => 1));
  });

  it("carries a musician's influence into film and humanitarian causes far more than into car sales, as the demo plants it", async () => {
    const r = (await t.get('/api/sectors')).body;
    const names: string[] = r.sectors.map((s: { name: string }) => s.name);
    const music = r.transfer[names.indexOf('music')];
    const others = names.filter((n) => n !== 'music').sort((a, b) => music[names.indexOf(b)] - music[names.indexOf(a)]);
    expect(others[0]).toBe('film');
    expect(music[names.indexOf('humanitarian')]).toBeGreaterThan(3 * music[names.indexOf('automotive')]);
    // the fad, a musician, carries the most into humanitarian causes; the planted cross-sector figure is among the eight
    const humanitarian = (await t.get('/api/sectors?carriers=8')).body.carriers[names.indexOf('humanitarian')].map((c: { id: string }) => c.id);
    expect(humanitarian[0]).toBe('p-fad');
    expect(humanitarian).toContain('p-cross');
  });

  it("names the people carrying the most influence into each sector, each as their profile's cross-sector reach has it", async () => {
    const r = (await t.get('/api/sectors?carriers=4')).body;
    const names: string[] = r.sectors.map((s: { name: string }) => s.name);
    for (const sector of ['humanitarian', 'automotive']) {
      const list = r.carriers[names.indexOf(sector)];
      expect(list).toHaveLength(4);
      const imported = list.map((c: { imported: number }) => c.imported);
      expect(imported).toEqual([...imported].sort((a, b) => b - a));
      for (const c of list) {
        // the profile's reach in a sector is what they earned there and what counts there from elsewhere
        const p = await profile(c.id);
        const reach = p.sectorReach.find((x: { sector: string }) => x.sector === sector).reach;
        const own = p.sectorProfile.find((x: { sector: string }) => x.sector === sector)?.influence ?? 0;
        expect(own, `${c.name} in ${sector}`).toBeCloseTo(c.own, 6);
        expect(reach - own, `${c.name} into ${sector}`).toBeCloseTo(c.imported, 6);
        expect(c.from.length).toBeGreaterThan(0);
        expect(c.from.every((f: { sector: string }) => f.sector !== sector)).toBe(true);
      }
    }
    // nobody carries more into humanitarian than the first named
    const all = (await t.get('/api/sectors?carriers=50')).body.carriers[names.indexOf('humanitarian')];
    expect(all[0].id).toBe(r.carriers[names.indexOf('humanitarian')][0].id);
    expect((await t.get('/api/sectors?carriers=0')).body.carriers.every((c: unknown[]) => c.length === 0)).toBe(true);
  });

  it('at a time: the events by then, their influence decayed; before the first, nothing', async () => {
    const { events } = await exported();
    const at = '2020-01-01T00:00:00.000Z';
    const r = (await t.get(`/api/sectors?at=${at}`)).body;
    expect(r.at).toBe(at);
    for (const s of r.sectors) expect(s.events, s.name).toBe(events.filter((e) => e.sector === s.name && e.at <= Date.parse(at)).length);
    const all = (await t.get('/api/sectors')).body;
    const total = (x: { sectors: { influence: number }[] }) => x.sectors.reduce((sum, s) => sum + s.influence, 0);
    expect(total(r)).toBeGreaterThan(0);
    expect(total(r)).toBeLessThan(total(all));
    const before = (await t.get('/api/sectors?at=1990-01-01')).body;
    expect(total(before)).toBe(0);
    expect(before.carriers.every((c: unknown[]) => c.length === 0)).toBe(true);
  });

  it('refuses a bad time or carriers count, naming it', async () => {
    for (const q of ['at=yesterday', 'carriers=51', 'carriers=-1', 'carriers=two']) {
      const res = await t.get(`/api/sectors?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message, q).toMatch(q.split('=')[0]!);
    }
  });
});

describe('GET /api/breakdown/timeline', () => {
  it('by sector: each sector over the events\' span, most first, at its last time what /api/sectors gives there', async () => {
    const meta = (await t.get('/api/meta')).body;
    const r = (await t.get('/api/breakdown/timeline?by=sector&steps=50')).body;
    expect(r.by).toBe('sector');
    expect(r.times).toHaveLength(50);
    expect(r.times[0]).toBe(Date.parse(meta.timeRange.from));
    expect(r.times.at(-1)).toBe(Date.parse(meta.timeRange.to));
    expect(r.groups.map((g: { name: string }) => g.name).sort()).toEqual([...meta.eventSectors].sort());
    const sums = r.groups.map((g: { values: number[] }) => g.values.reduce((a, b) => a + b, 0));
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    const at = new Date(r.times.at(-1)).toISOString();
    const sectors = (await t.get(`/api/sectors?at=${at}`)).body.sectors as { name: string; influence: number }[];
    for (const g of r.groups) expect(g.values.at(-1), g.name).toBeCloseTo(sectors.find((s) => s.name === g.name)!.influence, 6);
    // nothing before the first event
    expect(r.groups.every((g: { values: number[] }) => g.values.every((v) => v >= 0))).toBe(true);
  });

  it('by medium, and its positive and negative parts add up to the total', async () => {
    const meta = (await t.get('/api/meta')).body;
    const q = (polarity: string) => t.get(`/api/breakdown/timeline?by=medium&steps=30&polarity=${polarity}`).then((r) => r.body);
    const [total, positive, negative] = await Promise.all([q('total'), q('positive'), q('negative')]);
    expect(total.groups.map((g: { name: string }) => g.name).sort()).toEqual([...meta.media].sort());
    for (const g of total.groups) {
      const p = positive.groups.find((x: { name: string }) => x.name === g.name).values;
      const n = negative.groups.find((x: { name: string }) => x.name === g.name).values;
      g.values.forEach((v: number, k: number) => expect(p[k] + n[k]).toBeCloseTo(v, 9));
    }
  });

  it('refuses an unknown grouping or too few steps, naming it', async () => {
    for (const q of ['by=colour', 'steps=1', 'steps=many', 'polarity=mixed']) {
      const res = await t.get(`/api/breakdown/timeline?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message, q).toMatch(q.split('=')[0]!);
    }
  });
});

describe('GET /api/influence.csv', () => {
  const csv = async (query: string) => {
    const res = await fetch(`${t.url}/api/influence.csv?${query}`);
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() };
  };

  it('is the ranking /api/influence gives, everyone, one line each, names quoted when they must be', async () => {
    expect((await t.send('POST', '/api/people', { id: 'p-csv', name: 'Lee, "the Quoter"' })).status).toBe(201);
    const r = await csv('metric=pagerank&at=2020-01-01');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/csv/);
    expect(r.disposition).toBe('attachment; filename="catalyst-pagerank-2020-01-01.csv"');
    const lines = r.text.trimEnd().split('\n');
    expect(lines[0]).toBe('rank,id,name,score');
    const all = (await t.get('/api/influence?metric=pagerank&at=2020-01-01&limit=100000')).body;
    expect(lines).toHaveLength(all.total + 1);
    all.items.slice(0, 20).forEach((item: { rank: number; id: string; name: string; score: number }, k: number) => expect(lines[k + 1]).toBe(`${item.rank},${item.id},${item.name},${item.score}`));
    expect(lines).toContain(`${all.items.find((i: { id: string }) => i.id === 'p-csv').rank},p-csv,"Lee, ""the Quoter""",${all.items.find((i: { id: string }) => i.id === 'p-csv').score}`);
  });

  it('takes the same slices and limit, and refuses what /api/influence refuses', async () => {
    const r = await csv('metric=activity&sector=music&polarity=negative&limit=5');
    expect(r.disposition).toBe('attachment; filename="catalyst-activity-music-negative.csv"');
    const api = (await t.get('/api/influence?metric=activity&sector=music&polarity=negative&limit=5')).body;
    expect(r.text.trimEnd().split('\n').slice(1).map((l) => l.split(',')[1])).toEqual(api.items.map((i: { id: string }) => i.id));
    const bad = await csv('metric=fame');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toMatch(/fame/);
    expect((await csv('metric=pagerank&limt=5')).status).toBe(400);
  });
});
