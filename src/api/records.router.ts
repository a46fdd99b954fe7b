/** CRUD for people, events, ties and introductions. */
import { Router } from 'express';
import { z } from 'zod';
import {
  dismissalSchema,
  eventRoles,
  eventPatchSchema,
  eventSchema,
  introductionPatchSchema,
  introductionSchema,
  introductionStatuses,
  personPatchSchema,
  personCreateSchema,
  personFootprintSchema,
  personRestoredSchema,
  personSchema,
  personSnapshotSchema,
  tieDirections,
  tieOrders,
  tiePatchSchema,
  tieSchema,
} from '../domain/model.ts';
import type { DismissalsService } from '../services/dismissals.service.ts';
import type { EventsService } from '../services/events.service.ts';
import type { IntroductionsService } from '../services/introductions.service.ts';
import type { PeopleService } from '../services/people.service.ts';
import type { TiesService } from '../services/ties.service.ts';
import { crudRoutes } from './crud.ts';
import { defineRoute, idParams, isoTime, pageOf, pageQuery, type ApiRegistry } from './route.ts';

export interface RecordsDeps {
  people: PeopleService;
  events: EventsService;
  ties: TiesService;
  introductions: IntroductionsService;
  dismissals: DismissalsService;
}

const personFilter = z.object({ person: z.string().min(1).optional() });
const storedTie = tieSchema.extend({ id: z.string() });
const storedIntroduction = introductionSchema.extend({ id: z.string(), at: z.string() });
const storedDismissal = dismissalSchema.extend({ id: z.string(), at: z.string() });
const byStatus = z.object(Object.fromEntries(introductionStatuses.map((s) => [s, z.number().int()])));

/** "made,accepted" → ['made', 'accepted']; an unknown status is refused by name. */
const statusList = z
  .string()
  .min(1)
  .transform((text, ctx) => {
    const asked = text.split(',').map((s) => s.trim());
    const unknown = asked.filter((s) => !(introductionStatuses as readonly string[]).includes(s));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `unknown status ${unknown.map((s) => `"${s}"`).join(', ')}; the statuses are ${introductionStatuses.join(', ')}` });
      return z.NEVER;
    }
    return asked as (typeof introductionStatuses)[number][];
  });
const introductionFilter = personFilter.extend({
  status: statusList.optional().describe(`only introductions in these statuses, comma-separated (${introductionStatuses.join(', ')})`),
  since: isoTime.optional().describe('only introductions recorded at or after this ISO time'),
  before: isoTime.optional().describe('only introductions recorded before this ISO time'),
  outcomeSince: isoTime.optional().describe('only introductions whose outcome is dated at or after this ISO time'),
  outcomeBefore: isoTime.optional().describe('only introductions whose outcome is dated before this ISO time'),
});

export function createRecordsRouter(deps: RecordsDeps, registry: ApiRegistry): Router {
  const router = Router();
  crudRoutes(router, registry, deps.people, {
    noun: 'person',
    base: '/api/people',
    tag: 'people',
    createSchema: personCreateSchema,
    patchSchema: personPatchSchema,
    response: personSchema,
    listQuery: z.object({ q: z.string().max(200).optional() }),
    deleted: {
      schema: personSnapshotSchema,
      description:
        'Also deletes their trust ties, the events only they drove (their part in the others goes), their introductions and the dismissals naming them; ' +
        'answers all of it, whole, which POST /api/people/restore puts back (the Undo of a delete).',
    },
  });
  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/api/people/restore',
      tag: 'people',
      summary: 'Put a deleted person back, with what was deleted with them (the Undo of a delete)',
      description:
        'The body is what DELETE /api/people/:id answered. Everything in it comes back in one transaction, except a record that names a person or ' +
        'an event deleted since, or whose id was taken since: those are listed in skipped, each with why. Someone stored under the same id since is a 409.',
      body: personSnapshotSchema,
      status: 201,
      response: personRestoredSchema,
      errors: [400, 409, 413],
    },
    ({ body }) => deps.people.restore(body),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/people/:id/footprint',
      tag: 'people',
      summary: 'What deleting this person would delete with them, counted',
      description: 'DELETE /api/people/:id also deletes their trust ties, the events only they drove, their introductions and the dismissals naming them; this counts those, to say so before.',
      params: idParams,
      response: personFootprintSchema,
      errors: [404],
    },
    ({ params }) => deps.people.footprint(params.id),
  );
  // before the introductions' /:id routes, which would take "summary" for an id
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/introductions/summary',
      tag: 'introductions',
      summary: 'Every recorded introduction at a glance: by status, by month, waiting for an outcome, and the best introducers',
      description:
        'byStatus counts every introduction by its status now; months does the same per month recorded (UTC), every month from the first to the last; ' +
        'waiting counts the made or accepted ones recorded more than waitingDays ago, and waiting.requests the suggested ones (asked for, not made yet); ' +
        'outcomes says how long the dated outcomes took (median days), and outcomeMonths when they came; introducers are the people whose introductions bear most fruit ' +
        '(the introducer score: a smoothed success rate times the succeeded introductions, weighted by value, each counted as far as people ' +
        "outside the introducer's own introductions vouch for the two people introduced).",
      query: z.object({
        waitingDays: z.coerce.number().int().min(0).max(3650).default(30).describe('an open introduction recorded longer ago than this is waiting'),
        introducers: z.coerce.number().int().min(0).max(100).default(5).describe('how many of the best introducers to list'),
      }),
      response: z.object({
        total: z.number().int(),
        byStatus,
        succeededValue: z.number(),
        waiting: z.object({
          days: z.number().int(),
          before: z.string(),
          count: z.number().int(),
          requests: z.number().int().describe('suggested ones (asked for, not made yet) recorded more than waitingDays ago'),
        }),
        outcomes: z
          .object({ dated: z.number().int(), medianDays: z.number().nullable() })
          .describe('the closed introductions whose outcome is dated (outcomeAt), and the median days from introduction to outcome (null when none is)'),
        months: z.array(z.object({ month: z.string(), counts: byStatus })),
        outcomeMonths: z
          .array(z.object({ month: z.string(), counts: byStatus }))
          .describe('the dated outcomes per month they came in (UTC), by status, every month from the first to the last; empty when none is dated'),
        introducers: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            made: z.number().int(),
            succeeded: z.number().int(),
            counted: z.number().describe('the succeeded ones weighed by how much people outside this introducer\'s own introductions vouch for the two introduced (0..1 each)'),
            failed: z.number().int(),
            declined: z.number().int(),
            open: z.number().int(),
            successRate: z.number().describe('smoothed: (counted + 1) / (counted + failed + 2)'),
            creditedValue: z.number(),
            score: z.number(),
          }),
        ),
      }),
      errors: [400],
    },
    ({ query }) => deps.introductions.summary(query),
  );
  crudRoutes(router, registry, deps.events, {
    noun: 'event',
    base: '/api/events',
    tag: 'events',
    createSchema: eventSchema,
    patchSchema: eventPatchSchema,
    response: eventSchema,
    listQuery: personFilter.extend({
      role: z.enum(eventRoles).optional().describe('with person: the events they drove, those that reached them, or any (the default)'),
    }),
  });
  crudRoutes(router, registry, deps.ties, {
    noun: 'tie',
    base: '/api/ties',
    tag: 'ties',
    createSchema: tieSchema,
    patchSchema: tiePatchSchema,
    response: storedTie,
    listQuery: personFilter.extend({
      direction: z
        .enum(tieDirections)
        .optional()
        .describe("with person: the ties they give (out: whom they trust), receive (in: who trusts them) or both (the default)"),
      order: z.enum(tieOrders).default('id').describe('id, or trust: the highest trust first (then id)'),
    }),
  });
  crudRoutes(router, registry, deps.introductions, {
    noun: 'introduction',
    base: '/api/introductions',
    tag: 'introductions',
    createSchema: introductionSchema,
    patchSchema: introductionPatchSchema,
    response: storedIntroduction,
    listQuery: introductionFilter,
  });
  dismissalRoutes(router, registry, deps.dismissals);
  return router;
}

/** Dismissed suggestions: created, listed and deleted (undone); there is nothing to update in one. */
function dismissalRoutes(router: Router, registry: ApiRegistry, dismissals: DismissalsService): void {
  const tag = 'introductions';
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/dismissals',
      tag,
      summary: 'Dismissed suggestions, newest first (paged): those one person dismissed with ?by=ID, or all',
      query: pageQuery.extend({ by: z.string().min(1).optional().describe('only the dismissals this person made') }),
      response: pageOf(storedDismissal),
      errors: [404],
    },
    ({ query }) => dismissals.list(query),
  );
  defineRoute(
    router,
    registry,
    { method: 'get', path: '/api/dismissals/:id', tag, summary: 'One dismissed suggestion by id', params: idParams, response: storedDismissal, errors: [404] },
    ({ params }) => dismissals.get(params.id),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/api/dismissals',
      tag,
      summary: 'Dismiss a suggestion: `by` does not want the pair {a, b} suggested again',
      description:
        'When `by` is a or b ("not interested"), the pair is suggested to nobody, neither to them nor to an introducer. When `by` is someone else ' +
        '(an introducer who will not introduce them), the pair leaves the suggestions for `by` as introducer, and `by` is no longer named as its ' +
        'introducer (the next trusted common tie is, if there is one). Delete the dismissal to undo it. Unknown people → 404; a pair of one ' +
        'person, or a pair `by` has already dismissed → 409.',
      body: dismissalSchema,
      status: 201,
      response: storedDismissal,
      errors: [400, 404, 409, 413],
    },
    ({ body }) => dismissals.create(body),
  );
  defineRoute(
    router,
    registry,
    { method: 'delete', path: '/api/dismissals/:id', tag, summary: 'Undo a dismissal: the pair may be suggested again', params: idParams, status: 204, errors: [404] },
    async ({ params }) => {
      await dismissals.delete(params.id);
      return undefined;
    },
  );
}
