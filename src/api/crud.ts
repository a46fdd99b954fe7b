/**
 * The CRUD routes every record type shares: list (paged, optional ?person=), get, create, patch, delete.
 */
import type { Router } from 'express';
import { z, type ZodType } from 'zod';
import type { Page } from '../domain/model.ts';
import { defineRoute, idParams, pageOf, pageQuery, type ApiRegistry } from './route.ts';

export interface CrudService<T, C, U> {
  list(opts: { offset: number; limit: number; person?: string | null; q?: string | null }): Promise<Page<T>>;
  get(id: string): Promise<T>;
  create(input: C): Promise<T>;
  update(id: string, patch: U): Promise<T>;
  /** answers nothing (204), or what was deleted when the routes say its shape (`deleted`) */
  delete(id: string): Promise<unknown>;
}

export interface CrudOptions<C extends ZodType, U extends ZodType> {
  /** singular noun used in summaries, e.g. "person" */
  noun: string;
  base: string;
  tag: string;
  createSchema: C;
  patchSchema: U;
  response: ZodType;
  /** extra list filters */
  listQuery?: z.ZodObject;
  /** DELETE answers 200 with what was deleted, in this shape (else 204, nothing) */
  deleted?: { schema: ZodType; description: string };
}

export function crudRoutes<T, C extends ZodType, U extends ZodType>(
  router: Router,
  registry: ApiRegistry,
  service: CrudService<T, z.output<C>, z.output<U>>,
  opts: CrudOptions<C, U>,
): void {
  const { noun, base, tag } = opts;
  const listQuery = opts.listQuery ? pageQuery.extend(opts.listQuery.shape) : pageQuery;
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: base,
      tag,
      summary: `List ${noun} records (paged)`,
      query: listQuery,
      response: pageOf(opts.response),
      // ?person= names someone who must exist
      errors: 'person' in listQuery.shape ? [404] : [],
    },
    ({ query }) => service.list(query as { offset: number; limit: number }),
  );
  defineRoute(
    router,
    registry,
    { method: 'get', path: `${base}/:id`, tag, summary: `One ${noun} by id`, params: idParams, response: opts.response, errors: [404] },
    ({ params }) => service.get(params.id),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: base, tag, summary: `Create a ${noun}`, body: opts.createSchema, status: 201, response: opts.response, errors: [400, 404, 409, 413] },
    ({ body }) => service.create(body),
  );
  defineRoute(
    router,
    registry,
    { method: 'patch', path: `${base}/:id`, tag, summary: `Update a ${noun}`, params: idParams, body: opts.patchSchema, response: opts.response, errors: [400, 404] },
    ({ params, body }) => service.update(params.id, body),
  );
  const deleted = opts.deleted;
  defineRoute(
    router,
    registry,
    deleted
      ? { method: 'delete', path: `${base}/:id`, tag, summary: `Delete a ${noun}`, description: deleted.description, params: idParams, response: deleted.schema, errors: [404] }
      : { method: 'delete', path: `${base}/:id`, tag, summary: `Delete a ${noun}`, params: idParams, status: 204, errors: [404] },
    async ({ params }) => {
      const answer = await service.delete(params.id);
      return deleted ? answer : undefined;
    },
  );
}
