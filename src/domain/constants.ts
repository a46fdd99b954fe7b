/**
 * Values of the data model that the browser client needs too, in a module without dependencies, so the client
 * imports them without bundling the schemas (model.ts, zod). model.ts re-exports them.
 */

export const introductionStatuses = ['suggested', 'made', 'accepted', 'declined', 'succeeded', 'failed'] as const;
export type IntroductionStatus = (typeof introductionStatuses)[number];
/** Statuses after which an introduction is over; another one between the same pair may then be made. */
export const closedIntroductionStatuses: readonly IntroductionStatus[] = ['declined', 'succeeded', 'failed'];
/** Statuses of an introduction made and waiting for its outcome (the introducer record's "open"). */
export const openIntroductionStatuses: readonly IntroductionStatus[] = ['made', 'accepted'];

/** The longest note an introduction may carry (characters). */
export const NOTE_MAX_LENGTH = 2000;
