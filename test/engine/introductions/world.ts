/**
 * A small hand-built world for the introductions tests. Ana and Ben complement each other (each offers what
 * the other seeks) and both trust Carla; Dan is trusted by Ana but not at all by Ben; Eve is already tied to
 * Ana; Finn has an open introduction to Ana; Gus's introduction to Ana failed long ago; Hugo's failed last week.
 */
import { ProjectionBuilder, type Projection } from '../../../src/domain/projection.ts';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2025, 5, 1);

/** `more` adds to the world before it is built. */
export function helloWorld(more?: (p: ProjectionBuilder) => void): Projection {
  const p = new ProjectionBuilder();
  const person = (id: string, sectors: string[], offers: string[], seeks: string[]): void => {
    p.person({ id, name: id[0].toUpperCase() + id.slice(1), sectors, offers, seeks });
  };
  person('ana', ['Fintech'], ['Rust engineering'], ['Seed funding', 'mentoring']);
  person('ben', ['fintech', 'climate'], ['seed funding'], ['rust  engineering']);
  person('carla', ['fintech'], [], []);
  person('dan', ['fintech'], [], []);
  person('eve', [], ['seed funding'], []);
  person('finn', [], ['seed funding'], []);
  person('gus', [], ['mentoring'], []);
  person('hugo', [], ['mentoring'], []);
  person('ivy', [], [], []);
  const both = (x: string, y: string, txy: number, tyx: number, daysAgo: number): void => {
    p.tie(x, y, txy, Number.NaN, NOW - daysAgo * DAY);
    p.tie(y, x, tyx, Number.NaN, NOW - daysAgo * DAY);
  };
  both('ana', 'carla', 0.9, 0.8, 10);
  both('ben', 'carla', 0.85, 0.9, 20);
  both('ana', 'dan', 1, 1, 1);
  both('ben', 'dan', 0, 0.9, 1); // Ben does not trust Dan at all
  both('ana', 'eve', 0.7, 0.7, 5);
  both('eve', 'carla', 0.7, 0.7, 5);
  both('finn', 'carla', 0.8, 0.8, 5);
  both('gus', 'carla', 0.8, 0.8, 5);
  both('hugo', 'carla', 0.8, 0.8, 5);
  both('ivy', 'dan', 0.9, 0.9, 5);
  p.introduction({ id: 'i1', introducer: 'carla', a: 'ana', b: 'finn', at: NOW - 3 * DAY, status: 'made', value: null });
  p.introduction({ id: 'i2', introducer: 'carla', a: 'gus', b: 'ana', at: NOW - 400 * DAY, status: 'failed', value: null });
  p.introduction({ id: 'i3', introducer: 'carla', a: 'hugo', b: 'ana', at: NOW - 7 * DAY, status: 'declined', value: null });
  p.introduction({ id: 'i4', introducer: 'carla', a: 'eve', b: 'finn', at: NOW - 90 * DAY, status: 'succeeded', value: 5000 });
  more?.(p);
  return p.build();
}
