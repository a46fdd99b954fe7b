/** People: the records behind every node. */
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { personIdFor, type Page, type Person, type PersonCreate, type PersonFootprint, type PersonPatch, type PersonRestored, type PersonSnapshot } from '../domain/model.ts';
import type { PeopleRepository } from '../store/people.repository.ts';
import type { GraphVersion } from './graph-version.ts';

/** Times a name-made id is chosen again after someone took it between the look and the write. */
const NAME_ID_ROUNDS = 3;

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

  /**
   * Creates a person; one given without an id is stored under the first id made from their name that nobody has
   * (a clash with someone created meanwhile tries the next). A given id that exists is a 409.
   */
  async create(input: PersonCreate): Promise<Person> {
    if (input.id !== undefined) return this.store({ ...input, id: input.id });
    const base = personIdFor(input.name);
    for (let round = 0; ; round++) {
      const taken = await this.people.idsLike(base);
      let attempt = 1;
      while (taken.has(personIdFor(input.name, attempt))) attempt++;
      try {
        return await this.store({ ...input, id: personIdFor(input.name, attempt) });
      } catch (err) {
        if (!(err instanceof ConflictError) || round >= NAME_ID_ROUNDS) throw err;
      }
    }
  }

  private async store(person: Person): Promise<Person> {
    await this.people.create(person);
    this.version.bump();
    return person;
  }

  async update(id: string, patch: PersonPatch): Promise<Person> {
    if (!(await this.people.update(id, patch))) throw new NotFoundError('Person', id);
    this.version.bump();
    return this.get(id);
  }

  /** What delete(id) would take with the person, counted: what a user is told before saying yes. */
  async footprint(id: string): Promise<PersonFootprint> {
    const found = await this.people.footprint(id);
    if (!found) throw new NotFoundError('Person', id);
    return found;
  }

  /** Deletes the person with what goes with them (footprint), and answers all of it: what restore() puts back. */
  async delete(id: string): Promise<PersonSnapshot> {
    const snapshot = await this.people.deleteKeeping(id);
    if (!snapshot) throw new NotFoundError('Person', id);
    this.version.bump();
    return snapshot;
  }

  /**
   * Puts a deleted person back from what delete() answered: all of it, except the records that name someone or an
   * event deleted since, or whose id was taken since (each named in `skipped`); a 409 when their id is taken.
   */
  async restore(snapshot: PersonSnapshot): Promise<PersonRestored> {
    const restored = await this.people.restore(snapshot);
    this.version.bump();
    return restored;
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
