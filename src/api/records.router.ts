/** CRUD for people, events, ties and introductions. */
import { Router } from 'express';
import { z } from 'zod';
import {
  eventPatchSchema,
  eventSchema,
  introductionPatchSchema,
  introductionSchema,
  personPatchSchema,
  personSchema,
  tiePatchSchema,
  tieSchema,
} from '../domain/model.ts';
import type { EventsService } from '../services/events.service.ts';
import type { IntroductionsService } from '../services/introductions.service.ts';
import type { PeopleService } from '../services/people.service.ts';
import type { TiesService } from '../services/ties.service.ts';
import { crudRoutes } from './crud.ts';
import type { ApiRegistry } from './route.ts';

export interface RecordsDeps {
  people: PeopleService;
  events: EventsService;
  ties: TiesService;
  introductions: IntroductionsService;
}

const personFilter = z.object({ person: z.string().min(1).optional() });
const storedTie = tieSchema.extend({ id: z.string() });
const storedIntroduction = introductionSchema.extend({ id: z.string(), at: z.string() });

export function createRecordsRouter(deps: RecordsDeps, registry: ApiRegistry): Router {
  const router = Router();
  crudRoutes(router, registry, deps.people, {
    noun: 'person',
    base: '/api/people',
    tag: 'people',
    createSchema: personSchema,
    patchSchema: personPatchSchema,
    response: personSchema,
    listQuery: z.object({ q: z.string().max(200).optional() }),
  });
  crudRoutes(router, registry, deps.events, {
    noun: 'event',
    base: '/api/events',
    tag: 'events',
    createSchema: eventSchema,
    patchSchema: eventPatchSchema,
    response: eventSchema,
    listQuery: personFilter,
  });
  crudRoutes(router, registry, deps.ties, {
    noun: 'tie',
    base: '/api/ties',
    tag: 'ties',
    createSchema: tieSchema,
    patchSchema: tiePatchSchema,
    response: storedTie,
    listQuery: personFilter,
  });
  crudRoutes(router, registry, deps.introductions, {
    noun: 'introduction',
    base: '/api/introductions',
    tag: 'introductions',
    createSchema: introductionSchema,
    patchSchema: introductionPatchSchema,
    response: storedIntroduction,
    listQuery: personFilter,
  });
  return router;
}
