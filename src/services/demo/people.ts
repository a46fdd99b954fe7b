/**
 * Background people: names, sectors (most in one, some in two, a few in three, with second sectors near the
 * first), what they offer and seek (sector-flavoured, so that complementary pairs exist), and the hidden
 * traits that shape their behaviour: heavy-tailed activity and prominence, favoured media, active years.
 */
import type { Person } from '../../domain/model.ts';
import type { NameMaker } from './names.ts';
import type { Rng } from './rng.ts';
import {
  DEMO_MEDIA,
  DEMO_SECTORS,
  DEMO_SKILLS,
  SECTOR_MEDIA,
  SECTOR_SIZE,
  SECTOR_SKILLS,
  sectorProximity,
  type DemoMedium,
  type DemoSector,
  type DemoSkill,
} from './vocabulary.ts';
import { clamp, round, type Profile, type WorldBuilder } from './world-builder.ts';

const ORGANISATION_SHARE = 0.06;
const LURKER_SHARE = 0.12;

/** Sectors for one person: a main sector by size, sometimes a second (and rarely a third) close to it. */
export function drawSectors(rng: Rng): DemoSector[] {
  const main = rng.weighted(DEMO_SECTORS, DEMO_SECTORS.map((s) => SECTOR_SIZE[s]));
  const sectors: DemoSector[] = [main];
  const extra = rng.chance(0.02) ? 2 : rng.chance(0.2) ? 1 : 0;
  for (let i = 0; i < extra; i++) {
    const candidates = DEMO_SECTORS.filter((s) => !sectors.includes(s));
    sectors.push(rng.weighted(candidates, candidates.map((s) => sectorProximity(main, s))));
  }
  return sectors;
}

/** Offers and seeks, disjoint, weighted towards what the person's sectors typically offer and need. */
export function drawSkills(rng: Rng, sectors: readonly DemoSector[]): { offers: DemoSkill[]; seeks: DemoSkill[] } {
  const weightsFor = (side: 'offers' | 'seeks'): number[] =>
    DEMO_SKILLS.map((skill) => {
      let w = 0.12; // every skill stays possible
      sectors.forEach((s, i) => {
        w += (SECTOR_SKILLS[s][side][skill] ?? 0) * (i === 0 ? 1 : 0.4);
      });
      return w;
    });
  const draw = (side: 'offers' | 'seeks', exclude: readonly DemoSkill[]): DemoSkill[] => {
    const count = rng.weighted([1, 2, 3], [35, 45, 20]);
    const weights = weightsFor(side);
    const picked: DemoSkill[] = [];
    for (let attempt = 0; picked.length < count && attempt < 50; attempt++) {
      const skill = DEMO_SKILLS[rng.weightedIndex(weights)];
      if (!picked.includes(skill) && !exclude.includes(skill)) picked.push(skill);
    }
    return picked;
  };
  const offers = draw('offers', []);
  const seeks = draw('seeks', offers);
  return { offers, seeks };
}

/** Favoured media: the sector's usual media, with one personal favourite boosted. */
export function drawMedia(rng: Rng, sectors: readonly DemoSector[]): Partial<Record<DemoMedium, number>> {
  const media: Partial<Record<DemoMedium, number>> = {};
  sectors.forEach((s, i) => {
    for (const [m, w] of Object.entries(SECTOR_MEDIA[s]) as [DemoMedium, number][]) {
      media[m] = (media[m] ?? 0) + w * (i === 0 ? 1 : 0.4);
    }
  });
  const favourite = rng.chance(0.85) ? rng.pick(Object.keys(media) as DemoMedium[]) : rng.pick(DEMO_MEDIA);
  media[favourite] = (media[favourite] ?? 0) + 6;
  return media;
}

/** Adds `count` background people with ids p-0001... */
export function addBackgroundPeople(world: WorldBuilder, rng: Rng, names: NameMaker, count: number): void {
  const width = Math.max(4, String(count).length);
  for (let i = 1; i <= count; i++) {
    const sectors = drawSectors(rng);
    const isOrganisation = rng.chance(ORGANISATION_SHARE);
    const { offers, seeks } = drawSkills(rng, sectors);
    const person: Person = {
      id: `p-${String(i).padStart(width, '0')}`,
      name: isOrganisation ? names.organisation(sectors[0]) : names.person(),
      sectors: [...sectors],
      offers,
      seeks,
    };
    // Heavy tails: a few people drive much of the activity and attract many ties; many barely appear.
    const activity = rng.chance(LURKER_SHARE) ? 0 : round(Math.min(30, rng.pareto(1, 1.3)), 3);
    const prominence = round(Math.min(60, 0.4 * activity + rng.pareto(1, 1.6)) * (isOrganisation ? 1.5 : 1), 3);
    let activeFrom = world.startMs;
    let activeTo = world.endMs;
    if (rng.chance(0.35)) {
      const from = rng.float(0, 0.7);
      const length = rng.float(0.25, 1 - from);
      activeFrom = world.timeAt(from);
      activeTo = world.timeAt(clamp(from + length, 0, 1));
    }
    const profile: Profile = {
      person,
      sectors,
      role: 'member',
      activity,
      prominence,
      media: drawMedia(rng, sectors),
      activeFrom,
      activeTo,
    };
    world.addProfile(profile);
  }
}
