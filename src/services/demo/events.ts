/**
 * Background events: who drives them (weighted by heavy-tailed activity, within each person's active
 * years), when, in which sector and medium (favoured media, with podcasts and video growing and print
 * declining over the decade), of which kind, with which valence and magnitude (mostly positive, heavy-tailed
 * sizes), and whom they reach (mostly the drivers' ties, then sector peers; some are broadcasts).
 *
 * Cost: O(E · (n + r)) for E events, n people (weighted driver picks scan the list) and r reached people.
 */
import type { FadeSpec } from '../../domain/model.ts';
import type { Rng } from './rng.ts';
import {
  DEMO_MEDIA,
  KIND_ROLE,
  MEDIUM_KINDS,
  MEDIUM_TREND,
  SECTOR_TOPICS,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
  type DemoKind,
  type DemoMedium,
  type DemoSector,
} from './vocabulary.ts';
import { clamp, round, type DraftEvent, type Profile, type WorldBuilder } from './world-builder.ts';

const BROADCAST_SHARE = 0.08;
const NEGATIVE_SHARE = 0.14;
const EXPLICIT_FADE_SHARE = 0.03;

/** How large events of a kind tend to be, relative to the rest. */
const KIND_SCALE: Record<DemoKind, number> = {
  post: 0.8,
  talk: 1,
  release: 1.5,
  interview: 1,
  article: 1,
  award: 2,
  deal: 1.5,
  rating: 0.6,
  endorsement: 0.9,
  publication: 1.2,
  episode: 1,
};

/** A work title like "Quiet Harbour". */
export function workTitle(rng: Rng): string {
  return `${rng.pick(TITLE_ADJECTIVES)} ${rng.pick(TITLE_NOUNS)}`;
}

/** A readable title for an event of a kind, driven by the named people, about the sector. */
export function eventTitle(rng: Rng, kind: string, driverNames: readonly string[], sector: DemoSector): string {
  const who = driverNames.join(' & ');
  const topic = rng.pick(SECTOR_TOPICS[sector]);
  // Verb agreement: "Ana releases", "Ana & Omar release".
  const s = driverNames.length > 1 ? '' : 's';
  const es = driverNames.length > 1 ? '' : 'es';
  switch (kind) {
    case 'post':
      return `${who}: thoughts on ${topic}`;
    case 'talk':
      return `${who} speak${s} on ${topic}`;
    case 'release':
      return `${who} release${s} "${workTitle(rng)}"`;
    case 'interview':
      return `Interview: ${who} on ${topic}`;
    case 'article':
      return `${who} write${s} about ${topic}`;
    case 'award':
      return `${who} receive${s} the ${rng.pick(TITLE_ADJECTIVES)} ${rng.pick(TITLE_NOUNS)} award`;
    case 'deal':
      return `${who} close${s} a deal on ${topic}`;
    case 'rating':
      return `${who} rated by peers`;
    case 'endorsement':
      return `${who} endorse${s} ${topic}`;
    case 'publication':
      return `${who} publish${es} a study on ${topic}`;
    case 'episode':
      return `${who} on air: ${topic}`;
    default:
      return `${who}: ${topic}`;
  }
}

/** A heavy-tailed magnitude: mostly 1–10, occasionally far more. */
export function drawMagnitude(rng: Rng, kind: DemoKind): number {
  return round(clamp(rng.pareto(1, 2) * KIND_SCALE[kind], 0.1, 80), 1);
}

/** An explicit fade for the few events that carry one, suited to the kind. */
export function kindFade(rng: Rng, kind: DemoKind): FadeSpec {
  switch (kind) {
    case 'post':
    case 'rating':
    case 'endorsement':
      return { model: 'exponential', halfLifeDays: rng.int(5, 21) };
    case 'award':
    case 'publication':
      return { model: 'power', tauDays: rng.int(120, 400), alpha: round(rng.float(0.5, 0.9), 2) };
    case 'deal':
      return { model: 'window', days: rng.int(180, 540) };
    default:
      return { model: 'exponential', halfLifeDays: rng.int(30, 180) };
  }
}

function drawMedium(rng: Rng, profile: Profile, f: number): DemoMedium {
  const weights = DEMO_MEDIA.map((m) => (profile.media[m] ?? 0.2) * Math.max(0.05, MEDIUM_TREND[m].base + MEDIUM_TREND[m].slope * f));
  return DEMO_MEDIA[rng.weightedIndex(weights)];
}

function drawKind(rng: Rng, medium: DemoMedium): DemoKind {
  const entries = Object.entries(MEDIUM_KINDS[medium]) as [DemoKind, number][];
  return rng.weighted(
    entries.map(([k]) => k),
    entries.map(([, w]) => w),
  );
}

/** Reached count: 1..20, larger for larger events. */
export function drawReachCount(rng: Rng, magnitude: number): number {
  return clamp(1 + Math.floor(rng.exponential(2 + 0.6 * Math.min(magnitude, 20))), 1, 20);
}

/** Adds `count` background events driven by members. */
export function addBackgroundEvents(world: WorldBuilder, rng: Rng, count: number): void {
  const drivers = world.profiles.filter((p) => p.role === 'member' && p.activity > 0);
  if (drivers.length === 0) throw new Error('demo world: no background people to drive events');
  const drawDriver = rng.weightedSampler(drivers.map((p) => p.activity));

  for (let i = 0; i < count; i++) {
    const main = drivers[drawDriver()];
    const at = Math.floor(rng.float(main.activeFrom, main.activeTo) / 60_000) * 60_000;
    const f = (at - world.startMs) / world.spanMs;
    const medium = drawMedium(rng, main, f);
    const kind = drawKind(rng, medium);
    const sector = main.sectors.length > 1 && rng.chance(0.3) ? rng.pick(main.sectors.slice(1)) : main.sectors[0];

    const coDriverCount = rng.chance(0.03) ? 2 : rng.chance(0.12) ? 1 : 0;
    const driverProfiles: Profile[] = [main];
    if (coDriverCount > 0) {
      const pool = world
        .neighbours(main.person.id)
        .map((id) => world.profile(id))
        .filter((p) => p.role === 'member' && p.activity > 0);
      for (const p of rng.sample(pool, coDriverCount)) driverProfiles.push(p);
    }

    const magnitude = drawMagnitude(rng, kind);
    const negative = kind !== 'award' && rng.chance(NEGATIVE_SHARE);
    const valence = negative ? -round(rng.float(0.2, 1), 2) : round(rng.float(0.2, 1), 2);
    const driverIds = driverProfiles.map((p) => p.person.id);
    const reached = rng.chance(BROADCAST_SHARE) ? [] : world.sampleReach(rng, driverIds, sector, drawReachCount(rng, magnitude));

    const event: DraftEvent = {
      at,
      title: eventTitle(rng, kind, driverProfiles.map((p) => p.person.name), sector),
      kind,
      sector,
      medium,
      valence,
      magnitude,
      fade: rng.chance(EXPLICIT_FADE_SHARE) ? kindFade(rng, kind) : null,
      drivers: driverProfiles.map((p, j) => ({ person: p.person.id, role: j === 0 ? KIND_ROLE[kind] : 'co-driver' })),
      reached,
    };
    world.addEvent(event);
  }
}
