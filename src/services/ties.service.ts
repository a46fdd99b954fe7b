/** KNOWS ties: who knows whom, and how much they trust them. */
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../domain/errors.ts';
import type { Page, Tie, TieInput, TieListQuery, TiePatch } from '../domain/model.ts';
import { withTieId, type TiesRepository } from '../store/ties.repository.ts';
import type { GraphVersion } from './graph-version.ts';
import type { PeopleService } from './people.service.ts';

export class TiesService {
  constructor(
    private readonly ties: TiesRepository,
    private readonly people: PeopleService,
    private readonly version: GraphVersion,
  ) {}

  /**
   * An unknown `person` is a 404, not an empty page: a mistyped id must not read as "no records". A direction
   * without a person is a 400: it would otherwise be quietly ignored.
   */
  async list(opts: TieListQuery): Promise<Page<Tie>> {
    if (!opts.person && opts.direction && opts.direction !== 'both') {
      throw new ValidationError(`direction=${opts.direction} needs person: it says which of that person's ties to list`, { direction: opts.direction });
    }
    if (opts.person) await this.people.requireExisting([opts.person]);
    return this.ties.list(opts);
  }

  async get(id: string): Promise<Tie> {
    const tie = await this.ties.get(id);
    if (!tie) throw new NotFoundError('Tie', id);
    return tie;
  }

  async create(input: TieInput): Promise<Tie> {
    if (input.from === input.to) throw new UnprocessableError(`A person cannot have a tie to themselves ("${input.from}")`);
    await this.people.requireExisting([input.from, input.to]);
    const existing = await this.ties.between(input.from, input.to);
    if (existing) {
      throw new ConflictError(`"${input.from}" already has a tie to "${input.to}" (id "${existing.id}"); PATCH it instead`, {
        id: existing.id,
      });
    }
    const tie = withTieId(input);
    if (await this.ties.get(tie.id)) throw new ConflictError(`A tie with id "${tie.id}" already exists`, { id: tie.id });
    await this.ties.upsertOne(tie);
    this.version.bump();
    return this.get(tie.id);
  }

  async update(id: string, patch: TiePatch): Promise<Tie> {
    if (!(await this.ties.update(id, patch))) throw new NotFoundError('Tie', id);
    this.version.bump();
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.ties.delete(id))) throw new NotFoundError('Tie', id);
    this.version.bump();
  }
}
