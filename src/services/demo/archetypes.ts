/**
 * The planted archetypes: people with fixed ids and memorable names whose patterns a user (and the tests)
 * can find in the demo world. Each pattern is written here by hand on top of the background:
 *
 * - fad: a burst of large, fast-fading events within three weeks (about 30 % into the period), then quiet;
 * - lasting: steady, moderate publications, talks and awards across the whole period, fading slowly;
 * - comeback: busy in the first ~28 % of the period, silent, then busy again in the last ~25 %;
 * - crossSector: events in six sectors, each reaching people of that sector;
 * - controversial: large events, half strongly positive and half strongly negative, in matched pairs;
 * - oneMedium: a podcaster, ≥ 95 % of whose events are podcasts;
 * - connector: trusted both ways by many contacts across sectors, with a long record of introductions;
 * - ring: six alias accounts rating each other up, tied to the rest only by a few low-trust ties and
 *   followed only by peripheral "recruits" whom nobody trusts, so that they look influential to plain
 *   PageRank but get nothing from PageRank personalised on known-good seeds;
 * - the demo story: Ana (technology, seeks funding and mentorship) and Omar (finance, offers them), not tied
 *   to each other, both trusting the connector highly, with a few contacts in common.
 *
 * Times are fractions of the covered period, laid out for the default ten years (shorter periods still
 * generate, but the comeback's silence then lasts under four years).
 */
import type { FadeSpec, Person } from '../../domain/model.ts';
import { drawMedia } from './people.ts';
import type { Rng } from './rng.ts';
import { drawTieDates, floorDay, returnedTrust } from './ties.ts';
import { eventTitle } from './events.ts';
import { KIND_ROLE, type DemoKind, type DemoMedium, type DemoSector } from './vocabulary.ts';
import { DAY_MS, YEAR_MS, clamp, round, type DemoRole, type WorldBuilder } from './world-builder.ts';

export const ARCHETYPE_IDS = {
  fad: 'p-fad',
  lasting: 'p-lasting',
  comeback: 'p-comeback',
  crossSector: 'p-cross',
  controversial: 'p-controversial',
  oneMedium: 'p-podcaster',
  connector: 'p-connector',
} as const;
export type ArchetypeName = keyof typeof ARCHETYPE_IDS;

export const RING_IDS = ['p-ring-1', 'p-ring-2', 'p-ring-3', 'p-ring-4', 'p-ring-5', 'p-ring-6'] as const;

/** The first demo story: Ana seeks what Omar offers; Helena (the connector) is trusted by both. */
export const SEEKER_ID = 'p-ana';
export const FUNDER_ID = 'p-omar';

interface PlantedPerson {
  person: Person;
  role: DemoRole;
  /** Background activity (only members drive background events). */
  activity: number;
  prominence: number;
}

const RING_NAMES = ['TopTrader88', 'StarRater_X', 'AlphaSignalz', 'MoonBoss777', 'TrustMeTrades', 'PrimeReviewer01'];

function planted(id: string, name: string, sectors: DemoSector[], offers: string[], seeks: string[], role: DemoRole, activity: number, prominence: number): PlantedPerson {
  return { person: { id, name, sectors, offers, seeks }, role, activity, prominence };
}

const PLANTED: PlantedPerson[] = [
  planted(ARCHETYPE_IDS.fad, 'Zara Flash', ['music'], ['audience', 'talent'], ['distribution', 'mentorship'], 'archetype', 0, 3),
  planted(ARCHETYPE_IDS.lasting, 'Professor Ada Lindqvist', ['education', 'health'], ['research', 'mentorship', 'public-speaking'], ['funding', 'volunteers'], 'archetype', 0, 8),
  planted(ARCHETYPE_IDS.comeback, 'Marcus Vale', ['technology', 'finance'], ['engineering', 'hiring', 'mentorship'], ['funding', 'talent'], 'archetype', 0, 5),
  planted(ARCHETYPE_IDS.crossSector, 'Nia Okafor', ['humanitarian', 'music'], ['storytelling', 'audience', 'fundraising'], ['partnerships', 'media-coverage'], 'archetype', 0, 5),
  planted(ARCHETYPE_IDS.controversial, 'Victor Kane', ['automotive', 'technology'], ['funding', 'media-coverage', 'manufacturing'], ['regulatory-advice', 'legal', 'engineering'], 'archetype', 0, 7),
  planted(ARCHETYPE_IDS.oneMedium, 'Sam Rivera', ['technology', 'education'], ['audience', 'media-coverage', 'storytelling'], ['production', 'partnerships'], 'archetype', 0, 4),
  planted(ARCHETYPE_IDS.connector, 'Helena Brandt', ['finance', 'humanitarian'], ['partnerships', 'mentorship'], ['talent'], 'connector', 0, 0),
  planted(SEEKER_ID, 'Ana Torres', ['technology'], ['engineering', 'design'], ['funding', 'mentorship'], 'member', 2, 1.5),
  planted(FUNDER_ID, 'Omar Haddad', ['finance'], ['funding', 'mentorship'], ['engineering'], 'member', 5, 4),
  ...RING_IDS.map((id, i) => planted(id, RING_NAMES[i], ['finance'], ['sales'], ['audience'], 'ring', 0, 0)),
];

/** Names the background must not reuse. */
export const PLANTED_NAMES: readonly string[] = PLANTED.map((p) => p.person.name);

export function addPlantedPeople(world: WorldBuilder, rng: Rng): void {
  for (const p of PLANTED) {
    const sectors = p.person.sectors as DemoSector[];
    world.addProfile({
      person: { ...p.person, sectors: [...sectors], offers: [...p.person.offers], seeks: [...p.person.seeks] },
      sectors: [...sectors],
      role: p.role,
      activity: p.activity,
      prominence: p.prominence,
      media: drawMedia(rng, sectors),
      activeFrom: world.startMs,
      activeTo: world.endMs,
    });
  }
  world.forbidPair(SEEKER_ID, FUNDER_ID);
}

/** Turns the least prominent members into recruits: peripheral accounts that follow the ring. */
export function chooseRecruits(world: WorldBuilder, rng: Rng, count: number): string[] {
  const candidates = world.profiles.filter((p) => p.role === 'member' && p.person.id !== SEEKER_ID && p.person.id !== FUNDER_ID);
  const quiet = candidates.slice().sort((a, b) => a.prominence - b.prominence || (a.person.id < b.person.id ? -1 : 1));
  const recruits = rng.sample(quiet.slice(0, Math.max(count, Math.floor(quiet.length / 3))), count);
  for (const r of recruits) {
    world.setRole(r.person.id, 'recruit');
    r.activity = 0;
    r.prominence = 0;
  }
  return recruits.map((r) => r.person.id);
}

/** The connector's contacts, ties both ways with high trust; the demo story's ties; the ring's ties. */
export function addPlantedTies(world: WorldBuilder, rng: Rng, recruits: readonly string[]): void {
  const connector = ARCHETYPE_IDS.connector;
  // Contacts across six sectors, prominent members more likely; plus the story pair and a few archetypes.
  const contactQuota: [DemoSector, number][] = [
    ['technology', 10],
    ['finance', 10],
    ['humanitarian', 8],
    ['health', 7],
    ['education', 7],
    ['music', 6],
    ['film', 4],
    ['automotive', 3],
  ];
  const contacts: string[] = [SEEKER_ID, FUNDER_ID, ARCHETYPE_IDS.lasting, ARCHETYPE_IDS.comeback, ARCHETYPE_IDS.crossSector];
  for (const [sector, quota] of contactQuota) {
    const pool = world.profiles.filter((p) => p.role === 'member' && p.sectors[0] === sector && !contacts.includes(p.person.id));
    for (let k = 0; k < quota && pool.length > 0; k++) {
      const i = rng.weightedIndex(pool.map((p) => p.prominence + 0.5));
      contacts.push(pool[i].person.id);
      pool.splice(i, 1);
    }
  }
  for (const c of contacts) {
    const { since, lastContact } = drawTieDates(rng, world, world.startMs - 8 * YEAR_MS, world.endMs - YEAR_MS);
    const recent = Math.max(since, floorDay(world.endMs - rng.int(1, 120) * DAY_MS));
    world.setTie({ from: c, to: connector, trust: round(rng.float(0.86, 0.99), 2), since, lastContact: recent });
    world.setTie({ from: connector, to: c, trust: round(rng.float(0.7, 0.95), 2), since, lastContact: Math.max(since, lastContact) });
  }

  // The story pair share a couple of contacts besides Helena (common ties make the suggestion stronger).
  const shared = contacts.filter((c) => {
    const p = world.profile(c);
    return p.role === 'member' && c !== SEEKER_ID && c !== FUNDER_ID && (p.sectors[0] === 'technology' || p.sectors[0] === 'finance');
  });
  for (const c of rng.sample(shared, 2)) {
    for (const person of [SEEKER_ID, FUNDER_ID]) {
      const { since, lastContact } = drawTieDates(rng, world, world.startMs, world.endMs - YEAR_MS);
      const trust = round(rng.float(0.6, 0.85), 2);
      world.setTie({ from: person, to: c, trust, since, lastContact });
      world.setTie({ from: c, to: person, trust: returnedTrust(rng, trust), since, lastContact });
    }
  }

  // The ring: dense, reciprocal, high trust inside; a few low-trust ties out; recruits trust them a little.
  const ringStart = Math.max(world.startMs, world.endMs - 2.5 * YEAR_MS);
  for (const a of RING_IDS) {
    for (const b of RING_IDS) {
      if (a === b) continue;
      const { since, lastContact } = drawTieDates(rng, world, ringStart, ringStart + 60 * DAY_MS);
      world.setTie({ from: a, to: b, trust: round(rng.float(0.92, 1), 2), since, lastContact });
    }
  }
  const outsiders = world.profiles.filter((p) => p.role === 'member').map((p) => p.person.id);
  for (const a of RING_IDS) {
    for (const o of rng.sample(outsiders, rng.int(1, 2))) {
      const { since, lastContact } = drawTieDates(rng, world, ringStart, world.endMs - 30 * DAY_MS);
      world.addTie({ from: a, to: o, trust: round(rng.float(0.05, 0.2), 2), since, lastContact });
    }
  }
  for (const r of recruits) {
    for (const a of rng.sample(RING_IDS, rng.int(1, 2))) {
      const { since, lastContact } = drawTieDates(rng, world, ringStart, world.endMs - 30 * DAY_MS);
      world.addTie({ from: r, to: a, trust: round(rng.float(0.1, 0.35), 2), since, lastContact });
    }
  }
}

interface PlantedEventSpec {
  driver: string;
  at: number;
  kind: DemoKind;
  medium: DemoMedium;
  sector: DemoSector;
  valence: number;
  magnitude: number;
  fade?: FadeSpec | null;
  reach: number;
  /** Share of reached people drawn from the drivers' ties rather than sector peers. */
  localShare?: number;
  coDrivers?: string[];
}

function addPlantedEvent(world: WorldBuilder, rng: Rng, spec: PlantedEventSpec): void {
  const driverIds = [spec.driver, ...(spec.coDrivers ?? [])];
  world.addEvent({
    at: Math.floor(spec.at / 60_000) * 60_000,
    title: eventTitle(rng, spec.kind, driverIds.map((id) => world.profile(id).person.name), spec.sector),
    kind: spec.kind,
    sector: spec.sector,
    medium: spec.medium,
    valence: round(clamp(spec.valence, -1, 1), 2),
    magnitude: round(Math.max(0.1, spec.magnitude), 1),
    fade: spec.fade ?? null,
    drivers: driverIds.map((person, i) => ({ person, role: i === 0 ? KIND_ROLE[spec.kind] : 'guest' })),
    reached: spec.reach > 0 ? world.sampleReach(rng, driverIds, spec.sector, spec.reach, spec.localShare) : [],
  });
}

/** Evenly spread times over [f0, f1) of the period, jittered within each slot. */
function spread(world: WorldBuilder, rng: Rng, n: number, f0: number, f1: number): number[] {
  return Array.from({ length: n }, (_, i) => world.timeAt(f0 + ((f1 - f0) * (i + rng.float(0.1, 0.9))) / n));
}

function pickKindMedium(rng: Rng, options: [DemoKind, DemoMedium, number][]): [DemoKind, DemoMedium] {
  const [kind, medium] = rng.weighted(options, options.map((o) => o[2]));
  return [kind, medium];
}

function addFadEvents(world: WorldBuilder, rng: Rng): void {
  const driver = ARCHETYPE_IDS.fad;
  const burstStart = world.timeAt(0.3);
  const fastFade: FadeSpec = { model: 'exponential', halfLifeDays: 14 };
  const options: [DemoKind, DemoMedium, number][] = [
    ['post', 'social', 5],
    ['release', 'video', 3],
    ['interview', 'tv', 2],
    ['endorsement', 'social', 1],
  ];
  // Two small events before the burst, 48 large ones within 21 days, four small ones afterwards.
  for (let i = 0; i < 2; i++) {
    addPlantedEvent(world, rng, { driver, at: burstStart - rng.int(20, 180) * DAY_MS, kind: 'post', medium: 'social', sector: 'music', valence: 0.6, magnitude: rng.float(1, 2), fade: fastFade, reach: 2, localShare: 0.8 });
  }
  for (let i = 0; i < 48; i++) {
    const [kind, medium] = pickKindMedium(rng, options);
    addPlantedEvent(world, rng, {
      driver,
      at: burstStart + 21 * DAY_MS * rng.next() ** 1.3,
      kind,
      medium,
      sector: rng.chance(0.8) ? 'music' : 'film',
      valence: rng.chance(0.9) ? rng.float(0.5, 1) : -rng.float(0.3, 0.7),
      magnitude: Math.min(40, rng.pareto(8, 2.5)),
      fade: fastFade,
      reach: rng.int(10, 20),
      localShare: 0.3,
    });
  }
  for (let i = 0; i < 4; i++) {
    addPlantedEvent(world, rng, { driver, at: burstStart + rng.int(60, 730) * DAY_MS, kind: 'post', medium: 'social', sector: 'music', valence: 0.4, magnitude: rng.float(0.5, 1.5), fade: fastFade, reach: rng.int(1, 3), localShare: 0.8 });
  }
}

function addLastingEvents(world: WorldBuilder, rng: Rng): void {
  const driver = ARCHETYPE_IDS.lasting;
  const slow: FadeSpec = { model: 'power', tauDays: 365, alpha: 0.5 };
  const slowExp: FadeSpec = { model: 'exponential', halfLifeDays: 1095 };
  const options: [DemoKind, DemoMedium, number][] = [
    ['publication', 'text', 3],
    ['publication', 'print', 2],
    ['talk', 'in-person', 2.5],
    ['award', 'in-person', 1],
    ['interview', 'print', 0.8],
    ['interview', 'podcast', 0.7],
  ];
  const n = Math.max(12, Math.round((world.spanMs / YEAR_MS) * 12));
  for (const at of spread(world, rng, n, 0, 1)) {
    const [kind, medium] = pickKindMedium(rng, options);
    addPlantedEvent(world, rng, {
      driver,
      at,
      kind,
      medium,
      sector: rng.chance(0.6) ? 'education' : 'health',
      valence: rng.float(0.5, 0.95),
      magnitude: kind === 'award' ? rng.float(8, 12) : rng.float(3, 7),
      fade: kind === 'publication' || kind === 'award' ? slow : slowExp,
      reach: rng.int(6, 16),
      localShare: 0.5,
    });
  }
}

function addComebackEvents(world: WorldBuilder, rng: Rng): void {
  const driver = ARCHETYPE_IDS.comeback;
  const options: [DemoKind, DemoMedium, number][] = [
    ['release', 'video', 3],
    ['talk', 'in-person', 2],
    ['interview', 'podcast', 2],
    ['deal', 'in-person', 1.5],
    ['post', 'social', 2],
    ['article', 'text', 1],
  ];
  // Active in [0.01, 0.28) and [0.75, 1): with ten years, a silence of about 4.7 years in between.
  const times = [...spread(world, rng, 65, 0.01, 0.28), ...spread(world, rng, 65, 0.75, 0.999)];
  for (const at of times) {
    const [kind, medium] = pickKindMedium(rng, options);
    addPlantedEvent(world, rng, {
      driver,
      at,
      kind,
      medium,
      sector: rng.chance(0.7) ? 'technology' : 'finance',
      valence: rng.chance(0.85) ? rng.float(0.3, 1) : -rng.float(0.2, 0.8),
      magnitude: Math.min(30, rng.pareto(4, 2.2)),
      reach: rng.int(5, 18),
      localShare: 0.5,
    });
  }
}

const CROSS_SECTORS: DemoSector[] = ['humanitarian', 'music', 'health', 'education', 'film', 'technology'];

function addCrossSectorEvents(world: WorldBuilder, rng: Rng): void {
  const driver = ARCHETYPE_IDS.crossSector;
  const options: [DemoKind, DemoMedium, number][] = [
    ['talk', 'in-person', 3],
    ['post', 'social', 3],
    ['interview', 'tv', 2],
    ['release', 'video', 1.5],
    ['endorsement', 'social', 1.5],
  ];
  spread(world, rng, 90, 0.05, 1).forEach((at, i) => {
    const [kind, medium] = pickKindMedium(rng, options);
    addPlantedEvent(world, rng, {
      driver,
      at,
      kind,
      medium,
      sector: CROSS_SECTORS[i % CROSS_SECTORS.length],
      valence: rng.float(0.4, 1),
      magnitude: Math.min(30, rng.pareto(3, 2.2)),
      reach: rng.int(4, 14),
      localShare: 0.1,
    });
  });
}

function addControversialEvents(world: WorldBuilder, rng: Rng): void {
  const driver = ARCHETYPE_IDS.controversial;
  const options: [DemoKind, DemoMedium, number][] = [
    ['interview', 'tv', 3],
    ['post', 'social', 3],
    ['release', 'video', 2],
    ['deal', 'in-person', 1],
    ['endorsement', 'social', 1],
  ];
  // Matched pairs: one strongly positive, one strongly negative, of about the same size.
  const times = rng.shuffled(spread(world, rng, 90, 0.2, 1));
  for (let i = 0; i + 1 < times.length; i += 2) {
    const size = Math.min(45, rng.pareto(10, 2.5));
    for (const sign of [1, -1]) {
      const [kind, medium] = pickKindMedium(rng, options);
      addPlantedEvent(world, rng, {
        driver,
        at: times[i + (sign === 1 ? 0 : 1)],
        kind,
        medium,
        sector: rng.chance(0.6) ? 'automotive' : 'technology',
        valence: sign * rng.float(0.7, 0.9),
        magnitude: size * rng.float(0.9, 1.1),
        reach: rng.int(8, 20),
        localShare: 0.4,
      });
    }
  }
}

function addPodcasterEvents(world: WorldBuilder, rng: Rng): void {
  const driver = ARCHETYPE_IDS.oneMedium;
  const times = spread(world, rng, 130, 0.4, 1);
  // Four of 130 events (3 %) are elsewhere: a TV interview, two talks, an article.
  const elsewhere = new Map<number, [DemoKind, DemoMedium]>([
    [20, ['interview', 'tv']],
    [55, ['talk', 'in-person']],
    [90, ['talk', 'video']],
    [120, ['article', 'text']],
  ]);
  times.forEach((at, i) => {
    const sector: DemoSector = rng.weighted(['technology', 'education', 'music'] as const, [55, 30, 15]);
    const [kind, medium] = elsewhere.get(i) ?? [rng.chance(0.8) ? 'episode' : 'interview', 'podcast'];
    const guests = world.sectorPeople(sector).filter((id) => world.profile(id).role === 'member');
    addPlantedEvent(world, rng, {
      driver,
      at,
      kind,
      medium,
      sector,
      valence: rng.chance(0.9) ? rng.float(0.3, 0.9) : -rng.float(0.2, 0.6),
      magnitude: Math.min(20, rng.pareto(2, 2.5)),
      reach: rng.int(5, 15),
      localShare: 0.5,
      coDrivers: medium === 'podcast' && guests.length > 0 && rng.chance(0.35) ? [rng.pick(guests)] : [],
    });
  });
}

function addConnectorEvents(world: WorldBuilder, rng: Rng): void {
  const driver = ARCHETYPE_IDS.connector;
  for (const at of spread(world, rng, 20, 0, 1)) {
    const kind: DemoKind = rng.chance(0.6) ? 'talk' : 'deal';
    addPlantedEvent(world, rng, {
      driver,
      at,
      kind,
      medium: 'in-person',
      sector: rng.chance(0.6) ? 'finance' : 'humanitarian',
      valence: rng.float(0.5, 0.9),
      magnitude: rng.float(2, 5),
      reach: rng.int(3, 10),
      localShare: 0.9,
    });
  }
}

function addRingEvents(world: WorldBuilder, rng: Rng, recruits: readonly string[]): void {
  const from = Math.max(0, 1 - (2 * YEAR_MS) / world.spanMs);
  const ratingTimes = rng.shuffled(spread(world, rng, RING_IDS.length * (RING_IDS.length - 1) * 5, from, 1));
  let t = 0;
  // Every ordered pair, five times: the rated account drives the event, the rater is reached (DESIGN.md:
  // the person rated gains influence over the rater).
  for (let round5 = 0; round5 < 5; round5++) {
    for (const rated of RING_IDS) {
      for (const rater of RING_IDS) {
        if (rated === rater) continue;
        world.addEvent({
          at: Math.floor(ratingTimes[t++] / 60_000) * 60_000,
          title: `${world.profile(rater).person.name} rates ${world.profile(rated).person.name} 5/5`,
          kind: 'rating',
          sector: 'finance',
          medium: 'social',
          valence: 1,
          magnitude: round(rng.float(9, 10), 1),
          fade: null,
          drivers: [{ person: rated, role: 'rated' }],
          reached: [{ person: rater, weight: 1 }],
        });
      }
    }
  }
  // A few loud posts to the recruits, the only outsiders who listen.
  for (const at of spread(world, rng, 8, from, 1)) {
    const driver = rng.pick(RING_IDS);
    world.addEvent({
      at: Math.floor(at / 60_000) * 60_000,
      title: `${world.profile(driver).person.name}: guaranteed returns, follow for signals`,
      kind: 'post',
      sector: 'finance',
      medium: 'social',
      valence: 0.9,
      magnitude: round(rng.float(8, 10), 1),
      fade: null,
      drivers: [{ person: driver, role: 'author' }],
      reached: rng.sample(recruits, rng.int(6, 10)).map((person) => ({ person, weight: 1 })),
    });
  }
}

/** All archetype events (the background is added separately). */
export function addPlantedEvents(world: WorldBuilder, rng: Rng, recruits: readonly string[]): void {
  addFadEvents(world, rng.fork('fad'));
  addLastingEvents(world, rng.fork('lasting'));
  addComebackEvents(world, rng.fork('comeback'));
  addCrossSectorEvents(world, rng.fork('cross'));
  addControversialEvents(world, rng.fork('controversial'));
  addPodcasterEvents(world, rng.fork('podcaster'));
  addConnectorEvents(world, rng.fork('connector'));
  addRingEvents(world, rng.fork('ring'), recruits);
}
