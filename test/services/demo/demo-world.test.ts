import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { eventSchema, introductionSchema, personSchema, tieSchema } from '../../../src/domain/model.ts';
import {
  ARCHETYPE_IDS,
  DEMO_DEFAULTS,
  DEMO_MEDIA,
  DEMO_SECTORS,
  DEMO_SKILLS,
  FUNDER_ID,
  RING_IDS,
  SEEKER_ID,
  generateDemoWorld,
  type DemoWorld,
} from '../../../src/services/demo/index.ts';

function hash(world: DemoWorld): string {
  return createHash('sha256').update(JSON.stringify(world)).digest('hex');
}

const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const world = generateDemoWorld();
const firstRunWallMs = performance.now() - wallBefore;
const firstRunCpu = process.cpuUsage(cpuBefore);
const firstRunCpuMs = (firstRunCpu.user + firstRunCpu.system) / 1000;
const personIds = new Set(world.people.map((p) => p.id));

describe('generateDemoWorld: size and shape', () => {
  it('uses the documented defaults', () => {
    expect(DEMO_DEFAULTS).toEqual({ seed: 42, people: 400, events: 6000, years: 10, end: '2026-06-30T00:00:00Z' });
  });

  it('generates the requested numbers of people and events, and ties and introductions in range', () => {
    expect(world.people).toHaveLength(400);
    expect(world.events).toHaveLength(6000);
    expect(world.ties.length).toBeGreaterThanOrEqual(2000);
    expect(world.ties.length).toBeLessThanOrEqual(3000);
    expect(world.introductions.length).toBeGreaterThanOrEqual(60);
  });

  it('generates the whole world in under a second', () => {
    // The first call in a fresh worker, JIT warm-up included. CPU time rather than wall time, so that other
    // processes competing for the machine (an embedded Neo4j, parallel test files) do not make it flaky.
    expect(firstRunCpuMs, `first run: ${firstRunCpuMs.toFixed(0)} ms CPU, ${firstRunWallMs.toFixed(0)} ms wall`).toBeLessThan(1000);
  });

  it('every record is valid under the model schemas and already in normal form', () => {
    // Collect mismatches and assert once: thousands of expect() calls make the test needlessly slow.
    const notNormal = (schema: { parse(x: unknown): unknown }, records: readonly { id?: string }[]): string[] =>
      records.filter((r) => !isDeepStrictEqual(schema.parse(r), r)).map((r) => r.id ?? '?');
    expect(notNormal(personSchema, world.people)).toEqual([]);
    expect(notNormal(eventSchema, world.events)).toEqual([]);
    expect(notNormal(tieSchema, world.ties)).toEqual([]);
    expect(notNormal(introductionSchema, world.introductions)).toEqual([]);
  });

  it('gives every record an explicit deterministic id', () => {
    const planted = new Set<string>([...Object.values(ARCHETYPE_IDS), ...RING_IDS, SEEKER_ID, FUNDER_ID]);
    const background = world.people.filter((p) => !planted.has(p.id)).map((p) => p.id);
    expect(background).toEqual(background.map((_, i) => `p-${String(i + 1).padStart(4, '0')}`));
    expect(world.people.length).toBe(background.length + planted.size);
    expect(world.events.map((e) => e.id)).toEqual(world.events.map((_, i) => `e-${String(i + 1).padStart(5, '0')}`));
    expect(world.introductions.map((i) => i.id)).toEqual(world.introductions.map((_, k) => `i-${String(k + 1).padStart(4, '0')}`));
    for (const t of world.ties) expect(t.id).toBe(`${t.from}->${t.to}`);
    expect(new Set(world.people.map((p) => p.name)).size).toBe(world.people.length);
  });

  it('keeps events within the ten years ending at `end`, in time order', () => {
    const end = Date.parse(DEMO_DEFAULTS.end);
    const start = end - 10 * 365.25 * 86_400_000;
    const times = world.events.map((e) => Date.parse(e.at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...times)).toBeLessThan(end);
    expect(times.filter((t, i) => i > 0 && t < times[i - 1])).toEqual([]);
    expect(world.ties.filter((t) => !(Date.parse(t.since!) <= Date.parse(t.lastContact!) && Date.parse(t.lastContact!) <= end))).toEqual([]);
    expect(world.introductions.filter((i) => !(Date.parse(i.at!) < end))).toEqual([]);
  });
});

describe('generateDemoWorld: referential integrity', () => {
  it("every event's drivers and reached people exist, without repeats", () => {
    const problems: string[] = [];
    for (const e of world.events) {
      if (e.drivers.length < 1 || e.drivers.length > 3) problems.push(`${e.id} has ${e.drivers.length} drivers`);
      if (e.reached.length > 20) problems.push(`${e.id} reaches ${e.reached.length}`);
      const ids = [...e.drivers.map((d) => d.person), ...e.reached.map((r) => r.person)];
      for (const id of ids) if (!personIds.has(id)) problems.push(`${e.id} names unknown ${id}`);
      if (new Set(ids).size !== ids.length) problems.push(`${e.id} names someone twice`);
    }
    expect(problems).toEqual([]);
  });

  it('has no self-tie and no duplicate (from, to) tie; ties name existing people', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const t of world.ties) {
      if (t.from === t.to) problems.push(`self-tie ${t.id}`);
      if (!personIds.has(t.from) || !personIds.has(t.to)) problems.push(`tie ${t.id} names an unknown person`);
      const key = `${t.from}|${t.to}`;
      if (seen.has(key)) problems.push(`duplicate tie ${key}`);
      seen.add(key);
    }
    expect(problems).toEqual([]);
  });

  it('introductions name three distinct existing people and never repeat a pair', () => {
    const pairs = new Set<string>();
    for (const i of world.introductions) {
      expect(new Set([i.introducer, i.a, i.b]).size).toBe(3);
      for (const id of [i.introducer, i.a, i.b]) expect(personIds.has(id)).toBe(true);
      const key = [i.a, i.b].sort().join('|');
      expect(pairs.has(key)).toBe(false);
      pairs.add(key);
      if (i.status === 'succeeded') expect(i.value).toBeGreaterThan(0);
    }
  });

  it("dates each outcome: closed ones after they were made and within the period, a success once the pair's tie began", () => {
    const end = Date.parse(DEMO_DEFAULTS.end);
    const since = new Map(world.ties.map((t) => [`${t.from}|${t.to}`, t.since]));
    const closed = world.introductions.filter((i) => ['succeeded', 'failed', 'declined'].includes(i.status));
    expect(closed.length).toBeGreaterThan(50);
    for (const i of world.introductions) {
      if (!closed.includes(i)) {
        expect(i.outcomeAt).toBeNull();
        continue;
      }
      const outcome = Date.parse(i.outcomeAt!);
      expect(outcome).toBeGreaterThan(Date.parse(i.at!));
      expect(outcome).toBeLessThanOrEqual(end);
      if (i.status === 'succeeded') expect(outcome).toBeGreaterThanOrEqual(Date.parse(since.get(`${i.a}|${i.b}`)!));
    }
    // not all on the day they were made: the outcomes spread over weeks
    const lags = new Set(closed.map((i) => Math.round((Date.parse(i.outcomeAt!) - Date.parse(i.at!)) / 86_400_000)));
    expect(lags.size).toBeGreaterThan(30);
  });
});

describe('generateDemoWorld: realistic background', () => {
  it('puts most people in one sector, some in two, over the eight sectors', () => {
    const oneSector = world.people.filter((p) => p.sectors.length === 1).length;
    expect(oneSector / world.people.length).toBeGreaterThan(0.6);
    expect(world.people.filter((p) => p.sectors.length === 2).length).toBeGreaterThan(40);
    const used = new Set(world.people.flatMap((p) => p.sectors));
    expect([...used].sort()).toEqual([...DEMO_SECTORS].sort());
  });

  it('draws offers and seeks from the skills vocabulary, with many complementary pairs', () => {
    const vocabulary = new Set<string>(DEMO_SKILLS);
    expect(world.people.flatMap((p) => [...p.offers, ...p.seeks]).filter((s) => !vocabulary.has(s))).toEqual([]);
    expect(world.people.filter((p) => p.offers.some((s) => p.seeks.includes(s))).map((p) => p.id)).toEqual([]);
    expect(world.people.filter((p) => p.offers.length === 0 || p.seeks.length === 0).map((p) => p.id)).toEqual([]);
    const used = new Set(world.people.flatMap((p) => [...p.offers, ...p.seeks]));
    expect(used.size).toBeGreaterThanOrEqual(28);
    let complementary = 0;
    for (const a of world.people) for (const b of world.people) if (a !== b && a.offers.some((s) => b.seeks.includes(s))) complementary++;
    expect(complementary).toBeGreaterThan(10_000);
  });

  it('clusters ties within sectors, with some across, and makes trust mostly but not exactly reciprocal', () => {
    const sectors = new Map(world.people.map((p) => [p.id, p.sectors]));
    const sameSector = world.ties.filter((t) => sectors.get(t.from)!.some((s) => sectors.get(t.to)!.includes(s))).length;
    expect(sameSector / world.ties.length).toBeGreaterThan(0.6);
    expect(sameSector / world.ties.length).toBeLessThan(0.95);
    const trust = new Map(world.ties.map((t) => [`${t.from}|${t.to}`, t.trust]));
    const reciprocal = world.ties.filter((t) => trust.has(`${t.to}|${t.from}`));
    expect(reciprocal.length / world.ties.length).toBeGreaterThan(0.5);
    const asymmetric = reciprocal.filter((t) => t.trust !== trust.get(`${t.to}|${t.from}`));
    expect(asymmetric.length / reciprocal.length).toBeGreaterThan(0.5);
  });

  it('has heterogeneous activity: a few very active people and a long tail', () => {
    const drove = new Map<string, number>();
    for (const e of world.events) for (const d of e.drivers) drove.set(d.person, (drove.get(d.person) ?? 0) + 1);
    const counts = [...drove.values()].sort((a, b) => b - a);
    const median = counts[Math.floor(counts.length / 2)];
    expect(counts[0]).toBeGreaterThan(8 * median);
    expect(drove.size).toBeGreaterThan(250);
  });

  it('mixes media, kinds, valence, magnitudes, broadcasts and a few explicit fades', () => {
    const media = new Set(world.events.map((e) => e.medium));
    expect([...media].sort()).toEqual([...DEMO_MEDIA].sort());
    expect(new Set(world.events.map((e) => e.kind)).size).toBeGreaterThanOrEqual(9);
    const negative = world.events.filter((e) => e.valence < 0).length / world.events.length;
    expect(negative).toBeGreaterThan(0.05);
    expect(negative).toBeLessThan(0.3);
    const magnitudes = world.events.map((e) => e.magnitude).sort((a, b) => a - b);
    expect(magnitudes[Math.floor(magnitudes.length / 2)]).toBeLessThan(5);
    expect(magnitudes.filter((m) => m >= 1 && m <= 10).length / magnitudes.length).toBeGreaterThan(0.75);
    expect(magnitudes.at(-1)!).toBeGreaterThan(25);
    const broadcasts = world.events.filter((e) => e.reached.length === 0).length;
    expect(broadcasts).toBeGreaterThan(100);
    const withFade = world.events.filter((e) => e.fade !== null).length / world.events.length;
    expect(withFade).toBeGreaterThan(0.01);
    expect(withFade).toBeLessThan(0.25);
    expect(world.events.some((e) => e.drivers.length >= 2)).toBe(true);
  });
});

  it('leaves a few requests not made yet: someone asked a person they trust for a contact who offers what they seek', () => {
    const people = new Map(world.people.map((p) => [p.id, p]));
    const trust = new Map(world.ties.map((t) => [`${t.from}|${t.to}`, t.trust]));
    const requests = world.introductions.filter((i) => i.status === 'suggested');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const r of requests) {
      const asker = people.get(r.a)!;
      const target = people.get(r.b)!;
      expect(trust.get(`${r.a}|${r.introducer}`), r.id).toBeGreaterThanOrEqual(0.5);
      expect(trust.has(`${r.b}|${r.introducer}`), r.id).toBe(true);
      expect(target.offers.some((s) => asker.seeks.includes(s)), r.id).toBe(true);
      expect(r.value, r.id).toBeNull();
    }
    // spread over the last months of the period, so some have waited long for the introducer
    const ages = requests.map((r) => (Date.parse(DEMO_DEFAULTS.end) - Date.parse(r.at!)) / 86_400_000);
    expect(Math.max(...ages)).toBeLessThanOrEqual(120);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(30);
  });

describe('generateDemoWorld: determinism and options', () => {
  it('same seed gives identical output', () => {
    const again = generateDemoWorld({ seed: 42 });
    expect(hash(again)).toBe(hash(world));
    // A deep comparison too (isDeepStrictEqual: vitest's toEqual on 6,000 events is slow).
    expect(isDeepStrictEqual(again, world)).toBe(true);
  });

  it('a different seed gives a different world with the same planted ids', () => {
    const other = generateDemoWorld({ seed: 7 });
    expect(hash(other)).not.toBe(hash(world));
    expect(other.people.map((p) => p.name)).not.toEqual(world.people.map((p) => p.name));
    expect(other.archetypes).toEqual(world.archetypes);
    expect(other.ring).toEqual(world.ring);
  });

  it('honours people, events, years and end', () => {
    const small = generateDemoWorld({ seed: 3, people: 200, events: 2500, years: 10, end: '2020-01-01' });
    expect(small.people).toHaveLength(200);
    expect(small.events).toHaveLength(2500);
    expect(Date.parse(small.events.at(-1)!.at)).toBeLessThan(Date.parse('2020-01-01'));
    expect(Date.parse(small.events[0].at)).toBeGreaterThanOrEqual(Date.parse('2020-01-01') - 10 * 365.25 * 86_400_000);
    const short = generateDemoWorld({ seed: 3, years: 5 });
    expect(Date.parse(short.events[0].at)).toBeGreaterThanOrEqual(Date.parse(DEMO_DEFAULTS.end) - 5 * 365.25 * 86_400_000);
  });

  it('rejects invalid options with a message naming the module', () => {
    expect(() => generateDemoWorld({ seed: 1.5 })).toThrow(/demo world: seed/);
    expect(() => generateDemoWorld({ people: 10 })).toThrow(/demo world: people/);
    expect(() => generateDemoWorld({ events: 100 })).toThrow(/demo world: events must be at least/);
    expect(() => generateDemoWorld({ years: 0 })).toThrow(/demo world: years/);
    expect(() => generateDemoWorld({ end: 'yesterday' })).toThrow(/demo world: end/);
  });
});
