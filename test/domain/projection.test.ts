/**
 * The projection's ties come in an order made by the data, not by the store: sortTies orders them by their ends
 * (people in the order added: the store adds them by id), keeping the order of a repeated pair.
 */
import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../src/domain/projection.ts';

function built(ties: [string, string, number][]) {
  const b = new ProjectionBuilder();
  for (const id of ['a', 'b', 'c', 'd']) b.person(id);
  for (const [from, to, trust] of ties) b.tie(from, to, trust, trust * 10, Number.NaN);
  b.sortTies();
  const p = b.build();
  return Array.from({ length: p.ties.count }, (_, k) => [p.people[p.ties.from[k]!]!.id, p.people[p.ties.to[k]!]!.id, p.ties.trust[k], p.ties.since[k]]);
}

describe('ProjectionBuilder.sortTies', () => {
  it('orders ties by (from, to), whatever order they came in, carrying every column along', () => {
    const ties: [string, string, number][] = [
      ['c', 'a', 0.1],
      ['a', 'd', 0.2],
      ['b', 'c', 0.3],
      ['a', 'b', 0.4],
      ['d', 'a', 0.5],
      ['a', 'c', 0.6],
    ];
    const expected = [
      ['a', 'b', 0.4, 4],
      ['a', 'c', 0.6, 6],
      ['a', 'd', 0.2, 2],
      ['b', 'c', 0.3, 3],
      ['c', 'a', 0.1, 1],
      ['d', 'a', 0.5, 5],
    ];
    expect(built(ties)).toEqual(expected);
    expect(built([...ties].reverse())).toEqual(expected);
  });

  it('keeps a repeated pair in the order it came (the last one stored wins in the tie graph)', () => {
    expect(built([['b', 'a', 0.9], ['a', 'b', 0.1], ['b', 'a', 0.7]]).map((t) => t[2])).toEqual([0.1, 0.9, 0.7]);
  });

  it('orders a tie to someone first named by a tie after the people stored', () => {
    const b = new ProjectionBuilder();
    b.person('a');
    b.tie('a', 'z', 0.5);
    b.tie('a', 'a2', 0.5);
    b.sortTies();
    const p = b.build();
    expect(Array.from(p.ties.to, (i) => p.people[i]!.id)).toEqual(['z', 'a2']);
  });
});
