import { describe, expect, it } from 'vitest';
import { layerUnavailable, metricUnavailable } from '../../client/src/panel/filters.ts';

describe('the Links choice', () => {
  const counts = { people: 10, events: 5, ties: 3, introductions: 0 };

  it('offers both maps when there are events and ties', () => {
    expect(layerUnavailable('influence', counts, 'ties')).toBeNull();
    expect(layerUnavailable('ties', counts, 'influence')).toBeNull();
  });

  it('rests a map with nothing stored to draw, saying how to get some, unless it is the one shown', () => {
    expect(layerUnavailable('ties', { ...counts, ties: 0 }, 'influence')).toMatch(/^No trust ties are stored: .*Trust section, or import ties$/);
    expect(layerUnavailable('influence', { ...counts, events: 0 }, 'ties')).toBe('No events are stored: record one in a profile, or import events');
    expect(layerUnavailable('ties', { ...counts, ties: 0 }, 'ties')).toBeNull();
    expect(layerUnavailable('influence', { ...counts, events: 0 }, 'influence')).toBeNull();
  });
});

describe('the Size by choice', () => {
  const counts = { people: 10, events: 5, ties: 3, introductions: 0 };
  const view = { metric: 'pagerank', seeds: null };

  it('offers Trusted PageRank when the trust ties can propose seeds, or the view has its own', () => {
    expect(metricUnavailable('pagerank-personalized', counts, view)).toBeNull();
    expect(metricUnavailable('pagerank-personalized', { ...counts, ties: 0 }, { ...view, seeds: ['p1'] })).toBeNull();
  });

  it('rests it with no trust tie stored and no seeds, saying why, unless it is shown; other metrics always', () => {
    expect(metricUnavailable('pagerank-personalized', { ...counts, ties: 0 }, view)).toMatch(/^Trusted PageRank starts from people you trust: no trust ties are stored/);
    expect(metricUnavailable('pagerank-personalized', { ...counts, ties: 0 }, { ...view, metric: 'pagerank-personalized' })).toBeNull();
    expect(metricUnavailable('betweenness', { ...counts, ties: 0, events: 0 }, view)).toBeNull();
  });
});
