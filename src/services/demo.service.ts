/**
 * Loads the demo world (generated from a seed by services/demo) into the store. `npm start` does this when
 * the database is empty; `catalyst demo` does it on request.
 */
import { tieId, type Introduction, type Tie } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import type { GraphRepository } from '../store/graph.repository.ts';
import { generateDemoWorld } from './demo/index.ts';
import type { GraphVersion } from './graph-version.ts';
import { emptyBatch, writeBatch } from './record-writer.ts';

const DEMO_BATCH = 2_000;

export interface DemoLoadResult {
  loaded: boolean;
  people: number;
  events: number;
  ties: number;
  introductions: number;
  ms: number;
}

export class DemoService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphRepository,
    private readonly version: GraphVersion,
  ) {}

  /** Loads the demo world; with `onlyIfEmpty`, does nothing when anything is stored. */
  async load(opts: { seed?: number; onlyIfEmpty?: boolean } = {}): Promise<DemoLoadResult> {
    const started = Date.now();
    if (opts.onlyIfEmpty) {
      const c = await this.graph.counts();
      if (c.people + c.events > 0) return { loaded: false, ...c, ms: Date.now() - started };
    }
    const world = generateDemoWorld({ seed: opts.seed ?? 42 });
    const c = await this.graph.counts();
    // Into an empty database, events and ties are created without MERGE checks (the generator's ids are unique).
    const mode = c.people + c.events + c.ties + c.introductions === 0 ? 'fresh' : 'merge';
    const people = emptyBatch();
    people.people = world.people;
    await writeBatch(this.db, people);
    for (let i = 0; i < world.events.length; i += DEMO_BATCH) {
      const events = emptyBatch();
      events.events = world.events.slice(i, i + DEMO_BATCH);
      await writeBatch(this.db, events, { mode, peopleEnsured: true });
    }
    const rest = emptyBatch();
    rest.ties = world.ties.map((t) => ({ ...t, id: t.id ?? tieId(t.from, t.to) }) as Tie);
    rest.introductions = world.introductions.map((i) => ({ ...i, id: i.id!, at: i.at! }) as Introduction);
    await writeBatch(this.db, rest, { mode, peopleEnsured: true });
    this.version.bump();
    return {
      loaded: true,
      people: world.people.length,
      events: world.events.length,
      ties: world.ties.length,
      introductions: world.introductions.length,
      ms: Date.now() - started,
    };
  }
}
