/** Influence analysis: rankings, profiles, decay curves, communities, and the explorer's graph and timeline. */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { InfluenceApi } from '../services/analysis.ts';
import { CURVE_COLUMNS, DEFAULT_SEEDS, INTRODUCER_HALF_LIFE_DAYS, SECTOR_CARRIERS_MAX, TABLE_COLUMNS, TABLE_COLUMNS_MAX } from '../services/influence.service.ts';
import { MAX_HOPS } from '../engine/neighbourhood.ts';
import { csvLine } from '../services/formats/csv.ts';
import { defineRoute, idParams, isoTime, type ApiRegistry } from './route.ts';

const time = isoTime;
const polarity = z.enum(['total', 'positive', 'negative']).default('total');
const layer = z
  .enum(['influence', 'ties'])
  .optional()
  .describe('influence (events: drivers → reached) or ties (KNOWS, weighted by trust); default influence, or ties when there are no influence edges');
const slice = {
  sector: z.string().min(1).max(100).optional().describe('only events of this sector'),
  medium: z.string().min(1).max(100).optional().describe('only events through this medium'),
};

const seeds = z
  .string()
  .max(20_000)
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : null))
  .describe(
    `comma-separated people you know to be genuine, for pagerank-personalized (Trusted PageRank): every jump of its walk lands on them; default the ${DEFAULT_SEEDS} most trusted (highest PageRank of the trust ties, trusted by someone, not in a suspected ring)`,
  );
const neighbourhood = {
  focus: z.string().min(1).max(200).optional().describe('only the people within `hops` steps of this person, either way, on the links the map draws (Gephi\'s ego filter); unknown → 404'),
  hops: z.coerce.number().int().min(1).max(MAX_HOPS).default(1).describe(`steps from focus, 1 to ${MAX_HOPS}`),
};
const namedSeeds = z.array(z.object({ id: z.string(), name: z.string() }));

const influenceQuery = z.object({
  layer,
  metric: z.string().default('pagerank').describe('activity, pagerank, pagerank-personalized, eigenvector, betweenness, closeness, harmonic, degree, in-degree, out-degree, weighted-degree, hits-hub, hits-authority, k-core, constraint, effective-size, introducer'),
  at: time.optional().describe('ISO time: rank on the decayed projection at this time (default: static, undecayed)'),
  ...slice,
  polarity: polarity.describe('which part of influence counts: total (sign-free), positive or negative'),
  seeds,
  limit: z.coerce.number().int().min(1).max(100_000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A ranking query as the service takes it. */
function rankQuery(query: z.output<typeof influenceQuery>): Parameters<InfluenceApi['rank']>[0] {
  return {
    metric: query.metric,
    layer: query.layer ?? null,
    at: query.at ?? null,
    sector: query.sector ?? null,
    medium: query.medium ?? null,
    polarity: query.polarity,
    seeds: query.seeds,
    limit: query.limit,
    offset: query.offset,
  };
}

/** A CSV download: named after its parts (those given, joined by hyphens, safe for a file name), its header, its rows. */
function sendCsv(res: Response, nameParts: (string | null | undefined)[], head: string[], rows: string[][]): void {
  const name = nameParts.filter(Boolean).join('-').replace(/[^\w.-]+/g, '_');
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  res.send(csvLine(head) + rows.map(csvLine).join(''));
}

const rankedItem = z.object({ id: z.string(), name: z.string(), score: z.number(), rank: z.number().int() });

export function createInfluenceRouter(deps: { influence: InfluenceApi }, registry: ApiRegistry): Router {
  const router = Router();
  const svc = deps.influence;
  defineRoute(
    router,
    registry,
    { method: 'get', path: '/api/meta', tag: 'influence', summary: 'Sectors (all named; those people list; those events carry), media, kinds, time range, counts and the metrics on offer' },
    () => svc.meta(),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/influence',
      tag: 'influence',
      summary: 'Rank people by an influence metric, static or at a time, per sector/medium/polarity',
      query: influenceQuery,
      response: z.object({ items: z.array(rankedItem), total: z.number(), metric: z.string(), at: z.string().nullable(), seeds: namedSeeds.optional() }),
      errors: [400, 404, 422],
    },
    ({ query }) =>
      svc.rank(rankQuery(query)),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/influence.csv',
      tag: 'influence',
      summary: 'The same ranking as GET /api/influence, as a CSV file for a spreadsheet (rank,id,name,score), everyone by default',
      query: influenceQuery.extend({ limit: z.coerce.number().int().min(1).max(100_000).default(100_000) }),
      errors: [400, 404, 422],
    },
    async ({ query, res }) => {
      const r = await svc.rank(rankQuery(query));
      sendCsv(
        res,
        ['catalyst', r.metric, query.sector, query.medium, query.polarity !== 'total' ? query.polarity : null, r.at ? r.at.slice(0, 10) : null],
        ['rank', 'id', 'name', 'score'],
        r.items.map((i) => [String(i.rank), i.id, i.name, String(i.score)]),
      );
    },
  );
  const tableQuery = influenceQuery.omit({ metric: true }).extend({
    columns: z
      .string()
      .max(1_000)
      .default(TABLE_COLUMNS.join(','))
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.string()).min(1, 'columns: name at least one metric').max(TABLE_COLUMNS_MAX, `columns: at most ${TABLE_COLUMNS_MAX} metrics`))
      .describe(
        `comma-separated metrics, one column each (up to ${TABLE_COLUMNS_MAX}), as GET /api/influence ranks them, or the columns read off each one's all-time influence curve: ${Object.values(CURVE_COLUMNS).join(' ')}`,
      ),
    sort: z
      .string()
      .max(100)
      .optional()
      .describe('name, or one of the columns (most influential first); a leading - reverses it (default: the first column)'),
    q: z.string().max(200).optional().describe('only people whose name or id contains this (case aside)'),
    community: z.coerce.number().int().min(0).optional().describe('only people in this community (Louvain, on the layer shown, as /api/graph numbers it)'),
    lists: z.string().min(1).max(100).optional().describe('only people who list this sector (sector, by contrast, slices the events the metrics count)'),
    ...neighbourhood,
  });
  const tableArgs = (query: z.output<typeof tableQuery>) => ({
    ...rankQuery({ ...query, metric: query.columns[0]! }),
    columns: query.columns,
    sort: query.sort ?? query.columns[0]!,
    q: query.q ?? null,
    community: query.community ?? null,
    lists: query.lists ?? null,
    focus: query.focus ?? null,
    hops: query.hops,
  });
  const tableResponse = z.object({
    columns: z.array(z.object({ metric: z.string(), at: z.string().nullable(), higherIsMoreInfluential: z.boolean(), min: z.number(), max: z.number() })),
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        sectors: z.array(z.string()),
        community: z.number().int().nullable(),
        cells: z.array(
          z.object({ score: z.number().nullable(), rank: z.number().int(), tied: z.number().int(), fadeClass: z.enum(['fad', 'steady', 'lasting', 'none']).optional(), censored: z.boolean().optional(), comebacks: z.number().int().optional(), dormantDays: z.number().nullable().optional() }),
        ),
      }),
    ),
    total: z.number().int(),
    of: z.number().int(),
    sort: z.string(),
    layer: z.enum(['influence', 'ties']),
    seeds: namedSeeds.optional(),
    focus: z.object({ id: z.string(), name: z.string(), hops: z.number().int() }).optional(),
  });
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/influence/table',
      tag: 'influence',
      summary: 'Everyone with several rankings side by side, one column per metric, sorted by any of them or by name, filtered by name, a page at a time',
      query: tableQuery,
      response: tableResponse,
      errors: [400, 404, 422],
    },
    ({ query }) => svc.table(tableArgs(query)),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/influence/table.csv',
      tag: 'influence',
      summary: 'The same table as GET /api/influence/table, as a CSV file (id, name, sectors, community, then each metric and its rank), everyone by default',
      query: tableQuery.extend({ limit: z.coerce.number().int().min(1).max(100_000).default(100_000) }),
      errors: [400, 404, 422],
    },
    async ({ query, res }) => {
      const t = await svc.table(tableArgs(query));
      const at = t.columns[0]?.at;
      sendCsv(
        res,
        ['catalyst-table', t.layer === 'ties' ? 'trust' : null, query.sector, query.medium, query.polarity !== 'total' ? query.polarity : null, at ? at.slice(0, 10) : null],
        // the fade column says its class too (fad, steady, lasting; none without influence), the comeback column how many and after how long
        [
          'id',
          'name',
          'sectors',
          'community',
          ...t.columns.flatMap((c) => [c.metric, `${c.metric} rank`, ...(c.metric === 'fade' ? ['fade class'] : c.metric === 'comeback' ? ['comebacks', 'dormant days'] : [])]),
        ],
        t.items.map((i) => [
          i.id,
          i.name,
          i.sectors.join('; '),
          i.community === null ? '' : String(i.community),
          ...i.cells.flatMap((c) => [
            c.score === null ? '' : String(c.score),
            String(c.rank),
            ...(c.fadeClass ? [c.fadeClass] : []),
            ...(c.comebacks !== undefined ? [String(c.comebacks), c.dormantDays == null ? '' : String(c.dormantDays)] : []),
          ]),
        ]),
      );
    },
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/people/:id/influence',
      tag: 'influence',
      summary: "A person's influence profile: scores and ranks, sector and medium profiles, reach, polarity, fade, resurgences",
      params: idParams,
      query: z.object({ at: time.optional().describe('ISO time (default: static)'), seeds, layer: layer.describe('whose Louvain community `community` is: influence or ties (default as /api/graph)') }),
      errors: [404],
    },
    ({ params, query }) => svc.profile(params.id, query.at ?? null, query.seeds, query.layer ?? null),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/people/:id/curve',
      tag: 'influence',
      summary: "A person's decay curve with peaks, fade half-life, fade class, dormancy and resurgences",
      params: idParams,
      query: z.object({
        from: time.optional().describe('ISO time (default: first event)'),
        to: time.optional().describe('ISO time (default: last event)'),
        step: z.coerce.number().positive().optional().describe('days between points (default: 365 points over the range)'),
        metric: z
          .enum(['activity', 'centrality', 'introducer'])
          .default('activity')
          .describe(
            `activity: decayed magnitude of events driven; centrality: decayed influence strength on the projection; introducer: the introducer score at each time (introductions made by then, their credit halving every ${INTRODUCER_HALF_LIFE_DAYS} days), with no positive/negative parts`,
          ),
      }),
      errors: [404],
    },
    ({ params, query }) => svc.curve(params.id, { from: query.from, to: query.to, stepDays: query.step, metric: query.metric }),
  );
  defineRoute(
    router,
    registry,
    { method: 'get', path: '/api/communities', tag: 'influence', summary: 'Louvain communities of the influence graph' },
    () => svc.communitiesSummary(),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/sectors',
      tag: 'influence',
      summary: 'The sectors side by side: the influence earned in each, how much of one counts in another (the transfer matrix) and who carries the most into each from elsewhere',
      query: z.object({
        at: time.optional().describe('ISO time: influence decayed to this time, events after it left out (default: all time, undecayed)'),
        carriers: z.coerce.number().int().min(0).max(SECTOR_CARRIERS_MAX).default(5).describe('people listed per sector as carrying influence into it'),
      }),
      errors: [400],
    },
    ({ query }) => svc.sectors({ at: query.at ?? null, carriers: query.carriers }),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/breakdown/timeline',
      tag: 'influence',
      summary: 'The influence earned in each sector, or through each medium, over time: the network’s activity split by where it was earned',
      query: z.object({
        by: z.enum(['sector', 'medium']).default('sector'),
        polarity: polarity.describe('which part of influence counts: total (sign-free), positive or negative'),
        steps: z.coerce.number().int().min(2).max(1000).default(120).describe('evenly spaced times from the first event to the last'),
      }),
      errors: [400],
    },
    ({ query }) => svc.breakdownTimeline({ by: query.by, polarity: query.polarity, steps: query.steps }),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/rings',
      tag: 'influence',
      summary: 'Suspected collusion rings: closed groups of accounts that vouch for each other both ways, with the evidence',
    },
    () => svc.ringsSummary(),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/graph',
      tag: 'explorer',
      summary: 'Nodes (top by metric, with layout positions and community) and the weighted edges among them',
      description:
        'With sector and/or medium, the view is the slice of influence through events of that sector and medium, as in GET /api/influence: ' +
        'the people those events involve (whatever sectors they list), ranked by the metric on the slice, and the slice’s edges; total counts the slice. ' +
        'With focus, only the people within hops steps of that person (either way) on those links, each node with its hops, the focused person always among them; total counts the neighbourhood.',
      query: z.object({
        metric: z.string().default('pagerank'),
        layer,
        ...slice,
        seeds,
        ...neighbourhood,
        limit: z.coerce.number().int().min(1).max(200_000).default(5_000),
        maxEdges: z.coerce.number().int().min(0).max(2_000_000).default(50_000),
      }),
      errors: [400, 404],
    },
    ({ query }) =>
      svc.graphView({
        metric: query.metric,
        layer: query.layer ?? null,
        sector: query.sector,
        medium: query.medium,
        seeds: query.seeds,
        focus: query.focus ?? null,
        hops: query.hops,
        limit: query.limit,
        maxEdges: query.maxEdges,
      }),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/network',
      tag: 'explorer',
      summary: 'The network the map draws in numbers: people, links, density, reciprocity, components, the largest degrees, degree distributions, communities',
      description:
        'On the simple directed graph of the layer (parallel links merged, self-links left out), as networkx counts a DiGraph: density = links / (n (n − 1)), ' +
        'reciprocity = the share of links returned, components weakly connected. With sector and/or medium, the slice of influence through those events: ' +
        'the people they involve and their links, as GET /api/graph shows it; with focus, that person\'s neighbourhood on those links.',
      query: z.object({ layer, ...slice, ...neighbourhood }),
      errors: [400, 404],
    },
    ({ query }) =>
      svc.network({ layer: query.layer ?? null, sector: query.sector ?? null, medium: query.medium ?? null, focus: query.focus ?? null, hops: query.hops }),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/timeline',
      tag: 'explorer',
      summary: 'Influence of the shown people and decayed edge weights at evenly spaced times (for the time slider)',
      query: z.object({
        steps: z.coerce.number().int().min(2).max(1000).default(120),
        metric: z.string().default('pagerank').describe('the metric that picks which people are shown (top limit)'),
        basis: z
          .enum(['activity', 'pagerank', 'introducer', 'trust'])
          .default('activity')
          .describe(
            `each person's value at each time: activity (decayed influence of the events they drove), pagerank (temporal PageRank of the decayed influence graph, above the floor share everyone gets without influence), introducer (the introducer score at that time: introductions made by then, their credit halving every ${INTRODUCER_HALF_LIFE_DAYS} days) or trust (PageRank of the trust ties standing at that time, formed by then or undated, above the same floor). With metric pagerank-personalized, pagerank and trust run with its seeds (Trusted PageRank at each time: every jump lands on them). On the ties layer the edges carry their trust from the day the tie was formed`,
          ),
        layer,
        ...slice,
        polarity,
        seeds,
        ...neighbourhood,
        limit: z.coerce.number().int().min(1).max(20_000).default(5_000),
        maxEdges: z.coerce.number().int().min(0).max(200_000).default(20_000),
      }),
      errors: [400, 404],
    },
    ({ query }) => svc.timeline(query),
  );
  return router;
}
