/**
 * The demo world generator: `generateDemoWorld(options)` returns people, events, ties and introductions
 * (valid under the schemas of src/domain/model.ts) with planted archetypes at fixed ids.
 */
export { generateDemoWorld, DEMO_DEFAULTS, MIN_DEMO_PEOPLE } from './demo-world.ts';
export type { DemoWorld, DemoWorldOptions } from './demo-world.ts';
export { ARCHETYPE_IDS, RING_IDS, SEEKER_ID, FUNDER_ID } from './archetypes.ts';
export type { ArchetypeName } from './archetypes.ts';
export { DEMO_SECTORS, DEMO_SKILLS, DEMO_MEDIA, DEMO_KINDS } from './vocabulary.ts';
export type { DemoSector, DemoSkill, DemoMedium, DemoKind } from './vocabulary.ts';
