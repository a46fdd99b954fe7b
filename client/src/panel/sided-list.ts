/**
 * The parts a profile's two-sided lists share (Trust: trusts / trusted by; Events: drove / reached by): a switch
 * between the two sides, each with its count; a page of the side shown, grown by "Show N more of M"; the names of
 * the people in it, asked of the API when the map does not have them; and a status line after a change.
 */
import type { Page } from '../../../src/domain/model.ts';
import type { Api } from '../api.ts';
import { clear, el, errorText, loading, showMoreButton } from './dom.ts';

export interface SidedList<S extends string> {
  /** the switch, then the list: to place in the section */
  readonly switcher: HTMLElement;
  readonly list: HTMLElement;
  side(): S;
  /** shows this side from its first page (the list the form just added to, say) */
  setSide(side: S): void;
  /** asks again for the side shown, and for both counts (after a change) */
  reload(): void;
}

export function sidedList<S extends string, T>(opts: {
  sides: readonly [S, S];
  initial: S;
  /** the switch button's words for a side, with its count when known */
  label(side: S, total: number | null): string;
  title?(side: S): string;
  /** the switch's name, for assistive technology */
  name: string;
  className: string;
  /** rows a page holds, and "Show more" adds */
  pageSize: number;
  signal: AbortSignal;
  /** a page of a side; `limit: 1` only to learn its total */
  fetch(side: S, limit: number, signal: AbortSignal): Promise<Page<T>>;
  /** runs before a page of a side is drawn (to learn names) */
  prepare?(items: T[], side: S, signal: AbortSignal): Promise<void>;
  row(item: T, side: S): HTMLElement;
  /** what an empty side says */
  empty(side: S): string;
  /** called when the side changes (forms that depend on it) */
  onSide?(side: S): void;
}): SidedList<S> {
  let side = opts.initial;
  let shown = opts.pageSize;
  const totals = new Map<S, number>();
  let request: AbortController | null = null;
  const list = el('div', { class: `${opts.className}-list` });
  const buttons = opts.sides.map((s) => {
    const b = el('button', { attrs: { type: 'button', 'data-side': s } });
    b.addEventListener('click', () => {
      if (s !== side) setSide(s);
    });
    return b;
  });
  const switcher = el('div', { class: `segmented ${opts.className}-switch`, attrs: { role: 'group', 'aria-label': opts.name } }, buttons);

  function renderSwitch(): void {
    buttons.forEach((b, k) => {
      const s = opts.sides[k]!;
      b.textContent = opts.label(s, totals.get(s) ?? null);
      if (opts.title) b.title = opts.title(s);
      b.setAttribute('aria-pressed', String(s === side));
    });
  }

  function setSide(s: S): void {
    side = s;
    shown = opts.pageSize;
    clear(list);
    opts.onSide?.(s);
    void load();
  }

  async function load(): Promise<void> {
    request?.abort();
    const c = new AbortController();
    request = c;
    const signal = AbortSignal.any([opts.signal, c.signal]);
    const asked = side;
    const other = opts.sides[0] === asked ? opts.sides[1] : opts.sides[0];
    renderSwitch();
    // a reload keeps the rows shown until the new ones come (no flicker)
    if (list.childElementCount === 0) list.append(loading());
    try {
      const [page, otherPage] = await Promise.all([opts.fetch(asked, shown, signal), totals.has(other) ? null : opts.fetch(other, 1, signal)]);
      totals.set(asked, page.total);
      if (otherPage) totals.set(other, otherPage.total);
      await opts.prepare?.(page.items, asked, signal);
      if (signal.aborted) return;
      renderSwitch();
      render(page.items, page.total);
    } catch (err) {
      if (signal.aborted) return;
      clear(list);
      list.append(errorText(err));
    }
  }

  function render(items: T[], total: number): void {
    clear(list);
    if (items.length === 0) {
      list.append(el('p', { class: 'muted small', text: opts.empty(side) }));
      return;
    }
    for (const item of items) list.append(opts.row(item, side));
    if (total > items.length) {
      list.append(
        showMoreButton(items.length, total, opts.pageSize, () => {
          shown += opts.pageSize;
          void load();
        }),
      );
    }
  }

  void load();
  return {
    switcher,
    list,
    side: () => side,
    setSide,
    reload() {
      totals.clear();
      void load();
    },
  };
}

/** People's names: those the map has, those learnt here, else the id. */
export function nameBook(api: Pick<Api, 'person'>, onMap: (id: string) => string | null, known: { id: string; name: string }[] = []) {
  const names = new Map<string, string>(known.map((p) => [p.id, p.name]));
  return {
    nameOf: (id: string): string => names.get(id) ?? onMap(id) ?? id,
    set: (id: string, name: string) => void names.set(id, name),
    /** asks the API for the names the map does not have (one that cannot be had stays the id) */
    async learn(ids: readonly string[], signal: AbortSignal): Promise<void> {
      const missing = [...new Set(ids)].filter((id) => !names.has(id) && onMap(id) === null);
      const found = await Promise.all(missing.map((id) => api.person(id, signal).then((p) => p, () => null)));
      for (const p of found) if (p) names.set(p.id, p.name);
    },
  };
}

/** A line saying what a change did ("Removed: … Undo"), or the API's refusal in red. */
export function statusLine(className: string): { element: HTMLElement; say(text: string, error?: boolean, action?: HTMLElement): void; clear(): void } {
  const element = el('p', { class: `muted small ${className}`, attrs: { role: 'status' } });
  return {
    element,
    say(text, error = false, action) {
      clear(element);
      element.className = `${error ? 'error' : 'muted'} small ${className}`;
      element.append(text, action ?? '');
    },
    clear: () => clear(element),
  };
}
