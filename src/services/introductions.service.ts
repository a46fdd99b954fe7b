/** Introductions: recording who introduced whom, and what came of it. */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { Introduction, IntroductionInput, IntroductionPatch, Page } from '../domain/model.ts';
import type { IntroductionsRepository } from '../store/introductions.repository.ts';
import type { GraphVersion } from './graph-version.ts';
import type { PeopleService } from './people.service.ts';

export class IntroductionsService {
  constructor(
    private readonly introductions: IntroductionsRepository,
    private readonly people: PeopleService,
    private readonly version: GraphVersion,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(opts: { offset: number; limit: number; person?: string | null }): Promise<Page<Introduction>> {
    return this.introductions.list(opts);
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
    await this.people.requireExisting([introducer, a, b]);
    const open = await this.introductions.findOpen(a, b);
    if (open) {
      throw new ConflictError(
        `"${a}" and "${b}" already have an open introduction ("${open.id}" by "${open.introducer}", status ${open.status}); ` +
          `update it instead of recording a duplicate`,
        open,
      );
    }
    const intro: Introduction = {
      id: input.id ?? `intro-${randomUUID()}`,
      introducer,
      a,
      b,
      at: input.at ?? this.now().toISOString(),
      status: input.status,
      value: input.value,
      note: input.note,
    };
    if (!(await this.introductions.create(intro))) await this.people.requireExisting([introducer, a, b]);
    this.version.bump();
    return this.get(intro.id);
  }

  async update(id: string, patch: IntroductionPatch): Promise<Introduction> {
    if (!(await this.introductions.update(id, patch))) throw new NotFoundError('Introduction', id);
    this.version.bump();
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.introductions.delete(id))) throw new NotFoundError('Introduction', id);
    this.version.bump();
  }
}
