/**
 * Small DOM bar charts for the person panel: a ranked list of labelled bars (medium profile, sector reach)
 * and the positive / negative split bar. Labels are text nodes.
 */
import { el, formatNumber } from '../panel/dom.ts';
import { NEGATIVE_COLOR, POSITIVE_COLOR } from '../graph/palette.ts';

export interface BarItem {
  label: string;
  value: number;
  color?: string;
}

/** A share as a short percentage: 0.412 → "41%", 0.004 → "<1%". */
export function share(fraction: number): string {
  if (!(fraction > 0)) return '0%';
  if (fraction < 0.01) return '<1%';
  return `${Math.round(fraction * 100)}%`;
}

export function barList(items: readonly BarItem[], opts: { max?: number; limit?: number; empty?: string } = {}): HTMLElement {
  const shown = [...items].filter((i) => i.value > 0).sort((a, b) => b.value - a.value).slice(0, opts.limit ?? 6);
  if (shown.length === 0) return el('p', { class: 'muted small', text: opts.empty ?? 'Nothing recorded.' });
  const max = opts.max ?? Math.max(...shown.map((i) => i.value));
  const sum = items.reduce((s, i) => s + Math.max(0, i.value), 0) || 1;
  return el(
    'ul',
    { class: 'bars' },
    shown.map((item) =>
      el('li', { class: 'bar-row' }, [
        el('span', { class: 'bar-label', text: item.label, title: item.label }),
        el('span', { class: 'bar-track' }, [
          el('span', {
            class: 'bar-fill',
            style: { width: `${Math.max(2, (item.value / (max || 1)) * 100)}%`, ...(item.color ? { background: item.color } : {}) },
          }),
        ]),
        el('span', { class: 'bar-value', text: share(item.value / sum), title: formatNumber(item.value) }),
      ]),
    ),
  );
}

/** Positive vs negative share of total influence, with the controversy index (0 = one-sided, 1 = even split). */
export function polarityBar(p: { total: number; positive: number; negative: number; controversy: number }): HTMLElement {
  const sum = p.positive + p.negative;
  const pos = sum > 0 ? (p.positive / sum) * 100 : 50;
  const controversyWord = p.controversy >= 0.66 ? 'highly divisive' : p.controversy >= 0.33 ? 'mixed reception' : 'mostly one-sided';
  return el('div', { class: 'polarity' }, [
    el('div', { class: 'polarity-bar', attrs: { role: 'img', 'aria-label': `${Math.round(pos)}% positive, ${Math.round(100 - pos)}% negative` } }, [
      el('span', { class: 'polarity-pos', style: { width: `${pos}%`, background: POSITIVE_COLOR } }),
      el('span', { class: 'polarity-neg', style: { width: `${100 - pos}%`, background: NEGATIVE_COLOR } }),
    ]),
    el('div', { class: 'polarity-legend' }, [
      el('span', { class: 'pos-text', text: `▲ ${Math.round(pos)}% positive` }),
      el('span', { class: 'neg-text', text: `▼ ${Math.round(100 - pos)}% negative` }),
    ]),
    el('div', { class: 'controversy' }, [
      el('span', { class: 'muted', text: 'Controversy ' }),
      el('strong', { text: p.controversy.toFixed(2) }),
      el('span', { class: 'muted', text: ` · ${controversyWord}` }),
    ]),
  ]);
}
