/**
 * Limits of the data model that the browser client needs too, kept in a module without dependencies so the client
 * can import them without bundling the schemas (model.ts, zod).
 */

/** The longest note an introduction may carry (characters). */
export const NOTE_MAX_LENGTH = 2000;
