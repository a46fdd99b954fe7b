/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with (route.ts), so
 * the documentation cannot drift from the behaviour.
 */
import { z, type ZodType } from 'zod';
import type { ApiRegistry, RouteSpec } from './route.ts';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

const errorText: Record<number, string> = {
  400: 'Invalid request (the message names the parameter or field)',
  404: 'Unknown id',
  409: 'Conflicts with what is stored',
  413: 'Body too large',
  415: 'The body is not JSON (Content-Type must be application/json)',
  422: 'Well-formed but unprocessable (e.g. an import with invalid rows: details list them by line)',
  503: 'Neo4j is unreachable',
};

function jsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

function parameters(spec: RouteSpec) {
  const out: Record<string, unknown>[] = [];
  const add = (schema: ZodType | undefined, where: 'path' | 'query') => {
    if (!schema || !(schema instanceof z.ZodObject)) return;
    const shape = schema.shape as Record<string, ZodType>;
    const json = jsonSchema(schema, 'input') as { required?: string[]; properties?: Record<string, Record<string, unknown>> };
    for (const name of Object.keys(shape)) {
      const prop = json.properties?.[name] ?? {};
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
        schema: prop,
      });
    }
  };
  add(spec.params, 'path');
  add(spec.query, 'query');
  return out;
}

function operation(spec: RouteSpec) {
  const status = String(spec.status ?? 200);
  const responses: Record<string, unknown> = {};
  if (status === '204') responses[status] = { description: spec.responseDescription ?? 'Done' };
  else if (spec.responseMediaTypes) {
    responses[status] = {
      description: spec.responseDescription ?? 'OK',
      content: Object.fromEntries(spec.responseMediaTypes.map((m) => [m, { schema: { type: 'string' } }])),
    };
  } else {
    responses[status] = {
      description: spec.responseDescription ?? 'OK',
      content: { 'application/json': { schema: spec.response ? jsonSchema(spec.response, 'output') : {} } },
    };
  }
  for (const code of new Set([...(spec.errors ?? []), ...(spec.query || spec.params || spec.body ? [400] : []), ...(spec.body ? [413, 415] : []), 503])) {
    responses[String(code)] = { description: errorText[code] ?? 'Error', content: { 'application/json': { schema: errorSchema } } };
  }
  const op: Record<string, unknown> = {
    operationId: `${spec.method}${spec.path.replace(/[/:{}-]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: spec.summary,
    tags: [spec.tag],
    parameters: parameters(spec),
    responses,
  };
  if (spec.description) op.description = spec.description;
  if (spec.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } };
  } else if (spec.rawBody) {
    op.requestBody = {
      required: true,
      description: spec.rawBody.description,
      content: Object.fromEntries(spec.rawBody.mediaTypes.map((m) => [m, { schema: { type: 'string' } }])),
    };
  }
  return op;
}

export function buildOpenApi(registry: ApiRegistry, version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry.routes) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Catalyst API',
      version,
      description:
        'Influence and introduction network analyzer. Errors have one shape: { "error": { "code", "message", "details" } }.',
    },
    servers: [{ url: '/' }],
    paths,
  };
}
