/**
 * Introductions: the planted connector's record (many, mostly fruitful, always between contacts who
 * complement each other) and a thinner background of introductions by well-trusted members with mixed
 * outcomes. A fruitful introduction leaves a new KNOWS tie between the pair, as it would in life.
 */
import type { IntroductionStatus, Person } from '../../domain/model.ts';
import type { Rng } from './rng.ts';
import { DAY_MS, clamp, round, type WorldBuilder } from './world-builder.ts';

/** Skills one side offers that the other seeks, both ways. */
export function complementarity(a: Person, b: Person): { aGivesB: string[]; bGivesA: string[] } {
  return {
    aGivesB: a.offers.filter((s) => b.seeks.includes(s)),
    bGivesA: b.offers.filter((s) => a.seeks.includes(s)),
  };
}

export function isComplementary(a: Person, b: Person): boolean {
  const c = complementarity(a, b);
  return c.aGivesB.length > 0 || c.bGivesA.length > 0;
}

function introductionNote(a: Person, b: Person): string {
  const { aGivesB, bGivesA } = complementarity(a, b);
  if (bGivesA.length > 0) return `${a.name} needs ${bGivesA[0]}, which ${b.name} offers.`;
  if (aGivesB.length > 0) return `${b.name} needs ${aGivesB[0]}, which ${a.name} offers.`;
  const shared = a.sectors.find((s) => b.sectors.includes(s));
  return shared ? `Both work in ${shared}; worth knowing each other.` : 'Met through a mutual friend.';
}

/** Whether a and b can still be introduced: distinct, untied, never introduced, not forbidden. */
function canIntroduce(world: WorldBuilder, a: string, b: string): boolean {
  return a !== b && !world.tiedEitherWay(a, b) && !world.wasIntroduced(a, b) && !world.isForbidden(a, b);
}

/** Records an introduction; a succeeded one also ties the pair both ways a few weeks later. */
function introduce(world: WorldBuilder, rng: Rng, introducer: string, a: string, b: string, at: number, status: IntroductionStatus): void {
  const pa = world.profile(a).person;
  const pb = world.profile(b).person;
  const value = status === 'succeeded' ? round(clamp(rng.pareto(10, 1.4), 10, 1000), 0) : status === 'failed' ? 0 : null;
  const madeAt = Math.floor(at / 60_000) * 60_000;
  // the outcome's date from a stream of its own, so adding it left the rest of the world as it was
  const later = rng.fork(`outcome ${introducer} ${a} ${b}`);
  const note = introductionNote(pa, pb);
  if (status !== 'succeeded') {
    const outcomeAt = status === 'failed' || status === 'declined' ? madeAt + later.int(5, 40) * DAY_MS : null;
    world.addIntroduction({ at: madeAt, introducer, a, b, status, value, note, outcomeAt });
  } else {
    // they meet (a new tie) a few weeks on, and the introducer hears it bore fruit up to two months after that
    const since = Math.floor((at + rng.int(7, 45) * DAY_MS) / DAY_MS) * DAY_MS;
    world.addIntroduction({ at: madeAt, introducer, a, b, status, value, note, outcomeAt: Math.min(world.endMs, since + later.int(0, 60) * DAY_MS) });
    const lastContact = Math.max(since, Math.floor(rng.float(since, world.endMs) / DAY_MS) * DAY_MS);
    const trust = round(rng.float(0.55, 0.9), 2);
    world.addTie({ from: a, to: b, trust, since, lastContact });
    world.addTie({ from: b, to: a, trust: round(clamp(trust + rng.normal(0, 0.08), 0.3, 1), 2), since, lastContact });
  }
}

/** Status of an introduction made at `at`: recent ones are still open, older ones mostly closed. */
function drawStatus(rng: Rng, world: WorldBuilder, at: number, fruitful: boolean): IntroductionStatus {
  if (at > world.endMs - 60 * DAY_MS) return rng.weighted(['suggested', 'made', 'accepted'] as const, [1, 3, 2]);
  if (fruitful) return rng.weighted(['succeeded', 'failed', 'declined', 'accepted'] as const, [86, 6, 4, 4]);
  return rng.weighted(['succeeded', 'failed', 'declined', 'accepted', 'made'] as const, [40, 20, 15, 10, 15]);
}

/**
 * The connector's introductions: `count` complementary pairs among her contacts, spread over the period,
 * leaving many complementary pairs untouched so that suggestions for her remain.
 */
export function addConnectorIntroductions(world: WorldBuilder, rng: Rng, connector: string, count: number): void {
  const contacts = world.neighbours(connector).filter((id) => world.hasTie(id, connector) && world.hasTie(connector, id));
  const pairs: [string, string][] = [];
  for (let i = 0; i < contacts.length; i++) {
    for (let j = i + 1; j < contacts.length; j++) {
      const a = contacts[i];
      const b = contacts[j];
      if (canIntroduce(world, a, b) && isComplementary(world.profile(a).person, world.profile(b).person)) pairs.push([a, b]);
    }
  }
  const chosen = rng.sample(pairs, count);
  const times = chosen.map(() => world.timeAt(rng.float(0.05, 0.995))).sort((x, y) => x - y);
  chosen.forEach(([a, b], i) => {
    if (!canIntroduce(world, a, b)) return; // an earlier success may have tied them meanwhile
    introduce(world, rng, connector, a, b, times[i], drawStatus(rng, world, times[i], true));
  });
}

/** Background introductions: members introduce two people who trust them, preferring complementary pairs. */
export function addBackgroundIntroductions(world: WorldBuilder, rng: Rng, count: number): void {
  const introducers: { id: string; trusting: string[] }[] = [];
  for (const p of world.profiles) {
    if (p.role !== 'member') continue;
    const trusting = world
      .neighbours(p.person.id)
      .filter((n) => (world.tie(n, p.person.id)?.trust ?? 0) >= 0.4 && (world.profile(n).role === 'member' || world.profile(n).role === 'archetype'));
    if (trusting.length >= 3) introducers.push({ id: p.person.id, trusting });
  }
  if (introducers.length === 0) return;
  const weights = introducers.map((x) => x.trusting.length);
  for (let made = 0, attempts = 0; made < count && attempts < count * 20; attempts++) {
    const { id, trusting } = introducers[rng.weightedIndex(weights)];
    let pair: [string, string] | null = null;
    for (let tries = 0; tries < 12 && !pair; tries++) {
      const [a, b] = rng.sample(trusting, 2);
      if (!canIntroduce(world, a, b)) continue;
      // Prefer complementary pairs; accept others only late in the search.
      if (tries < 8 && !isComplementary(world.profile(a).person, world.profile(b).person)) continue;
      pair = [a, b];
    }
    if (!pair) continue;
    const at = world.timeAt(rng.float(0.02, 0.995));
    introduce(world, rng, id, pair[0], pair[1], at, drawStatus(rng, world, at, false));
    made++;
  }
}

/**
 * Requests not acted on yet: members who asked someone they trust, in the last `windowDays` of the period, to
 * introduce them to one of that person's contacts who offers what they seek (status `suggested`). The board's
 * follow-up lists the ones asked for long ago.
 */
export function addIntroductionRequests(world: WorldBuilder, rng: Rng, count: number, windowDays = 120): void {
  const members = world.profiles.filter((p) => p.role === 'member').map((p) => p.person.id);
  for (let made = 0, attempts = 0; made < count && attempts < count * 40; attempts++) {
    const [asker] = rng.sample(members, 1);
    const trusted = world.neighbours(asker).filter((n) => (world.tie(asker, n)?.trust ?? 0) >= 0.5 && world.profile(n).role === 'member');
    if (trusted.length === 0) continue;
    const [introducer] = rng.sample(trusted, 1);
    const seeker = world.profile(asker).person;
    const targets = world
      .neighbours(introducer)
      .filter((n) => world.profile(n).role === 'member' && world.hasTie(n, introducer) && canIntroduce(world, asker, n))
      .filter((n) => complementarity(seeker, world.profile(n).person).bGivesA.length > 0);
    if (targets.length === 0) continue;
    const [target] = rng.sample(targets, 1);
    const at = world.endMs - rng.float(1, windowDays) * DAY_MS;
    introduce(world, rng, introducer, asker, target, at, 'suggested');
    made++;
  }
}
