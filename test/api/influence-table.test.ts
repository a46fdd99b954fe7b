/**
 * GET /api/influence/table on the demo world: every column is the ranking GET /api/influence gives for its metric
 * (scores, and joint ranks counted here from that ranking), whatever the time, slice or layer; the sorts, the
 * filter and the pages cover everyone exactly once; the CSV is the same table; bad queries are refused by name.
 */
import { describe, expect, it } from 'vitest';
import { type TestApp, useDemoApp } from '../support/app.ts';

let t: TestApp;
useDemoApp((app) => (t = app));

interface Row {
  id: string;
  name: string;
  sectors: string[];
  community: number | null;
  cells: { score: number | null; rank: number; tied: number; fadeClass?: string; censored?: boolean; comebacks?: number; dormantDays?: number | null }[];
}
interface Table {
  columns: { metric: string; at: string | null; higherIsMoreInfluential: boolean; min: number; max: number }[];
  items: Row[];
  total: number;
  of: number;
  sort: string;
  layer: string;
}

const table = async (query: string): Promise<Table> => {
  const res = await t.get(`/api/influence/table?${query}`);
  expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};

/**
 * Each column against /api/influence for its metric on the same query: the same score for everyone, and the
 * joint rank (1 + how many score strictly better) and ties counted here from that ranking's scores.
 */
async function expectColumnsAreRankings(query: string, rows: Row[], columns: Table['columns']): Promise<void> {
  for (const [k, column] of columns.entries()) {
    const ranking = (await t.get(`/api/influence?metric=${column.metric}&${query}&limit=100000`)).body;
    expect(ranking.total, column.metric).toBe(rows.length);
    // a score that is not a number (constraint of someone with no tie in the slice) comes as null: last, all equal
    const scores = new Map<string, number | null>(ranking.items.map((i: { id: string; score: number | null }) => [i.id, i.score]));
    const all = [...scores.values()];
    const better = (a: number | null, b: number | null) => a !== null && (b === null || (column.higherIsMoreInfluential ? a > b : a < b));
    for (const row of rows) {
      const score = scores.get(row.id)!;
      const cell = row.cells[k]!;
      expect(cell.score, `${column.metric} ${row.id}`).toBe(score);
      expect(cell.rank, `${column.metric} ${row.id}`).toBe(1 + all.filter((s) => better(s, score)).length);
      expect(cell.tied, `${column.metric} ${row.id}`).toBe(all.filter((s) => s === score).length - 1);
    }
    const defined = all.filter((s) => s !== null);
    expect(column.max).toBe(Math.max(...defined));
    expect(column.min).toBe(Math.min(...defined));
  }
}

describe('GET /api/influence/table', () => {
  it('by default: activity, PageRank, betweenness, degree and introducer for everyone, each exactly its ranking', async () => {
    const r = await table('limit=1000');
    expect(r.columns.map((c) => c.metric)).toEqual(['activity', 'pagerank', 'betweenness', 'degree', 'introducer']);
    expect(r.total).toBe(400);
    expect(r.of).toBe(400);
    expect(r.items).toHaveLength(400);
    expect(r.sort).toBe('activity');
    expect(r.columns.every((c) => c.at === null && c.higherIsMoreInfluential)).toBe(true);
    await expectColumnsAreRankings('', r.items, r.columns);
    // ordered by the first column, most first, equal scores by id
    const activity = r.items.map((i) => i.cells[0]!.score!);
    expect(activity).toEqual([...activity].sort((a, b) => b - a));
    expect(r.items[0]!.id).toBe((await t.get('/api/influence?metric=activity&limit=1')).body.items[0].id);
  });

  it('at a time, in a slice and for a metric where less is more (constraint): still each column its ranking', async () => {
    const query = 'at=2020-01-01T00:00:00.000Z&sector=music&polarity=positive';
    const r = await table(`${query}&columns=pagerank,constraint,activity&sort=constraint&limit=1000`);
    expect(r.columns.map((c) => [c.metric, c.at, c.higherIsMoreInfluential])).toEqual([
      ['pagerank', '2020-01-01T00:00:00.000Z', true],
      ['constraint', '2020-01-01T00:00:00.000Z', false],
      ['activity', '2020-01-01T00:00:00.000Z', true],
    ]);
    await expectColumnsAreRankings(query, r.items, r.columns);
    // constraint sorts its most influential (the lowest) first, the people it is not defined for (no tie in the slice) last
    const constraint = r.items.map((i) => i.cells[1]!.rank);
    expect(constraint).toEqual([...constraint].sort((a, b) => a - b));
    const undefinedFor = r.items.filter((i) => i.cells[1]!.score === null);
    expect(undefinedFor.length).toBeGreaterThan(100);
    expect(undefinedFor.every((i) => i.cells[1]!.rank === 401 - undefinedFor.length && i.cells[1]!.tied === undefinedFor.length - 1)).toBe(true);
  });

  it('on the trust ties, with Trusted PageRank from the seeds given: its ranking, and the seeds named', async () => {
    const query = 'layer=ties&seeds=p-connector,p-lasting';
    const r = await table(`${query}&columns=pagerank-personalized,in-degree&limit=1000`);
    expect(r.layer).toBe('ties');
    expect((r as unknown as { seeds: { id: string }[] }).seeds.map((s) => s.id)).toEqual(['p-connector', 'p-lasting']);
    await expectColumnsAreRankings(query, r.items, r.columns);
    // communities are the trust map's, as /api/graph numbers them
    const graph = (await t.get('/api/graph?layer=ties&limit=1000')).body;
    const community = new Map(graph.nodes.map((n: { id: string; community: number }) => [n.id, n.community]));
    for (const row of r.items) if (community.has(row.id)) expect(row.community, row.id).toBe(community.get(row.id));
  });

  it('sorts by any column either way, or by name, equal scores always in id order', async () => {
    const best = (await table('columns=introducer&limit=1000')).items.map((i) => i.id);
    const worst = (await table('columns=introducer&sort=-introducer&limit=1000')).items;
    expect(new Set(worst.map((i) => i.id))).toEqual(new Set(best));
    // least first: the ranks never fall, and within a rank (a run of equal scores) ids rise
    for (let k = 1; k < worst.length; k++) {
      const [a, b] = [worst[k - 1]!, worst[k]!];
      expect(b.cells[0]!.rank, b.id).toBeLessThanOrEqual(a.cells[0]!.rank);
      if (a.cells[0]!.rank === b.cells[0]!.rank) expect(a.id < b.id, `${a.id} before ${b.id}`).toBe(true);
    }
    // most people made no introduction: they share one score, and come first when reversed
    expect(worst[0]!.cells[0]!.score).toBe(0);
    expect(worst[0]!.cells[0]!.tied).toBeGreaterThan(300);

    const byName = (await table('sort=name&limit=1000')).items.map((i) => i.name);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(byName).toEqual([...byName].sort(collator.compare));
    expect((await table('sort=-name&limit=1000')).items.map((i) => i.name)).toEqual([...byName].reverse());
  });

  it('filters by part of a name or id, case aside, and pages through the rows exactly once', async () => {
    const r = await table('q=AN&columns=degree&limit=1000');
    const everyone = (await t.get('/api/people?limit=1000')).body.items as { id: string; name: string }[];
    const matching = everyone.filter((p) => p.name.toLowerCase().includes('an') || p.id.toLowerCase().includes('an')).map((p) => p.id);
    expect(r.total).toBe(matching.length);
    expect(r.of).toBe(400);
    expect(new Set(r.items.map((i) => i.id))).toEqual(new Set(matching));
    const pages: string[] = [];
    for (let offset = 0; offset < r.total; offset += 30) pages.push(...(await table(`q=AN&columns=degree&limit=30&offset=${offset}`)).items.map((i) => i.id));
    expect(pages).toEqual(r.items.map((i) => i.id));
    const none = await table('q=nobody-is-called-this');
    expect(none.total).toBe(0);
    expect(none.items).toEqual([]);
  });

  it("reads fade and comebacks off each one's curve, as their profile's chart does: the planted fad, lasting figure and comeback among them", async () => {
    const r = await table('columns=fade,comeback&sort=-fade&limit=1000&at=2020-01-01T00:00:00.000Z');
    // all time, whatever the time asked
    expect(r.columns.map((c) => [c.metric, c.at, c.higherIsMoreInfluential])).toEqual([
      ['fade', null, true],
      ['comeback', null, true],
    ]);
    const byId = new Map(r.items.map((i) => [i.id, i]));
    for (const id of [...byId.keys()].filter((_, k) => k % 8 === 0).concat(['p-fad', 'p-lasting', 'p-comeback'])) {
      const curve = (await t.get(`/api/people/${id}/curve`)).body;
      const [fade, comeback] = byId.get(id)!.cells as { score: number | null; fadeClass?: string; censored?: boolean; comebacks?: number; dormantDays?: number | null }[];
      expect(fade!.fadeClass, id).toBe(curve.fadeClass);
      // the strongest comeback: the highest resurgence, after its dormancy; how many in all
      const strongest = [...curve.resurgences].sort((a: { value: number }, b: { value: number }) => b.value - a.value)[0];
      expect(comeback!.comebacks, id).toBe(curve.resurgences.length);
      expect(comeback!.score, id).toBeCloseTo(strongest?.value ?? 0, 9);
      if (strongest) expect(comeback!.dormantDays, id).toBeCloseTo(strongest.afterDormantDays, 6);
      else expect(comeback!.dormantDays, id).toBeNull();
      if (curve.fadeClass === 'none') expect(fade!.score, id).toBeNull();
      // the class is judged on the days: under 60 a fad, over two years lasting
      else expect(curve.fadeClass, id).toBe(fade!.score! < 60 ? 'fad' : fade!.score! > 730 ? 'lasting' : 'steady');
      // a peak that halves within the data gives its half-life; the days are a lower bound only when one does not
      if (fade!.censored === false && curve.halfLifeDays !== null && curve.peaks.length === 1) expect(fade!.score, id).toBeCloseTo(curve.halfLifeDays, 6);
    }
    expect(byId.get('p-fad')!.cells[0]!.fadeClass).toBe('fad');
    expect(byId.get('p-lasting')!.cells[0]!.fadeClass).toBe('lasting');
    // the planted comeback (dormant for years, then back near the top) is among the strongest comebacks
    const strongest = await table('columns=comeback&limit=3');
    expect(strongest.items.map((i) => i.id)).toContain('p-comeback');
    expect(strongest.items.find((i) => i.id === 'p-comeback')!.cells[0]!.dormantDays).toBeGreaterThan(3 * 365);
    // sorted shortest first (reversed), people with no influence (no fade) come last
    const shortest = r.items.map((i) => i.cells[0]!.score);
    const defined = shortest.filter((x) => x !== null) as number[];
    expect(defined).toEqual([...defined].sort((a, b) => a - b));
    expect(shortest.slice(defined.length).every((x) => x === null)).toBe(true);
  });

  it('keeps to a community of the layer shown, and to the people who list a sector, with the name filter too', async () => {
    const graph = (await t.get('/api/graph?limit=1000')).body as { nodes: { id: string; community: number }[] };
    const people = (await t.get('/api/people?limit=1000')).body.items as { id: string; name: string; sectors: string[] }[];
    const community = graph.nodes.find((n) => n.id === 'p-cross')!.community;
    const inIt = new Set(graph.nodes.filter((n) => n.community === community).map((n) => n.id));
    const r = await table(`community=${community}&limit=1000`);
    expect(new Set(r.items.map((i) => i.id))).toEqual(inIt);
    expect(r.total).toBe(inIt.size);
    expect(r.of).toBe(400);
    const music = await table('lists=music&limit=1000');
    expect(new Set(music.items.map((i) => i.id))).toEqual(new Set(people.filter((p) => p.sectors.includes('music')).map((p) => p.id)));
    const both = await table(`lists=music&community=${community}&q=a&limit=1000`);
    expect(new Set(both.items.map((i) => i.id))).toEqual(
      new Set(people.filter((p) => p.sectors.includes('music') && inIt.has(p.id) && (p.name.toLowerCase().includes('a') || p.id.includes('a'))).map((p) => p.id)),
    );
    expect((await table('community=9999')).total).toBe(0);
    expect((await t.get('/api/influence/table?community=-1')).status).toBe(400);
  });

  it("keeps to the map's neighbourhood: the people /api/graph shows around the person, each with their place among everyone", async () => {
    for (const [layer, hops] of [['influence', 1], ['ties', 2]] as const) {
      const query = `layer=${layer}&focus=p-connector&hops=${hops}`;
      const around = ((await t.get(`/api/graph?${query}&limit=100000`)).body.nodes as { id: string }[]).map((n) => n.id).sort();
      const focused = await table(`${query}&limit=1000`);
      expect(focused.items.map((r) => r.id).sort(), layer).toEqual(around);
      expect(focused.total, layer).toBe(around.length);
      expect(focused.of, layer).toBe(400);
      expect((focused as Table & { focus?: unknown }).focus, layer).toEqual({ id: 'p-connector', name: 'Helena Brandt', hops });
      // the same cells as in the table of everyone: ranks stay ranks among everyone
      const everyone = new Map((await table(`layer=${layer}&limit=1000`)).items.map((r) => [r.id, r.cells]));
      for (const row of focused.items) expect(row.cells, row.id).toEqual(everyone.get(row.id));
    }
    // the CSV follows it too
    const csv = await (await fetch(`${t.url}/api/influence/table.csv?focus=p-connector`)).text();
    expect(csv.trimEnd().split('\n').length - 1).toBe((await table('focus=p-connector&limit=1')).total);
    const unknown = await t.get('/api/influence/table?focus=nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nobody');
  });

  it('refuses an unknown metric or sort, too many or no columns, a slice of the ties and an unknown seed, naming them', async () => {
    const cases: [string, number, RegExp][] = [
      ['columns=pagerank,fame', 400, /fame/],
      ['columns=pagerank&sort=degree', 400, /sort: "degree"/],
      ['sort=--activity', 400, /sort/],
      [`columns=${Array(13).fill('degree').join(',')}`, 400, /at most 12/],
      ['columns=,', 400, /at least one/],
      ['layer=ties&sector=music', 400, /ties layer/],
      ['columns=pagerank-personalized&seeds=p-nobody', 404, /p-nobody/],
      ['limt=5', 400, /limt/],
    ];
    for (const [query, status, message] of cases) {
      const res = await t.get(`/api/influence/table?${query}`);
      expect(res.status, query).toBe(status);
      expect(res.body.error.message, query).toMatch(message);
    }
  });
});

describe('GET /api/influence/table.csv', () => {
  it('is the same table, everyone, each metric with its rank, named after the slice and day', async () => {
    const query = 'columns=pagerank,introducer&at=2022-06-01T00:00:00.000Z&sector=film';
    const res = await fetch(`${t.url}/api/influence/table.csv?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="catalyst-table-film-2022-06-01.csv"');
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('id,name,sectors,community,pagerank,pagerank rank,introducer,introducer rank');
    const r = await table(`${query}&limit=1000`);
    expect(lines).toHaveLength(r.total + 1);
    // demo names and sectors hold no comma or quote, so each line splits plainly
    r.items.forEach((i, k) =>
      expect(lines[k + 1], i.id).toBe([i.id, i.name, i.sectors.join('; '), i.community ?? '', i.cells[0]!.score, i.cells[0]!.rank, i.cells[1]!.score, i.cells[1]!.rank].join(',')),
    );
  });
});
