/**
 * "Suspected rings" in the sidebar: groups of accounts whose influence comes from each other alone (the server's
 * `/api/rings`, engine/rings.ts), each with its members, the evidence, and where the map's ranking puts the best
 * placed of them, so a user sees both the abuse and whether the ranking shown resists it. Hovering a ring lights
 * its members and the ties among them on the map; Show brings them into view.
 */
import type { RingsResponse } from '../../../src/api/contract.ts';
import { clear, el } from './dom.ts';

export type SuspectedRing = RingsResponse['rings'][number];

/** A member's place in the map's ranking: 1 + how many shown people the map sizes larger; null when not shown. */
export type RankOf = (id: string) => { rank: number; of: number } | null;

/** The evidence in words: "4 of 5 possible pairs vouch for each other both ways; 98 % of their influence never leaves them". */
export function ringEvidence(ring: Pick<SuspectedRing, 'members' | 'density' | 'closedness'>): string {
  const n = ring.members.length;
  const pairs = (n * (n - 1)) / 2;
  const mutual = Math.round(ring.density * pairs);
  // rounded down, so a group that lets a little out never reads as 100 % closed
  const closed = Math.floor(ring.closedness * 100);
  return `${mutual} of ${pairs} possible pairs vouch for each other both ways; ${closed} % of their influence never leaves them`;
}

/** The member the map ranks highest, with that rank; null when none of them is on the map. */
export function bestPlaced(ring: Pick<SuspectedRing, 'members'>, rankOf: RankOf): { name: string; rank: number; of: number } | null {
  let best: { name: string; rank: number; of: number } | null = null;
  for (const m of ring.members) {
    const r = rankOf(m.id);
    if (r && (best === null || r.rank < best.rank)) best = { name: m.name, ...r };
  }
  return best;
}

/**
 * What the ranking shown makes of the ring: where its best placed member stands, and with Trusted PageRank whether
 * its seeds keep clear of the ring (a seed inside it hands the ring the rank it could not earn).
 */
export function ringStanding(ring: Pick<SuspectedRing, 'members'>, rankOf: RankOf, metric: RingMetric): string | null {
  const best = bestPlaced(ring, rankOf);
  if (best === null) return null;
  const place = `#${best.rank.toLocaleString('en')} of ${best.of.toLocaleString('en')}`;
  if (!metric.trusted) return `${metric.label} puts ${best.name} ${place} on this map.`;
  const seeded = ring.members.filter((m) => metric.seeds.has(m.id)).map((m) => m.name);
  if (seeded.length > 0) return `${metric.label} puts ${best.name} ${place}, but ${seeded.join(', ')} ${seeded.length === 1 ? 'is a seed' : 'are seeds'}: remove them to rank the ring on its merits.`;
  return `${metric.label}, started from people outside it, puts the best of them ${place} (${best.name}).`;
}

/** The ranking the map shows: its label, and for Trusted PageRank the seeds it ran with. */
export interface RingMetric {
  label: string;
  trusted: boolean;
  seeds: ReadonlySet<string>;
}

export interface RingsOptions {
  rankOf: RankOf;
  metric: RingMetric;
  onSelect(id: string): void;
  /** the members to light on the map, or null to stop */
  onHover(ids: string[] | null): void;
  onShow(ids: string[]): void;
  /** size the map by Trusted PageRank (offered when another metric is shown) */
  onTrusted(): void;
}

/**
 * Renders the rings into `root`, or a line saying none was found (the guard ran). Called at every step of
 * the time slider: when the rings and the ranking's kind are those already shown, only the standings change, in
 * place, so a card under the pointer (its hover, a click on Show) is not replaced while the map plays.
 */
export function renderRings(root: HTMLElement, rings: readonly SuspectedRing[], opts: RingsOptions): void {
  const key = JSON.stringify([rings, opts.metric.trusted]);
  const standings = rings.map((ring) => ringStanding(ring, opts.rankOf, opts.metric));
  const shown = root.querySelectorAll<HTMLElement>('.ring-standing');
  if (root.dataset.key === key && shown.length === rings.length) {
    shown.forEach((p, k) => setStanding(p, standings[k]!));
    return;
  }
  root.dataset.key = key;
  clear(root);
  if (rings.length === 0) {
    root.append(el('p', { class: 'muted small', text: 'None found: no group here builds its influence on each other alone.' }));
    return;
  }
  rings.forEach((ring, k) => {
    const ids = ring.members.map((m) => m.id);
    const names = el('p', { class: 'ring-members small' });
    ring.members.forEach((m, k) => {
      if (k > 0) names.append(', ');
      names.append(el('button', { class: 'link', text: m.name, attrs: { type: 'button', 'data-id': m.id }, on: { click: () => opts.onSelect(m.id) } }));
    });
    const standing = el('p', { class: 'small ring-standing' });
    setStanding(standing, standings[k]!);
    const card = el('article', { class: 'ring', attrs: { 'data-members': ids.join(',') } }, [
      el('header', { class: 'ring-head' }, [
        el('strong', { class: 'ring-title', text: `⚠ ${ring.members.length} accounts that vouch for each other` }),
        el('button', {
          class: 'link small',
          text: 'Show',
          title: 'Bring them into view on the map',
          attrs: { type: 'button' },
          on: { click: () => opts.onShow(ids) },
        }),
      ]),
      names,
      el('p', { class: 'muted small', text: `${ringEvidence(ring)}.` }),
      standing,
      opts.metric.trusted
        ? null
        : el('button', {
            class: 'link small',
            text: 'Rank by Trusted PageRank',
            title: 'Size the map by PageRank started from trusted people only, which a ring cannot raise itself in',
            attrs: { type: 'button' },
            on: { click: () => opts.onTrusted() },
          }),
    ]);
    card.addEventListener('mouseenter', () => opts.onHover(ids));
    card.addEventListener('mouseleave', () => opts.onHover(null));
    // tabbing into a card (its Show, its names) lights the ring as hovering does
    card.addEventListener('focusin', () => opts.onHover(ids));
    card.addEventListener('focusout', (event) => {
      if (!card.contains(event.relatedTarget as Node | null)) opts.onHover(null);
    });
    root.append(card);
  });
}

function setStanding(p: HTMLElement, text: string | null): void {
  p.hidden = text === null;
  if (p.textContent !== (text ?? '')) p.textContent = text ?? '';
}
