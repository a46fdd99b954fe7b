/** The Network dialog's words: what the numbers are of, small shares, degree bins and the figures in order (the browser test opens it). */
import { describe, expect, it } from 'vitest';
import type { NetworkResponse } from '../../src/api/contract.ts';
import { binLabel, networkCaption, networkFigures, percent, shareOf } from '../../client/src/panel/network-dialog.ts';

const response: NetworkResponse = {
  layer: 'influence',
  sector: null,
  medium: null,
  people: 5881,
  links: 35592,
  density: 0.0010292571373048454,
  linksPerPerson: 35592 / 5881,
  reciprocity: 0.7923128792987189,
  components: { count: 4, largest: 5875 },
  isolated: 0,
  maxIn: { id: '35', name: 'Thirty-five', degree: 763 },
  maxOut: { id: '35', name: 'Thirty-five', degree: 535 },
  inDegrees: [],
  outDegrees: [],
  communities: { count: 12, modularity: 0.4567 },
};

describe('network dialog', () => {
  it('says what the numbers are of', () => {
    expect(networkCaption({ layer: 'influence', sector: null, medium: null })).toBe('the map of influence');
    expect(networkCaption({ layer: 'ties', sector: null, medium: null })).toBe('the map of trust');
    expect(networkCaption({ layer: 'influence', sector: 'music', medium: null })).toBe('influence through music events');
    expect(networkCaption({ layer: 'influence', sector: null, medium: 'podcast' })).toBe('influence through all events by podcast');
    expect(networkCaption({ layer: 'ties', sector: null, medium: null, focus: { id: 'p-connector', name: 'Helena Brandt', hops: 2 } })).toBe(
      "Helena Brandt's neighbourhood (2 steps), the map of trust",
    );
  });

  it('writes small shares with the digits they need, and degree bins', () => {
    expect(percent(0.0010292571373048454)).toBe('0.10 %');
    expect(percent(0.07)).toBe('7.0 %');
    expect(percent(0.412)).toBe('41 %');
    expect(percent(0)).toBe('0 %');
    expect(shareOf(5875 / 5881)).toBe('>99%');
    expect(shareOf(1)).toBe('100%');
    expect(shareOf(0.5)).toBe('50%');
    expect(binLabel({ from: 0, to: 0 })).toBe('0');
    expect(binLabel({ from: 1024, to: 2047 })).toBe('1,024–2,047');
  });

  it('lists the figures in order, with what they mean', () => {
    expect(networkFigures(response).map((f) => [f.label, f.value, f.note])).toEqual([
      ['People', '5,881', 'everyone linked'],
      ['Links', '35,592', '6.1 per person'],
      ['Density', '0.10 %', 'of all possible'],
      ['Reciprocity', '79%', 'returned'],
      ['Components', '4', 'the largest >99% of people'],
      ['Communities', '12', 'modularity 0.46'],
    ]);
    const ties = networkFigures({ ...response, layer: 'ties', isolated: 3, reciprocity: null, communities: { count: 0, modularity: null } });
    expect(ties.map((f) => f.label)).toContain('Trust ties');
    expect(ties[0]!.note).toBe('3 with no link');
    expect(ties[3]!.value).toBe('–');
    expect(ties[5]!.note).toBe('no links');
    // a part of the network: the modularity is the whole network's
    expect(networkFigures({ ...response, sector: 'music' })[5]!.note).toBe('modularity 0.46 (whole network)');
  });
});
