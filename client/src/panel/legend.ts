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
}

const MAX_ENTRIES = 10;

/** Legend rows for the colour mode, largest groups first, the rest folded into "other". */
export function legendEntries(scene: Scene, mode: ColorMode, palette: Palette): LegendEntry[] {
  const groups = new Map<string, { color: string; label: string; count: number; sectors: Map<string, number> }>();
  scene.graph.forEachNode((_n, a) => {
    const sector = a.sectors[0] ?? 'no sector';
    const key = mode === 'community' ? `c${a.community}` : sector;
    let g = groups.get(key);
    if (!g) {
      const color = mode === 'community' ? (palette.community.get(a.community) ?? OTHER_COLOR) : (palette.sector.get(sector) ?? OTHER_COLOR);
      g = { color, label: mode === 'community' ? `Community ${a.community}` : sector, count: 0, sectors: new Map() };
      groups.set(key, g);
    }
    g.count++;
    for (const s of a.sectors) g.sectors.set(s, (g.sectors.get(s) ?? 0) + 1);
  });
  const ordered = [...groups.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const entries: LegendEntry[] = [];
  let other = 0;
  for (const g of ordered) {
    if (entries.length >= MAX_ENTRIES || g.color === OTHER_COLOR) {
      other += g.count;
      continue;
    }
    let label = g.label;
    if (mode === 'community') {
      const top = [...g.sectors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([s]) => s);
      if (top.length) label = top.join(' · ');
    }
    entries.push({ color: g.color, label, count: g.count });
  }
  if (other > 0) entries.push({ color: OTHER_COLOR, label: 'other', count: other });
  return entries;
}

export function renderLegend(root: HTMLElement, entries: readonly LegendEntry[]): void {
  clear(root);
  root.append(
    ...entries.map((e) =>
      el('li', { class: 'legend-row' }, [
        el('i', { class: 'dot', style: { background: e.color } }),
        el('span', { class: 'legend-label', text: e.label, title: e.label }),
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
