/**
 * Loads the demo world (generated from a seed by services/demo) into the store. `npm start` does this when
 * the database is empty; `catalyst demo` does it on request.
 */
import type { Introduction, Tie } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import type { GraphRepository } from '../store/graph.repository.ts';
import { generateDemoWorld } from './demo/index.ts';
import type { GraphVersion } from './graph-version.ts';
import { emptyBatch, writeBatch } from './record-writer.ts';

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
    const batch = emptyBatch();
    batch.people = world.people;
    batch.events = world.events;
    batch.ties = world.ties.map((t) => ({ ...t, id: t.id ?? `${t.from}->${t.to}` }) as Tie);
    batch.introductions = world.introductions.map((i) => ({ ...i, id: i.id!, at: i.at! }) as Introduction);
    await writeBatch(this.db, batch);
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
