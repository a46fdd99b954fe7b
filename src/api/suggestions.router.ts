/** GET /api/introductions/suggestions: whom should a person meet (and through whom), or whom should an introducer introduce. */
import { Router } from 'express';
import { z } from 'zod';
import type { SuggestionsService } from '../services/suggestions.service.ts';
import { defineRoute, type ApiRegistry } from './route.ts';

const person = z.object({ id: z.string(), name: z.string() });

export function createSuggestionsRouter(deps: { suggestions: SuggestionsService }, registry: ApiRegistry): Router {
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
        items: z.array(z.object({ a: person, b: person, introducer: person, score: z.number(), reasons: z.record(z.string(), z.unknown()) })),
      }),
      errors: [400, 404],
    },
    ({ query }) => deps.suggestions.suggest(query),
  );
  return router;
}
