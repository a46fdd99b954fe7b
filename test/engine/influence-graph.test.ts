import { readFileSync } from 'node:fs';
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../src/domain/projection.ts';
import { buildInfluenceGraph, buildTieGraph, type InfluenceGraph } from '../../src/engine/influence-graph.ts';
import { uniformFade } from '../../src/engine/time/fade.ts';
import { buildInteractionTable, withFades } from '../../src/engine/time/interaction-table.ts';
import { loadReference, sharedPath } from '../support/shared.ts';
import { bitcoinOtcProjection, collegeMsgProjection, DAY, T0, tinyProjection } from './time/fixtures.ts';

function weights(graph: InfluenceGraph): Record<string, number> {
  const out: Record<string, number> = {};
  graph.forEachEdge((_e, attr, s, t) => {
    out[`${s}>${t}`] = attr.weight;
  });
  return out;
}

describe('influence graph (tiny projection)', () => {
  const p = tinyProjection();

  it('is a DirectedGraph of people with merged driver → reached edges (static)', () => {
    const g = buildInfluenceGraph(p);
    expect(g).toBeInstanceOf(DirectedGraph);
    expect(g.type).toBe('directed');
    expect(g.multi).toBe(false);
    expect(g.order).toBe(4);
    expect(g.getNodeAttributes('b')).toEqual({ name: 'Ben', sectors: ['film', 'music'] });
    expect(weights(g)).toEqual({ 'a>b': 2, 'a>c': 2, 'b>c': 1, 'c>a': 3, 'b>a': 1 });
    expect(g.getEdgeAttributes(g.edge('a', 'c')!)).toEqual({ weight: 2, positive: 1, negative: 1, events: 2 });
    expect(g.getAttributes()).toEqual({ at: null, polarity: 'total' });
  });

  it('decayed at t equals the hand-summed values; events after t contribute nothing', () => {
    const g = buildInfluenceGraph(p, { at: T0 + 15 * DAY });
    const w = weights(g);
    expect(Object.keys(w).sort()).toEqual(['a>b', 'a>c', 'b>c']);
    expect(w['a>b']).toBeCloseTo(2 * 2 ** (-15 / 7), 14);
    expect(w['a>c']).toBeCloseTo(2 ** (-15 / 7) + 2 ** (-5 / 120), 14);
    expect(w['b>c']).toBeCloseTo(2 ** (-5 / 120), 14);
    expect(g.getAttribute('at')).toBe(T0 + 15 * DAY);
  });

  it('weights by polarity and filters by sector, medium and time', () => {
    const negative = buildInfluenceGraph(p, { polarity: 'negative' });
    expect(weights(negative)).toEqual({ 'a>c': 1, 'b>c': 1, 'c>a': 1.5, 'b>a': 0.5 });
    expect(negative.getEdgeAttributes(negative.edge('a', 'c')!).positive).toBe(1);
    expect(weights(buildInfluenceGraph(p, { sector: 'film' }))).toEqual({ 'a>c': 1, 'b>c': 1 });
    expect(weights(buildInfluenceGraph(p, { medium: 'tv' }))).toEqual({ 'c>a': 3 });
    expect(weights(buildInfluenceGraph(p, { from: T0 + 25 * DAY }))).toEqual({ 'b>a': 1 });
    const lean = buildInfluenceGraph(p, { medium: 'tv', includeIsolated: false });
    expect(lean.nodes().sort()).toEqual(['a', 'c']);
  });

  it('accepts a prebuilt interaction table (and its fades)', () => {
    const table = buildInteractionTable(p);
    expect(weights(buildInfluenceGraph(table, { at: T0 + 15 * DAY }))).toEqual(weights(buildInfluenceGraph(p, { at: T0 + 15 * DAY })));
    const forever = withFades(table, uniformFade({ model: 'none' }));
    expect(weights(buildInfluenceGraph(forever, { at: T0 + 1e4 * DAY }))).toEqual(weights(buildInfluenceGraph(p)));
    expect(() => buildInfluenceGraph(table, { includeIsolated: 'no' as never })).toThrow(/^influence-graph: option "includeIsolated"/);
  });
});

describe('ties layer', () => {
  it('is KNOWS as a directed graph with trust, the last of repeated ties winning', () => {
    const b = new ProjectionBuilder();
    b.tie('a', 'b', 0.9, T0, T0 + DAY);
    b.tie('b', 'a', 0.2);
    b.tie('a', 'c', 0.4, T0 + 100 * DAY);
    b.tie('a', 'b', 0.7, T0);
    b.tie('c', 'c', 1);
    b.person('d');
    const p = b.build();
    const g = buildTieGraph(p);
    expect(g).toBeInstanceOf(DirectedGraph);
    expect(g.order).toBe(4);
    expect(g.size).toBe(3);
    expect(g.getEdgeAttributes(g.edge('a', 'b')!)).toEqual({ trust: 0.7, since: T0, lastContact: null });
    expect(g.getEdgeAttributes(g.edge('b', 'a')!)).toEqual({ trust: 0.2, since: null, lastContact: null });
    expect(buildTieGraph(p, { minTrust: 0.5 }).size).toBe(1);
    expect(buildTieGraph(p, { at: T0 + 50 * DAY }).hasEdge('a', 'c')).toBe(false);
    expect(buildTieGraph(p, { includeIsolated: false }).hasNode('d')).toBe(false);
  });
});

describe('influence graph on real data', () => {
  it('CollegeMsg: 1,899 people, 20,296 directed edges weighted by message counts; window ∞ equals static', () => {
    const reference = loadReference('college_msg');
    const p = collegeMsgProjection();
    const table = buildInteractionTable(p);
    const g = buildInfluenceGraph(table);
    expect(g.order).toBe(reference.nodes);
    expect(g.size).toBe(reference.edges);
    expect(reference.nodes).toBe(1899);
    expect(reference.edges).toBe(20_296);
    let total = 0;
    g.forEachEdge((_e, a) => {
      total += a.weight;
    });
    expect(total).toBe(59_835);
    // one pair counted by hand from the file
    const lines = readFileSync(sharedPath('data', 'college-msg', 'CollegeMsg.txt'), 'utf8').split('\n');
    const count = lines.filter((l) => l.startsWith('1 2 ')).length;
    expect(g.getEdgeAttribute(g.edge('1', '2')!, 'weight')).toBe(count);

    const infinite = withFades(table, uniformFade({ model: 'window', days: Infinity }));
    const decayed = buildInfluenceGraph(infinite, { at: table.lastAt });
    expect(decayed.size).toBe(g.size);
    let differing = 0;
    g.forEachEdge((_e, a, s, t) => {
      if (decayed.getEdgeAttribute(decayed.edge(s, t)!, 'weight') !== a.weight) differing++;
    });
    expect(differing).toBe(0);

    // decayed with the default message fade (14-day half-life) 200 days after the last message: the oldest
    // pairs (2^(−393/14) ≈ 4e-9) fall below epsilon, and every remaining edge is lighter than its static count
    const later = buildInfluenceGraph(table, { at: table.lastAt + 200 * DAY });
    expect(later.size).toBeGreaterThan(0);
    expect(later.size).toBeLessThan(g.size);
    let heavier = 0;
    later.forEachEdge((_e, a, s, t) => {
      if (!(a.weight < g.getEdgeAttribute(g.edge(s, t)!, 'weight'))) heavier++;
    });
    expect(heavier).toBe(0);
  });

  it('Bitcoin OTC: 5,881 people, 35,592 edges ratee → rater with positive and negative parts', () => {
    const reference = loadReference('bitcoin_otc');
    const p = bitcoinOtcProjection();
    const g = buildInfluenceGraph(p);
    expect(g.order).toBe(reference.nodes);
    expect(g.size).toBe(reference.edges);
    let positiveEdges = 0;
    let mixed = 0;
    g.forEachEdge((_e, a) => {
      if (a.positive > 0) positiveEdges++;
      if (a.positive !== 0 && a.negative !== 0) mixed++;
    });
    expect(mixed).toBe(0); // one rating per pair: one sign
    expect(positiveEdges / g.size).toBeCloseTo(0.8999, 3); // PROVENANCE.md: 89.99 % positive
    const negative = buildInfluenceGraph(p, { polarity: 'negative', includeIsolated: false });
    expect(negative.size).toBe(g.size - positiveEdges);
  });
});
