/**
 * Search by name: an ARIA combobox with a listbox of suggestions. Matches from the loaded graph show at once;
 * the API's matches (people outside the shown graph too) replace them when they arrive. Arrow keys move,
 * Enter picks, Escape closes, "/" anywhere focuses the box.
 */
import { clear, el } from './dom.ts';

export interface SearchHit {
  id: string;
  name: string;
  sectors: string[];
  /** false when the person is not in the shown graph */
  inGraph: boolean;
}

export interface SearchOptions {
  input: HTMLInputElement;
  list: HTMLElement;
  local(query: string): SearchHit[];
  remote(query: string, signal: AbortSignal): Promise<SearchHit[]>;
  onSelect(hit: SearchHit): void;
  /** "/" anywhere focuses this box (the page's main search only); default true */
  slashKey?: boolean;
}

export interface SearchBox {
  close(): void;
  teardown(): void;
}

export function createSearch(opts: SearchOptions): SearchBox {
  const { input, list } = opts;
  // option ids follow the list's id, so two search boxes on a page never share one
  const optionId = (k: number) => `${list.id}-hit-${k}`;
  let hits: SearchHit[] = [];
  let active = -1;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  list.setAttribute('role', 'listbox');

  function render(query: string): void {
    clear(list);
    if (hits.length === 0) {
      if (query.trim().length >= 2) list.appendChild(el('li', { class: 'search-empty', text: `No one called “${query.trim()}”` }));
      list.hidden = query.trim().length < 2;
      input.setAttribute('aria-expanded', String(!list.hidden));
      return;
    }
    hits.forEach((hit, k) => {
      const item = el('li', { class: 'search-hit', attrs: { role: 'option', id: optionId(k), 'aria-selected': k === active ? 'true' : 'false' } }, [
        el('span', { class: 'search-name', text: hit.name }),
        el('span', { class: 'search-meta', text: hit.sectors.slice(0, 3).join(' · ') + (hit.inGraph ? '' : ' · not in view') }),
      ]);
      item.addEventListener('mousedown', (e) => {
        e.preventDefault(); // keep focus in the input
        pick(k);
      });
      item.addEventListener('mousemove', () => setActive(k));
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-activedescendant', active >= 0 ? optionId(active) : '');
  }

  function setActive(k: number): void {
    if (k === active) return;
    active = k;
    list.querySelectorAll('[role=option]').forEach((node, i) => node.setAttribute('aria-selected', i === active ? 'true' : 'false'));
    input.setAttribute('aria-activedescendant', active >= 0 ? optionId(active) : '');
    list.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }

  function pick(k: number): void {
    const hit = hits[k];
    if (!hit) return;
    // A lookup still in flight must not reopen the list after the pick.
    controller?.abort();
    clearTimeout(timer);
    close();
    input.value = hit.name;
    input.blur();
    opts.onSelect(hit);
  }

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function update(): void {
    const query = input.value;
    controller?.abort();
    if (query.trim().length < 2) {
      hits = [];
      render(query);
      return;
    }
    hits = opts.local(query).slice(0, 10);
    active = hits.length ? 0 : -1;
    render(query);
    clearTimeout(timer);
    const c = new AbortController();
    controller = c;
    timer = setTimeout(() => {
      opts
        .remote(query, c.signal)
        .then((remote) => {
          if (c.signal.aborted) return;
          const seen = new Set<string>();
          const merged: SearchHit[] = [];
          for (const h of [...hits, ...remote]) {
            if (seen.has(h.id)) continue;
            seen.add(h.id);
            merged.push(h);
          }
          hits = merged.slice(0, 10);
          if (active < 0 && hits.length) active = 0;
          render(query);
        })
        .catch(() => {
          // The local matches stay; a failed lookup is not worth an error message while typing.
        });
    }, 120);
  }

  const onInput = () => update();
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden) update();
      else setActive(Math.min(hits.length - 1, active + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(0, active - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      if (!list.hidden) close();
      else input.blur();
    }
  };
  const onBlur = () => setTimeout(close, 100);
  const onFocus = () => {
    if (input.value.trim().length >= 2) {
      input.select();
      update();
    }
  };
  const onSlash = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (e.key === '/' && target && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
      e.preventDefault();
      input.focus();
    }
  };
  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKey);
  input.addEventListener('blur', onBlur);
  input.addEventListener('focus', onFocus);
  if (opts.slashKey !== false) document.addEventListener('keydown', onSlash);
  close();

  return {
    close,
    teardown() {
      controller?.abort();
      clearTimeout(timer);
      input.removeEventListener('input', onInput);
      input.removeEventListener('keydown', onKey);
      input.removeEventListener('blur', onBlur);
      input.removeEventListener('focus', onFocus);
      document.removeEventListener('keydown', onSlash);
    },
  };
}

/** Case- and accent-insensitive match of every word of the query against a name (word prefixes rank first). */
export function matchName(name: string, query: string): number {
  const norm = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const n = norm(name);
  const words = norm(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return -1;
  let score = 0;
  for (const w of words) {
    const at = n.indexOf(w);
    if (at < 0) return -1;
    score += at === 0 ? 3 : n[at - 1] === ' ' ? 2 : 1;
  }
  return score;
}
