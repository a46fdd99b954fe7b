/**
 * The data model of DESIGN.md as TypeScript types and zod schemas.
 *
 * These are the plain objects every layer speaks: the API validates requests with the schemas, the store
 * returns these shapes (never driver types), importers produce them. Times are ISO-8601 strings at this
 * level; the engine works on epoch milliseconds (see projection.ts).
 */
import { z } from 'zod';
import { closedIntroductionStatuses, introductionStatuses, NOTE_MAX_LENGTH, type IntroductionStatus } from './constants.ts';

const id = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const label = z.string().trim().min(1).max(100);

/**
 * A PATCH schema: every field optional and without its create-time default, so an omitted field stays as
 * stored instead of being reset.
 */
function patchOf<T extends z.ZodRawShape>(shape: T) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([k, v]) => {
      const field = v as z.ZodType;
      const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
      return [k, inner.optional()];
    }),
  ) as unknown as { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
  return z.strictObject(fields);
}

/** An ISO-8601 date or date-time; normalised to a full UTC ISO string. */
export const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO-8601 date or date-time' })
  .transform((s) => new Date(s).toISOString());

export const fadeSpecSchema = z.discriminatedUnion('model', [
  z.object({ model: z.literal('exponential'), halfLifeDays: z.number().positive() }),
  z.object({ model: z.literal('power'), tauDays: z.number().positive(), alpha: z.number().positive() }),
  z.object({ model: z.literal('window'), days: z.number().positive() }),
  z.object({ model: z.literal('none') }),
]);
export type FadeSpec = z.infer<typeof fadeSpecSchema>;

export const personSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(300),
  sectors: z.array(label).max(50).default([]),
  offers: z.array(label).max(100).default([]),
  seeks: z.array(label).max(100).default([]),
});
export type Person = z.output<typeof personSchema>;
/** A person to create: without an id, one is made from the name (personIdFor). */
export const personCreateSchema = personSchema.extend({
  id: id.optional().describe('left out: made from the name, "Zoë Ångström" → "p-zoe-angstrom" ("-2", "-3"… when that is taken)'),
});
export type PersonCreate = z.output<typeof personCreateSchema>;

/** What deleting a person takes with them, counted (GET /api/people/:id/footprint). */
export const personFootprintSchema = z.object({
  ties: z.number().int().describe('trust ties they give or receive'),
  events: z.number().int().describe('events only they drove (an event someone else drove too stays)'),
  introductions: z.number().int().describe('introductions they made or were introduced in'),
  dismissals: z.number().int().describe('dismissed suggestions they made or were named in'),
});
export type PersonFootprint = z.output<typeof personFootprintSchema>;

/** The longest name-made id part: ids end up in links. */
const ID_SLUG_MAX = 40;

/**
 * The id made from a name: "p-" and the name's words in lower case, Latin letters without accents, joined by hyphens ("Zoë
 * Ångström" → "p-zoe-angstrom", "李小龙" → "p-李小龙"), "-2", "-3"… for later attempts (the first was taken);
 * "p-person" when the name has no letter or digit to spell it with.
 */
export function personIdFor(name: string, attempt = 1): string {
  const words = name
    .normalize('NFKD')
    .replace(/([a-z])[\u0300-\u036f]+/gi, '$1') // Latin letters lose their accents; other scripts keep theirs (й)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .normalize('NFC');
  // by code point, so a character beyond the 16-bit range is never cut in two
  const slug = Array.from(words).slice(0, ID_SLUG_MAX).join('').replace(/^-+|-+$/g, '');
  return `p-${slug || 'person'}${attempt > 1 ? `-${attempt}` : ''}`;
}
export const personPatchSchema = patchOf(personSchema.omit({ id: true }).shape);
export type PersonPatch = z.output<typeof personPatchSchema>;

export const driverSchema = z.strictObject({ person: id, role: z.string().max(100).default('driver') });
export const reachSchema = z.strictObject({ person: id, weight: z.number().positive().default(1) });

export const eventSchema = z.strictObject({
  id,
  title: z.string().max(500).default(''),
  at: isoTime,
  kind: label.default('event'),
  sector: label.default('general'),
  medium: label.default('unspecified'),
  valence: z.number().min(-1).max(1).default(0),
  magnitude: z.number().positive().default(1),
  fade: fadeSpecSchema.nullable().default(null),
  drivers: z.array(driverSchema).min(1, 'an event needs at least one driver').max(1000),
  reached: z.array(reachSchema).max(100_000).default([]),
});
export type InfluenceEvent = z.output<typeof eventSchema>;
/** An event as sent to POST /api/events: the fields with a default may be left out. */
export type EventInput = z.input<typeof eventSchema>;
export const eventPatchSchema = patchOf(eventSchema.omit({ id: true }).shape);
export type EventPatch = z.output<typeof eventPatchSchema>;

export const tieSchema = z.strictObject({
  id: id.optional(),
  from: id,
  to: id,
  trust: z.number().min(0).max(1).default(0.5),
  since: isoTime.nullable().default(null),
  lastContact: isoTime.nullable().default(null),
});
export type TieInput = z.output<typeof tieSchema>;
export type Tie = Omit<TieInput, 'id'> & { id: string };
export const tiePatchSchema = z.strictObject({
  trust: z.number().min(0).max(1).optional(),
  since: isoTime.nullable().optional(),
  lastContact: isoTime.nullable().optional(),
});
export type TiePatch = z.output<typeof tiePatchSchema>;

/** Which of a person's ties a list holds: those they give (out: whom they trust), receive (in: who trusts them), or both. */
export const tieDirections = ['out', 'in', 'both'] as const;
export type TieDirection = (typeof tieDirections)[number];
/** Which of a person's events a list holds: those they drove, those that reached them, or any. */
export const eventRoles = ['any', 'drove', 'reached'] as const;
export type EventRole = (typeof eventRoles)[number];
/** A list of ties by id, or by trust (highest first, then id). */
export const tieOrders = ['id', 'trust'] as const;
export type TieOrder = (typeof tieOrders)[number];
export interface TieListQuery {
  offset: number;
  limit: number;
  person?: string | null;
  direction?: TieDirection;
  order?: TieOrder;
}

/** The stable id of a KNOWS tie when none is given. */
export function tieId(from: string, to: string): string {
  return `${from}->${to}`;
}

export { closedIntroductionStatuses, introductionStatuses, openIntroductionStatuses, type IntroductionStatus } from './constants.ts';

export const introductionSchema = z.strictObject({
  id: id.optional(),
  introducer: id,
  a: id,
  b: id,
  at: isoTime.optional(),
  status: z.enum(introductionStatuses).default('made'),
  value: z.number().nullable().default(null),
  note: z.string().max(NOTE_MAX_LENGTH).default(''),
  /** when the outcome (a closed status) came; null: not closed, or not known when */
  outcomeAt: isoTime
    .nullable()
    .default(null)
    .describe(
      'when the outcome came (declined, succeeded or failed only; not before at). Left out: now when the introduction is ' +
        'recorded closed without an at, else not known (scores then count the outcome from at)',
    ),
});
export type IntroductionInput = z.output<typeof introductionSchema>;
export type Introduction = Omit<IntroductionInput, 'id' | 'at'> & { id: string; at: string };
export const introductionPatchSchema = z.strictObject({
  status: z.enum(introductionStatuses).optional(),
  value: z.number().nullable().optional(),
  note: z.string().max(NOTE_MAX_LENGTH).optional(),
  outcomeAt: isoTime
    .nullable()
    .optional()
    .describe('when the outcome came. Left out, a change of status sets it: now for declined, succeeded or failed, null for the others'),
});
export type IntroductionPatch = z.output<typeof introductionPatchSchema>;

/**
 * What is wrong with an introduction's outcome date, or null: only a closed status (declined, succeeded,
 * failed) has an outcome, and it cannot come before the introduction was made. Times are ISO strings.
 */
export function outcomeDateProblem(i: { at?: string | null; status: IntroductionStatus; outcomeAt: string | null }): string | null {
  if (i.outcomeAt === null) return null;
  if (!closedIntroductionStatuses.includes(i.status)) {
    return `outcomeAt is the date of an outcome, and status "${i.status}" has none yet (only ${closedIntroductionStatuses.join(', ')} do)`;
  }
  if (i.at != null && Date.parse(i.outcomeAt) < Date.parse(i.at)) {
    return `outcomeAt ${i.outcomeAt} is before the introduction was made (${i.at})`;
  }
  return null;
}

/** What is wrong with an introduction read from a file, or null: who is in it, and its dates. */
export function introductionRecordProblem(i: IntroductionInput): string | null {
  if (i.a === i.b) return `a and b must be two different people; both are "${i.a}"`;
  if (i.introducer === i.a || i.introducer === i.b) return `the introducer "${i.introducer}" cannot be one of the people introduced`;
  if (i.outcomeAt !== null && i.at === undefined) return 'outcomeAt needs at, the date the introduction was made';
  return outcomeDateProblem(i);
}

/**
 * A suggestion someone asked not to see again: `by` does not want the pair {a, b} suggested. When `by` is one of
 * the two ("not interested"), nobody is suggested the pair; when `by` is a third person (an introducer who will
 * not introduce them), the pair leaves `by`'s own list and `by` is no longer named as its introducer.
 */
export const dismissalSchema = z.strictObject({
  by: id,
  a: id,
  b: id,
});
export type DismissalInput = z.output<typeof dismissalSchema>;
export type Dismissal = DismissalInput & { id: string; at: string };
/** A dismissal as a file holds it (dismissals-csv): id and time optional, made when it is read in. */
export const dismissalRecordSchema = dismissalSchema.extend({ id: id.optional(), at: isoTime.optional() });
export type DismissalRecord = z.output<typeof dismissalRecordSchema>;

/**
 * Everything deleting a person took with them, whole: DELETE /api/people/:id answers it, and POST
 * /api/people/restore puts it back (the Undo of a delete). Every record in it names the person.
 */
export const personSnapshotSchema = z
  .strictObject({
    person: personSchema,
    ties: z.array(tieSchema.extend({ id })).describe('the trust ties they gave or received'),
    events: z.array(eventSchema).describe('the events only they drove, whole'),
    drove: z.array(z.strictObject({ event: id, role: z.string().max(100) })).describe('their part in events others drove too'),
    reached: z.array(z.strictObject({ event: id, weight: z.number().positive() })).describe('the events of others that reached them'),
    introductions: z.array(introductionSchema.extend({ id, at: isoTime })).describe('the introductions they made or were introduced in'),
    dismissals: z.array(dismissalRecordSchema.extend({ id, at: isoTime })).describe('the dismissed suggestions they made or were named in'),
  })
  .superRefine((s, ctx) => {
    const who = s.person.id;
    const off = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    s.ties.forEach((t, k) => {
      if (t.from !== who && t.to !== who) off(['ties', k], `the tie ${t.from} → ${t.to} does not touch "${who}"`);
    });
    s.events.forEach((e, k) => {
      if (e.drivers.some((d) => d.person !== who)) off(['events', k], `event "${e.id}" has drivers besides "${who}" (their part in it belongs in drove)`);
    });
    s.introductions.forEach((i, k) => {
      if (![i.introducer, i.a, i.b].includes(who)) off(['introductions', k], `introduction "${i.id}" does not name "${who}"`);
      const problem = introductionRecordProblem(i);
      if (problem) off(['introductions', k], problem);
    });
    s.dismissals.forEach((d, k) => {
      if (![d.by, d.a, d.b].includes(who)) off(['dismissals', k], `dismissal "${d.id}" does not name "${who}"`);
    });
  });
export type PersonSnapshot = z.output<typeof personSnapshotSchema>;

/** What POST /api/people/restore put back, and what could not come back, each with why. */
export const personRestoredSchema = z.object({
  person: personSchema,
  restored: z.object({
    ties: z.number().int(),
    events: z.number().int().describe('events only they drove'),
    links: z.number().int().describe('their part in events others drove, and events of others that reached them'),
    introductions: z.number().int(),
    dismissals: z.number().int(),
  }),
  skipped: z
    .array(z.string())
    .describe('what could not come back, each with why: it names a person or an event deleted since, or its id was taken since'),
});
export type PersonRestored = z.output<typeof personRestoredSchema>;

export interface Page<T> {
  items: T[];
  total: number;
}
