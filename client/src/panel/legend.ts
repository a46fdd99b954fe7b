/**
 * The colour legend (communities, named by their most common sectors, or sectors) and the "most influential
 * now" list that follows the slider.
 */
import type { ColorMode } from '../state.ts';
import type { Palette } from '../graph/reducers.ts';
import { OTHER_COLOR } from '../graph/palette.ts';
import { topK, type Scene } from '../graph/scene.ts';
import { clear, el } from './dom.ts';

export interface LegendEntry {
  color: string;
  label: string;
  count: number;
  /** a second, quieter line: whom a community is around, when its sectors alone do not tell it apart */
  note?: string;
}

const MAX_ENTRIES = 10;

/**
 * Legend rows for the colour mode, largest groups first, the rest folded into "other". A community is named by
 * its two most common sectors; one whose people have no sector (imported SNAP data), or whose two sectors are
 * those of another community too (the demo's closed ring is "finance · technology" beside the larger
 * "technology · finance"), is named after its most prominent person as well: the largest by the size metric.
 */
export function legendEntries(scene: Scene, mode: ColorMode, palette: Palette): LegendEntry[] {
  interface Group {
    color: string;
    label: string;
    count: number;
    sectors: Map<string, number>;
    hub: { name: string; score: number } | null;
  }
  const groups = new Map<string, Group>();
  scene.graph.forEachNode((_n, a) => {
    const sector = a.sectors[0] ?? 'no sector';
    const key = mode === 'community' ? `c${a.community}` : sector;
    let g = groups.get(key);
    if (!g) {
      const color = mode === 'community' ? (palette.community.get(a.community) ?? OTHER_COLOR) : (palette.sector.get(sector) ?? OTHER_COLOR);
      g = { color, label: mode === 'community' ? `Community ${a.community}` : sector, count: 0, sectors: new Map(), hub: null };
      groups.set(key, g);
    }
    g.count++;
    for (const s of a.sectors) g.sectors.set(s, (g.sectors.get(s) ?? 0) + 1);
    if (g.hub === null || a.score > g.hub.score || (a.score === g.hub.score && a.label < g.hub.name)) g.hub = { name: a.label, score: a.score };
  });
  const ordered = [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const shown: { group: Group; top: string[] }[] = [];
  let other = 0;
  for (const g of ordered) {
    if (shown.length >= MAX_ENTRIES || g.color === OTHER_COLOR) {
      other += g.count;
      continue;
    }
    const top = mode === 'community' ? [...g.sectors.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([s]) => s) : [];
    shown.push({ group: g, top });
  }
  const setKey = (top: string[]) => [...top].sort().join('\u0000');
  const sameSectors = new Map<string, number>();
  for (const { top } of shown) if (top.length > 0) sameSectors.set(setKey(top), (sameSectors.get(setKey(top)) ?? 0) + 1);
  const entries: LegendEntry[] = shown.map(({ group: g, top }): LegendEntry => {
    const entry = { color: g.color, label: g.label, count: g.count };
    if (mode !== 'community') return entry;
    const around = g.hub ? `around ${g.hub.name}` : g.label;
    if (top.length === 0) return { ...entry, label: around };
    return sameSectors.get(setKey(top))! > 1 ? { ...entry, label: top.join(' · '), note: around } : { ...entry, label: top.join(' · ') };
  });
  if (other > 0) entries.push({ color: OTHER_COLOR, label: 'other', count: other });
  return entries;
}

export function renderLegend(root: HTMLElement, entries: readonly LegendEntry[]): void {
  clear(root);
  root.append(
    ...entries.map((e) =>
      el('li', { class: 'legend-row' }, [
        el('i', { class: 'dot', style: { background: e.color } }),
        el('span', { class: 'legend-label', title: e.note ? `${e.label}, ${e.note}` : e.label }, [
          e.label,
          ...(e.note ? [el('span', { class: 'legend-note', text: e.note })] : []),
        ]),
        el('span', { class: 'legend-count', text: e.count.toLocaleString('en') }),
      ]),
    ),
  );
}

export interface TopListOptions {
  onSelect(id: string): void;
  onHover(id: string | null): void;
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
    root.append(el('li', { class: 'muted small', text: 'Nobody is active at this time.' }));
    return;
  }
  rows.forEach((r, k) => {
    const a = scene.graph.getNodeAttributes(r.id);
    const color = mode === 'community' ? (palette.community.get(a.community) ?? OTHER_COLOR) : (palette.sector.get(a.sectors[0] ?? '') ?? OTHER_COLOR);
    const item = el('li', { class: 'top-row', attrs: { 'data-id': r.id } }, [
      el('span', { class: 'top-rank', text: k + 1 }),
      el('button', { class: 'top-name link', text: r.name, attrs: { type: 'button' } }),
      el('span', { class: 'top-bar' }, [el('span', { class: 'top-fill', style: { width: `${(r.value / max) * 100}%`, background: color } })]),
    ]);
    item.querySelector('button')!.addEventListener('click', () => opts.onSelect(r.id));
    item.addEventListener('mouseenter', () => opts.onHover(r.id));
    item.addEventListener('mouseleave', () => opts.onHover(null));
    root.append(item);
  });
}
