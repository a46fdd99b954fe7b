/**
 * A small SVG stacked bar chart: one bar per period, one coloured part per series (introductions by what came of
 * them). Each bar has a tooltip with its numbers, the tallest bar's value labels the y axis, and a few periods
 * label the x axis; with `onBar`, clicking a bar tells which. Labels are text nodes.
 */
const SVG = 'http://www.w3.org/2000/svg';

export interface StackSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackBar {
  label: string;
  values: Readonly<Record<string, number>>;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "May 2026: 3 succeeded, 1 failed" (parts with none are left out; "nothing recorded" when all are). */
export function barTooltip(bar: StackBar, series: readonly StackSeries[]): string {
  const parts = series.filter((s) => (bar.values[s.key] ?? 0) > 0).map((s) => `${bar.values[s.key]} ${s.label.toLowerCase()}`);
  return `${bar.label}: ${parts.length > 0 ? parts.join(', ') : 'nothing recorded'}`;
}

/** Which bars get an x label: the first, the last, and evenly spaced ones between, at most `most` in all. */
export function labelledBars(count: number, most: number): number[] {
  if (count <= 0) return [];
  if (count <= most) return Array.from({ length: count }, (_, k) => k);
  const step = Math.ceil((count - 1) / (most - 1));
  const picked: number[] = [];
  for (let k = 0; k < count - 1; k += step) picked.push(k);
  // the last label replaces one that would crowd it
  if (picked.length > 0 && count - 1 - picked[picked.length - 1]! < step / 2) picked.pop();
  picked.push(count - 1);
  return picked;
}

export function stackedBars(
  bars: readonly StackBar[],
  series: readonly StackSeries[],
  opts: { width?: number; height?: number; label: string; onBar?(index: number): void } = { label: 'chart' },
): SVGSVGElement {
  const width = opts.width ?? 420;
  const height = opts.height ?? 150;
  const left = 26;
  const bottom = 18;
  const top = 6;
  const plotH = height - bottom - top;
  const plotW = width - left - 4;
  const totals = bars.map((b) => series.reduce((sum, s) => sum + (b.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.max(1, Math.min(28, slot * 0.72));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'stacked-bars', role: 'img', 'aria-label': opts.label });
  root.append(
    svg('line', { x1: left, x2: width - 4, y1: top + plotH + 0.5, y2: top + plotH + 0.5, class: 'sb-axis' }),
    svg('text', { x: left - 5, y: top + 8, 'text-anchor': 'end', class: 'sb-tick' }, String(max)),
    svg('text', { x: left - 5, y: top + plotH, 'text-anchor': 'end', class: 'sb-tick' }, '0'),
  );
  bars.forEach((bar, k) => {
    const x = left + k * slot + (slot - barW) / 2;
    const group = svg('g', { class: opts.onBar ? 'bar clickable' : 'bar', 'data-label': bar.label, 'data-total': totals[k]! });
    if (opts.onBar) {
      // a button for the keyboard too: Tab to a bar, Enter or Space picks it
      for (const [name, value] of Object.entries({ tabindex: '0', role: 'button', 'aria-label': barTooltip(bar, series) })) group.setAttribute(name, value);
      group.addEventListener('click', () => opts.onBar!(k));
      group.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        opts.onBar!(k);
      });
    }
    group.append(svg('title', {}, barTooltip(bar, series)));
    // an invisible full-height strip, so thin bars still show their tooltip
    group.append(svg('rect', { x: left + k * slot, y: top, width: slot, height: plotH, fill: 'transparent' }));
    let y = top + plotH;
    for (const s of series) {
      const v = bar.values[s.key] ?? 0;
      if (v <= 0) continue;
      const h = (v / max) * plotH;
      y -= h;
      group.append(svg('rect', { x, y, width: barW, height: h, fill: s.color, 'data-series': s.key }));
    }
    root.append(group);
  });
  for (const k of labelledBars(bars.length, Math.max(2, Math.floor(plotW / 70)))) {
    const anchor = bars.length > 1 && k === 0 ? 'start' : k === bars.length - 1 && bars.length > 1 ? 'end' : 'middle';
    const x = anchor === 'start' ? left + k * slot : anchor === 'end' ? left + (k + 1) * slot : left + (k + 0.5) * slot;
    root.append(svg('text', { x, y: height - 4, 'text-anchor': anchor, class: 'sb-tick' }, bars[k]!.label));
  }
  return root;
}
