/**
 * The demo world: a synthetic influence network generated deterministically from a seed by our own code
 * (no copied data), for trying the product and for tests.
 *
 * About 400 people over eight sectors with complementary offers and needs, ~2,500 directed KNOWS ties
 * clustered by sector, ~6,000 events over ten years across media and kinds, background introductions, and
 * planted archetypes with fixed ids (see archetypes.ts) that exercise each idea of DESIGN.md: a fad, a
 * lasting figure, a comeback, a cross-sector figure, a controversial figure, a one-medium podcaster, a
 * trusted connector, a collusion ring, and the "whom should Ana meet?" story.
 *
 * Same options → identical output (a seeded mulberry32 stream per phase; no Math.random, no clock: the end
 * date is an option). Cost: O(E · n) for E events and n people; the defaults take well under a second.
 */
import type { InfluenceEvent, IntroductionInput, Person, TieInput } from '../../domain/model.ts';
import {
  ARCHETYPE_IDS,
  PLANTED_NAMES,
  RING_IDS,
  addPlantedEvents,
  addPlantedPeople,
  addPlantedTies,
  chooseRecruits,
  type ArchetypeName,
} from './archetypes.ts';
import { addBackgroundEvents } from './events.ts';
import { addBackgroundIntroductions, addConnectorIntroductions, addIntroductionRequests } from './introductions.ts';
import { NameMaker } from './names.ts';
import { addBackgroundPeople } from './people.ts';
import { createRng } from './rng.ts';
import { addBackgroundTies } from './ties.ts';
import { WorldBuilder, YEAR_MS } from './world-builder.ts';

export interface DemoWorldOptions {
  /** Seed of the pseudo-random streams (a safe integer). */
  seed?: number;
  /** Total number of people, planted ones included (≥ 150). */
  people?: number;
  /** Total number of events, planted ones included (at least what the archetypes need, ~800 for ten years). */
  events?: number;
  /** Length of the covered period in years, ending at `end` (2..100; the archetypes are laid out for ~10). */
  years?: number;
  /** End of the covered period, an ISO-8601 date or date-time. */
  end?: string;
}

export const DEMO_DEFAULTS = {
  seed: 42,
  people: 400,
  events: 6000,
  years: 10,
  end: '2026-06-30T00:00:00Z',
} as const satisfies Required<DemoWorldOptions>;

export interface DemoWorld {
  people: Person[];
  events: InfluenceEvent[];
  /** KNOWS ties, each with an explicit id (`from->to`). */
  ties: TieInput[];
  /** Introductions, each with an explicit id and `at`, in time order. */
  introductions: IntroductionInput[];
  /** The planted archetypes' person ids. */
  archetypes: Record<ArchetypeName, string>;
  /** The collusion ring's person ids. */
  ring: string[];
}

export const MIN_DEMO_PEOPLE = 150;
/** Introductions made by the planted connector. */
const CONNECTOR_INTRODUCTIONS = 36;
/** Background introductions per person. */
const BACKGROUND_INTRODUCTION_RATE = 0.15;
/** Requests for an introduction not made yet, per person. */
const INTRODUCTION_REQUEST_RATE = 0.02;
/** Share of background people who are the ring's recruits. */
const RECRUIT_SHARE = 0.06;

function validate(options: DemoWorldOptions): Required<DemoWorldOptions> & { endMs: number } {
  const o = { ...DEMO_DEFAULTS, ...options };
  if (!Number.isSafeInteger(o.seed)) throw new Error(`demo world: seed must be a safe integer, got ${o.seed}`);
  if (!Number.isInteger(o.people) || o.people < MIN_DEMO_PEOPLE || o.people > 100_000) {
    throw new Error(`demo world: people must be an integer from ${MIN_DEMO_PEOPLE} to 100000, got ${o.people}`);
  }
  if (!Number.isInteger(o.events) || o.events < 0 || o.events > 2_000_000) {
    throw new Error(`demo world: events must be an integer from 0 to 2000000, got ${o.events}`);
  }
  if (!Number.isFinite(o.years) || o.years < 2 || o.years > 100) {
    throw new Error(`demo world: years must be a number from 2 to 100, got ${o.years}`);
  }
  const endMs = Date.parse(o.end);
  if (Number.isNaN(endMs)) throw new Error(`demo world: end must be an ISO-8601 date or date-time, got ${JSON.stringify(o.end)}`);
  return { ...o, endMs };
}

export function generateDemoWorld(options: DemoWorldOptions = {}): DemoWorld {
  const o = validate(options);
  const rng = createRng(o.seed);
  const world = new WorldBuilder(o.endMs - o.years * YEAR_MS, o.endMs);

  addPlantedPeople(world, rng.fork('planted-people'));
  const backgroundPeople = o.people - world.profiles.length;
  addBackgroundPeople(world, rng.fork('people'), new NameMaker(rng.fork('names'), PLANTED_NAMES), backgroundPeople);
  const recruits = chooseRecruits(world, rng.fork('recruits'), Math.round(RECRUIT_SHARE * backgroundPeople));

  addBackgroundTies(world, rng.fork('ties'));
  addPlantedTies(world, rng.fork('planted-ties'), recruits);

  addConnectorIntroductions(world, rng.fork('connector-introductions'), ARCHETYPE_IDS.connector, CONNECTOR_INTRODUCTIONS);
  addBackgroundIntroductions(world, rng.fork('introductions'), Math.round(BACKGROUND_INTRODUCTION_RATE * o.people));
  addIntroductionRequests(world, rng.fork('introduction-requests'), Math.round(INTRODUCTION_REQUEST_RATE * o.people));

  addPlantedEvents(world, rng.fork('planted-events'), recruits);
  const backgroundEvents = o.events - world.events.length;
  if (backgroundEvents < 0) {
    throw new Error(`demo world: events must be at least ${world.events.length} (what the planted archetypes need for ${o.years} years), got ${o.events}`);
  }
  addBackgroundEvents(world, rng.fork('events'), backgroundEvents);

  return { ...world.finish(), archetypes: { ...ARCHETYPE_IDS }, ring: [...RING_IDS] };
}
