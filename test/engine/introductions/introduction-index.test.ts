import { describe, expect, it } from 'vitest';
import { ProjectionBuilder } from '../../../src/domain/projection.ts';
import { areTied, buildAcquaintanceGraph, findEntry } from '../../../src/engine/introductions/acquaintance-graph.ts';
import { buildIntroductionIndex, IntroductionInputError, suggestForIntroducer, suggestForPerson, withIntroductionRecords } from '../../../src/engine/introductions/index.ts';
import { isBlocked } from '../../../src/engine/introductions/introduction-index.ts';
import { demoProjection } from './demo-world.ts';
import { DAY, helloWorld, NOW } from './world.ts';

/** Messages: one event per message, sender DROVE, recipient REACHED. */
function messages(list: [string, string, number][]) {
  const p = new ProjectionBuilder();
  list.forEach(([from, to, at], k) => {
    p.event({ id: `m${k}`, at, magnitude: 1, valence: 0, kind: 'message', sector: 'general', medium: 'text' });
    p.drive(`m${k}`, from);
    p.reach(`m${k}`, to);
  });
  return p;
}

describe('acquaintance graph', () => {
  it('derives trust from interaction volume when no tie is declared: 1 − exp(−v/3)', () => {
    const p = messages([
      ['ann', 'bob', NOW - 3 * DAY],
      ['ann', 'bob', NOW - 2 * DAY],
      ['ann', 'bob', NOW - DAY],
      ['bob', 'ann', NOW - 10 * DAY],
    ]);
    const g = buildAcquaintanceGraph(p.build());
    const e = findEntry(g, 0, 1);
    // Ann wrote 3 and received 1 (weighted ½); Bob wrote 1 and received 3
    expect(g.trustOut[e]).toBeCloseTo(1 - Math.exp(-(3 + 0.5) / 3), 6);
    expect(g.trustIn[e]).toBeCloseTo(1 - Math.exp(-(1 + 1.5) / 3), 6);
    expect(g.lastContact[e]).toBe(NOW - DAY);
    expect(g.firstContact[e]).toBe(NOW - 10 * DAY);
    expect(g.volume[e]).toBe(4);
    expect(g.pairCount).toBe(1);
  });

  it('a declared tie wins over interactions; a one-sided tie gives the other side undeclaredTrust', () => {
    const p = messages([['ann', 'bob', NOW]]);
    p.tie('ann', 'bob', 0.3);
    p.tie('cat', 'ann', 0.9);
    const g = buildAcquaintanceGraph(p.build(), { undeclaredTrust: 0.05 });
    const ab = findEntry(g, 0, 1);
    expect(g.trustOut[ab]).toBeCloseTo(0.3, 6);
    const ac = findEntry(g, 0, 2);
    expect(g.trustOut[ac]).toBeCloseTo(0.05, 6); // Ann declared nothing about Cat
    expect(g.trustIn[ac]).toBeCloseTo(0.9, 6);
    expect(g.declared[ac]).toBe(2);
  });

  it('can ignore ties or interactions, and treats huge events as broadcasts', () => {
    const p = messages([['ann', 'bob', NOW]]);
    p.tie('ann', 'cat', 1);
    p.event({ id: 'launch', at: NOW, magnitude: 1, valence: 0, kind: 'post', sector: 'general', medium: 'text' });
    p.drive('launch', 'dan');
    for (const r of ['ann', 'bob', 'cat']) p.reach('launch', r);
    const projection = p.build();
    expect(buildAcquaintanceGraph(projection).pairCount).toBe(5);
    expect(buildAcquaintanceGraph(projection, { maxEventPairs: 2 }).pairCount).toBe(2);
    expect(buildAcquaintanceGraph(projection, { fromTies: false }).pairCount).toBe(4);
    expect(buildAcquaintanceGraph(projection, { fromInteractions: false }).pairCount).toBe(1);
  });

  it('a one-way reach makes two people acquainted but not tied; a reply or a KNOWS tie ties them', () => {
    const p = messages([
      ['ann', 'bob', NOW - 2 * DAY], // Ann wrote to Bob, who never answered
      ['cat', 'dan', NOW - 2 * DAY],
      ['dan', 'cat', NOW - DAY], // Cat and Dan corresponded
    ]);
    p.tie('eve', 'ann', 0.8); // declared by one side only
    const g = buildAcquaintanceGraph(p.build());
    const [ann, bob, cat, dan, eve] = [0, 1, 2, 3, 4];
    expect(findEntry(g, ann, bob)).toBeGreaterThanOrEqual(0);
    expect(areTied(g, ann, bob)).toBe(false);
    expect(areTied(g, bob, ann)).toBe(false);
    expect(areTied(g, cat, dan)).toBe(true);
    expect(areTied(g, dan, cat)).toBe(true);
    expect(areTied(g, ann, eve)).toBe(true);
    expect(areTied(g, ann, cat)).toBe(false); // not even acquainted
  });

  it('drops self-ties and merges repeated ones', () => {
    const p = new ProjectionBuilder();
    p.tie('ann', 'ann', 1);
    p.tie('ann', 'bob', 0.2);
    p.tie('ann', 'bob', 0.7);
    p.tie('bob', 'ann', 0.4);
    const g = buildAcquaintanceGraph(p.build());
    expect(g.pairCount).toBe(1);
    expect(g.trustOut[findEntry(g, 0, 1)]).toBeCloseTo(0.7, 6); // the last declaration wins
    expect(g.trustOut[findEntry(g, 1, 0)]).toBeCloseTo(0.4, 6);
    expect(findEntry(g, 0, 0)).toBe(-1);
  });
});

describe('buildIntroductionIndex', () => {
  it('blocks pairs with an introduction under way, and failed or declined ones for retryAfterDays', () => {
    const index = buildIntroductionIndex(helloWorld());
    const at = (id: string) => index.indexOf.get(id)!;
    expect(isBlocked(index, at('ana'), at('finn'), NOW)).toBe(true); // made
    expect(isBlocked(index, at('finn'), at('eve'), NOW + 1000 * DAY)).toBe(true); // succeeded: for good
    expect(isBlocked(index, at('ana'), at('hugo'), NOW)).toBe(true); // declined 7 days ago
    expect(isBlocked(index, at('ana'), at('hugo'), NOW + 200 * DAY)).toBe(false);
    expect(isBlocked(index, at('ana'), at('gus'), NOW)).toBe(false); // failed 400 days ago
    expect(isBlocked(buildIntroductionIndex(helloWorld(), { retryAfterDays: Infinity }), at('ana'), at('gus'), NOW)).toBe(true);
    expect(index.latestTime).toBe(NOW - DAY); // the latest tie contact
  });

  it("counts the wait after a failure from the outcome's date when it has one", () => {
    // the introduction failed 400 days ago in helloWorld; here it was made then but failed only 100 days ago
    const world = helloWorld();
    const failed = world.introductions.find((i) => i.id === 'i2')!;
    failed.outcomeAt = NOW - 100 * DAY;
    const index = buildIntroductionIndex(world);
    const at = (id: string) => index.indexOf.get(id)!;
    expect(isBlocked(index, at('ana'), at('gus'), NOW)).toBe(true); // 100 of 180 days waited
    expect(isBlocked(index, at('ana'), at('gus'), NOW + 79 * DAY)).toBe(true);
    expect(isBlocked(index, at('ana'), at('gus'), NOW + 81 * DAY)).toBe(false);
  });

  it("keeps `now` at the network's latest activity: an introduction recorded later does not age every tie", () => {
    const world = helloWorld();
    const at = (id: string) => world.indexOf.get(id)!;
    const later = {
      ...world,
      introductions: [...world.introductions, { id: 'today', introducer: at('dan'), a: at('ivy'), b: at('gus'), at: NOW + 150 * DAY, status: 'suggested' as const, value: null, outcomeAt: Number.NaN }],
    };
    const before = buildIntroductionIndex(world);
    const after = buildIntroductionIndex(later);
    expect(after.latestTime).toBe(before.latestTime);
    expect(withIntroductionRecords(before, later).latestTime).toBe(before.latestTime);
    // Ana's suggestions score as before (the new request is not hers)
    expect(suggestForPerson(after, 'ana', { limit: 10 })).toEqual(suggestForPerson(before, 'ana', { limit: 10 }));
    expect(suggestForPerson(before, 'ana', { limit: 10 }).length).toBeGreaterThan(0);

    // with nothing else dated, the introductions give the time (failed and declined ones can then be retried)
    const p = new ProjectionBuilder();
    p.tie('a', 'i', 1);
    p.tie('b', 'i', 1);
    p.introduction({ id: 'x', introducer: 'i', a: 'a', b: 'b', at: NOW, status: 'failed', value: null });
    const undated = buildIntroductionIndex(p.build());
    expect(undated.latestTime).toBe(NOW);
  });

  it('finds communities deterministically from a seed, or takes them given', () => {
    // two cliques joined by one tie
    const p = new ProjectionBuilder();
    for (const group of [['a', 'b', 'c', 'd'], ['w', 'x', 'y', 'z']]) {
      for (const u of group) for (const v of group) if (u < v) p.tie(u, v, 1);
    }
    p.tie('d', 'w', 1);
    const projection = p.build();
    const one = buildIntroductionIndex(projection, { communities: { seed: 3 } }).communities;
    const two = buildIntroductionIndex(projection, { communities: { seed: 3 } }).communities;
    expect(Array.from(one.label)).toEqual(Array.from(two.label));
    expect(one.count).toBe(2);
    expect(one.label[0]).toBe(one.label[3]);
    expect(one.label[0]).not.toBe(one.label[4]);
    const given = buildIntroductionIndex(projection, { communities: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]) });
    expect(given.communities.count).toBe(2);
    expect(buildIntroductionIndex(projection, { communities: false }).communities.label.every((c) => c === -1)).toBe(true);
    expect(() => buildIntroductionIndex(projection, { communities: Int32Array.from([0]) })).toThrow(IntroductionInputError);
  });

  it('measures openness: recent new acquaintances, relative to the average', () => {
    const p = new ProjectionBuilder();
    p.tie('old', 'hub', 1, NOW - 300 * DAY, NOW - 300 * DAY);
    p.tie('new1', 'fresh', 1, NOW, NOW);
    p.tie('new2', 'fresh', 1, NOW, NOW);
    const index = buildIntroductionIndex(p.build(), { opennessHalfLifeDays: 30 });
    const o = (id: string) => index.openness[index.indexOf.get(id)!];
    expect(o('fresh')).toBeGreaterThan(o('new1'));
    expect(o('new1')).toBeGreaterThan(o('old'));
    expect(o('old')).toBeCloseTo((2 ** -10 / (4 + 2 * 2 ** -10)) * 5, 9); // 5 people; sum 4 + 2·2^−10
  });
});

describe('withIntroductionRecords: introductions and dismissals changed, nothing else', () => {
  const full = demoProjection();
  const at = (id: string) => full.indexOf.get(id)!;
  // the same store before 40 introductions and three dismissals were recorded
  const before = { ...full, introductions: full.introductions.slice(0, -40), dismissals: [] };
  const after = {
    ...full,
    dismissals: [
      { by: at('p-connector'), a: at('p-connector'), b: at('p-0321') },
      { by: at('p-0100'), a: at('p-0200'), b: at('p-0300') },
      { by: at('p-0007'), a: at('p-0007'), b: at('p-0008') },
    ],
  };

  it('gives the index a rebuild would, keeping the graph and communities it had', () => {
    const base = buildIntroductionIndex(before);
    const refreshed = withIntroductionRecords(base, after);
    const rebuilt = buildIntroductionIndex(after);
    expect(refreshed.graph).toBe(base.graph);
    expect(refreshed.communities).toBe(base.communities);
    expect(refreshed.records).toEqual(rebuilt.records);
    expect(refreshed.records).not.toEqual(base.records);
    expect([...refreshed.blockedUntil].sort()).toEqual([...rebuilt.blockedUntil].sort());
    expect(refreshed.blockedUntil.size).toBeGreaterThan(base.blockedUntil.size);
    expect([...refreshed.declinedIntroducers]).toEqual([...rebuilt.declinedIntroducers]);
    expect(refreshed.declinedIntroducers.size).toBe(1);
    expect(refreshed.latestTime).toBe(rebuilt.latestTime);
    for (const id of ['p-connector', 'p-0321', 'p-0200', 'p-0007', 'p-fad']) {
      expect(suggestForPerson(refreshed, id, { limit: 10 })).toEqual(suggestForPerson(rebuilt, id, { limit: 10 }));
    }
    expect(suggestForIntroducer(refreshed, 'p-0100', { limit: 10 })).toEqual(suggestForIntroducer(rebuilt, 'p-0100', { limit: 10 }));
    // what changed shows: the connector hid Ibelel, who was her best match before
    expect(suggestForPerson(base, 'p-connector', { limit: 1 })[0]!.b).toBe('p-0321');
    expect(suggestForPerson(refreshed, 'p-connector', { limit: 10 }).map((s) => s.b)).not.toContain('p-0321');
  });

  it('refuses a projection of other people', () => {
    const base = buildIntroductionIndex(helloWorld());
    expect(() => withIntroductionRecords(base, after)).toThrow(IntroductionInputError);
  });
});
