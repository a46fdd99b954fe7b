import { describe, expect, it } from 'vitest';
import { ProjectionBuilder, type Projection } from '../../../src/domain/projection.ts';
import type { IntroductionStatus } from '../../../src/domain/model.ts';
import { buildIntroductionIndex, introducerScores, suggestForPerson } from '../../../src/engine/introductions/index.ts';
import { introductionCredits } from '../../../src/engine/introductions/vouching.ts';
import { DAY, helloWorld, NOW } from './world.ts';

const credit = (projection: Projection, id: string, now: number | null = null): number =>
  introductionCredits(projection, {}, now)[projection.introductions.findIndex((i) => i.id === id)];

/**
 * An honest introducer, Hana, among ten established people who all trust one another, and a farm: Farmer and
 * eight people nobody else knows, who trust one another fully (a ring), "introduced" pairwise by Farmer twenty
 * times, every one succeeded with a value of 1000.
 */
function farmWorld(more?: (p: ProjectionBuilder) => void): Projection {
  const p = new ProjectionBuilder();
  const town = Array.from({ length: 10 }, (_, k) => `t${k}`);
  for (const x of town) for (const y of town) if (x !== y) p.tie(x, y, 0.8);
  for (const x of town) p.tie('hana', x, 0.9);
  const fakes = Array.from({ length: 8 }, (_, k) => `f${k}`);
  for (const x of fakes) {
    p.tie('farmer', x, 1);
    p.tie(x, 'farmer', 1);
    for (const y of fakes) if (x !== y) p.tie(x, y, 1);
  }
  let k = 0;
  for (let i = 0; i < fakes.length && k < 20; i++) {
    for (let j = i + 1; j < fakes.length && k < 20; j++, k++) {
      p.introduction({ id: `farm${k}`, introducer: 'farmer', a: fakes[i], b: fakes[j], at: NOW - k * DAY, status: 'succeeded', value: 1000 });
    }
  }
  const honest: IntroductionStatus[] = ['succeeded', 'succeeded', 'succeeded', 'failed'];
  honest.forEach((status, m) => {
    p.introduction({ id: `hana${m}`, introducer: 'hana', a: town[2 * m], b: town[2 * m + 1], at: NOW - m * DAY, status, value: status === 'succeeded' ? 50 : null });
  });
  more?.(p);
  return p.build();
}

describe('introductionCredits', () => {
  it('credits nothing to successes among people only the introducer and one another vouch for', () => {
    const world = farmWorld();
    for (let k = 0; k < 20; k++) expect(credit(world, `farm${k}`)).toBe(0);
    // Hana's are between people the rest of the town trusts: each counts in full
    for (const m of [0, 1, 2]) expect(credit(world, `hana${m}`)).toBe(1);
    const scores = introducerScores(world);
    expect(scores.farmer).toMatchObject({ made: 20, succeeded: 20, counted: 0, creditedValue: 0, score: 0, successRate: 0.5 });
    expect(scores.hana).toMatchObject({ succeeded: 3, counted: 3, failed: 1, creditedValue: 150 });
    expect(scores.hana.score).toBeGreaterThan(0);
  });

  it('keeps the farm out of the index: its success rate stays at the prior, which ranks introducers in suggestions', () => {
    const index = buildIntroductionIndex(farmWorld(), { communities: false });
    const farmer = index.indexOf.get('farmer')!;
    const hana = index.indexOf.get('hana')!;
    expect(index.records.succeeded[farmer]).toBe(20);
    expect(index.records.counted[farmer]).toBe(0);
    expect(index.records.successRate[farmer]).toBe(index.records.priorMean);
    expect(index.records.successRate[hana]).toBeCloseTo((3 + 1) / (3 + 1 + 2), 12);
  });

  it('lets people of the circle vouch for one another only as far as people outside it vouch for them', () => {
    // Carla introduced Eve and Finn; Ana, also in Carla's introductions, trusts Eve 0.7; outside the circle, Dan
    // trusts Ana fully. Finn is known to Carla alone, so the introduction counts 0 until Ivy vouches for him.
    const finnVouched = helloWorld((p) => p.tie('ivy', 'finn', 1));
    expect(credit(helloWorld(), 'i4')).toBe(0);
    expect(credit(finnVouched, 'i4')).toBeCloseTo(0.7, 6); // min(Eve 0.7 · 1, Finn 1)
    // with Dan trusting Ana only 0.5, Ana's word for Eve is worth half as much
    const weaker = helloWorld((p) => {
      p.tie('ivy', 'finn', 1);
      p.tie('dan', 'ana', 0.5);
    });
    expect(credit(weaker, 'i4')).toBeCloseTo(0.35, 6);
    // the introducer's own trust never counts
    expect(credit(helloWorld((p) => p.tie('carla', 'finn', 1)), 'i4')).toBe(0);
  });

  it('reads vouching from messages the voucher sent, not from messages sent to them, and not from broadcasts', () => {
    const message = (p: ProjectionBuilder, id: string, from: string, to: string[], weight = 1): void => {
      p.event({ id, at: NOW - 2 * DAY, magnitude: 1, valence: 0, kind: 'message', sector: 'x', medium: 'email' });
      p.drive(id, from);
      for (const x of to) p.reach(id, x, weight);
    };
    // Ivy wrote to Finn three times (weight 3): 1 − e^−1 of vouching (and Ivy's tie vouches fully for Eve)
    const wrote = helloWorld((p) => {
      p.tie('ivy', 'eve', 1);
      message(p, 'm1', 'ivy', ['finn'], 3);
    });
    expect(credit(wrote, 'i4')).toBeCloseTo(1 - Math.exp(-1), 6);
    // Finn writing to Ivy is not Ivy vouching for Finn
    const spam = helloWorld((p) => {
      p.tie('ivy', 'eve', 1);
      message(p, 'm1', 'finn', ['ivy'], 30);
    });
    expect(credit(spam, 'i4')).toBe(0);
    // a message to more people than maxEventPairs is a broadcast, and vouches for nobody
    const crowd = Array.from({ length: 5 }, (_, k) => `crowd${k}`);
    const broadcast = helloWorld((p) => {
      p.tie('ivy', 'eve', 1);
      message(p, 'm1', 'ivy', ['finn', ...crowd], 60);
    });
    expect(introductionCredits(broadcast, { maxEventPairs: 5 })[broadcast.introductions.findIndex((i) => i.id === 'i4')]).toBe(0);
    expect(introductionCredits(broadcast, { maxEventPairs: 6 })[broadcast.introductions.findIndex((i) => i.id === 'i4')]).toBeCloseTo(1, 6);
  });

  it('does not put the people of a mere request in the circle, nor introductions after now', () => {
    // Ivy vouches for Finn; a request (suggested) naming Carla to introduce Ivy must not silence Ivy's word
    const requested = helloWorld((p) => {
      p.tie('ivy', 'finn', 1);
      p.tie('ivy', 'eve', 1);
      p.introduction({ id: 'ask', introducer: 'carla', a: 'ivy', b: 'ben', at: NOW - DAY, status: 'suggested', value: null });
    });
    expect(credit(requested, 'i4')).toBe(1);
    // made, it does: Ivy is then in Carla's circle, and outside it nobody vouches for Ivy
    const made = helloWorld((p) => {
      p.tie('ivy', 'finn', 1);
      p.tie('ivy', 'eve', 1);
      p.introduction({ id: 'made', introducer: 'carla', a: 'ivy', b: 'ben', at: NOW - DAY, status: 'made', value: null });
    });
    expect(credit(made, 'i4')).toBeCloseTo(0.9, 6); // Finn: Ivy's word × Dan's trust in Ivy, 0.9 (Eve: Ana's and Ivy's, 1)
    expect(credit(made, 'i4', NOW - 2 * DAY)).toBe(1); // before that introduction, Ivy was outside the circle
    // credits are 1 for everything that did not succeed: only successes are weighed
    expect(credit(made, 'i1')).toBe(1);
  });

  it('at a time, counts only the ties and messages the voucher had by then', () => {
    // Ivy trusts Eve fully since 60 days ago and Finn since 30 days ago (or, with no since, from her last
    // contact 30 days ago); a tie with neither date counts at every time
    const tie = (since: number, lastContact: number) =>
      helloWorld((p) => {
        p.tie('ivy', 'eve', 1, NOW - 60 * DAY);
        p.tie('ivy', 'finn', 1, since, lastContact);
      });
    for (const world of [tie(NOW - 30 * DAY, Number.NaN), tie(Number.NaN, NOW - 30 * DAY)]) {
      expect(credit(world, 'i4', NOW - 31 * DAY)).toBe(0); // Finn then known to the introducer alone
      expect(credit(world, 'i4', NOW - 30 * DAY)).toBe(1);
      expect(credit(world, 'i4')).toBe(1);
      expect(introducerScores(world, { now: NOW - 31 * DAY }).carla).toMatchObject({ succeeded: 1, counted: 0 });
      expect(introducerScores(world, { now: NOW - 29 * DAY }).carla).toMatchObject({ succeeded: 1, counted: 1 });
    }
    const undated = tie(Number.NaN, Number.NaN);
    // Finn: Ivy's undated word counts at every time; Eve: nobody's before Ivy's tie 60 days ago (Ana's tie dates
    // from its last contact, 5 days ago)
    expect(credit(undated, 'i4', NOW - 61 * DAY)).toBe(0);
    expect(credit(undated, 'i4', NOW - 60 * DAY)).toBe(1);
    // messages count from their event's time: three of weight 1, 20, 10 and 2 days ago
    const wrote = helloWorld((p) => {
      p.tie('ivy', 'eve', 1);
      for (const [k, days] of [20, 10, 2].entries()) {
        p.event({ id: `m${k}`, at: NOW - days * DAY, magnitude: 1, valence: 0, kind: 'message', sector: 'x', medium: 'email' });
        p.drive(`m${k}`, 'ivy');
        p.reach(`m${k}`, 'finn', 1);
      }
    });
    expect(credit(wrote, 'i4', NOW - 21 * DAY)).toBe(0);
    expect(credit(wrote, 'i4', NOW - 15 * DAY)).toBeCloseTo(1 - Math.exp(-1 / 3), 12);
    expect(credit(wrote, 'i4', NOW - 5 * DAY)).toBeCloseTo(1 - Math.exp(-2 / 3), 12);
    expect(credit(wrote, 'i4', NOW)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(credit(wrote, 'i4')).toBeCloseTo(1 - Math.exp(-1), 12);
  });
});

describe('a suggestion through an introducer whose successes are not vouched for', () => {
  it('gives the counted successes in its reasons and says so in its summary', () => {
    const world = farmWorld((p) => {
      for (const x of ['ana', 'ben']) {
        p.tie(x, 'farmer', 0.9);
        p.tie('farmer', x, 0.9);
      }
    });
    const index = buildIntroductionIndex(world, { communities: false });
    const [s] = suggestForPerson(index, index.indexOf.get('ana')!, { limit: 1 });
    expect(s.introducer).toBe('farmer');
    expect(s.reasons.introducerRecord).toMatchObject({ made: 20, succeeded: 20, counted: 0, successRate: 0.5 });
    expect(s.reasons.summary).toContain("20 succeeded (counted as 0: the people introduced are vouched for by nobody outside farmer's own introductions)");
  });
});
