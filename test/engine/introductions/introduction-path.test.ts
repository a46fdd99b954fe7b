import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import { buildAcquaintanceGraph, findEntry, type AcquaintanceGraph } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { IntroductionInputError } from '../../../src/engine/introductions/errors.ts';
import { introductionPath } from '../../../src/engine/introductions/introduction-path.ts';
import { seededRng } from '../../../src/engine/rng.ts';

/** People tied both ways with the given trusts: [x, y, t(x→y), t(y→x)]. */
function graphOf(ties: [string, string, number, number][], extra: (p: ProjectionBuilder) => void = () => {}) {
  const p = new ProjectionBuilder();
  for (const [x, y, txy, tyx] of ties) {
    p.tie(x, y, txy);
    p.tie(y, x, tyx);
  }
  extra(p);
  const projection = p.build();
  const index = new Map(projection.people.map((person, i) => [person.id, i]));
  return { graph: buildAcquaintanceGraph(projection), at: (id: string) => index.get(id)!, id: (i: number) => projection.people[i]!.id };
}

describe('introductionPath', () => {
  it('takes the strongest chain: two strong hops beat one weak tie, and a hop is as strong as its weaker trust', () => {
    const { graph, at, id } = graphOf([
      ['ana', 'omar', 0.3, 0.9], // they know each other, but Ana trusts Omar little
      ['ana', 'helena', 0.95, 0.9],
      ['helena', 'omar', 0.9, 0.8],
    ]);
    const path = introductionPath(graph, at('ana'), at('omar'))!;
    expect(path.people.map(id)).toEqual(['ana', 'helena', 'omar']);
    expect(path.strength).toBeCloseTo(0.9 * 0.8, 6); // min(0.95, 0.9) · min(0.9, 0.8)
    expect(path.hops.map((h) => [id(h.from), id(h.to), h.trustForward, h.trustBack])).toEqual([
      ['ana', 'helena', expect.closeTo(0.95, 6), expect.closeTo(0.9, 6)],
      ['helena', 'omar', expect.closeTo(0.9, 6), expect.closeTo(0.8, 6)],
    ]);
    // with one hop allowed, only the direct tie remains
    const direct = introductionPath(graph, at('ana'), at('omar'), { maxHops: 1 })!;
    expect(direct.people.map(id)).toEqual(['ana', 'omar']);
    expect(direct.strength).toBeCloseTo(0.3, 6);
  });

  it('leaves out a hop whose introduction is refused, but never the first (someone a knows already)', () => {
    const { graph, at, id } = graphOf([
      ['ana', 'helena', 0.95, 0.95],
      ['helena', 'omar', 0.9, 0.9],
      ['omar', 'zoe', 0.9, 0.9],
      ['ana', 'lee', 0.6, 0.6],
      ['lee', 'zoe', 0.6, 0.6],
    ]);
    const chain = (refuses: ((x: number, y: number) => boolean) | null) => introductionPath(graph, at('ana'), at('zoe'), { refuses })?.people.map(id) ?? null;
    expect(chain(null)).toEqual(['ana', 'helena', 'omar', 'zoe']); // 0.95 · 0.9 · 0.9 = 0.77 beats 0.36
    // Helena will not introduce Ana to Omar: the chain goes through Lee
    const calls: string[] = [];
    const helenaRefuses = (x: number, y: number) => {
      calls.push(`${id(x)}>${id(y)}`);
      return id(x) === 'helena' && id(y) === 'omar';
    };
    expect(chain(helenaRefuses)).toEqual(['ana', 'lee', 'zoe']);
    expect(calls.some((c) => c.startsWith('ana>'))).toBe(false); // Ana's own ties are never an introduction
    // Zoe hid Ana: every hop introducing Ana to Zoe is refused, and no chain is left
    expect(chain((_x, y) => id(y) === 'zoe')).toBeNull();
    // refusing one introducer's hop elsewhere changes nothing
    expect(chain((x, y) => id(x) === 'lee' && id(y) === 'zoe')).toEqual(['ana', 'helena', 'omar', 'zoe']);
  });

  it('respects the hop limit and minimum trust, and answers null when nothing joins them', () => {
    const { graph, at, id } = graphOf([
      ['a', 'b', 0.9, 0.9],
      ['b', 'c', 0.9, 0.9],
      ['c', 'd', 0.9, 0.9],
      ['d', 'e', 0.9, 0.9],
      ['a', 'x', 0.9, 0.05], // x barely trusts a: below minTrust 0.1
      ['x', 'e', 0.9, 0.9],
    ]);
    expect(introductionPath(graph, at('a'), at('e'), { maxHops: 4 })!.people.map(id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(introductionPath(graph, at('a'), at('e'), { maxHops: 3 })).toBeNull();
    expect(introductionPath(graph, at('a'), at('e'), { maxHops: 2, minTrust: 0.01 })!.people.map(id)).toEqual(['a', 'x', 'e']);
  });

  it('does not pass through someone one only reached one way (that is not knowing them)', () => {
    const { graph, at } = graphOf([['ana', 'carla', 0.9, 0.9]], (p) => {
      // Carla's one message reached Zoe, who never answered
      p.event({ id: 'm1', at: 0, magnitude: 1, valence: 0, kind: 'message', sector: 'general', medium: 'message' });
      p.drive('m1', 'carla');
      p.reach('m1', 'zoe');
    });
    expect(findEntry(graph, at('carla'), at('zoe'))).toBeGreaterThanOrEqual(0); // acquainted…
    expect(introductionPath(graph, at('ana'), at('zoe'))).toBeNull(); // …but no chain
  });

  it('prefers the fewest hops among equally strong chains', () => {
    const { graph, at, id } = graphOf([
      ['a', 'b', 1, 1],
      ['b', 'c', 1, 1],
      ['c', 'd', 0.5, 0.5],
      ['a', 'd', 0.5, 0.5],
    ]);
    expect(introductionPath(graph, at('a'), at('d'))!.people.map(id)).toEqual(['a', 'd']);
  });

  it('refuses a chain from someone to themselves and options out of range', () => {
    const { graph, at } = graphOf([['a', 'b', 0.9, 0.9]]);
    expect(() => introductionPath(graph, at('a'), at('a'))).toThrow(IntroductionInputError);
    expect(() => introductionPath(graph, at('a'), at('b'), { maxHops: 0 })).toThrow(IntroductionInputError);
    expect(() => introductionPath(graph, at('a'), at('b'), { maxHops: 2.5 })).toThrow(/whole number/);
    expect(() => introductionPath(graph, at('a'), 99)).toThrow(/person index/);
  });

  it('agrees with an exhaustive search over every simple chain on random graphs', () => {
    const rng = seededRng(11);
    for (let round = 0; round < 40; round++) {
      const n = 6 + Math.floor(rng() * 8);
      const ties: [string, string, number, number][] = [];
      for (let x = 0; x < n; x++) {
        for (let y = x + 1; y < n; y++) {
          if (rng() < 0.3) ties.push([`p${x}`, `p${y}`, Math.round(rng() * 20) / 20, Math.round(rng() * 20) / 20]);
        }
      }
      if (ties.length === 0) continue;
      const { graph, at } = graphOf(ties);
      const people = [...new Set(ties.flatMap(([x, y]) => [x, y]))];
      for (const maxHops of [1, 2, 3, 4]) {
        for (let q = 0; q < 5; q++) {
          const from = at(people[Math.floor(rng() * people.length)]!);
          const to = at(people[Math.floor(rng() * people.length)]!);
          if (from === to) continue;
          const expected = exhaustive(graph, from, to, maxHops, 0.1);
          const found = introductionPath(graph, from, to, { maxHops, minTrust: 0.1 });
          if (expected === null) {
            expect(found).toBeNull();
            continue;
          }
          expect(found).not.toBeNull();
          expect(found!.strength).toBeCloseTo(expected.strength, 9);
          expect(found!.hops.length).toBe(expected.hops);
          // the chain it returns is a real one, of that strength
          const product = found!.hops.reduce((acc, h) => acc * Math.min(h.trustForward, h.trustBack), 1);
          expect(product).toBeCloseTo(found!.strength, 9);
          expect(new Set(found!.people).size).toBe(found!.people.length);
        }
      }
    }
  });
});

/** Every simple chain of at most k usable hops, by depth-first search: the best strength, then the fewest hops. */
function exhaustive(graph: AcquaintanceGraph, from: number, to: number, k: number, minTrust: number): { strength: number; hops: number } | null {
  let best: { strength: number; hops: number } | null = null;
  const seen = new Set([from]);
  const visit = (u: number, strength: number, hops: number) => {
    if (u === to) {
      if (!best || strength > best.strength + 1e-12 || (Math.abs(strength - best.strength) <= 1e-12 && hops < best.hops)) best = { strength, hops };
      return;
    }
    if (hops === k) return;
    for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) {
      const v = graph.neighbours[e];
      const w = Math.min(graph.trustOut[e], graph.trustIn[e]);
      if (!graph.tied[e] || w < minTrust || w <= 0 || seen.has(v)) continue;
      seen.add(v);
      visit(v, strength * w, hops + 1);
      seen.delete(v);
    }
  };
  visit(from, 1, 0);
  return best;
}
