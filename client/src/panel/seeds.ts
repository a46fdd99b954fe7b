/**
 * Trusted PageRank's seeds, under "Size by" while the map is sized by it: the people its walk starts from (every
 * jump lands on them, so rank reaches only whoever influenced them, and whoever influenced those), as chips with ×
 * and a name search to add one. The server proposes the most trusted people; a change makes the list the user's
 * own, kept in the link, and "Use the most trusted" goes back to the server's.
 */
import type { GraphResponse } from '../../../src/api/contract.ts';
import { seedsFor, TRUSTED_METRIC, type Store, type ViewState } from '../state.ts';
import { clear, el } from './dom.ts';
import { peopleField } from './people-field.ts';
import type { SearchOptions } from './search.ts';

export type NamedSeeds = NonNullable<GraphResponse['seeds']>;

/** What the note under the seeds says: whose list it is, and what the seeds do. */
export function seedsNote(seeds: NamedSeeds | null, own: boolean): string {
  const what = 'Rank flows out from them only, to whoever influenced them: accounts that only vouch for each other gain nothing.';
  if (!seeds || seeds.length === 0) return `No seeds yet: add someone you know to be genuine. ${what}`;
  return own
    ? `Your ${seeds.length === 1 ? 'seed' : `${seeds.length} seeds`}. ${what}`
    : `The ${seeds.length === 1 ? 'most trusted person' : `${seeds.length} most trusted people`} (trust PageRank), in no suspected ring. ${what}`;
}

/** The seeds in a line: "Helena Brandt, Camaria Mariman and 8 more". */
export function seedsSummary(seeds: NamedSeeds | null, shown = 2): string {
  if (!seeds || seeds.length === 0) return 'no one yet';
  const names = seeds.slice(0, shown).map((x) => x.name);
  const rest = seeds.length - names.length;
  if (rest === 0) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.join(', ')} and ${rest} more`;
}

export interface SeedsBox {
  /** the seeds the shown map ran with (the server names them); null when it is not sized by Trusted PageRank */
  show(seeds: NamedSeeds | null): void;
  dispose(): void;
}

export function createSeedsBox(root: HTMLElement, opts: { store: Store<ViewState>; find: Pick<SearchOptions, 'local' | 'remote'> }): SeedsBox {
  const { store } = opts;
  let shown: NamedSeeds | null = null;
  const field = peopleField({
    label: 'Trusted seeds',
    initial: [],
    find: opts.find,
    listId: 'seeds-hits',
    placeholder: 'Add someone you trust…',
    onChange: () => {
      const ids = field.ids();
      store.set({ seeds: ids.length > 0 ? ids : null });
    },
    onPick: () => {},
  });
  const note = el('p', { class: 'caption muted small seeds-note' });
  const reset = el('button', {
    class: 'link small',
    text: 'Use the most trusted',
    title: 'Start again from the people the trust network proposes',
    attrs: { type: 'button' },
    on: { click: () => store.set({ seeds: null }) },
  });
  // folded, one line names them; Edit unfolds the chips and the search
  let editing = false;
  const names = el('span', { class: 'seeds-names' });
  const toggle = el('button', {
    class: 'link small',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'seeds-editor' },
    on: {
      click: () => {
        editing = !editing;
        sync(store.get());
        if (editing) field.element.querySelector('input')?.focus();
      },
    },
  });
  const editor = el('div', { class: 'seeds-editor', attrs: { id: 'seeds-editor' } }, [field.element]);
  clear(root);
  root.append(el('p', { class: 'seeds-summary small' }, [el('span', { class: 'muted', text: 'From ' }), names, ' ', toggle]), editor, note, reset);

  const sync = (s: Readonly<ViewState>) => {
    root.hidden = s.metric !== TRUSTED_METRIC;
    const own = seedsFor(s) !== null;
    reset.hidden = !own;
    editor.hidden = !editing;
    toggle.textContent = editing ? 'Done' : 'Edit';
    toggle.setAttribute('aria-expanded', String(editing));
    names.textContent = seedsSummary(shown);
    names.title = (shown ?? []).map((x) => x.name).join('\n');
    note.textContent = seedsNote(shown, own);
  };
  sync(store.get());
  const unsubscribe = store.subscribe((s) => sync(s));
  return {
    show: (seeds) => {
      shown = seeds;
      field.set(seeds ?? []);
      sync(store.get());
    },
    dispose: () => {
      unsubscribe();
      clear(root);
    },
  };
}
