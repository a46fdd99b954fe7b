/**
 * The demo world (src/services/demo) as a Projection, without Neo4j: the generator's records fed to
 * ProjectionBuilder the way GraphRepository.loadProjection feeds the stored ones (people, then events with
 * their drivers and reached, then ties, then introductions; times as epoch ms, NaN when absent).
 */
import { ProjectionBuilder, type Projection } from '../../../src/domain/projection.ts';
import { generateDemoWorld, type DemoWorld, type DemoWorldOptions } from '../../../src/services/demo/index.ts';

function ms(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

/** The builder filled with the world's records, for a test to add to before `build()`. */
export function demoProjectionBuilder(world: DemoWorld): ProjectionBuilder {
  const b = new ProjectionBuilder();
  for (const p of world.people) b.person(p);
  for (const e of world.events) {
    b.event({ id: e.id, at: ms(e.at), magnitude: e.magnitude, valence: e.valence, kind: e.kind, sector: e.sector, medium: e.medium, fade: e.fade });
    for (const d of e.drivers) b.drive(e.id, d.person);
    for (const r of e.reached) b.reach(e.id, r.person, r.weight);
  }
  for (const t of world.ties) b.tie(t.from, t.to, t.trust, ms(t.since), ms(t.lastContact));
  for (const i of world.introductions) {
    b.introduction({ id: i.id ?? `${i.introducer}:${i.a}:${i.b}`, introducer: i.introducer, a: i.a, b: i.b, at: ms(i.at), status: i.status, value: i.value });
  }
  return b;
}

export function demoProjection(options: DemoWorldOptions = { seed: 42 }): Projection {
  return demoProjectionBuilder(generateDemoWorld(options)).build();
}
