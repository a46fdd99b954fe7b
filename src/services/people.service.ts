/** People: the records behind every node. */
import { NotFoundError } from '../domain/errors.ts';
import type { Page, Person, PersonPatch } from '../domain/model.ts';
import type { PeopleRepository } from '../store/people.repository.ts';
import type { GraphVersion } from './graph-version.ts';

export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly version: GraphVersion,
  ) {}

  list(opts: { offset: number; limit: number; q?: string | null }): Promise<Page<Person>> {
    return this.people.list(opts);
  }

  async get(id: string): Promise<Person> {
    const person = await this.people.get(id);
    if (!person) throw new NotFoundError('Person', id);
    return person;
  }

  async create(person: Person): Promise<Person> {
    await this.people.create(person);
    this.version.bump();
    return person;
  }

  async update(id: string, patch: PersonPatch): Promise<Person> {
    if (!(await this.people.update(id, patch))) throw new NotFoundError('Person', id);
    this.version.bump();
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.people.delete(id))) throw new NotFoundError('Person', id);
    this.version.bump();
  }

  /** Throws a 404 naming every id that is not a person. */
  async requireExisting(ids: string[], what = 'Person'): Promise<void> {
    const missing = await this.people.missing(ids);
    if (missing.length === 1) throw new NotFoundError(what, missing[0]!);
    if (missing.length > 1) {
      throw Object.assign(new NotFoundError(what, missing[0]!), {
        message: `People ${missing.map((m) => `"${m}"`).join(', ')} do not exist`,
        details: { missing },
      });
    }
  }
}
