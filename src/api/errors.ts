/**
 * The one error middleware: AppError → its status and `{ error: { code, message, details } }`; body-parser
 * failures → 400/413 (a body that is not JSON: 415, requireJsonBody); anything else → 500 without internals
 * (logged with its stack).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../domain/errors.ts';
import { mapDriverError } from '../store/database.ts';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
  message?: string;
}

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/**
 * A request to the JSON API that carries a body in another type (a form, plain text, a file) → 415 naming the
 * type it got, instead of the parser leaving the body empty and every field reading as missing. Imports, whose
 * bodies are files, are read before this (transfer.router.ts).
 */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  const length = req.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || req.is('application/json') || !req.path.startsWith('/api/')) {
    next();
    return;
  }
  const type = req.headers['content-type']?.split(';')[0]?.trim() || 'no Content-Type';
  res.status(415).json(errorBody('unsupported_media_type', `The body must be JSON with Content-Type: application/json (got ${type})`, { contentType: type }));
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('not_found', `No route for ${req.method} ${req.path}`));
};

export function createErrorHandler(log: { error: (obj: unknown, msg: string) => void }): ErrorRequestHandler {
  return (rawErr, req, res, _next) => {
    const err = mapDriverError(rawErr);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof AppError) {
      res.status(err.status).json(errorBody(err.code, err.message, err.details));
      return;
    }
    const bp = err as BodyParserError;
    if (bp?.type === 'entity.too.large') {
      res
        .status(413)
        .json(errorBody('payload_too_large', `Request body is too large (${bp.length ?? '?'} bytes; the limit is ${bp.limit} bytes)`, { limit: bp.limit }));
      return;
    }
    if (bp?.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('invalid_json', `Malformed JSON body: ${bp.message}`));
      return;
    }
    if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500) {
      res.status(bp.status).json(errorBody('bad_request', bp.message ?? 'Bad request'));
      return;
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json(errorBody('internal_error', 'Internal error; the server log has the details'));
  };
}
