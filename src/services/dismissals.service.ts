/**
 * Dismissed suggestions ("not interested", or an introducer's "I will not introduce these two"): kept so that
 * the suggestions leave them out (introduction-index.ts), and undone by deleting them.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { Dismissal, DismissalInput, Page } from '../domain/model.ts';
import type { DismissalsRepository } from '../store/dismissals.repository.ts';
import type { GraphVersion } from './graph-version.ts';
import type { PeopleService } from './people.service.ts';

export class DismissalsService {
  constructor(
    private readonly dismissals: DismissalsRepository,
    private readonly people: PeopleService,
    private readonly version: GraphVersion,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An unknown `by` is a 404, not an empty page: a mistyped id must not read as "no records". */
  async list(opts: { offset: number; limit: number; by?: string | null }): Promise<Page<Dismissal>> {
    if (opts.by) await this.people.requireExisting([opts.by]);
    return this.dismissals.list(opts);
  }

  async get(id: string): Promise<Dismissal> {
    const d = await this.dismissals.get(id);
    if (!d) throw new NotFoundError('Dismissal', id);
    return d;
  }

  async create(input: DismissalInput): Promise<Dismissal> {
    const { by, a, b } = input;
    if (a === b) throw new ConflictError(`"${a}" and "${b}" are the same person; a suggestion pairs two different people`, { a, b });
    await this.people.requireExisting([by, a, b]);
    const existing = await this.dismissals.find(by, a, b);
    if (existing) {
      throw new ConflictError(`"${by}" has already dismissed the pair "${a}" and "${b}" ("${existing}"); delete that to see it again`, { id: existing });
    }
    const d: Dismissal = { id: `dismissal-${randomUUID()}`, by, a, b, at: this.now().toISOString() };
    if (!(await this.dismissals.create(d))) await this.people.requireExisting([by, a, b]);
    this.version.bump('introductions');
    return this.get(d.id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.dismissals.delete(id))) throw new NotFoundError('Dismissal', id);
    this.version.bump('introductions');
  }
}
