/**
 * The suspected rings' words in the sidebar: the evidence from the server's numbers, and where the map's ranking
 * puts the ring (the DOM and the map's highlight are checked in the browser test).
 */
import { describe, expect, it } from 'vitest';
import { bestPlaced, ringEvidence, ringStanding } from '../../client/src/panel/rings.ts';

const members = [
  { id: 'r1', name: 'TopTrader88' },
  { id: 'r2', name: 'AlphaSignalz' },
  { id: 'r3', name: 'MoonCalls' },
  { id: 'r4', name: 'GemHunter' },
];
const ranks: Record<string, { rank: number; of: number }> = { r1: { rank: 40, of: 400 }, r2: { rank: 12, of: 400 }, r4: { rank: 1_200, of: 2_000 } };
const rankOf = (id: string) => ranks[id] ?? null;

describe('suspected rings in words', () => {
  it('turns density and closedness into pairs and a share rounded down', () => {
    // 4 members: 6 possible pairs; density 5/6
    expect(ringEvidence({ members, density: 5 / 6, closedness: 0.996 })).toBe(
      '5 of 6 possible pairs vouch for each other both ways; 99 % of their influence never leaves them',
    );
    expect(ringEvidence({ members: members.slice(0, 3), density: 1, closedness: 1 })).toBe(
      '3 of 3 possible pairs vouch for each other both ways; 100 % of their influence never leaves them',
    );
  });

  it('names the member the map ranks highest, skipping those it does not show', () => {
    expect(bestPlaced({ members }, rankOf)).toEqual({ name: 'AlphaSignalz', rank: 12, of: 400 });
    expect(bestPlaced({ members: [members[2]!] }, rankOf)).toBeNull();
  });

  it('says where the ranking shown puts them, and whether Trusted PageRank ran from a seed inside the ring', () => {
    const none = new Set<string>();
    expect(ringStanding({ members }, rankOf, { label: 'PageRank', trusted: false, seeds: none })).toBe('PageRank puts AlphaSignalz #12 of 400 on this map.');
    expect(ringStanding({ members }, rankOf, { label: 'Trusted PageRank', trusted: true, seeds: new Set(['x']) })).toBe(
      'Trusted PageRank, started from people outside it, puts the best of them #12 of 400 (AlphaSignalz).',
    );
    expect(ringStanding({ members }, rankOf, { label: 'Trusted PageRank', trusted: true, seeds: new Set(['r1', 'x']) })).toBe(
      'Trusted PageRank puts AlphaSignalz #12 of 400, but TopTrader88 is a seed: remove them to rank the ring on its merits.',
    );
    expect(ringStanding({ members: [members[2]!] }, rankOf, { label: 'PageRank', trusted: false, seeds: none })).toBeNull();
  });
});
