/**
 * Route definitions shared by the routers and the OpenAPI document: each route names its params, query and
 * body schemas (zod) once; `defineRoute` validates requests with them and the OpenAPI builder describes them.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z, type ZodType } from 'zod';
import { ValidationError } from '../domain/errors.ts';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteSpec<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType> {
  method: Method;
  /** Express-style path, e.g. /api/people/:id */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** a raw (non-JSON) request body, e.g. an import file */
  rawBody?: { mediaTypes: string[]; description: string };
  /** success status (default 200) */
  status?: number;
  response?: ZodType;
  responseDescription?: string;
  /** non-JSON success responses, e.g. exports */
  responseMediaTypes?: string[];
  errors?: number[];
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
}

export class ApiRegistry {
  readonly routes: RouteSpec[] = [];
  add(spec: RouteSpec): void {
    this.routes.push(spec);
  }
}

/** Registers a validated route: a thin handler that gets parsed input and returns the JSON body. */
export function defineRoute<P extends ZodType, Q extends ZodType, B extends ZodType>(
  router: Router,
  registry: ApiRegistry,
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>,
  ...middleware: RequestHandler[]
): void {
  registry.add(spec as RouteSpec);
  router[spec.method](spec.path, ...middleware, async (req, res) => {
    const params = spec.params ? parse(spec.params, req.params, 'path parameter') : req.params;
    if (spec.query instanceof z.ZodObject) rejectUnknownQuery(spec, spec.query, req.query);
    const query = spec.query ? parse(spec.query, req.query, 'query parameter') : req.query;
    const body = spec.body ? parse(spec.body, req.body ?? {}, 'body') : req.body;
    const result = await handler({ params, query, body, req, res } as RouteContext<z.output<P>, z.output<Q>, z.output<B>>);
    if (res.headersSent) return;
    if (result === undefined) res.status(spec.status ?? 204).end();
    else res.status(spec.status ?? 200).json(result);
  });
}

/**
 * A query parameter the route does not take is refused rather than ignored: a misspelt `?limt=5` or `?sectr=`
 * would otherwise answer as if it had not been given, and the caller would not know why.
 */
function rejectUnknownQuery(spec: RouteSpec, schema: z.ZodObject, query: Record<string, unknown>): void {
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(query).filter((k) => !known.includes(k));
  if (unknown.length === 0) return;
  const list = unknown.map((k) => `"${k}"`).join(', ');
  throw new ValidationError(
    `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${list} for ${spec.method.toUpperCase()} ${spec.path}; it takes ${known.length > 0 ? known.join(', ') : 'none'}`,
    { unknown, known },
  );
}

function parse<T extends ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0]!;
  const name = first.path ? `${where} "${first.path}"` : where;
  throw new ValidationError(`Invalid ${name}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, {
    issues,
  });
}

/** Common query pieces. */
/** An ISO-8601 date or date-time in a query, as epoch ms. */
export const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO-8601 date or date-time' })
  .transform((s) => Date.parse(s));

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const idParams = z.object({ id: z.string().min(1).max(200) });

export function pageOf<T extends ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
