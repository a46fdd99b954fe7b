/** Import and export of whole files: POST /api/import?format=F (the file is the body), GET /api/export?format=F. */
import express, { Router } from 'express';
import { z } from 'zod';
import { AppError, ConflictError, ImportCancelledError, ImportRejectedError, ValidationError } from '../domain/errors.ts';
import { EXPORT_FORMAT_NAMES, FORMAT_NAMES, FORMATS } from '../services/formats/index.ts';
import { checkExportFormat, exportMediaType, type ExportService } from '../services/export.service.ts';
import { ImportProgressBoard, KEEP_MS } from '../services/import-progress.ts';
import type { ImportService } from '../services/import.service.ts';
import { defineRoute, type ApiRegistry } from './route.ts';

const PROGRESS_ID = /^[A-Za-z0-9_-]{8,64}$/;

const importQuery = z.object({
  format: z.enum(FORMAT_NAMES),
  skipInvalid: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  sector: z.string().min(1).max(100).optional().describe('snap-*: sector of the created events (default "general")'),
  progress: z
    .string()
    .regex(PROGRESS_ID, 'progress must be 8 to 64 letters, digits, "-" or "_"')
    .optional()
    .describe('an id the client chooses; GET /api/import/progress/{id} then reports the import as it runs'),
});

/** A size as Express's body limits read it ("200mb", "512kb", "1000"; 1 kb = 1024 bytes), or null. */
/** Refusals that come before anything is written: invalid lines (422), an unknown format or its misuse (400). */
function refusedBeforeWriting(err: unknown): boolean {
  return err instanceof ImportRejectedError || err instanceof ValidationError;
}

export function sizeInBytes(limit: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb)?\s*$/i.exec(limit);
  if (!m) return null;
  const power = ['b', 'kb', 'mb', 'gb', 'tb'].indexOf((m[2] ?? 'b').toLowerCase());
  return Math.floor(Number(m[1]) * 1024 ** power);
}

/** Bodies are handed to the parser in slices of this size, so its progress advances through the file. */
const SLICE_BYTES = 256 * 1024;

function* slices(body: Buffer): Generator<Buffer> {
  for (let at = 0; at < body.length; at += SLICE_BYTES) yield body.subarray(at, at + SLICE_BYTES);
}

const recordCounts = z.object({ people: z.number(), events: z.number(), ties: z.number(), introductions: z.number(), dismissals: z.number() });

const importResult = z.object({
  format: z.string(),
  lines: z.number(),
  written: recordCounts.describe('the records the file holds, each written (created or overwritten by id)'),
  created: recordCounts.describe('of those, the ones not stored before (people: also those a line names who were created bare, by id)'),
  skipped: z.array(z.object({ line: z.number(), message: z.string() })),
  ms: z.number(),
  rowsPerSecond: z.number(),
  transactions: z.number(),
});

const formatItem = z.object({
  name: z.enum(FORMAT_NAMES),
  description: z.string(),
  extensions: z.array(z.string()),
  produces: z.array(z.enum(['person', 'event', 'tie', 'introduction'])),
  columns: z.array(z.object({ name: z.string(), required: z.boolean(), description: z.string() })),
  export: z.boolean(),
});

export function createTransferRouter(deps: { importer: ImportService; exporter: ExportService }, registry: ApiRegistry, importLimit: string): Router {
  const router = Router();
  const progress = new ImportProgressBoard();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/formats',
      tag: 'import-export',
      summary: 'The import and export formats, their columns, and the largest import the API takes',
      response: z.object({ items: z.array(formatItem), importLimit: z.string(), importLimitBytes: z.number().nullable() }),
    },
    async () => ({
      items: FORMAT_NAMES.map((name) => {
        const f = FORMATS[name];
        return { name, description: f.description, extensions: [...f.extensions], produces: [...f.produces], columns: f.columns.map((c) => ({ ...c })), export: f.export };
      }),
      importLimit,
      importLimitBytes: sizeInBytes(importLimit),
    }),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/api/import',
      tag: 'import-export',
      summary: 'Import a file (all or nothing unless skipInvalid=true)',
      description:
        'The request body is the file. Every line is validated before anything is written; with invalid lines the answer is 422 and ' +
        'details.errors lists them by line number. Re-importing the same file changes nothing.',
      query: importQuery,
      rawBody: { mediaTypes: ['text/csv', 'application/x-ndjson', 'application/xml', 'text/plain'], description: 'the file' },
      response: importResult,
      errors: [400, 413, 422],
    },
    async ({ query, req, res }) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const id = query.progress;
      if (id !== undefined && !progress.start(id, body.length)) throw new ConflictError(`An import with progress id "${id}" is still running; choose a new id`, { progress: id });
      // A client that goes away (a cancelled upload, a closed tab) stops the import between batches.
      const gone = new AbortController();
      const onClose = () => {
        if (!res.writableEnded) gone.abort();
      };
      res.on('close', onClose);
      try {
        const result = await deps.importer.import({
          format: query.format,
          open: () => slices(body),
          skipInvalid: query.skipInvalid,
          options: query.sector ? { sector: query.sector } : {},
          onProgress: id === undefined ? undefined : (p) => progress.update(id, p),
          signal: gone.signal,
        });
        if (id !== undefined) progress.finish(id, 'done');
        return result;
      } catch (err) {
        if (id !== undefined) {
          const message = err instanceof AppError ? err.message : undefined;
          if (err instanceof ImportCancelledError) progress.finish(id, 'cancelled', { message, stored: err.stored });
          else progress.finish(id, 'failed', { message, stored: refusedBeforeWriting(err) ? false : undefined });
        }
        throw err;
      } finally {
        res.off('close', onClose);
      }
    },
    express.raw({ type: () => true, limit: importLimit }),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/import/progress/:id',
      tag: 'import-export',
      summary: 'How far an import started with ?progress=ID has got: the pass (validating, then writing), lines and bytes read; how it ended (an import whose client goes away is cancelled between batches, and the message says what was stored)',
      params: z.object({ id: z.string().regex(PROGRESS_ID) }),
      response: z.object({
        id: z.string(),
        phase: z.enum(['validating', 'writing', 'done', 'failed', 'cancelled']),
        message: z.string().optional().describe('when failed or cancelled: what happened, and what was stored'),
        stored: z
          .boolean()
          .optional()
          .describe('once ended, whether anything was stored: true when done, false when refused or cancelled before any write; absent while running or after a failure part-way through writing'),
        lines: z.number(),
        bytes: z.number(),
        totalBytes: z.number(),
        elapsedMs: z.number(),
      }),
      errors: [400, 404],
    },
    async ({ params }) => {
      const state = progress.get(params.id);
      if (!state) {
        throw new AppError(404, 'not_found', `No import with progress id "${params.id}": none was started with it, or it ended more than ${KEEP_MS / 60_000} minutes ago`, { progress: params.id });
      }
      return state;
    },
  );
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/export',
      tag: 'import-export',
      summary: 'Export the stored graph',
      query: z.object({ format: z.enum(EXPORT_FORMAT_NAMES) }),
      responseMediaTypes: ['text/csv', 'application/x-ndjson', 'application/xml'],
    },
    async ({ query, res }) => {
      const format = checkExportFormat(query.format);
      res.status(200);
      res.setHeader('content-type', `${exportMediaType(format)}; charset=utf-8`);
      const ext = format === 'events-ndjson' ? 'ndjson' : format.endsWith('-csv') ? 'csv' : format;
      res.setHeader('content-disposition', `attachment; filename="catalyst-${format.replace(/-(csv|ndjson)$/, '')}.${ext}"`);
      await deps.exporter.export(format, res);
      res.end();
      return undefined;
    },
  );
  return router;
}
