/**
 * The colour legend (communities, named by their most common sectors, or sectors) and the "most influential
 * now" list that follows the slider.
 */
import type { ColorMode } from '../state.ts';
import type { Palette } from '../graph/reducers.ts';
import { OTHER_COLOR } from '../graph/palette.ts';
import { nodeValueAt, topK, type Scene } from '../graph/scene.ts';
import { clear, el, formatDate } from './dom.ts';

export interface LegendEntry {
  color: string;
  label: string;
  count: number;
  /** a second, quieter line: whom a community is around, when its sectors alone do not tell it apart */
  note?: string;
  /** the people it counts (ids), lit on the map while the row is hovered */
  members: string[];
}

const MAX_ENTRIES = 10;

interface Group {
  key: string;
  color: string;
  label: string;
  count: number;
  members: string[];
  sectors: Map<string, number>;
  hub: { name: string; score: number } | null;
}

/** The scene's people grouped by community or by first sector, largest groups first. */
function groupsOf(scene: Scene, mode: ColorMode, palette: Palette): Group[] {
  const groups = new Map<string, Group>();
  scene.graph.forEachNode((id, a) => {
    const sector = a.sectors[0] ?? 'no sector';
    const key = mode === 'community' ? String(a.community) : sector;
    let g = groups.get(key);
    if (!g) {
      const color = mode === 'community' ? (palette.community.get(a.community) ?? OTHER_COLOR) : (palette.sector.get(sector) ?? OTHER_COLOR);
      g = { key, color, label: mode === 'community' ? `Community ${a.community}` : sector, count: 0, members: [], sectors: new Map(), hub: null };
      groups.set(key, g);
    }
    g.count++;
    g.members.push(id);
    for (const s of a.sectors) g.sectors.set(s, (g.sectors.get(s) ?? 0) + 1);
    if (g.hub === null || a.score > g.hub.score || (a.score === g.hub.score && a.label < g.hub.name)) g.hub = { name: a.label, score: a.score };
  });
  return [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * Names for community groups: their two most common sectors; a group whose people have no sector (imported SNAP
 * data), or whose two sectors are those of another group too (the demo's closed ring is "finance · technology"
 * beside the larger "technology · finance"), is named after its most prominent person as well: the largest by
 * the size metric.
 */
function nameCommunities(groups: readonly Group[]): LegendEntry[] {
  const tops = groups.map((g) => [...g.sectors.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([s]) => s));
  const setKey = (top: string[]) => [...top].sort().join('\u0000');
  const sameSectors = new Map<string, number>();
  for (const top of tops) if (top.length > 0) sameSectors.set(setKey(top), (sameSectors.get(setKey(top)) ?? 0) + 1);
  return groups.map((g, i): LegendEntry => {
    const top = tops[i]!;
    const entry = { color: g.color, label: g.label, count: g.count, members: g.members };
    const around = g.hub ? `around ${g.hub.name}` : g.label;
    if (top.length === 0) return { ...entry, label: around };
    return sameSectors.get(setKey(top))! > 1 ? { ...entry, label: top.join(' · '), note: around } : { ...entry, label: top.join(' · ') };
  });
}

/**
 * Legend rows for the colour mode, largest groups first, the rest (and communities of one, which share the grey
 * of "other") folded into "other". Communities are named as by nameCommunities.
 */
export function legendEntries(scene: Scene, mode: ColorMode, palette: Palette): LegendEntry[] {
  const shown: Group[] = [];
  const other: string[] = [];
  for (const g of groupsOf(scene, mode, palette)) {
    if (shown.length >= MAX_ENTRIES || g.color === OTHER_COLOR) other.push(...g.members);
    else shown.push(g);
  }
  const entries: LegendEntry[] =
    mode === 'community' ? nameCommunities(shown) : shown.map((g) => ({ color: g.color, label: g.label, count: g.count, members: g.members }));
  if (other.length > 0) entries.push({ color: OTHER_COLOR, label: 'other', count: other.length, members: other });
  return entries;
}

/**
 * The legend's name and colour of each community shown in the colour legend (by community id), whatever the
 * colour mode: the person panel names a person's community the way the map's legend does.
 */
export function communityNames(scene: Scene, palette: Palette): Map<number, LegendEntry> {
  const shown = groupsOf(scene, 'community', palette).filter((g) => g.color !== OTHER_COLOR).slice(0, MAX_ENTRIES);
  const names = nameCommunities(shown);
  return new Map(shown.map((g, i) => [Number(g.key), names[i]!]));
}

export interface LegendOptions {
  /** a row's people to light on the map, or null to stop */
  onHover(ids: string[] | null): void;
  /** a row clicked: bring its people into view */
  onShow(ids: string[]): void;
}

export function renderLegend(root: HTMLElement, entries: readonly LegendEntry[], opts?: LegendOptions): void {
  clear(root);
  root.append(
    ...entries.map((e) => {
      const name = e.note ? `${e.label}, ${e.note}` : e.label;
      const row = el('li', { class: `legend-row${opts ? ' lights' : ''}`, title: opts ? `${name}: hover to light them on the map, click to fly to them` : name }, [
        el('i', { class: 'dot', style: { background: e.color } }),
        el('span', { class: 'legend-label' }, [e.label, ...(e.note ? [el('span', { class: 'legend-note', text: e.note })] : [])]),
        el('span', { class: 'legend-count', text: e.count.toLocaleString('en') }),
      ]);
      if (opts) {
        // the keyboard too: Tab lights a row as hovering does, Enter or Space flies to its people
        row.tabIndex = 0;
        row.setAttribute('role', 'button');
        row.setAttribute('aria-label', `${name}: ${e.count.toLocaleString('en')} people. Light them on the map; press to fly to them`);
        for (const on of ['mouseenter', 'focus'] as const) row.addEventListener(on, () => opts.onHover(e.members));
        for (const off of ['mouseleave', 'blur'] as const) row.addEventListener(off, () => opts.onHover(null));
        row.addEventListener('click', () => opts.onShow(e.members));
        row.addEventListener('keydown', (event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          opts.onShow(e.members);
        });
      }
      return row;
    }),
  );
}

export interface TopListOptions {
  onSelect(id: string): void;
  onHover(id: string | null): void;
  /** Trusted PageRank's seeds: marked, since every jump of its walk lands on them (their rank is partly given) */
  seeds?: ReadonlySet<string>;
  /** the moment the list's movement is counted from (a year before the slider's), on the timeline; none all time */
  since?: { position: number; time: number } | null;
}

/** How far back the top list's movement looks: a year before the slider's time. */
export const MOVEMENT_WINDOW_MS = 365 * 86_400_000;

/**
 * Each one's joint rank at a timeline position among the people the map shows (1 + how many had more then, as the
 * map sizes them), or null for someone with nothing then. O(n) per person asked.
 */
export function ranksAt(scene: Scene, ids: readonly string[], position: number): (number | null)[] {
  const tl = scene.timeline;
  if (!tl) return ids.map(() => null);
  const values = Float64Array.from(scene.nodeIds, (_id, i) => nodeValueAt(tl, i, position));
  return ids.map((id) => {
    const v = values[scene.graph.getNodeAttribute(id, 'i')]!;
    if (!(v > 0)) return null;
    let rank = 1;
    for (let j = 0; j < values.length; j++) if (values[j]! > v) rank++;
    return rank;
  });
}

/** A rank's move since an earlier one: "▲3" up, "▼2" down, "new" (nothing then), "" (the same place). */
export function movement(now: number, before: number | null): { text: string; kind: 'up' | 'down' | 'new' | 'same' } {
  if (before === null) return { text: 'new', kind: 'new' };
  if (before > now) return { text: `▲${before - now}`, kind: 'up' };
  if (before < now) return { text: `▼${now - before}`, kind: 'down' };
  return { text: '', kind: 'same' };
}

/** The line under the list saying what its moves count: "▲▼ places since 1 Mar 2020, among the 400 people on the map". */
export function movesCaption(since: number, shown: number): string {
  return `▲▼ places moved since ${formatDate(since)}, among the ${shown.toLocaleString('en-US')} people on the map`;
}

/** The tooltip of a move: where they stood then. */
function movementTitle(before: number | null, time: number): string {
  return before === null ? `Nothing to rank on ${formatDate(time)}, a year before` : `#${before} on ${formatDate(time)}, a year before`;
}

/** The k most influential nodes of the current frame, best first (O(n·k), no sort of the whole graph). */
export function topNodes(scene: Scene, k: number): { id: string; name: string; value: number }[] {
  const { nodeValue } = scene.frame;
  return [...topK(scene.nodeIds, nodeValue, k)].map((id) => {
    const a = scene.graph.getNodeAttributes(id);
    return { id, name: a.label, value: nodeValue[a.i] ?? 0 };
  });
}

export function renderTopList(root: HTMLElement, scene: Scene, palette: Palette, mode: ColorMode, opts: TopListOptions): void {
  const rows = topNodes(scene, 8);
  const max = rows[0]?.value ?? 1;
  clear(root);
  if (rows.length === 0) {
    const basis = scene.timeline?.basis;
    const text =
      basis === 'introducer' ? 'No introduction has borne fruit by this time.' : basis === 'trust' ? 'Nobody trusts anyone yet at this time.' : 'Nobody is active at this time.';
    root.append(el('li', { class: 'muted small', text }));
    return;
  }
  // over time, each one's move since a year before, among the people shown
  const since = opts.since ?? null;
  const ids = rows.map((r) => r.id);
  const now = since ? ranksAt(scene, ids, scene.frame.position) : null;
  const before = since ? ranksAt(scene, ids, since.position) : null;
  root.classList.toggle('with-moves', since !== null);
  rows.forEach((r, k) => {
    const a = scene.graph.getNodeAttributes(r.id);
    const color = mode === 'community' ? (palette.community.get(a.community) ?? OTHER_COLOR) : (palette.sector.get(a.sectors[0] ?? '') ?? OTHER_COLOR);
    const move = since && now && before ? movement(now[k] ?? k + 1, before[k]!) : null;
    const item = el('li', { class: 'top-row', attrs: { 'data-id': r.id } }, [
      el('span', { class: 'top-rank', text: k + 1 }),
      el('button', { class: 'top-name link', text: r.name, attrs: { type: 'button' } }, [
        opts.seeds?.has(r.id) ? el('span', { class: 'seed-mark', text: 'seed', title: "One of Trusted PageRank's seeds: every jump of its walk lands on them" }) : null,
      ]),
      move ? el('span', { class: `top-move ${move.kind}`, text: move.text, title: movementTitle(before![k]!, since!.time) }) : null,
      el('span', { class: 'top-bar' }, [el('span', { class: 'top-fill', style: { width: `${(r.value / max) * 100}%`, background: color } })]),
    ]);
    item.querySelector('button')!.addEventListener('click', () => opts.onSelect(r.id));
    item.addEventListener('mouseenter', () => opts.onHover(r.id));
    item.addEventListener('mouseleave', () => opts.onHover(null));
    root.append(item);
  });
}
