/**
 * The suggestions a person hid (their dismissals, POST /api/dismissals), folded under the suggestion lists, each
 * with Restore: the way back for a suggestion hidden by mistake once the card's own Undo is gone.
 */
import type { Dismissal, Page } from '../../../src/domain/model.ts';
import { ApiError, type Api } from '../api.ts';
import { el, showMoreButton } from './dom.ts';

export interface HiddenSuggestionsOptions {
  api: Pick<Api, 'undismiss'>;
  viewer: string;
  /** names of the people in the dismissals (ids when missing) */
  names: ReadonlyMap<string, string>;
  /** after one was restored: the suggestion lists may show it again */
  onRestored(): void;
  /** "Show N more of M" under a page that is not all of them (without it, a note says how many are listed) */
  onMore?: { pageSize: number; show(): void };
}

/** "Meet Omar Haddad" for a pair the viewer is in, "Introduce Ana Torres to Omar Haddad" for one they would introduce. */
export function hiddenTitle(d: Pick<Dismissal, 'a' | 'b'>, viewer: string, names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  if (d.a === viewer) return `Meet ${name(d.b)}`;
  if (d.b === viewer) return `Meet ${name(d.a)}`;
  return `Introduce ${name(d.a)} to ${name(d.b)}`;
}

/** Nothing when the person hid nothing; else "Hidden suggestions (3)", folded, with Restore on each. */
export function hiddenSuggestions(page: Page<Dismissal>, opts: HiddenSuggestionsOptions): HTMLElement {
  if (page.total === 0) return el('div');
  const rows = page.items.map((d) => {
    const status = el('span', { class: 'record-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    const title = hiddenTitle(d, opts.viewer, opts.names);
    const restore = el('button', { class: 'btn btn-small', text: 'Restore', title: `Let Catalyst suggest this again: ${title}`, attrs: { type: 'button' } });
    restore.addEventListener('click', async () => {
      restore.disabled = true;
      try {
        await opts.api.undismiss(d.id);
        opts.onRestored();
      } catch (err) {
        status.className = 'record-status error';
        status.textContent = err instanceof ApiError ? err.message : `Could not restore it: ${(err as Error).message}`;
        restore.disabled = false;
      }
    });
    return el('li', { class: 'hidden-suggestion', attrs: { 'data-id': d.id } }, [el('span', { class: 'hidden-title', text: title }), restore, status]);
  });
  const rest = page.total - page.items.length;
  let more: HTMLElement | null = null;
  if (rest > 0 && opts.onMore) more = showMoreButton(page.items.length, page.total, opts.onMore.pageSize, opts.onMore.show);
  else if (rest > 0) more = el('p', { class: 'muted small', text: `The latest ${page.items.length} of ${page.total}.` });
  return el('details', { class: 'hidden-suggestions' }, [
    el('summary', { text: `Hidden suggestions (${page.total})` }),
    el('ol', { class: 'hidden-list' }, rows),
    more,
  ]);
}
