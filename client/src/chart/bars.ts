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

/** Below this signed share of total influence, a person's influence reads as neutral. */
const NEUTRAL_BELOW = 0.01;
/** Below this signed share, an unsplit controversy reads "mostly neutral" rather than "mostly one-sided". */
const MOSTLY_NEUTRAL_BELOW = 0.25;
/** From this unsigned share on, the reading says how much of the split is unsigned weight halved. */
const UNSIGNED_NOTE_FROM = 0.05;

export interface PolarityReading {
  /** nothing (or almost nothing) is signed: the bar reads neutral */
  neutral: boolean;
  /** positive share of positive + negative, in % */
  positivePercent: number;
  /** how divided, in words */
  word: string;
  /** share of the influence with no sign (1 − |v| of each event), shown when it is large enough to matter */
  unsigned: number | null;
}

/**
 * How a person's polarity reads (DESIGN.md: each event counts (1 ± v)/2 positive / negative). Influence from
 * events with no sign (v = 0: messages, plain edge lists) splits half and half, which alone would read as a
 * perfectly divided person: when (almost) nothing is signed it reads neutral instead, and a mostly unsigned person
 * is "mostly neutral", not "one-sided".
 */
export function readPolarity(p: { total: number; positive: number; negative: number; controversy: number; signed: number }): PolarityReading {
  const sum = p.positive + p.negative;
  const positivePercent = sum > 0 ? (p.positive / sum) * 100 : 50;
  const signedShare = p.total > 0 ? Math.min(1, p.signed / p.total) : 0;
  if (signedShare < NEUTRAL_BELOW) return { neutral: true, positivePercent, word: 'nothing to divide over', unsigned: 1 - signedShare };
  const word =
    p.controversy >= 0.66 ? 'highly divisive' : p.controversy >= 0.33 ? 'mixed reception' : signedShare < MOSTLY_NEUTRAL_BELOW ? 'mostly neutral' : 'mostly one-sided';
  return { neutral: false, positivePercent, word, unsigned: 1 - signedShare >= UNSIGNED_NOTE_FROM ? 1 - signedShare : null };
}

/** Positive vs negative share of total influence, with the controversy index (0 = one-sided or neutral, 1 = even split). */
export function polarityBar(p: { total: number; positive: number; negative: number; controversy: number; signed: number }): HTMLElement {
  const r = readPolarity(p);
  const controversy = (text: string) =>
    el('div', { class: 'controversy' }, [el('span', { class: 'muted', text: 'Controversy ' }), el('strong', { text: p.controversy.toFixed(2) }), el('span', { class: 'muted', text })]);
  if (r.neutral) {
    return el('div', { class: 'polarity neutral' }, [
      el('div', { class: 'polarity-bar', attrs: { role: 'img', 'aria-label': 'neutral: no event is marked positive or negative' } }, [
        el('span', { class: 'polarity-neutral', style: { width: '100%' } }),
      ]),
      el('div', { class: 'polarity-legend' }, [el('span', { class: 'muted', text: '● Neutral: no event here is marked positive or negative' })]),
      controversy(` · ${r.word}`),
    ]);
  }
  const pos = r.positivePercent;
  return el('div', { class: 'polarity' }, [
    el('div', { class: 'polarity-bar', attrs: { role: 'img', 'aria-label': `${Math.round(pos)}% positive, ${Math.round(100 - pos)}% negative` } }, [
      el('span', { class: 'polarity-pos', style: { width: `${pos}%`, background: POSITIVE_COLOR } }),
      el('span', { class: 'polarity-neg', style: { width: `${100 - pos}%`, background: NEGATIVE_COLOR } }),
    ]),
    el('div', { class: 'polarity-legend' }, [
      el('span', { class: 'pos-text', text: `▲ ${Math.round(pos)}% positive` }),
      el('span', { class: 'neg-text', text: `▼ ${Math.round(100 - pos)}% negative` }),
    ]),
    controversy(` · ${r.word}${r.unsigned !== null ? ` · ${share(r.unsigned)} of the weight is unsigned, counted half each way` : ''}`),
  ]);
}
