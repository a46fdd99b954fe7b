import { describe, expect, it } from 'vitest';
import { pagerank } from '../../../src/engine/centrality/pagerank.ts';
import { buildInfluenceGraph } from '../../../src/engine/influence-graph.ts';
import { temporalCentralityCurves } from '../../../src/engine/time/curves.ts';
import { uniformFade } from '../../../src/engine/time/fade.ts';
import { buildInteractionTable, withFades } from '../../../src/engine/time/interaction-table.ts';
import { pagerankRanker, temporalPagerank } from '../../../src/engine/time/temporal-pagerank.ts';
import { loadReference } from '../../support/shared.ts';
import { collegeMsgProjection, DAY, randomProjection, T0 } from './fixtures.ts';

describe('temporal PageRank', () => {
  it('equals influence PageRank on the influence graph decayed at the same t', () => {
    const q = randomProjection(2, 40, 400, 300);
    const table = buildInteractionTable(q);
    const at = T0 + 200 * DAY;
    const ours = temporalPagerank(table, at);
    expect(ours.converged).toBe(true);
    const graph = buildInfluenceGraph(table, { at });
    const theirs = pagerank(graph, { direction: 'reverse', tolerance: 1e-14 }).scores;
    q.people.forEach((p, i) => expect(ours.values[i]).toBeCloseTo(theirs[p.id], 9));
    expect(ours.values.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('with seeds, equals Trusted PageRank on the decayed influence graph: every jump lands on the seeds', () => {
    const q = randomProjection(5, 40, 400, 300);
    const table = buildInteractionTable(q);
    const at = T0 + 200 * DAY;
    const seeds = ['p3', 'p17'];
    const ours = temporalPagerank(table, at, { seeds });
    const graph = buildInfluenceGraph(table, { at });
    const theirs = pagerank(graph, { direction: 'reverse', tolerance: 1e-14, seeds }).scores;
    q.people.forEach((p, i) => expect(ours.values[i], p.id).toBeCloseTo(theirs[p.id], 9));
    // the seeds hold at least their jump share, (1 − α)/2 each
    for (const id of seeds) expect(ours.values[q.indexOf.get(id)!]).toBeGreaterThanOrEqual(0.15 / 2);
    // and it is not plain PageRank
    const plain = temporalPagerank(table, at).values;
    expect(Math.max(...q.people.map((_p, i) => Math.abs(plain[i]! - ours.values[i]!)))).toBeGreaterThan(1e-3);
    expect(() => temporalPagerank(table, at, { seeds: ['nobody'] })).toThrow(/nobody/);
  });

  it('on CollegeMsg with a window of ∞ matches the NetworkX weighted influence PageRank', () => {
    const reference = loadReference('college_msg').metrics.influence_pagerank_weighted;
    const p = collegeMsgProjection();
    const table = withFades(buildInteractionTable(p), uniformFade({ model: 'window', days: Infinity }));
    const ours = temporalPagerank(table, table.lastAt, { tolerance: 1e-13 });
    let worst = 0;
    p.people.forEach((person, i) => {
      worst = Math.max(worst, Math.abs(ours.values[i] - reference[person.id]));
    });
    expect(Object.keys(reference)).toHaveLength(p.people.length);
    expect(worst).toBeLessThan(1e-9);
  });

  it('serves as the ranker of temporal centrality curves', () => {
    const q = randomProjection(8, 30, 300, 300);
    const table = buildInteractionTable(q);
    const curves = temporalCentralityCurves(table, ['p1', 'p2'], { from: T0, to: T0 + 300 * DAY, points: 4, rank: pagerankRanker(table) });
    curves.times.forEach((t, k) => {
      const direct = temporalPagerank(table, t).values;
      expect(curves.values[0][k]).toBeCloseTo(direct[q.indexOf.get('p1')!], 14);
      expect(curves.values[1][k]).toBeCloseTo(direct[q.indexOf.get('p2')!], 14);
    });
  });
});
