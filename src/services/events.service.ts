/** Events: what happened, who drove it and whom it reached. */
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { EventPatch, EventRole, InfluenceEvent, Page } from '../domain/model.ts';
import type { EventsRepository } from '../store/events.repository.ts';
import type { GraphVersion } from './graph-version.ts';
import type { PeopleService } from './people.service.ts';

export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly people: PeopleService,
    private readonly version: GraphVersion,
  ) {}

  /**
   * An unknown `person` is a 404, not an empty page: a mistyped id must not read as "no records". A role without
   * a person is a 400 rather than ignored.
   */
  async list(opts: { offset: number; limit: number; person?: string | null; role?: EventRole }): Promise<Page<InfluenceEvent>> {
    if (!opts.person && opts.role && opts.role !== 'any') {
      throw new ValidationError(`role=${opts.role} needs person: it says which of that person's events to list`, { role: opts.role });
    }
    if (opts.person) await this.people.requireExisting([opts.person]);
    return this.events.list(opts);
  }

  async get(id: string): Promise<InfluenceEvent> {
    const event = await this.events.get(id);
    if (!event) throw new NotFoundError('Event', id);
    return event;
  }

  async create(event: InfluenceEvent): Promise<InfluenceEvent> {
    await this.people.requireExisting(participants(event));
    await this.events.create(event);
    this.version.bump();
    return this.get(event.id);
  }

  async update(id: string, patch: EventPatch): Promise<InfluenceEvent> {
    const current = await this.get(id);
    const next: InfluenceEvent = { ...current, ...stripUndefined(patch), id };
    await this.people.requireExisting(participants(next));
    await this.events.replace(next);
    this.version.bump();
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.events.delete(id))) throw new NotFoundError('Event', id);
    this.version.bump();
  }
}

function participants(e: InfluenceEvent): string[] {
  return [...e.drivers.map((d) => d.person), ...e.reached.map((r) => r.person)];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
