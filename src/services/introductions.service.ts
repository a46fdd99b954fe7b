/** Introductions: recording who introduced whom, and what came of it. */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { IntroducerRecord, IntroductionsSummaryResponse } from '../api/contract.ts';
import {
  closedIntroductionStatuses,
  introductionStatuses,
  openIntroductionStatuses,
  outcomeDateProblem,
  type Introduction,
  type IntroductionInput,
  type IntroductionPatch,
  type IntroductionStatus,
  type Page,
} from '../domain/model.ts';
import type { IntroductionFilter, IntroductionsRepository } from '../store/introductions.repository.ts';
import type { GraphVersion } from './graph-version.ts';
import type { PeopleService } from './people.service.ts';

const DAY_MS = 86_400_000;
const OPEN = new Set(openIntroductionStatuses);
const CLOSED = new Set(closedIntroductionStatuses);

function noneByStatus(): Record<IntroductionStatus, number> {
  return Object.fromEntries(introductionStatuses.map((s) => [s, 0])) as Record<IntroductionStatus, number>;
}

/** Counts by status per month, every month from the first to the last that has any ("YYYY-MM", UTC). */
function monthly(tallies: { status: IntroductionStatus; year: number; month: number; count: number }[]): IntroductionsSummaryResponse['months'] {
  const byMonth = new Map<number, Record<IntroductionStatus, number>>();
  for (const t of tallies) {
    const key = t.year * 12 + (t.month - 1);
    const counts = byMonth.get(key) ?? noneByStatus();
    counts[t.status] += t.count;
    byMonth.set(key, counts);
  }
  const keys = [...byMonth.keys()];
  const months: IntroductionsSummaryResponse['months'] = [];
  for (let k = Math.min(...keys); k <= Math.max(...keys); k++) {
    months.push({ month: `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, counts: byMonth.get(k) ?? noneByStatus() });
  }
  return months;
}

export class IntroductionsService {
  constructor(
    private readonly introductions: IntroductionsRepository,
    private readonly people: PeopleService,
    private readonly version: GraphVersion,
    /** the best introducers' records (the influence engine's), for the summary */
    private readonly introducerRecords: (limit: number) => Promise<IntroducerRecord[]> = async () => [],
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An unknown `person` is a 404, not an empty page: a mistyped id must not read as "no records". */
  async list(opts: { offset: number; limit: number } & IntroductionFilter): Promise<Page<Introduction>> {
    if (opts.person) await this.people.requireExisting([opts.person]);
    return this.introductions.list(opts);
  }

  /**
   * Every introduction at a glance: counts by status, the value of those that succeeded, how many have waited
   * more than `waitingDays` for an outcome (and how many requests as long to be made), how long outcomes take, a
   * month-by-month count (by each one's status now, and of the dated outcomes by the month they came), and the
   * best introducers.
   */
  async summary(q: { waitingDays: number; introducers: number }): Promise<IntroductionsSummaryResponse> {
    const before = this.now().getTime() - q.waitingDays * DAY_MS;
    const [tallies, outcomes, outcomeTallies, introducers] = await Promise.all([
      this.introductions.summarize(before),
      this.introductions.outcomeTimes(),
      this.introductions.outcomeMonths(),
      this.introducerRecords(q.introducers),
    ]);
    const byStatus = noneByStatus();
    let succeededValue = 0;
    let waiting = 0;
    let requests = 0;
    for (const t of tallies) {
      byStatus[t.status] += t.count;
      if (t.status === 'succeeded') succeededValue += t.value;
      if (OPEN.has(t.status)) waiting += t.before;
      else if (t.status === 'suggested') requests += t.before;
    }
    return {
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      succeededValue,
      waiting: { days: q.waitingDays, before: new Date(before).toISOString(), count: waiting, requests },
      outcomes,
      months: monthly(tallies),
      outcomeMonths: monthly(outcomeTallies),
      introducers,
    };
  }

  async get(id: string): Promise<Introduction> {
    const intro = await this.introductions.get(id);
    if (!intro) throw new NotFoundError('Introduction', id);
    return intro;
  }

  async create(input: IntroductionInput): Promise<Introduction> {
    const { introducer, a, b } = input;
    if (a === b) throw new ConflictError(`Cannot introduce "${a}" to themselves`, { a, b });
    if (introducer === a || introducer === b) {
      throw new ConflictError(`"${introducer}" cannot introduce themselves; an introducer brings two other people together`, {
        introducer,
        a,
        b,
      });
    }
    const at = input.at ?? this.now().toISOString();
    // recorded closed just now: the outcome is now too; closed earlier (a given `at`): when, unless said, is not known
    const outcomeAt = input.outcomeAt ?? (input.at === undefined && CLOSED.has(input.status) ? at : null);
    const problem = outcomeDateProblem({ at, status: input.status, outcomeAt });
    if (problem) throw new ValidationError(problem, { at, status: input.status, outcomeAt });
    await this.people.requireExisting([introducer, a, b]);
    const open = await this.introductions.findOpen(a, b);
    if (open) {
      throw new ConflictError(
        `"${a}" and "${b}" already have an open introduction ("${open.id}" by "${open.introducer}", status ${open.status}); ` +
          `update it instead of recording a duplicate`,
        open,
      );
    }
    const { status, value, note } = input;
    const intro: Introduction = { id: input.id ?? `intro-${randomUUID()}`, introducer, a, b, at, status, value, note, outcomeAt };
    if (!(await this.introductions.create(intro))) await this.people.requireExisting([introducer, a, b]);
    this.version.bump('introductions');
    return this.get(intro.id);
  }

  /**
   * Changes status, value, note or outcome date. A change of status stamps the outcome date: now when the new
   * status is closed (or the introduction's own time, if that is later), none when it is open again; an
   * `outcomeAt` in the patch is taken instead. From one closed status to another is a new outcome too (a declined
   * pair who later work together succeeded then, not when they declined); a wrong date is put right with `outcomeAt`.
   */
  async update(id: string, patch: IntroductionPatch): Promise<Introduction> {
    const current = await this.get(id);
    const status = patch.status ?? current.status;
    let outcomeAt = patch.outcomeAt;
    if (outcomeAt === undefined && status !== current.status) {
      outcomeAt = CLOSED.has(status) ? new Date(Math.max(this.now().getTime(), Date.parse(current.at))).toISOString() : null;
    }
    const problem = outcomeDateProblem({ at: current.at, status, outcomeAt: outcomeAt === undefined ? current.outcomeAt : outcomeAt });
    if (problem) throw new ValidationError(problem, { id, at: current.at, status, outcomeAt });
    if (!(await this.introductions.update(id, { ...patch, outcomeAt }))) throw new NotFoundError('Introduction', id);
    this.version.bump('introductions');
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.introductions.delete(id))) throw new NotFoundError('Introduction', id);
    this.version.bump('introductions');
  }
}
