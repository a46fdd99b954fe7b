/**
 * Projections for the time-and-influence tests: a tiny hand-checkable one, a seeded random one, and loaders for
 * the shared SNAP datasets (CollegeMsg, Bitcoin OTC) that the bench uses too.
 */
import { readFileSync } from 'node:fs';
import type { FadeSpec } from '../../../src/domain/model.ts';
import { type Projection, ProjectionBuilder } from '../../../src/domain/projection.ts';
import { sharedPath } from '../../support/shared.ts';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 1);

/**
 * People a, b, c, d. Default fades: post exp 7 d, rating exp 120 d, award power (365 d, 0.5), deal window 365 d.
 *   e1  day 0   post   music/video     m 2, v +1   a → b (w 1), c (w 0.5)
 *   e2  day 10  rating film/text       m 1, v −1   a, b → c
 *   e3  day 20  award  music/tv        m 3, v 0    c → a
 *   e4  day 5   deal   finance/in-person m 4, v .5 d (broadcast, reaches no one)
 *   e5  day 30  post   music/video     m 1, v 0    b → a, own fade none
 *   e6  day 40  post   music/video     m 1, v 0    a → a (self-reach: no edge)
 */
export function tinyProjection(): Projection {
  const b = new ProjectionBuilder();
  b.person({ id: 'a', name: 'Ana', sectors: ['music'], offers: [], seeks: [] });
  b.person({ id: 'b', name: 'Ben', sectors: ['film', 'music'], offers: [], seeks: [] });
  b.person({ id: 'c', name: 'Cy', sectors: ['film'], offers: [], seeks: [] });
  b.person({ id: 'd', name: 'Dee', sectors: ['finance'], offers: [], seeks: [] });
  const event = (id: string, day: number, kind: string, sector: string, medium: string, magnitude: number, valence: number, fade: FadeSpec | null = null) =>
    b.event({ id, at: T0 + day * DAY, kind, sector, medium, magnitude, valence, fade });
  event('e1', 0, 'post', 'music', 'video', 2, 1);
  event('e2', 10, 'rating', 'film', 'text', 1, -1);
  event('e3', 20, 'award', 'music', 'tv', 3, 0);
  event('e4', 5, 'deal', 'finance', 'in-person', 4, 0.5);
  event('e5', 30, 'post', 'music', 'video', 1, 0, { model: 'none' });
  event('e6', 40, 'post', 'music', 'video', 1, 0);
  b.drive('e1', 'a');
  b.reach('e1', 'b', 1);
  b.reach('e1', 'c', 0.5);
  b.drive('e2', 'a');
  b.drive('e2', 'b');
  b.reach('e2', 'c');
  b.drive('e3', 'c');
  b.reach('e3', 'a');
  b.drive('e4', 'd');
  b.drive('e5', 'b');
  b.reach('e5', 'a');
  b.drive('e6', 'a');
  b.reach('e6', 'a');
  return b.build();
}

/** mulberry32 */
export function seededRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KINDS = ['post', 'rating', 'award', 'deal', 'talk', 'mystery'];
const SECTORS = ['music', 'film', 'health', 'unknown-sector'];
const MEDIA = ['video', 'text', 'tv'];

/** Random events over `days` days, in random order, some with their own fade, some broadcasts. */
export function randomProjection(seed: number, people: number, events: number, days = 1000): Projection {
  const rng = seededRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const b = new ProjectionBuilder();
  for (let i = 0; i < people; i++) b.person({ id: `p${i}`, name: `P ${i}`, sectors: rng() < 0.5 ? [pick(SECTORS)] : [], offers: [], seeks: [] });
  const ownFades: FadeSpec[] = [
    { model: 'exponential', halfLifeDays: 3 },
    { model: 'power', tauDays: 30, alpha: 1.5 },
    { model: 'window', days: 50 },
    { model: 'none' },
  ];
  for (let e = 0; e < events; e++) {
    const id = `e${e}`;
    b.event({
      id,
      at: T0 + Math.floor(rng() * days * DAY),
      kind: pick(KINDS),
      sector: pick(SECTORS),
      medium: pick(MEDIA),
      magnitude: 0.5 + rng() * 3,
      valence: Math.round((rng() * 2 - 1) * 10) / 10,
      fade: rng() < 0.2 ? pick(ownFades) : null,
    });
    const drivers = 1 + Math.floor(rng() * 2);
    for (let k = 0; k < drivers; k++) b.drive(id, `p${Math.floor(rng() * people)}`);
    const reached = rng() < 0.15 ? 0 : 1 + Math.floor(rng() * 3);
    for (let k = 0; k < reached; k++) b.reach(id, `p${Math.floor(rng() * people)}`, 0.25 + rng());
  }
  return b.build();
}

/**
 * CollegeMsg (SRC DST UNIXTS): one 'message' event per line, sender drives, recipient is reached,
 * magnitude 1, valence 0, sector 'general', medium 'message'.
 */
export function collegeMsgProjection(): Projection {
  const text = readFileSync(sharedPath('data', 'college-msg', 'CollegeMsg.txt'), 'utf8');
  const b = new ProjectionBuilder();
  let i = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [src, dst, ts] = line.trim().split(/\s+/);
    const id = `m${i++}`;
    b.event({ id, at: Number(ts) * 1000, kind: 'message', sector: 'general', medium: 'message', magnitude: 1, valence: 0 });
    b.drive(id, src);
    b.reach(id, dst);
  }
  return b.build();
}

/**
 * Bitcoin OTC (SOURCE,TARGET,RATING,TIME): one 'rating' event per line. The person rated gains influence over
 * the rater (DESIGN.md): TARGET drives, SOURCE is reached; magnitude |rating|, valence sign(rating).
 */
export function bitcoinOtcProjection(): Projection {
  const text = readFileSync(sharedPath('data', 'bitcoin-otc', 'soc-sign-bitcoinotc.csv'), 'utf8');
  const b = new ProjectionBuilder();
  let i = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [src, dst, rating, ts] = line.split(',');
    const r = Number(rating);
    const id = `r${i++}`;
    b.event({ id, at: Math.round(Number(ts) * 1000), kind: 'rating', sector: 'trading', medium: 'platform', magnitude: Math.abs(r), valence: Math.sign(r) });
    b.drive(id, dst);
    b.reach(id, src);
  }
  return b.build();
}
