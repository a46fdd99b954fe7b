/**
 * GET /api/introductions/suggestions: whom should a person meet (and through whom), or whom should an introducer
 * introduce; GET /api/introductions/opportunities: the best introductions across the whole network; GET /api/introductions/path: how can one person reach another, through whom.
 */
import { Router } from 'express';
import { z } from 'zod';
import { MAX_PATH_HOPS } from '../engine/introductions/index.ts';
import type { SuggestionsApi } from '../services/analysis.ts';
import { MAX_OPPORTUNITIES } from '../services/suggestions.service.ts';
import { defineRoute, type ApiRegistry } from './route.ts';

const person = z.object({ id: z.string(), name: z.string() });
const suggestion = z.object({ a: person, b: person, introducer: person, score: z.number().describe('0..1: raw / (1 + raw), raw being reasons.rawScore (the ranking)'), reasons: z.record(z.string(), z.unknown()) });

export function createSuggestionsRouter(deps: { suggestions: SuggestionsApi }, registry: ApiRegistry): Router {
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/introductions/suggestions',
      tag: 'introductions',
      summary: 'Suggested introductions for a person (person=ID) or for an introducer (introducer=ID), with reasons',
      description:
        'Candidates are pairs not directly tied and not already introduced, reachable through someone both trust. ' +
        'Reasons: complementary offers/seeks, shared sectors, common ties (Adamic-Adar, resource allocation), community bridging, ' +
        "both sides' trust in the introducer, recency of those ties, and the introducer's record.",
      query: z.object({
        person: z.string().min(1).optional().describe('whom should this person meet?'),
        introducer: z.string().min(1).optional().describe('which pairs should this person introduce?'),
        limit: z.coerce.number().int().min(1).max(100).default(10),
        sector: z.string().min(1).optional().describe('only partners in this sector'),
        minScore: z.coerce.number().min(0).max(1).default(0).describe('drop suggestions scoring below this (0..1)'),
      }),
      response: z.object({
        items: z.array(suggestion),
      }),
      errors: [400, 404],
    },
    ({ query }) => deps.suggestions.suggest(query),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/introductions/opportunities',
      tag: 'introductions',
      summary: 'The best introductions to make across the whole network, each with the person best placed to make it',
      description:
        'Every pair not tied and not already introduced (nor hidden by one of the two) that someone both trust could introduce, ranked and explained ' +
        'as the person suggestions are. A sweep over every introducer, run once per graph version and sector; on a very large network it covers the ' +
        'introducers with the most trust around them first, and says how many it covered (exact: every pair was considered).',
      query: z.object({
        limit: z.coerce.number().int().min(1).max(MAX_OPPORTUNITIES).default(20),
        sector: z.string().min(1).optional().describe('only pairs with at least one of the two in this sector'),
        minScore: z.coerce.number().min(0).max(1).default(0).describe('drop suggestions scoring below this (0..1)'),
      }),
      response: z.object({ items: z.array(suggestion), introducers: z.number(), introducersSwept: z.number(), exact: z.boolean() }),
      errors: [400],
    },
    ({ query }) => deps.suggestions.opportunities(query),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/introductions/path',
      tag: 'introductions',
      summary: 'How can one person reach another? The most trusted chain of introductions between them',
      description:
        'Each hop is a direct tie (a KNOWS tie, or messages both ways) that both sides trust at least minTrust; a hop is as strong as ' +
        'the weaker of its two trusts, and a chain as the product of its hops. The strongest chain of at most maxHops hops is returned ' +
        '(the fewest hops among equally strong ones), or path null when there is none. Each hop after the first is an introduction of from ' +
        '(from → x → y: x introduces from to y); a hop x → y is left out when x dismissed that pair from their own suggestions (will not ' +
        'introduce them) or from or y dismissed it (not interested). hidden: from or to dismissed the pair itself, so only a direct tie can join them.',
      query: z.object({
        from: z.string().min(1).describe('who wants to reach someone'),
        to: z.string().min(1).describe('whom they want to reach'),
        maxHops: z.coerce.number().int().min(1).max(MAX_PATH_HOPS).default(4).describe(`the longest chain considered, 1 to ${MAX_PATH_HOPS} hops`),
      }),
      response: z.object({
        from: person,
        to: person,
        alreadyTied: z.boolean(),
        hidden: z.boolean(),
        path: z
          .object({
            people: z.array(person),
            hops: z.array(z.object({ from: z.string(), to: z.string(), trustForward: z.number(), trustBack: z.number(), lastContact: z.string().nullable() })),
            strength: z.number(),
          })
          .nullable(),
        maxHops: z.number(),
        minTrust: z.number(),
      }),
      errors: [400, 404],
    },
    ({ query }) => deps.suggestions.path(query),
  );
  return router;
}
