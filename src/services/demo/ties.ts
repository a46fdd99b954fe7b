/**
 * Background KNOWS ties. Each person starts a few ties (more if prominent), mostly within their own sectors
 * and towards prominent people (preferential attachment), some across to nearby sectors. Most ties are
 * returned, with a trust that is close to but not equal to the original, and sometimes far lower.
 *
 * Cost: O(n · d · s) for n people, d ties each and s people per sector (weighted picks scan the sector).
 */
import type { Rng } from './rng.ts';
import { DEMO_SECTORS, sectorProximity, type DemoSector } from './vocabulary.ts';
import { DAY_MS, YEAR_MS, clamp, round, type DraftTie, type Profile, type WorldBuilder } from './world-builder.ts';

const SAME_SECTOR_SHARE = 0.8;
const RECIPROCITY = 0.62;

/** A tie's `since` (a day, possibly before the covered period) and a `lastContact` skewed towards `end`. */
export function drawTieDates(rng: Rng, world: WorldBuilder, earliest: number, latest: number): { since: number; lastContact: number } {
  const since = floorDay(rng.float(earliest, latest));
  const lastContact = floorDay(world.endMs - (world.endMs - since) * rng.next() ** 2.5);
  return { since, lastContact: Math.max(since, Math.min(lastContact, world.endMs - DAY_MS)) };
}

export function floorDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Trust given back on a returned tie: usually near the original, sometimes much lower. */
export function returnedTrust(rng: Rng, trust: number): number {
  if (rng.chance(0.1)) return round(rng.float(0.05, 0.35), 2);
  return round(clamp(trust + rng.normal(0, 0.12), 0.05, 1), 2);
}

/** Background ties between members, archetypes and recruits (recruits only start ties; nobody ties to them). */
export function addBackgroundTies(world: WorldBuilder, rng: Rng): void {
  const targetsBySector = new Map<DemoSector, Profile[]>();
  for (const s of DEMO_SECTORS) targetsBySector.set(s, []);
  for (const p of world.profiles) {
    if (p.role !== 'member' && p.role !== 'archetype') continue;
    for (const s of p.sectors) targetsBySector.get(s)!.push(p);
  }
  const weightsBySector = new Map<DemoSector, number[]>();
  for (const [s, list] of targetsBySector) weightsBySector.set(s, list.map((p) => p.prominence + 0.3));

  for (const source of world.profiles) {
    if (source.role !== 'member' && source.role !== 'archetype' && source.role !== 'recruit') continue;
    const started = source.role === 'recruit' ? rng.int(1, 2) : Math.min(30, 1 + Math.floor(rng.exponential(3 + 0.12 * source.prominence)));
    const main = source.sectors[0];
    for (let k = 0; k < started; k++) {
      let sector: DemoSector;
      if (rng.chance(SAME_SECTOR_SHARE)) {
        sector = source.sectors.length === 1 || rng.chance(0.7) ? main : rng.pick(source.sectors);
      } else {
        const others = DEMO_SECTORS.filter((s) => !source.sectors.includes(s));
        sector = rng.weighted(others, others.map((s) => sectorProximity(main, s)));
      }
      const pool = targetsBySector.get(sector)!;
      if (pool.length === 0) continue;
      const target = pool[rng.weightedIndex(weightsBySector.get(sector)!)];
      if (target.person.id === source.person.id || world.tiedEitherWay(source.person.id, target.person.id)) continue;

      const sameSector = target.sectors.some((s) => source.sectors.includes(s));
      const trust = round(clamp(0.2 + 0.7 * ((rng.next() + rng.next()) / 2) + (sameSector ? 0.05 : 0), 0, 1), 2);
      const { since, lastContact } = drawTieDates(rng, world, world.startMs - 6 * YEAR_MS, world.endMs - 30 * DAY_MS);
      const tie: DraftTie = { from: source.person.id, to: target.person.id, trust, since, lastContact };
      if (!world.addTie(tie)) continue;
      if (source.role !== 'recruit' && rng.chance(RECIPROCITY)) {
        const back = drawTieDates(rng, world, since, since + 1);
        world.addTie({ from: tie.to, to: tie.from, trust: returnedTrust(rng, trust), since, lastContact: back.lastContact });
      }
    }
  }
}
