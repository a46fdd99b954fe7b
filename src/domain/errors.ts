/**
 * One error family for the whole app. Each carries an HTTP status, a stable string code and details; the API's
 * error middleware turns them into `{ "error": { "code", "message", "details" } }`. The store maps driver
 * errors to these at its edge, so no layer above it sees a Neo4j error.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(404, 'not_found', `${what} "${id}" does not exist`, { [what.toLowerCase()]: id });
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'invalid_request', message, details);
  }
}

export class UnprocessableError extends AppError {
  constructor(message: string, details?: unknown) {
    super(422, 'unprocessable', message, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string, details?: unknown) {
    super(413, 'payload_too_large', message, details);
  }
}

export class UnavailableError extends AppError {
  constructor(message: string, details?: unknown) {
    super(503, 'database_unavailable', message, details);
  }
}

/** The analysis thread stopped (a crash, running out of memory, shutting down) before it answered. */
export class AnalysisUnavailableError extends AppError {
  constructor(message: string) {
    super(503, 'analysis_unavailable', message);
  }
}

/** An import that found invalid rows: nothing was written. */
export class ImportRejectedError extends AppError {
  constructor(message: string, errors: { line: number; message: string }[]) {
    super(422, 'invalid_import', message, { errors });
  }
}

/**
 * An import stopped because its client went away (a cancelled upload, a closed tab). Status 499, nginx's "client
 * closed request": nobody is left to read the answer, but the progress entry (GET /api/import/progress/:id) keeps
 * the message, which says what was stored before it stopped.
 */
export class ImportCancelledError extends AppError {
  constructor(
    message: string,
    /** whether any of the import had been stored when it stopped */
    readonly stored: boolean,
    details?: unknown,
  ) {
    super(499, 'import_cancelled', message, details);
  }
}

/** Neo4j's bulk importer failed; the store folder was left as it was. */
export class BulkImportError extends AppError {
  constructor(message: string, details?: unknown) {
    super(500, 'bulk_import_failed', message, details);
  }
}

/** The file holds something the bulk importer's CSV cannot carry faithfully; the online import can write it. */
export class BulkImportUnsupportedError extends AppError {
  constructor(message: string, details?: unknown) {
    super(422, 'bulk_import_unsupported', message, details);
  }
}
